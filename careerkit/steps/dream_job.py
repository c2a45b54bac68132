"""Step 1, the dream job: the prompts, default skill kinds, and a draft vision statement.

The prompts are plain data: a coach may reword them here. Their ids are what the plan
stores, so keep an id when rewording its question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, cast

from careerkit.catalog import SKILL_TABLE, SKILLS
from careerkit.plan import Skill

Kind = Literal["soft", "hard"]
MAX_SKILL_NAME = 80


@dataclass(frozen=True)
class Prompt:
    id: str  # the key in the plan
    question: str
    hint: str = ""  # shown greyed in the empty box


REFLECTION_PROMPTS = (
    Prompt(
        "at_ease",
        "Think back to moments when you felt completely at ease, perhaps as a child or at "
        "play. What were you doing, and who was around?",
        "e.g. building dens with my cousins, running the school fair stall...",
    ),
    Prompt(
        "drawn_to",
        "Which activities were you always drawn to, even when nobody asked you to do them?",
        "e.g. taking things apart, organizing games, drawing, looking after animals...",
    ),
    Prompt(
        "still_love",
        "What do you still love doing today, at work or outside it? When does time fly?",
        "e.g. training new people, fixing the shop's spreadsheet, cooking for friends...",
    ),
    Prompt(
        "asked_for",
        "What do friends, family or colleagues come to you for?",
        "e.g. advice, sorting out a plan, fixing their computer, a listening ear...",
    ),
)

SKILLS_USE_PROMPT = Prompt(
    "skills_use",
    "Pick a field that interests you. How could the skills above serve you there? "
    "(For example, sales experience is useful in healthcare: explaining options to patients.)",
    "e.g. making a shop's staff schedules would help me run a clinic's appointments...",
)

VISION_PROMPTS = (
    Prompt(
        "different",
        "Imagine you have landed your dream job. What is different in your life?",
        "e.g. I lead a small team; I no longer work weekends...",
    ),
    Prompt("where", "Where do you work?", "e.g. a community clinic in my town, from home..."),
    Prompt("dress", "How do you dress for work?", "e.g. smart casual, a uniform, overalls..."),
    Prompt(
        "day",
        "What do you do all day?",
        "e.g. planning schedules, meeting clients, fixing problems...",
    ),
    Prompt("feel", "How do you feel at the end of a working day?", "e.g. tired but proud..."),
)

#: Our suggested kind for each O*NET skill (the skills table, data/skills.csv): "hard" for
#: skills learnt and shown as technical or measurable know-how, "soft" for ways of working
#: with people, ideas and oneself. Only a starting point: the person can change it.
DEFAULT_KINDS: dict[str, Kind] = {s.name: cast(Kind, s.kind) for s in SKILL_TABLE}
_CANONICAL = {name.casefold(): name for name in SKILLS}


def default_kind(name: str) -> Kind:
    """The suggested kind of a skill; a person's own skills default to "hard" (tools, trades)."""
    return DEFAULT_KINDS.get(_CANONICAL.get(name.casefold(), name), "hard")


def new_skill(name: str, existing: Iterable[Skill]) -> Skill:
    """A skill to add, named as in the O*NET list when it is one (so gaps can be computed).

    Raises ``ValueError`` with a plain message for an empty, too long or repeated name.
    """
    name = " ".join(name.split())
    if not name:
        raise ValueError("Type a skill or pick one from the list first.")
    if len(name) > MAX_SKILL_NAME:
        raise ValueError(f"Keep the skill's name under {MAX_SKILL_NAME} characters.")
    name = _CANONICAL.get(name.casefold(), name)
    if any(s.name.casefold() == name.casefold() for s in existing):
        raise ValueError(f"'{name}' is already in your list; change its level there instead.")
    return Skill(name=name, kind=default_kind(name))


# --- the vision statement draft --------------------------------------------------------

#: prompt id -> (sentence when the answer is in the first person, sentence otherwise)
_FRAMES = {
    "different": (
        "Now that I have my dream job, {}",
        "Now that I have my dream job, the big change is {}",
    ),
    "where": ("{}", "I work in {}"),
    "dress": ("{}", "I wear {}"),
    "day": ("{}", "Most of my day goes to {}"),
    "feel": ("{}", "I feel {}"),
}
_FIRST_PERSON = re.compile(r"^(i|i'm|i’m|i've|i’ve|i'd|i’d|i'll|i’ll|my|me|we|our)\b", re.I)
_PRONOUN_I = re.compile(r"^I\b")
_PLACE_WORD = re.compile(r"^(in|at|on|from|for|with|near|inside|outside|abroad)\b", re.I)


def draft_vision(answers: Mapping[str, str]) -> str:
    """A first-person draft vision statement built from the vision prompt answers.

    Empty answers are skipped; "" when every answer is empty. The draft is a starting
    point for the person to edit; an answer inside a sentence keeps the person's capitals
    where they may be a name (:func:`in_sentence`).
    """
    sentences = []
    for prompt_id, (mine, other) in _FRAMES.items():
        text = " ".join(answers.get(prompt_id, "").split()).rstrip(" .;,")
        if not text:
            continue
        if _FIRST_PERSON.match(text):
            frame = mine
        elif prompt_id == "where" and _PLACE_WORD.match(text):
            frame = "I work {}"
        else:
            frame = other
        if frame.startswith("{}"):
            text = text[0].upper() + text[1:]
        else:
            text = in_sentence(text, place=prompt_id == "where")
        sentence = frame.format(text)
        sentences.append(sentence if sentence[-1] in ".!?" else sentence + ".")
    return " ".join(sentences)


#: Words a sentence start capitalizes only because they start it (articles, determiners,
#: pronouns, prepositions, conjunctions, a few adverbs): no place is named by one.
_COMMON_START = frozenset(
    "a an the some any many most much more lots lot plenty all each every few several both "
    "either neither this that these those other another no one two three his her their its "
    "your our my in at on from for with near inside outside abroad across around by to of "
    "into under over between behind beside beyond and or but mostly usually often sometimes "
    "always somewhere anywhere".split()
)


def in_sentence(text: str, place: bool = False) -> str:
    """A person's answer to go inside a sentence: its first letter in lower case when only
    a sentence start capitalized it. The person's capital is kept for "I", acronyms and
    names with inner capitals ("NHS", "McDonald's"), a name of several words ("Mayo
    Clinic", "New York") and, where the answer is a place (``place``), any first word but
    a common one ("Ohio" stays; "A clinic in Ohio" -> "a clinic in Ohio")."""
    words = text.split()
    if not words or not words[0][0].isupper() or _keeps_capital(text):
        return text
    common = words[0].casefold().strip(",.;:!?") in _COMMON_START
    if not common and (place or (len(words) > 1 and words[1][0].isupper())):
        return text
    return text[0].lower() + text[1:]


def _keeps_capital(text: str) -> bool:
    """True for "I ...", acronyms and words like "McDonald's" at the start of ``text``."""
    word = text.split()[0]
    return bool(_PRONOUN_I.match(word)) or any(c.isupper() or c.isdigit() for c in word[1:])


#: Words that say a role without a catalog title ("as a nurse" is caught by the title's word).
_ROLE_PHRASE = re.compile(r"\b(work(?:ing)? as|job as|role as|career as|become|becoming)\b", re.I)


def role_words(titles: Iterable[str]) -> frozenset[str]:
    """The words that name a job: each occupation title's last word, singular and lower-case
    ("Registered Nurses" gives "nurse", "Web and Digital Interface Designers" "designer")."""
    words = set()
    for title in titles:
        last = re.findall(r"[^\W\d_]+", str(title))[-1:]
        for word in last:
            word = word.casefold()
            words.add(word[:-1] if word.endswith("s") and not word.endswith("ss") else word)
    return frozenset(w for w in words if len(w) > 2)


def names_a_role(text: str, words: frozenset[str]) -> bool:
    """Whether a vision statement names the job it is about: a word of an occupation title
    (singular or plural), or a phrase such as "work as" or "become"."""
    if _ROLE_PHRASE.search(text):
        return True
    found = {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}
    return any(w in words or (w.endswith("s") and w[:-1] in words) for w in found)
