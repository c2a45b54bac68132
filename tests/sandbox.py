"""Pytest plugin (loaded with ``-p tests.sandbox``): no test touches the real home folder.

Before collection, the whole session, notebooks run by nbval included, gets a temporary
HOME and a fresh workspace holding a copy of the sample persona's plan. When the coach's
notebooks are collected, it also gets a generated workshop of 30 participants (three of
them with a bad plan file), named by ``$CAREERKIT_WORKSHOP`` while those notebooks run.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PERSONA = ROOT / "data" / "examples" / "persona.json"


COACH = ROOT / "notebooks" / "coach"
_SESSION: list[Path] = []
_WORKSHOP: list[Path] = []  # the generated workshop's file, when one was made


def pytest_configure(config: pytest.Config) -> None:
    session_dir = Path(tempfile.mkdtemp(prefix="careerkit-tests-"))
    _SESSION.append(session_dir)
    workspace = session_dir / "workspace"
    workspace.mkdir()
    shutil.copy(PERSONA, workspace / "plan.json")
    os.environ["CAREERKIT_HOME"] = str(workspace)
    for var in ("CAREERKIT_PLAN", "CAREERKIT_CATALOG", "CAREERKIT_WORKSHOP"):
        os.environ.pop(var, None)
    # Kernels and libraries write their caches and history under HOME: a throw-away one.
    (session_dir / "home").mkdir()
    os.environ["HOME"] = str(session_dir / "home")
    os.environ["MPLBACKEND"] = "Agg"
    os.environ["JUPYTER_RUNTIME_DIR"] = str(session_dir / "runtime")
    # Removed at exit, after anything that writes there on its way out (IPython's history).
    atexit.register(shutil.rmtree, session_dir, ignore_errors=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A generated workshop for the coach's notebooks, when nbval runs one of them."""
    if any(COACH in Path(str(item.path)).parents for item in items):
        from tests.synthetic import synthetic_workshop

        made = synthetic_workshop(_SESSION[-1] / "workshop", participants=30)
        _WORKSHOP.append(made.folder / "workshop.toml")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """``$CAREERKIT_WORKSHOP`` names the generated workshop's file only while a coach's
    notebook runs (its kernel starts with it); every other test and notebook runs without."""
    if _WORKSHOP and COACH in Path(str(item.path)).parents:
        os.environ["CAREERKIT_WORKSHOP"] = str(_WORKSHOP[-1])
    else:
        os.environ.pop("CAREERKIT_WORKSHOP", None)
