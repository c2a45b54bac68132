"""The package's layers, read from the imports with ``ast`` so they cannot creep back.

Widgets (ipywidgets) only in ``careerkit/ui``; matplotlib only in ``careerkit/charts``
and ``careerkit/ui``; nothing outside ``careerkit/ui`` imports ``careerkit.ui``; no
import loops between careerkit modules (imports under ``TYPE_CHECKING`` do not count).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "careerkit"


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Modules imported by ``path`` at run time (anywhere but under ``if TYPE_CHECKING``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for stmt in block.body
        for node in ast.walk(stmt)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


MODULES = {_module(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_the_package_was_found() -> None:
    assert (
        len(MODULES) > 30
        and "careerkit.report.charts" in MODULES
        and "careerkit.ui.kit.autosave" in MODULES
    )


def _uses(imports: set[str], top: str) -> bool:
    return any(name == top or name.startswith(f"{top}.") for name in imports)


@pytest.mark.parametrize("module", sorted(m for m in MODULES if not m.startswith("careerkit.ui")))
def test_only_ui_imports_widgets_and_ui(module: str) -> None:
    assert not _uses(MODULES[module], "ipywidgets"), f"{module} imports ipywidgets"
    assert not _uses(MODULES[module], "careerkit.ui"), f"{module} imports careerkit.ui"


@pytest.mark.parametrize(
    "module",
    sorted(m for m in MODULES if not m.startswith(("careerkit.ui", "careerkit.report.charts"))),
)
def test_only_charts_and_ui_import_matplotlib(module: str) -> None:
    assert not _uses(MODULES[module], "matplotlib"), f"{module} imports matplotlib"


def test_no_import_loops() -> None:
    graph = {
        m: {name for name in imports if name in MODULES and name != m}
        for m, imports in MODULES.items()
    }
    # A package's __init__ re-exporting its own submodules is not a loop of concern.
    graph = {
        m: {n for n in deps if not (n.startswith(m + ".") or m.startswith(n + "."))}
        for m, deps in graph.items()
    }
    loops: list[list[str]] = []
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                loops.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert loops == []


MAX_LINES = 520  # "modules a reader can hold in their head"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: _module(p))
def test_each_module_says_what_it_is_for_and_stays_short(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    doc = ast.get_docstring(ast.parse(source))
    assert doc and doc.splitlines()[0].strip(), f"{_module(path)} has no one-line docstring"
    assert len(source.splitlines()) <= MAX_LINES, f"{_module(path)} is over {MAX_LINES} lines"
