"""The start notebook: the route through the workbook, and a set-up check."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from careerkit import paths

NOTEBOOKS = paths.DATA_DIR.parent / "notebooks"
_NAME = re.compile(r"^(\d\d)_\w+\.ipynb$")


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
    from careerkit.catalog import CatalogError, load_catalog
    from careerkit.plan import PlanError, ensure_writable

    checks = [_check_dependencies()]
    try:
        catalog = load_catalog()
        checks.append(Check("Occupation catalogue", True, f"{len(catalog)} occupations"))
    except CatalogError as err:
        checks.append(Check("Occupation catalogue", False, str(err)))
    try:
        ensure_writable()
        checks.append(
            Check("Plan folder", True, f"{paths.shown(paths.plan_path().parent)} is writable")
        )
    except PlanError as err:
        checks.append(Check("Plan folder", False, str(err)))
    return checks


def _check_dependencies() -> Check:
    """Every declared dependency is installed (run ``make lab`` again if not)."""
    from packaging.requirements import Requirement  # ships with matplotlib and jupyterlab

    missing = []
    for line in metadata.requires("careerkit") or []:
        requirement = Requirement(line)
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue  # an optional extra, or not for this Python
        name = requirement.name
        try:
            metadata.version(name)
        except metadata.PackageNotFoundError:
            missing.append(name)
    if missing:
        return Check(
            "Dependencies", False, f"missing {', '.join(missing)}: run `make lab` in the project"
        )
    return Check("Dependencies", True, f"careerkit {metadata.version('careerkit')} and its needs")
