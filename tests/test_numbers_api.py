"""checker.numbers is a leaf with a documented public API: it imports only itself and the text primitives, and
every name of ``__all__`` is importable and named in the package docstring."""

from __future__ import annotations

import ast
from pathlib import Path

import checker.numbers as numbers

PACKAGE = Path(numbers.__file__).parent


def _checker_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("checker"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("checker")}
    return found


def test_numbers_imports_only_itself_and_the_text_primitives() -> None:
    outside = {module for path in PACKAGE.glob("*.py") for module in _checker_imports(path)
               if not module.startswith(("checker.numbers", "checker.text"))}
    assert outside == set()


def test_every_public_name_is_importable_and_documented() -> None:
    doc = numbers.__doc__ or ""
    assert "checker.rules.numbers" not in doc  # number_view lives in checker.analysis.per_paper
    assert "checker.analysis.per_paper.number_view" in doc
    for name in numbers.__all__:
        assert getattr(numbers, name) is not None
        assert name in doc, f"{name} is public but not described in the package docstring"
