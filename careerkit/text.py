"""Plain wording shared by every step: vague-word advice, shortening and joining text."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Added where :func:`shorten` cuts a text.
ELLIPSIS = "…"

#: Vague words and phrases, with what to say instead. Lower case; matched as whole words.
VAGUE = {
    "successful": "say what success looks like: a role, a place, a number",
    "success": "say what success looks like: a role, a place, a number",
    "a good job": "name the job, or what makes a job good for you",
    "good job": "name the job, or what makes a job good for you",
    "better": "say better than what, and by how much",
    "more": "say how much more, as a number",
    "happy": "say what would make you happy: the work, the people, the hours",
    "rich": "give a yearly income you are aiming for",
    "lots of money": "give a yearly income you are aiming for",
    "something": "name the thing",
    "stuff": "name the thing",
    "improve": "say what you will improve and how you will know",
    "someday": "give a date",
    "some day": "give a date",
    "eventually": "give a date",
    "whatever": "name what you want",
    "anything": "name what you want",
    "nice": "say what makes it nice for you",
    "good": "say what good means here: a score, a level, a result",
    "somewhere": "name the place, or the kind of place",
}
#: Comparatives are vague unless they say than what and by how much ("10% faster" is fine).
#: Not "higher", "further", "longer", "lower": "higher education", "no longer", a verb.
COMPARATIVES = tuple(
    """nicer happier bigger easier faster stronger greater richer smarter healthier calmer
    quicker cheaper harder fewer less""".split()
)
VAGUE.update({word: f"say {word} than what, and by how much" for word in COMPARATIVES})
#: Words that are not vague when a number pins them down: "70% or more", "more than 3".
QUANTITY = frozenset({"more", "better", *COMPARATIVES})
_NUM = (
    r"(?:[$£€]\s?\d[\d,.]*"
    r"|(?<![\w.,])(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)?(?:\s*%|\s*percent\b)?"  # not a year
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)\b)"
)
_NUM_BEFORE = re.compile(_NUM + r"\s*(?:(?:or|and)\s+)?$", re.IGNORECASE)
_NUM_AFTER = re.compile(r"\s*(?:(?:than|by)\s+)?" + _NUM, re.IGNORECASE)
_PATTERN = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, VAGUE), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def vague_phrases(text: str) -> list[str]:
    """The vague words in ``text``, lower case, each once, in order of appearance."""
    found: list[str] = []
    for match in _PATTERN.finditer(text):
        word = match.group(1).lower()
        if word not in found and not pinned(text, word, *match.span()):
            found.append(word)
    return found


def pinned(text: str, word: str, start: int, end: int) -> bool:
    """Whether ``word``, at ``text[start:end]``, is a quantity a number pins down.

    "70% or more", "5 more", "more than 3", "10% faster", "faster by 10%" say how much;
    "more money" and "better by 2027" (a year) do not.
    """
    if word.lower() not in QUANTITY:
        return False
    return bool(_NUM_BEFORE.search(text[:start]) or _NUM_AFTER.match(text[end:]))


def vagueness_advice(text: str, min_words: int = 12) -> list[str]:
    """Plain suggestions for a statement that is too short or too vague; empty if fine."""
    advice = [f"'{p}' is vague: {VAGUE[p]}." for p in vague_phrases(text)]
    words = len(text.split())
    if words < min_words:
        advice.insert(
            0,
            f"It is short ({words} words): add where you work, what you do all "
            "day and how you feel.",
        )
    return advice


def shorten(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to at most ``limit`` characters with "…" when cut.

    The cut falls between words (a word is cut only when the first one is longer than
    half the limit), without the punctuation or lone number left before it.
    """
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    words = cut[: cut.rfind(" ")] if line[limit - 1] != " " and " " in cut else cut
    if len(words) < limit // 2:
        words = cut
    words = re.sub(r"(\s+\d+)?[\s,;:.(–-]*$", "", words) or cut
    return words + ELLIPSIS


def join_words(words: Iterable[str]) -> str:
    """Words as a person lists them: "A", "A and B", "A, B and C" ("" for none)."""
    items = list(words)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def counted(n: int, noun: str) -> str:
    """E.g. "1 option", "1,016 occupations"."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")
