"""What import-linter cannot say about the package's modules: each says what it is for.

The layers, where widgets and matplotlib may be imported, and the absence of import loops
are contracts in pyproject.toml's ``[tool.importlinter]``, checked by ``lint-imports`` in
``make test``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "careerkit"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)


def test_the_package_was_found() -> None:
    assert len(MODULES) > 30 and PACKAGE / "ui" / "kit" / "autosave.py" in MODULES


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_each_module_says_in_one_line_what_it_is_for(path: Path) -> None:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc and doc.splitlines()[0].strip(), f"{_name(path)} has no one-line docstring"


@pytest.mark.parametrize("face", ["careerkit/__init__.py", "careerkit/report/charts/__init__.py"])
def test_a_lazy_face_shows_type_checkers_the_names_it_serves(face: str) -> None:
    """The ``if TYPE_CHECKING:`` imports of a lazy face name the same modules as its
    ``_EXPORTS`` (an editor would otherwise show one function and run another)."""
    tree = ast.parse((PACKAGE.parent / face).read_text(encoding="utf-8"))
    exports = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "_EXPORTS"
    )
    seen = {
        alias.asname or alias.name: node.module
        for block in tree.body
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert seen == exports
