"""Date helpers shared by the plan's steps: month arithmetic and the one way dates are shown."""

from __future__ import annotations

import calendar
from datetime import date


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (end.day < start.day)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def long_date(day: date) -> str:
    """A date as the person reads it everywhere in careerkit, in U.S. style: "May 5, 2027"."""
    return f"{day:%B} {day.day}, {day.year}"


__all__ = ["add_months", "long_date", "months_between"]
