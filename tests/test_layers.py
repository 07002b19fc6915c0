"""The house rule of checker/: imports point only down the layers, counting imports inside functions."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "checker"

# Lower numbers are lower layers. A unit may import its own modules and any unit of a lower layer.
LAYERS: dict[str, int] = {
    "checker": 0,  # the package root holds only __version__
    "model": 1,
    "text": 2,
    "read": 2,
    "numbers": 3,
    "analysis": 4,
    "rules": 5,
    "engine": 6,
    "judge": 7,
    "render": 8,
    "cli": 9,
    "__main__": 10,
}


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "checker"


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every ``checker`` import in a file, at any depth of the syntax tree."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "checker":
                found += [(node.lineno, f"checker.{alias.name}") for alias in node.names if alias.name != "__version__"]
            elif node.module.startswith("checker."):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("checker.")]
    return found


def upward_imports() -> list[str]:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = _module_name(path)
        here_unit = _unit(here)
        for line, module in imported_modules(path):
            there_unit = _unit(module)
            if there_unit == here_unit:
                continue
            if LAYERS[there_unit] >= LAYERS[here_unit]:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} {here} -> {module}")
    return wrong


def test_every_unit_has_a_layer() -> None:
    units = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    units |= {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    assert units - {"data"} <= set(LAYERS), units - set(LAYERS)


def test_imports_point_only_down() -> None:
    assert upward_imports() == []


def test_the_checker_finds_an_upward_import(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text("def late():\n    from checker.cli.app import main\n", encoding="utf-8")
    assert imported_modules(source) == [(2, "checker.cli.app")]


@pytest.mark.parametrize("limit", [400])
def test_no_module_over_the_line_limit(limit: int) -> None:
    long = [f"{p.relative_to(PACKAGE.parent)}: {n}" for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > limit]
    assert long == []
