"""The person's comparison: weights, ratings, gut answers and the choice, changed by rules.

:class:`ComparisonEditor` is what notebook 03's board changes ``plan.comparison`` through
(the widgets in ``careerkit.ui.compare`` only pass on what the person did), and
:func:`analyse` is the snapshot of scores and what-if results the board shows. A change
that breaks a rule (an unknown criterion, a weight above 5, a third choice) raises
:class:`ComparisonError` in plain words and leaves the plan as it was.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import get_args

import pandas as pd

from careerkit.plan import Comparison, Gut, Plan
from careerkit.plan.sections import Answer
from careerkit.steps.compare import scoring
from careerkit.steps.compare.criteria import WEIGHT_MAX, Criterion
from careerkit.steps.compare.scoring import Flip, Result, ScoreFn, ScoringError

MAX_CHOSEN = 2  # target occupations a person may choose
RATING_MAX = 10.0  # ratings go from 0 to 10
ANSWERS: tuple[str, ...] = get_args(Answer)  # a gut question's answers
GUT_FIELDS: tuple[str, ...] = tuple(Gut.model_fields)  # the gut questions


class ComparisonError(ValueError):
    """A change to the comparison that its rules do not allow (the plan is unchanged)."""


def choose(comparison: Comparison, chosen: list[str], today: date | None = None) -> bool:
    """Record ``chosen`` (option codes); the decision date changes only when the choice does.

    Returns whether anything changed. Choosing nothing clears the date; choosing more
    than :data:`MAX_CHOSEN` raises :class:`ComparisonError`.
    """
    if len(chosen) > MAX_CHOSEN:
        raise ComparisonError(f"Choose at most {MAX_CHOSEN}: untick one before you tick another.")
    if chosen == comparison.chosen:
        return False
    comparison.chosen = chosen
    comparison.decided = (today or date.today()) if chosen else None
    return True


class ComparisonEditor:
    """Changes ``plan.comparison`` for the criteria in use and the options compared.

    Weights saved for criteria not in use now (a coach removed them) are kept for when
    they come back; so are ratings of options no longer compared.
    """

    def __init__(self, plan: Plan, criteria: Sequence[Criterion], codes: Sequence[str]) -> None:
        self.plan, self.criteria, self.codes = plan, tuple(criteria), list(codes)
        self.ids = [c.id for c in self.criteria]

    @property
    def comparison(self) -> Comparison:
        return self.plan.comparison

    # --- what is in force ---

    def weights(self) -> pd.Series:
        """The person's weights, else the starting weights, by criterion in use."""
        saved = self.comparison.weights
        return pd.Series(
            {c.id: float(saved.get(c.id, c.weight)) for c in self.criteria}, dtype=float
        )

    def own(self) -> pd.DataFrame:
        """Option codes x criteria: the person's own ratings and overrides (NaN: none)."""
        return scoring.own_ratings(self.comparison.ratings, self.codes, self.ids)

    # --- changes ---

    def set_weight(self, criterion: str, value: float) -> None:
        """Save the weights in force, ``criterion`` at ``value`` (0 to 5)."""
        self._check_criterion(criterion)
        if not _finite(value) or not 0 <= value <= WEIGHT_MAX:
            raise ComparisonError(
                f"A weight goes from 0 to {WEIGHT_MAX:g}; {value!r} cannot be used for "
                f"{criterion!r}."
            )
        weights = self.weights()
        weights[criterion] = float(value)
        by_id = {str(c): float(v) for c, v in weights.items()}
        self.comparison.weights = {**self.comparison.weights, **by_id}

    def reset_weights(self) -> pd.Series:
        """Back to the starting weights for the criteria in use; returns the weights before."""
        before = self.weights()
        saved = self.comparison.weights
        self.comparison.weights = {k: v for k, v in saved.items() if k not in self.ids}
        return before

    def set_rating(self, code: str, criterion: str, value: float | None) -> None:
        """The person's rating (0 to 10) of option ``code`` on ``criterion``; None: none."""
        self._check_option(code)
        self._check_criterion(criterion)
        saved = self.comparison.ratings
        if value is None:
            saved.get(code, {}).pop(criterion, None)
            if code in saved and not saved[code]:
                del saved[code]
            return
        if not _finite(value) or not 0 <= value <= RATING_MAX:
            raise ComparisonError(
                f"A rating goes from 0 to {RATING_MAX:g}; {value!r} cannot be used for "
                f"{criterion!r}."
            )
        saved.setdefault(code, {})[criterion] = float(value)

    def set_gut(self, code: str, question: str, answer: str | None) -> None:
        """The answer ("yes", "unsure", "no"; None: none) to a gut question about ``code``."""
        self._check_option(code)
        if question not in GUT_FIELDS:
            raise ComparisonError(
                f"There is no gut question {question!r}; the questions are {', '.join(GUT_FIELDS)}."
            )
        if answer is not None and answer not in ANSWERS:
            raise ComparisonError(f"Answer {', '.join(ANSWERS)}, not {answer!r}.")
        answers = self.comparison.gut.get(code) or Gut()
        self.comparison.gut[code] = answers.model_copy(update={question: answer})

    def choose(self, chosen: list[str], today: date | None = None) -> bool:
        """The target occupations (codes of compared options), as :func:`choose`."""
        for code in chosen:
            self._check_option(code)
        return choose(self.comparison, chosen, today)

    def set_reason(self, text: str) -> None:
        """Why this direction, in the person's own words."""
        self.comparison.reason = text

    def _check_criterion(self, criterion: str) -> None:
        if criterion not in self.ids:
            raise ComparisonError(
                f"There is no criterion {criterion!r} in use; the criteria are "
                f"{', '.join(self.ids)}."
            )

    def _check_option(self, code: str) -> None:
        if code not in self.codes:
            raise ComparisonError(f"{code!r} is not one of the options compared.")


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


@dataclass(frozen=True)
class Analysis:
    """One consistent snapshot of the comparison: inputs, scores and what-if results."""

    weights: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))
    own: pd.DataFrame = field(default_factory=pd.DataFrame)  # the person's ratings (NaN: none)
    ratings: pd.DataFrame = field(default_factory=pd.DataFrame)  # own, else the data values
    result: Result | None = None
    sweep: pd.DataFrame | None = None
    flip: Flip | None = None
    problem: str = ""  # the scores cannot be computed
    whatif_problem: str = ""  # the scores can, the what-if analyses cannot


def analyse(
    weights: pd.Series, own: pd.DataFrame, data: pd.DataFrame, score: ScoreFn, sweep: str | None
) -> Analysis:
    """Scores and what-if analyses (a sweep of criterion ``sweep``, None: none) of the
    ratings ``own`` gives, else ``data``'s (both options x criteria, the same labels)."""
    ratings = own.where(own.notna(), data)
    inputs = {"weights": weights, "own": own, "ratings": ratings}
    try:
        result = scoring.score_options(ratings, weights, score)
    except ScoringError as err:
        return Analysis(**inputs, problem=str(err))
    try:
        swept, flip = scoring.what_if(ratings, weights, sweep, score, result.scores)
    except ScoringError as err:
        return Analysis(**inputs, result=result, whatif_problem=str(err))
    return Analysis(**inputs, result=result, sweep=swept, flip=flip)
