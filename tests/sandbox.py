"""Pytest plugin (loaded with ``-p tests.sandbox``): no test touches the real home folder.

Before collection, the whole session, notebooks run by nbval included, gets a temporary
HOME and a fresh workspace holding a copy of the sample persona's plan.
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


def pytest_configure(config: pytest.Config) -> None:
    session_dir = Path(tempfile.mkdtemp(prefix="careerkit-tests-"))
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
