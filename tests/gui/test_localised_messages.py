"""What the layers below the window say reaches a Chinese-speaking officer in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from inspection_client.message import Message
from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreFull
from inspection_client.ui import language
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.messages import error_text, localised
from inspection_client.ui.operations import ImmediateOperations
from tests.factories import passenger
from tests.gui.conftest import passport, sign_in

pytestmark = pytest.mark.gui


@pytest.fixture
def chinese(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """Signed in, in Chinese (the `window` fixture goes back to English afterwards)."""
    sign_in(qtbot, window)
    window.apply_settings("zh_CN", 10)
    qtbot.waitUntil(lambda: language.current() == "zh_CN", timeout=3000)
    return window


def _burst(qtbot: QtBot, window: MainWindow, lines: tuple[str, ...]) -> None:
    mrz = window.passenger.passenger.ui.mrzEdit
    for line in lines:
        qtbot.keyClicks(mrz, line)
        qtbot.keyClick(mrz, Qt.Key.Key_Return)


def test_a_failed_check_digit_is_explained_in_chinese(qtbot: QtBot, chinese: MainWindow) -> None:
    line1, line2 = passport()
    damaged = line2[:9] + str((int(line2[9]) + 1) % 10) + line2[10:]
    _burst(qtbot, chinese, (line1, damaged))
    checks = chinese.passenger.passenger.ui.checksLabel.text()
    assert f"证件号码校验位为 {damaged[9]}，应为 {line2[9]}" in checks
    assert "expected" not in checks


def test_lines_of_the_wrong_length_are_explained_in_chinese(
    qtbot: QtBot, chinese: MainWindow
) -> None:
    line1, line2 = passport()
    _burst(qtbot, chinese, (line1 + "<", line2))
    checks = chinese.passenger.passenger.ui.checksLabel.text()
    assert "读到 2 行，分别为 45 和 44 个字符" in checks
    assert "机读区为 3 行各 30 个字符" in checks  # the nested message is translated too


def test_a_full_disk_is_explained_in_chinese_and_the_form_kept(
    qtbot: QtBot, chinese: MainWindow, ops: ImmediateOperations
) -> None:
    _burst(qtbot, chinese, passport())
    path = Path("/data/lane.db")

    def full(_fn: object) -> object:
        def refuse(_store: object) -> object:
            raise StoreFull(
                Message(
                    "The disk holding {path} is full. Free some space (or ask IT to), then try "
                    "again. Nothing already saved was lost.",
                    path=path,
                )
            )

        return refuse

    ops.intercept = full
    fields = chinese.passenger.passenger.ui
    qtbot.keyClick(fields.mrzEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert fields.surnameEdit.text() == "ERIKSSON"
    box = chinese.passenger.findChild(QMessageBox, "problemBox")
    assert box is not None
    said = "的磁盘已满。请释放一些空间（或请信息技术人员处理）后重试。已保存的内容均未丢失。"
    assert box.text() == f"存放 {path} {said}"
    assert "磁盘已满" in chinese.passenger.ui.formMessageLabel.text()
    box.close()


def test_a_translation_that_lost_a_value_falls_back_to_english(chinese: MainWindow) -> None:
    # Not in the catalogue: shown as the English text, values filled in.
    assert localised(Message("no such template {x}", x=7)) == "no such template 7"
    # In the catalogue: translated, plain strings and other errors as they are.
    assert localised(Message("no MRZ text")) == "没有机读区文字"
    assert localised("plain") == "plain"
    assert error_text(RuntimeError("boom")) == "boom"
    assert error_text(ValueError(Message("document number is empty"))) == "证件号码为空"


def test_numbers_keep_their_format_in_the_translation(chinese: MainWindow) -> None:
    long_input = Message(
        "input is {length:,} characters long; an MRZ has at most 90 characters", length=12_345
    )
    assert localised(long_input) == "输入长 12,345 个字符；机读区最多 90 个字符"
    no_month = Message(
        "{label} {raw} is not a real date: there is no month {month:02d}",
        label=Message("birth date"),
        raw="741312",
        month=13,
    )
    assert localised(no_month) == "出生日期 741312 不是真实日期：没有 13 月"


def test_a_broken_audit_chain_is_announced_in_chinese(
    qtbot: QtBot, accounts: Store, data_dir: Path
) -> None:
    records.save(accounts, passenger(), officer="OFF1")
    accounts.conn.execute("UPDATE records SET content = replace(content, 'KHAN', 'KHAM')")
    reopened = Store.open(data_dir / "lane.db")
    language.install("zh_CN")
    window = MainWindow(ImmediateOperations(reopened), data_dir, sync=False)
    try:
        window.start()
        banner = window.ui.bannerLabel.text()
        assert f"⚠ {reopened.path} 的审计链已断裂：" in banner
        assert "请运行 `inspection-client audit verify` 并报告主管。" in banner
        assert "Run `" not in banner and "audit chain of" not in banner
    finally:
        window.shutdown()
        window.deleteLater()  # gone before the language changes back and its store closes
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        language.install("en")
        reopened.close()


def test_qts_own_file_dialog_has_no_english_label_left(
    qtbot: QtBot, chinese: MainWindow, tmp_path: Path
) -> None:
    assert language.qt_catalogue_gaps() == ["查找范围(&L)：", "文件类型(&T)：", "文件夹", "驱动器"]
    (tmp_path / "reports").mkdir()
    dialog = QFileDialog(chinese, "CSV", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.text() for label in dialog.findChildren(QLabel) if label.text()}
    assert labels == {"查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："}
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    folder = model.index(str(tmp_path / "reports"))
    qtbot.waitUntil(lambda: model.type(folder) != "", timeout=3000)
    assert model.type(folder) == "文件夹"
    dialog.close()
