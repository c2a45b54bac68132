"""What a workshop file's ``[workshop]`` table does: new plans' start, the catalogue, its name.

- A new plan starts with the workshop's coach, title, area for pay, goal areas and review
  interval (:func:`start_plan`): for ``careerkit workshop new|add``, and for a plan that a
  notebook creates under a workshop file (e.g. ``$CAREERKIT_WORKSHOP`` on a JupyterHub).
  A person changes any of them later in their own plan; a plan never follows later edits
  of the file (it is theirs).
- ``catalog`` chooses the occupation catalogue (:func:`chosen_catalog`).
- ``title``, ``coach`` and ``date`` name the workshop in 00's set-up check (:func:`named`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from careerkit import workshop
from careerkit.dates import long_date

if TYPE_CHECKING:
    from careerkit.plan import Plan


def in_force() -> tuple[Path, workshop.WorkshopDetails] | None:
    """The workshop file in force and its ``[workshop]`` table; None when there is none.

    Raises :class:`careerkit.workshop.WorkshopError` for a file that cannot be used.
    """
    file = workshop.workshop_file()
    if not file.exists():
        return None
    return file, workshop.read_details(file)


def start_plan(plan: Plan, details: workshop.WorkshopDetails) -> None:
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
    except (workshop.WorkshopError, OSError):
        return False
    if found is None:
        return False
    start_plan(plan, found[1])
    return True


def chosen_catalog(file: Path, details: workshop.WorkshopDetails) -> Path | None:
    """The catalogue folder (or CSV) the workshop chose; None for the bundled catalogue.

    A relative path is read from the workshop file's folder, so a workshop folder can
    carry its own catalogue (``catalog = "catalog"`` beside ``workshop.toml``).
    """
    if details.catalog == workshop.BUNDLED:
        return None
    return (file.parent / Path(details.catalog).expanduser()).absolute()


def named(file: Path, details: workshop.WorkshopDetails) -> str:
    """One line naming the workshop: its title, coach, first session and file."""
    title = details.title or "a workshop"
    coach = f", coach {details.coach}" if details.coach else ""
    when = f", first session {long_date(details.date)}" if details.date else ""
    return f"{title}{coach}{when} (settings: {file})"
