"""The plan file: round trip, atomic saves, concurrent notebooks, corrupt files, migration."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import careerkit
from careerkit import plan as plan_module
from careerkit.plan import (
    SCHEMA_VERSION,
    Goal,
    Option,
    Plan,
    PlanConflict,
    PlanError,
    Skill,
    history,
    open_plan,
    restore_plan,
    storage,
)
from tests.conftest import PERSONA, ROOT, reopen


def test_new_plan_is_created_in_the_workspace(workspace: Path) -> None:
    plan = open_plan(name="Ada")
    assert plan.path == workspace / "plan.json"
    saved = json.loads(plan.path.read_text())
    assert saved["schema_version"] == SCHEMA_VERSION
    assert saved["profile"]["name"] == "Ada"


def test_careerkit_plan_variable_names_the_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "elsewhere" / "mine.json"
    monkeypatch.setenv("CAREERKIT_PLAN", str(target))
    assert careerkit.open_plan().path == target
    assert target.exists()


def test_round_trip_keeps_every_section(persona: Plan) -> None:
    persona.save()
    again = reopen(persona)
    assert again.model_dump() == persona.model_dump()
    assert again.short_term_goals.goals[0].due == date(2027, 9, 30)


def test_save_writes_only_the_named_section(plan: Plan) -> None:
    plan.dream_job.vision = "Run a clinic"
    plan.exploration.options.append(Option(code="11-9111.00", title="Manager"))
    plan.save("dream_job")
    again = reopen(plan)
    assert again.dream_job.vision == "Run a clinic"
    assert again.exploration.options == []


def test_two_notebooks_editing_different_sections_both_survive(plan: Plan) -> None:
    first, second = reopen(plan), reopen(plan)
    first.dream_job.vision = "Teach adults"
    first.save("dream_job")
    second.exploration.options.append(Option(code="13-1151.00", title="Trainer"))
    second.save("exploration")
    final = reopen(plan)
    assert final.dream_job.vision == "Teach adults"
    assert [o.code for o in final.exploration.options] == ["13-1151.00"]
    assert second.dream_job.vision == "Teach adults"  # the other notebook sees it after saving


def test_same_section_edited_in_two_places_is_refused_not_overwritten(plan: Plan) -> None:
    first, second = reopen(plan), reopen(plan)
    first.dream_job.vision = "Mine"
    first.save("dream_job")
    second.dream_job.vision = "Theirs"
    with pytest.raises(PlanConflict, match="changed in another notebook"):
        second.save("dream_job")
    assert reopen(plan).dream_job.vision == "Mine"


def test_saving_an_unchanged_section_keeps_the_other_notebooks_version(plan: Plan) -> None:
    first, second = reopen(plan), reopen(plan)
    first.dream_job.vision = "Mine"
    first.save("dream_job")
    second.save()  # all sections, none changed here
    assert reopen(plan).dream_job.vision == "Mine"


def test_a_save_interrupted_mid_write_leaves_the_old_file(plan: Plan, monkeypatch) -> None:
    plan.dream_job.vision = "Before"
    plan.save("dream_job")
    before = plan.path.read_bytes()

    def crash(fd: int) -> None:
        raise OSError("power cut")

    copies = history(plan.path)
    monkeypatch.setattr(storage.os, "fsync", crash)
    plan.dream_job.vision = "After"
    with pytest.raises(PlanError, match="power cut") as err:
        plan.save("dream_job")
    assert str(plan.path) in str(err.value) and "still in this notebook" in str(err.value)
    assert plan.path.read_bytes() == before
    assert not list(plan.path.parent.glob(".plan.json.*.tmp")), "temporary file left behind"
    assert history(plan.path) == copies, "a failed save left a copy in history"


def test_each_saved_version_is_kept_in_history_newest_first(plan: Plan) -> None:
    for text in ("one", "two", "three"):
        plan.dream_job.vision = text
        plan.save("dream_job")
    copies = history(plan.path)
    assert len(copies) == 4  # the new plan, then each save
    assert [plan_module.load_snapshot(c).dream_job.vision for c in copies[:3]] == [
        "three",
        "two",
        "one",
    ]


def test_history_is_bounded(tmp_path: Path) -> None:
    folder = tmp_path / "history"
    folder.mkdir()
    for day in range(1, 29):
        for hour in range(3):
            (folder / f"plan-202601{day:02d}-{hour:02d}0000-000000.json").write_text("{}")
    copies = sorted(folder.glob("plan-*.json"), reverse=True)
    storage.prune(copies)
    kept = sorted(folder.glob("plan-*.json"), reverse=True)
    newest = copies[: storage.HISTORY_RECENT]
    assert kept[: len(newest)] == newest
    older_days = [p.name[5:13] for p in kept[len(newest) :]]
    assert len(older_days) == len(set(older_days)), "more than one old copy kept for a day"
    assert len(kept) == storage.HISTORY_RECENT + len(set(older_days))
    # The plan as it started stays, and each older day keeps its first copy (07 compares
    # with "your plan as it was on" a day, and with where it started).
    assert copies[-1] in kept
    assert all(p.name[14:16] == "00" for p in kept[len(newest) :])


def test_a_day_of_many_saves_keeps_where_the_plan_started(tmp_path: Path) -> None:
    folder = tmp_path / "history"
    folder.mkdir()
    for minute in range(120):  # a workshop day: a save a minute
        stamp = f"plan-20261207-{9 + minute // 60:02d}{minute % 60:02d}00-000000.json"
        (folder / stamp).write_text("{}")
    copies = sorted(folder.glob("plan-*.json"), reverse=True)
    storage.prune(copies)
    kept = sorted(folder.glob("plan-*.json"), reverse=True)
    assert kept[-1] == copies[-1]  # 09:00, the first save
    assert len(kept) == storage.HISTORY_RECENT + 1


def test_corrupt_file_is_named_explained_and_not_overwritten(plan: Plan) -> None:
    plan.dream_job.vision = "Keep me"
    plan.save("dream_job")
    plan.path.write_text('{"schema_version": 2, "profile": ')
    broken = plan.path.read_bytes()
    with pytest.raises(PlanError) as err:
        open_plan()
    message = str(err.value)
    assert str(plan.path) in message and "not valid JSON" in message
    # The way back without code first (the app runs none), then the one for JupyterLab.
    assert f"copy the newest plan-<date>.json in {plan.path.parent / 'history'}" in message
    assert message.index("copy the newest") < message.index("`careerkit.restore_plan()`")
    plan.dream_job.vision = "Another change"
    with pytest.raises(PlanError):
        plan.save("dream_job")
    assert plan.path.read_bytes() == broken


def test_invalid_answer_names_the_field(plan: Plan) -> None:
    data = json.loads(plan.path.read_text())
    data["dream_job"]["skills"] = [{"name": "Writing", "kind": "soft", "level": 9}]
    plan.path.write_text(json.dumps(data))
    with pytest.raises(PlanError, match=r"dream_job\.skills\.0\.level"):
        open_plan()


def test_restore_plan_brings_back_the_newest_good_copy(plan: Plan) -> None:
    plan.dream_job.vision = "Good version"
    plan.save("dream_job")
    plan.dream_job.vision = "Newer good version"
    plan.save("dream_job")
    plan.path.write_text("garbage")
    newest = history(plan.path)[0]
    assert restore_plan() == newest
    assert open_plan().dream_job.vision == "Newer good version"  # the last save is not lost
    broken = list(plan_module.history_dir(plan.path).glob("broken-*.json"))
    assert broken and broken[0].read_text() == "garbage"


def test_newer_schema_is_refused_with_a_clear_message(plan: Plan) -> None:
    data = json.loads(plan.path.read_text())
    data["schema_version"] = SCHEMA_VERSION + 1
    plan.path.write_text(json.dumps(data))
    with pytest.raises(PlanError, match="newer careerkit"):
        open_plan()
    assert json.loads(plan.path.read_text())["schema_version"] == SCHEMA_VERSION + 1


def test_schema_1_is_migrated(workspace: Path) -> None:
    goal = {"text": "Pass the CAPM exam", "area": "Education", "horizon_months": 12}
    old = {"schema_version": 1, "profile": {"name": "Old"}, "short_term_goals": [goal]}
    (workspace / "plan.json").write_text(json.dumps(old))
    plan = open_plan()
    assert plan.short_term_goals.goals[0].text == "Pass the CAPM exam"
    assert plan.short_term_goals.areas[0] == "Education"
    plan.save("profile")
    assert json.loads(plan.path.read_text())["schema_version"] == SCHEMA_VERSION


def test_unknown_section_name_is_an_error(plan: Plan) -> None:
    with pytest.raises(ValueError, match="Unknown plan section"):
        plan.save("dreamjob")


def test_plan_folder_that_cannot_be_written_is_reported(tmp_path: Path, monkeypatch) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write to read-only folders")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    monkeypatch.setenv("CAREERKIT_HOME", str(folder))
    with pytest.raises(PlanError, match="cannot be written"):
        plan_module.ensure_writable()


odd_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=3000
) | st.sampled_from(
    ["", "\n\n", "line\r\nbreak", "😀 ünïcødé ∑", "<script>'\"&</script>", "\\u0000"]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(vision=odd_text, skill=odd_text, goal=odd_text.filter(lambda t: len(t) <= 2000))
def test_any_text_round_trips(plan: Plan, vision: str, skill: str, goal: str) -> None:
    plan.dream_job.vision = vision
    plan.dream_job.skills = [Skill(name=skill, kind="soft", level=2)]
    plan.short_term_goals.goals = [Goal(text=goal)]
    plan.save("dream_job", "short_term_goals")
    again = reopen(plan)
    assert again.dream_job.vision == vision
    assert again.dream_job.skills[0].name == skill
    assert again.short_term_goals.goals[0].text == goal


def test_a_refused_section_stays_refused_after_saving_another(plan: Plan) -> None:
    mine, theirs = reopen(plan), reopen(plan)
    theirs.profile.name = "Theirs"
    theirs.save("profile")
    mine.profile.coach = "Mine"
    with pytest.raises(PlanConflict):
        mine.save("profile")
    mine.dream_job.vision = "Saved fine"
    mine.save("dream_job")
    with pytest.raises(PlanConflict):
        mine.save("profile")
    final = reopen(plan)
    assert final.profile.name == "Theirs" and final.dream_job.vision == "Saved fine"


SCHEMA_2 = ROOT / "tests" / "data" / "plan-schema2.json"  # written by careerkit 0.1


def _action_ids(plan: Plan) -> dict[str, list[str]]:
    return {goal: [a.id for a in item.actions] for goal, item in plan.action_plan.items.items()}


@pytest.mark.parametrize("source", [SCHEMA_2, PERSONA], ids=["schema-2-file", "persona"])
def test_schema_2_gets_stable_ids_that_are_saved(workspace: Path, source: Path) -> None:
    assert json.loads(source.read_text())["schema_version"] == 2
    file = workspace / "plan.json"
    shutil.copy(source, file)
    plan = open_plan()
    ids = _action_ids(plan)
    every = [i for goal in ids.values() for i in goal]
    assert every and all(every) and len(set(every)) == len(every)  # one id per action
    saved = json.loads(file.read_text())
    assert saved["schema_version"] == SCHEMA_VERSION and saved["id"] == plan.id
    assert _action_ids(open_plan()) == ids and open_plan().id == plan.id


def test_same_text_actions_get_different_ids_and_a_read_only_file_the_same_ids(
    workspace: Path,
) -> None:
    file = workspace / "plan.json"
    shutil.copy(SCHEMA_2, file)
    file.chmod(0o444)
    first, second = open_plan(), open_plan()
    assert json.loads(file.read_text())["schema_version"] == 2  # read-only: left as it is
    same = [a.id for a in first.action_plan.items["g-cert"].actions[:2]]
    assert len(set(same)) == 2
    assert _action_ids(first) == _action_ids(second) and first.id == second.id
