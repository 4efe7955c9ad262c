"""Regenerate the compiled forms and translations: `python -m inspection_client.ui.build_forms`.

forms/<name>.ui -> inspection_client/ui/forms/ui_<name>.py (pyside6-uic);
translatable strings -> resources/translations/*.ts (pyside6-lupdate, keeps translations):
the window's own (`tr`, `translate`) and the templates of every `Message` made below it;
*.ts -> inspection_client/ui/resources/translations/*.qm (pyside6-lrelease), plus Qt's own
qtbase_<locale>.qm so stock dialog buttons are translated too.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "forms"
GENERATED = Path(__file__).resolve().parent / "forms"
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = Path(__file__).resolve().parent / "resources" / "translations"
LOCALES = ("zh_CN",)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise SystemExit(
            f"{name} is not on PATH; install PySide6 (pip install PySide6-Essentials)."
        )
    return found


def compile_form(ui_file: Path) -> str:
    """The Python module for one form, with our header instead of uic's (which names paths)."""
    out = subprocess.run(
        [_tool("pyside6-uic"), "--no-autoconnection", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("from "))
    header = [
        f"# generated from forms/{ui_file.name} — do not edit",
        "# Regenerate with: python -m inspection_client.ui.build_forms",
        "",
    ]
    return "\n".join(header + lines[start:]) + "\n"


def module_name(ui_file: Path) -> str:
    return f"ui_{ui_file.stem}.py"


def build_forms(target: Path = GENERATED) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    (target / "__init__.py").write_text(
        '"""Python modules generated from forms/*.ui by build_forms — do not edit."""\n'
    )
    written = []
    for ui_file in sorted(FORMS.glob("*.ui")):
        path = target / module_name(ui_file)
        path.write_text(compile_form(ui_file), encoding="utf-8")
        written.append(path)
    return written


def translation_sources() -> list[Path]:
    package = Path(__file__).resolve().parent
    sources = [p for p in package.rglob("*.py") if "forms" not in p.relative_to(package).parts]
    # The coded vocabularies' words live outside the window (printed documents share them).
    shared = [ROOT / "inspection_client" / "domain" / "words.py"]
    return sorted(sources) + shared + sorted(FORMS.glob("*.ui"))


def message_sources() -> list[Path]:
    """Modules outside the window that make `Message`s (and not the one that defines it)."""
    package = ROOT / "inspection_client"
    return sorted(
        p
        for p in package.rglob("*.py")
        if "ui" not in p.relative_to(package).parts and p != package / "message.py"
    )


def message_templates(sources: list[Path] | None = None) -> tuple[list[str], list[str]]:
    """Every `Message(...)` template in the sources, and where one is not a string literal."""
    templates: dict[str, None] = {}
    problems = []
    for path in sources if sources is not None else message_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _names_message(node.func)):
                continue
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                templates.setdefault(first.value)
            else:
                shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                problems.append(f"{shown}:{node.lineno}")
    return list(templates), problems


def _names_message(func: ast.expr) -> bool:
    return (isinstance(func, ast.Name) and func.id == "Message") or (
        isinstance(func, ast.Attribute) and func.attr == "Message"
    )


def update_catalogue(ts: Path) -> None:
    """Bring the catalogue `ts` up to date with the sources, keeping its translations.

    lupdate reads the window's modules and forms, and a scratch module that lists the
    `Message` templates in the form it understands.
    """
    from inspection_client.ui.messages import MESSAGE_CONTEXT as context

    templates, problems = message_templates()
    if problems:
        raise SystemExit("a Message template must be a string literal: " + ", ".join(problems))
    with tempfile.TemporaryDirectory() as scratch:
        catalogue = Path(scratch) / "message_templates.py"
        catalogue.write_text(
            "".join(f"QT_TRANSLATE_NOOP({context!r}, {template!r})\n" for template in templates),
            encoding="utf-8",
        )
        sources = [str(p.relative_to(ROOT)) for p in translation_sources()]
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                "-no-obsolete",
                "-locations",
                "none",
                *sources,
                str(catalogue),
                "-ts",
                str(ts),
            ],
            check=True,
            cwd=ROOT,
            capture_output=True,
        )


def build_translations(update_ts: bool = True) -> None:
    QM_DIR.mkdir(parents=True, exist_ok=True)
    TS_DIR.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QLibraryInfo

    qt_translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for locale in LOCALES:
        ts = TS_DIR / f"inspection_client_{locale}.ts"
        if update_ts:
            update_catalogue(ts)
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts), "-qm", str(QM_DIR / f"{ts.stem}.qm")],
            check=True,
            capture_output=True,
        )
        qtbase = qt_translations / f"qtbase_{locale}.qm"
        if qtbase.exists():
            shutil.copyfile(qtbase, QM_DIR / qtbase.name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms-only", action="store_true", help="do not touch translations")
    args = parser.parse_args(argv)
    for path in build_forms():
        print(f"wrote {path.relative_to(ROOT)}")
    if not args.forms_only:
        build_translations()
        print(f"translations compiled into {QM_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
