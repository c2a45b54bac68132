"""Step 06, the action plan: dated next actions per goal, what is due this month, the review."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import NamedTuple

from careerkit.dates import add_months, long_date
from careerkit.plan import Action, Goal, Plan

#: An action dated further back than this is taken for a typo, not a next step.
PAST_LIMIT_DAYS = 31


def active_goals(plan: Plan) -> list[Goal]:
    """The short-term goals still being pursued (dropped ones left out)."""
    return [g for g in plan.short_term_goals.goals if g.status != "dropped"]


def action_problem(text: str, due: date | None, today: date | None = None) -> str | None:
    """What is wrong with a next action, in plain words, or None when it is fine."""
    today = today or date.today()
    if not text.strip():
        return "Write what you will do (for example 'Email Rosa about the open day'), then add it."
    if due is not None and due < today - timedelta(days=PAST_LIMIT_DAYS):
        hint = _same_day_ahead(due, today)
        return (
            f"The date {long_date(due)} is long past, so it cannot be a next step. "
            f"Pick a date from today on (did you mean {long_date(hint)}?)."
        )
    return None


def _same_day_ahead(due: date, today: date) -> date:
    """``due``'s day and month in the first year that puts it on or after ``today``."""
    guess = add_months(due, 12 * (today.year - due.year))
    return guess if guess >= today else add_months(guess, 12)


def month_end(today: date) -> date:
    """The last day of ``today``'s calendar month."""
    return today.replace(day=calendar.monthrange(today.year, today.month)[1])


class ActionGroups(NamedTuple):
    """A goal's actions by what they ask now, as indexes into its list (in its order)."""

    now: list[int]  # open, due this month, overdue or not dated yet
    later: list[int]  # open, due after this month
    done: list[int]


def action_groups(actions: list[Action], today: date | None = None) -> ActionGroups:
    """Which actions ask something now, which are for later months, which are done."""
    end = month_end(today or date.today())
    groups = ActionGroups([], [], [])
    for index, action in enumerate(actions):
        if action.done:
            groups.done.append(index)
        elif action.due is not None and action.due > end:
            groups.later.append(index)
        else:
            groups.now.append(index)
    return groups


def this_month(plan: Plan, today: date | None = None) -> list[tuple[Goal, Action]]:
    """Open actions due this calendar month or overdue, soonest first (dropped goals skipped)."""
    today = today or date.today()
    last_day = month_end(today)
    found = [
        (goal, action)
        for goal in active_goals(plan)
        for action in _actions(plan, goal.id)
        if not action.done and action.due is not None and action.due <= last_day
    ]
    return sorted(found, key=lambda pair: pair[1].due or today)


def _actions(plan: Plan, goal_id: str) -> list[Action]:
    item = plan.action_plan.items.get(goal_id)
    return item.actions if item else []


def next_review_due(plan: Plan) -> date:
    """When the next review is due: the last review (or the plan's start) plus the interval."""
    last = max((r.reviewed for r in plan.reviews), default=plan.profile.created)
    return add_months(last, plan.action_plan.review_every_months)
