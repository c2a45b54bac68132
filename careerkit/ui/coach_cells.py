"""Notebook 03's coach cells as cell magics: a mistake is explained, never a traceback.

``%%careerkit_criteria`` (the cell then defines ``CRITERIA`` and ``LABELS``) and
``%%careerkit_formula`` (the cell defines ``score``) run the cell's text through
:mod:`careerkit.steps.compare.coach_cells`, so a syntax error or any other mistake is shown in plain
words and the notebook goes on with the last good or default definitions. Notebook 03's
first cell registers them with ``%load_ext careerkit`` (so a coach cell works right after
that cell, before anything else); importing :mod:`careerkit.ui.compare` registers them
too, for a coach's notebook without that line. While a cell has a mistake, the
``CRITERIA`` or ``score`` it leaves carries it, and the board of
:func:`careerkit.ui.compare.matrix` repeats it in its setup line (where Voila, which hides
the coach's cells, shows it too).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from IPython import get_ipython
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import HTML, display

from careerkit.steps.compare import coach_cells, scoring
from careerkit.ui.kit.messages import message_html

DEFAULTS = {
    "criteria": coach_cells.default_criteria,
    "formula": lambda: {"score": scoring.weighted_average},
}
MAGICS = {"criteria": "careerkit_criteria", "formula": "careerkit_formula"}


def run(kind: str, source: str, namespace: dict[str, Any]) -> coach_cells.CellRun:
    """Run a coach cell, put what it defines into ``namespace``, and show any mistake."""
    outcome = coach_cells.run_cell(kind, source, DEFAULTS[kind], first_line=2)  # below %%...
    namespace.update(outcome.noted_values())
    if outcome.problem:
        display(HTML(message_html(outcome.note(), "error")))
    return outcome


def register(shell: InteractiveShell | None = None) -> None:
    """Register the two cell magics in ``shell`` (default: the running IPython, if any)."""
    shell = shell or get_ipython()
    if shell is None:
        return
    for kind, name in MAGICS.items():
        shell.magics_manager.register_function(_magic(shell, kind), "cell", name)


def _magic(shell: Any, kind: str) -> Callable[[str, str], None]:
    """The cell magic of one kind of coach cell, run in ``shell``'s namespace."""

    def magic(line: str, cell: str) -> None:
        run(kind, cell, shell.user_ns)

    return magic
