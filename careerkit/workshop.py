"""The workshop file (``workshop.toml``): where it is found, what its tables hold, what it starts.

The file (in :func:`careerkit.paths.workspace`, or for a participant workspace made by
``careerkit workshop new``, in the workshop folder above ``participants/``) may hold a
``[workshop]`` table (:func:`read_details`: a new plan's coach, title, area for pay, goal
areas and review interval; the catalog; the interest items) and a ``[scoring]`` table
(read by :mod:`careerkit.steps.compare.setup`); every key is optional.

``interest_items`` in ``[workshop]`` names the workshop's own interest item file (reworded
or translated; relative to the workshop file), used instead of the bundled one.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerkit import paths
from careerkit.dates import long_date
from careerkit.errors import ForThePerson

if TYPE_CHECKING:
    from careerkit.plan import Plan

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

DETAILS_KEYS = (
    "title",
    "coach",
    "date",
    "goal_areas",
    "review_every_months",
    "catalog",
    "area",
    "interest_items",
)
BUNDLED = "bundled"


class WorkshopError(ForThePerson, ValueError):
    """The workshop file cannot be read or holds a bad value; the message names the file."""


@dataclass(frozen=True)
class WorkshopDetails:
    """The ``[workshop]`` table: what a new participant plan starts with, and a record."""

    title: str = ""
    coach: str = ""
    date: date | None = None  # the first session
    goal_areas: tuple[str, ...] = ()  # empty: the plan's own default areas
    review_every_months: int = 12  # 12 or 24, as notebook 06 offers
    catalog: str = BUNDLED  # "bundled", or a catalogue folder (relative to the file)
    area: str = ""  # BLS OEWS area code for local pay ("" = the whole nation)
    interest_items: str = ""  # the workshop's own interest item file ("" = the bundled one)


def load_toml(file: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise WorkshopError(f"The workshop file {file} cannot be read: {err}.") from err
    except tomllib.TOMLDecodeError as err:
        raise WorkshopError(
            f"The workshop file {file} is not valid TOML ({err}). Fix it, or remove it "
            "to use careerkit's defaults."
        ) from err


def read_details(path: Path | None = None) -> WorkshopDetails:
    """The workshop file's ``[workshop]`` table, checked; defaults without file or table."""
    file = path or paths.workshop_file()
    if not file.exists():
        return WorkshopDetails()
    table = load_toml(file).get("workshop", {})
    where = f"The workshop file {file}, [workshop]"
    if not isinstance(table, Mapping):
        raise WorkshopError(f'{where} must be a table, e.g. title = "Spring cohort".')
    unknown = [key for key in table if key not in DETAILS_KEYS]
    if unknown:
        raise WorkshopError(f"{where} has an unknown key {unknown[0]!r}; use {DETAILS_KEYS}.")
    for key in ("title", "coach", "catalog", "area", "interest_items"):
        if not isinstance(table.get(key, ""), str):
            raise WorkshopError(f'{where}: {key} must be text in quotes, e.g. {key} = "...".')
    when = table.get("date")
    if when is not None and (not isinstance(when, date) or hasattr(when, "hour")):
        raise WorkshopError(f"{where}: date must be a day without quotes, e.g. 2025-05-01.")
    areas = table.get("goal_areas", [])
    if not isinstance(areas, list) or not all(isinstance(a, str) and a.strip() for a in areas):
        raise WorkshopError(f'{where}: goal_areas must be a list of names, e.g. ["Learning"].')
    months = table.get("review_every_months", 12)
    if months not in (12, 24) or isinstance(months, bool):
        raise WorkshopError(f"{where}: review_every_months must be 12 or 24, not {months!r}.")
    return WorkshopDetails(
        title=table.get("title", "").strip(),
        coach=table.get("coach", "").strip(),
        date=when,
        goal_areas=tuple(a.strip() for a in areas),
        review_every_months=int(months),
        catalog=table.get("catalog", BUNDLED).strip() or BUNDLED,
        area=table.get("area", "").strip(),
        interest_items=table.get("interest_items", "").strip(),
    )


def interest_items_file(path: Path | None = None) -> Path | None:
    """The workshop's own interest item file (``interest_items``, relative to the workshop
    file), or None for the bundled one. Raises WorkshopError for an unreadable file."""
    file = path or paths.workshop_file()
    name = read_details(file).interest_items
    return (file.parent / name).expanduser() if name else None


# --- what the [workshop] table does: new plans' start, the catalog, its name ---------


def in_force() -> tuple[Path, WorkshopDetails] | None:
    """The workshop file in force and its ``[workshop]`` table; None when there is none.

    Raises :class:`careerkit.workshop.WorkshopError` for a file that cannot be used.
    """
    file = paths.workshop_file()
    if not file.exists():
        return None
    return file, read_details(file)


def start_plan(plan: Plan, details: WorkshopDetails) -> None:
    """Give a new plan the workshop's starting values (the caller saves it)."""
    plan.profile.coach = details.coach
    plan.profile.workshop = details.title
    plan.profile.area = details.area
    if details.goal_areas:
        plan.short_term_goals.areas = list(details.goal_areas)
    plan.action_plan.review_every_months = details.review_every_months  # type: ignore[assignment]


def start_new_plan(plan: Plan) -> bool:
    """:func:`start_plan` with the workshop file in force, if any and readable.

    A file that cannot be read leaves the plan as careerkit starts it (00's set-up check
    names the file and the problem); returns whether the workshop's values were given.
    """
    try:
        found = in_force()
    except (WorkshopError, OSError):
        return False
    if found is None:
        return False
    start_plan(plan, found[1])
    return True


def chosen_catalog(file: Path, details: WorkshopDetails) -> Path | None:
    """The catalogue folder (or CSV) the workshop chose; None for the bundled catalogue.

    A relative path is read from the workshop file's folder, so a workshop folder can
    carry its own catalogue (``catalog = "catalog"`` beside ``toml``).
    """
    if details.catalog == BUNDLED:
        return None
    return (file.parent / Path(details.catalog).expanduser()).absolute()


def named(file: Path, details: WorkshopDetails) -> str:
    """One line naming the workshop: its title, coach, first session and file."""
    title = details.title or "a workshop"
    coach = f", coach {details.coach}" if details.coach else ""
    when = f", first session {long_date(details.date)}" if details.date else ""
    return f"{title}{coach}{when} (settings: {file})"
