"""The compiled forms and translations match their sources."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path
from string import Formatter

import pytest

from inspection_client.ui import build_forms

pytestmark = pytest.mark.skipif(shutil.which("pyside6-uic") is None, reason="needs pyside6-uic")


def test_every_form_has_an_up_to_date_module(tmp_path: Path) -> None:
    written = build_forms.build_forms(tmp_path)
    assert len(written) == len(list(build_forms.FORMS.glob("*.ui"))) >= 10
    stale = [
        path.name
        for path in written
        if not (build_forms.GENERATED / path.name).exists()
        or (build_forms.GENERATED / path.name).read_text(encoding="utf-8")
        != path.read_text(encoding="utf-8")
    ]
    assert stale == [], "run `python -m inspection_client.ui.build_forms` and commit the result"


def test_no_module_without_its_form() -> None:
    forms = {build_forms.module_name(p) for p in build_forms.FORMS.glob("*.ui")}
    modules = {p.name for p in build_forms.GENERATED.glob("ui_*.py")}
    assert modules == forms


def test_every_string_is_translated_and_the_catalogue_compiled(tmp_path: Path) -> None:
    """lupdate over the sources finds nothing untranslated; the committed .qm is current."""
    ts = build_forms.TS_DIR / "inspection_client_zh_CN.ts"
    scratch = tmp_path / ts.name
    shutil.copyfile(ts, scratch)
    build_forms.update_catalogue(scratch)
    text = scratch.read_text(encoding="utf-8")
    untranslated = re.findall(r"<source>([^<]*)</source>\s*<translation type=\"unfinished\"", text)
    assert untranslated == [], "translate these in resources/translations/*.ts, then build_forms"
    compiled = tmp_path / "check.qm"
    subprocess.run(
        ["pyside6-lrelease", str(ts), "-qm", str(compiled)], check=True, capture_output=True
    )
    committed = build_forms.QM_DIR / "inspection_client_zh_CN.qm"
    assert committed.read_bytes() == compiled.read_bytes(), "run build_forms to compile the .qm"
    assert (build_forms.QM_DIR / "qtbase_zh_CN.qm").exists()


def test_the_installed_qt_binding_does_not_lose_references_to_none() -> None:
    from inspection_client.ui.app import qt_binding_is_sound

    assert qt_binding_is_sound(), "this PySide6 aborts Python 3.11 processes; see pyproject"


def test_a_message_template_must_be_a_literal(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text(
        "from inspection_client.message import Message\n"
        'A = Message("literal {x}", x=1)\n'
        'B = Message(f"made {A}")\n'
        "C = Message(A)\n"
    )
    templates, problems = build_forms.message_templates([module])
    assert templates == ["literal {x}"]
    assert [problem.rsplit(":", 1)[1] for problem in problems] == ["3", "4"]


def test_every_translation_names_only_values_its_source_has() -> None:
    """A translation with a value its source lacks would break `str.format` at the lane."""
    text = (build_forms.TS_DIR / "inspection_client_zh_CN.ts").read_text(encoding="utf-8")
    pairs = re.findall(r"<source>([^<]*)</source>\s*<translation>([^<]*)</translation>", text)
    assert len(pairs) > 500
    wrong = [
        (source, translation)
        for source, translation in pairs
        if not _values(translation) <= _values(source)
    ]
    assert wrong == []


def _values(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(html.unescape(template)) if name}
