"""Which criteria step 03 starts from: its coach cell, the workshop's ``[scoring]``, or careerkit's.

A workshop file's ``[scoring]`` table; every key is optional::

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
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careerkit.paths import workshop_file
from careerkit.steps.compare.criteria import (
    DEFAULT_WEIGHTS,
    Criterion,
    ScoringError,
    check_id,
    check_spelling,
    default_criteria,
    make_criteria,
)
from careerkit.workshop import WorkshopError, load_toml

SCORING_KEYS = ("criteria", "weights", "labels")
CAREERKIT_DEFAULTS = "careerkit defaults"
EDITED = "edited in this notebook"


class ScoringFileError(WorkshopError, ScoringError):
    """The workshop file's ``[scoring]`` cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class ScoringSetup:
    """The criteria with their starting weights, and where they came from."""

    criteria: tuple[Criterion, ...]
    source: str  # CAREERKIT_DEFAULTS, EDITED, or "workshop file <path>"
    notes: tuple[tuple[str, str], ...] = ()  # (text, kind): what else was found and not used


def read_workshop(path: Path | None = None) -> tuple[Criterion, ...] | None:
    """The criteria set by the workshop file; None without a file or a [scoring] table."""
    file = path or workshop_file()
    if not file.exists():
        return None
    try:
        data = load_toml(file)
    except WorkshopError as err:
        raise ScoringFileError(str(err)) from err
    if "scoring" not in data:  # the file sets other things, not the scoring
        return None
    try:
        return _scoring(data["scoring"], file)
    except ScoringFileError:
        raise
    except ScoringError as err:  # a criterion's name, weight or label (the message names file)
        raise ScoringFileError(str(err)) from err


def _scoring(table: Any, file: Path) -> tuple[Criterion, ...]:
    where = f"The workshop file {file}, [scoring]"
    if not isinstance(table, Mapping):
        raise ScoringFileError(f"{where} must be a table of criteria, weights and labels.")
    unknown = [key for key in table if key not in SCORING_KEYS]
    if unknown:
        raise ScoringFileError(f"{where} has an unknown key {unknown[0]!r}; use {SCORING_KEYS}.")
    ids = table.get("criteria", list(DEFAULT_WEIGHTS))
    weights = table.get("weights", {})
    if not isinstance(ids, list) or not all(isinstance(cid, str) for cid in ids):
        raise ScoringFileError(
            f'{where}: criteria must be a list of names, e.g. ["pay", "commute"].'
        )
    for cid in ids:
        check_id(cid, where, toml=True)
        check_spelling(cid, where)
    if len(set(ids)) != len(ids):
        repeated = next(cid for cid in ids if ids.count(cid) > 1)
        raise ScoringFileError(f"{where}: criteria lists {repeated!r} twice.")
    if not isinstance(weights, Mapping):
        raise ScoringFileError(f"{where}: weights must be a table, e.g. {{ pay = 2 }}.")
    extra = [cid for cid in weights if cid not in ids]
    if extra:
        raise ScoringFileError(
            f"{where}: weights names {extra[0]!r}, which is not in criteria {ids}; "
            "add it to criteria or fix the spelling."
        )
    missing = [cid for cid in ids if cid not in weights and cid not in DEFAULT_WEIGHTS]
    if missing:
        raise ScoringFileError(
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
