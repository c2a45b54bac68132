"""Workshop defaults: a coach's ``workshop.toml`` in the workspace sets the scoring criteria.

The file (in :func:`careerkit.paths.workspace`, or for a participant workspace made by
``careerkit workshop new``, in the workshop folder above ``participants/``) may hold a
``[workshop]`` table (see :func:`read_details`) and a ``[scoring]`` table; every key is
optional::

    [scoring]
    criteria = ["interest_fit", "skills_match", "pay", "work_life", "commute"]  # column order
    weights = { pay = 1, commute = 4 }         # starting weights, 0 to 5
    labels = { commute = "Short commute" }     # names shown for criteria

Without ``criteria`` careerkit's own criteria are used. A criterion without a weight
in the file keeps careerkit's default weight; a new criterion (one careerkit does not
fill from data, such as ``commute``) needs one, and the person rates it 0-10.

Which defaults are in force, most specific first: the criteria cell of notebook 03 when
it was edited; else the workshop file when it exists; else careerkit's defaults. A
workshop file that cannot be used is reported either way (:attr:`ScoringSetup.notes`);
careerkit's defaults then take its place.

``interest_items`` in ``[workshop]`` names the workshop's own interest item file (reworded
or translated; relative to the workshop file), used instead of the bundled one.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from careerkit import paths
from careerkit.criteria import (
    DEFAULT_WEIGHTS,
    Criterion,
    ScoringError,
    check_id,
    check_spelling,
    default_criteria,
    make_criteria,
)
from careerkit.errors import ForThePerson

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

FILE_NAME = paths.WORKSHOP_FILE
SCORING_KEYS = ("criteria", "weights", "labels")
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
CAREERKIT_DEFAULTS = "careerkit defaults"
EDITED = "edited in this notebook"


class WorkshopError(ForThePerson, ScoringError):
    """The workshop file cannot be read or holds a bad value; the message names the file."""


@dataclass(frozen=True)
class ScoringSetup:
    """The criteria with their starting weights, and where they came from."""

    criteria: tuple[Criterion, ...]
    source: str  # CAREERKIT_DEFAULTS, EDITED, or "workshop file <path>"
    notes: tuple[tuple[str, str], ...] = ()  # (text, kind): what else was found and not used


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


def workshop_file() -> Path:
    """Where the workshop file is looked for: see :func:`careerkit.paths.workshop_file`
    (the workspace's, a participant's workshop folder's, then ``$CAREERKIT_WORKSHOP``).
    """
    return paths.workshop_file()


def _load(file: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise WorkshopError(f"The workshop file {file} cannot be read: {err}.") from err
    except tomllib.TOMLDecodeError as err:
        raise WorkshopError(
            f"The workshop file {file} is not valid TOML ({err}). Fix it, or remove it "
            "to use careerkit's defaults."
        ) from err


def read_workshop(path: Path | None = None) -> tuple[Criterion, ...] | None:
    """The criteria set by the workshop file; None without a file or a [scoring] table."""
    file = path or workshop_file()
    if not file.exists():
        return None
    data = _load(file)
    if "scoring" not in data:  # the file sets other things, not the scoring
        return None
    try:
        return _scoring(data["scoring"], file)
    except WorkshopError:
        raise
    except ScoringError as err:  # a criterion's name, weight or label (the message names file)
        raise WorkshopError(str(err)) from err


def read_details(path: Path | None = None) -> WorkshopDetails:
    """The workshop file's ``[workshop]`` table, checked; defaults without file or table."""
    file = path or workshop_file()
    if not file.exists():
        return WorkshopDetails()
    table = _load(file).get("workshop", {})
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
    file = path or workshop_file()
    name = read_details(file).interest_items
    return (file.parent / name).expanduser() if name else None


def _scoring(table: Any, file: Path) -> tuple[Criterion, ...]:
    where = f"The workshop file {file}, [scoring]"
    if not isinstance(table, Mapping):
        raise WorkshopError(f"{where} must be a table of criteria, weights and labels.")
    unknown = [key for key in table if key not in SCORING_KEYS]
    if unknown:
        raise WorkshopError(f"{where} has an unknown key {unknown[0]!r}; use {SCORING_KEYS}.")
    ids = table.get("criteria", list(DEFAULT_WEIGHTS))
    weights = table.get("weights", {})
    if not isinstance(ids, list) or not all(isinstance(cid, str) for cid in ids):
        raise WorkshopError(f'{where}: criteria must be a list of names, e.g. ["pay", "commute"].')
    for cid in ids:
        check_id(cid, where, toml=True)
        check_spelling(cid, where)
    if len(set(ids)) != len(ids):
        repeated = next(cid for cid in ids if ids.count(cid) > 1)
        raise WorkshopError(f"{where}: criteria lists {repeated!r} twice.")
    if not isinstance(weights, Mapping):
        raise WorkshopError(f"{where}: weights must be a table, e.g. {{ pay = 2 }}.")
    extra = [cid for cid in weights if cid not in ids]
    if extra:
        raise WorkshopError(
            f"{where}: weights names {extra[0]!r}, which is not in criteria {ids}; "
            "add it to criteria or fix the spelling."
        )
    missing = [cid for cid in ids if cid not in weights and cid not in DEFAULT_WEIGHTS]
    if missing:
        raise WorkshopError(
            f"{where}: the new criterion {missing[0]!r} needs a weight, "
            f"e.g. weights = {{ {missing[0]} = 3 }}."
        )
    return make_criteria(
        {cid: weights.get(cid, DEFAULT_WEIGHTS.get(cid)) for cid in ids},
        table.get("labels"),
        where,
        toml=True,
    )


def scoring_setup(
    criteria: Mapping[str, Any] | None = None, labels: Mapping[str, Any] | None = None
) -> ScoringSetup:
    """The criteria in force: the notebook's own (when they differ from careerkit's
    defaults), else the workshop file's, else careerkit's defaults.

    ``criteria`` maps criterion ids to starting weights (the notebook's CRITERIA cell);
    ``labels`` optionally names them. Raises :class:`ScoringError` for bad values in the
    cell; a workshop file that cannot be used is named in the notes, whoever wins.
    """
    edited = criteria is not None and (
        list(criteria.items()) != list(DEFAULT_WEIGHTS.items()) or bool(labels)
    )
    try:
        from_file, problem = read_workshop(), ""
    except ScoringError as err:
        from_file, problem = None, str(err)
    file = workshop_file()
    if edited:
        assert criteria is not None
        notes: tuple[tuple[str, str], ...] = ()
        if problem:
            notes = ((f"{problem} (Not in use now: the criteria cell was edited.)", "error"),)
        elif from_file is not None:
            notes = (
                (
                    f"The workshop file {file} sets other criteria and weights; they are not "
                    "used, because the criteria cell of this notebook was edited and wins.",
                    "info",
                ),
            )
        where = "The criteria cell (CRITERIA and LABELS)"
        return ScoringSetup(make_criteria(criteria, labels, where), EDITED, notes)
    if problem:
        return ScoringSetup(
            default_criteria(),
            CAREERKIT_DEFAULTS,
            ((f"{problem} Until it is fixed, careerkit's own criteria are used.", "error"),),
        )
    if from_file is not None:
        return ScoringSetup(from_file, f"workshop file {file}")
    return ScoringSetup(default_criteria(), CAREERKIT_DEFAULTS)
