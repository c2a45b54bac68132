"""Every notebook runs top to bottom for a new person and for the sample persona.

nbval runs the notebooks too; these runs also look inside the widgets (a callback error
is shown in a widget, not as a cell error) and check that merely running a notebook,
without touching a widget, changes nothing in the person's plan.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from careerkit.plan import SECTIONS, Plan, load_snapshot
from tests.conftest import PERSONA, ROOT, execute_notebook, widget_text

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_notebooks_were_found() -> None:
    assert len(NOTEBOOKS) >= 8


def _sections(path: Path) -> dict:
    """The plan's sections as careerkit reads them (fields a file leaves out at their defaults)."""
    saved = load_snapshot(path).model_dump(mode="json")
    return {name: saved[name] for name in SECTIONS}


@pytest.mark.timeout(180)
@pytest.mark.parametrize("start", ["empty", "persona"])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_cleanly_and_changes_nothing_by_itself(
    path: Path, start: str, workspace: Path
) -> None:
    plan_file = workspace / "plan.json"
    if start == "persona":
        shutil.copy(PERSONA, plan_file)
        # the plan as careerkit reads it: an upgrade to the current schema is saved on opening
        read = load_snapshot(plan_file).model_dump(mode="json")
        before = {n: v for n, v in read.items() if n in SECTIONS}
    else:  # the notebook creates an empty plan
        before = {n: v for n, v in Plan().model_dump(mode="json").items() if n in SECTIONS}
    nb = execute_notebook(nbformat.read(path, as_version=4))
    state = widget_text(nb)
    assert not re.search(r"\w+(Error|Exception): ", state), "a widget shows an error"
    assert "Not saved" not in state
    assert _sections(plan_file) == before
