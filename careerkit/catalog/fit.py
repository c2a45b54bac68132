"""How well occupations fit a person: interest fit and skills match, vectorised.

Interest fit (0-100) compares the person's six RIASEC theme scores with each
occupation's six interest scores:

* 70 points from the shape of the two profiles: their Pearson correlation r,
  scaled as ``70 * (r + 1) / 2`` (the scale of either profile does not matter);
* 30 points from agreement of the top themes: the person's top three themes are
  worth 3, 2 and 1 points; each that is also among the occupation's top three
  adds its points, and the sum (out of 6) is scaled to 30.

A flat profile (all six scores equal) has no shape, so its correlation counts as 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from careerkit.catalog import SKILLS, THEMES, tables_of
from careerkit.text import join_words

LETTERS = list(THEMES)


def theme_names(letters: Iterable[str]) -> str:
    """RIASEC letters as a person reads them: "SE" -> "Social and Enterprising"."""
    return join_words(THEMES[t] for t in letters)


def tie_order(code: str | float | None) -> list[int]:
    """Each theme's place among equal scores: as in O*NET's high-point ``code`` ("SCR"),
    the letters it leaves out after them in R-I-A-S-E-C order."""
    code = "" if code is None or pd.isna(code) else str(code)
    return [code.index(t) if t in code else len(LETTERS) + i for i, t in enumerate(LETTERS)]


def score_text(score: float) -> str:
    """A theme score (0-100) as every table and chart shows it: one decimal, none for a
    whole number ("66.7", "75"), so a chart never says 67 where its table says 66.7."""
    return f"{round(float(score), 1):g}"


def top_themes(scores: Mapping[str, float] | pd.Series[Any], n: int = 3) -> list[str]:
    """Theme letters from highest to lowest score.

    Equal scores follow the occupation's O*NET high-point code when ``scores`` has one
    (``interest_code``: Veterinarians, R and I equal, lead with I as O*NET's "IR" does),
    else R-I-A-S-E-C order (a person's quiz scores).
    """
    order = tie_order(scores.get("interest_code"))
    return sorted(LETTERS, key=lambda t: (-float(scores.get(t, 0)), order[LETTERS.index(t)]))[:n]


def interest_fit(scores: Mapping[str, float], catalog: pd.DataFrame) -> pd.Series:
    """Interest fit 0-100 of every occupation in ``catalog`` for the person's ``scores``."""
    person = np.array([float(scores.get(t, 0)) for t in LETTERS])
    jobs = catalog[LETTERS].to_numpy(dtype=float)
    p = person - person.mean()
    j = jobs - jobs.mean(axis=1, keepdims=True)
    denom = np.sqrt((p**2).sum() * (j**2).sum(axis=1))
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.where(denom > 0, (j @ p) / denom, 0.0)
    job_rank = _theme_ranks(catalog, jobs)
    agree = np.zeros(len(catalog))
    for points, letter in zip((3, 2, 1), top_themes(scores), strict=True):
        agree += points * (job_rank[:, LETTERS.index(letter)] < 3)
    fit = 70 * (r + 1) / 2 + 30 * agree / 6
    return pd.Series(np.round(fit, 1), index=catalog.index, name="interest_fit")


def _theme_ranks(catalog: pd.DataFrame, jobs: np.ndarray) -> np.ndarray:
    """Rank of each theme within each occupation (0 = highest); ties as in ``top_themes``."""
    codes = catalog["interest_code"] if "interest_code" in catalog else [None] * len(catalog)
    ties = np.array([tie_order(code) for code in codes], dtype=int).reshape(jobs.shape)
    by_tie = np.argsort(ties, axis=1, kind="stable")  # tie order first, then score (stable)
    order = np.take_along_axis(
        by_tie,
        np.argsort(-np.take_along_axis(jobs, by_tie, axis=1), axis=1, kind="stable"),
        axis=1,
    )
    return np.argsort(order, axis=1, kind="stable")


def skill_matrix(catalog: pd.DataFrame) -> pd.DataFrame:
    """Occupations x skills, True where the skill is among the occupation's important ones."""
    return catalog["skills"].fillna("").str.get_dummies(sep=";").rename(columns=str.strip) > 0


def importance_matrix(catalog: pd.DataFrame, ratings: pd.DataFrame | None = None) -> pd.DataFrame:
    """Occupations x skills: O*NET importance (1-5) of each listed skill, 0 if not listed.

    ``ratings`` (code-indexed: skill, importance) defaults to the catalogue's own; a
    listed skill without a rating (a local occupation) counts with importance 1.
    """
    listed = skill_matrix(catalog).astype(float)
    ratings = tables_of(catalog).skill_ratings() if ratings is None else ratings
    known = ratings[ratings.index.isin(catalog.index)]
    if known.empty or listed.empty:
        return listed
    weights = known.pivot_table(index=known.index, columns="skill", values="importance")
    weights = weights.reindex(index=listed.index, columns=listed.columns)
    return listed * weights.fillna(1.0)


_ONET_NAME = {name.casefold(): name for name in SKILLS}


def onet_names(person_skills: Iterable[str]) -> list[str]:
    """The person's skills that are O*NET skill names (in O*NET's spelling), each once."""
    found = (_ONET_NAME.get(str(s).casefold()) for s in person_skills)
    return list(dict.fromkeys(name for name in found if name))


def other_names_only(person_skills: Iterable[str]) -> bool:
    """True when the person lists skills but none is one of O*NET's skill names."""
    listed = list(person_skills)
    return bool(listed) and not onet_names(listed)


def skills_match(
    person_skills: Iterable[str], catalog: pd.DataFrame, ratings: pd.DataFrame | None = None
) -> pd.Series:
    """Share (0-100) of each occupation's important skills that the person has.

    Each skill counts by its O*NET importance, so having the skills that matter most
    counts most. NaN for an occupation without skills (O*NET has no ratings), and NaN
    for every occupation when none of the person's skills is one of O*NET's skill names
    (we do not know their level in O*NET's skills): not rated, never 0.
    """
    matrix = importance_matrix(catalog, ratings)
    person_onet = onet_names(person_skills)
    have = [s for s in person_onet if s in matrix.columns]
    total = matrix.sum(axis=1).replace(0, np.nan)
    if not person_onet:
        return (total * np.nan).rename("skills_match")
    share = matrix[have].sum(axis=1) / total * 100 if have else total * 0
    return share.round(1).rename("skills_match")


def skill_gap(person_skills: Iterable[str], required: Iterable[str]) -> list[str]:
    """Required skills the person does not list, in the order of ``required``."""
    have = {s.casefold() for s in person_skills}
    return [s for s in required if s.casefold() not in have]


#: A self-rated level 1-5 on O*NET's level scale 0-7 (5 -> 7): careerkit's rule.
LEVEL_SCALE = 7 / 5


def level_gaps(
    person: Mapping[str, int], required: pd.DataFrame, min_gap: float = 1.0
) -> pd.DataFrame:
    """The occupation's skills the person lacks or has below the level it needs.

    ``person``: skill -> self-rated level 1-5; ``required``: skill, importance, level
    (O*NET, 0-7). A gap is the required level minus the person's (on O*NET's scale,
    0 when the skill is missing); gaps of at least ``min_gap`` are kept, ordered by
    importance times gap, biggest first.
    """
    mine = {name.casefold(): level * LEVEL_SCALE for name, level in person.items()}
    frame = required[["skill", "importance", "level"]].reset_index(drop=True)
    yours = frame["skill"].str.casefold().map(mine).astype(float)
    frame = frame.assign(yours=yours, gap=frame["level"].astype(float) - yours.fillna(0))
    frame = frame[frame["gap"] >= min_gap]
    order = (frame["importance"] * frame["gap"]).sort_values(ascending=False, kind="stable")
    return frame.loc[order.index].reset_index(drop=True)


def skill_profiles(ratings: pd.DataFrame, codes: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
    """Importance (1-5) and level (0-7) as two arrays: one row per code, one column per
    skill of :data:`SKILLS` (O*NET's order); NaN where the catalogue has no figure (an
    occupation O*NET does not rate, a suppressed value, or a skill an old catalogue's
    top-skills file leaves out). ``ratings``: code-indexed skill, importance, level."""
    index = pd.Index(list(codes))
    rows = index.get_indexer(ratings.index)
    columns = pd.Index(SKILLS).get_indexer(ratings["skill"])
    keep = (rows >= 0) & (columns >= 0)
    shape = (len(index), len(SKILLS))
    importance, level = np.full(shape, np.nan), np.full(shape, np.nan)
    importance[rows[keep], columns[keep]] = ratings["importance"].to_numpy(float)[keep]
    level[rows[keep], columns[keep]] = ratings["level"].to_numpy(float)[keep]
    return importance, level
