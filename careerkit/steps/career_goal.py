"""A career goal you can say: the interview answer and the résumé objective drafted from the plan.

Step 05 drafts two texts from what the person has already written (issue 23 §4): an
answer to "Where do you see yourself in five years?" for a job interview (three to five
sentences, first person) and a one-line career objective for a résumé. The drafts are
built from:

* the chosen direction (03; the first one when two are chosen), named as a person says it
  ("Registered Nurses" -> "a registered nurse");
* where the person sees themselves in five years (05's objective for that direction),
  else where they work in their vision (01);
* the jobs they have done (01), by their own title for each where they gave one, and the
  skills that carry over: the skills that matter to the direction (O*NET importance 3 or
  more) where the person's level, their own rating or the highest among their jobs
  (:func:`careerkit.steps.similar_jobs.levels_from_jobs`), is within one level of
  O*NET's, the ones they listed in 01 first; for an occupation O*NET does not rate, their
  skills rated 3 or more that they listed for it in 02. Both texts say O*NET's skills as a
  person says them (:data:`SAID`); the résumé line names as many as fit in one line;
* their first short-term goals for the direction (04), soonest due first.

Nothing is invented: a missing part is a note in [brackets] saying what to add and where.
The person edits both texts; a redraft never replaces their edits without asking
(:func:`redraft`). Both get the vague-word check of the S.M.A.R.T. goals
(:func:`careerkit.steps.short_term.smart_words.vague_words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

import numpy as np
import pandas as pd

from careerkit.catalog import SKILLS, tables_of
from careerkit.plan import CareerGoal, Goal, PastJob, Plan
from careerkit.steps import job_skills
from careerkit.steps.dream_job import in_sentence
from careerkit.steps.short_term.goals import direction_title
from careerkit.steps.short_term.smart_words import ACTION_VERBS, vague_words
from careerkit.steps.similar_jobs import MATTERS, MIN_GAP, levels_from_jobs
from careerkit.text import VAGUE, join_words

Field = Literal["interview", "objective"]
FIELDS: tuple[Field, ...] = ("interview", "objective")
LABELS = {
    "interview": "Where do you see yourself in five years? (for a job interview)",
    "objective": "Career objective (one line for your résumé)",
}
#: Characters each text may hold.
MAX_CHARS = {"interview": 2000, "objective": 300}
#: Skills named in a draft, and goals taken as first steps.
SKILLS_SHOWN = 3
STEPS_SHOWN = 2
#: The person's own rating that counts as a skill they bring (1-5), where O*NET has no ratings.
OWN_LEVEL = 3

# What a draft says where a part is missing: what to add, and in which step.
NO_DIRECTION = "[the job you are aiming for: choose a direction in 03]"
NO_BACKGROUND = (
    "[What you bring: add the jobs you have done and your skills in 01, then draft again.]"
)
NO_SKILLS = "[name two or three skills from that work that {} need]"
NO_STEPS = "[Your first steps: write short-term goals for this direction in 04, then draft again.]"
NO_RESUME_BACKGROUND = "[Your current or last job and your strongest skills: add them in 01]"
NOTE = re.compile(r"\[[^\]]*\]")

_NUMBERS = "one two three four five six seven eight nine ten".split()
_FIRST_PERSON = re.compile(
    r"^(?:i will|i'll|i’ll|i am going to|i'm going to|i’m going to|i want to|i plan to|to)\s+",
    re.I,
)
_PLACE_WORD = re.compile(r"^(in|at|on|from|for|with|near|inside|outside|abroad|across)\b", re.I)
_OWN_WORDS = re.compile(r"^(i|i'm|i’m|my|we|our)\b", re.I)
_ARTICLE = re.compile(r"^(a|an|the|my|our)\s", re.I)
_MONTH_OR_YEAR = re.compile(
    r"\b(?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\b",
    re.I,
)


@dataclass(frozen=True)
class Drafts:
    """The two drafted texts."""

    interview: str
    objective: str

    def get(self, field: Field) -> str:
        return self.interview if field == "interview" else self.objective


class CareerGoalInputError(ValueError):
    """A text that cannot be saved as typed; the message says what to change."""


# --- how a person says a job ---------------------------------------------------------


def _singular(word: str) -> str:
    """An occupation title's plural noun in the singular ("Nurses" -> "Nurse")."""
    low = word.casefold()
    if low.endswith("persons"):
        return word[:-1]
    if low.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word[-3].isupper() else "y")
    if low.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _lower(text: str) -> str:
    """A catalog title's words in lower case; acronyms and names with inner capitals
    ("IT", "McDonald") kept, each part of a hyphenated word on its own ("First-Line")."""

    def part(p: str) -> str:
        return p if any(c.isupper() or c.isdigit() for c in p[1:]) else p.lower()

    return " ".join("-".join(map(part, word.split("-"))) for word in text.split())


#: "First-Line Supervisors of Retail Sales Workers" as a person says it: "retail sales supervisor".
_SUPERVISORS = re.compile(r"^First-Line Supervisors of (.+) Workers$", re.I)


def one_of(title: str) -> str:
    """A catalog occupation title as one person in it, in lower case: "Registered Nurses" ->
    "registered nurse", "First-Line Supervisors of Retail Sales Workers" -> "retail sales
    supervisor", "Waiters and Waitresses" -> "waiter or waitress".
    Qualifiers after a comma ("..., Except Legal") are left out."""
    head = title.split(",")[0].strip()
    supervisors = _SUPERVISORS.match(head)
    if supervisors:
        return _lower(f"{supervisors.group(1)} supervisor")
    main, of, rest = head.partition(" of ")
    words = main.split()
    if not words:
        return _lower(title)
    if " and " in main:
        first, _, second = main.partition(" and ")
        if first.split() and _singular(first.split()[-1]) != first.split()[-1]:
            main = f"{_singular_last(first)} or {_singular_last(second)}"
        else:
            main = _singular_last(main)
    else:
        main = _singular_last(main)
    return _lower(main + (f"{of}{rest}" if of else ""))


def _singular_last(text: str) -> str:
    words = text.split()
    return " ".join([*words[:-1], _singular(words[-1])]) if words else text


def with_article(phrase: str) -> str:
    """``phrase`` after "a" or "an", unless it starts with an article or "my" already."""
    if not phrase or _ARTICLE.match(phrase) or phrase.startswith("["):
        return phrase
    first = phrase.split()[0]
    if first.isupper() and len(first) > 1:  # an acronym is read letter by letter
        vowel = first[0] in "AEFHILMNORSX"
    else:
        vowel = first[0].lower() in "aeiou" and not first.lower().startswith(("uni", "use", "eu"))
    return ("an " if vowel else "a ") + phrase


def _is_own_title(plan: Plan, code: str) -> bool:
    option = next((o for o in plan.exploration.options if o.code == code), None)
    return code.startswith("custom:") or (option is not None and option.custom)


def direction_phrase(plan: Plan, code: str, catalog: pd.DataFrame | None) -> str:
    """The direction as a person says it: "a registered nurse"; a title the person typed
    is kept as typed."""
    title = direction_title(plan, code, catalog)
    if _is_own_title(plan, code):
        return with_article(_clause(title))
    return with_article(one_of(title))


def _people_in(plan: Plan, code: str, catalog: pd.DataFrame | None) -> str:
    """The people in the direction, as a subject: "registered nurses"."""
    title = direction_title(plan, code, catalog)
    if _is_own_title(plan, code):
        return f"people who work as {with_article(_clause(title))}"
    return _lower(title.split(",")[0].strip())


def _job_phrase(job: PastJob) -> str:
    """A job held as the person says it: their own title for it where they gave one
    ("a store manager"), else O*NET's as one person in it ("a retail sales supervisor")."""
    if job.own_title:
        return with_article(_clause(job.own_title))
    return with_article(one_of(job.title) if job.code else _clause(job.title))


# --- the parts a draft is made of ------------------------------------------------------


def chosen_direction(plan: Plan) -> str:
    """The direction a draft is about: the first one chosen in 03; "" when none is."""
    return plan.comparison.chosen[0] if plan.comparison.chosen else ""


def transferable_skills(plan: Plan, catalog: pd.DataFrame, code: str) -> list[str]:
    """The person's skills that carry over to ``code``, most important to it first.

    Where O*NET rates the occupation: its skills that matter (importance >= MATTERS) whose
    level the person reaches within MIN_GAP, the person's level being their own rating
    (x 7/5) or the highest among the jobs they have done. The skills the person listed in
    01 and rates OWN_LEVEL or more come first, highest rating first (what they say they
    bring); then the ones their jobs need; each by importance to the occupation. Else:
    the skills they listed for the option in 02 that they rate OWN_LEVEL or more. [] when
    neither says.
    """
    ratings = tables_of(catalog).skill_ratings()
    rows = ratings[ratings.index == code]
    own = {s.name: s.level for s in plan.dream_job.skills}
    if not rows.empty:
        held = [j.code for j in plan.dream_job.past_jobs if j.code]
        yours = levels_from_jobs(held, ratings, own)
        table = rows.set_index("skill")
        table = table[table["importance"] >= MATTERS]
        mine = yours.reindex(table.index).fillna(-np.inf)
        table = table[mine >= table["level"].fillna(0) - MIN_GAP]
        # What the person brings first: the skills they listed as theirs, then the skills
        # their jobs need.
        from_jobs = ratings[ratings.index.isin(held) & (ratings["importance"] >= MATTERS)]
        listed = [own.get(s, 0) if own.get(s, 0) >= OWN_LEVEL else 0 for s in table.index]
        table = table.assign(listed=listed, backed=table.index.isin(set(from_jobs["skill"])))
        order = ["listed", "backed", "importance", "level"]
        table = table.sort_values(order, ascending=False, kind="stable")
        return [str(s) for s in table.index]
    needed = {s.casefold() for s in job_skills.for_plan(plan, catalog, code)[0]}
    strong = sorted(plan.dream_job.skills, key=lambda s: -s.level)
    return [s.name for s in strong if s.level >= OWN_LEVEL and s.name.casefold() in needed]


def _strongest_skills(plan: Plan) -> list[str]:
    """The person's own skills rated OWN_LEVEL or more, highest first (no direction to match)."""
    strong = sorted(plan.dream_job.skills, key=lambda s: -s.level)
    return [s.name for s in strong if s.level >= OWN_LEVEL]


#: What each O*NET skill lets a person do, as they would say it after "taught me to": the
#: interview answer is spoken, so "social perceptiveness" becomes "read how people feel".
#: No phrase holds "and": they are listed with "and" before the last.
SAID = {
    "Reading Comprehension": "read documents carefully",
    "Active Listening": "listen closely",
    "Writing": "write clearly",
    "Speaking": "explain things clearly",
    "Mathematics": "work with numbers",
    "Science": "use scientific methods",
    "Critical Thinking": "think problems through",
    "Active Learning": "pick up new knowledge fast",
    "Learning Strategies": "find the best way to learn a new subject",
    "Monitoring": "keep track of how the work is going",
    "Social Perceptiveness": "read how people feel",
    "Coordination": "coordinate people's work",
    "Persuasion": "persuade people",
    "Negotiation": "negotiate",
    "Instructing": "teach others",
    "Service Orientation": "look after the people I serve",
    "Complex Problem Solving": "solve complex problems",
    "Operations Analysis": "work out what a process needs",
    "Technology Design": "design tools that fit their users",
    "Equipment Selection": "choose the right tools",
    "Installation": "install equipment",
    "Programming": "write code",
    "Operations Monitoring": "watch over machines",
    "Operation and Control": "run equipment",
    "Equipment Maintenance": "maintain equipment",
    "Troubleshooting": "troubleshoot problems",
    "Repairing": "repair equipment",
    "Quality Control Analysis": "check work for quality",
    "Judgment and Decision Making": "decide after weighing the options",
    "Systems Analysis": "see how a system should work",
    "Systems Evaluation": "measure how well a system works",
    "Time Management": "manage my time",
    "Management of Financial Resources": "keep to a budget",
    "Management of Material Resources": "manage supplies",
    "Management of Personnel Resources": "lead a team",
}


def _skills_said(names: list[str]) -> str:
    """What the skills let the person do, after "taught me": "to listen closely, ..." when
    every one is O*NET's, else their names ("service orientation and inventory software")."""
    said = [SAID.get(n) for n in names]
    if all(said):
        return "to " + join_words(p for p in said if p)
    return _skill_words(names)


def _skill_words(names: Iterable[str]) -> str:
    """Skill names in a sentence: O*NET's in lower case, the person's own as typed."""
    onet = {s.casefold() for s in SKILLS}
    return join_words(n.lower() if n.casefold() in onet else _own_skill(n) for n in names)


def _own_skill(name: str) -> str:
    """A skill the person typed, inside a sentence: "Cash handling" -> "cash handling";
    a name like "Excel" or "Microsoft Excel" is kept."""
    words = name.split()
    if len(words) > 1 and words[0][1:].islower() and " ".join(words[1:]).islower():
        return name[0].lower() + name[1:]
    return name


def first_steps(plan: Plan, code: str) -> list[Goal]:
    """The short-term goals a draft names as first steps: the direction's goals not yet done
    or dropped (the ones linked to no direction when it has none), soonest due first."""
    active = [g for g in plan.short_term_goals.goals if g.status not in ("done", "dropped")]
    mine = [g for g in active if g.direction == code] if code else active
    if code and not mine:
        mine = [g for g in active if not g.direction]
    return sorted(mine, key=lambda g: (g.due or date.max, g.created))[:STEPS_SHOWN]


def _years(plan: Plan) -> float | None:
    known = [j.years for j in plan.dream_job.past_jobs if j.years is not None]
    return sum(known) if known else None


def _years_words(years: float, capital: bool = False, digits: bool = False) -> str:
    """3 -> "three years" (``digits``: "3 years"), 1 -> "one year", 12 -> "12 years"."""
    if years == int(years) and 1 <= years <= len(_NUMBERS) and not digits:
        count = _NUMBERS[int(years) - 1]
    else:
        count = f"{years:g}"
    text = f"{count} year{'s' * (years != 1)}"
    return text[0].upper() + text[1:] if capital else text


def _clause(text: str) -> str:
    """A person's text to go inside a sentence: one line, no end stop, first letter in
    lower case unless it is "I", an acronym or a name with inner capitals."""
    text = " ".join(text.split()).rstrip(" .;,!")
    if not text:
        return ""
    word = text.split()[0]
    keep = word == "I" or word.startswith("I'") or any(c.isupper() for c in word[1:])
    return text if keep else text[0].lower() + text[1:]


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?]" else text + "."


def _place(plan: Plan) -> str:
    """Where the person works in their vision (01), to follow "working as ...": " in ..."."""
    said = " ".join(plan.dream_job.vision_prompts.get("where", "").split()).rstrip(" .;,!")
    where = in_sentence(said, place=True)  # "Ohio" keeps its capital, "A clinic" does not
    if not where or _OWN_WORDS.match(where):
        return ""
    return f" {where}" if _PLACE_WORD.match(where) else f" in {where}"


def _goal_phrase(goal: Goal) -> tuple[str, bool]:
    """A goal as a first step, and whether it starts with an action ("enroll in ...")."""
    text = _clause(_FIRST_PERSON.sub("", " ".join(goal.text.split())))
    if goal.due and not _MONTH_OR_YEAR.search(text):
        text += f" by {goal.due:%B %Y}"
    first = text.split()[0].casefold() if text else ""
    return text, first in ACTION_VERBS


# --- the drafts --------------------------------------------------------------------------


def _five_years(plan: Plan, code: str, direction: str) -> list[str]:
    """The sentences that answer the question: where, and in which job."""
    role = (
        _clause(plan.long_term.objectives[code].role_5y)
        if code in plan.long_term.objectives
        else ""
    )
    if not role:
        return [f"In five years I see myself working as {direction}{_place(plan)}."]
    sentences = [f"In five years I see myself as {with_article(role)}."]
    if direction.split(" ", 1)[-1].casefold() not in role.casefold():
        sentences.append(f"That starts with my move into work as {direction}.")
    return sentences


def _background(plan: Plan, code: str, catalog: pd.DataFrame) -> str:
    """The sentence on what the person brings from the jobs they have done."""
    jobs = [_job_phrase(j) for j in plan.dream_job.past_jobs[:2]]
    skills = transferable_skills(plan, catalog, code) if code else _strongest_skills(plan)
    skills = skills[:SKILLS_SHOWN]
    years = _years(plan)
    if jobs:
        where = f"as {join_words(jobs)}"
        subject = f"{_years_words(years, capital=True)} {where}" if years else f"My work {where}"
    elif skills:
        subject = "My work so far"
    else:
        return NO_BACKGROUND
    taught = "has taught" if subject == "My work so far" else "taught"
    people = _people_in(plan, code, catalog) if code else ""
    if skills:
        tail = f"; {people} rely on the same skills every day" if people else ""
        return _sentence(f"{subject} {taught} me {_skills_said(skills)}{tail}")
    need = NO_SKILLS.format(people or "the job you are aiming for")
    return _sentence(f"{subject} {taught} me {need}")


def _steps(plan: Plan, code: str) -> list[str]:
    """The sentences on the first steps, from the short-term goals."""
    phrases = [_goal_phrase(g) for g in first_steps(plan, code)]
    if not phrases:
        return [NO_STEPS]
    if all(action for _, action in phrases):
        first = [f"My first step is to {phrases[0][0]}."]
        return first + [f"After that, I will {text}." for text, _ in phrases[1:]]
    return [_sentence(f"My first steps: {'; '.join(text for text, _ in phrases)}")]


def draft_interview(plan: Plan, catalog: pd.DataFrame, code: str | None = None) -> str:
    """The answer to "Where do you see yourself in five years?", 3 to 5 sentences in the
    first person, from the plan (``code``: the direction; default the first chosen one)."""
    code = chosen_direction(plan) if code is None else code
    direction = direction_phrase(plan, code, catalog) if code else NO_DIRECTION
    sentences = [
        *_five_years(plan, code, direction),
        _background(plan, code, catalog),
        *_steps(plan, code),
    ]
    return " ".join(s for s in sentences if s)


def draft_objective(plan: Plan, catalog: pd.DataFrame, code: str | None = None) -> str:
    """The one-line résumé objective: the last job, the years, the skills that carry over,
    and the direction (``code``; default the first chosen one)."""
    code = chosen_direction(plan) if code is None else code
    direction = direction_phrase(plan, code, catalog) if code else NO_DIRECTION
    skills = transferable_skills(plan, catalog, code) if code else _strongest_skills(plan)
    jobs = plan.dream_job.past_jobs
    years = _years(plan)
    job = ""
    if jobs:
        job = re.sub(r"^(a|an)\s", "", _job_phrase(jobs[0]))
        job = job[0].upper() + job[1:]
    # the skills said as the interview answer says them, as many as one line holds
    shown = min(SKILLS_SHOWN, len(skills))
    line = _objective(job, years, skills[:shown], direction)
    while len(line) > OBJECTIVE_CHARS and shown > 1:
        shown -= 1
        line = _objective(job, years, skills[:shown], direction)
    return line


#: The length a résumé objective keeps to (the check asks for one line under it).
OBJECTIVE_CHARS = 200


def _objective(job: str, years: float | None, skills: list[str], direction: str) -> str:
    """The objective line: "Store manager with 6 years of experience that taught me to lead
    a team and explain things clearly, seeking a role as a registered nurse."."""
    said = _skills_said(skills) if skills else ""
    by_name = bool(said) and not said.startswith("to ")  # the person's own skills, by name
    head = job or ("Skilled" if by_name else "Experience" if said else NO_RESUME_BACKGROUND)
    if job and years:
        head += f" with {_years_words(years, digits=True)} of experience"
    if by_name:
        head += f" in {said}" if not job or years else f" skilled in {said}"
    elif said:  # O*NET's skills, said as what the work taught
        head += f" {'whose work' if job and not years else 'that'} taught me {said}"
    return _sentence(f"{head}, seeking a role as {direction}")


def draft(plan: Plan, catalog: pd.DataFrame, code: str | None = None) -> Drafts:
    """Both drafts for the direction ``code`` (default: the first chosen one)."""
    return Drafts(draft_interview(plan, catalog, code), draft_objective(plan, catalog, code))


# --- the person's text against a new draft ---------------------------------------------


def edited(current: str, last_draft: str) -> bool:
    """Whether ``current`` is the person's own text: not empty and not the last draft given."""
    return bool(current.strip()) and current.strip() != last_draft.strip()


def redraft(plan: Plan, drafts: Drafts) -> dict[Field, str]:
    """Put the new drafts in the plan where the person has not edited the text (empty, or
    still the last draft); return the others, field -> new draft, to offer beside their
    text: those are never replaced here. Not saved yet."""
    goal = plan.long_term.career_goal
    offers: dict[Field, str] = {}
    update: dict[str, str] = {}
    for field in FIELDS:
        new, current = drafts.get(field), getattr(goal, field)
        if current.strip() == new.strip():
            update[f"{field}_draft"] = new
        elif edited(current, getattr(goal, f"{field}_draft")):
            offers[field] = new
        else:
            update |= {field: new, f"{field}_draft": new}
    if update:
        _set(plan, **update, drafted=date.today())
    return offers


def use_draft(plan: Plan, field: Field, text: str) -> None:
    """The person took the draft ``text`` offered for ``field``: it replaces their text."""
    _set(plan, **{field: text, f"{field}_draft": text}, drafted=date.today())


def set_text(plan: Plan, field: Field, text: str) -> None:
    """The person's own text for ``field``; :class:`CareerGoalInputError` when too long
    (the plan is not touched then)."""
    if len(text) > MAX_CHARS[field]:
        what = "answer" if field == "interview" else "objective"
        raise CareerGoalInputError(
            f"The {what} is {len(text):,} characters long; keep it under {MAX_CHARS[field]:,}."
        )
    _set(plan, **{field: text})


def _set(plan: Plan, **fields: object) -> None:
    goal = plan.long_term.career_goal.model_copy(update=fields)
    plan.long_term.career_goal = CareerGoal.model_validate(goal.model_dump())


# --- the check -----------------------------------------------------------------------


def _sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.strip()])


def advice(text: str, field: Field) -> list[str]:
    """What to change in a text, as plain sentences: notes in [brackets] left, vague words
    (the S.M.A.R.T. goals' check, with its hint), and its length; [] when fine."""
    if not text.strip():
        return []
    tips = []
    if NOTE.search(text):
        tips.append(
            "It still has a note in [brackets]: replace it with your own words, or add what "
            "it asks for and draft again."
        )
    tips += [f"'{word}' is vague: {VAGUE[word]}." for word in vague_words(NOTE.sub(" ", text))]
    if field == "objective" and ("\n" in text.strip() or len(text) > 200):
        tips.append("A résumé objective is one line (under 200 characters): keep the core of it.")
    if field == "interview":
        count = _sentences(text)
        if count > 5:
            tips.append(
                f"It has {count} sentences: in an interview three to five (about half a minute "
                "spoken) are enough; keep the ones about the job, what you bring and your "
                "first steps."
            )
    return tips


__all__ = [
    "Drafts",
    "CareerGoalInputError",
    "FIELDS",
    "LABELS",
    "MAX_CHARS",
    "one_of",
    "with_article",
    "direction_phrase",
    "chosen_direction",
    "transferable_skills",
    "first_steps",
    "draft_interview",
    "draft_objective",
    "draft",
    "edited",
    "redraft",
    "use_draft",
    "set_text",
    "advice",
]
