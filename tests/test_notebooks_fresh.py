"""Every notebook also runs top to bottom for a new person with an empty plan.

nbval runs the notebooks against the sample persona; this runs them against nothing, so
each step must say what to do first instead of failing.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from careerkit import open_plan
from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_notebooks_were_found() -> None:
    assert len(NOTEBOOKS) >= 1


@pytest.mark.timeout(180)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_an_empty_plan(path: Path, workspace: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [
        output
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors
    assert open_plan().path.parent == workspace  # the plan it made is readable
