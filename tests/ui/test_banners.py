"""Every notebook says which workshop file is in force: its title and path, or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerkit.plan import Plan
from careerkit.ui import vision_banner, workshop_banner, workshop_line
from tests.conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"

SPRING = '[workshop]\ntitle = "Spring <cohort>"\ncoach = "Dana & Co"\n'


def test_without_a_workshop_file_the_banner_says_defaults_and_the_plan_line_nothing(
    plan: Plan,
) -> None:
    assert workshop_line() == ""
    assert "No workshop file" in workshop_banner().value
    assert "Workshop" not in vision_banner(plan).value


def test_a_workshop_file_in_the_workspace_is_named_with_its_title(
    plan: Plan, workspace: Path
) -> None:
    (workspace / "workshop.toml").write_text(SPRING, encoding="utf-8")
    line = workshop_banner().value
    assert "Spring &lt;cohort&gt;" in line and "Dana &amp; Co" in line
    assert str(workspace / "workshop.toml") in line or "workshop.toml</code>" in line
    assert "Spring &lt;cohort&gt;" in vision_banner(plan).value


def test_a_participant_workspace_names_the_workshops_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    group = tmp_path / "spring"
    home = group / "participants" / "ana"
    home.mkdir(parents=True)
    (group / "workshop.toml").write_text(SPRING, encoding="utf-8")
    monkeypatch.setenv("CAREERKIT_HOME", str(home))
    line = workshop_line()
    assert "Spring &lt;cohort&gt;" in line
    assert f"{group.name}/workshop.toml" in line  # the workshop folder's, not the participant's


def test_a_broken_workshop_file_is_reported_naming_it(workspace: Path) -> None:
    (workspace / "workshop.toml").write_text("[workshop\ntitle = 1", encoding="utf-8")
    line = workshop_banner().value
    assert "cannot be used" in line and "not valid TOML" in line and "workshop.toml" in line


def test_step_01_does_not_send_the_person_to_the_page_they_are_on(plan: Plan) -> None:
    elsewhere = vision_banner(plan).value
    here = vision_banner(plan, writing_it_here=True).value
    assert "write it in <b>01 Define your dream job</b>" in elsewhere
    assert "01 Define" not in here and "end of this page" in here
    notebook = (NOTEBOOKS / "01_dream_job.ipynb").read_text(encoding="utf-8")
    assert "vision_banner(plan, writing_it_here=True)" in notebook
