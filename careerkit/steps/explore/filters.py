"""Step 2, filtering: which catalogue occupations to show, in which order, and why none match.

Plain functions over the catalogue DataFrame (see ``careerkit.catalog``). Filtering is
vectorised: one boolean mask per active filter, combined with numpy, so a change of any
filter costs a few milliseconds even on a thousand occupations.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from careerkit.catalog import EDUCATION, search, tables_of
from careerkit.catalog import OUTLOOKS as BLS_OUTLOOKS
from careerkit.catalog.fit import interest_fit
from careerkit.plan import Plan
from careerkit.steps.similar_jobs import skills_match_all
from careerkit.text import counted  # noqa: F401  (said as flt.counted by the steps)

#: Outlook categories, fastest first, in BLS's words (``careerkit.catalog.OUTLOOKS``).
OUTLOOKS = (*BLS_OUTLOOKS, "unknown")


#: Columns the table can be sorted by -> their heading.
SORTS = {
    "fit": "Interest fit",
    "title": "Title",
    "skills_match": "Skills match",
    "median_wage": "Median pay",
    "outlook_pct": "Outlook",
    "job_zone": "Job zone",
    "education": "Education",
    "weekly_hours": "Hours a week",
    "employment": "People employed",
}


def sorts_for(catalog: pd.DataFrame, with_fit: bool, with_skills: bool = False) -> dict[str, str]:
    """The ``SORTS`` this catalogue can use: no column without a figure (the bundled
    catalogue has no hours), no interest fit before the quiz, and no skills match before
    the person lists a skill O*NET rates."""
    person = {"fit": with_fit, "skills_match": with_skills, "title": True}
    return {
        key: name
        for key, name in SORTS.items()
        if person.get(key, key in catalog and catalog[key].notna().any())
    }


#: How each filter is named when suggesting which one to loosen.
FILTER_NAMES = {
    "search": "the search words",
    "fit": "the minimum interest fit",
    "skills": "the minimum skills match",
    "job_zone": "the job zone range",
    "education": "the education limit",
    "pay": "the pay range",
    "outlook": "the outlook choices",
}


@dataclass(frozen=True)
class Filters:
    """What to show from the catalogue, and in which order. Defaults show everything."""

    search: str = (
        ""  # every word starts a word of a title or the description (careerkit.catalog.search)
    )
    min_fit: float = 0  # used only when an interest fit is given
    min_skills: float = 0  # used only when a skills match is given; "not rated" fails it
    job_zone: tuple[int, int] = (1, 5)
    max_education: str | None = None  # one of catalog.EDUCATION
    # median pay from, to (USD a year); a top-coded median counts as its least value
    pay: tuple[float | None, float | None] = (None, None)
    # keep occupations without a yearly median (unknown, or BLS's hourly only) in a pay range
    unknown_pay: bool = False
    outlooks: frozenset[str] = field(default_factory=lambda: frozenset(OUTLOOKS))
    sort_by: str = "fit"  # a key of SORTS; "fit" without a fit sorts by title
    ascending: bool = False


def outlook_labels(rows: pd.DataFrame) -> pd.Series:
    """Each occupation's outlook in BLS's words, "unknown" where there is no projection."""
    return rows["outlook"].fillna("unknown")


def education_rank(education: pd.Series) -> pd.Series:
    """Position of each education level in ``EDUCATION`` (0 = no formal credential)."""
    return education.map({e: i for i, e in enumerate(EDUCATION)}).astype("Int64")


def filter_masks(
    catalog: pd.DataFrame,
    filters: Filters,
    fit: pd.Series | None = None,
    skills: pd.Series | None = None,
) -> dict[str, np.ndarray]:
    """One boolean array per active filter (keys as in ``FILTER_NAMES``)."""
    masks: dict[str, np.ndarray] = {}
    if search.words_of(filters.search):
        masks["search"] = (search.match_rank(catalog, filters.search) < search.NONE).to_numpy(bool)
    if fit is not None and filters.min_fit > 0:
        masks["fit"] = (
            fit.reindex(catalog.index).to_numpy(float, na_value=np.nan) >= filters.min_fit
        )
    if skills is not None and filters.min_skills > 0:
        masks["skills"] = (
            skills.reindex(catalog.index).to_numpy(float, na_value=np.nan) >= filters.min_skills
        )
    low, high = filters.job_zone
    zones = catalog["job_zone"].dropna()
    if len(zones) and (low > zones.min() or high < zones.max()):  # else every zone passes
        masks["job_zone"] = catalog["job_zone"].between(low, high).to_numpy(bool, na_value=False)
    if filters.max_education is not None:
        limit = EDUCATION.index(filters.max_education)
        masks["education"] = (education_rank(catalog["education"]) <= limit).to_numpy(
            bool, na_value=False
        )
    least, most = filters.pay
    if least is not None or most is not None:
        least, most = (-np.inf if least is None else least), (np.inf if most is None else most)
        wage = catalog["median_wage"].to_numpy(float, na_value=np.nan)
        masks["pay"] = ((wage >= least) & (wage <= most)) | (np.isnan(wage) & filters.unknown_pay)
    if set(filters.outlooks) != set(OUTLOOKS):
        masks["outlook"] = outlook_labels(catalog).isin(filters.outlooks).to_numpy(bool)
    return masks


def apply_filters(
    catalog: pd.DataFrame,
    filters: Filters,
    fit: pd.Series | None = None,
    skills: pd.Series | None = None,
) -> pd.DataFrame:
    """The occupations that pass every filter, sorted; with a ``fit`` column and a
    ``skills_match`` column (NaN: not rated) when given."""
    masks = filter_masks(catalog, filters, fit, skills)
    rows = catalog[_all(masks.values(), len(catalog))] if masks else catalog
    if fit is not None:
        rows = rows.assign(fit=fit.reindex(rows.index))
    if skills is not None:
        rows = rows.assign(skills_match=skills.reindex(rows.index))
    rows = sort_rows(rows, filters.sort_by, filters.ascending)
    if "search" in masks:  # title matches first, then other titles, then descriptions
        rank = search.match_rank(catalog, filters.search).reindex(rows.index)
        rows = rows.iloc[np.argsort(rank.to_numpy(), kind="stable")]
    return rows


def sort_rows(rows: pd.DataFrame, by: str, ascending: bool) -> pd.DataFrame:
    """Sort by a ``SORTS`` column, missing values last; ties stay in title order."""
    if by not in SORTS:
        raise ValueError(f"Cannot sort by {by!r}; choose one of {list(SORTS)}.")
    if by not in rows.columns:  # "fit" or "skills_match" before the person has one
        by, ascending = "title", True
    rows = rows.sort_values("title", key=lambda s: s.str.casefold(), kind="stable")
    if by == "title":
        return rows if ascending else rows.iloc[::-1]
    key = education_rank if by == "education" else None
    return rows.sort_values(by, ascending=ascending, na_position="last", kind="stable", key=key)


def loosen_hint(
    catalog: pd.DataFrame,
    filters: Filters,
    fit: pd.Series | None = None,
    skills: pd.Series | None = None,
) -> str:
    """Say plainly that nothing matches, and which one filter to loosen to get results."""
    masks = filter_masks(catalog, filters, fit, skills)
    if not masks:
        return "The catalog is empty, so there is nothing to show."
    counts = {
        name: int(_all([m for other, m in masks.items() if other != name], len(catalog)).sum())
        for name in masks
    }
    best = max(counts, key=counts.__getitem__)
    if counts[best] == 0:
        return (
            "No occupation matches all these filters, and loosening any single one is not "
            "enough. Press “Reset filters” and narrow down one filter at a time."
        )
    return (
        f"No occupation matches all these filters. Try loosening {FILTER_NAMES[best]}: "
        f"without that filter, {counted(counts[best], 'occupation')} "
        f"{'matches' if counts[best] == 1 else 'match'}."
    )


def count_text(shown: int, matching: int, total: int) -> str:
    """E.g. "Showing 40 of 312 matching occupations (1,016 in the catalogue)"."""
    if matching == 0:
        return f"No occupation matches these filters ({total:,} in the catalog)."
    if matching == total:
        return f"Showing {shown:,} of {counted(total, 'occupation')}."
    if shown == matching:
        return f"Showing all {counted(matching, 'matching occupation')} ({total:,} in the catalog)."
    return f"Showing {shown:,} of {matching:,} matching occupations ({total:,} in the catalog)."


def person_scores(plan: Plan) -> dict[str, float] | None:
    """The person's saved interest scores, or None before the quiz in 01."""
    interests = plan.dream_job.interests
    return dict(interests.scores) if interests and interests.scores else None


def fit_for(plan: Plan, catalog: pd.DataFrame) -> pd.Series | None:
    """Interest fit of every occupation for this person, or None before the quiz."""
    scores = person_scores(plan)
    return interest_fit(scores, catalog) if scores else None


#: The skills match rule as 02 states it (careerkit.steps.similar_jobs, data/README.md).
SKILLS_MATCH_RULE = (
    "Skills match: how much of each occupation's skills your levels in 01 cover, each "
    "skill weighted by how important O*NET rates it (0-100); “not rated” where O*NET "
    "gives the occupation no skills."
)


def person_levels(plan: Plan) -> dict[str, float]:
    """The person's skills with their self-rated levels (1-5), from 01."""
    return {s.name: float(s.level) for s in plan.dream_job.skills}


def skills_for(plan: Plan, catalog: pd.DataFrame) -> pd.Series | None:
    """Skills match of every occupation for this person (NaN: not rated), or None before
    they list a skill O*NET rates (careerkit.steps.similar_jobs.skills_match_all)."""
    levels = person_levels(plan)
    ratings = tables_of(catalog).skill_ratings()
    if not levels or ratings.empty:
        return None
    match = skills_match_all(levels, ratings, list(catalog.index))
    return None if match.isna().all() else match


def _all(masks: Iterable[np.ndarray], n: int) -> np.ndarray:
    """Rows that pass every mask (all ``n`` rows when there is none)."""
    return np.logical_and.reduce([np.ones(n, bool), *masks])
