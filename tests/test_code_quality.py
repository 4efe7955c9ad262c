"""Lint, layering and types are part of the test suite, so CI enforces them."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_FREE = [
    ROOT / "inspection_client" / name
    for name in ("domain", "store", "sync", "watchlist", "reports")
] + [ROOT / "inspection_central"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_qt_stays_in_the_user_interface_package() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for folder in QT_FREE
        for path in folder.rglob("*.py")
        if "PySide6" in _imports(path) or "inspection_client.ui" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def _tool(name: str) -> list[str]:
    if shutil.which(name) is None:
        pytest.fail(f"{name} is not installed; it comes with the test extra")
    return [sys.executable, "-m", name]


@pytest.mark.slow
def test_ruff_passes() -> None:
    result = subprocess.run(
        [*_tool("ruff"), "check", "."], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict_passes_on_the_layers_below_the_gui() -> None:
    result = subprocess.run([*_tool("mypy")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
