"""Dates written in a goal's words ("by June 30, 2027", "in 6 weeks", "by Q3"): the day meant.

:func:`date_in_text` finds the phrases people write for when a goal is due and reads each
as a day, counted from ``today``. Every phrase stands for a period (a day, a month, a
season, a quarter, a year): "by" or "in" a period reads as its last day, "before" it as
the day before it starts. Numbers are read in U.S. order (month/day). A phrase that could
mean two days ("next Friday", "by Friday" on a Friday, winter 2027, early 2027) or is no
day at all (13/30/2027) is not guessed: its note says why. A day with its year that has
passed is said to have passed. Months and years are added with ``dateutil``'s
``relativedelta``; its parser is not used, as it reads "by 45 june" as June 2045.
"""

from __future__ import annotations

import calendar
import re
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from careerkit.dates import long_date


@dataclass(frozen=True)
class TextDate:
    """A date phrase as written, the day it reads as (None if it cannot be told), and how."""

    phrase: str
    due: date | None
    note: str = ""  # how a period was read ("the end of spring 2027"), or why there is no day


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTHS = {calendar.month_abbr[i].lower(): i for i in range(1, 13)}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ORD = r"(?:st|nd|rd|th)?"
_LEAD = r"\b(?P<lead>by|in|before|until|till|during|on|due|this|next|of|within)\s+"
_PART = r"(?:the\s+)?(?P<part>end\s+of\s+(?:the\s+)?|early\s+|mid-?\s*|late\s+)?"
_NUMBERS = dict(
    zip(
        "one two three four five six seven eight nine ten eleven twelve".split(),
        range(1, 13),
        strict=True,
    )
)
_NUMBERS |= {"an": 1, "a": 1}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}
_ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}

_NOT_MAY = r"(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bthey )"  # "I may 12 times" is not May 12
_SEASON = r"(?P<s>spring|summer|fall|autumn|winter)"
_COUNT = r"(?P<n>\d+|an?|" + "|".join(_NUMBERS) + ")"
_END = r"(?:the\s+)?(?P<part>end\s+of\s+(?:the\s+)?)"
_UNIT = r"\s+(?P<unit>day|week|month|year)s?\b"
_WEEKDAY = r"(?P<which>this\s+|next\s+)?(?P<wd>" + "|".join(_WEEKDAYS) + r")\b"

_PATTERNS = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    ("numeric", r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b"),
    ("numeric", r"\b(?P<lead>by|before|on|until|till|due)\s+(?P<m>\d{1,2})/(?P<d>\d{1,2})\b(?!/)"),
    ("day", rf"(?:{_LEAD})?\b(?P<text>\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+\d{{4}})?)"),
    ("day", rf"(?:{_LEAD})?{_NOT_MAY}\b(?P<text>{_MONTH}\.?\s+\d{{1,2}}{_ORD}\b(?:,?\s+\d{{4}})?)"),
    ("quarter", r"(?:" + _LEAD + r")?(?:the\s+end\s+of\s+)?\bq(?P<q>[1-4])\b(?:\s+(?P<y>\d{4}))?"),
    (
        "quarter",
        _LEAD + r"(?:the\s+end\s+of\s+)?the\s+(?P<qw>first|second|third|fourth|last)\s+"
        r"quarter(?:\s+of\s+(?P<y>\d{4}))?",
    ),
    ("season", _LEAD + _PART + _SEASON + r"\b(?:\s+(?:of\s+)?(?P<y>\d{4}))?"),
    ("deadline", r"\b(?P<lead>by|before|until|for)\s+the\s+(?P<mon>" + _MONTH + r")\s+deadline\b"),
    ("month", _LEAD + _PART + r"(?P<mon>" + _MONTH + r")\b(?!')(?:,?\s+(?P<y>\d{4}))?(?!\s*\d)"),
    ("year", _LEAD + _PART + r"(?P<y>(?:19|20)\d{2})\b(?![-/.]\d)"),
    ("span", r"\b(?P<lead>in|within)\s+(?:the\s+next\s+)?" + _COUNT + _UNIT),
    ("this", _LEAD + _END + r"(?P<which>this\s+|next\s+)?(?P<unit>year|month)\b"),
    ("this", r"(?:" + _LEAD + r")?\b(?P<which>this|next)\s+(?P<unit>year|month)\b"),
    ("christmas", _LEAD + r"(?:christmas|xmas)\b(?:\s+(?P<y>\d{4}))?"),
    ("weekday", r"\b(?P<lead>by|before|until|till|due|this|next)\s+" + _WEEKDAY),  # not "on"
]  # fmt: skip
_COMPILED = [(kind, re.compile(pattern)) for kind, pattern in _PATTERNS]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_number(name: str) -> int:
    return _MONTHS[name[:3]]


def _next_year_for(month_last: int, today: date) -> int:
    """The year in which a period ending in ``month_last`` (no year written) next ends."""
    return today.year if month_last >= today.month else today.year + 1


class _Unclear(Exception):
    """A phrase that names no single day: its message says why."""


def _period(kind: str, m: re.Match[str], today: date) -> tuple[date, date, str]:
    """The first and last day of the period a phrase names, and how it was read."""
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None
    if kind in ("iso", "numeric"):
        month, day = int(g["m"]), int(g["d"])
        if year is not None and year < 100:
            year += 2000
        if month > 12 and day <= 12:
            raise _Unclear("is not a date in U.S. order (month/day): write the month's name")
        if year is None:
            year = today.year + ((month, day) < (today.month, today.day))
        try:
            day_of = date(year, month, day)
        except ValueError:
            raise _Unclear("is not a real date") from None
        return day_of, day_of, ""
    if kind == "day":  # "30 June 2027", "June 30, 2027", "march 3rd"
        numbers = [int(n) for n in re.findall(r"\d+", g["text"])]
        month, day = _month_number(re.findall(r"[a-z]{3,}", g["text"])[-1]), numbers[0]
        years = numbers[1:] or range(today.year, today.year + 9)  # Feb 29 within 8 years
        for year in years:
            with suppress(ValueError):
                found = date(year, month, day)
                if numbers[1:] or found >= today:
                    return found, found, ""
        raise _Unclear("is not a real date")
    if kind == "quarter":
        q = int(g["q"]) if g.get("q") else _ORDINAL_QUARTERS[g["qw"]]
        year = year or _next_year_for(q * 3, today)
        return date(year, q * 3 - 2, 1), _month_end(year, q * 3), f"the end of Q{q} {year}"
    if kind == "season":
        season = g["s"]
        if season == "winter":
            raise _Unclear("spans two years (December to February): pick the day")
        first, last = _SEASONS[season]
        year = year or _next_year_for(last, today)
        start, end = date(year, first, 1), _month_end(year, last)
        return _part(g, start, end, f"{season} {year}")
    if kind == "deadline":
        month = _month_number(g["mon"])
        year = _next_year_for(month, today)
        start = date(year, month, 1)
        note = f"{long_date(start)}, the earliest it could be, as the deadline's day is not written"
        return start, start, note
    if kind == "month":
        month = _month_number(g["mon"])
        year = year or _next_year_for(month, today)
        start, end = date(year, month, 1), _month_end(year, month)
        return _part(g, start, end, f"{calendar.month_name[month]} {year}")
    if kind == "year":
        assert year is not None  # the "year" pattern always has one
        return _part(g, date(year, 1, 1), date(year, 12, 31), str(year))
    if kind == "this":
        unit, shift = g["unit"], int((g.get("which") or "").strip() == "next")
        if unit == "year":
            y = today.year + shift
            return _part(g, date(y, 1, 1), date(y, 12, 31), f"{y}")
        start = date(today.year, today.month, 1) + relativedelta(months=shift)
        end = _month_end(start.year, start.month)
        return _part(g, start, end, f"{calendar.month_name[start.month]} {start.year}")
    if kind == "span":
        n = int(g["n"]) if g["n"].isdigit() else _NUMBERS[g["n"]]
        # The unit is day, week, month or year (_UNIT): a keyword, never relativedelta's dt1.
        end = today + relativedelta(**{g["unit"] + "s": n})  # type: ignore[arg-type]
        return end, end, f"{n} {g['unit']}{'s' * (n != 1)} from {long_date(today)}"
    if kind == "christmas":
        day_of = date(year or today.year + (today > date(today.year, 12, 25)), 12, 25)
        return day_of, day_of, ""
    if kind == "weekday":
        wanted = _WEEKDAYS.index(g["wd"])
        ahead = (wanted - today.weekday()) % 7
        if g["lead"] == "next" or (g.get("which") or "").strip() == "next":
            raise _Unclear(f"could mean this coming {g['wd'].title()} or the one after")
        if ahead == 0 and g["lead"] != "this":
            raise _Unclear(f"could mean today or a week from today ({g['wd'].title()})")
        day_of = today + timedelta(days=ahead)
        return day_of, day_of, f"this coming {g['wd'].title()}"
    raise AssertionError(kind)  # pragma: no cover


def _part(g: dict, start: date, end: date, name: str) -> tuple[date, date, str]:
    """A period narrowed by "early", "mid" or "late"; "early" is left to the person."""
    part = (g.get("part") or "").strip()
    if part.startswith("early"):
        raise _Unclear("could be any of its first weeks or months: pick the day")
    if part.startswith("mid"):
        middle = (
            date(start.year, 6, 30)
            if end - start > timedelta(days=300)
            else start + (end - start) / 2
        )
        return middle, middle, f"the middle of {name}"
    return start, end, f"the end of {name}"


def _reading(kind: str, m: re.Match[str], text: str, today: date) -> TextDate:
    phrase = text[m.start() : m.end()].strip()  # as written, capitals and all
    try:
        start, end, note = _period(kind, m, today)
    except _Unclear as unclear:
        return TextDate(phrase, None, f"'{phrase}' {unclear}")
    except (ValueError, OverflowError):  # beyond the calendar: "in 99999 years"
        return TextDate(phrase, None, f"'{phrase}' is not a date the calendar holds")
    lead = (m.groupdict().get("lead") or "").strip()
    due = start - timedelta(days=1) if lead == "before" and kind != "deadline" else end
    if lead == "before" and kind != "deadline":
        note = f"the day before {long_date(start)}"
    if due < today:
        return TextDate(phrase, None, f"'{phrase}' ({long_date(due)}) has passed")
    return TextDate(phrase, due, note)


def dates_in_text(text: str, today: date) -> list[TextDate]:
    """Every date phrase in ``text``, in order, each read as a day from ``today``."""
    low = text.lower().replace("’", "'")
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, TextDate]] = []
    for kind, pattern in _COMPILED:
        for m in pattern.finditer(low):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append(m.span())
            shown = text if len(text) == len(low) else low
            found.append((m.start(), _reading(kind, m, shown, today)))
    return [reading for _, reading in sorted(found, key=lambda pair: pair[0])]


def date_in_text(text: str, today: date) -> TextDate | None:
    """The date a goal's words give it: the latest clear one, else the first unclear one."""
    readings = dates_in_text(text, today)
    clear = [r for r in readings if r.due is not None]
    if clear:
        return max(clear, key=lambda r: r.due or today)
    return readings[0] if readings else None


__all__ = ["TextDate", "date_in_text", "dates_in_text"]
