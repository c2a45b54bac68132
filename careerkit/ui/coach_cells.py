"""Notebook 03's coach cells as cell magics: a mistake is explained, never a traceback.

``%%careerkit_criteria`` (the cell then defines ``CRITERIA`` and ``LABELS``) and
``%%careerkit_formula`` (the cell defines ``score``) run the cell's text through
:mod:`careerkit.steps.compare.coach_cells`, so a syntax error or any other mistake is shown in plain
words and the notebook goes on with the last good or default definitions. They are
registered when :mod:`careerkit.ui.compare` is imported in an IPython kernel. The board
of :func:`careerkit.ui.compare.matrix` repeats a cell's problem in its setup line (where
Voila, which hides the coach's cells, shows it too).
"""

from __future__ import annotations

from typing import Any

from IPython import get_ipython
from IPython.display import HTML, display

from careerkit.steps.compare import coach_cells, scoring
from careerkit.ui.kit.messages import message_html

# The latest run of each coach cell in this kernel ("criteria", "formula").
LATEST: dict[str, coach_cells.CellRun] = {}
DEFAULTS = {
    "criteria": coach_cells.default_criteria,
    "formula": lambda: {"score": scoring.weighted_average},
}


def run(kind: str, source: str, namespace: dict[str, Any]) -> coach_cells.CellRun:
    """Run a coach cell, put what it defines into ``namespace``, and show any mistake."""
    outcome = coach_cells.run_cell(kind, source, DEFAULTS[kind], first_line=2)  # below %%...
    LATEST[kind] = outcome
    namespace.update(outcome.values)
    if outcome.problem:
        display(HTML(message_html(problem_text(outcome), "error")))
    return outcome


def problem_text(outcome: coach_cells.CellRun) -> str:
    """The cell's problem and what the notebook uses until it is fixed."""
    return f"{outcome.problem} Until it is fixed, the notebook uses {outcome.fallback}."


def notes_for(criteria: Any, score: Any) -> list[str]:
    """The problems of the coach cells whose definitions ``criteria`` and ``score`` are
    (the very objects the magics defined; anything else has no note)."""
    notes = []
    for kind, value in (("criteria", criteria), ("formula", score)):
        outcome = LATEST.get(kind)
        name = "CRITERIA" if kind == "criteria" else "score"
        if outcome and outcome.problem and value is not None and outcome.values[name] is value:
            notes.append(problem_text(outcome))
    return notes


def _criteria(line: str, cell: str) -> None:
    run("criteria", cell, get_ipython().user_ns)


def _formula(line: str, cell: str) -> None:
    run("formula", cell, get_ipython().user_ns)


def register() -> None:
    """Register the two cell magics in the running IPython, if any."""
    shell = get_ipython()
    if shell is not None:
        shell.register_magic_function(_criteria, "cell", "careerkit_criteria")
        shell.register_magic_function(_formula, "cell", "careerkit_formula")
