"""What the wheel and the source distribution hold: an installed copy must find every file the
programs load, and the source distribution must be the whole project."""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("inspection_client", "inspection_central")
# The project's own files that no distribution needs.
NOT_DISTRIBUTED = {".gitignore"}


def _pyproject() -> dict:  # type: ignore[type-arg]
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _project_files() -> list[str]:
    """The project's files as the repository holds them (paths relative to the root)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an unpacked source distribution, say)")
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def _package_data() -> set[str]:
    """Files the wheel holds besides modules, by the globs pyproject.toml declares."""
    declared = _pyproject()["tool"]["setuptools"]["package-data"]
    found: set[str] = set()
    for package, patterns in declared.items():
        base = ROOT / package.replace(".", "/")
        for pattern in patterns:
            found.update(
                str(path.relative_to(ROOT)) for path in base.glob(pattern) if path.is_file()
            )
    return found


def test_every_file_in_the_packages_goes_into_the_wheel() -> None:
    """A style sheet, icon, translation or font added next to the code but not declared as
    package data works from the source tree and is missing once installed from the wheel."""
    resources = {
        name
        for name in _project_files()
        if name.split("/")[0] in PACKAGES and not name.endswith(".py")
    }
    assert resources, "no resources found: the layout changed?"
    assert resources - _package_data() == set()


def test_every_translation_the_window_loads_is_inside_the_package() -> None:
    """The window loads compiled catalogues from the package; the .ts sources at the root
    are not installed. Each source has its catalogue, and Qt's own for the same language."""
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    assert sources
    installed = ROOT / "inspection_client" / "ui" / "resources" / "translations"
    for source in sources:
        locale = source.stem.rsplit("_", 2)[-2:]
        assert (installed / f"{source.stem}.qm").is_file(), source.name
        assert (installed / f"qtbase_{'_'.join(locale)}.qm").is_file(), source.name


def _minimum(requirement: str) -> tuple[int, ...]:
    match = re.search(r">=\s*([\d.]+)", requirement)
    assert match, f"no minimum version in {requirement!r}"
    return tuple(int(part) for part in match.group(1).split("."))


def test_the_build_backend_understands_the_license_field() -> None:
    """`license = "Apache-2.0"` (an SPDX expression) is read by setuptools 77 on; an older
    one refuses pyproject.toml, so a wheel built offline with the system's setuptools
    failed."""
    pyproject = _pyproject()
    (setuptools,) = [
        item for item in pyproject["build-system"]["requires"] if item.startswith("setuptools")
    ]
    if isinstance(pyproject["project"].get("license"), str):
        assert _minimum(setuptools) >= (77,)


def _manifest_covers(name: str, lines: list[str]) -> bool:
    """Whether MANIFEST.in's commands (graft, prune, include, exclude, global-exclude)
    put `name` into the source distribution: the last one that matches it decides."""

    def under(folder: str) -> bool:
        return name.startswith(folder.rstrip("/") + "/")

    matches = {
        "graft": under,
        "prune": under,
        "include": lambda pattern: fnmatch.fnmatch(name, pattern),
        "exclude": lambda pattern: fnmatch.fnmatch(name, pattern),
        "global-exclude": lambda pattern: fnmatch.fnmatch(Path(name).name, pattern),
    }
    included = False
    for line in lines:
        command, *patterns = line.split()
        if any(matches[command](pattern) for pattern in patterns):
            included = command in ("graft", "include")
    return included


def test_the_source_distribution_is_the_whole_project() -> None:
    """Besides the packages, setuptools puts only the README, pyproject.toml, MANIFEST.in and
    the licence files pyproject.toml names into the source distribution: the forms and
    translation sources the generated modules come from, the systemd unit, the desktop entry,
    the docs and the tests have to be listed."""
    manifest = ROOT / "MANIFEST.in"
    lines = (
        [
            line.strip()
            for line in manifest.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")
        ]
        if manifest.exists()
        else []
    )
    by_default = _package_data() | {"README.md", "pyproject.toml", "MANIFEST.in", "LICENSE"}
    missing = [
        name
        for name in _project_files()
        if name not in NOT_DISTRIBUTED
        and name not in by_default
        and not (name.split("/")[0] in PACKAGES and name.endswith(".py"))
        and not _manifest_covers(name, lines)
    ]
    assert missing == []


PACKAGING = ROOT / "packaging"
VENV_BIN = "/opt/inspection/.venv/bin/"


def _keys(path: Path) -> dict[str, str]:
    """KEY=value lines of a desktop entry or systemd unit (the last one of a key wins)."""
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            found[key.strip()] = value.strip()
    return found


def test_the_desktop_entry_starts_the_installed_client_with_the_installed_icon() -> None:
    """The menu entry names the program the README installs in /opt/inspection/.venv and the
    icon name the README installs the icon under."""
    entry = _keys(PACKAGING / "inspection-client.desktop")
    scripts = _pyproject()["project"]["scripts"]
    assert entry["Exec"].startswith(VENV_BIN)
    assert entry["Exec"].removeprefix(VENV_BIN).split()[0] in scripts
    readme = (PACKAGING / "README.md").read_text(encoding="utf-8")
    assert f"/usr/share/icons/hicolor/scalable/apps/{entry['Icon']}.svg" in readme


def test_the_icon_the_readme_installs_is_in_the_wheel() -> None:
    readme = (PACKAGING / "README.md").read_text(encoding="utf-8")
    (icon,) = re.findall(r'parent / "([^"]+\.svg)"', readme)
    assert f"inspection_client/{icon}" in _package_data()


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None and os.environ.get("CI") != "true",
    reason="desktop-file-utils is not installed (scripts/bootstrap test installs it)",
)
def test_the_desktop_entry_is_valid() -> None:
    checked = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / "inspection-client.desktop")],
        capture_output=True,
        text=True,
    )
    assert (checked.returncode, checked.stdout + checked.stderr) == (0, "")


def test_the_unit_runs_the_installed_central_as_the_readme_sets_it_up() -> None:
    """The unit's program, env file and workers flag are the ones packaging/README.md
    installs, writes and tells SQLite sites to change."""
    unit = _keys(PACKAGING / "inspection-central.service")
    readme = (PACKAGING / "README.md").read_text(encoding="utf-8")
    program, command, *_ = unit["ExecStart"].split()
    assert program.startswith(VENV_BIN)
    assert program.removeprefix(VENV_BIN) in _pyproject()["project"]["scripts"]
    assert command == "serve"
    assert unit["EnvironmentFile"] == "/etc/inspection-central.env"
    assert unit["EnvironmentFile"] in readme
    assert unit["User"] == "inspection" and "useradd --system" in readme
    assert "--workers 2" in unit["ExecStart"]
    assert "sed -i 's/--workers 2/--workers 1/'" in readme
    assert f"/var/lib/{unit['StateDirectory']}/central.key" in readme
