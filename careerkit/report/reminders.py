"""Calendar reminders for the plan: goal due dates, dated open actions and the review (.ics).

The file is made with ``icalendar``, which escapes text as RFC 5545 requires. Every event
reminds (a VALARM the day before at 9:00; the review also on its day at 9:00), and its
summary is cut at a word, never mid-word.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import icalendar

from careerkit.plan import Plan
from careerkit.steps.action_plan import next_review_due
from careerkit.text import ELLIPSIS

SUMMARY_LIMIT = 60  # characters of an event's title in a calendar's month view
DAY_BEFORE = timedelta(hours=-15)  # all-day events start at midnight: 9:00 the day before
ON_THE_DAY = timedelta(hours=9)  # 9:00 on the day
REVIEW_STEP = "step 07 (Review and adapt)"  # the workbook's review, in JupyterLab or the app


def summary(text: str, limit: int = SUMMARY_LIMIT) -> str:
    """``text`` on one line, cut at the last whole word within ``limit`` characters with
    "…" when it is longer (a single over-long word is cut, as nothing else fits)."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if line[limit - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-") + ELLIPSIS


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
    event.add_component(_alarm(DAY_BEFORE, f"Tomorrow: {summary}"))
    return event


def _alarm(trigger: timedelta, text: str) -> icalendar.Alarm:
    """A pop-up reminder ``trigger`` after the event's start (negative: before it)."""
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", trigger)
    alarm.add("description", text)
    return alarm


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
        icalendar.vText(f"Career plan: {summary(owner)}" if owner else "Career plan"),
    )
    for event in [*_goal_events(plan, stamp), _review_event(plan, stamp)]:
        cal.add_component(event)
    return cal.to_ical()


def _goal_events(plan: Plan, stamp: datetime) -> Iterator[icalendar.Event]:
    for goal in plan.short_term_goals.goals:
        status = "CANCELLED" if goal.status == "dropped" else "CONFIRMED"
        events = []
        if goal.due:
            title, about = f"Goal due: {summary(goal.text)}", f"Measure: {goal.measure or '-'}"
            uid = _uid("goal", plan.id, goal.id)  # two plans from one example: two events
            events.append(_all_day(uid, goal.due, title, f"{goal.text}\n{about}", stamp))
        item = plan.action_plan.items.get(goal.id)
        for action in item.actions if item else []:
            if action.due and not action.done:  # a finished action is not coming up
                events.append(
                    _all_day(
                        _uid("action", plan.id, action.id),
                        action.due,
                        summary(action.text),
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
        f"Open the career workbook at {REVIEW_STEP}.",
        stamp,
    )
    event.add_component(_alarm(ON_THE_DAY, "Today: review my career plan"))
    event.add("rrule", {"freq": "monthly", "interval": plan.action_plan.review_every_months})
    return event
