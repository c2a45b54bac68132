from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from careerkit import load_catalog, open_plan
from careerkit.plan import Plan

ROOT = Path(__file__).resolve().parent.parent
PERSONA = ROOT / "data" / "examples" / "persona.json"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty workspace (CAREERKIT_HOME) in a temporary folder."""
    folder = tmp_path / "workspace"
    folder.mkdir()
    monkeypatch.setenv("CAREERKIT_HOME", str(folder))
    monkeypatch.delenv("CAREERKIT_PLAN", raising=False)
    monkeypatch.delenv("CAREERKIT_CATALOG", raising=False)
    monkeypatch.delenv("CAREERKIT_WORKSHOP", raising=False)
    return folder


@pytest.fixture
def plan(workspace: Path) -> Plan:
    """A new, empty plan in the test's workspace."""
    return open_plan(name="Test Person")


@pytest.fixture
def persona(workspace: Path) -> Plan:
    """The sample persona's plan, copied into the test's workspace."""
    shutil.copy(PERSONA, workspace / "plan.json")
    return open_plan()


@pytest.fixture(scope="session")
def catalog() -> pd.DataFrame:
    """The bundled catalogue."""
    return load_catalog(ROOT / "data" / "catalog")


def reopen(plan: Plan) -> Plan:
    """The plan as a fresh notebook would read it from disk."""
    return open_plan(plan.path)


def execute_notebook(nb: nbformat.NotebookNode, folder: Path = ROOT / "notebooks"):
    """Run a notebook in a fresh kernel (in the test's workspace); fail on any cell error."""
    NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(folder)}}).execute()
    errors = [
        f"{out.ename}: {out.evalue}"
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if out.output_type == "error"
    ]
    assert not errors, errors
    return nb


def widget_text(nb: nbformat.NotebookNode) -> str:
    """All the widget state the run left in the notebook, as one string to search."""
    return str(nb.metadata.get("widgets", {}))
