"""The scoring formula of step 3 run safely: its mistakes in plain words, and its habits.

``score(ratings, weights)`` is written by a coach (notebook 03), so anything may come
back: :func:`evaluate` turns every failure into a :class:`FormulaError` saying what is
wrong, and :func:`habits` tries the formula on made-up ratings to see whether it uses the
weights at all and whether it scores each option from its own row alone.
"""

from __future__ import annotations

import inspect
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

from careerkit.steps.compare.criteria import WEIGHT_MAX, ScoringError

ScoreFn = Callable[[pd.DataFrame, pd.DataFrame], Any]
FORMULA_CELL = "<formula cell>"  # the file name notebook 03's formula cell is compiled as
PROBE_ROWS = 6  # made-up options :func:`habits` scores


class FormulaError(ScoringError):
    """The scoring formula ``score()`` failed or returned something other than numbers."""


def evaluate(
    score: ScoreFn, ratings: pd.DataFrame, weights: pd.DataFrame, context: str = ""
) -> np.ndarray:
    """Call ``score`` and check it returned one finite number per row of ``ratings``.

    A row rated on no criterion of positive weight may come back NaN (it cannot be
    scored). Anything else raises :class:`FormulaError` naming the option.
    """
    try:
        with np.errstate(all="ignore"):  # NaN and inf are reported below, in plain words
            result = score(ratings.copy(), weights.copy())  # a formula may change its inputs
    except Exception as err:  # noqa: BLE001 - any mistake in the person's formula is reported
        raise FormulaError(stopped(score, err, ratings.columns, context)) from err
    values = _numbers(result, ratings.index, context)
    names = _option_names(ratings.index)
    can = (ratings.notna().to_numpy() & (weights.to_numpy() > 0)).any(axis=1)
    for mask, what in (
        (np.isnan(values) & can, "NaN (not a number)"),
        (np.isinf(values), "an endless value (infinity)"),
    ):
        if mask.any():
            raise FormulaError(
                f"score() returned {what} for {names[mask.argmax()]!r}{context}; "
                "check for a division by zero or a rating that is not rated (NaN)."
            )
    return np.where(can, values, np.nan)


def _option_names(index: pd.Index) -> list[str]:
    level = index.get_level_values(-1) if isinstance(index, pd.MultiIndex) else index
    return [str(name) for name in level]


def _numbers(result: Any, index: pd.Index, context: str) -> np.ndarray:
    """``score()``'s result as floats aligned with ``index``, or FormulaError."""
    if isinstance(result, pd.DataFrame):
        raise FormulaError(
            f"score() returned a table{context}; return one number per option, "
            "e.g. `(ratings * weights).sum(axis=1)`."
        )
    if isinstance(result, pd.Series):
        if not result.index.equals(index) and _same_labels(result.index, index):
            result = result.reindex(index)
    elif isinstance(result, np.ndarray | list | tuple):
        result = pd.Series(np.asarray(result).ravel())
    else:
        raise FormulaError(
            f"score() returned {_describe(result)}{context}, not one number per option; "
            "return a column such as `ratings['pay']` or a sum over `axis=1`."
        )
    if len(result) != len(index):
        raise FormulaError(
            f"score() returned {len(result)} values for {len(index)} options{context}; "
            "it must return one number per option (one per row of ratings)."
        )
    if pd.api.types.is_bool_dtype(result.dtype) or not pd.api.types.is_numeric_dtype(result.dtype):
        names = _option_names(index)
        for name, value in zip(names, result.array, strict=True):
            if isinstance(value, bool | np.bool_) or not isinstance(value, Real):
                raise FormulaError(
                    f"score() returned {_describe(value)} for {name!r}{context}; "
                    "it must return a number for every option."
                )
    return result.to_numpy(dtype=float, na_value=np.nan)


def _same_labels(a: pd.Index, b: pd.Index) -> bool:
    """The same option labels in another order (a Series the formula sorted, say)."""
    return a.is_unique and set(a) == set(b)


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f"a string ({value!r})"
    if value is None:
        return "nothing (None)"
    if isinstance(value, bool | np.bool_):
        return f"True/False ({value})"
    if isinstance(value, Real):
        return f"a single number ({value:g})"
    return f"a {type(value).__name__}"


def stopped(score: ScoreFn, err: BaseException, criteria: pd.Index, context: str = "") -> str:
    """Why ``score()`` stopped, in plain words, with the line of the formula it stopped on."""
    where = _where(score, err)
    names = ", ".join(repr(c) for c in criteria)
    key = err.args[0] if isinstance(err, KeyError) and err.args else None
    if isinstance(key, str) and key not in criteria:
        return (
            f"score() asks for a criterion called {key!r}{where}{context}, but there is no "
            f"criterion called {key!r}. The criteria are {names}: use one of them, e.g. "
            f"ratings[{str(criteria[0]) if len(criteria) else 'pay'!r}], or add {key!r} to "
            "the criteria cell."
        )
    if isinstance(err, NameError):
        return (
            f"score() uses a name Python does not know{where}{context}: {err}. Check its "
            "spelling; text must be in quotes, and ratings and weights are the only tables."
        )
    return f"score() stopped with an error{where}{context}: {type(err).__name__}: {err}"


def _where(score: ScoreFn, err: BaseException) -> str:
    """ " (line N of the formula cell)" (notebook 03's cell), " (line N of score())"
    (counted from its ``def``) where ``err`` was raised in ``score``'s own code, else ""."""
    code = getattr(inspect.unwrap(score), "__code__", None)
    if code is None:
        return ""
    lines = [
        lineno
        for frame, lineno in traceback.walk_tb(err.__traceback__)
        if frame.f_code.co_filename == code.co_filename
    ]
    if not lines:
        return ""
    if code.co_filename == FORMULA_CELL:
        return f" (line {lines[-1]} of the formula cell)"
    return f" (line {lines[-1] - code.co_firstlineno + 1} of score())"


@dataclass(frozen=True)
class Habits:
    """How a formula behaves on made-up ratings (False where it could not be tried)."""

    ignores_weights: bool = False  # the same scores whatever the weights
    across_rows: bool = False  # an option's score depends on the other options


def habits(score: ScoreFn, criteria: list[str]) -> Habits:
    """Try ``score`` on made-up ratings (no gaps) for ``criteria``: with three different
    weight settings, and each option alone against all options together."""
    if not criteria:
        return Habits()
    rng = np.random.default_rng(3)
    index = pd.Index([f"option {i + 1}" for i in range(PROBE_ROWS)], name="option")
    ratings = pd.DataFrame(
        rng.integers(0, 21, (PROBE_ROWS, len(criteria))) / 2, index=index, columns=criteria
    )
    settings = [
        np.full(len(criteria), 3.0),
        rng.integers(1, 2 * int(WEIGHT_MAX) + 1, len(criteria)) / 2,
        np.linspace(WEIGHT_MAX, 0.5, len(criteria)),
    ]
    try:
        tried = [_try(score, ratings, weights) for weights in settings]
        alone = np.concatenate(
            [_try(score, ratings.iloc[[i]], settings[1]) for i in range(PROBE_ROWS)]
        )
    except FormulaError:
        return Habits()  # the real ratings show the mistake, in plain words
    same = all(np.allclose(t, tried[0], equal_nan=True) for t in tried[1:])
    return Habits(
        ignores_weights=same and len(criteria) > 1,
        across_rows=not np.allclose(alone, tried[1], equal_nan=True),
    )


def _try(score: ScoreFn, ratings: pd.DataFrame, weights: np.ndarray) -> np.ndarray:
    table = pd.DataFrame(
        np.repeat(weights[None, :], len(ratings), axis=0),
        index=ratings.index,
        columns=ratings.columns,
    )
    return evaluate(score, ratings, table)
