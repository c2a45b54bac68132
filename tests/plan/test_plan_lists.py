"""Every list in the plan survives two notebooks editing it at once (issue 21, part 1).

Each case: a plan is saved; tab A and tab B open it; A adds or edits and saves; B adds or
edits, its save is refused, it presses "Reload my plan" (``reload``) and saves: the plan
then holds both tabs' changes. Before plan schema 4, reviews and interest results had no id
and lists of texts no key, so the whole list was one answer and B's reload dropped A's.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from careerkit.plan import (
    SCHEMA_VERSION,
    Action,
    GoalActions,
    InterestResult,
    Objective,
    Plan,
    PlanConflict,
    Review,
    Skill,
    open_plan,
)
from careerkit.plan.sections import Goal
from tests.conftest import PERSONA, reopen

DIRECTION = "11-9111.00"


@dataclass(frozen=True)
class Case:
    section: str
    setup: Callable[[Plan], None]
    tab_a: Callable[[Plan], None]
    tab_b: Callable[[Plan], None]
    view: Callable[[Plan], Any]  # what the test compares, in a stable order
    expected: Any


def _objective(plan: Plan) -> Objective:
    return plan.long_term.objectives[DIRECTION]


def _actions(plan: Plan) -> list[Action]:
    return plan.action_plan.items["g1"].actions


def _result(item: str) -> InterestResult:
    return InterestResult(code="SIA", answers={item: 2})


def _set_up_objective(plan: Plan) -> None:
    plan.long_term.objectives[DIRECTION] = Objective(
        skills_to_acquire=["Writing"], own_skills=["Excel"]
    )


CASES = {
    "reviews": Case(
        "reviews",
        lambda p: p.reviews.append(Review(reviewed=date(2026, 1, 5), went_well="base")),
        lambda p: (
            setattr(p.reviews[0], "changed", "edited in A"),
            p.reviews.append(Review(went_well="added in A")),
        ),
        lambda p: p.reviews.append(Review(went_well="added in B")),
        lambda p: sorted((r.went_well, r.changed) for r in p.reviews),
        [("added in A", ""), ("added in B", ""), ("base", "edited in A")],
    ),
    "interest history": Case(  # the same code each time: no key before schema 4
        "dream_job",
        lambda p: p.dream_job.interest_history.append(_result("base")),
        lambda p: p.dream_job.interest_history.append(_result("A")),
        lambda p: p.dream_job.interest_history.append(_result("B")),
        lambda p: sorted(next(iter(r.answers)) for r in p.dream_job.interest_history),
        ["A", "B", "base"],
    ),
    "criteria": Case(
        "comparison",
        lambda p: p.comparison.criteria.extend(["pay", "outlook"]),
        lambda p: p.comparison.criteria.append("growth"),
        lambda p: p.comparison.criteria.remove("outlook"),
        lambda p: p.comparison.criteria,
        ["pay", "growth"],
    ),
    "chosen directions": Case(
        "comparison",
        lambda p: None,
        lambda p: p.comparison.chosen.append(DIRECTION),
        lambda p: p.comparison.chosen.append("13-1151.00"),
        lambda p: sorted(p.comparison.chosen),
        ["11-9111.00", "13-1151.00"],
    ),
    "skills to acquire": Case(
        "long_term",
        _set_up_objective,
        lambda p: _objective(p).skills_to_acquire.append("Speaking"),
        lambda p: _objective(p).skills_to_acquire.append("Judgment"),
        lambda p: sorted(_objective(p).skills_to_acquire),
        ["Judgment", "Speaking", "Writing"],
    ),
    "own skills": Case(
        "long_term",
        _set_up_objective,
        lambda p: _objective(p).own_skills.append("Python"),
        lambda p: _objective(p).own_skills.append("Spanish"),
        lambda p: sorted(_objective(p).own_skills),
        ["Excel", "Python", "Spanish"],
    ),
    "goal areas": Case(
        "short_term_goals",
        lambda p: None,
        lambda p: p.short_term_goals.areas.append("Languages"),
        lambda p: p.short_term_goals.areas.remove("Moving"),
        lambda p: p.short_term_goals.areas,
        [
            "Education",
            "Learning",
            "Skills development",
            "Professional membership / networking",
            "Languages",
        ],
    ),
    # Lists that had a key before schema 4: kept here so they stay merged record by record.
    "skills": Case(
        "dream_job",
        lambda p: p.dream_job.skills.append(Skill(name="Writing")),
        lambda p: p.dream_job.skills.append(Skill(name="Python")),
        lambda p: setattr(p.dream_job.skills[0], "level", 5),
        lambda p: sorted((s.name, s.level) for s in p.dream_job.skills),
        [("Python", 3), ("Writing", 5)],
    ),
    "goals": Case(
        "short_term_goals",
        lambda p: p.short_term_goals.goals.append(Goal(id="g1", text="Base")),
        lambda p: p.short_term_goals.goals.append(Goal(id="g2", text="A")),
        lambda p: setattr(p.short_term_goals.goals[0], "percent", 40),
        lambda p: sorted((g.text, g.percent) for g in p.short_term_goals.goals),
        [("A", 0), ("Base", 40)],
    ),
    "actions": Case(
        "action_plan",
        lambda p: p.action_plan.items.update(g1=GoalActions(actions=[Action(text="Base")])),
        lambda p: _actions(p).append(Action(text="A")),
        lambda p: _actions(p).append(Action(text="B")),
        lambda p: sorted(a.text for a in _actions(p)),
        ["A", "B", "Base"],
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_reload_keeps_both_tabs_changes_to_every_list(plan: Plan, case: Case) -> None:
    case.setup(plan)
    plan.save()
    tab_a, tab_b = reopen(plan), reopen(plan)
    case.tab_a(tab_a)
    tab_a.save(case.section)
    case.tab_b(tab_b)
    with pytest.raises(PlanConflict):
        tab_b.save(case.section)
    assert tab_b.reload(case.section) == []  # nothing both changed: nothing reported
    tab_b.save(case.section)
    assert case.view(reopen(plan)) == case.expected
    assert case.view(tab_b) == case.expected  # the notebook holds what the file holds


def test_the_questionnaire_started_in_two_tabs_keeps_both_tabs_answers(plan: Plan) -> None:
    """No result yet; each tab answers a different item (each answer makes a new record)."""
    tab_a, tab_b = reopen(plan), reopen(plan)
    tab_a.dream_job.interests = InterestResult(answers={"1": 2})
    tab_a.save("dream_job")
    tab_b.dream_job.interests = InterestResult(answers={"2": 0})
    with pytest.raises(PlanConflict):
        tab_b.save("dream_job")
    assert tab_b.reload("dream_job") == []
    tab_b.save("dream_job")
    saved = reopen(plan).dream_job.interests
    assert saved is not None and saved.answers == {"1": 2, "2": 0}


def test_three_chosen_directions_are_a_clash_that_keeps_this_tabs(plan: Plan) -> None:
    """At most two directions: the merge cannot keep both tabs' here, and says so."""
    tab_a, tab_b = reopen(plan), reopen(plan)
    tab_a.comparison.chosen = [DIRECTION, "13-1151.00"]
    tab_a.save("comparison")
    tab_b.comparison.chosen = ["15-1252.00"]
    with pytest.raises(PlanConflict):
        tab_b.save("comparison")
    assert tab_b.reload("comparison") == ["comparison.chosen"]
    tab_b.save("comparison")
    assert reopen(plan).comparison.chosen == ["15-1252.00"]


# --- two processes ------------------------------------------------------------------------


def _save_taking_up_conflicts(plan: Plan, section: str) -> None:
    """Save as the forms do: on a refused save, "Reload my plan", then save again."""
    for _ in range(100):
        try:
            plan.save(section)
            return
        except PlanConflict:
            plan.reload(section)
    raise AssertionError("never saved")


def _add_many(path: str, started: Any, more: Any, out: Any) -> None:
    try:
        plan = open_plan(path)
        for n in range(100):
            plan.reviews.append(Review(went_well=f"A{n}"))
            _save_taking_up_conflicts(plan, "reviews")
            if n == 7:
                started.set()
            if n == 20:
                more.set()
        out.put("done")
    except Exception as err:  # noqa: BLE001 - reported to the test
        out.put(f"{type(err).__name__}: {err}")


def _add_one(path: str, started: Any, more: Any, out: Any) -> None:
    try:
        started.wait(60)
        plan = open_plan(path)
        plan.reviews.append(Review(went_well="B"))
        more.wait(60)  # the other process has saved more reviews since this one read them
        _save_taking_up_conflicts(plan, "reviews")
        out.put("done")
    except Exception as err:  # noqa: BLE001 - reported to the test
        out.put(f"{type(err).__name__}: {err}")


def test_100_reviews_from_one_process_survive_the_others_reload(plan: Plan) -> None:
    context = multiprocessing.get_context("fork")
    started, more, out = context.Event(), context.Event(), context.Queue()
    args = (str(plan.path), started, more, out)
    workers = [context.Process(target=f, args=args) for f in (_add_many, _add_one)]
    for worker in workers:
        worker.start()
    results = [out.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join()
    assert results == ["done", "done"]
    saved = [r.went_well for r in reopen(plan).reviews]
    assert sorted(saved) == sorted([f"A{n}" for n in range(100)] + ["B"])


# --- old plans get ids --------------------------------------------------------------------


def _schema_3(workspace: Path) -> Path:
    """The persona as careerkit wrote it in schema 3: reviews and results without ids."""
    file = workspace / "plan.json"
    shutil.copy(PERSONA, file)
    raw = json.loads(json.dumps(open_plan().model_dump(mode="json")))
    raw["schema_version"] = 3
    raw["dream_job"]["interest_history"] = [dict(raw["dream_job"]["interests"])] * 2
    for record in [*raw["reviews"], raw["dream_job"]["interests"]]:
        del record["id"]
    for record in raw["dream_job"]["interest_history"]:
        record.pop("id", None)
    file.write_text(json.dumps(raw))
    return file


def test_a_schema_3_plan_gets_record_ids_that_are_saved_back(workspace: Path) -> None:
    file = _schema_3(workspace)
    plan = open_plan()
    ids = [r.id for r in [*plan.reviews, *plan.dream_job.interest_history]]
    ids.append(plan.dream_job.interests.id if plan.dream_job.interests else "")
    assert all(ids) and len(set(ids)) == len(ids)  # twice the same result: two ids
    saved = json.loads(file.read_text())
    assert saved["schema_version"] == SCHEMA_VERSION == 4
    assert [r["id"] for r in saved["reviews"]] == [r.id for r in plan.reviews]
    assert [r.id for r in open_plan().dream_job.interest_history] == ids[1:3]


def test_a_read_only_schema_3_plan_gets_the_same_ids_on_every_read(workspace: Path) -> None:
    file = _schema_3(workspace)
    file.chmod(0o444)
    first, second = open_plan(), open_plan()
    assert json.loads(file.read_text())["schema_version"] == 3  # read-only: left as it is
    assert [r.id for r in first.reviews] == [r.id for r in second.reviews]
    assert [r.id for r in first.dream_job.interest_history] == [
        r.id for r in second.dream_job.interest_history
    ]
