"""Step 07, the review: progress on each goal, a dated review entry, how interests moved."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from careerkit.catalog import THEMES
from careerkit.catalog.fit import top_themes
from careerkit.plan import Goal, Plan, Review
from careerkit.plan.sections import Status, review_id

#: A theme must move by at least this many points (0-100) to count as a change.
INTEREST_STEP = 10


def update_progress(
    goal: Goal,
    *,
    status: Status | None = None,
    percent: int | None = None,
    drop_reason: str | None = None,
) -> str | None:
    """Apply what the person changed to ``goal``; return a message instead if it cannot be.

    Pass only what changed. Done means 100 %, not started means 0 %; moving the
    percentage starts, finishes or reopens the goal. Dropping needs a reason; the goal
    stays in the plan, marked dropped.
    """
    if drop_reason is not None or status == "dropped":
        reason = goal.drop_reason if drop_reason is None else drop_reason.strip()
        if not reason:
            return (
                "Write a short reason for dropping this goal (for example 'the course was "
                "cancelled'); it stays in your plan, marked dropped."
            )
        goal.drop_reason = reason
        goal.status = "dropped"
    elif status is not None:
        goal.status = status
        goal.drop_reason = ""
        goal.percent = {"done": 100, "not started": 0}.get(status, goal.percent)
    if percent is not None:
        goal.percent = percent
        if goal.status != "dropped":
            goal.status = (
                "done" if percent == 100 else "in progress" if percent > 0 else goal.status
            )
    return None


def todays_review(plan: Plan, today: date | None = None) -> Review:
    """Today's review entry, appended to ``plan.reviews`` the first time it is asked for."""
    today = today or date.today()
    if plan.reviews and plan.reviews[-1].reviewed == today:
        return plan.reviews[-1]
    day = review_id(today)  # the same in every tab: two tabs' answers merge into one review
    unused = all(r.id != day for r in plan.reviews)
    plan.reviews.append(Review(reviewed=today, id=day) if unused else Review(reviewed=today))
    return plan.reviews[-1]


def interest_shift(earlier: Mapping[str, float], now: Mapping[str, float]) -> str:
    """One or two sentences on how the interest profile moved between two results."""
    moves = {t: float(now.get(t, 0)) - float(earlier.get(t, 0)) for t in THEMES}
    rises = sorted((t for t in moves if moves[t] >= INTEREST_STEP), key=lambda t: -moves[t])
    falls = sorted((t for t in moves if moves[t] <= -INTEREST_STEP), key=lambda t: moves[t])
    parts = [
        f"{THEMES[t]} {'rose' if moves[t] > 0 else 'fell'} "
        f"({earlier.get(t, 0):.0f} → {now.get(t, 0):.0f})"
        for t in rises + falls
    ]
    old_code, new_code = "".join(top_themes(earlier)), "".join(top_themes(now))
    if not parts:
        text = f"Your interests held steady: no theme moved by {INTEREST_STEP} points or more."
    else:
        text = "Since last time, " + ", ".join(parts) + "."
    if old_code != new_code:
        text += f" Your top three themes went from {old_code} to {new_code}."
    return text
