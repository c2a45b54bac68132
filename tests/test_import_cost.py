"""What importing careerkit pulls in: a step pays only for the libraries it uses."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

HEAVY = ("pandas", "matplotlib", "ipywidgets", "pydantic")


def loaded_after(statement: str) -> set[str]:
    """The HEAVY libraries imported by ``statement`` in a fresh Python process."""
    code = f"import sys; {statement}; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def test_import_careerkit_loads_no_heavy_library() -> None:
    assert loaded_after("import careerkit") == set()


# 06 draws only in the report it writes on request: matplotlib waits until then.
@pytest.mark.parametrize(
    "module",
    [
        "careerkit.ui.start",
        "careerkit.ui.kit.autosave",
        "careerkit.ui.kit.fields",
        "careerkit.ui.kit.plan_signal",
        "careerkit.ui.action_plan",
    ],
)
def test_a_step_without_charts_on_screen_does_not_load_matplotlib(module: str) -> None:
    loaded = loaded_after(f"import {module}")
    assert "ipywidgets" in loaded, "the check should see what a widget module loads"
    assert "matplotlib" not in loaded
