"""Calendar reminders for the plan: goal due dates, dated open actions and the review (.ics).

The file is made with ``icalendar``, which escapes text as RFC 5545 requires.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import icalendar

from careerkit.plan import Plan
from careerkit.review import next_review_due
from careerkit.wording import shorten


def _uid(*parts: str) -> str:
    """A UID that stays the same across exports, so a re-import updates the event."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{digest}@careerkit"


def _all_day(
    uid: str, day: date, summary: str, description: str, stamp: datetime
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy block
    return event


def calendar_ics(plan: Plan) -> bytes:
    """Calendar reminders: goal due dates, dated open actions and the recurring review.

    Events of dropped goals are kept with STATUS:CANCELLED, so re-importing the file
    removes them from calendars that had them. UIDs come from the plan's and the
    actions' ids, so rewording an action updates its event instead of adding one.
    """
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    owner = plan.profile.name
    cal = icalendar.Calendar()
    cal.add("prodid", "-//careerkit//career plan//EN")
    cal.add("version", "2.0")
    cal.add(
        "x-wr-calname",
        icalendar.vText(f"Career plan: {shorten(owner)}" if owner else "Career plan"),
    )
    for event in [*_goal_events(plan, stamp), _review_event(plan, stamp)]:
        cal.add_component(event)
    return cal.to_ical()


def _goal_events(plan: Plan, stamp: datetime) -> Iterator[icalendar.Event]:
    for goal in plan.short_term_goals.goals:
        status = "CANCELLED" if goal.status == "dropped" else "CONFIRMED"
        events = []
        if goal.due:
            summary, about = f"Goal due: {shorten(goal.text)}", f"Measure: {goal.measure or '-'}"
            events.append(
                _all_day(_uid("goal", goal.id), goal.due, summary, f"{goal.text}\n{about}", stamp)
            )
        item = plan.action_plan.items.get(goal.id)
        for action in item.actions if item else []:
            if action.due and not action.done:  # a finished action is not coming up
                events.append(
                    _all_day(
                        _uid("action", plan.id, action.id),
                        action.due,
                        shorten(action.text),
                        f"{action.text}\nFor the goal: {goal.text}",
                        stamp,
                    )
                )
        for event in events:
            event.add("status", status)
            yield event


def _review_event(plan: Plan, stamp: datetime) -> icalendar.Event:
    """The review reminder, repeating every 12 or 24 months from the next review date."""
    event = _all_day(
        _uid("review", plan.id),
        next_review_due(plan),
        "Review my career plan",
        "Time to look back: what went well, what changed, what to adjust. "
        "Open the workbook's notebook 07 (Review and adapt).",
        stamp,
    )
    event.add("rrule", {"freq": "monthly", "interval": plan.action_plan.review_every_months})
    return event
