"""The interest questionnaire: items from a CSV file, and pure scoring on the six RIASEC themes.

The items live in ``data/interest_items.csv`` (columns ``id``, ``theme``, ``text``; extra
columns are ignored) so a coach can edit or translate them; a workshop can name its own
file instead (``interest_items`` in ``workshop.toml``, see :mod:`careerkit.workshop`).
Keep each ``id`` when translating: saved answers refer to it. Every answer is like (2),
unsure (1) or dislike (0).

Scoring, per theme: the points given / the most points possible over the items *answered*
in that theme, as 0-100 (unanswered items are ignored). The code is the three highest
themes. Equal scores are ordered R-I-A-S-E-C (the rule :func:`careerkit.catalog.fit.top_themes`
uses too), and every tie that decides the code is reported in ``ThemeScores.ties`` so the
person is told rather than misled. With too few answers there is no code, only a message
saying how many more to answer.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from careerkit import paths, workshop
from careerkit.catalog import THEMES
from careerkit.catalog.fit import LETTERS, theme_names, top_themes
from careerkit.plan import DreamJob, InterestResult

#: Answer labels and their points.
SCALE = {"like": 2, "unsure": 1, "dislike": 0}
MIN_ANSWERED = 12  # answers needed overall before a code means anything...
MIN_PER_THEME = 2  # ...and in every theme
MIN_ITEMS_PER_THEME = 3  # an item file must offer at least this many per theme
COLUMNS = ("id", "theme", "text")

#: One plain line per theme.
EXPLANATIONS = {
    "R": "Hands-on work with tools, machines, plants or animals, often outdoors, "
    "with a practical result you can see.",
    "I": "Figuring things out: observing, researching and analyzing until a puzzle makes sense.",
    "A": "Creating and expressing: design, writing, music or performance, with room for "
    "imagination and few fixed rules.",
    "S": "Helping people: teaching, caring for, advising or supporting them.",
    "E": "Leading and persuading: starting things, making decisions, selling an idea "
    "and answering for the results.",
    "C": "Keeping things in order: records, numbers, schedules and clear procedures.",
}


class InterestItemsError(ValueError):
    """The item file is missing, unreadable or has a bad row; the message names where."""


class NotEnoughAnswers(ValueError):
    """Too few items answered for a meaningful code; the message says how many more."""


@dataclass(frozen=True)
class ThemeScores:
    """Scores 0-100 per theme letter, the three-letter code, and the ties that shaped it."""

    scores: dict[str, float]
    code: str
    ties: tuple[str, ...]  # groups of equal-scoring letters touching the code, e.g. ("SE",)
    answered: int

    @property
    def flat(self) -> bool:
        """All six themes scored the same, so the code says nothing about the person."""
        return len(set(self.scores.values())) == 1


def items_path() -> Path:
    """The bundled item file."""
    return paths.DATA_DIR / "interest_items.csv"


def workshop_items_path() -> Path | None:
    """The workshop's own item file (``interest_items`` in its workshop file), or None.
    Raises :class:`InterestItemsError` for a workshop file that cannot be read."""
    try:
        return workshop.interest_items_file()
    except workshop.WorkshopError as err:
        raise InterestItemsError(f"{err} The interest questionnaire reads it.") from err


def load_items(
    path: str | os.PathLike[str] | None = None, delimiter: str | None = None
) -> pd.DataFrame:
    """Load and check the questionnaire items: a DataFrame indexed by id, columns theme, text.

    Without ``path``: the workshop's own item file when its workshop file names one, else
    the bundled file.

    ``delimiter`` is the character between values; by default it is found from the first
    row (a comma, or the semicolon or tab a spreadsheet may save in some languages).
    Raises :class:`InterestItemsError` naming the file, row and column of the first problem.
    """
    own = None if path else workshop_items_path()
    file = Path(path) if path else own or items_path()
    try:
        return _load_items(file, delimiter)
    except InterestItemsError as err:
        if own is None:
            raise
        raise InterestItemsError(
            f"{err} (The workshop file {paths.workshop_file()} names this file as "
            "interest_items: fix the file, or remove that line to use careerkit's own items.)"
        ) from err


def _load_items(file: Path, delimiter: str | None) -> pd.DataFrame:
    try:
        sep = delimiter or _delimiter(file)
        raw = pd.read_csv(file, dtype=str, keep_default_na=False, encoding="utf-8-sig", sep=sep)
    except FileNotFoundError as err:
        raise InterestItemsError(f"The interest item file {file} does not exist.") from err
    except pd.errors.ParserError as err:
        raise InterestItemsError(_parser_problem(file, str(err))) from err
    except (UnicodeDecodeError, pd.errors.EmptyDataError) as err:
        raise InterestItemsError(
            f"{file} cannot be read as a CSV file ({str(err).strip()}). Save it as 'CSV UTF-8' "
            f"with the columns {', '.join(COLUMNS)}."
        ) from err
    missing = [c for c in COLUMNS if c not in raw.columns]
    if missing:
        raise InterestItemsError(
            f"{file}: missing column(s) {', '.join(missing)}; the first row must name the "
            f"columns {', '.join(COLUMNS)}, separated by {_SEPARATORS.get(sep, repr(sep))}."
        )
    raw = raw[list(COLUMNS)].apply(lambda col: col.str.strip())
    theme = raw["theme"].str.upper()
    _check(file, raw, "id", raw["id"] != "", "is empty; give every item an id, e.g. R07")
    themes = ", ".join(LETTERS)
    _check(file, raw, "theme", theme.isin(LETTERS), f"is not a theme; use one of {themes}")
    raw["theme"] = theme
    _check(file, raw, "text", raw["text"] != "", "is empty; describe the activity")
    first_use = raw.groupby("id").cumcount() == 0
    _check(file, raw, "id", first_use, "is used on an earlier row; every id must be different")
    counts = raw["theme"].value_counts().reindex(LETTERS, fill_value=0)
    for letter, count in counts[counts < MIN_ITEMS_PER_THEME].items():
        raise InterestItemsError(
            f"{file}: theme {THEMES[letter]} ({letter}) has only {count} item(s); give every "
            f"theme at least {MIN_ITEMS_PER_THEME} (6 or more gives a steadier result)."
        )
    return raw.set_index("id")


_SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}


def _delimiter(file: Path) -> str:
    """The separator whose split of the first row names every column; a comma otherwise."""
    with file.open(encoding="utf-8-sig", errors="replace") as f:
        header = f.readline()
    for sep in _SEPARATORS:
        names = {name.strip().strip('"').lower() for name in header.split(sep)}
        if set(COLUMNS) <= names:
            return sep
    return ","


def _parser_problem(file: Path, detail: str) -> str:
    """Plain words for the CSV parser's complaint: which row, and why (usually a comma)."""
    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", detail)
    if not found:
        return f"{file} cannot be read as a CSV file ({detail.strip()})."
    expected, line, saw = (int(n) for n in found.groups())
    with file.open(encoding="utf-8-sig", errors="replace") as f:
        row = next((text for n, text in enumerate(f, start=1) if n == line), "").rstrip("\r\n")
    return (
        f"{file}, row {line}: it has {saw} values but the first row names {expected} "
        f"columns. A text that contains a comma must be put in double quotes, e.g. "
        f'R07,R,"Sketch, paint or photograph". The row reads: {row}'
    )


def _check(file: Path, raw: pd.DataFrame, column: str, ok: pd.Series, problem: str) -> None:
    if not ok.all():
        i = int((~ok).to_numpy().argmax())
        raise InterestItemsError(
            f"{file}, row {i + 2}, column {column!r}: value {raw[column].iat[i]!r} {problem}."
        )


def unmatched(answers: Mapping[str, int], items: pd.DataFrame) -> int:
    """How many saved answers are for an item id the item file no longer has."""
    return len(set(answers) - set(items.index))


def unmatched_note(answers: Mapping[str, int], items: pd.DataFrame) -> str:
    """A plain note on saved answers whose item is gone (renamed or removed); "" if none."""
    count = unmatched(answers, items)
    if not count:
        return ""
    answers_are = "answer is" if count == 1 else "answers are"
    return (
        f"{count} of your saved {answers_are} for activities no longer on this list (the "
        "item file was changed, or ids renamed), so they do not count in your scores. "
        "They are kept in your plan; ask your coach if the ids were changed."
    )


def shortfall(answers: Mapping[str, int], items: pd.DataFrame) -> str:
    """A friendly "answer at least N items" message, or "" when there are enough answers."""
    return _shortfall(_answered(answers, items), items)


def _shortfall(points: pd.Series, items: pd.DataFrame) -> str:
    answered = points.notna().groupby(items["theme"]).sum().reindex(LETTERS, fill_value=0)
    short = [THEMES[t] for t in LETTERS if answered[t] < MIN_PER_THEME]
    total = int(answered.sum())
    if total >= MIN_ANSWERED and not short:
        return ""
    message = (
        f"Answer at least {MIN_ANSWERED} of the activities, with at least {MIN_PER_THEME} "
        f"in each of the six themes, to see your interest code. So far you have answered {total}."
    )
    if total >= MIN_ANSWERED:
        message += f" Still too few answers for: {', '.join(short)}; answer a few more below."
    return message


def score(answers: Mapping[str, int], items: pd.DataFrame) -> ThemeScores:
    """Score the answers (item id -> 2, 1 or 0); unanswered and unknown items are ignored.

    Raises :class:`NotEnoughAnswers` (with a friendly message) when too few are answered,
    and ``ValueError`` for an answer that is not 0, 1 or 2.
    """
    points = _answered(answers, items)
    problem = _shortfall(points, items)
    if problem:
        raise NotEnoughAnswers(problem)
    given = points.groupby(items["theme"])
    share = given.sum() / (given.count() * max(SCALE.values()))
    scores = {t: round(float(share[t]) * 100, 1) for t in LETTERS}
    code = "".join(top_themes(scores))
    return ThemeScores(scores, code, _ties(scores, code), int(given.count().sum()))


def _answered(answers: Mapping[str, int], items: pd.DataFrame) -> pd.Series:
    """Points per item in ``items`` order; NaN where unanswered."""
    bad = {k: v for k, v in answers.items() if v not in SCALE.values()}
    if bad:
        item, value = next(iter(bad.items()))
        raise ValueError(f"The answer to item {item!r} is {value!r}; use 2, 1 or 0.")
    return pd.Series(answers, dtype="float64").reindex(items.index)


def _ties(scores: Mapping[str, float], code: str) -> tuple[str, ...]:
    """Groups of two or more equal-scoring letters that include a letter of the code."""
    groups = []
    for value in dict.fromkeys(scores[t] for t in code):
        group = "".join(t for t in LETTERS if scores[t] == value)
        if len(group) > 1:
            groups.append(group)
    return tuple(groups)


def tie_note(result: ThemeScores) -> str:
    """Plain words on how ties shaped the code; "" when there were none."""
    if result.flat:
        value = next(iter(result.scores.values()))
        return (
            f"All six themes scored the same ({value:g}), so your answers do not point to "
            f"any theme more than another: the letters {result.code} only follow the "
            "R-I-A-S-E-C order. Think about which activities you would pick first, then "
            "take the questionnaire again, or talk it over with your coach."
        )
    notes = []
    for group in result.ties:
        names = theme_names(group)
        value = result.scores[group[0]]
        left_out = [t for t in group if t not in result.code]
        if left_out:
            kept = [t for t in group if t in result.code]
            notes.append(
                f"{names} scored the same ({value:g}). Only {theme_names(kept)} fit in the "
                f"three-letter code, because ties follow the R-I-A-S-E-C order; "
                f"{theme_names(left_out)} {'is' if len(left_out) == 1 else 'are'} just as strong "
                "for you."
            )
        else:
            notes.append(
                f"{names} scored the same ({value:g}); they are listed in R-I-A-S-E-C order, "
                "so read them as equally strong."
            )
    return " ".join(notes)


def result_for(
    answers: Mapping[str, int], items: pd.DataFrame, taken: date | None = None
) -> InterestResult:
    """The plan's record of these answers; scores and code stay empty until enough are given."""
    record = InterestResult(taken=taken or date.today(), answers=dict(answers))
    try:
        scored = score(answers, items)
    except NotEnoughAnswers:
        return record
    record.scores, record.code = scored.scores, scored.code
    return record


def retake(dream: DreamJob) -> InterestResult | None:
    """Start the questionnaire afresh: the current result moves to the end of the history.

    Returns the result that was moved (None when there was nothing to keep).
    """
    current = dream.interests
    dream.interests = None
    if current is None or not (current.answers or current.code):
        return None
    dream.interest_history = [*dream.interest_history, current]
    return current
