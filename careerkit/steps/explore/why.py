"""Step 2, why an occupation is suggested: interests, skills, preparation and pay, in figures.

Every occupation 02 suggests (the ranked table's rows, "Similar to the jobs you have
done") says why, in one line for a table cell and in full on its card (issue 23). The
rules, also in data/README.md ("Why an occupation is suggested"):

* **Interests**: the person's top three themes (from the quiz in 01) that are also among
  the occupation's top three (:func:`careerkit.steps.explore.occupation.shared_themes`),
  theirs first, and the interest fit 0-100.
* **Skills**: the occupation's *important* skills are those O*NET rates 3 or more of 5
  in importance and publishes a level for. The person *has* one when their level is at
  most 1 below O*NET's on its 0-7 scale (less than one step of the 1-5 scale). Their
  level is their own rating in 01 x 7/5, as the skills match counts it (a skill they do
  not list: none, shown "not listed", never 0); in "Similar to the jobs you have done"
  (``from_jobs``), else the highest O*NET level among the jobs they have done, as that
  view's gaps count it. The biggest gap is the important skill they do not have with
  the largest importance x (its level - theirs), equal ones in O*NET's order. An
  occupation O*NET does not rate is "not rated"; a person with no level to compare
  (no skill under O*NET's names, and no job from the catalog where jobs count) has
  skills "unknown", never "0 of N".
* **Preparation**: the occupation's job zone beside that of the person's current or
  most recent job in the catalog, and BLS's typical entry education.
* **Pay**: the catalog's median for the person's area (``careerkit.catalog_for(plan)``:
  the area's, else its state's, else the nation's), as BLS publishes it.

``careerkit.why_suggested(code, plan)`` returns one occupation's :class:`Why`, the
figures behind the line, so a coach can check them in a cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd

from careerkit.catalog import SKILLS, THEMES, CatalogError, money, tables_of, zone_words
from careerkit.catalog.fit import interest_fit, onet_names, theme_names, top_themes
from careerkit.catalog.local_pay import NATION_NAME, area_name
from careerkit.plan import Plan
from careerkit.steps.explore.filters import person_levels, person_scores
from careerkit.steps.explore.occupation import missing, row_pay_text, value_or
from careerkit.steps.explore.occupation import pay_short as occupation_pay_short
from careerkit.steps.past_jobs import past_codes
from careerkit.steps.similar_jobs import (
    MATTERS,
    MIN_GAP,
    levels_from_jobs,
    profiles,
    to_onet_level,
)
from careerkit.workbook import catalog_for

UNKNOWN = "unknown"
NOT_RATED = "not rated"
NOT_LISTED = "(not listed)"
#: Between the parts of the one line.
SEPARATOR = " · "
#: The rule as a page states it, under the table and on the card.
WHY_RULE = (
    "Why it is suggested: which of your top three interest themes are among its top three; "
    "how many of its important skills (O*NET importance 3 or more of 5) you have at its "
    "level (at most 1 below, on O*NET's 0-7 scale; yours is your 1-5 rating in 01 x 7/5, "
    "and in “Similar to the jobs you have done” else your jobs' level) "
    "and the biggest gap, your level → its level; its job zone beside your current or "
    "most recent job's; its median pay where you live (“here”), else in the U.S."
)


@dataclass(frozen=True)
class SkillGap:
    """An important skill the person has below the occupation's level (O*NET's 0-7 scale)."""

    skill: str
    yours: float | None  # the person's level; None where they have none (counted as 0)
    level: float  # O*NET's published level for the occupation

    def text(self) -> str:
        """E.g. "Science 2.80→4.12", "Negotiation (not listed)→4.50" (levels to two decimals,
        as O*NET publishes them and as "Similar to the jobs you have done" shows them)."""
        return f"{self.skill} {self._yours()}→{self.level:.2f}"

    def _yours(self) -> str:
        return NOT_LISTED if self.yours is None else f"{self.yours:.2f}"


@dataclass(frozen=True)
class Why:
    """The figures behind one suggestion; None wherever no source gives a figure."""

    code: str
    title: str
    # Interests: letters of RIASEC themes, highest first; () before the quiz.
    your_themes: tuple[str, ...]
    its_themes: tuple[str, ...]
    agree: tuple[str, ...]  # your top themes that are among its top three, yours first
    fit: float | None  # interest fit 0-100; None before the quiz
    # Skills (module rule): None = not rated (important) or unknown (have).
    important: int | None  # its skills of importance >= 3 with a published level
    have: int | None  # of those, the ones you have at its level (at most 1 below)
    gap: SkillGap | None  # the biggest gap; None when there is none or no figures
    gaps: int | None  # how many important skills you do not have
    # Preparation.
    job_zone: int | None
    job_zone_text: str  # e.g. "considerable preparation needed"
    your_job: str | None  # your current or most recent job in the catalog
    your_zone: int | None  # its job zone
    education: str  # BLS's typical entry education, or "unknown"
    # Pay.
    pay: str  # e.g. "$86,420 a year in Ohio (2025)", or "unknown"
    pay_short: str  # e.g. "$86k", "at least $239k", "$29/hour", "unknown"
    pay_place: str | None  # the place the pay is for; None when unknown
    here: bool  # the pay is for the area the person chose in 00 (not its state or the nation)
    levels_from: str  # where the person's levels come from, in words

    # --- the one line ---------------------------------------------------------------

    @property
    def line(self) -> str:
        """The one line for a table cell: interests · skills · preparation · pay."""
        return SEPARATOR.join(self.parts())

    def parts(self) -> list[str]:
        """The line's parts, each a few words (a page may keep each on one line)."""
        skills = [f"Skills: {self._skills_short()}"]
        if self.gap is not None:
            skills.append(f"gap: {self.gap.text()}")
        return [
            f"Interests: {self._interests_short()}",
            *skills,
            f"Prep: {self._prep_short()}",
            f"Pay: {self._pay_where()}",
        ]

    def _interests_short(self) -> str:
        if not self.your_themes:
            return "take the quiz in 01"
        if not self.agree:
            return "none of your top 3 agree"
        verb = "agrees" if len(self.agree) == 1 else "agree"
        return f"{', '.join(THEMES[t] for t in self.agree)} {verb}"

    def _skills_short(self) -> str:
        if self.important is None:
            return NOT_RATED
        if self.have is None:
            return "list yours in 01"
        if self.important == 0:
            return "none rated important"
        return f"you have {self.have} of {self.important} important"

    def _prep_short(self) -> str:
        if self.job_zone is None:
            return "job zone unknown"
        if self.your_zone is None:
            return f"job zone {self.job_zone}"
        same = "= yours" if self.your_zone == self.job_zone else f"yours {self.your_zone}"
        return f"job zone {self.job_zone} ({same})"

    def _pay_where(self) -> str:
        if self.pay_short == UNKNOWN:
            return UNKNOWN
        if self.here:
            return f"{self.pay_short} here"
        if self.pay_place in (None, NATION_NAME):
            return f"{self.pay_short} U.S."
        return f"{self.pay_short} in {self.pay_place}"  # the state's, the area having none

    # --- in full ----------------------------------------------------------------------

    def details(self) -> list[tuple[str, str]]:
        """The card's sentences: (heading, text) for interests, skills, preparation, pay."""
        return [
            ("Interests", self._interests_full()),
            ("Skills", self._skills_full()),
            ("Preparation", self._prep_full()),
            ("Pay", self.pay),
        ]

    def _interests_full(self) -> str:
        theirs = theme_names(self.its_themes)
        if not self.your_themes:
            return (
                f"This occupation's top themes are {theirs}. Take the interest quiz in 01 to "
                "see which of yours agree."
            )
        mine = theme_names(self.your_themes)
        agree = {0: "none agrees", 1: f"{theme_names(self.agree)} agrees"}.get(
            len(self.agree),
            "all three agree" if len(self.agree) == 3 else f"{theme_names(self.agree)} agree",
        )
        fit = "" if self.fit is None else f" Interest fit {self.fit:.0f} of 100."
        return f"Your top themes are {mine}; this occupation's are {theirs}: {agree}.{fit}"

    def _skills_full(self) -> str:
        if self.important is None:
            return "Not rated: O*NET gives this occupation no skill ratings."
        if self.important == 0:
            return "O*NET rates none of this occupation's skills important (3 or more of 5)."
        counted = f"{self.important} skill{'s' if self.important != 1 else ''}"
        if self.have is None:
            return (
                f"O*NET rates {counted} important here (3 or more of 5). List your skills "
                "in 01, or the jobs you have done, to see how many of them you have."
            )
        text = (
            f"You have {self.have} of the {counted} O*NET rates important here (3 or more "
            "of 5) at its level (yours at most 1 below O*NET's, on its 0-7 scale)."
        )
        if self.gap is not None:
            more = (self.gaps or 1) - 1
            gap = self.gap
            yours = "not in your list" if gap.yours is None else f"yours {gap.yours:.2f}"
            text += f" Biggest gap: {gap.skill}, {yours}, its level {gap.level:.2f}"
            others = f"{more} other skill{'s' if more != 1 else ''}"
            text += f" (and {others} below its level). " if more else ". "
            text += self.levels_from
        return text

    def _prep_full(self) -> str:
        if self.job_zone is None:
            zone = "Job zone unknown"
        else:
            zone = f"Job zone {self.job_zone} ({self.job_zone_text})"
            if self.your_zone is not None and self.your_job is not None:
                compare = (
                    "the same as"
                    if self.your_zone == self.job_zone
                    else "more than"
                    if self.job_zone > self.your_zone
                    else "less than"
                )
                zone += f", {compare} {self.your_job} (job zone {self.your_zone})"
        return f"{zone}. Typical entry education: {self.education} (BLS)."

    def figures(self) -> pd.Series:
        """Every figure as a labelled series, to read or reproduce in a cell."""
        values = asdict(self)
        gap = values.pop("gap")
        values |= {
            "gap_skill": None if gap is None else gap["skill"],
            "gap_yours": None if gap is None else gap["yours"],
            "gap_level": None if gap is None else gap["level"],
            "line": self.line,
        }
        return pd.Series(values, dtype=object, name=self.code)


# --- the rules --------------------------------------------------------------------------


def _short_money(value: float) -> str:
    """$86,420 -> "$86k"; under $1,000 as it is."""
    return f"${value / 1000:,.0f}k" if value >= 1000 else money(value)


def pay_short(row: Mapping[str, Any]) -> str:
    """A catalog row's median in a few words: "$86k", "at least $239k", "$29.05/hour",
    "unknown"."""
    return occupation_pay_short(row, _short_money)


def _zone(value: object) -> int | None:
    return None if missing(value) else int(float(str(value)))


@dataclass(frozen=True)
class _Person:
    """What every suggestion for one person is compared with."""

    scores: dict[str, float] | None
    levels: np.ndarray | None  # O*NET 0-7 per SKILLS; NaN where none; None: unknown
    job: str | None
    zone: int | None
    area: str


def _person(plan: Plan, catalog: pd.DataFrame, ratings: pd.DataFrame, from_jobs: bool) -> _Person:
    codes = past_codes(plan, catalog)
    own = person_levels(plan)
    levels = None
    if from_jobs and (onet_names(own) or ratings.index.isin(codes).any()):
        levels = levels_from_jobs(codes, ratings, own).reindex(list(SKILLS)).to_numpy(float)
    elif onet_names(own):  # the skills list alone, as the skills match counts it
        mine = {name.casefold(): to_onet_level(value) for name, value in own.items()}
        levels = np.array([mine.get(s.casefold(), np.nan) for s in SKILLS], dtype=float)
    first = codes[0] if codes else None
    return _Person(
        scores=person_scores(plan),
        levels=levels,
        job=None if first is None else str(catalog.at[first, "title"]),
        zone=None if first is None else _zone(catalog.at[first, "job_zone"]),
        area=area_name(plan.profile.area, catalog) if plan.profile.area else NATION_NAME,
    )


def _skills(
    importance: np.ndarray, level: np.ndarray, yours: np.ndarray | None
) -> list[tuple[int | None, int | None, SkillGap | None, int | None]]:
    """(important, have, biggest gap, gaps) of each occupation (a row of figures)."""
    rated = ~np.isnan(importance).all(axis=1)
    important = (np.nan_to_num(importance) >= MATTERS) & ~np.isnan(level)
    counts = important.sum(axis=1)
    if yours is None:
        return [
            (int(n), None, None, None) if r else (None,) * 4
            for n, r in zip(counts, rated, strict=True)
        ]
    mine = np.nan_to_num(yours)
    with np.errstate(invalid="ignore"):
        short = important & (level - mine >= MIN_GAP)
    # the biggest importance x gap; equal ones in O*NET's order of skills
    weight = np.where(short, np.nan_to_num(importance) * (level - mine), -np.inf)
    best = weight.argmax(axis=1)
    found: list[tuple[int | None, int | None, SkillGap | None, int | None]] = []
    for i, (n, r, b) in enumerate(zip(counts, rated, best, strict=True)):
        missing_ = int(short[i].sum())
        gap = None
        if missing_:
            held = None if np.isnan(yours[b]) else float(round(yours[b], 2))
            gap = SkillGap(SKILLS[b], held, float(level[i, b]))
        found.append((int(n), int(n) - missing_, gap, missing_) if r else (None,) * 4)
    return found


#: Where the person's levels come from (``from_jobs`` False, True), as the card says it.
LEVELS_FROM = (
    "Yours is your rating in 01 x 7/5, as in the skills match; a skill you do not list "
    "counts as none.",
    "Yours is your rating in 01 x 7/5, else the highest level among the jobs you have "
    "done, as in the gaps above.",
)


#: The catalog columns a reason reads (those a catalog has).
_COLUMNS = (
    "title", *THEMES, "interest_code", "job_zone", "education", "median_wage",
    "hourly_median_wage", "wage_note", "wage_year", "pay_area",
)  # fmt: skip


def explain_all(
    codes: Iterable[str],
    plan: Plan,
    catalog: pd.DataFrame,
    *,
    from_jobs: bool = False,
    fit: pd.Series | None = None,
) -> dict[str, Why]:
    """:class:`Why` of each of ``codes`` (catalog occupations) for the person of ``plan``.

    ``catalog`` is the one the page shows, ``careerkit.catalog_for(plan)``: its pay is the
    person's area's. The person's skill levels are their skills list in 01, as the skills
    match counts them; with ``from_jobs``, a skill they do not list takes the highest
    level among the jobs they have done, as "Similar to the jobs you have done" counts
    them. ``fit``: the interest fit of every occupation when already computed (02's
    table has it). Codes not in the catalog are left out.
    """
    codes = [c for c in dict.fromkeys(codes) if c in catalog.index]
    ratings = tables_of(catalog).skill_ratings()
    person = _person(plan, catalog, ratings, from_jobs)
    # every occupation's figures, built once per catalog (shared with the skills match)
    every_importance, every_level = profiles(ratings, catalog.index)
    where = catalog.index.get_indexer(pd.Index(codes))
    skills = _skills(every_importance[where], every_level[where], person.levels)
    if person.scores and codes and fit is None:
        fit = interest_fit(person.scores, catalog.iloc[where])
    fits = None if fit is None or not person.scores else fit.reindex(codes)
    levels_known = tables_of(catalog).info().job_zone_levels
    mine = top_themes(person.scores) if person.scores else []
    # plain values, column by column: a row of the catalog as a Series costs ~0.5 ms
    columns = [c for c in _COLUMNS if c in catalog.columns]
    values = {c: catalog[c].to_numpy(dtype=object)[where] for c in columns}
    rows = [{c: values[c][i] for c in columns} for i in range(len(codes))]
    found = {}
    for code, row, (important, have, gap, gaps) in zip(codes, rows, skills, strict=True):
        theirs = top_themes(row)
        zone = _zone(row["job_zone"])
        place = row.get("pay_area")
        place = None if missing(place) else str(place)
        found[code] = Why(
            code=code,
            title=str(row["title"]),
            your_themes=tuple(mine),
            its_themes=tuple(theirs),
            agree=tuple(t for t in mine if t in theirs),
            fit=None if fits is None else round(float(fits[code]), 1),
            important=important,
            have=have,
            gap=gap,
            gaps=gaps,
            job_zone=zone,
            job_zone_text=UNKNOWN if zone is None else zone_words(zone, levels_known),
            your_job=person.job,
            your_zone=person.zone,
            education=str(value_or(row.get("education"), UNKNOWN)),
            pay=row_pay_text(row),
            pay_short=pay_short(row),
            pay_place=place,
            here=place is not None and place != NATION_NAME and place == person.area,
            levels_from=LEVELS_FROM[from_jobs],
        )
    return found


def why_suggested(
    code: str, plan: Plan, catalog: pd.DataFrame | None = None, *, from_jobs: bool = False
) -> Why:
    """Why 02 suggests occupation ``code`` to the person of ``plan``: the figures behind
    its one line (``.line``), its card (``.details()``) and all of them as a series
    (``.figures()``). ``catalog`` defaults to ``careerkit.catalog_for(plan)`` (pay where
    the person lives); ``from_jobs`` as in :func:`explain_all`. The rules are the
    module's (data/README.md, "Why an occupation is suggested")."""
    catalog = catalog_for(plan) if catalog is None else catalog
    if code not in catalog.index:
        raise CatalogError(
            f"{code!r} is not an occupation of the catalog in use; give an O*NET-SOC code "
            "such as '41-1011.00' (search 02's catalog for a title to find one)."
        )
    return explain_all([code], plan, catalog, from_jobs=from_jobs)[code]


def lines(whys: Mapping[str, Why]) -> dict[str, str]:
    """Each suggestion's one line, by code."""
    return {code: why.line for code, why in whys.items()}


__all__: Sequence[str] = (
    "WHY_RULE",
    "SkillGap",
    "Why",
    "explain_all",
    "lines",
    "pay_short",
    "why_suggested",
)
