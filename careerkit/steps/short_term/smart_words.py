"""The words a S.M.A.R.T. check reads: vocabularies, a word's forms and typos, actions.

:mod:`.smart` gives the verdicts; this module reads a goal's words for them: the
concrete verbs that start a clause and what they act on, whether that is too general to be
specific ("learn about X", "get promoted", "my skills"), and one-off acts measured by being
done ("join the association", "enroll in the program"). Small typos in longer words are
read as the word meant; dates and time spans are taken out first (:data:`TIME`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from careerkit.text import VAGUE, pinned, vague_phrases

TYPO_MIN = 5  # words this long or longer are read through one small typo

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
#: One-off acts, measurable by being done: the verb and how it reads once done.
ONE_OFF = dict(
    zip(
        """join renew enrol enroll register sign apply submit book pass attend schedule obtain
        earn complete finish graduate publish launch secure request relocate move land""".split(),
        """joined renewed enrolled enrolled registered signed applied submitted booked passed
        attended scheduled obtained earned completed finished graduated published launched
        secured requested relocated moved landed""".split(),
        strict=True,
    )
)
#: Objects too general to be specific on their own: what is missing, and an example.
_ROLE = ("which role, and where", "Name the role and where: 'shift supervisor at Mercy Clinic'.")
_WHAT = ("what exactly, and where", "Say what you will do and where: 'lead 2 projects at work'.")
_WHOM = ("with whom, and where", "Say with whom and where: '3 nurse managers at the association'.")
_SKILLS = ("which skills", "Name the skills: 'Excel pivot tables' or 'public speaking'.")
GENERIC = {
    **dict.fromkeys("skill skills skillset abilities".split(), _SKILLS),
    **dict.fromkeys("job jobs role roles position employment promotion promoted".split(), _ROLE),
    **dict.fromkeys("experience knowledge".split(), _WHAT),
    **dict.fromkeys("network contacts connections people relationships".split(), _WHOM),
}  # fmt: skip
#: Words that add nothing to a generic object: "my new professional skills", "a job in my field".
FILLERS = frozenset(
    """new professional own personal current relevant useful further additional general overall
    next level field industry career work workplace company team myself""".split()
)
#: "learn about X" says a topic, not what you will do to learn it.
ABOUT = re.compile(r"\b(?:learn|know|find\s+out)\s+(?:a\s+(?:bit|little)\s+)?(?:more\s+)?about\b")
DETERMINERS = frozenset("a an one this that".split())  # a singular object follows
PARTICLES = frozenset("up for to in into on at with the my our their his her your its".split())
PART_WORDS = frozenset("module modules semester term first year unit units credits course".split())

NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty hundred thousand once twice dozen"
)
NUMBER = re.compile(
    r"(?P<pct>\d+(?:[.,]\d+)?\s*(?:%|percent\b))"
    r"|(?P<num>\b\d+(?:[.,]\d+)?\b|\b(?:" + NUMBER_WORDS.replace(" ", "|") + r")\b)"
    r"|(?P<freq>\b(?:daily|weekly|monthly|every (?:day|week|month|year))\b)"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"  # names and short forms
TIME = re.compile(
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
            r"\bq[1-4]\b(?:\s+(?:19|20)\d{2}\b)?",
            r"\b(?:spring|summer|fall|autumn|winter|quarter|deadline)\s+(?:of\s+)?(?:19|20)\d{2}\b",
        )
    )
)
WORD = re.compile(r"[a-zà-ÿ0-9]+(?:'[a-z]+)?")
CLAUSE = re.compile(r"[.,;:!?()\n]+|\s[-–—]+\s")

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
def match_word(token: str, kind: str) -> str | None:
    """The vocabulary word ``token`` stands for (any form, one small typo allowed), or None."""
    words, typos = _VOCAB[kind], _TYPOS[kind]
    forms = _forms(token)
    found = next((f for f in forms if f in words), None)
    if found is None and len(token) >= TYPO_MIN:
        found = next((typos[f] for f in forms if f in typos), None)
    return found


def tokens_of(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def without_time(text: str) -> str:
    """Lower-case text without dates and time spans ("by June 2027", "in 6 months")."""
    return TIME.sub(" ", text.lower().replace("’", "'"))


def vague_words(text: str) -> list[str]:
    low = re.sub(r"\bmore about\b", "about", text.lower().replace("’", "'"))  # not a quantity
    found = vague_phrases(low)
    inside = {word for phrase in found for word in phrase.split()}  # "good" in "a good job"
    for token in WORD.finditer(low):
        word = match_word(token.group(0), "vague")  # other forms and typos: "improved", "sucessful"
        if word and word not in {*found, *inside} and not pinned(low, word, *token.span()):
            found.append(word)
    return found


def actions(text: str) -> tuple[list[tuple[str, list[str]]], str | None]:
    """Each concrete verb with the words after it in its clause, and the first weak verb."""
    found: list[tuple[str, list[str]]] = []
    weak = None
    for clause in CLAUSE.split(without_time(text)):
        tokens = tokens_of(clause)
        for i, token in enumerate(tokens):
            if i and tokens[i - 1] not in HELPERS:
                continue
            verb = match_word(token, "action")
            if verb:
                found.append((verb, tokens[i + 1 :]))
            elif not found:
                weak = weak or match_word(token, "weak")
    return found, weak


def object_words(rest: list[str]) -> list[str]:
    """The words a verb acts on, without small words and vague ones."""
    return [t for t in rest if t not in STOPWORDS and t not in VAGUE]


def too_general(verb: str, rest: list[str]) -> tuple[str, str] | None:
    """Why an action is not yet specific ("learn about X", "get promoted", "my skills")."""
    about = ABOUT.match(" ".join([verb, *rest]))
    if about:
        return (
            f"'{about.group(0)}' names a topic, not what you will do to learn it",
            "Say how, e.g. 'Take the online course on project budgeting' or 'Interview 3 "
            "clinic managers about their work'.",
        )
    words = object_words(rest)
    promoted = [t for t in words if t.startswith("promot")]
    if promoted and not re.search(r"\bpromot\w*\s+(?:to|as)\s+\w", " ".join(rest)):
        return "it does not say to which role, or where", GENERIC["role"][1]
    general = [t for t in words if t in GENERIC]
    if general and all(t in GENERIC or t in FILLERS for t in words):
        what, tip = GENERIC[general[0]]
        return f"it does not say {what}", tip
    return None


def main_action(text: str) -> tuple[str | None, str | None, bool, tuple[str, str] | None]:
    """(a concrete verb, the first weak verb, whether the verb has an object, why too general).

    The first action that is specific wins; else the first one, with why it is not.
    """
    found, weak = actions(text)
    checked: list[tuple[str | None, bool, tuple[str, str] | None]] = [
        (verb, bool(object_words(rest)), too_general(verb, rest)) for verb, rest in found
    ]
    good = [c for c in checked if c[1] and not c[2]]
    verb, has_object, general = (good or checked or [(None, False, None)])[0]
    return verb, weak, has_object, general


def general_words(text: str) -> tuple[str, str] | None:
    """What a goal with no action leaves open when it names only a generic thing."""
    content = [
        t for t in tokens_of(without_time(text))
        if t not in STOPWORDS | HELPERS | FILLERS | VAGUE.keys() and not match_word(t, "weak")
    ]  # fmt: skip
    if content and all(t in GENERIC for t in content):
        what, tip = GENERIC[content[0]]
        return f"it does not say {what}", tip
    return None


def done_or_not(text: str) -> tuple[bool, str] | None:
    """A one-off act, (True, how it reads once done): "join the association" -> "joined".

    (False, the act) when it acts on more than one thing ("apply for clinic jobs"), so a
    count is needed; None when the goal has no such act.
    """
    many = None
    phrase: list[str]
    for verb, rest in actions(text)[0]:
        if verb not in ONE_OFF or not object_words(rest) or too_general(verb, rest):
            continue
        if verb in INTRANSITIVE:
            return True, ONE_OFF[verb]
        singular, phrase = False, []
        for token in rest:
            if not phrase and (token in PARTICLES or token in DETERMINERS):
                singular = singular or token in DETERMINERS
                continue
            if token in STOPWORDS or token in HELPERS or token in VAGUE:
                break
            phrase.append(token)
        head = phrase[-1] if phrase else ""
        if head and (singular or not head.endswith("s") or head.endswith(("ss", "us", "is"))):
            return True, ONE_OFF[verb] + (" up" if verb == "sign" and rest[:1] == ["up"] else "")
        if head and many is None:
            many = False, " ".join([verb, *rest[: rest.index(head) + 1]])
    return many
