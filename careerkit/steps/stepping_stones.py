"""Stepping stones: the jobs on the way from the jobs a person has done to a chosen target.

The rule (issue 23 §3; also in data/README.md, "Stepping stones"). For a target
occupation and the jobs held (O*NET-SOC codes, the current or most recent first), a
**stepping stone** is an occupation that

* **is on O*NET's map around them**: O*NET lists it among the related occupations of the
  target or of a job held, or among the related occupations of one of those (one remove).
  Nearer is preferred: related to the target first, then to a job held, then at one remove
  (the ``why`` column names the occupation it was found through);
* **shares skills with both ends more than they share with each other**: its skill
  profile's similarity (:func:`careerkit.steps.similar_jobs.profile_similarity`: cosine of
  importance x level, 0-100) to the jobs held and to the target is each above the jobs'
  similarity to the target, so the step is shorter than the jump. Within each nearness the
  stone whose weaker link is the stronger comes first;
* **needs no more preparation than the target**: its job zone is at most the target's;
* **pays at least about what the person earns now**: its median pay is at least
  :data:`PAY_SHARE` (90%) of the first job held's (the catalog's pay, so a catalog from
  ``careerkit.catalog_for(plan)`` compares the person's area's figures);
* **is not paid clearly more than the target**: where both medians are known, at most
  :data:`TARGET_PAY_SHARE` (125%) of the target's; a job paid more is a destination of
  its own, not a step on the way (Human Resources Managers, paid about twice as much, is
  no stone to Training and Development Specialists);
* is neither the target, nor one of its specialties (same 6-digit SOC code), nor a job held.

A job zone or pay the catalog does not know (or a median BLS top-codes, below the least
value it gives) is not a reason to drop a stone: the table says "unknown" and those stones
come after the ones whose figures are known, in the same nearness.

What a stone adds comes from O*NET's skills matrix, levels on O*NET's 0-7 scale as it
publishes them ("unknown" for a stone O*NET gives no skill ratings, such as a coach's):
the person's level of a skill is their own rating x 7/5 where they gave one, else the
highest among the jobs held (:func:`careerkit.steps.similar_jobs.levels_from_jobs`).
``to_get_there``: the stone's skills of importance 3 or more at least 1 level above the
person's; ``adds``: the target's skills of that kind (the gap toward the target) that the
stone practices above the person's level ("skill yours -> the stone's (target's)");
``still_to_build``: the target's gaps the stone leaves.

In 04, a chosen direction's first two stones no open goal names yet are offered as goals
(:func:`stone_drafts`): "Get a job as <stone> (a step toward <target>) by <in 24 months>,
building <up to 3 skills of to_get_there then adds, in plain words>", measured by a job
offer, with the stone saved on the goal (``Goal.stone``).

A coach can add paths of their own in :data:`careerkit.paths.STEPPING_STONES_FILE` beside
``workshop.toml`` (columns ``from, target, stone, note``; ``from`` may be ``any``); those
stones come first, marked as the coach's, whatever the rule says, with their figures.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from careerkit import paths
from careerkit.catalog import SKILLS, TOP_CODED, CatalogError, tables_of
from careerkit.catalog.values import money
from careerkit.dates import add_months, long_date
from careerkit.errors import ForThePerson
from careerkit.plan import Goal, Plan
from careerkit.steps.past_jobs import past_codes
from careerkit.steps.short_term.goals import direction_title, plain
from careerkit.steps.similar_jobs import (
    MIN_GAP,
    UNKNOWN,
    levels_from_jobs,
    profile_similarity,
    skill_gaps,
)
from careerkit.text import join_words
from careerkit.workbook import load_catalog

#: A stone pays at least this share of the person's current median pay.
PAY_SHARE = 0.9
#: A stone pays at most this share of the target's median pay: one paid clearly more is a
#: destination of its own, not a job on the way.
TARGET_PAY_SHARE = 1.25
#: Stones listed by default.
SHOWN = 5
#: Skills named in each skills column.
SKILLS_SHOWN = 3
#: How near O*NET puts a stone, most preferred first (the ``why`` column's words).
NEAR_TARGET = "O*NET relates it to the target"
NEAR_JOB = "O*NET relates it to a job you have done"
ONE_REMOVE = "O*NET relates it to {via}, which it relates to {end}"
COACH = "Your coach's path"
COLUMNS = (
    "code",
    "title",
    "why",
    "coach",
    "note",
    "similarity_now",
    "similarity_target",
    "job_zone",
    "median_pay",
    "to_get_there",
    "adds",
    "still_to_build",
)
#: The coach file's columns, in order.
FILE_COLUMNS = ("from", "target", "stone", "note")
ANY = "any"
MAX_NOTE = 300


class SteppingStonesError(ForThePerson, ValueError):
    """The coach's stepping-stones file cannot be used; the message names the file, the
    line and how to fix it."""


@dataclass(frozen=True)
class CoachPath:
    """One line of the coach's file: from a job (or any), toward a target, via a stone."""

    source: str  # an O*NET-SOC code, or ANY
    target: str
    stone: str
    note: str
    line: int


def coach_file() -> Path:
    """The coach's stepping-stones file: beside the workshop file in force (it may not exist)."""
    return paths.workshop_file().parent / paths.STEPPING_STONES_FILE


def read_coach_paths(file: Path, catalog: pd.DataFrame) -> list[CoachPath]:
    """The coach's paths in ``file`` (none when it does not exist), each checked against
    the catalog; :class:`SteppingStonesError` names the file, line and fix of the first
    problem. Empty lines and lines starting with ``#`` are skipped."""
    if not file.is_file():
        return []
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise SteppingStonesError(
            f"The stepping-stones file {file} cannot be read ({err}); save it as UTF-8 "
            "text (CSV), or remove it."
        ) from err
    rows = [
        (number, row)
        for number, row in enumerate(csv.reader(io.StringIO(text)), start=1)
        if row and any(cell.strip() for cell in row) and not row[0].lstrip().startswith("#")
    ]
    if not rows:
        return []
    header = [cell.strip().casefold() for cell in rows[0][1]]
    if header != list(FILE_COLUMNS):
        raise SteppingStonesError(
            f"{file}, line {rows[0][0]}: the first line must name the columns "
            f"{','.join(FILE_COLUMNS)} (it reads {','.join(rows[0][1])!r}); for example\n"
            f"{','.join(FILE_COLUMNS)}\n41-1011.00,29-1141.00,29-2061.00,Evening LPN course"
        )
    found = []
    for number, row in rows[1:]:
        where = f"{file}, line {number}"
        if len(row) not in (3, 4):
            raise SteppingStonesError(
                f"{where} has {len(row)} values; write 4: from (a code or {ANY}), target, "
                "stone, note (put a note with a comma in double quotes)."
            )
        source, target, stone, note = [cell.strip() for cell in (*row, "")[:4]]
        for name, code in (("from", source), ("target", target), ("stone", stone)):
            if name == "from" and code.casefold() == ANY:
                continue
            if code not in catalog.index:
                raise SteppingStonesError(
                    f"{where}: the {name} {code!r} is not an occupation of the catalog in "
                    "use; write an O*NET-SOC code such as 29-2061.00 (find one in 02's "
                    f"catalog){' or ' + ANY if name == 'from' else ''}, or delete the line."
                )
        if stone == target:
            raise SteppingStonesError(
                f"{where}: the stone is the target ({stone}); name a job on the way."
            )
        if len(note) > MAX_NOTE:
            raise SteppingStonesError(f"{where}: keep the note under {MAX_NOTE} characters.")
        found.append(
            CoachPath(ANY if source.casefold() == ANY else source, target, stone, note, number)
        )
    return found


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if np.isnan(number) else number


def median_pay(catalog: pd.DataFrame, code: str) -> tuple[float | None, bool]:
    """An occupation's median pay and whether it is a top-coded least value; (None,
    False) when the catalog has none."""
    median = _number(catalog.at[code, "median_wage"]) if code in catalog.index else None
    if median is None:
        return None, False
    top = "wage_note" in catalog and str(catalog.at[code, "wage_note"]) == TOP_CODED
    return median, top


def job_zone(catalog: pd.DataFrame, code: str) -> int | None:
    """An occupation's job zone; None where the catalog has none."""
    zone = _number(catalog.at[code, "job_zone"]) if code in catalog.index else None
    return None if zone is None else int(zone)


def _pay_meets(catalog: pd.DataFrame, code: str, now: float | None) -> bool | None:
    """Whether the stone pays at least PAY_SHARE of ``now``; None when unknown."""
    if now is None:
        return None
    pay, top = median_pay(catalog, code)
    if pay is None:
        return None
    if pay >= PAY_SHARE * now:
        return True
    return None if top else False  # a top-coded median is a least value


def _pays_past(catalog: pd.DataFrame, code: str, target_pay: float | None) -> bool:
    """Whether the stone's median pay is known to be above TARGET_PAY_SHARE of the target's
    (``target_pay``, None when unknown or top-coded); a top-coded median is a least value."""
    if target_pay is None:
        return False
    pay, _ = median_pay(catalog, code)
    return pay is not None and pay > TARGET_PAY_SHARE * target_pay


def _nearness(
    related: pd.DataFrame, target: str, jobs: Sequence[str]
) -> dict[str, tuple[int, str, str]]:
    """Candidate stones -> (nearness 0-2, the occupation it was found through, "" when
    O*NET relates it to an end itself; that end: the target or the job held)."""
    by_code: dict[str, list[str]] = {}
    pairs = zip(related["code"].astype(str), related["related_code"].astype(str), strict=True)
    for code, other in pairs:
        by_code.setdefault(code, []).append(other)
    near: dict[str, tuple[int, str, str]] = {}
    for code in by_code.get(target, []):
        near.setdefault(code, (0, "", target))
    for job in jobs:
        for code in by_code.get(job, []):
            near.setdefault(code, (1, "", job))
    for code, (_, _, end) in list(near.items()):
        for other in by_code.get(code, []):
            near.setdefault(other, (2, code, end))
    return near


def _why(near: tuple[int, str, str], catalog: pd.DataFrame, target: str) -> str:
    """How near O*NET puts a stone, in words (NEAR_TARGET, NEAR_JOB or ONE_REMOVE)."""
    level, via, end = near
    if level < 2:
        return NEAR_TARGET if level == 0 else NEAR_JOB
    name = str(catalog.at[via, "title"]) if via in catalog.index else via
    return ONE_REMOVE.format(via=name, end="the target" if end == target else "a job you have done")


def _skills_text(frame: pd.DataFrame, target: pd.Series | None = None) -> str:
    """ "Skill 3.12 -> 4.50" (yours -> level; "(target 5.00)" after where given), up to
    SKILLS_SHOWN."""
    parts = []
    for row in frame.head(SKILLS_SHOWN).itertuples():
        yours = 0.0 if pd.isna(row.yours) else float(row.yours)
        text = f"{row.skill} {yours:.2f} -> {float(row.level):.2f}"
        if target is not None:
            text += f" (target {float(target[row.skill]):.2f})"
        parts.append(text)
    return "; ".join(parts)


def _of(ratings: pd.DataFrame, code: str) -> pd.DataFrame:
    """One occupation's rows of the ratings (empty when O*NET does not rate it)."""
    return ratings.loc[[code]] if code in ratings.index else ratings.iloc[:0]


def what_it_adds(
    stone: str, target: str, yours: pd.Series, ratings: pd.DataFrame
) -> tuple[str, str, str]:
    """(to_get_there, adds, still_to_build): the module's skills columns for one stone."""
    its = _of(ratings, stone)
    if its.empty:  # O*NET rates no skill of it: what it adds is not known, never "nothing"
        return UNKNOWN, UNKNOWN, UNKNOWN
    to_get_there = _skills_text(skill_gaps(yours, its, stone))
    gap = skill_gaps(yours, _of(ratings, target), target)
    at_stone = its.set_index("skill")["level"].reindex(gap["skill"]).to_numpy(dtype=float)
    had = gap["yours"].fillna(0).to_numpy(dtype=float)
    raised = np.nan_to_num(at_stone, nan=-1.0) > had
    adds = gap[raised].assign(level=np.minimum(at_stone[raised], gap["level"][raised]))
    after = np.fmax(had, np.nan_to_num(at_stone, nan=0.0))
    left = gap.assign(yours=after)[gap["level"].to_numpy() - after >= MIN_GAP]
    return to_get_there, _skills_text(adds, gap.set_index("skill")["level"]), _skills_text(left)


def stepping_stones(
    target: str,
    from_codes: Iterable[str],
    catalog: pd.DataFrame | None = None,
    ratings: pd.DataFrame | None = None,
    related: pd.DataFrame | None = None,
    *,
    person_levels: Mapping[str, float] | None = None,
    coach_paths: Sequence[CoachPath] | None = None,
    n: int = SHOWN,
) -> pd.DataFrame:
    """The stepping stones from the jobs ``from_codes`` to ``target`` (the module's rule),
    the coach's first, then best first; at most ``n`` of the rule's.

    Columns: ``code``, ``title``, ``why`` (how near O*NET puts it, or "Your coach's
    path"), ``coach`` (True for the coach's), ``note`` (the coach's), ``similarity_now``
    and ``similarity_target`` (0-100), ``job_zone`` (or "unknown"), ``median_pay``
    (dollars a year, "at least $X" where BLS top-codes it, or "unknown"),
    ``to_get_there``, ``adds``, ``still_to_build`` (skills on O*NET's 0-7 scale).
    ``catalog``, ``ratings`` and ``related`` (O*NET's related occupations: code,
    related_code) default to the catalog in use and its tables; ``coach_paths`` to the
    coach's file beside the workshop file in force (:func:`coach_file`), which raises
    :class:`SteppingStonesError` when it cannot be used.
    """
    catalog = load_catalog() if catalog is None else catalog
    tables = tables_of(catalog)
    ratings = tables.skill_ratings() if ratings is None else ratings
    jobs = list(dict.fromkeys(from_codes))
    unknown = [c for c in [target, *jobs] if c not in catalog.index]
    if unknown:
        raise CatalogError(
            f"{', '.join(unknown)}: not an occupation of the catalog in use; give O*NET-SOC "
            "codes such as '41-1011.00' (search 02's catalog for a title to find one)."
        )
    if coach_paths is None:
        coach_paths = read_coach_paths(coach_file(), catalog)
    if len(ratings) and ratings.groupby(level=0).size().max() < len(SKILLS):
        raise CatalogError(
            "The catalog in use has only each occupation's most important skills (it was "
            "imported before careerkit bundled all 35); import it again with "
            "`careerkit catalog import-onet` to find stepping stones by skills."
        )
    rated = set(ratings.index.unique())
    jobs_rated = [c for c in jobs if c in rated]
    if target not in rated or not jobs_rated:
        return _table([])
    mine = [p for p in coach_paths if p.target == target and (p.source == ANY or p.source in jobs)]
    related = tables.related() if related is None else related
    near = _nearness(related, target, jobs)
    family = target[:7]
    candidates = [
        c
        for c in near
        if c in rated and c in catalog.index and c not in jobs and c != target and c[:7] != family
    ]
    stones = [p.stone for p in mine]
    everyone = list(dict.fromkeys([*stones, *candidates]))
    now = profile_similarity(jobs_rated, ratings, everyone)
    toward = profile_similarity([target], ratings, everyone)
    direct = float(profile_similarity(jobs_rated, ratings, [target]).iloc[0])
    top_zone = job_zone(catalog, target)
    pay_now = median_pay(catalog, jobs[0])
    current = None if pay_now[1] else pay_now[0]  # a top-coded pay now is not a figure
    pay_target = median_pay(catalog, target)
    target_pay = None if pay_target[1] else pay_target[0]
    kept = []
    for code in candidates:
        if not (now[code] > direct and toward[code] > direct):
            continue
        zone = job_zone(catalog, code)
        if zone is not None and top_zone is not None and zone > top_zone:
            continue
        pays = _pay_meets(catalog, code, current)
        if pays is False or _pays_past(catalog, code, target_pay):
            continue
        known = zone is not None and top_zone is not None and pays is not None
        weaker = min(now[code], toward[code])
        kept.append((near[code][0], not known, -weaker, code))
    ranked = [code for *_, code in sorted(kept) if code not in stones][:n]
    yours = levels_from_jobs(jobs_rated, ratings, person_levels)
    rows = [_row(p.stone, COACH, p.note, True, catalog, ratings, target, yours) for p in mine]
    rows += [
        _row(c, _why(near[c], catalog, target), "", False, catalog, ratings, target, yours)
        for c in ranked
    ]
    for row, code in zip(rows, [*(p.stone for p in mine), *ranked], strict=True):
        row["similarity_now"], row["similarity_target"] = now[code], toward[code]
    return _table(rows)


def _row(
    code: str,
    why: str,
    note: str,
    coach: bool,
    catalog: pd.DataFrame,
    ratings: pd.DataFrame,
    target: str,
    yours: pd.Series,
) -> dict[str, object]:
    zone = job_zone(catalog, code)
    pay, top = median_pay(catalog, code)
    to_get_there, adds, left = what_it_adds(code, target, yours, ratings)
    return {
        "code": code,
        "title": str(catalog.at[code, "title"]),
        "why": why,
        "coach": coach,
        "note": note,
        "job_zone": UNKNOWN if zone is None else zone,
        "median_pay": UNKNOWN if pay is None else f"at least {money(pay)}" if top else pay,
        "to_get_there": to_get_there,
        "adds": adds,
        "still_to_build": left,
    }


def _table(rows: list[dict[str, object]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(COLUMNS))


# --- for a plan: the stones of a chosen direction, or what to do first -------------------

NO_JOBS = "Add the jobs you have done in 01 (“Jobs I have done”) to see stepping stones."
OWN_TITLES_ONLY = (
    "The jobs you added in 01 are under your own titles, which have no O*NET skill "
    "figures: add the catalog occupation closest to each in 01 (“Jobs I have done”) to "
    "see stepping stones."
)
NOT_IN_CATALOG = (
    "{title} is not an occupation of the catalog in use, so it has no O*NET figures to "
    "find stepping stones toward."
)
NOT_RATED = (
    "O*NET gives {what} no skill ratings, so no stepping stone can be found by skills; "
    "ask your coach about a path of their own."
)
NONE_FOUND = (
    "No job on the way to {target} meets the rule (O*NET relates it to these jobs, it is "
    "closer in skills to both ends than they are to each other, needs no more preparation "
    "than the target, and pays at least 90% of what you earn now and at most 125% of "
    "the target's pay): aim for it directly, "
    "or ask your coach about a path of their own."
)


@dataclass(frozen=True)
class PlanStones:
    """A chosen direction's stepping stones for a plan, or why there are none."""

    target: str
    title: str
    now: str  # the first job held that the catalog has, in the person's words ("" when none)
    stones: pd.DataFrame
    message: str = ""  # what to do first, or why no stone is listed


def for_plan(
    plan: Plan, catalog: pd.DataFrame, target: str, coach_paths: Sequence[CoachPath] = ()
) -> PlanStones:
    """The stepping stones toward ``target`` from the plan's jobs held (their codes the
    catalog has, the current or most recent first), with the person's own skill ratings."""
    title = direction_title(plan, target, catalog)
    jobs = past_codes(plan, catalog)
    empty = _table([])
    if not jobs:
        said = OWN_TITLES_ONLY if plan.dream_job.past_jobs else NO_JOBS
        return PlanStones(target, title, "", empty, said)
    held = next(j for j in plan.dream_job.past_jobs if j.code == jobs[0])
    now = held.own_title or str(catalog.at[jobs[0], "title"])  # "Store manager"
    if target not in catalog.index:
        return PlanStones(target, title, now, empty, NOT_IN_CATALOG.format(title=title))
    rated = tables_of(catalog).skill_ratings().index
    if target not in rated or not any(job in rated for job in jobs):
        unrated = title if target not in rated else "the jobs you have done"
        return PlanStones(target, title, now, empty, NOT_RATED.format(what=unrated))
    levels = {s.name: float(s.level) for s in plan.dream_job.skills}
    stones = stepping_stones(
        target, jobs, catalog, person_levels=levels, coach_paths=list(coach_paths)
    )
    said = "" if len(stones) else NONE_FOUND.format(target=title)
    return PlanStones(target, title, now, stones, said)


# --- a job on the way as a short-term goal (04) ------------------------------------------

#: Months a job on the way is drafted for (04's longest horizon).
GOAL_MONTHS = 24
GOAL_AREA = "Skills development"
STONES_OFFERED = 2  # per direction, in 04
_SKILL_NAME = re.compile(r"^(.*?) [0-9]")


def skill_names(text: str) -> list[str]:
    """The skills a skills column names ("Skill 1.50 -> 2.50 (target 2.88); ...")."""
    found = (_SKILL_NAME.match(part) for part in text.split("; ") if part)
    return [m.group(1) for m in found if m]


def stone_goal(plan: Plan, stone: pd.Series | Mapping[str, Any], target: str, today: date) -> Goal:
    """A draft goal: work in the stone ``stone`` (a row of :func:`stepping_stones`) on the
    way to ``target``, naming the skills to build there; the person edits it in 04."""
    due = add_months(today, GOAL_MONTHS)
    skills = list(dict.fromkeys([*skill_names(stone["to_get_there"]), *skill_names(stone["adds"])]))
    words = [plain(s) for s in skills[:SKILLS_SHOWN]]
    building = f", building {join_words(words)}" if words else ""
    title = str(stone["title"])
    areas = plan.short_term_goals.areas
    return Goal(
        text=(
            f"Get a job as {title} (a step toward {direction_title(plan, target)}) by "
            f"{long_date(due)}{building}"
        ),
        area=GOAL_AREA if GOAL_AREA in areas or not areas else areas[0],
        horizon_months=GOAL_MONTHS,
        due=due,
        measure=f"a job offer as {title}",
        direction=target,
        stone=str(stone["code"]),
        created=today,
    )


def stone_drafts(
    plan: Plan,
    catalog: pd.DataFrame,
    coach_paths: Sequence[CoachPath] = (),
    today: date | None = None,
    per_direction: int = STONES_OFFERED,
) -> list[Goal]:
    """Draft goals "a job on the way" for each chosen direction: its first stones (the
    coach's first) that no goal still open already names, so an accepted one drops out."""
    today = today or date.today()
    taken = {
        (g.direction, g.stone)
        for g in plan.short_term_goals.goals
        if g.stone and g.status != "dropped"
    }
    drafts = []
    for target in plan.comparison.chosen:
        found = for_plan(plan, catalog, target, coach_paths)
        rows = [r for _, r in found.stones.iterrows() if (target, r["code"]) not in taken]
        drafts += [stone_goal(plan, row, target, today) for row in rows[:per_direction]]
    return drafts
