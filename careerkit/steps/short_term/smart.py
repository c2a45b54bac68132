"""The S.M.A.R.T. check of a short-term goal: each letter's verdict, why, and what to do.

The S.M.A.R.T. check (:func:`smart_check`) reads a goal the way a coach would and says,
for each letter, whether it passes and why, in plain words. The rules:

S, Specific
    A concrete action verb (complete, pass, join, hold, learn, become..., in any form:
    "completing", "joined") that starts the goal or a clause, or follows a helper word
    ("I will", "to", "and"), followed by what it acts on (verbs such as "network" or
    "volunteer" need no object); no vague words (careerkit.text, e.g. "better", "good",
    "somewhere", "nicer", "more"; "70% or more" and "more than 3" are not vague). Short is
    fine: "Pass PMP exam" is specific. Verbs that do not say what you will do ("try",
    "work on") are not enough, nor a topic without an action ("learn about X"), a
    promotion without the role ("get promoted"), or only a generic thing ("develop my
    skills", "find a job", "build my network": which skills, which role, with whom).
M, Measurable
    The text or the measure holds a number, count, score or percentage (dates and time
    spans such as "by June 2027" or "in 6 months" do not count, nor a number that is part
    of a name or version: "excel 365"), a credential (certificate, degree, licence, exam,
    membership...) or a deliverable (report, portfolio, application, CV...); or it is a
    one-off act, measured by being done (join, renew, enroll, register, sign up, apply,
    submit, book, pass... one thing: "apply for jobs" asks how many); or the measure
    field says in two words or more, without vague words or feelings, how the person will
    know it is done. A feeling ("feel happy") is named as the reason it fails.
A, Attainable
    The time available (the horizon, or less if the due date comes sooner) is at least
    what a big item needs: a doctorate or a bachelor's degree 36 months, an associate's
    or a master's 18 (in the U.S. a master's usually takes 1.5 to 2 years full time),
    another degree or a senior leadership role 24, fluency in a language 12. Starting one
    (enroll, apply...) or finishing part of one (modules, a semester) is fine in any
    horizon. The person's own confidence of 1 or 2 (of 5) is flagged.
R, Relevant
    Linked to a direction chosen in 03, or placed in one of the person's named areas of
    growth (when only the area links it, the check suggests linking a chosen direction).
T, Timely
    Has a due date, or else a date written in the goal (:mod:`.goal_dates`: "by June 30,
    2027", "in 6 weeks", "by Q3"; one that could mean two days, or has passed, is said to,
    not guessed), which the check offers as the due date; the date has not
    passed (unless the goal is done or dropped); it is no later than the horizon counted
    from the day the goal was written, plus 25% slack (6 months -> 8, 12 -> 15, 24 -> 30).
    A date in the slack is "a little after" the horizon; past it, the tip offers the
    shortest longer horizon that fits, if any.

What people really type is expected: lower case, no punctuation, and small typos in
longer words ("finsh", "certifcate", "sucessful") are read as the word meant.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from careerkit.dates import add_months, long_date, months_between
from careerkit.plan import Goal, Plan
from careerkit.steps.short_term.goal_dates import date_in_text
from careerkit.steps.short_term.goals import HORIZONS, direction_title
from careerkit.steps.short_term.smart_words import (
    COUNT_WORDS,
    FEELINGS,
    HELPERS,
    INTRANSITIVE,
    NUMBER,
    STOPWORDS,
    done_or_not,
    general_words,
    main_action,
    match_word,
    tokens_of,
    vague_words,
    without_time,
)
from careerkit.text import VAGUE

#: What each letter of S.M.A.R.T. stands for, in order: the one place these names are written
#: (the goal forms, the written plan and the cohort summary read them here).
NAMES = {"S": "Specific", "M": "Measurable", "A": "Attainable", "R": "Relevant", "T": "Timely"}
#: The letters of S.M.A.R.T., in order (not RIASEC's theme letters: careerkit.catalog.fit.LETTERS).
SMART_LETTERS = tuple(NAMES)
SLACK = 0.25  # share of the horizon a due date may run over


@dataclass(frozen=True)
class Check:
    """One letter's verdict: passed or not, why, and what to do (may be empty)."""

    ok: bool
    reason: str
    suggestion: str = ""


@dataclass(frozen=True)
class SmartResult:
    """The five checks, keyed "S", "M", "A", "R", "T"."""

    letters: dict[str, Check]

    @property
    def passed(self) -> bool:
        return all(check.ok for check in self.letters.values())

    @property
    def summary(self) -> str:
        """The letters that pass, a dot for each that does not, e.g. "S M · R T"."""
        return " ".join(x if self.letters[x].ok else "·" for x in SMART_LETTERS)


#: big items: the months they need at the least, and how long they usually take (first wins)
BIG_ITEMS = (
    (re.compile(r"\b(?:phd|ph\.d|doctorate|doctoral)\b"), 36, "a doctorate", "several years"),
    (
        re.compile(r"\b(?:bachelor'?s?|undergraduate degree|bsc|b\.sc)\b"),
        36,
        "a bachelor's degree",
        "about 4 years of full-time study in the U.S.",
    ),
    (
        re.compile(r"\bassociate'?s? degree\b"),
        18,
        "an associate's degree",
        "about 2 years of full-time study",
    ),
    (
        re.compile(r"\b(?:master'?s|master degree|mba|msc|m\.sc)\b"),
        18,
        "a master's degree",
        "1.5 to 2 years of full-time study in the U.S. (a few programs take one year)",
    ),
    (
        re.compile(
            r"\b(?:become|becoming|promoted to|land|get|be)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?"
            r"(?:director|vice president|vp|ceo|cfo|coo|cto|chief \w+ officer|c-level|executive)\b"
        ),
        24,
        "a senior leadership role",
        "years of experience to reach",
    ),
    (re.compile(r"\bdegree\b"), 24, "a degree", "2 years or more"),
    (re.compile(r"\b(?:fluent|fluency)\b"), 12, "becoming fluent in a language", "a year or more"),
)

# --- the five checks ----------------------------------------------------------------


def smart_check(goal: Goal, plan: Plan, today: date | None = None) -> SmartResult:
    """Check one goal against the S.M.A.R.T. rules in this module's docstring."""
    today = today or date.today()
    return SmartResult(
        {
            "S": _specific(goal.text),
            "M": _measurable(goal.text, goal.measure),
            "A": _attainable(goal, today),
            "R": _relevant(goal, plan),
            "T": _timely(goal, today),
        }
    )


def _specific(text: str) -> Check:
    if not tokens_of(text):
        return Check(
            False, "no goal written yet", "Write what you will do, e.g. 'Pass the CAPM exam'."
        )
    problems, tips = [], []  # short is fine: "Pass PMP exam" says what you will do
    verb, weak, has_object, general = main_action(text)
    if verb is None:
        if weak:
            problems.append(f"'{weak}' does not say what you will actually do")
            tips.append("Name an action someone could see: take a course, read a book, practice.")
        else:
            problems.append("no concrete action (a verb such as complete, join, write, apply)")
            tips.append("Start with what you will do: complete, pass, join, write, apply, visit.")
        general = general_words(text)
    elif not has_object and verb in INTRANSITIVE:
        problems.append(f"it does not say where or with whom you will {verb}")
        tips.append(f"Add where, with whom or how often you will {verb}.")
    elif not has_object:
        problems.append(f"it does not say what you will {verb}")
        tips.append(f"Add what you will {verb}.")
    if general:
        problems.append(general[0])
        tips.append(general[1])
    vague = vague_words(text)
    if vague:
        problems.append("vague words: " + ", ".join(f"'{v}'" for v in vague))
        tips += [f"Instead of '{v}': {VAGUE[v]}." for v in vague]
    if problems:
        return Check(False, "; ".join(problems), " ".join(tips))
    return Check(True, f"says what you will do ('{verb} ...')")


def _is_name(text: str, found: re.Match[str]) -> bool:
    """Whether a number is part of a name or version ("excel 365", "python 3"), not a count.

    It is when the word before it is neither a helper, a verb nor a count word ("score",
    "least"), nor money ("$2000"), unless a plural follows ("walk 10000 steps").
    """
    if found.lastgroup != "num" or text[: found.start()].rstrip().endswith(("$", "£", "€")):
        return False
    before, after = tokens_of(text[: found.start()])[-1:], tokens_of(text[found.end() :])[:1]
    if not before or before[0] in STOPWORDS | HELPERS | COUNT_WORDS:
        return False
    if match_word(before[0], "action") or match_word(before[0], "weak"):
        return False
    return not (after and after[0].endswith("s") and after[0] not in STOPWORDS | HELPERS)


def _not_a_measure(text: str, measure: str, names: list[str]) -> str:
    """Why M fails, naming a feeling used as the measure or a number that is only a name."""
    reason = "no number or deliverable to measure"
    own = bool(tokens_of(measure))  # the measure field, or else the goal itself
    source = measure if own else text
    feelings = [t for t in tokens_of(source) if t in FEELINGS]
    if feelings:
        felt = re.search(r"\bfeel(?:s|ing)?\s+[a-z]+", source.lower())
        said = felt.group(0) if felt else feelings[0]  # "feel happy", or "confident"
        if own and len(tokens_of(measure)) <= 6:
            said = measure.strip()
        return f"'{said}' is a feeling, which no one else can check: {reason}"
    if names:
        return f"{reason} ('{names[0]}' is a name or a version, not a count)"
    return reason


def _measurable(text: str, measure: str) -> Check:
    both = without_time(f"{text} \n {measure}")
    names: list[str] = []
    for found in NUMBER.finditer(both):
        if _is_name(both, found):
            names.append(" ".join([*tokens_of(both[: found.start()])[-1:], found.group(0)]))
            continue
        kind = {"pct": "a percentage", "num": "a number", "freq": "a frequency"}[
            str(found.lastgroup)
        ]
        return Check(True, f"measured by {kind} ({found.group(0).strip()})")
    for kind, label in (("credential", "a credential"), ("deliverable", "a deliverable")):
        word = next(filter(None, (match_word(t, kind) for t in tokens_of(both))), None)
        if word:
            return Check(True, f"measured by {label} ({word})")
    one_off = done_or_not(text)
    if one_off and one_off[0]:
        return Check(True, f"measured by being done: a one-off act, {one_off[1]} or not")
    own = tokens_of(without_time(measure))
    if len(own) >= 2 and not vague_words(measure) and not FEELINGS & set(own):
        return Check(True, f"measured by: {measure.strip()}")
    return Check(
        False,
        _not_a_measure(text, measure, names)
        + (f" ('{one_off[1]}' is more than one: say how many)" if one_off else ""),
        "Add how you will know it is done: a number (3 interviews), a score (80%), a "
        "certificate, or something you hand in (a report, a portfolio).",
    )


def _big_item(text: str, months: int) -> str | None:
    """The big item in ``text`` that needs more than ``months``, unless only started."""
    low = text.lower().replace("’", "'")
    for pattern, need, what, usual in BIG_ITEMS:
        found = pattern.search(low)
        if not found:
            continue
        before = tokens_of(low[: found.start()])[-6:]
        if need > months and not any(match_word(t, "start") for t in before):
            return f"{what} usually takes {usual}, more than the {months} months you gave it"
        return None
    return None


def _written_due(text: str, today: date) -> date | None:
    written = date_in_text(text, today)
    return written.due if written else None


def _attainable(goal: Goal, today: date) -> Check:
    months: int = goal.horizon_months
    due = goal.due or _written_due(goal.text, today)
    if due and due > goal.created:
        months = min(months, max(1, months_between(goal.created, due)))
    problems, tips = [], []
    too_big = _big_item(goal.text, months)
    if too_big:
        problems.append(too_big)
        tips.append(
            "Choose a first step that fits (e.g. enroll and pass the first modules), "
            "or a longer horizon."
        )
    if goal.confidence is not None and goal.confidence <= 2:
        problems.append(f"you rated your confidence {goal.confidence} of 5")
        tips.append("Make it smaller, give it more time, or note who could help you (in 06).")
    if problems:
        return Check(False, "; ".join(problems), " ".join(tips))
    if goal.confidence is None:
        return Check(
            True,
            f"looks doable in {months} months",
            "Rate how sure you are (1-5) that you can do it.",
        )
    return Check(True, f"looks doable in {months} months, and you rated it {goal.confidence} of 5")


def _relevant(goal: Goal, plan: Plan) -> Check:
    chosen = plan.comparison.chosen
    titles = " or ".join(direction_title(plan, c) for c in chosen)
    if goal.direction and goal.direction in chosen:
        return Check(True, f"serves your chosen direction: {direction_title(plan, goal.direction)}")
    areas = {a.casefold() for a in plan.short_term_goals.areas}
    if goal.area.casefold() in areas:
        if not chosen:
            tip = "Once you choose a direction in 03, link the goal to it."
        elif goal.direction:
            tip = (
                f"It is linked to {direction_title(plan, goal.direction)}, which you did not "
                f"choose in 03; link it to {titles} if it serves that."
            )
        else:
            tip = f"Link it to {titles} to show how it serves your direction."
        return Check(True, f"fits your area of growth '{goal.area}'", tip)
    return Check(
        False,
        f"not linked to a chosen direction, and '{goal.area}' is not one of your areas",
        "Link it to the direction it serves, or put it in one of your areas.",
    )


def _timely(goal: Goal, today: date) -> Check:
    """Timely by the due date, else by a date written in the goal ("by June 30, 2027")."""
    written = date_in_text(goal.text, today)
    if goal.due is None and written is None:
        return Check(False, "no due date", "Pick a date: when will it be done?")
    if goal.due is None and written and written.due is None:
        return Check(False, f"no due date: {written.note}", "Pick the date in Due date.")
    if goal.due is None and written and written.due:
        check = _timely_by(goal.model_copy(update={"due": written.due}), today)
        read = f", read as {written.note}" if written.note else ""
        day = long_date(written.due)
        tip = f"Set {day} as the due date (the button below) so it stays put."
        if "deadline" in written.phrase.lower():  # its day is not written
            tip = f"Set the deadline's day as the due date (the button below offers {day})."
        reason = f"your goal says '{written.phrase}'{read}: {check.reason}"
        return Check(check.ok, reason, tip if check.ok else check.suggestion)
    check = _timely_by(goal, today)
    if written and written.due and goal.due and written.due != goal.due:
        tip = f"Your goal says '{written.phrase}' ({long_date(written.due)}): change one of them."
        return Check(check.ok, check.reason, " ".join(filter(None, (check.suggestion, tip))))
    return check


def _timely_by(goal: Goal, today: date) -> Check:
    assert goal.due is not None
    if goal.due < today and goal.status not in ("done", "dropped"):
        return Check(
            False,
            f"the due date {long_date(goal.due)} has passed",
            "Pick a new date, or mark the goal done or dropped.",
        )
    months, due = goal.horizon_months, long_date(goal.due)
    limit = _limit(goal.created, months)
    if goal.due > limit:
        fits = [h for h in HORIZONS if h > months and goal.due <= _limit(goal.created, h)]
        tip = "Pick an earlier date, or make it a long-term objective in 05."
        if fits:  # only a horizon that is longer, and long enough
            tip = f"Pick an earlier date, or choose the {fits[0]}-month horizon."
        return Check(
            False,
            f"due {due}, later than its {months}-month horizon allows (about {long_date(limit)})",
            tip,
        )
    end = add_months(goal.created, months)
    if goal.due > end:
        return Check(
            True,
            f"due {due}, a little after its {months}-month horizon ends ({long_date(end)}), "
            "which is close enough",
        )
    return Check(True, f"due {due}, within its {months}-month horizon")


def _limit(created: date, months: int) -> date:
    """The latest due date a horizon allows: its months plus the slack."""
    return add_months(created, months + math.ceil(months * SLACK))


__all__ = ["Check", "SmartResult", "smart_check", "SMART_LETTERS", "NAMES"]
