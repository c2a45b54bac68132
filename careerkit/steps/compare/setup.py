"""Which criteria step 03 starts from: its coach cell, the workshop's ``[scoring]``, or careerkit's.

A workshop file's ``[scoring]`` table (:class:`ScoringSettings` declares its keys); every
key is optional::

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
from typing import Any, ClassVar

from careerkit.paths import workshop_file
from careerkit.steps.compare.criteria import (
    DEFAULT_LABELS,
    DEFAULT_WEIGHTS,
    WEIGHT_MAX,
    Criterion,
    ScoringError,
    check_id,
    check_spelling,
    default_criteria,
    make_criteria,
)
from careerkit.workshop import Settings, Workshop, WorkshopError, setting

CAREERKIT_DEFAULTS = "careerkit defaults"
EDITED = "edited in this notebook"


class ScoringFileError(WorkshopError, ScoringError):
    """The workshop file's ``[scoring]`` cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class ScoringSettings(Settings):
    """The ``[scoring]`` table: step 03's criteria, their starting weights and names."""

    TABLE: ClassVar[str] = "scoring"

    criteria: tuple[str, ...] = setting(
        tuple(DEFAULT_WEIGHTS),
        "The decision criteria of notebook 03, in column order. Add one of your own (e.g. "
        '"commute") with a weight, and participants rate it 0-10; delete one to leave it out.',
        example='["pay", "outlook", "work_life"]',
    )
    weights: Mapping[str, float] = setting(
        DEFAULT_WEIGHTS,
        f"Starting weights, 0 (does not count) to {WEIGHT_MAX:g} (counts most); a criterion "
        "of careerkit's left out keeps its own. A participant's own slider moves are saved "
        "in their plan and replace these.",
        example="{ pay = 2, outlook = 4 }",
    )
    labels: Mapping[str, str] = setting(
        DEFAULT_LABELS,
        "The names shown for the criteria.",
        example='{ pay = "Salary" }',
    )

    def checked(self, table: Mapping[str, Any], where: str) -> ScoringSettings:
        """Rules between the keys: each criterion once, a weight for each new one, no
        weight or label for a criterion that is not listed."""
        ids = list(self.criteria)
        for cid in ids:
            check_id(cid, where, toml=True)
            check_spelling(cid, where)
        if len(set(ids)) != len(ids):
            repeated = next(cid for cid in ids if ids.count(cid) > 1)
            raise ScoringFileError(f"{where}: criteria lists {repeated!r} twice.")
        given = table.get("weights", {})
        extra = [cid for cid in given if cid not in ids]
        if extra:
            raise ScoringFileError(
                f"{where}: weights names {extra[0]!r}, which is not in criteria {ids}; "
                "add it to criteria or fix the spelling."
            )
        missing = [cid for cid in ids if cid not in given and cid not in DEFAULT_WEIGHTS]
        if missing:
            raise ScoringFileError(
                f"{where}: the new criterion {missing[0]!r} needs a weight, "
                f"e.g. weights = {{ {missing[0]} = 3 }}."
            )
        self.to_criteria(table, where)  # weights' range, labels' criteria
        return self

    def to_criteria(self, table: Mapping[str, Any], where: str) -> tuple[Criterion, ...]:
        """The criteria with their starting weights; a label only where the file gave one or
        careerkit has one."""
        weights = {cid: self.weights.get(cid, DEFAULT_WEIGHTS.get(cid)) for cid in self.criteria}
        labels = self.labels if "labels" in table else {}
        return make_criteria(weights, labels, where, toml=True)


SCORING_KEYS = ScoringSettings.keys()


@dataclass(frozen=True)
class ScoringSetup:
    """The criteria with their starting weights, and where they came from."""

    criteria: tuple[Criterion, ...]
    source: str  # CAREERKIT_DEFAULTS, EDITED, or "workshop file <path>"
    notes: tuple[tuple[str, str], ...] = ()  # (text, kind): what else was found and not used


def read_workshop(path: Path | None = None) -> tuple[Criterion, ...] | None:
    """The criteria set by the workshop file; None without a file or a [scoring] table."""
    workshop = Workshop(path or workshop_file())
    if not workshop.file.exists():
        return None
    try:
        table = workshop.data().get(ScoringSettings.TABLE)
        if table is None:  # the file sets other things, not the scoring
            return None
        found = ScoringSettings.from_toml(table, workshop.file)
        return found.to_criteria(table, f"The workshop file {workshop.file}, [scoring]")
    except ScoringFileError:
        raise
    except (WorkshopError, ScoringError) as err:  # the message names the file
        raise ScoringFileError(str(err)) from err


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
