"""The S.M.A.R.T. check of a short-term goal: each letter's verdict, why, and what to do.

The S.M.A.R.T. check (:func:`smart_check`) reads a goal the way a coach would and says,
for each letter, whether it passes and why, in plain words. The rules:

S, Specific
    A concrete action verb (complete, pass, join, hold, learn, become..., in any form:
    "completing", "joined") that starts the goal or a clause, or follows a helper word
    ("I will", "to", "and"), followed by what it acts on (verbs such as "network" or
    "volunteer" need no object); no vague words (careerkit.wording, e.g. "better", "good",
    "somewhere", "nicer", "more"; "70% or more" and "more than 3" are not vague). Short is
    fine: "Pass PMP exam" is specific. Verbs that do not say what you will do ("try",
    "work on") are not enough.
M, Measurable
    The text or the measure holds a number, count, score or percentage (dates and time
    spans such as "by June 2027" or "in 6 months" do not count, nor a number that is part
    of a name or version: "excel 365"), a credential (certificate, degree, licence, exam,
    membership...) or a deliverable (report, portfolio, application, CV...); or the measure
    field says in two words or more, without vague words or feelings, how the person will
    know it is done. A feeling ("feel happy") is named as the reason it fails.
A, Attainable
    The time available (the horizon, or less if the due date comes sooner) is at least
    what a big item needs: a doctorate or a bachelor's degree 36 months, an associate's
    18, another degree or a senior leadership role 24, a master's or fluency in a
    language 12. Starting one (enrol, apply...) or finishing part of one (modules, a
    semester) is fine in any horizon. The person's own confidence of 1 or 2 (of 5) is
    flagged.
R, Relevant
    Linked to a direction chosen in 03, or placed in one of the person's named areas of
    growth (when only the area links it, the check suggests linking a chosen direction).
T, Timely
    Has a due date; the date has not passed (unless the goal is done or dropped); it is
    no later than the horizon counted from the day the goal was written, plus 25% slack
    (6 months -> 8, 12 -> 15, 24 -> 30). A date in the slack is "a little after" the
    horizon; past it, the tip offers the shortest longer horizon that fits, if any.

What people really type is expected: lower case, no punctuation, and small typos in
longer words ("finsh", "certifcate", "sucessful") are read as the word meant.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from careerkit.dates import add_months, long_date, months_between
from careerkit.goals import HORIZONS, direction_title
from careerkit.plan import Goal, Plan
from careerkit.wording import VAGUE, pinned, vague_phrases

#: The letters of S.M.A.R.T., in order (not RIASEC's theme letters: see careerkit.fit.LETTERS).
SMART_LETTERS = ("S", "M", "A", "R", "T")
NAMES = {"S": "Specific", "M": "Measurable", "A": "Attainable", "R": "Relevant", "T": "Timely"}
SLACK = 0.25  # share of the horizon a due date may run over
TYPO_MIN = 5  # words this long or longer are read through one small typo


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


# --- vocabularies -------------------------------------------------------------------

ACTION_VERBS = frozenset(
    """achieve analyse analyze apply arrange ask attend audit book build buy call certify
    coach collect compare complete connect contact create cut decide deliver design develop
    document draft earn email enrol enroll finish follow gain get graduate help hire host
    interview introduce join land launch lead list make map meet mentor move negotiate
    obtain open organise organize pass plan practice practise prepare present publish
    qualify raise reach read record recruit reduce register relocate request research review
    rewrite run save schedule score secure send set shadow shortlist sign speak start study submit
    take teach test track train update visit volunteer write become choose find pick begin
    increase translate use network hold chair manage coordinate supervise facilitate give own
    fix code automate sell pitch tutor renew maintain spend lose master sit do learn observe
    edit post share pay invest lecture support assist implement""".split()
)
#: Actions that take no object: the tip asks where, with whom or how often, not "what".
INTRANSITIVE = frozenset("network volunteer graduate relocate qualify move speak".split())
WEAK_VERBS = frozenset("understand know try work think focus grow hope want".split())
HELPERS = frozenset(
    """i i'll we to will shall would must should can could and then also first next
    finally plus or is am are be going gonna i'm i'd we'll by before now""".split()
)
STOPWORDS = frozenset(
    """a an the my our your his her their its it this that these those some any to of in on
    at for with by from up out about into i me we us them you so very really just then
    and or but""".split()
)
CREDENTIALS = frozenset(
    """certificate certificates certification certified degree diploma licence license
    licensed qualification exam examination membership accreditation credential bachelor's
    master's masters mba phd doctorate""".split()
)
DELIVERABLES = frozenset(
    """report portfolio application applications cv resume résumé presentation website
    article blog thesis dissertation essay budget proposal spreadsheet dashboard offer
    interviews project""".split()
)
FEELINGS = frozenset(
    """feel feeling feels confident comfortable ready understand know happy happier satisfied
    proud motivated calm relaxed fulfilled""".split()
)
#: Words before a number that make it a count or a score ("score of 80", "at least 3").
COUNT_WORDS = frozenset("score least most than over under about around top total have".split())
START_WORDS = frozenset(
    """enrol enroll apply start begin register research choose pick find compare visit
    contact ask shortlist prepare plan explore look consider sign""".split()
)
PART_WORDS = frozenset("module modules semester term first year unit units credits course".split())

NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty hundred thousand once twice dozen"
)
_NUMBER = re.compile(
    r"(?P<pct>\d+(?:[.,]\d+)?\s*(?:%|percent\b))"
    r"|(?P<num>\b\d+(?:[.,]\d+)?\b|\b(?:" + NUMBER_WORDS.replace(" ", "|") + r")\b)"
    r"|(?P<freq>\b(?:daily|weekly|monthly|every (?:day|week|month|year))\b)"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"  # names and short forms
_TIME = re.compile(
    "|".join(
        (
            r"\b\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?\b",  # 2027-05-31
            r"\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b",  # 31/05/2027
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?:,?\s+\d{{4}})?",
            rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?",
            rf"\b{_MONTH}\s+\d{{4}}\b",
            r"\b(?:by|in|before|until|till|after|from|since|of|during)\s+(?:the\s+)?"
            r"(?:end\s+of\s+|early\s+|mid\s+|late\s+)?(?:19|20)\d{2}\b(?![-/.]\d)",
            r"\b(?:in|within|over|by|next|after)\s+(?:the\s+)?(?:next\s+)?"
            rf"(?:\d+|{NUMBER_WORDS.replace(' ', '|')}|a|an)\s+(?:day|week|month|year)s?\b",
            r"\b(?:one|some)\s+day\b",
            rf"\b(?:by|in|before|until|till|after|during|next|this)\s+(?:the\s+)?"
            rf"(?:end\s+of\s+(?:the\s+)?)?(?:{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?"
            r"(?:,?\s+\d{4})?|year|month|week|summer|spring|autumn|fall|winter|christmas)\b",
            r"\bq[1-4]\b",
        )
    )
)
_WORD = re.compile(r"[a-zà-ÿ0-9]+(?:'[a-z]+)?")
_CLAUSE = re.compile(r"[.,;:!?()\n]+|\s[-–—]+\s")

#: big items and the months they usually need (first match wins)
BIG_ITEMS = (
    (re.compile(r"\b(?:phd|ph\.d|doctorate|doctoral)\b"), 36, "a doctorate"),
    (re.compile(r"\b(?:bachelor'?s?|undergraduate degree|bsc|b\.sc)\b"), 36, "a bachelor's degree"),
    (re.compile(r"\bassociate'?s? degree\b"), 18, "an associate's degree"),
    (re.compile(r"\b(?:master'?s|master degree|mba|msc|m\.sc)\b"), 12, "a master's degree"),
    (
        re.compile(
            r"\b(?:become|becoming|promoted to|land|get|be)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?"
            r"(?:director|vice president|vp|ceo|cfo|coo|cto|chief \w+ officer|c-level|executive)\b"
        ),
        24,
        "a senior leadership role",
    ),
    (re.compile(r"\bdegree\b"), 24, "a degree"),
    (re.compile(r"\b(?:fluent|fluency)\b"), 12, "becoming fluent in a language"),
)

_VOCAB = {
    "action": ACTION_VERBS,
    "weak": WEAK_VERBS,
    "credential": CREDENTIALS,
    "deliverable": DELIVERABLES,
    "start": START_WORDS | PART_WORDS,
    "vague": frozenset(k for k in VAGUE if " " not in k),
}


def _typos(word: str) -> set[str]:
    """Common slips of the keyboard: a middle letter left out, two letters swapped, one doubled.

    Letters added or changed are not read as typos: they turn one real word into another
    ("plant" is not "plan", "quality" is not "qualify").
    """
    out = {word[:i] + word[i + 1 :] for i in range(1, len(word) - 1)}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    out |= {word[:i] + word[i] + word[i:] for i in range(len(word))}
    return out - {word}


_TYPOS = {
    kind: {t: w for w in sorted(words) if len(w) >= TYPO_MIN for t in _typos(w) if t not in words}
    for kind, words in _VOCAB.items()
}


def _forms(token: str) -> list[str]:
    """The word and the stems it may come from: "joined" -> join, "studies" -> study."""
    forms = [token]
    for suffix in ("ies", "ied"):
        if token.endswith(suffix):
            forms.append(token[:-3] + "y")
    for suffix in ("ing", "es", "ed", "s", "d"):
        stem = token[: -len(suffix)]
        if token.endswith(suffix) and len(stem) >= 2:
            forms += [stem, stem + "e"]
            if len(stem) >= 3 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # planned -> plan
    return forms


@lru_cache(maxsize=8192)
def _match(token: str, kind: str) -> str | None:
    """The vocabulary word ``token`` stands for (any form, one small typo allowed), or None."""
    words, typos = _VOCAB[kind], _TYPOS[kind]
    forms = _forms(token)
    found = next((f for f in forms if f in words), None)
    if found is None and len(token) >= TYPO_MIN:
        found = next((typos[f] for f in forms if f in typos), None)
    return found


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def _without_time(text: str) -> str:
    """Lower-case text without dates and time spans ("by June 2027", "in 6 months")."""
    return _TIME.sub(" ", text.lower().replace("’", "'"))


# --- the five checks ----------------------------------------------------------------


def smart_check(goal: Goal, plan: Plan, today: date | None = None) -> SmartResult:
    """Check one goal against the S.M.A.R.T. rules in this module's docstring."""
    today = today or date.today()
    return SmartResult(
        {
            "S": _specific(goal.text),
            "M": _measurable(goal.text, goal.measure),
            "A": _attainable(goal),
            "R": _relevant(goal, plan),
            "T": _timely(goal, today),
        }
    )


def _vague_words(text: str) -> list[str]:
    low = text.lower().replace("’", "'")
    found = vague_phrases(low)
    inside = {word for phrase in found for word in phrase.split()}  # "good" in "a good job"
    for token in _WORD.finditer(low):
        word = _match(token.group(0), "vague")  # other forms and typos: "improved", "sucessful"
        if word and word not in {*found, *inside} and not pinned(low, word, *token.span()):
            found.append(word)
    return found


def _action(text: str) -> tuple[str | None, str | None, bool]:
    """(first concrete verb, first weak verb, whether the concrete verb has an object)."""
    weak = None
    for clause in _CLAUSE.split(_without_time(text)):
        tokens = _words(clause)
        for i, token in enumerate(tokens):
            if i and tokens[i - 1] not in HELPERS:
                continue
            verb = _match(token, "action")
            if verb:
                rest = [t for t in tokens[i + 1 :] if t not in STOPWORDS and t not in VAGUE]
                return verb, weak, bool(rest)
            weak = weak or _match(token, "weak")
    return None, weak, False


def _specific(text: str) -> Check:
    if not _words(text):
        return Check(
            False, "no goal written yet", "Write what you will do, e.g. 'Pass the CAPM exam'."
        )
    problems, tips = [], []  # short is fine: "Pass PMP exam" says what you will do
    verb, weak, has_object = _action(text)
    if verb is None:
        if weak:
            problems.append(f"'{weak}' does not say what you will actually do")
            tips.append("Name an action someone could see: take a course, read a book, practice.")
        else:
            problems.append("no concrete action (a verb such as complete, join, write, apply)")
            tips.append("Start with what you will do: complete, pass, join, write, apply, visit.")
    elif not has_object and verb in INTRANSITIVE:
        problems.append(f"it does not say where or with whom you will {verb}")
        tips.append(f"Add where, with whom or how often you will {verb}.")
    elif not has_object:
        problems.append(f"it does not say what you will {verb}")
        tips.append(f"Add what you will {verb}.")
    vague = _vague_words(text)
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
    before, after = _words(text[: found.start()])[-1:], _words(text[found.end() :])[:1]
    if not before or before[0] in STOPWORDS | HELPERS | COUNT_WORDS:
        return False
    if _match(before[0], "action") or _match(before[0], "weak"):
        return False
    return not (after and after[0].endswith("s") and after[0] not in STOPWORDS | HELPERS)


def _not_a_measure(text: str, measure: str, names: list[str]) -> str:
    """Why M fails, naming a feeling used as the measure or a number that is only a name."""
    reason = "no number or deliverable to measure"
    own = bool(_words(measure))  # the measure field, or else the goal itself
    source = measure if own else text
    feelings = [t for t in _words(source) if t in FEELINGS]
    if feelings:
        felt = re.search(r"\bfeel(?:s|ing)?\s+[a-z]+", source.lower())
        said = felt.group(0) if felt else feelings[0]  # "feel happy", or "confident"
        if own and len(_words(measure)) <= 6:
            said = measure.strip()
        return f"'{said}' is a feeling, which no one else can check: {reason}"
    if names:
        return f"{reason} ('{names[0]}' is a name or a version, not a count)"
    return reason


def _measurable(text: str, measure: str) -> Check:
    both = _without_time(f"{text} \n {measure}")
    names: list[str] = []
    for found in _NUMBER.finditer(both):
        if _is_name(both, found):
            names.append(" ".join([*_words(both[: found.start()])[-1:], found.group(0)]))
            continue
        kind = {"pct": "a percentage", "num": "a number", "freq": "a frequency"}[found.lastgroup]
        return Check(True, f"measured by {kind} ({found.group(0).strip()})")
    for kind, label in (("credential", "a credential"), ("deliverable", "a deliverable")):
        word = next(filter(None, (_match(t, kind) for t in _words(both))), None)
        if word:
            return Check(True, f"measured by {label} ({word})")
    own = _words(_without_time(measure))
    if len(own) >= 2 and not _vague_words(measure) and not FEELINGS & set(own):
        return Check(True, f"measured by: {measure.strip()}")
    return Check(
        False,
        _not_a_measure(text, measure, names),
        "Add how you will know it is done: a number (3 interviews), a score (80%), a "
        "certificate, or something you hand in (a report, a portfolio).",
    )


def _span(months: int) -> str:
    return {12: "about a year", 24: "about 2 years", 36: "about 3 years"}.get(
        months, f"about {months} months"
    )


def _big_item(text: str, months: int) -> str | None:
    """The big item in ``text`` that needs more than ``months``, unless only started."""
    low = text.lower().replace("’", "'")
    for pattern, need, what in BIG_ITEMS:
        found = pattern.search(low)
        if not found:
            continue
        before = _words(low[: found.start()])[-6:]
        if need > months and not any(_match(t, "start") for t in before):
            return f"{what} usually takes {_span(need)}, more than the {months} months you gave it"
        return None
    return None


def _attainable(goal: Goal) -> Check:
    months = goal.horizon_months
    if goal.due and goal.due > goal.created:
        months = min(months, max(1, months_between(goal.created, goal.due)))
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
    if goal.due is None:
        return Check(False, "no due date", "Pick a date: when will it be done?")
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
