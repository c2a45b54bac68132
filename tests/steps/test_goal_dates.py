"""Dates people write in a goal (issue 24 §6): read as the day meant, never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from careerkit.steps.short_term.goal_dates import date_in_text, dates_in_text

TODAY = date(2026, 11, 22)  # a Sunday


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Pass the CAPM exam by 30 June 2027", date(2027, 6, 30)),
        ("Pass the CAPM exam by June 30, 2027", date(2027, 6, 30)),
        ("pass the capm exam by june 30th 2027", date(2027, 6, 30)),
        ("Submit my application before the January deadline", date(2027, 1, 1)),
        ("Send my CV to 3 clinics by Friday", date(2026, 11, 27)),
        ("Register for the HIMSS conference by the end of March", date(2027, 3, 31)),
        ("Finish 3 modules of the Excel course in 6 weeks", date(2027, 1, 3)),
        ("Apply to 5 clinic coordinator jobs by Q3 2027", date(2027, 9, 30)),
        ("Enroll in the RN-to-BSN program by spring 2027", date(2027, 5, 31)),
        ("by 6/30/2027 pass the CAPM exam", date(2027, 6, 30)),  # U.S. order: month/day
        ("by 3/4/27 book a session with a coach", date(2027, 3, 4)),  # March 4, not April 3
        ("pass the CAPM exam by 2027-05-31", date(2027, 5, 31)),
        ("Attend 4 association meetings by the end of the year", date(2026, 12, 31)),
        ("Pass the CAPM exam before 1 March 2027", date(2027, 2, 28)),  # the day before
        ("within the next three months, shadow a clinic manager", date(2027, 2, 22)),
        ("join the association by the third quarter of 2027", date(2027, 9, 30)),
        ("book a coaching session by March 3rd", date(2027, 3, 3)),  # no year: the next one
        ("Enroll by March 1 and finish the course by June 30, 2027", date(2027, 6, 30)),  # latest
        ("Pass the CAPM exam by Feb 29", date(2028, 2, 29)),  # the next one there is
        ("book it on the 5th of May", date(2027, 5, 5)),
    ],
)
def test_a_written_date_reads_as_the_day_meant(text: str, due: date) -> None:
    written = date_in_text(text, TODAY)
    assert written is not None and written.due == due, written
    assert written.phrase.lower() in text.lower()  # quoted as written


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Pass the CAPM exam by 30 June 2025", "has passed"),
        ("Pass the CAPM exam by 2025", "has passed"),
        ("Pass the CAPM exam next Friday", "could mean this coming Friday or the one after"),
        ("Pass the CAPM exam by Sunday", "could mean today or a week from today"),  # today
        ("Pass the CAPM exam by 30/06/2027", "not a date in U.S. order (month/day)"),
        ("Pass the CAPM exam by 2/30/2027", "is not a real date"),
        ("Pass the CAPM exam by winter", "spans two years"),
        ("Pass the CAPM exam by early 2027", "pick the day"),
        ("Pass the CAPM exam by 45 June", "is not a real date"),  # not June 2045
        ("Pass the CAPM exam by June 99", "is not a real date"),
        ("Pass the CAPM exam in 99999 years", "not a date the calendar holds"),
    ],
)
def test_an_unclear_or_past_date_is_said_so_not_guessed(text: str, why: str) -> None:
    written = date_in_text(text, TODAY)
    assert written is not None and written.due is None
    assert why in written.note


@pytest.mark.parametrize(
    "text",
    [
        "Attend the HR meetup series 6 times",
        "I may 12 times ask for feedback",  # "may", the verb
        "Spring clean my CV",  # a season without "by" or "in"
        "work 24/7 on my portfolio",
        "save $2000 for the course fees",
        "take an excel 365 course",
        "Read 12 books",
        "Get my Q&A notes in order",
        "Volunteer at the clinic on Saturday mornings",  # when, each week: not a due date
        "Shadow a nurse on May's ward",  # a name
    ],
)
def test_words_that_are_not_dates_are_not_read_as_dates(text: str) -> None:
    assert dates_in_text(text, TODAY) == []


def test_periods_say_how_they_were_read() -> None:
    spring = date_in_text("Enroll by spring 2027", TODAY)
    assert spring is not None and spring.note == "the end of spring 2027"
    deadline = date_in_text("apply before the January deadline", TODAY)
    assert deadline is not None and "the deadline's day is not written" in deadline.note
