"""The coach's cells of notebook 03 run safely: mistakes in plain words, the last good kept.

The criteria cell (``CRITERIA`` and ``LABELS``) and the formula cell (``def score``) are
Python a coach edits. Their text is compiled and run here rather than by IPython, so a
mistake (a syntax error, a name Python does not know, a weight of 9, a misspelt
criterion) never stops the notebook: :func:`run_criteria` and :func:`run_formula` say
which line is wrong and what is likely wrong with it, and hand back the definitions that
last worked (kept in ``coach_cells.json`` in the workspace), else the defaults.

What a cell defines reaches the board as values: while a cell has a mistake, the value
the board is handed (``CRITERIA`` a :class:`NotedCriteria`, ``score`` a
:class:`NotedFormula`) carries the cell's problem, which :func:`problem_of` reads, so
the board can repeat it where Voila, which hides the coach's cells, shows it.
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from careerkit import files, paths
from careerkit.dates import long_date
from careerkit.steps.compare.criteria import DEFAULT_WEIGHTS, ScoringError, make_criteria
from careerkit.steps.compare.formula import ScoreFn

LAST_GOOD_FILE = "coach_cells.json"
CELLS = {"criteria": "criteria cell", "formula": "formula cell"}
DEFAULTS = {
    "criteria": "the default criteria (the workshop file's, else careerkit's own)",
    "formula": "careerkit's standard formula (the weighted average)",
}
# Python's words for a syntax error (lower case, a part of them) -> what is likely wrong.
SYNTAX_HINTS = (
    ("was never closed", "a bracket opened here is never closed: add the closing ), ] or }"),
    ("unmatched", "a closing bracket has no opening one: check the pairs ( ), [ ] and { }"),
    ("does not match", "a closing bracket is of the wrong kind: check the pairs ( ), [ ], { }"),
    ("unterminated", "a text in quotes is not closed: add the closing quote"),
    ("eol while scanning", "a text in quotes is not closed: add the closing quote"),
    ("forgot a comma", "a comma seems to be missing, e.g. after a weight at the end of a line"),
    (
        "':' expected after dictionary key",
        "a ':' is missing after a name, or a decimal is written with a comma: write 2.5, not 2,5",
    ),
    ("expected ':'", "a ':' is missing: between a name and its weight, or after def ...(...)"),
    ("invalid decimal", "a number runs into letters or a comma: write decimals with a dot, 2.5"),
    ("leading zeros", "a number starts with 0: write 3, not 03"),
    (
        "invalid character",
        "a character Python cannot read, such as a curly quote from a word "
        "processor: use straight quotes \" or '",
    ),
    ("unexpected indent", "this line starts with more spaces than the lines around it"),
    ("expected an indented block", "the lines after def ...: must be indented by 4 spaces"),
    ("unindent does not match", "this line's indentation matches no line above: use 4 spaces"),
    ("maybe you meant '==' or ':='", "'=' cannot be used here: inside { } write \"name\": weight"),
    ("cannot assign", "'=' cannot be used here: inside { } write \"name\": weight"),
)


@dataclass(frozen=True)
class CellRun:
    """What a coach's cell defines, and its mistake in plain words ("" when it worked)."""

    values: dict[str, Any] = field(default_factory=dict)
    problem: str = ""
    fallback: str = ""  # what is used instead while the cell has a mistake

    def note(self) -> str:
        """The cell's problem and what the notebook uses until it is fixed ("" if none)."""
        if not self.problem:
            return ""
        return f"{self.problem} Until it is fixed, the notebook uses {self.fallback}."

    def noted_values(self) -> dict[str, Any]:
        """:attr:`values`, with ``CRITERIA`` or ``score`` carrying :meth:`note` while the
        cell has a problem (see :func:`problem_of`)."""
        values, note = dict(self.values), self.note()
        if note and isinstance(values.get("CRITERIA"), Mapping):
            values["CRITERIA"] = NotedCriteria(values["CRITERIA"], note)
        if note and callable(values.get("score")):
            values["score"] = NotedFormula(values["score"], note)
        return values


class NotedCriteria(dict[str, Any]):
    """``CRITERIA`` a coach cell fell back to, carrying the cell's problem in ``note``."""

    def __init__(self, weights: Mapping[str, Any], note: str) -> None:
        super().__init__(weights)
        self.note = note


@dataclass(frozen=True)
class NotedFormula:
    """The formula a coach cell fell back to, carrying the cell's problem in ``note``;
    called like the function it holds."""

    function: ScoreFn
    note: str

    def __call__(self, ratings: Any, weights: Any) -> Any:
        return self.function(ratings, weights)

    @property
    def __wrapped__(self) -> ScoreFn:  # inspect.unwrap finds the code (formula.py)
        return self.function


def problem_of(value: object) -> str:
    """The problem of the coach cell ``value`` came from ("" if none, or not a cell's)."""
    return value.note if isinstance(value, NotedCriteria | NotedFormula) else ""


def explain_syntax(err: SyntaxError, cell: str) -> str:
    """A syntax error in plain words: the line, its text, and what is likely wrong."""
    said = (err.msg or "").lower()
    hint = next((words for key, words in SYNTAX_HINTS if key in said), "")
    line = (err.text or "").strip()
    where = f"Line {err.lineno} of the {cell}" if err.lineno else f"The {cell}"
    shown = f" ({line!r})" if line else ""
    likely = f": {hint}." if hint else " cannot be read as Python."
    return f"{where}{shown}{likely} Python says: {(err.msg or '').rstrip('.')}."


def explain_error(err: BaseException, filename: str, cell: str) -> str:
    """An error raised while running a cell, in plain words, with its line."""
    lines = [
        lineno
        for frame, lineno in traceback.walk_tb(err.__traceback__)
        if frame.f_code.co_filename == filename
    ]
    where = f"Line {lines[-1]} of the {cell}" if lines else f"The {cell}"
    if isinstance(err, NameError):
        name = getattr(err, "name", None) or str(err)
        return (
            f"{where} uses {name!r}, which Python does not know: put a criterion's name in "
            f'quotes, e.g. "{name}": 3, or check the spelling.'
        )
    return f"{where} stops with an error: {type(err).__name__}: {err}."


def run_source(source: str, cell: str, first_line: int = 1) -> tuple[dict[str, Any], str]:
    """Run a cell's text in a fresh namespace: (the names it defines, its problem or "").
    ``first_line``: the cell's line the text starts on (2 below a ``%%`` magic line)."""
    filename = f"<{cell}>"
    try:
        code = compile("\n" * (first_line - 1) + source, filename, "exec")
    except SyntaxError as err:  # IndentationError and TabError too
        return {}, explain_syntax(err, cell)
    space: dict[str, Any] = {}
    try:
        exec(code, space)  # noqa: S102 - the coach's own cell, as the notebook would run it
    except Exception as err:  # noqa: BLE001 - every mistake in the cell is explained
        return {}, explain_error(err, filename, cell)
    space.pop("__builtins__", None)
    return space, ""


def check_criteria(space: Mapping[str, Any]) -> dict[str, Any]:
    """``CRITERIA`` and ``LABELS`` from a run criteria cell; ScoringError when unusable."""
    if "CRITERIA" not in space:
        raise ScoringError(
            'The criteria cell must define CRITERIA, e.g. CRITERIA = {"pay": 2, "commute": 4}.'
        )
    labels = space.get("LABELS", {})
    make_criteria(space["CRITERIA"], labels, "The criteria cell (CRITERIA and LABELS)")
    return {"CRITERIA": space["CRITERIA"], "LABELS": labels or {}}


def check_formula(space: Mapping[str, Any]) -> dict[str, Any]:
    """``score`` from a run formula cell; ScoringError when it is not a usable function."""
    score = space.get("score")
    if not callable(score):
        raise ScoringError(
            "The formula cell must define a function score(ratings, weights), e.g. "
            "def score(ratings, weights): return (ratings * weights).sum(axis=1)."
        )
    code = getattr(score, "__code__", None)
    if code is not None and code.co_argcount != 2:
        raise ScoringError(
            f"score() takes {code.co_argcount} input(s); it must take exactly two: "
            "def score(ratings, weights):"
        )
    return {"score": score}


def run_cell(
    kind: str,
    source: str,
    default: Callable[[], dict[str, Any]],
    folder: Path | None = None,
    first_line: int = 1,
) -> CellRun:
    """Run the coach's ``kind`` cell ("criteria" or "formula"); on a mistake, fall back to
    the version that last worked in this workspace, else to ``default()``. ``first_line``
    as for :func:`run_source`."""
    cell, check = CELLS[kind], CHECKS[kind]
    space, problem = run_source(source, cell, first_line)
    values: dict[str, Any] | None
    if not problem:
        try:
            values = check(space)
        except ScoringError as err:
            problem = str(err)
        else:
            remember(kind, source, folder)
            return CellRun(values)
    saved = last_good(kind, folder)
    if saved is not None and saved["source"] != source:
        space, failed = run_source(saved["source"], cell, first_line)
        try:
            values = check(space) if not failed else None
        except ScoringError:
            values = None
        if values is not None:
            when = _when(saved.get("saved", ""))
            fallback = f"the {cell} as it last worked{when}"
            return CellRun(values, problem, fallback)
    return CellRun(default(), problem, DEFAULTS[kind])


def default_criteria() -> dict[str, Any]:
    """The criteria cell's values when it is left as shipped."""
    return {"CRITERIA": dict(DEFAULT_WEIGHTS), "LABELS": {}}


CHECKS: dict[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
    "criteria": check_criteria,
    "formula": check_formula,
}


def _when(stamp: str) -> str:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return ""
    return f" (on {long_date(moment.date())} at {moment:%H:%M})"


def store_path(folder: Path | None = None) -> Path:
    """The file keeping the coach's cells as they last worked."""
    return (folder or paths.workspace()) / LAST_GOOD_FILE


def _read(file: Path) -> dict[str, Any]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def last_good(kind: str, folder: Path | None = None) -> dict[str, str] | None:
    """The ``kind`` cell's text as it last worked here, with when; None if not kept."""
    entry = _read(store_path(folder)).get(kind)
    if isinstance(entry, dict) and isinstance(entry.get("source"), str):
        return entry
    return None


def remember(kind: str, source: str, folder: Path | None = None) -> None:
    """Keep ``source`` as the ``kind`` cell's last good text (atomically; a workspace that
    cannot be written only means there is no fallback later)."""
    file = store_path(folder)
    data = _read(file)
    if (data.get(kind) or {}).get("source") == source:
        return
    data[kind] = {"source": source, "saved": datetime.now().isoformat(timespec="seconds")}
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        files.write_atomic(file, json.dumps(data, indent=1).encode("utf-8"))
    except OSError:
        return
