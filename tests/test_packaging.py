"""The project's set-up files agree with each other and with the notebooks."""

from __future__ import annotations

import re
from pathlib import Path

from packaging.requirements import Requirement

from careerkit.steps.start import coach_notebooks, route
from tests.conftest import ROOT

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = project["dependencies"] + project["optional-dependencies"]["test"]
    return {Requirement(line).name: str(Requirement(line).specifier) for line in lines}


def _environment_requirements() -> dict[str, str]:
    found = {}
    text = (ROOT / "environment.yml").read_text()
    for line in text.split("\ndependencies:\n", 1)[1].splitlines():
        match = re.match(r"^  - ([A-Za-z][\w.-]*)([<>=!~][^#\s]*)?\s*(#.*)?$", line)
        if match and match.group(1) not in ("python", "pip"):
            found[match.group(1)] = match.group(2) or ""
    return found


def test_environment_yml_lists_the_same_dependencies_as_pyproject() -> None:
    assert _environment_requirements() == _pyproject_requirements()


def test_the_workbook_route_comes_from_the_notebook_files() -> None:
    steps = route()
    files = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert files, "no notebooks found"
    assert [s.file for s in steps] == files
    assert steps[0].file == "00_start.ipynb"


def test_coach_notebooks_are_beside_the_route_not_on_it() -> None:
    coach = coach_notebooks()
    assert [p.relative_to(ROOT).as_posix() for p in coach] == [
        p.relative_to(ROOT).as_posix()
        for p in sorted((ROOT / "notebooks").rglob("*.ipynb"))
        if p.parent.name == "coach"
    ]
    assert coach, "no coach notebooks found"
    assert not {p.name for p in coach} & {s.file for s in route()}
    readme = (ROOT / "README.md").read_text()
    for path in coach:  # each is linked from the README, outside the steps' table
        assert f"]({path.relative_to(ROOT).as_posix()})" in readme


def test_readme_table_of_contents_matches_the_notebooks() -> None:
    readme = (ROOT / "README.md").read_text()
    listed = re.findall(r"\[([^\]]+)\]\(notebooks/(\d\d_\w+\.ipynb)\)", readme)
    assert listed == [(s.title, s.file) for s in route()]


def test_notebooks_are_committed_clean_and_have_a_kernel() -> None:
    import nbformat

    notebooks = sorted((ROOT / "notebooks").rglob("*.ipynb"))
    assert notebooks and set(coach_notebooks()) < set(notebooks)
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        assert nb.metadata.get("kernelspec", {}).get("name") == "python3", path.name
        assert nb.metadata.get("careerkit", {}).get("private_outputs") is True, path.name
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, path.name


def test_gitignore_keeps_the_workspace_out() -> None:
    ignored = (ROOT / ".gitignore").read_text().split()
    assert {"workspace/", ".venv/", ".ipynb_checkpoints/"} <= set(ignored)


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "make test" in ci.splitlines()[-1]
    assert "make test" in readme and "make lab" in readme
    assert Path(ROOT / ".ci" / "run").stat().st_mode & 0o111


def test_tests_run_in_a_throwaway_home_and_workspace(workspace: Path) -> None:
    import tempfile

    from careerkit import paths

    temp = Path(tempfile.gettempdir()).resolve()
    assert temp in Path.home().resolve().parents
    assert temp in paths.plan_path().resolve().parents
