"""The wheel's contents as pyproject.toml and setup.py declare them: every data file of checker/ and the judge's
prompts are package data, and the licence files exist. (The wheel itself is built and installed by hand; see
the README's Install section.)"""

from __future__ import annotations

import fnmatch
import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _package_of(path: Path) -> tuple[str, Path]:
    """The nearest enclosing package (a folder with __init__.py) of a file in checker/, and its folder."""
    folder = path.parent
    while not (folder / "__init__.py").is_file():
        folder = folder.parent
    return ".".join(folder.relative_to(ROOT).parts), folder


def test_every_data_file_in_checker_is_package_data() -> None:
    package_data: dict[str, list[str]] = PYPROJECT["tool"]["setuptools"]["package-data"]
    missed = []
    for path in sorted((ROOT / "checker").rglob("*")):
        if not path.is_file() or path.suffix in {".py", ".pyc"} or "__pycache__" in path.parts:
            continue
        package, folder = _package_of(path)
        relative = path.relative_to(folder).as_posix()
        if not any(fnmatch.fnmatch(relative, pattern) for pattern in package_data.get(package, [])):
            missed.append(f"{path.relative_to(ROOT)} (package {package})")
    assert not missed, f"not in [tool.setuptools.package-data], so not in the wheel: {missed}"


def test_the_prompts_ship_inside_the_package() -> None:
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    assert re.search(r'package_dir=\{"checker\.prompts": "prompts"\}', setup)
    assert '"checker.prompts"' in setup
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["checker.prompts"]
    from checker.judge import prompts

    for name in (prompts.SYSTEM_FILE, prompts.USER_FILE, prompts.JSON_OBJECT_FILE):
        assert (ROOT / "prompts" / name).is_file()
        assert any(fnmatch.fnmatch(name, pattern) for pattern in patterns)
    assert "data-files" not in PYPROJECT["tool"]["setuptools"]


def test_licence_is_a_pep639_expression_with_its_files() -> None:
    project = PYPROJECT["project"]
    assert isinstance(project["license"], str) and "Apache-2.0" in project["license"]
    for name in project["license-files"]:
        assert (ROOT / name).is_file(), name
    assert "Apache License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "CC-CEDICT" in (ROOT / "NOTICE").read_text(encoding="utf-8")
    assert not any(c.startswith("License ::") for c in project["classifiers"])  # PEP 639 forbids both
