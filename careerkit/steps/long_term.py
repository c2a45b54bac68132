"""Long-term objectives: checking and saving them, the skill gap, and the roadmap's data.

The roadmap places, for each direction, the short-term goals (04) and the long-term
objectives (05) on one time axis, counted from today:

* a goal runs from the day it was written to its due date (or to the end of its horizon);
* the person "lands" in the target occupation when that direction's last goal is due,
  or 24 months from today when it has no goals;
* skills to acquire and experience to gain run from landing to year 5; the role in
  5 years is a milestone at year 5; the role in 10 years and the ambitions at year 10;
  the intended stay in the role runs from landing for ``stay_years``.

Goals linked to no direction get a lane of their own. Dropped goals are left out. A goal
that is a job on the way (it names a stepping stone, issue 23) is a step of its lane like
any goal, labeled "Job on the way: <the stone's title>" and grouped as :data:`STONE`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

import pandas as pd

from careerkit.dates import add_months
from careerkit.plan import Goal, Objective, Plan
from careerkit.steps import job_skills
from careerkit.steps.short_term.goals import direction_title, target_gap

SHORT_TERM_MONTHS = 24
MAX_TEXT = 2000  # characters in one answer
MAX_SKILL = 80  # characters in one skill's name
MAX_SKILLS = 30
TEXT_FIELDS = ("experience", "role_5y", "role_10y", "ambitions", "leave_when")
UNLINKED = "Not linked to a direction"
#: The group of a goal that is a job on the way to its direction (a stepping stone, 04).
STONE = "job on the way"
MAX_SKILLS_SHOWN = 3


@dataclass(frozen=True)
class RoadmapItem:
    """One bar (``start < end``) or milestone (``start == end``) on the roadmap."""

    lane: str  # the direction's title, or UNLINKED
    code: str  # the direction's occupation code ("" for UNLINKED)
    kind: Literal["goal", "objective"]
    label: str
    start: date
    end: date
    group: str  # goals: the area of growth, or STONE; objectives: skills|experience|...


def goal_span(goal: Goal) -> tuple[date, date]:
    """When a goal runs: from its creation to its due date, or to the end of its horizon."""
    end = goal.due or add_months(goal.created, goal.horizon_months)
    return min(goal.created, end), end


def lane_codes(plan: Plan) -> list[str]:
    """Directions on the roadmap: chosen ones first, then others with objectives or goals."""
    codes = list(plan.comparison.chosen)
    extra = [*plan.long_term.objectives, *(g.direction for g in _active_goals(plan))]
    for code in extra:
        if code and code not in codes:
            codes.append(code)
    return codes


def _active_goals(plan: Plan) -> list[Goal]:
    return [g for g in plan.short_term_goals.goals if g.status != "dropped"]


def _skills_label(objective: Objective) -> str:
    skills = [*objective.skills_to_acquire, *objective.own_skills]
    more = len(skills) - MAX_SKILLS_SHOWN
    shown = ", ".join(skills[:MAX_SKILLS_SHOWN])
    return f"Build: {shown}" + (f" and {more} more" if more > 0 else "")


def _objective_items(
    objective: Objective, lane: str, code: str, land: date, today: date
) -> list[RoadmapItem]:
    year5, year10 = add_months(today, 60), add_months(today, 120)
    late = max(year5, land + timedelta(days=180))  # a span always has some length
    rows: list[tuple[str, date, date, str]] = []
    if objective.skills_to_acquire or objective.own_skills:
        rows.append((_skills_label(objective), land, late, "skills"))
    if objective.experience.strip():
        rows.append((f"Experience: {objective.experience.strip()}", land, late, "experience"))
    if objective.stay_years:
        years = objective.stay_years
        label = f"Stay about {years} year{'s' * (years != 1)} in the role"
        rows.append((label, land, add_months(land, 12 * years), "stay"))
    if objective.role_5y.strip():
        rows.append((f"In 5 years: {objective.role_5y.strip()}", year5, year5, "role"))
    if objective.role_10y.strip():
        rows.append((f"In 10 years: {objective.role_10y.strip()}", year10, year10, "role"))
    if objective.ambitions.strip():
        rows.append((f"Ambition: {objective.ambitions.strip()}", year10, year10, "ambition"))
    return [RoadmapItem(lane, code, "objective", *row) for row in rows]


def _goal_label(goal: Goal, catalog: pd.DataFrame | None) -> tuple[str, str]:
    """A goal's label and group on the roadmap: its text and area; a job on the way
    (a goal naming a stepping stone, from 04) is labeled so and grouped as STONE."""
    if not goal.stone:
        return goal.text, goal.area
    title = goal.stone
    if catalog is not None and goal.stone in catalog.index:
        title = str(catalog.at[goal.stone, "title"])
    return f"Job on the way: {title}. {goal.text}", STONE


def roadmap_items(
    plan: Plan, catalog: pd.DataFrame | None = None, today: date | None = None
) -> list[RoadmapItem]:
    """Everything the roadmap shows, lane by lane; goals by end date, then objectives."""
    today = today or date.today()
    goals = _active_goals(plan)
    items: list[RoadmapItem] = []
    for code in [*lane_codes(plan), ""]:
        lane = direction_title(plan, code, catalog) if code else UNLINKED
        mine = sorted((g for g in goals if g.direction == code), key=lambda g: goal_span(g)[::-1])
        spans = [goal_span(g) for g in mine]
        for g, (start, end) in zip(mine, spans, strict=True):
            label, group = _goal_label(g, catalog)
            items.append(RoadmapItem(lane, code, "goal", label, start, end, group))
        objective = plan.long_term.objectives.get(code) if code else None
        if objective is not None:
            land = max((end for _, end in spans), default=add_months(today, SHORT_TERM_MONTHS))
            items += _objective_items(objective, lane, code, land, today)
    return items


# --- the skill gap ------------------------------------------------------------------


def gap_table(plan: Plan, catalog: pd.DataFrame, code: str) -> pd.DataFrame:
    """The target occupation's important skills against the person's own.

    One row per skill, most important first, with columns ``level`` (the person's
    self-rating 0-5; 0 when not listed), ``gap`` (not listed, or rated 1-2) and
    ``chosen`` (picked as a skill to acquire). The skills are O*NET's, else those the
    person listed for the option in 02 (:mod:`careerkit.steps.job_skills`); empty when neither.
    """
    required = pd.Index(job_skills.for_plan(plan, catalog, code)[0], name="skill", dtype=object)
    levels = {s.name.casefold(): s.level for s in plan.dream_job.skills}
    objective = plan.long_term.objectives.get(code, Objective())
    table = pd.DataFrame(index=required)
    table["level"] = required.str.casefold().map(levels).fillna(0).astype("int64")
    table["gap"] = required.isin(target_gap(plan, catalog, code))
    table["chosen"] = required.isin(objective.skills_to_acquire)
    return table


def skill_choices(plan: Plan, catalog: pd.DataFrame, code: str) -> list[str]:
    """Skills the person may pick to acquire: the gap, plus any picked before."""
    picked = plan.long_term.objectives.get(code, Objective()).skills_to_acquire
    gap = target_gap(plan, catalog, code)
    return gap + [s for s in picked if s not in gap]


def directions(plan: Plan) -> list[str]:
    """Directions 05 offers: chosen ones, else active shortlisted ones; plus any with objectives."""
    active = [o.code for o in plan.exploration.options if not o.dropped]
    codes = list(plan.comparison.chosen) or active
    return codes + [c for c in plan.long_term.objectives if c not in codes]


# --- checking and saving objectives ---------------------------------------------


class ObjectiveInputError(ValueError):
    """An objective cannot be saved as given; the message says what to change."""


def parse_skills(text: str) -> list[str]:
    """Skills typed one per line (or separated by commas), tidied, each once."""
    skills: dict[str, str] = {}
    for part in re.split(r"[\n,;]+", text):
        name = " ".join(part.split()).strip(" -*•")
        if name:
            skills.setdefault(name.casefold(), name)
    return list(skills.values())


def objective_problems(plan: Plan, code: str, fields: Mapping[str, Any]) -> list[str]:
    """What is wrong with an objective's fields, as plain sentences; empty when fine."""
    problems = []
    if code not in directions(plan):
        problems.append(
            f"'{code}' is not one of your directions: choose one in 03, or shortlist it in 02."
        )
    for field in TEXT_FIELDS:
        text = str(fields.get(field, ""))
        if len(text) > MAX_TEXT:
            problems.append(
                f"The answer '{text[:30]}...' is {len(text):,} characters long; keep it under "
                f"{MAX_TEXT:,}."
            )
    own = list(fields.get("own_skills", []))
    long = [s for s in own if len(s) > MAX_SKILL]
    if long:
        problems.append(
            f"A skill is a few words; '{long[0][:40]}...' is {len(long[0])} characters. "
            "Put one skill per line."
        )
    if len(own) > MAX_SKILLS:
        problems.append(f"That is {len(own)} skills; keep the {MAX_SKILLS} that matter most.")
    stay = fields.get("stay_years")
    if stay is not None and (not isinstance(stay, int) or not 0 <= stay <= 50):
        problems.append(f"How long you mean to stay is 0 to 50 years, not {stay}.")
    return problems


def update_objective(plan: Plan, code: str, **fields: Any) -> Objective:
    """Check the fields, then set them on the direction's objective (not saved yet).

    The objective is created on first use. Raises :class:`ObjectiveInputError`
    without touching the plan when a field is wrong.
    """
    current = plan.long_term.objectives.get(code, Objective())
    problems = objective_problems(plan, code, {**current.model_dump(), **fields})
    if problems:
        raise ObjectiveInputError(" ".join(problems))
    updated = current.model_copy(update=fields)
    plan.long_term.objectives = {
        **plan.long_term.objectives,
        code: Objective.model_validate(updated.model_dump()),
    }
    return plan.long_term.objectives[code]


__all__ = [
    "RoadmapItem",
    "ObjectiveInputError",
    "parse_skills",
    "objective_problems",
    "update_objective",
    "UNLINKED",
    "STONE",
    "goal_span",
    "lane_codes",
    "roadmap_items",
    "gap_table",
    "skill_choices",
    "directions",
]
