"""Where a person's skills carry them: every occupation's skills match, jobs like theirs.

From where the person stands (issue 23): their skills against every occupation's, the
occupations closest in skills to the jobs they have held, and their skills list
pre-filled from those jobs. Three rules, stated here and in data/README.md ("From the
jobs you have done"):

* **Skills match of every occupation** (:func:`skills_match_all`, 0-100). The person's
  self-rated level of a skill (1-5) is put on O*NET's level scale (0-7) by x 7/5
  (:data:`careerkit.catalog.fit.LEVEL_SCALE`); a skill they do not list counts as level 0.
  Each of the occupation's skills covers ``min(your level / its level, 1)`` (fully when
  O*NET's level is 0) and weighs ``importance - 1`` (O*NET's importance 1 means "not
  important", so it weighs nothing). The match is the weighted share covered, times 100.
  A skill whose level O*NET suppresses is left out of that occupation's match. NaN ("not
  rated", never 0) for an occupation O*NET gives no skill ratings, and for every
  occupation when none of the person's skills is one of O*NET's 35 names.
* **Similar occupations** (:func:`similar_occupations`). Each occupation's skill profile
  is importance x level of its 35 skills; the profile of the jobs held is the average of
  theirs. Similarity is the cosine of the two profiles over the skills both have figures
  for, times 100. Almost every job uses some of every basic skill, so scores sit high
  (for most jobs held, nine in ten occupations score above 80); what matters is the order.
* **Pre-fill from jobs held** (:func:`prefill_levels`). The skills of importance 3 or more
  in a job held, at the highest O*NET level among those jobs, put on the 1-5 scale by
  x 5/7, rounded half up, at least 1. The person's own ratings always win.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from careerkit.catalog import SKILLS, TOP_CODED, CatalogError, tables_of
from careerkit.catalog.fit import LEVEL_SCALE, onet_names, skill_profiles
from careerkit.workbook import load_catalog

#: A skill "matters" to an occupation from this O*NET importance (of 5), as in its
#: important skills (data/README.md, Import rules).
MATTERS = 3.0
#: A gap: the occupation's level at least this far above the person's (O*NET's 0-7 scale).
MIN_GAP = 1.0
#: Skills named in the carries-over and gaps columns, each.
SHOWN = 3
#: The columns of :func:`similar_occupations`' table.
COLUMNS = ("code", "title", "similarity", "carries_over", "gaps", "job_zone_change", "pay_change")
UNKNOWN = "unknown"


#: Profiles already built: id(ratings) -> (the ratings, weakly; codes; importance; level).
_PROFILES: dict[int, tuple[weakref.ref, pd.Index, np.ndarray, np.ndarray]] = {}


def profiles(ratings: pd.DataFrame, codes: pd.Index) -> tuple[np.ndarray, np.ndarray]:
    """:func:`careerkit.catalog.fit.skill_profiles`, built once per ratings table and codes
    (a catalogue's tables are read once and never changed in place), so matching every
    occupation again for a changed rating costs only the arithmetic."""
    key = id(ratings)
    found = _PROFILES.get(key)
    if found is not None and found[0]() is ratings and found[1].equals(codes):
        return found[2], found[3]
    importance, level = skill_profiles(ratings, codes)
    _PROFILES[key] = (
        weakref.ref(ratings, lambda _: _PROFILES.pop(key, None)),
        codes,
        importance,
        level,
    )
    return importance, level


def to_onet_level(level: float) -> float:
    """A self-rated level 1-5 on O*NET's level scale 0-7 (x 7/5)."""
    return float(level) * LEVEL_SCALE


def from_onet_level(level: float) -> int:
    """An O*NET level 0-7 on the skills list's 1-5 scale (x 5/7, rounded half up, at least 1)."""
    return int(min(5, max(1, math.floor(float(level) / LEVEL_SCALE + 0.5))))


def _person_vector(person_levels: Mapping[str, float]) -> np.ndarray:
    """The person's levels on O*NET's scale, one per skill of SKILLS (0: not listed)."""
    levels = {name.casefold(): value for name, value in person_levels.items()}
    return np.array([to_onet_level(levels.get(s.casefold(), 0) or 0) for s in SKILLS])


def skills_match_all(
    person_levels: Mapping[str, float], ratings: pd.DataFrame, codes: Sequence[str] | None = None
) -> pd.Series:
    """Skills match 0-100 of every occupation for the person's skills with levels.

    ``person_levels``: skill -> self-rated level 1-5 (O*NET's names, case ignored; other
    names are left out); ``ratings``: the catalogue's skill ratings (code-indexed skill,
    importance, level); ``codes``: the occupations (default: every rated one). The rule
    is the module's: weight ``importance - 1``, coverage ``min(your level x 7/5 / its
    level, 1)``; NaN ("not rated", never 0) where O*NET gives no ratings, and everywhere
    when none of the person's skills is one of O*NET's names.
    """
    index = pd.Index(ratings.index.unique() if codes is None else list(codes))
    importance, level = profiles(ratings, index)
    if not onet_names(person_levels):
        return pd.Series(np.nan, index=index, name="skills_match")
    person = _person_vector(person_levels)
    with np.errstate(invalid="ignore", divide="ignore"):
        cover = np.where(level > 0, np.minimum(person / level, 1.0), 1.0)
    weight = np.where(np.isnan(level), 0.0, np.nan_to_num(importance - 1.0))
    total = weight.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        match = np.where(total > 0, (weight * cover).sum(axis=1) / total * 100, np.nan)
    return pd.Series(np.round(match, 1), index=index, name="skills_match")


def _column_mean(values: np.ndarray) -> np.ndarray:
    """Each column's mean over its known (not NaN) values; NaN where none is known."""
    known = ~np.isnan(values)
    count = known.sum(axis=0)
    total = np.where(known, values, 0.0).sum(axis=0)
    return np.divide(total, count, out=np.full(values.shape[1], np.nan), where=count > 0)


def _similarity(profile: np.ndarray, source: np.ndarray) -> np.ndarray:
    """Cosine x 100 of each row of ``profile`` with ``source`` over the skills both know."""
    known, source_known = ~np.isnan(profile), ~np.isnan(source)
    a, x = np.nan_to_num(profile), np.nan_to_num(source)
    norms = np.sqrt((a**2) @ source_known) * np.sqrt(known @ (x**2))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.round(np.where(norms > 0, (a @ x) / norms * 100, np.nan), 1)


def profile_similarity(
    codes: Sequence[str], ratings: pd.DataFrame, candidates: Sequence[str]
) -> pd.Series:
    """Similarity 0-100 of each candidate's skill profile to the jobs ``codes``' (the
    module's rule: cosine of importance x level over the skills both have figures for,
    the jobs' profile being the average of theirs); NaN for a candidate, or jobs, O*NET
    does not rate."""
    others = pd.Index(list(candidates))
    everyone = others.union(pd.Index(list(codes)), sort=False)
    importance, level = profiles(ratings, everyone)
    profile = importance * level
    source = _column_mean(profile[everyone.get_indexer(pd.Index(list(codes)))])
    similarity = _similarity(profile[everyone.get_indexer(others)], source)
    return pd.Series(similarity, index=others, name="similarity")


def levels_from_jobs(
    codes: Sequence[str], ratings: pd.DataFrame, person_levels: Mapping[str, float] | None = None
) -> pd.Series:
    """The person's level of each skill on O*NET's 0-7 scale: their own rating (x 7/5)
    where they gave one, else the highest O*NET level among the jobs ``codes``; NaN where
    neither says."""
    held = ratings[ratings.index.isin(list(codes))]
    levels = held.groupby("skill")["level"].max().reindex(list(SKILLS)).rename("level")
    own = {name.casefold(): value for name, value in (person_levels or {}).items()}
    for skill in SKILLS:
        if skill.casefold() in own:
            levels[skill] = to_onet_level(own[skill.casefold()])
    return levels.astype(float)


def skill_gaps(
    yours: pd.Series, ratings: pd.DataFrame, code: str, min_gap: float = MIN_GAP
) -> pd.DataFrame:
    """The skills that matter to ``code`` (importance >= MATTERS) where its O*NET level is
    at least ``min_gap`` above ``yours`` (skill -> level on O*NET's scale, as from
    :func:`levels_from_jobs`; no level of yours counts as 0): skill, importance, yours,
    level (O*NET's), gap; biggest importance x gap first."""
    rows = ratings[ratings.index == code].set_index("skill")[["importance", "level"]]
    return _gaps(rows["importance"], rows["level"], yours.reindex(rows.index), min_gap)


def _gaps(
    importance: pd.Series, level: pd.Series, yours: pd.Series, min_gap: float = MIN_GAP
) -> pd.DataFrame:
    """:func:`skill_gaps` of one occupation's figures (all indexed by skill)."""
    frame = pd.DataFrame({"importance": importance, "yours": yours, "level": level})
    frame = frame[(frame["importance"] >= MATTERS) & frame["level"].notna()]
    frame = frame.assign(gap=frame["level"] - frame["yours"].fillna(0))
    frame = frame[frame["gap"] >= min_gap]
    order = (frame["importance"] * frame["gap"]).sort_values(ascending=False, kind="stable")
    frame = frame.loc[order.index].rename_axis("skill").reset_index()
    return frame[["skill", "importance", "yours", "level", "gap"]]


def _carried(
    importance: pd.Series, level: pd.Series, yours: pd.Series, held: pd.Series
) -> list[str]:
    """Skills that matter to the occupation and to a job held (``held``: the jobs' highest
    importance) that the person has within MIN_GAP of its level; most important first."""
    frame = pd.DataFrame({"importance": importance, "level": level, "yours": yours})
    frame = frame[(frame["importance"] >= MATTERS) & (held.reindex(frame.index) >= MATTERS)]
    frame = frame[frame["yours"].fillna(-np.inf) >= frame["level"].fillna(0) - MIN_GAP]
    frame = frame.sort_values(["importance", "level"], ascending=False, kind="stable")
    return list(frame.index)


def _gap_text(gaps: pd.DataFrame) -> str:
    """ "Negotiation 3.12 -> 4.50; ..." (the person's level -> O*NET's, O*NET's 0-7 scale)."""
    return "; ".join(
        f"{row.skill} {0 if pd.isna(row.yours) else row.yours:.2f} -> {row.level:.2f}"
        for row in gaps.head(SHOWN).itertuples()
    )


def _zone(catalog: pd.DataFrame, code: str) -> int | None:
    """An occupation's job zone, or None where the catalog has none."""
    zone = _number(catalog.at[code, "job_zone"])
    return None if zone is None else int(zone)


def _pay(catalog: pd.DataFrame, code: str) -> float | None:
    """A median that can be subtracted: known and not top-coded (a least value)."""
    if code not in catalog.index:
        return None
    median = _number(catalog.at[code, "median_wage"])
    if median is None:
        return None
    if "wage_note" in catalog and str(catalog.at[code, "wage_note"]) == TOP_CODED:
        return None
    return median


def _number(value: Any) -> float | None:
    """A catalog cell as a number; None where it is empty or not a number."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def similar_occupations(
    codes: Iterable[str],
    catalog: pd.DataFrame | None = None,
    ratings: pd.DataFrame | None = None,
    *,
    person_levels: Mapping[str, float] | None = None,
    n: int = 20,
) -> pd.DataFrame:
    """The ``n`` occupations whose skills are closest to the jobs ``codes`` (O*NET-SOC
    codes, the current or most recent job first), closest first.

    Columns: ``code``, ``title``, ``similarity`` (0-100, the module's rule),
    ``carries_over`` (up to 3 skills that matter to both and the person has, most
    important first), ``gaps`` (up to 3: "skill yours -> its level" on O*NET's 0-7 scale,
    levels as O*NET publishes them; yours is the highest among the jobs held, or the
    person's own rating x 7/5 where ``person_levels`` gives one), ``job_zone_change``
    (its job zone minus the first job's) and ``pay_change`` (its median pay minus the
    first job's, in dollars a year; "unknown" where BLS has no figure or top-codes one).
    ``catalog`` and ``ratings`` default to the catalogue in use; pay is the catalogue's,
    so a catalogue with local pay (``careerkit.catalog_for(plan)``) gives local changes.
    The jobs held and occupations O*NET does not rate are left out.
    """
    catalog = load_catalog() if catalog is None else catalog
    ratings = tables_of(catalog).skill_ratings() if ratings is None else ratings
    codes = list(dict.fromkeys(codes))
    unknown = [c for c in codes if c not in catalog.index]
    if unknown:
        raise CatalogError(
            f"{', '.join(unknown)}: not an occupation of the catalog in use; give O*NET-SOC "
            "codes such as '41-1011.00' (search 02's catalog for a title to find one)."
        )
    importance, level = profiles(ratings, catalog.index)
    known = (~np.isnan(importance)).sum(axis=1)
    if known.max(initial=0) and known.max() < len(SKILLS):
        raise CatalogError(
            "The catalog in use has only each occupation's most important skills (it was "
            "imported before careerkit bundled all 35); import it again with "
            "`careerkit catalog import-onet` to compare occupations by their skills."
        )
    where = catalog.index.get_indexer(pd.Index(codes))
    rated = [c for c, i in zip(codes, where, strict=True) if known[i]]
    if not rated:
        return pd.DataFrame(columns=list(COLUMNS))
    profile = importance * level
    similarity = _similarity(profile, _column_mean(profile[where[known[where] > 0]]))
    candidates = pd.Series(similarity, index=catalog.index).drop(codes).dropna()
    top = candidates.sort_values(ascending=False, kind="stable").head(n)
    yours = levels_from_jobs(rated, ratings, person_levels)
    held = pd.Series(np.nanmax(importance[where[known[where] > 0]], axis=0), index=list(SKILLS))
    first = codes[0]
    zone, pay = _zone(catalog, first), _pay(catalog, first)
    rows = []
    for code, score in top.items():
        i = catalog.index.get_loc(code)
        its_importance = pd.Series(importance[i], index=list(SKILLS))
        its_level = pd.Series(level[i], index=list(SKILLS))
        other = _pay(catalog, code)
        zones = _zone(catalog, str(code))
        rows.append(
            {
                "code": code,
                "title": catalog.at[code, "title"],
                "similarity": score,
                "carries_over": ", ".join(_carried(its_importance, its_level, yours, held)[:SHOWN]),
                "gaps": _gap_text(_gaps(its_importance, its_level, yours)),
                "job_zone_change": pd.NA if zone is None or zones is None else zones - zone,
                "pay_change": UNKNOWN if pay is None or other is None else round(other - pay),
            }
        )
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    out["job_zone_change"] = out["job_zone_change"].astype("Int64")
    return out


def prefill_levels(
    codes: Sequence[str], ratings: pd.DataFrame, own: Mapping[str, int] | None = None
) -> dict[str, int]:
    """The skills list pre-filled from the jobs ``codes``: skill -> level 1-5.

    The skills that matter (importance >= MATTERS) in any job held, at the highest O*NET
    level among those jobs put on the 1-5 scale (x 5/7, rounded, at least 1); most
    important first. The person's own ratings ``own`` always win and are kept as they are.
    """
    held = ratings[ratings.index.isin(list(codes))]
    held = held[held["importance"] >= MATTERS]
    best = held.groupby("skill").agg(importance=("importance", "max"), level=("level", "max"))
    best = best.sort_values(["importance", "level"], ascending=False, kind="stable")
    filled = {skill: from_onet_level(level) for skill, level in best["level"].dropna().items()}
    own = dict(own or {})
    taken = {name.casefold() for name in own}
    return own | {s: v for s, v in filled.items() if s.casefold() not in taken}
