"""Short-term goals: adding and editing them safely, and suggestions from the skill gap.

The S.M.A.R.T. check of a goal is in :mod:`careerkit.steps.short_term.smart`; date arithmetic in
:mod:`careerkit.dates`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from typing import Any, get_args

import pandas as pd
from pydantic import ValidationError

from careerkit.catalog import BASIC_SKILLS, PLAIN_SKILLS, PRACTICE_GOALS, PRACTICE_SKILLS, tables_of
from careerkit.catalog.fit import LEVEL_SCALE, level_gaps, skill_gap
from careerkit.dates import add_months, long_date
from careerkit.plan import Goal, Plan, Status
from careerkit.steps import job_skills

HORIZONS = (6, 12, 24)
STATUSES: tuple[str, ...] = get_args(Status)
MAX_CHARS = 2000
MAX_AREA_CHARS = 60
WEAK_LEVEL = 2  # a skill the person rates this or lower (of 5) still counts as a gap


class GoalInputError(ValueError):
    """A goal or area cannot be saved as given; the message says what to change."""


# --- adding and editing goals safely ------------------------------------------------


def direction_title(plan: Plan, code: str, catalog: pd.DataFrame | None = None) -> str:
    """The title of a direction: from the shortlist, else the catalogue, else the code."""
    for option in plan.exploration.options:
        if option.code == code:
            return option.title
    if catalog is not None and code in catalog.index:
        return str(catalog.at[code, "title"])
    return code


def known_directions(plan: Plan) -> list[str]:
    """Codes a goal may serve: the chosen directions and every option on the shortlist."""
    codes = list(plan.comparison.chosen)
    codes += [o.code for o in plan.exploration.options if o.code not in codes]
    return codes


def _tidy(plan: Plan, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields with the text trimmed and the area spelt as in the person's list."""
    tidy = dict(fields)
    if isinstance(tidy.get("text"), str):
        tidy["text"] = tidy["text"].strip()
    spelling = {a.casefold(): a for a in plan.short_term_goals.areas}
    if isinstance(tidy.get("area"), str):
        tidy["area"] = spelling.get(" ".join(tidy["area"].split()).casefold(), tidy["area"])
    return tidy


def goal_problems(
    plan: Plan,
    fields: Mapping[str, Any],
    today: date | None = None,
    *,
    settled: Collection[str] = (),
) -> list[str]:
    """What is wrong with a goal's fields, as plain sentences; empty when it can be saved.

    ``settled`` names fields already in the plan and left unchanged: their due date may
    have passed and their direction may have left the shortlist since (time moves on).
    """
    today = today or date.today()
    fields = _tidy(plan, fields)
    problems = []
    text = str(fields.get("text") or "")
    if not text:
        problems.append("The goal is empty: write what you will do, e.g. 'Pass the CAPM exam'.")
    elif len(text) > MAX_CHARS:
        problems.append(
            f"The goal is {len(text):,} characters long; the limit is {MAX_CHARS:,}. Shorten "
            "it, and put the details in its measure or in the action plan (06)."
        )
    area, areas = fields.get("area", ""), plan.short_term_goals.areas
    if area not in areas:
        problems.append(
            f"'{area}' is not one of your areas ({', '.join(areas)}): pick one of them, "
            "or add it as a new area first."
        )
    horizon = fields.get("horizon_months", 12)
    if horizon not in HORIZONS:
        problems.append(f"The horizon must be 6, 12 or 24 months, not {horizon}.")
    due = fields.get("due")
    if due is not None and not isinstance(due, date):
        problems.append("The due date must be a date, e.g. 2027-06-30.")
    elif "due" not in settled and due is not None and due < today:
        problems.append(
            f"The due date {long_date(due)} has already passed (today is {long_date(today)}): "
            "pick a later date."
        )
    direction = fields.get("direction") or ""
    if direction and "direction" not in settled and direction not in known_directions(plan):
        problems.append(
            f"'{direction}' is not on your shortlist: pick a direction from the list, "
            "or leave it empty."
        )
    confidence = fields.get("confidence")
    if confidence is not None and confidence not in range(1, 6):
        problems.append(f"Confidence is rated 1 to 5, not {confidence}.")
    if fields.get("status", "not started") not in STATUSES:
        problems.append(f"The status must be one of: {', '.join(STATUSES)}.")
    if not problems:
        try:
            Goal.model_validate(fields)
        except ValidationError as err:
            problems += [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()]
    return problems


def add_goal(plan: Plan, today: date | None = None, **fields: Any) -> Goal:
    """Check the fields, then append a new goal to the plan (not saved yet) and return it.

    Raises :class:`GoalInputError` without touching the plan when a field is wrong.
    """
    today = today or date.today()
    problems = goal_problems(plan, fields, today)
    if problems:
        raise GoalInputError(" ".join(problems))
    goal = Goal.model_validate({"created": today, **_tidy(plan, fields)})
    plan.short_term_goals.goals.append(goal)
    return goal


def find_goal(plan: Plan, goal_id: str) -> Goal:
    """The goal with this id; :class:`GoalInputError` if there is none."""
    for goal in plan.short_term_goals.goals:
        if goal.id == goal_id:
            return goal
    raise GoalInputError(f"There is no goal with id {goal_id!r} in this plan.")


def remove_goal(plan: Plan, goal_id: str) -> Goal:
    """Take a goal added by mistake out of the plan (not saved yet) and return it.

    A goal with resources or next actions in step 6 is refused (they would be orphaned):
    :class:`GoalInputError` says to mark it dropped instead, which keeps its history.
    """
    goal = find_goal(plan, goal_id)
    item = plan.action_plan.items.get(goal_id)
    if item is not None and (item.actions or item.people or item.tools or item.programs):
        raise GoalInputError(
            "This goal has next actions or resources in step 06, so it is kept. To let it go, "
            "set its status to dropped (in 07, with a reason): your plan remembers why."
        )
    plan.short_term_goals.goals = [x for x in plan.short_term_goals.goals if x.id != goal_id]
    return goal


def update_goal(plan: Plan, goal_id: str, today: date | None = None, **changes: Any) -> Goal:
    """Check the changes, then apply them to the goal (not saved yet) and return it.

    Raises :class:`GoalInputError` without touching the goal when a change is wrong.
    """
    goal = find_goal(plan, goal_id)
    settled = {
        f for f in ("due", "direction") if changes.get(f, getattr(goal, f)) == getattr(goal, f)
    }
    problems = goal_problems(plan, {**goal.model_dump(), **changes}, today, settled=settled)
    if problems:
        raise GoalInputError(" ".join(problems))
    for field, value in _tidy(plan, changes).items():
        setattr(goal, field, value)
    return goal


def add_area(plan: Plan, name: str) -> str:
    """Add an area of growth (not saved yet); return its tidied name."""
    clean = " ".join(name.split())
    if not clean:
        raise GoalInputError("Write the new area's name first, e.g. 'Volunteering'.")
    if len(clean) > MAX_AREA_CHARS:
        raise GoalInputError(f"Keep an area's name under {MAX_AREA_CHARS} characters.")
    if clean.casefold() in {a.casefold() for a in plan.short_term_goals.areas}:
        raise GoalInputError(f"'{clean}' is already one of your areas.")
    plan.short_term_goals.areas = [*plan.short_term_goals.areas, clean]
    return clean


def areas_without_goals(plan: Plan) -> list[str]:
    """The person's areas that have no goal yet (dropped goals do not count)."""
    covered = {g.area for g in plan.short_term_goals.goals if g.status != "dropped"}
    return [a for a in plan.short_term_goals.areas if a not in covered]


# --- suggestions from the skill gap -------------------------------------------------


#: A suggested goal needs the target's level this far above the person's (O*NET's 0-7 scale).
CLEAR_GAP = 1.5
#: A skill the person does not list is suggested only when it is cross-functional and the
#: target needs it at least at this level (0-7): basic skills come with any schooling.
UNLISTED_LEVEL = 4.0


def target_gap(plan: Plan, catalog: pd.DataFrame, code: str) -> list[str]:
    """Important skills of occupation ``code`` the person lacks or has below the level needed.

    With O*NET's importance and level (the catalogue's skill ratings), biggest gap
    first (:func:`careerkit.catalog.fit.level_gaps`); without them, the skills the person lacks
    or rates 1-2 of 5, most important first. Where O*NET has no skill ratings, the skills
    the person listed for the option in 02 (``Option.skills``) that they lack; empty when
    there are none.
    """
    listed, source = job_skills.for_plan(plan, catalog, code)
    have = [s.name for s in plan.dream_job.skills if s.level > WEAK_LEVEL]
    if source != "onet":
        return skill_gap(have, listed)
    required = _rated(catalog, code, listed)
    if required is not None:
        person = {s.name: s.level for s in plan.dream_job.skills}
        return list(level_gaps(person, required)["skill"])
    return skill_gap(have, listed)


def _rated(catalog: pd.DataFrame, code: str, listed: list[str]) -> pd.DataFrame | None:
    """``listed`` with O*NET's importance and level (skill, importance, level), or None."""
    ratings = tables_of(catalog).skill_ratings()
    rated = ratings[ratings.index == code].set_index("skill")
    if listed and rated.index.is_unique and set(listed) <= set(rated.index[rated["level"].notna()]):
        return rated.loc[listed].reset_index()
    return None


def suggestion_skills(plan: Plan, catalog: pd.DataFrame, code: str) -> list[str]:
    """Skills worth a suggested goal toward ``code``, the target's most important first.

    Only where the target's level is clearly above the person's: a skill they list at a
    level at least CLEAR_GAP below the target's (self-rating x 7/5 on O*NET's scale), or
    a cross-functional skill they do not list that the target needs at UNLISTED_LEVEL or
    more. Basic skills (reading, writing, math...) they do not list are never suggested.
    Where O*NET gives no level: a listed skill rated 1-2 of 5, or an unlisted
    cross-functional one. Where O*NET has no ratings at all: the skills listed for the
    option (``Option.skills``) that the person lacks.
    """
    listed, source = job_skills.for_plan(plan, catalog, code)
    mine = {s.name.casefold(): s.level for s in plan.dream_job.skills}
    if source != "onet":
        return [s for s in listed if s.casefold() not in mine]
    ratings = tables_of(catalog).skill_ratings()
    rated = ratings[ratings.index == code].drop_duplicates("skill").set_index("skill")
    frame = pd.DataFrame({"skill": listed}).join(rated[["importance", "level"]], on="skill")
    frame = frame.sort_values("importance", ascending=False, kind="stable", na_position="last")
    keep = []
    for skill, level in zip(frame["skill"], frame["level"].astype(float), strict=True):
        yours = mine.get(skill.casefold())
        if yours is None:
            clear = skill not in BASIC_SKILLS and (pd.isna(level) or level >= UNLISTED_LEVEL)
        elif pd.isna(level):
            clear = yours <= WEAK_LEVEL
        else:
            clear = level - yours * LEVEL_SCALE >= CLEAR_GAP
        if clear:
            keep.append(skill)
    return keep


def plain(skill: str) -> str:
    """A skill in everyday words ("understanding written documents"); own skills as written."""
    return PLAIN_SKILLS.get(skill, skill)


def _mentioned(written: str, names: set[str]) -> bool:
    """Whether a goal already names the skill, in O*NET's words or in plain ones."""
    return any(name.casefold() in written for name in names)


def _names(skill: str) -> set[str]:
    """The ways a goal may name a skill: O*NET's name, plain words, its suggested goal."""
    return {skill, plain(skill), *([PRACTICE_GOALS[skill]] if skill in PRACTICE_GOALS else [])}


def _draft(skill: str, code: str, today: date) -> Goal:
    due = add_months(today, 6)
    practice = PRACTICE_GOALS.get(skill)
    if practice is None:  # a skill the person listed from postings, in their words
        practice = (
            f"Practice {skill} on a real task (at work, as a volunteer or in a class) and "
            "keep one example to show an employer"
        )
    area = (
        "Skills development"
        if skill in PRACTICE_SKILLS or skill not in PLAIN_SKILLS
        else "Learning"
    )
    return Goal(
        text=f"{practice} by {long_date(due)}",
        area=area,
        horizon_months=6,
        due=due,
        measure="an example to show an employer",
        direction=code,
        created=today,
    )


def suggest_goals(
    plan: Plan, catalog: pd.DataFrame, today: date | None = None, per_direction: int = 3
) -> list[Goal]:
    """Goal drafts for the gap skills of each chosen direction (:func:`suggestion_skills`).

    Skills an active goal already names are skipped, so an accepted draft drops out.
    A draft's area is kept only when it is one of the person's areas.
    """
    today = today or date.today()
    written = " ".join(
        f"{g.text} {g.measure}" for g in plan.short_term_goals.goals if g.status != "dropped"
    ).casefold()
    areas = plan.short_term_goals.areas
    drafts: list[Goal] = []
    seen: set[str] = set()
    for code in plan.comparison.chosen:
        gap = suggestion_skills(plan, catalog, code)
        fresh = [s for s in gap if not _mentioned(written, _names(s))]
        for skill in [s for s in fresh if s not in seen][:per_direction]:
            seen.add(skill)
            draft = _draft(skill, code, today)
            if draft.area not in areas:
                draft.area = areas[0] if areas else draft.area
            drafts.append(draft)
    return drafts


__all__ = [
    "GoalInputError",
    "goal_problems",
    "add_goal",
    "update_goal",
    "remove_goal",
    "plain",
    "find_goal",
    "add_area",
    "areas_without_goals",
    "known_directions",
    "direction_title",
    "target_gap",
    "suggestion_skills",
    "suggest_goals",
    "HORIZONS",
    "STATUSES",
]
