"""00's widgets: the set-up check and the plan's details, in the app's own terms or JupyterLab's."""

from __future__ import annotations

import pytest

from careerkit import workbook
from careerkit.plan import Plan
from careerkit.steps.start import Check
from careerkit.ui import start

TECHNICAL = ("CAREERKIT_PLAN", "--areas", "README", "make lab", "pip install")


@pytest.fixture(params=[True, False], ids=["app", "jupyterlab"])
def in_app(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    monkeypatch.delenv(workbook.APP_KERNEL, raising=False)
    monkeypatch.delenv(workbook.PREHEATED, raising=False)
    if request.param:
        monkeypatch.setenv(workbook.APP_KERNEL, "a-kernel-id")
    return request.param


def test_the_app_never_asks_for_technical_steps(plan: Plan, in_app: bool) -> None:
    texts = [start.where_saved(plan).value, start.ProfileForm(plan).area_note.value]
    technical = [word for text in texts for word in TECHNICAL if word in text]
    if in_app:
        assert technical == []
    else:  # JupyterLab keeps the exact commands
        assert "CAREERKIT_PLAN" in technical and "--areas" in technical


def test_a_failing_check_in_the_app_says_who_can_fix_it(
    monkeypatch: pytest.MonkeyPatch, in_app: bool
) -> None:
    broken = [Check("Dependencies", False, "missing voila: run `make lab` in the project")]
    monkeypatch.setattr(start, "check_setup", lambda: broken)
    shown = start.setup_check().value
    assert ("Show this page to your coach" in shown) is in_app
