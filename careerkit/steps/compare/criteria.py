"""The decision criteria of step 3: their ids, labels, starting weights and checks.

Both :mod:`careerkit.steps.compare.scoring` (the matrix) and :mod:`careerkit.workshop` (a coach's
defaults) build on these definitions; this module imports neither.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from numbers import Real
from typing import Any

#: Default criteria (column order) with their starting weights.
DEFAULT_WEIGHTS: dict[str, float] = {
    "interest_fit": 3.0,
    "skills_match": 3.0,
    "pay": 2.0,
    "outlook": 2.0,
    "work_life": 3.0,
    "development": 2.0,
    "feels_right": 3.0,
}
DEFAULT_LABELS = {
    "interest_fit": "Interest fit",
    "skills_match": "Skills match",
    "pay": "Pay",
    "outlook": "Outlook",
    "work_life": "Work-life balance",
    "development": "Career development",
    "feels_right": "Feels right",
}
#: Criteria filled from the catalog and the profile (rules in :mod:`.scoring`).
DATA_CRITERIA = ("interest_fit", "skills_match", "pay", "outlook", "work_life")
WEIGHT_MAX = 5.0
_ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class ScoringError(ValueError):
    """Criteria, weights or ratings that cannot be used; the message says how to fix them."""


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    weight: float  # starting weight, 0 to WEIGHT_MAX

    @property
    def from_data(self) -> bool:
        """True when careerkit fills this criterion from the catalogue and profile."""
        return self.id in DATA_CRITERIA


def label_for(criterion: str, labels: Mapping[str, str] | None = None) -> str:
    """The name shown for a criterion: its label, else a built-in one, else from the id."""
    if labels and criterion in labels:
        return labels[criterion]
    return DEFAULT_LABELS.get(criterion) or criterion.replace("_", " ").capitalize()


def suggest_id(name: Any) -> str:
    """A usable criterion id made from ``name``: accents dropped (NFKD), lower case, ``_``
    between words, at most 40 characters; e.g. "Nähe zur Familie" -> "nahe_zur_familie"."""
    plain = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9_]+", "_", plain.strip().lower()).strip("_")
    if words and not words[0].isalpha():
        words = f"c_{words}"
    return words[:40].rstrip("_")


def check_id(cid: Any, where: str, toml: bool = False) -> str:
    """``cid`` when it is a usable criterion id; else :class:`ScoringError` with a suggestion
    and, for a name with spaces or accents, how a label shows it as written (``toml``: in
    the workshop file's syntax rather than the notebook cell's)."""
    if isinstance(cid, str) and _ID.match(cid):
        return cid
    suggestion = suggest_id(cid) or "commute"
    message = (
        f"{where}: criterion name {cid!r} must be lower-case letters, digits and _ "
        f"(starting with a letter), e.g. {suggestion!r}."
    )
    if isinstance(cid, str) and cid.strip():
        shown = (
            f'labels = {{ {suggestion} = "{cid}" }}'
            if toml
            else f"LABELS = {{{suggestion!r}: {cid!r}}}"
        )
        message += f" To show it as {cid!r}, name it {suggestion!r} and add {shown}."
    raise ScoringError(message)


def check_spelling(cid: str, where: str) -> None:
    """ScoringError when ``cid`` looks like a misspelt built-in criterion (e.g.
    ``intrest_fit``): as a new criterion it would have no data and need rating by hand."""
    if cid in DEFAULT_WEIGHTS:
        return
    close = difflib.get_close_matches(cid, DEFAULT_WEIGHTS, n=1, cutoff=0.8)
    if close:
        raise ScoringError(
            f"{where}: there is no criterion called {cid!r}; did you mean {close[0]!r}? "
            f"Spelled {cid!r} it would be a new criterion that everyone rates by hand, and "
            f"the data careerkit has for {close[0]!r} would not be used. For a new criterion, "
            "choose a name that is not so close to one of careerkit's."
        )


def check_weight(value: Any, what: str) -> float:
    """``value`` as a float when it is a weight from 0 to WEIGHT_MAX; else ScoringError."""
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
        raise ScoringError(f"{what} is {value!r}; use a number from 0 to {WEIGHT_MAX:g}.")
    if not 0 <= float(value) <= WEIGHT_MAX:
        raise ScoringError(f"{what} is {value:g}; use a number from 0 to {WEIGHT_MAX:g}.")
    return float(value)


def make_criteria(
    weights: Mapping[str, Any],
    labels: Mapping[str, Any] | None = None,
    where: str = "criteria",
    toml: bool = False,
) -> tuple[Criterion, ...]:
    """Check criterion ids -> starting weights (and optional labels); ``where`` names the source.

    Raises :class:`ScoringError` saying what is wrong in plain words.
    """
    if not isinstance(weights, Mapping) or not weights:
        raise ScoringError(
            f"{where}: list at least one criterion with its weight, e.g. {{'pay': 2}}."
        )
    labels = {} if labels is None else labels
    if not isinstance(labels, Mapping):
        raise ScoringError(f"{where}: labels must map criterion names to text.")
    for cid in [*weights, *labels]:
        check_id(cid, where, toml)
    for cid in weights:
        check_spelling(cid, where)
    unknown = [cid for cid in labels if cid not in weights]
    if unknown:
        raise ScoringError(
            f"{where}: a label is given for {unknown[0]!r}, which is not one of the criteria "
            f"{list(weights)}; add it to the criteria or fix the spelling."
        )
    out = []
    for cid, weight in weights.items():
        number = check_weight(weight, f"{where}: the weight of {cid!r}")
        label = labels.get(cid)
        if label is not None and (not isinstance(label, str) or not label.strip()):
            raise ScoringError(f"{where}: the label of {cid!r} must be some text, not {label!r}.")
        out.append(Criterion(cid, label.strip() if label else label_for(cid), number))
    return tuple(out)


def default_criteria() -> tuple[Criterion, ...]:
    """careerkit's own criteria and starting weights."""
    return make_criteria(DEFAULT_WEIGHTS)
