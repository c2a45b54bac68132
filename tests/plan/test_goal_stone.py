"""A short-term goal may name a job on the way (issue 23 §3): ``Goal.stone``, empty by
default, so plans written before it open unchanged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from careerkit.plan import SCHEMA_VERSION, Goal, open_plan
from tests.conftest import PERSONA, ROOT, reopen

SCHEMA_2 = ROOT / "tests" / "data" / "plan-schema2.json"  # written by careerkit 0.1


@pytest.mark.parametrize("source", [SCHEMA_2, PERSONA], ids=["schema-2-file", "persona"])
def test_old_goals_open_unchanged_with_no_stone(workspace: Path, source: Path) -> None:
    file = workspace / "plan.json"
    shutil.copy(source, file)
    open_plan().save("short_term_goals")  # migrated to the current schema, as careerkit would
    before = json.loads(file.read_text())
    goals = before["short_term_goals"]["goals"]
    assert goals  # both plans have goals
    for goal in goals:
        del goal["stone"]  # a plan saved before issue 23 has no such key
    file.write_text(json.dumps(before))
    plan = open_plan()
    assert [g.stone for g in plan.short_term_goals.goals] == [""] * len(goals)
    plan.save("short_term_goals")
    after = json.loads(file.read_text())
    for goal in after["short_term_goals"]["goals"]:
        assert goal.pop("stone") == ""
    after.pop("saved", None), before.pop("saved", None)
    assert after == before
    assert after["schema_version"] == SCHEMA_VERSION


def test_a_goals_stone_is_saved_and_read_back(plan) -> None:
    plan.short_term_goals.goals = [
        Goal(text="Work as an LPN", direction="29-1141.00", stone="29-2061.00")
    ]
    plan.save("short_term_goals")
    assert reopen(plan).short_term_goals.goals[0].stone == "29-2061.00"
