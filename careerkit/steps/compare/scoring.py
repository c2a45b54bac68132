"""The weighted decision matrix of step 3: ratings, scores, ranks and what-if analyses.

The matrix has one row per option still on the shortlist and one column per criterion.
Every rating is on a 0-10 scale (10 best). Criteria backed by data are filled from
the catalogue and the person's profile by these rules, each on an absolute scale so
that adding or removing an option never changes another option's rating:

* ``interest_fit``: :func:`careerkit.catalog.fit.interest_fit` (0-100) divided by 10; needs the
  interest quiz of step 1.
* ``skills_match``: :func:`careerkit.catalog.fit.skills_match` (0-100) of the skills listed in
  step 1, divided by 10; needs at least one skill with an O*NET skill name (skills all in
  the person's own words say nothing of O*NET's: "not rated", never 0). Where O*NET has
  no skill ratings for the occupation, the share of the skills the person listed for that
  option in 02 (``Option.skills``, from postings or people in the job) that they have;
  with none listed it is "not rated", never 0.
* ``pay``: the median yearly wage on a log scale, $25,000 or less -> 0 and $150,000 or
  more -> 10 (so $61,000 -> 5). Each doubling of pay adds the same 3.9 points. A median
  BLS top-codes counts as its least value ($239,200: 10 anyway). Where BLS publishes
  only an hourly median (actors, dancers: work seldom full time all year), pay is "not
  rated": an hourly rate says nothing of a year's pay (:func:`hourly_only`).
* ``outlook``: the projected 10-year employment change in percent, ``(pct + 6) / 2``
  clipped to 0-10: shrinking by 6% or more -> 0, about average (+4%) -> 5, growing by
  14% or more -> 10.
* ``work_life``: the mean of two parts, each 0-10: hours (10 up to 40 hours a week,
  half a point less for each hour above, 0 at 60) and schedule (regular 10, seasonal 7,
  shifts 5, irregular 3). One part alone counts when the other is unknown.

Data values are rounded to one decimal. A person's own occupation (``Option.custom``)
gets ``pay`` from the wage the person entered; its other data criteria are "not rated"
until the person rates them. Every other criterion is rated by the person, who may
also override any data value; an override replaces the data value for that option.

Missing ratings: a criterion that is "not rated" for an option is left out of that
option's score, and the weights of the criteria it *is* rated on are rescaled to add up
to 100% (so the score stays on the 0-10 scale). Results flag such options. An option
with no rating on any criterion of positive weight cannot be scored: it has no score
and is ranked last.

The scoring formula is a function ``score(ratings, weights)`` (notebook 03 lets a coach
replace it). ``ratings`` is a DataFrame, one row per option (criteria as columns, NaN
where not rated); ``weights`` is a DataFrame of the same shape holding each criterion's
weight on every row, so ``ratings * weights`` weights each rating. It returns one
number per row. The standard rule is :func:`weighted_average`.

What-if analyses (a sweep over one weight, the weight change that would flip the top
two) stack every weight setting into one tall table and call the formula once, so they
are vectorised whatever the formula. That is only valid for a formula that scores each
row from that row alone; :func:`evaluate_settings` checks it and says so if not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from careerkit.catalog import HOURLY_ONLY, fit
from careerkit.plan import Option, Plan
from careerkit.steps import job_skills
from careerkit.steps.compare.criteria import (
    DATA_CRITERIA,
    WEIGHT_MAX,
    Criterion,
    ScoringError,
    check_weight,
)
from careerkit.steps.compare.formula import FormulaError, ScoreFn, evaluate

#: The weights a slider can take; flip analysis searches these.
WEIGHT_GRID = np.arange(0, WEIGHT_MAX + 0.25, 0.5)
#: The weights a sweep runs through: 0 to WEIGHT_MAX in 101 steps.
SWEEP_STEPS = np.linspace(0, WEIGHT_MAX, 101)
#: Scores closer than this are tied (so float rounding never decides a ranking).
TIE = 1e-9
PAY_FLOOR, PAY_CEILING = 25_000.0, 150_000.0
SCHEDULE_POINTS = {"regular": 10.0, "seasonal": 7.0, "shifts": 5.0, "irregular": 3.0}


# --- data-backed ratings ----------------------------------------------------------------


def pay_rating(wage: pd.Series) -> pd.Series:
    """Yearly wage -> 0-10 on a log scale between PAY_FLOOR and PAY_CEILING."""
    wage = pd.to_numeric(wage, errors="coerce").astype(float)
    span = np.log(PAY_CEILING) - np.log(PAY_FLOOR)
    rating = 10 * (np.log(wage.where(wage > 0)) - np.log(PAY_FLOOR)) / span
    return rating.clip(0, 10).round(1)


def outlook_rating(pct: pd.Series) -> pd.Series:
    """Projected 10-year employment change (%) -> 0-10: ``(pct + 6) / 2``, clipped."""
    pct = pd.to_numeric(pct, errors="coerce").astype(float)
    return ((pct + 6) / 2).clip(0, 10).round(1)


#: O*NET Work Context's typical work week -> 0-10, where no number of hours is known.
WEEK_POINTS = {"less than 40": 10.0, "40": 10.0, "more than 40": 5.0}


def work_life_rating(
    hours: pd.Series, schedule: pd.Series, week: pd.Series | None = None
) -> pd.Series:
    """Weekly hours (else O*NET's category of the work week) and schedule -> 0-10: the
    mean of the parts that are known."""
    hours = pd.to_numeric(hours, errors="coerce").astype(float)
    hours_part = (10 - (hours - 40).clip(lower=0) * 0.5).clip(0, 10)
    if week is not None:
        hours_part = hours_part.fillna(week.astype(object).map(WEEK_POINTS).astype(float))
    schedule_part = schedule.astype(object).map(SCHEDULE_POINTS).astype(float)
    return pd.concat([hours_part, schedule_part], axis=1).mean(axis=1).round(1)


def data_ratings(
    options: Sequence[Option],
    catalog: pd.DataFrame,
    interests: Mapping[str, float] | None,
    skills: Sequence[str],
) -> pd.DataFrame:
    """Options x DATA_CRITERIA, 0-10 by the module's rules; NaN where there is no data."""
    codes = pd.Index([o.code for o in options], name="option")
    listed = [o.code for o in options if not o.custom and o.code in catalog.index]
    rows = catalog.loc[listed]
    out = pd.DataFrame(np.nan, index=codes, columns=list(DATA_CRITERIA))
    if interests and listed:
        out["interest_fit"] = (fit.interest_fit(interests, rows) / 10).reindex(codes)
    if skills and listed:
        out["skills_match"] = (fit.skills_match(skills, rows) / 10).reindex(codes)
    if skills:
        for i, option in enumerate(options):
            if option.custom or job_skills.lacks_ratings(catalog, option.code):
                out.iloc[i, out.columns.get_loc("skills_match")] = (
                    job_skills.own_match(skills, option.skills) / 10
                )
    wages = rows["median_wage"].astype(float).reindex(codes)
    own_wages = pd.Series([o.median_wage if o.custom else np.nan for o in options], index=codes)
    out["pay"] = pay_rating(wages.fillna(own_wages.astype(float)))
    out["outlook"] = outlook_rating(rows["outlook_pct"].astype(float)).reindex(codes)
    out["work_life"] = work_life_rating(
        rows["weekly_hours"], rows["schedule"], rows["hours_per_week"]
    ).reindex(codes)
    return out.round(1)


def hourly_only(options: Sequence[Option], catalog: pd.DataFrame) -> list[str]:
    """Codes of the options whose pay BLS publishes only by the hour (pay not rated)."""
    if "wage_note" not in catalog:
        return []
    return [
        o.code
        for o in options
        if not o.custom
        and o.code in catalog.index
        and str(catalog.at[o.code, "wage_note"]) == HOURLY_ONLY
        # pandas-stubs: the scalar .at gives is wider than the scalars isna takes.
        and pd.isna(catalog.at[o.code, "median_wage"])  # type: ignore[arg-type]
    ]


def own_ratings(
    saved: Mapping[str, Mapping[str, float]], codes: Sequence[str], criteria: Sequence[str]
) -> pd.DataFrame:
    """The person's own ratings and overrides as options x criteria (NaN where none)."""
    values = [[saved.get(code, {}).get(c, np.nan) for c in criteria] for code in codes]
    return pd.DataFrame(
        np.array(values, dtype=float).reshape(len(codes), len(criteria)),
        index=pd.Index(codes, name="option"),
        columns=list(criteria),
    )


def plan_scores(
    plan: Plan, catalog: pd.DataFrame, options: Sequence[Option], criteria: Sequence[Criterion]
) -> pd.DataFrame:
    """``options``' score (0-10) and rank as step 03 shows them with the standard rule:
    the person's ratings (else the data's) and weights (else ``criteria``'s)."""
    ids = [c.id for c in criteria]
    saved = plan.comparison.weights
    weights = pd.Series({c.id: float(saved.get(c.id, c.weight)) for c in criteria})
    dream = plan.dream_job
    interests = dream.interests.scores if dream.interests else None
    data = data_ratings(options, catalog, interests, [s.name for s in dream.skills])
    own = own_ratings(plan.comparison.ratings, [o.code for o in options], ids)
    data = data.reindex(index=own.index, columns=ids)
    result = score_options(own.where(own.notna(), data), weights)
    return pd.DataFrame({"score": result.scores, "rank": result.ranks})


# --- scoring ----------------------------------------------------------------------------


def weighted_average(ratings: pd.DataFrame, weights: pd.DataFrame) -> pd.Series:
    """The standard rule: each option's weighted average of the criteria it is rated on."""
    return (ratings * weights).sum(axis=1) / (ratings.notna() * weights).sum(axis=1)


def check_inputs(ratings: pd.DataFrame, weights: pd.Series) -> None:
    """Raise ScoringError for weights or ratings that cannot be scored (NaN is "not rated")."""
    if list(weights.index) != list(ratings.columns):
        raise ScoringError(
            f"The weights {list(weights.index)} do not match the criteria "
            f"{list(ratings.columns)}; give one weight per criterion."
        )
    for cid, value in weights.items():
        check_weight(value, f"The weight of {cid!r}")
    values = ratings.to_numpy(dtype=float, na_value=np.nan)
    bad = ~np.isnan(values) & ((values < 0) | (values > 10))
    if bad.any():
        i, j = np.argwhere(bad)[0]
        raise ScoringError(
            f"The rating of {ratings.columns[j]!r} for {ratings.index[i]!r} is "
            f"{values[i, j]:g}; ratings go from 0 to 10 (move its slider to fix it)."
        )
    if weights.sum() == 0:
        raise ScoringError(
            "All the weights are 0, so nothing counts: move at least one weight above 0."
        )


def weights_table(weights: pd.Series, index: pd.Index) -> pd.DataFrame:
    """The weights repeated on every row, as ``score()`` receives them."""
    values = np.repeat(weights.to_numpy(dtype=float)[None, :], len(index), axis=0)
    return pd.DataFrame(values, index=index, columns=weights.index)


def rank(scores: np.ndarray) -> np.ndarray:
    """Ranks along the last axis: 1 = highest; ties (within TIE) share the better rank;
    NaN stays NaN."""
    s = np.where(np.isnan(scores), -np.inf, scores)
    with np.errstate(invalid="ignore"):  # -inf - -inf
        ranks = 1.0 + (s[..., None, :] - s[..., :, None] > TIE).sum(axis=-1)
    return np.where(np.isnan(scores), np.nan, ranks)


@dataclass(frozen=True)
class Result:
    scores: pd.Series  # option -> score (NaN: cannot be scored)
    ranks: pd.Series  # option -> rank, 1 = best, ties share (NaN: not scored)
    parts: pd.DataFrame  # option x criterion: each criterion's share of the score (NaN: no split)
    missing: pd.DataFrame  # option x criterion: True where a weighted criterion is not rated

    @property
    def leaders(self) -> list[str]:
        """The option(s) ranked first."""
        return list(self.ranks.index[self.ranks == 1])


def score_options(
    ratings: pd.DataFrame, weights: pd.Series, score: ScoreFn = weighted_average
) -> Result:
    """Scores, ranks and per-criterion parts for the current ratings and weights.

    The parts split each score by criterion as the standard rule does
    (weight x rating / rated weight), scaled to the formula's score; a score below 0,
    or above 0 where every weighted rating is 0, is not split (NaN parts).
    """
    check_inputs(ratings, weights)
    values = evaluate(score, ratings, weights_table(weights, ratings.index))
    scores = pd.Series(values, index=ratings.index, name="score")
    w = weights.to_numpy(dtype=float)
    rated = ratings.notna().to_numpy()
    filled = ratings.fillna(0).to_numpy(dtype=float)
    with np.errstate(all="ignore"):
        share = filled * w / (rated * w).sum(axis=1, keepdims=True)
        standard = share.sum(axis=1)
        factor = np.where(standard > 0, values / standard, np.where(values == 0, 0.0, np.nan))
    factor = np.where(values >= 0, factor, np.nan)
    return Result(
        scores=scores,
        ranks=pd.Series(rank(values), index=ratings.index, name="rank"),
        parts=pd.DataFrame(share * factor[:, None], index=ratings.index, columns=ratings.columns),
        missing=ratings.isna() & (w > 0),
    )


# --- what-if analyses ---------------------------------------------------------------------


def evaluate_settings(
    score: ScoreFn, ratings: pd.DataFrame, settings: np.ndarray, describe: Callable[[int], str]
) -> np.ndarray:
    """Scores (settings x options) for many weight settings (rows of ``settings``) at once.

    The settings are stacked into one table of settings x options rows, so ``score`` is
    called once, plus twice to check that stacking did not change the first and last
    settings' scores. ``describe(i)`` words setting ``i`` for error messages.
    """
    n_set, n_opt = len(settings), len(ratings)
    index = pd.MultiIndex.from_product([range(n_set), ratings.index], names=["setting", "option"])
    stacked = pd.DataFrame(
        np.tile(ratings.to_numpy(dtype=float, na_value=np.nan), (n_set, 1)),
        index=index,
        columns=ratings.columns,
    )
    weights = pd.DataFrame(np.repeat(settings, n_opt, axis=0), index=index, columns=ratings.columns)
    try:
        values = evaluate(score, stacked, weights, " in the what-if analysis")
    except FormulaError:
        _first_failing(score, ratings, settings, describe)
        raise
    table = values.reshape(n_set, n_opt)
    for i in {0, n_set - 1}:  # stacking must not change a setting's scores
        alone = weights_table(pd.Series(settings[i], ratings.columns), ratings.index)
        if not np.allclose(table[i], evaluate(score, ratings, alone, describe(i)), equal_nan=True):
            raise FormulaError(
                "score() gives an option a different score when other rows are scored with "
                "it (e.g. it divides by the best score, or uses .max(), .mean() or .rank() "
                "over options). Score each option from its own row only, so that adding an "
                "option never changes another's score."
            )
    return table


def _first_failing(
    score: ScoreFn, ratings: pd.DataFrame, settings: np.ndarray, describe: Callable[[int], str]
) -> None:
    """Re-raise a batch failure for the first single setting that fails, in plain words."""
    for i, setting in enumerate(settings):
        weights = weights_table(pd.Series(setting, ratings.columns), ratings.index)
        evaluate(score, ratings, weights, describe(i))


def sweep(
    ratings: pd.DataFrame,
    weights: pd.Series,
    criterion: str,
    values: np.ndarray | None = None,
    score: ScoreFn = weighted_average,
) -> pd.DataFrame:
    """Scores as one criterion's weight runs over ``values`` (default 0 to WEIGHT_MAX, 101
    steps), the other weights unchanged: their shares stay in proportion to each other.

    Returns a DataFrame: rows are the weight values, columns the options.
    """
    check_inputs(ratings, weights)
    steps = SWEEP_STEPS if values is None else np.asarray(values, dtype=float)
    settings, describe = _sweep_settings(weights, criterion, steps)
    table = evaluate_settings(score, ratings, settings, describe)
    return pd.DataFrame(table, index=pd.Index(steps, name=criterion), columns=ratings.index)


def _sweep_settings(
    weights: pd.Series, criterion: str, steps: np.ndarray
) -> tuple[np.ndarray, Callable[[int], str]]:
    settings = np.repeat(weights.to_numpy(dtype=float)[None, :], len(steps), axis=0)
    settings[:, weights.index.get_loc(criterion)] = steps
    return settings, lambda i: f" (with {criterion!r} at weight {steps[i]:g})"


@dataclass(frozen=True)
class Flip:
    """A single weight change that would put the runner-up first."""

    criterion: str
    old: float
    new: float
    winner: str  # the runner-up, who would come first
    loser: str  # the current leader


def flip_top_two(
    ratings: pd.DataFrame,
    weights: pd.Series,
    score: ScoreFn = weighted_average,
    grid: np.ndarray = WEIGHT_GRID,
    scores: pd.Series | None = None,
) -> Flip | None:
    """The smallest change of one weight (to a value in ``grid``) that puts the runner-up
    alone in first place; None when there is no single leader and runner-up, or no such
    change. Ties in size go to the earlier criterion, then to the lower new weight.
    ``scores``: the current scores from :func:`score_options`, if already computed.
    """
    if scores is None:
        scores = score_options(ratings, weights, score).scores
    else:
        check_inputs(ratings, weights)
    top_two = _top_two(scores)
    if top_two is None:
        return None
    settings, describe = _flip_settings(weights, grid)
    table = evaluate_settings(score, ratings, settings, describe)
    return _best_flip(table, weights, grid, ratings.index, *top_two)


def _top_two(scores: pd.Series) -> tuple[int, int] | None:
    """Positions of the leader and the runner-up; None without a single leader."""
    order = np.argsort(-np.nan_to_num(scores.to_numpy(dtype=float), nan=-np.inf), kind="stable")
    values = scores.to_numpy(dtype=float)[order]
    if len(values) < 2 or np.isnan(values[1]) or values[0] - values[1] <= TIE:
        return None
    return int(order[0]), int(order[1])


def _flip_settings(weights: pd.Series, grid: np.ndarray) -> tuple[np.ndarray, Callable[[int], str]]:
    """Every criterion's weight set to every grid value in turn: (criteria x grid) settings."""
    w = weights.to_numpy(dtype=float)
    n_crit, n_grid = len(w), len(grid)
    settings = np.broadcast_to(w, (n_crit, n_grid, n_crit)).copy()
    settings[np.arange(n_crit), :, np.arange(n_crit)] = grid
    names = weights.index
    return settings.reshape(
        -1, n_crit
    ), lambda i: f" (with {names[i // n_grid]!r} at weight {grid[i % n_grid]:g})"


def _best_flip(
    table: np.ndarray,
    weights: pd.Series,
    grid: np.ndarray,
    options: pd.Index,
    leader: int,
    runner: int,
) -> Flip | None:
    w = weights.to_numpy(dtype=float)
    scores = np.nan_to_num(table.reshape(len(w), len(grid), -1), nan=-np.inf)
    others = np.delete(scores, runner, axis=-1).max(axis=-1)
    flips = (scores[..., runner] > others + TIE) & (grid[None, :] != w[:, None])
    distance = np.where(flips, np.abs(grid[None, :] - w[:, None]), np.inf)
    if not np.isfinite(distance).any():
        return None
    c, g = np.unravel_index(distance.argmin(), distance.shape)
    return Flip(
        criterion=str(weights.index[int(c)]),
        old=float(w[c]),
        new=float(grid[g]),
        winner=str(options[runner]),
        loser=str(options[leader]),
    )


def what_if(
    ratings: pd.DataFrame,
    weights: pd.Series,
    criterion: str | None,
    score: ScoreFn,
    scores: pd.Series,
) -> tuple[pd.DataFrame | None, Flip | None]:
    """:func:`sweep` of ``criterion`` (None: no sweep) and :func:`flip_top_two`, from one
    call of ``score`` on both sets of weight settings stacked together.

    ``scores`` are the current scores (from :func:`score_options`).
    """
    check_inputs(ratings, weights)
    parts = []
    if criterion is not None:
        parts.append(_sweep_settings(weights, criterion, SWEEP_STEPS))
    top_two = _top_two(scores)
    if top_two is not None:
        parts.append(_flip_settings(weights, WEIGHT_GRID))
    if not parts:
        return None, None
    sizes = [len(settings) for settings, _ in parts]

    def describe(i: int) -> str:
        part = 0 if i < sizes[0] else 1
        return parts[part][1](i - sizes[0] * part)

    table = evaluate_settings(score, ratings, np.concatenate([p[0] for p in parts]), describe)
    swept = None
    if criterion is not None:
        index = pd.Index(SWEEP_STEPS, name=criterion)
        swept = pd.DataFrame(table[: sizes[0]], index=index, columns=ratings.index)
    flip = None
    if top_two is not None:
        flip = _best_flip(table[-sizes[-1] :], weights, WEIGHT_GRID, ratings.index, *top_two)
    return swept, flip


def leaders(table: pd.DataFrame) -> pd.Series:
    """For each row of a sweep, the option ranked first (None where several tie)."""
    values = table.to_numpy(dtype=float)
    best = np.where(np.isnan(values), -np.inf, values).max(axis=1, keepdims=True)
    top = (values >= best - TIE) & ~np.isnan(values)
    names = np.where(top.sum(axis=1) == 1, table.columns[top.argmax(axis=1)].to_numpy(), None)
    return pd.Series(names, index=table.index, name="leader")
