"""careerkit.plan.read_plan: one plan reader, read-only, for readers other than the notebook
that owns the plan (the coach's cohort summary)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from careerkit.plan import SCHEMA_VERSION, Plan, PlanError, open_plan, read_plan


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _old_plan(folder: Path) -> Path:
    """A plan as careerkit's first schema wrote it (goals as a bare list, no ids)."""
    file = folder / "plan.json"
    raw = Plan().model_dump(mode="json")
    raw.pop("id")
    raw["schema_version"] = 1
    raw["short_term_goals"] = [{"text": "Finish the course", "area": "Education"}]
    file.write_text(json.dumps(raw), encoding="utf-8")
    return file


def test_an_older_plan_is_upgraded_in_memory_and_nothing_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "here"  # tmp_path also holds the sandbox's workspace
    folder.mkdir()
    file = _old_plan(folder)
    before = _tree(folder)
    plan = read_plan(file)
    assert plan.schema_version == SCHEMA_VERSION
    assert [g.text for g in plan.short_term_goals.goals] == ["Finish the course"]
    assert _tree(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == ["plan.json"]  # no lock, no history
    assert read_plan(file).id == plan.id  # the same ids on every read
    assert open_plan(file).id == plan.id  # and as the notebook, which saves it, gets them


def test_a_link_and_an_oversized_plan_are_refused_before_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = _old_plan(tmp_path)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    opened: list[str] = []
    real_open = os.open

    def spy(path: os.PathLike[str] | str, *args: object, **kwargs: object) -> int:
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    with pytest.raises(PlanError) as err:
        read_plan(link, follow_links=False)
    assert err.value.problem == "it is a symbolic link, which is not followed here"
    with pytest.raises(PlanError) as err:
        read_plan(real, max_bytes=10)
    assert "a plan can be, so it was not read" in err.value.problem
    assert opened == []
    assert isinstance(read_plan(link), Plan)  # a notebook's own plan may be a link


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "it is empty"),
        (b"  \n", "it is empty"),
        (b'{"schema_version": 4, "profile": {"name": "A', "it stops part-way through"),
        (b'{"schema_version": 4,, }', "it is not valid JSON"),
        (b'{"schema_version": 99}', "written by a newer careerkit (plan schema 99"),
    ],
    ids=["empty", "blank", "cut short", "not json", "newer"],
)
def test_the_problem_is_said_in_a_few_words_inside_the_whole_message(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    file = tmp_path / "plan.json"
    file.write_bytes(content)
    with pytest.raises(PlanError) as err:
        read_plan(file)
    assert problem in err.value.problem
    assert err.value.problem in str(err.value) and str(file) in str(err.value)
    assert len(err.value.problem) < 120
