"""Step 1, the jobs a person has done: find one by any title, keep it, fill skills from it.

The rules behind 01's "Jobs I have done" (issue 23), without widgets: the occupations a
typed title finds (the catalog's titles and the other titles people use, words found at
word starts, :mod:`careerkit.catalog.search`, best first), adding and removing a job held
(an O*NET-SOC code kept with the person's own title for it, :func:`own_title`, or a
free-text title for a job not in the catalog, with its years), and
the skills list pre-filled from those jobs (:func:`careerkit.steps.similar_jobs.prefill_levels`:
the person's own ratings always win).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import pandas as pd

from careerkit.catalog import search, tables_of
from careerkit.plan import PastJob, Plan, Skill
from careerkit.steps.dream_job import default_kind
from careerkit.steps.similar_jobs import MATTERS, prefill_levels

#: Matches offered for a typed title.
SHOWN = 8
MAX_YEARS = 60
#: The pre-fill rule as the page states it.
PREFILL_RULE = (
    f"The skills O*NET rates important ({MATTERS:.0f} or more of 5) in these jobs, at the "
    "highest O*NET level among them, put from O*NET's 0-7 scale on your 1-5 scale (level x "
    "5/7, rounded, at least 1). Skills already in your list keep your own rating."
)


class PastJobError(ValueError):
    """A job held that cannot be added as asked; the message says why and what to do."""


@dataclass(frozen=True)
class TitleMatch:
    """An occupation a typed title finds: its code and title, and the other title that
    matched ("" when its own title did)."""

    code: str
    title: str
    matched: str = ""

    @property
    def label(self) -> str:
        """How a picker shows it: "Title (as: other title)"."""
        return f"{self.title} (as: {self.matched})" if self.matched else self.title


_OTHER_TITLES: dict[int, tuple[weakref.ref, dict[str, list[tuple[str, str]]]]] = {}


def _other_titles(catalog: pd.DataFrame) -> dict[str, list[tuple[str, str]]]:
    """code -> its other titles, each with its words (" word word"), built once per catalog."""
    kept = _OTHER_TITLES.get(id(catalog))
    if kept is not None and kept[0]() is catalog:
        return kept[1]
    titles = search.other_titles(catalog)
    tokens = " " + titles.str.casefold().str.findall(r"[^\W_]+").str.join(" ")
    by_code: dict[str, list[tuple[str, str]]] = {}
    for code, title, words in zip(titles.index, titles, tokens, strict=True):
        by_code.setdefault(str(code), []).append((str(title), words))
    _OTHER_TITLES.clear()  # one catalog at a time is in use
    _OTHER_TITLES[id(catalog)] = (weakref.ref(catalog), by_code)
    return by_code


def find_titles(catalog: pd.DataFrame, typed: str, n: int = SHOWN) -> list[TitleMatch]:
    """The occupations whose title or other title has every typed word at a word start,
    best first (own title before another title, then :func:`search.best_first`'s order);
    descriptions are not searched."""
    words = search.words_of(typed)
    if not words:
        return []
    rank = search.best_first(catalog, typed)  # a title that is the typed one first
    found = rank[rank < search.ANYWHERE].head(n)
    others = _other_titles(catalog)
    matches = []
    for code, where in found.items():
        matched = ""
        if where in (search.OTHER_TITLE, search.OTHER_TITLE_WORDS):
            # the other title that is the typed one, else one with its whole words, else any
            hits = [
                (not search.is_the_title(t, typed), not _whole_words(words, ws), i, t)
                for i, (t, ws) in enumerate(others.get(str(code), []))
                if all(f" {w}" in ws for w in words)
            ]
            matched = min(hits)[-1] if hits else ""
        matches.append(TitleMatch(str(code), str(catalog.at[code, "title"]), matched))
    return matches


def _whole_words(words: list[str], tokens: str) -> bool:
    """Every typed word is a whole word of ``tokens`` (" word word"), or it with -s/-es."""
    return all(any(f" {w}{end} " in f"{tokens} " for end in ("", "s", "es")) for w in words)


def _singular_words(words: list[str]) -> list[str]:
    return [w.removesuffix("s") for w in words]


def own_title(catalog: pd.DataFrame, code: str, typed: str) -> str:
    """The title of their own a person gave the occupation ``code`` they found by typing
    ``typed``, or "" when they gave none beyond O*NET's title.

    Their words, first letter in capitals ("store manager" -> "Store manager"), when each
    is a whole word (or its plural) of O*NET's title or of one of its other titles and
    they are not O*NET's title itself ("cashier" for Cashiers gives ""); when some word is
    only the start of one ("store man"), the other title it found ("Store Manager").
    """
    words = search.words_of(typed)
    if not words or code not in catalog.index:
        return ""
    typed = " ".join(typed.split())
    mine = typed[0].upper() + typed[1:]
    onet = " " + " ".join(search.words_of(str(catalog.at[code, "title"])))
    if _whole_words(words, onet):
        same = _singular_words(words) == _singular_words(onet.split())
        return "" if same else mine
    others = _other_titles(catalog).get(code, [])
    if any(_whole_words(words, tokens) for _, tokens in others):
        return mine
    started = (t for t, tokens in others if all(f" {w}" in tokens for w in words))
    return next(started, "")


def held_label(job: PastJob) -> str:
    """How a job held is named to the person: their own title first, O*NET's beside it,
    and the years: "Store manager (O*NET: First-Line Supervisors of Retail Sales Workers;
    6 years)", "Retail Salespersons (3 years)", "Market stall owner"."""
    said = [f"O*NET: {job.title}"] if job.own_title and job.title else []
    if job.years is not None:
        said.append(f"{job.years:g} year{'' if job.years == 1 else 's'}")
    name = job.own_title or job.title or job.code
    return f"{name} ({'; '.join(said)})" if said else name


def parse_years(text: str) -> float | None:
    """Years in a job as typed ("3", "1.5", "" for not said); PastJobError otherwise."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        years = float(text)
    except ValueError:
        raise PastJobError(
            f"“{text}” is not a number of years: type e.g. 3 or 1.5, or leave it empty."
        ) from None
    if not 0 <= years <= MAX_YEARS:
        raise PastJobError(f"Years in a job go from 0 to {MAX_YEARS}; you typed {text}.")
    return years


def add_past_job(
    plan: Plan, catalog: pd.DataFrame, code: str = "", title: str = "", years: str = ""
) -> PastJob:
    """Add a job held to ``plan.dream_job.past_jobs`` (after the ones already there): a
    catalog occupation by ``code``, kept with the person's own title for it when the
    ``title`` they typed to find it gives one (:func:`own_title`); or, with no code, a job
    of the person's own ``title``."""
    title = " ".join(title.split())
    mine = ""
    if code:
        if code not in catalog.index:
            raise PastJobError(f"{code} is not an occupation of the catalog in use.")
        mine = own_title(catalog, code, title[:200])
        title = str(catalog.at[code, "title"])
    elif not title:
        raise PastJobError("Type the title of a job you have done first.")
    elif len(title) > 200:
        raise PastJobError("Keep the job's title under 200 characters.")
    jobs = plan.dream_job.past_jobs
    key = title.casefold()
    if any(j.code == code if code else not j.code and j.title.casefold() == key for j in jobs):
        raise PastJobError(f"“{title}” is already in your list; change its years there.")
    job = PastJob(code=code, title=title, own_title=mine, years=parse_years(years))
    plan.dream_job.past_jobs = [*jobs, job]
    return job


def remove_past_job(plan: Plan, job_id: str) -> PastJob:
    """Take a job held out of the list; the job removed."""
    jobs = plan.dream_job.past_jobs
    gone = next((j for j in jobs if j.id == job_id), None)
    if gone is None:
        raise PastJobError("That job is no longer in your list.")
    plan.dream_job.past_jobs = [j for j in jobs if j.id != job_id]
    return gone


def set_years(plan: Plan, job_id: str, years: str) -> PastJob:
    """Change the years of a job held."""
    job = next((j for j in plan.dream_job.past_jobs if j.id == job_id), None)
    if job is None:
        raise PastJobError("That job is no longer in your list.")
    job.years = parse_years(years)
    return job


def past_codes(plan: Plan, catalog: pd.DataFrame) -> list[str]:
    """The codes of the jobs held that the catalog has, current or most recent first."""
    return [j.code for j in plan.dream_job.past_jobs if j.code and j.code in catalog.index]


def fill_skills(plan: Plan, catalog: pd.DataFrame) -> list[Skill]:
    """Add to the person's skills list the skills pre-filled from their jobs held
    (:data:`PREFILL_RULE`); skills already listed are kept as they are. The skills added."""
    codes = past_codes(plan, catalog)
    if not codes:
        raise PastJobError(
            "Add a job from the catalog first: a job of your own title has no skill figures, "
            "so add its skills by hand in the list below."
        )
    own = {s.name: s.level for s in plan.dream_job.skills}
    levels = prefill_levels(codes, tables_of(catalog).skill_ratings(), own)
    added = [
        Skill(name=name, kind=default_kind(name), level=level)
        for name, level in levels.items()
        if name not in own
    ]
    plan.dream_job.skills = [*plan.dream_job.skills, *added]
    return added
