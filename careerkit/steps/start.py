"""The start notebook: the route through the workbook, and a set-up check."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from careerkit import paths
from careerkit.plan.sections import DreamJob

if TYPE_CHECKING:
    from careerkit.plan import Plan

NOTEBOOKS = paths.NOTEBOOKS_DIR
#: The coach's notebooks (e.g. the cohort summary): beside the route, never part of it.
COACH_NOTEBOOKS = NOTEBOOKS / "coach"
_NAME = re.compile(r"^(\d\d)_\w+\.ipynb$")
#: Step reached, highest first: the step's number and a test that its plan section is filled.
_REACHED: tuple[tuple[str, Callable[[Plan], bool]], ...] = (
    ("07", lambda p: bool(p.reviews)),
    ("06", lambda p: bool(p.action_plan.items)),
    ("05", lambda p: bool(p.long_term.objectives)),
    ("04", lambda p: bool(p.short_term_goals.goals)),
    ("03", lambda p: bool(p.comparison.chosen or p.comparison.weights or p.comparison.ratings)),
    ("02", lambda p: bool(p.exploration.options)),
    ("01", lambda p: p.dream_job != DreamJob()),
)


@dataclass(frozen=True)
class Step:
    number: str
    file: str
    title: str


def route(folder: Path = NOTEBOOKS) -> list[Step]:
    """The workbook's steps, read from the numbered notebook files and their first heading."""
    steps = []
    for file in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        match = _NAME.match(file.name)
        if match:
            steps.append(Step(match.group(1), file.name, _heading(file)))
    return steps


def route_markdown(steps: list[Step] | None = None, here: str = "00") -> str:
    """The route as one line of Markdown, for 00's "The route" cell: the current step in
    bold, every other one a link to its notebook.

    Relative links, as the "Next" links at the end of each step: JupyterLab opens them in a
    tab, the app as its next page. (A link in a cell's HTML output would open a new browser
    tab in the app.) ``tests/steps/test_start.py`` checks the cell against this line.
    """
    items = [
        f"**▶ {s.number} {s.title}**" if s.number == here else f"[{s.number} {s.title}]({s.file})"
        for s in (steps if steps is not None else route())
    ]
    return " → ".join(items)


def step_reached(plan: Plan) -> str:
    """The number of the furthest step whose part of ``plan`` is filled in ("00" for none)."""
    return next((number for number, reached in _REACHED if reached(plan)), "00")


def coach_notebooks(folder: Path = COACH_NOTEBOOKS) -> list[Path]:
    """The coach's notebooks (not steps of the route): ``notebooks/coach/*.ipynb``."""
    return sorted(folder.glob("*.ipynb"))


def _heading(file: Path) -> str:
    cells = json.loads(file.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return re.sub(r"^\d\d\s*[-:.]?\s*", "", line[2:].strip())
    return file.stem


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def check_setup() -> list[Check]:
    """Check what the workbook needs: dependencies, the catalogue, a writable plan folder."""
    from careerkit.catalog import CatalogError
    from careerkit.plan import PlanError, ensure_writable
    from careerkit.workbook import load_catalog

    checks = [_check_dependencies()]
    try:
        catalog = load_catalog()
        checks.append(Check("Occupation catalog", True, f"{len(catalog)} occupations"))
    except CatalogError as err:
        checks.append(Check("Occupation catalog", False, str(err)))
    try:
        ensure_writable()
        checks.append(
            Check("Plan folder", True, f"{paths.shown(paths.plan_path().parent)} is writable")
        )
    except PlanError as err:
        checks.append(Check("Plan folder", False, str(err)))
    group = _check_workshop()
    return checks if group is None else [*checks, group]


def _check_workshop() -> Check | None:
    """The workshop file in force, named with its title, coach and date; None without one."""
    from careerkit import workshop
    from careerkit.steps.compare import setup as compare_setup

    try:
        found = workshop.in_force()
        if found:
            compare_setup.read_workshop(found[0])  # its [scoring] table too
    except (workshop.WorkshopError, OSError) as err:
        return Check("Workshop", False, str(err))
    shared = os.environ.get(paths.WORKSHOP_ENV)
    if found is None and shared:
        return Check(
            "Workshop",
            False,
            f"{paths.WORKSHOP_ENV} names {shared}, which does not exist: ask whoever set up "
            "this computer (or hub) to put the workshop file there, or unset the variable.",
        )
    return Check("Workshop", True, workshop.named(*found)) if found else None


def copy_notebooks(folder: Path) -> tuple[list[str], list[str]]:
    """Copy the workbook's notebooks (as installed) into ``folder``, made if need be.

    A notebook already in ``folder`` is kept as it is, never replaced. Returns the names
    copied and the names kept.
    """
    folder.mkdir(parents=True, exist_ok=True)
    copied, kept = [], []
    for step in route():
        target = folder / step.file
        if target.exists():
            kept.append(step.file)
        else:
            shutil.copyfile(NOTEBOOKS / step.file, target)
            copied.append(step.file)
    return copied, kept


def _check_dependencies(
    requirements: Iterable[str] | None = None, version: Callable[[str], str] = metadata.version
) -> Check:
    """Every declared dependency is installed, at a version careerkit's requirements accept.

    ``requirements`` defaults to careerkit's own (its installed metadata, from
    pyproject.toml); ``version`` gives a package's installed version (for tests).
    """
    from packaging.requirements import Requirement  # ships with matplotlib and jupyterlab
    from packaging.version import InvalidVersion

    if requirements is None:
        requirements = metadata.requires("careerkit") or []
    missing: list[str] = []
    wrong: list[str] = []
    for line in requirements:
        requirement = Requirement(line)
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue  # an optional extra, or not for this Python
        name, wanted = requirement.name, requirement.specifier
        try:
            installed = version(name)
        except metadata.PackageNotFoundError:
            missing.append(name)
            continue
        try:
            accepted = wanted.contains(installed, prereleases=True)
        except InvalidVersion:  # a home-made build: nothing to compare, so let it be
            accepted = True
        if not accepted:
            too_old = all(
                spec.operator in (">=", ">", "~=")
                for spec in wanted
                if not spec.contains(installed, prereleases=True)
            )
            problem = "is too old" if too_old else "is not a version careerkit works with"
            wrong.append(
                f"{name} {installed} {problem} (careerkit needs {name}{wanted}): run "
                f'`pip install "{name}{wanted}"` in the environment careerkit runs in '
                "(`.venv/bin/pip` after `make lab`), then restart the kernel"
            )
    if missing:
        return Check(
            "Dependencies", False, f"missing {', '.join(missing)}: run `make lab` in the project"
        )
    if wrong:
        return Check("Dependencies", False, "; ".join(wrong))
    return Check("Dependencies", True, f"careerkit {metadata.version('careerkit')} and its needs")
