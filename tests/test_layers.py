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
    assert len(MODULES) > 30 and PACKAGE / "ui" / "kit" / "common.py" in MODULES


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_each_module_says_in_one_line_what_it_is_for(path: Path) -> None:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc and doc.splitlines()[0].strip(), f"{_name(path)} has no one-line docstring"
