"""docs/architecture.md lists every module of the package, each with its docstring's summary.

The list between the page's ``modules:start`` and ``modules:end`` markers is generated from
the package: after adding, renaming or moving a module (or changing the first paragraph of
its docstring), rewrite it with ``python -m tests.test_architecture_doc``.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from tests.conftest import ROOT

PAGE = ROOT / "docs" / "architecture.md"
PACKAGE = ROOT / "careerkit"
START = "<!-- modules:start: written by `python -m tests.test_architecture_doc`, do not edit -->"
END = "<!-- modules:end -->"
# Folders in the order of the layers, bottom to top; a folder not named here comes last.
LAYERS = ("", "plan", "catalog", "workshop", "workbook", "steps", "coach", "report", "ui", "app")


def summary(module: Path) -> str:
    """The first paragraph of a module's docstring, on one line."""
    docstring = ast.get_docstring(ast.parse(module.read_text(encoding="utf-8")))
    if not docstring:
        return "(NO DOCSTRING: give the module a one-line docstring)"
    return " ".join(docstring.strip().split("\n\n")[0].split())


def module_list() -> str:
    """The page's list of modules: a heading per folder of the package, a line per module."""
    folders: dict[Path, list[Path]] = {}
    for module in sorted(PACKAGE.rglob("*.py")):
        folders.setdefault(module.parent, []).append(module)
    lines = []
    for folder in sorted(folders, key=_layer_order):
        lines += ["", f"### `{folder.relative_to(ROOT).as_posix()}/`", ""]
        for module in sorted(folders[folder], key=lambda m: (m.name != "__init__.py", m.name)):
            lines.append(f"- `{module.relative_to(ROOT).as_posix()}`: {summary(module)}")
    return "\n".join([START, *lines, "", END])


def _layer_order(folder: Path) -> tuple[int, str]:
    inside = folder.relative_to(PACKAGE).parts
    top = inside[0] if inside else ""
    return (LAYERS.index(top) if top in LAYERS else len(LAYERS), "/".join(inside))


def listed(page: str) -> str:
    """The generated part of the page as it stands, markers included."""
    assert START in page and END in page, f"{PAGE} lost its {START!r} / {END!r} markers"
    return START + page.split(START, 1)[1].split(END, 1)[0] + END


def test_the_architecture_page_lists_every_module_with_its_docstring() -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert listed(page) == module_list(), (
        f"{PAGE.relative_to(ROOT)} does not list the package as it is: "
        "run `python -m tests.test_architecture_doc` and commit the page"
    )


def test_every_module_has_a_docstring_to_list() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 30, "the package was not found"
    missing = [m.relative_to(ROOT).as_posix() for m in modules if summary(m).startswith("(NO")]
    assert not missing, f"modules without a docstring: {missing}"


def test_the_where_things_live_table_names_files_that_exist() -> None:
    """Every path the page's "Where things live" table names is in the repository."""
    page = PAGE.read_text(encoding="utf-8")
    assert "## Where things live" in page, 'the page has no "Where things live" table'
    table = page.split("## Where things live", 1)[1].split("\n## ", 1)[0]
    named = [
        part.strip("`").rstrip("/")
        for part in table.split("`")[1::2]
        if part.startswith(("careerkit/", "notebooks/", "tests/", "data/", "docs/"))
        and "<" not in part  # a pattern, such as careerkit/ui/<slug>.py
    ]
    assert named, "the table names no path"
    missing = [path for path in named if not (ROOT / path).exists()]
    assert not missing, f"the table names paths that do not exist: {missing}"


def main() -> int:
    """Rewrite the page's list of modules from the package."""
    page = PAGE.read_text(encoding="utf-8")
    PAGE.write_text(page.replace(listed(page), module_list()), encoding="utf-8")
    print(f"wrote the module list of {PAGE.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
