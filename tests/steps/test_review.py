"""Steps 6-7 logic: dated actions, progress, review dates, interest shifts and the plan diff."""

from __future__ import annotations

from datetime import date

import pytest

from careerkit.plan import (
    Action,
    Goal,
    GoalActions,
    InterestResult,
    Objective,
    Option,
    Plan,
    Review,
    Skill,
)
from careerkit.report.charts import interest_change_chart, progress_chart
from careerkit.steps.action_plan import action_problem, next_review_due, this_month
from careerkit.steps.plan_changes import Change, plan_diff
from careerkit.steps.review import interest_shift, todays_review, update_progress
from careerkit.text import shorten

TODAY = date(2026, 11, 22)


def test_short_cuts_long_text_on_one_line() -> None:
    assert shorten("a\nb  c") == "a b c"
    assert shorten("x" * 100, 10) == "x" * 9 + "…"


# --- actions ---------------------------------------------------------------------------------


def test_action_problem_wants_text() -> None:
    assert "Write what you will do" in action_problem("   ", None, TODAY)
    assert action_problem("Call Rosa", None, TODAY) is None


def test_action_problem_rejects_a_date_long_past_and_suggests_one() -> None:
    message = action_problem("Call Rosa", date(2025, 12, 5), TODAY)
    assert "December 5, 2025" in message and "December 5, 2026" in message
    # earlier in the year than today: the suggestion moves to next year
    assert "March 10, 2027" in action_problem("Call Rosa", date(2020, 3, 10), TODAY)


def test_action_problem_accepts_recent_and_future_dates() -> None:
    assert action_problem("Call Rosa", date(2026, 11, 1), TODAY) is None  # overdue, not a typo
    assert action_problem("Call Rosa", date(2027, 1, 1), TODAY) is None


def _plan_with_actions() -> Plan:
    plan = Plan()
    plan.short_term_goals.goals = [
        Goal(id="a", text="Goal A"),
        Goal(id="b", text="Goal B", status="dropped", drop_reason="no longer fits"),
    ]
    plan.action_plan.items = {
        "a": GoalActions(
            actions=[
                Action(text="later", due=date(2026, 12, 1)),
                Action(text="end of month", due=date(2026, 11, 30)),
                Action(text="overdue", due=date(2026, 10, 3)),
                Action(text="done already", due=date(2026, 11, 5), done=True),
                Action(text="no date"),
            ]
        ),
        "b": GoalActions(actions=[Action(text="for a dropped goal", due=date(2026, 11, 10))]),
    }
    return plan


def test_this_month_lists_open_actions_due_by_month_end_soonest_first() -> None:
    found = this_month(_plan_with_actions(), TODAY)
    assert [a.text for _, a in found] == ["overdue", "end of month"]
    assert {g.id for g, _ in found} == {"a"}


# --- progress --------------------------------------------------------------------------------


def test_done_means_a_hundred_percent_and_not_started_zero() -> None:
    goal = Goal(text="g", status="in progress", percent=40)
    assert update_progress(goal, status="done") is None
    assert (goal.status, goal.percent) == ("done", 100)
    update_progress(goal, status="not started")
    assert (goal.status, goal.percent) == ("not started", 0)


def test_moving_the_percentage_starts_finishes_and_reopens() -> None:
    goal = Goal(text="g")
    update_progress(goal, percent=30)
    assert goal.status == "in progress"
    update_progress(goal, percent=100)
    assert goal.status == "done"
    update_progress(goal, percent=80)
    assert (goal.status, goal.percent) == ("in progress", 80)


def test_dropping_needs_a_reason_and_changes_nothing_without_one() -> None:
    goal = Goal(text="g", status="in progress", percent=40)
    message = update_progress(goal, status="dropped")
    assert "reason" in message
    assert (goal.status, goal.drop_reason) == ("in progress", "")
    assert update_progress(goal, status="dropped", drop_reason="  course cancelled ") is None
    assert (goal.status, goal.drop_reason, goal.percent) == ("dropped", "course cancelled", 40)
    assert update_progress(goal, drop_reason="") is not None  # clearing the reason is refused
    assert goal.drop_reason == "course cancelled"
    update_progress(goal, status="in progress")  # picked up again
    assert (goal.status, goal.drop_reason) == ("in progress", "")


def test_progress_chart_has_a_bar_per_goal() -> None:
    goals = [Goal(text="one", percent=20, status="in progress"), Goal(text="two")]
    fig = progress_chart(goals)
    ax = fig.axes[0]
    assert [round(p.get_width()) for p in ax.patches] == [20, 0]
    assert ax.get_title() == "Progress on your goals"


# --- reviews ---------------------------------------------------------------------------------


def test_next_review_counts_from_the_last_review_or_the_plans_start() -> None:
    plan = Plan()
    plan.profile.created = date(2026, 9, 1)
    assert next_review_due(plan) == date(2027, 9, 1)
    plan.reviews = [Review(reviewed=date(2026, 11, 1)), Review(reviewed=date(2027, 2, 3))]
    plan.action_plan.review_every_months = 24
    assert next_review_due(plan) == date(2029, 2, 3)


def test_todays_review_is_created_once_per_day() -> None:
    plan = Plan(reviews=[Review(reviewed=date(2026, 11, 1), went_well="x")])
    first = todays_review(plan, TODAY)
    assert first.reviewed == TODAY and len(plan.reviews) == 2
    assert todays_review(plan, TODAY) is first and len(plan.reviews) == 2


def test_interest_shift_names_what_moved() -> None:
    earlier = {"R": 15, "I": 40, "A": 35, "S": 85, "E": 75, "C": 55}
    now = {"R": 15, "I": 60, "A": 35, "S": 80, "E": 50, "C": 55}
    text = interest_shift(earlier, now)
    assert "Investigative rose (40 → 60)" in text
    assert "Enterprising fell (75 → 50)" in text
    assert "Social" not in text.split(".")[0]  # moved only 5 points
    assert "from SEC to SIC" in text


def test_interest_shift_says_when_nothing_moved() -> None:
    scores = {"R": 10, "I": 20, "A": 30, "S": 40, "E": 50, "C": 60}
    assert "held steady" in interest_shift(scores, {**scores, "R": 15})


def test_interest_change_chart_pairs_earlier_and_now() -> None:
    fig = interest_change_chart({"S": 80}, {"S": 60}, ("2026-09-03", "today"))
    ax = fig.axes[0]
    assert len(ax.patches) == 12
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["2026-09-03", "today"]


# --- plan diff ----------------------------------------------------------------------------------


def _texts(changes: list[Change], kind: str | None = None) -> list[str]:
    return [c.text for c in changes if kind is None or c.kind == kind]


@pytest.fixture
def before() -> Plan:
    """A small plan standing for an earlier version."""
    plan = Plan()
    plan.dream_job.vision, plan.dream_job.vision_date = "I manage a clinic.", date(2026, 9, 10)
    plan.dream_job.skills = [Skill(name="Coordination", level=3)]
    plan.exploration.options = [
        Option(code="11-9111.00", title="Medical and Health Services Managers"),
        Option(code="13-1151.00", title="Training and Development Specialists"),
        Option(code="13-1071.00", title="Human Resources Specialists"),
    ]
    plan.comparison.chosen = ["11-9111.00", "13-1151.00"]
    plan.short_term_goals.goals = [
        Goal(
            id="edu",
            text="Join the association of healthcare managers and go to 4 meetings",
            status="in progress",
            percent=20,
        ),
        Goal(id="lrn", text="Finish the medical terminology course"),
        Goal(id="net", text="get better at networking"),
    ]
    plan.action_plan.items = {
        "edu": GoalActions(
            people="Rosa",
            actions=[
                Action(text="Ask HR about tuition assistance", due=date(2026, 12, 5)),
                Action(text="Submit the application", due=date(2027, 1, 15)),
            ],
        ),
        "lrn": GoalActions(tools="Online course"),
    }
    plan.long_term.objectives = {"11-9111.00": Objective(role_5y="Clinic operations manager")}
    plan.reviews = [Review(reviewed=date(2026, 11, 1), went_well="Applied")]
    return plan


def test_no_changes_between_equal_plans(before: Plan) -> None:
    assert plan_diff(before, before.model_copy(deep=True)) == []


def test_goal_status_changes_read_plainly(before: Plan) -> None:
    new = before.model_copy(deep=True)
    edu, lrn, net = new.short_term_goals.goals
    edu.status, edu.percent = "done", 100
    net.status, net.drop_reason = "dropped", "replaced by the association goal"
    lrn.percent = 50
    changes = plan_diff(before, new)
    assert changes == [
        Change(
            "completed",
            "Short-term goals",
            "Goal 'Join the association of healthcare managers and go to…': "
            "status in progress → done",
        ),
        Change(
            "changed",
            "Short-term goals",
            "Goal 'Finish the medical terminology course': 0% → 50% done",
        ),
        Change(
            "dropped",
            "Short-term goals",
            "Goal 'get better at networking': status not started → dropped "
            "(replaced by the association goal)",
        ),
    ]


def test_added_removed_and_rewritten(before: Plan) -> None:
    new = before.model_copy(deep=True)
    new.dream_job.vision = "I run a clinic."
    new.dream_job.vision_date = date(2027, 1, 3)
    new.dream_job.skills.append(Skill(name="Negotiation"))
    new.exploration.options.append(Option(code="11-3013.00", title="Facilities Managers"))
    new.exploration.options[2].dropped = True
    new.exploration.options[2].drop_reason = "too much paperwork"
    new.short_term_goals.goals.pop()
    new.short_term_goals.goals.append(
        Goal(text="Shadow a clinic manager for a day", due=date(2027, 3, 1), area="Learning")
    )
    new.comparison.chosen = ["11-9111.00"]
    new.reviews.append(Review(reviewed=date(2027, 11, 2), went_well="passed module 1"))
    assert plan_diff(before, new) == [
        Change("changed", "Dream job", "Vision rewritten on January 3, 2027"),
        Change("added", "Dream job", "New skill: Negotiation"),
        Change(
            "dropped",
            "Shortlist",
            "Option dropped: Human Resources Specialists (too much paperwork)",
        ),
        Change("added", "Shortlist", "New option: Facilities Managers"),
        Change(
            "changed",
            "Comparison",
            "Chosen direction: Medical and Health Services Managers and Training and "
            "Development Specialists → Medical and Health Services Managers",
        ),
        Change("removed", "Short-term goals", "Goal removed: 'get better at networking'"),
        Change(
            "added",
            "Short-term goals",
            "New goal: 'Shadow a clinic manager for a day' (Learning, due March 1, 2027)",
        ),
        Change("added", "Reviews", "Review written on November 2, 2027"),
    ]


def test_weights_and_objectives_read_as_the_person_saw_them(before: Plan) -> None:
    before.comparison.weights = {"work_life": 3.0, "pay": 2.0}
    new = before.model_copy(deep=True)
    new.comparison.weights = {"work_life": 4.0, "development": 3.0}
    new.long_term.objectives["11-9111.00"].leave_when = "When I stop learning"
    texts = [c.text for c in plan_diff(before, new)]
    assert (
        "Weights changed: Career development set to 3, Pay no longer weighted (was 2), "
        "Work-life balance 3 → 4"
    ) in texts  # never "development 0 → 3" for a criterion that was not set
    assert any(t.endswith("what would make you leave updated") for t in texts)
    labelled = plan_diff(before, new, {"work_life": "Time for family"})
    assert any("Time for family 3 → 4" in c.text for c in labelled)


def test_action_changes_are_matched_by_id(before: Plan) -> None:
    new = before.model_copy(deep=True)
    actions = new.action_plan.items["edu"].actions
    actions[0].done = True
    actions[1].due = date(2027, 2, 1)
    new.action_plan.items["lrn"].actions.append(Action(text="Book the quiz"))
    new.action_plan.items["lrn"].tools = "Another course"
    new.action_plan.review_every_months = 24
    goal = "Join the association of healthcare…"
    assert plan_diff(before, new) == [
        Change("changed", "Action plan", "Review every 12 → 24 months"),
        Change(
            "completed", "Action plan", f"Action done: Ask HR about tuition assistance ('{goal}')"
        ),
        Change(
            "changed",
            "Action plan",
            f"Action moved: Submit the application ('{goal}', due February 1, 2027)",
        ),
        Change(
            "changed",
            "Action plan",
            "Resources for 'Finish the medical terminology course' updated",
        ),
        Change(
            "added",
            "Action plan",
            "New action: Book the quiz ('Finish the medical terminology course')",
        ),
    ]


def test_first_vision_and_interests_count_as_added() -> None:
    old, new = Plan(), Plan()
    new.dream_job.vision, new.dream_job.vision_date = "Run a clinic", date(2026, 9, 10)
    new.dream_job.interests = InterestResult(taken=date(2026, 9, 3), code="SEC")
    changes = plan_diff(old, new)
    assert changes == [
        Change("added", "Dream job", "Vision written on September 10, 2026"),
        Change("added", "Dream job", "Interest profile taken on September 3, 2026: SEC"),
    ]


def test_the_persona_diffs_cleanly_against_an_empty_plan(persona: Plan) -> None:
    changes = plan_diff(Plan(), persona)
    assert {c.kind for c in changes} == {"added", "changed", "dropped"}  # name set: changed
    assert len(_texts(changes, "added")) > 10


@pytest.mark.parametrize("kind", ["added", "changed", "completed", "dropped", "removed"])
def test_every_kind_of_change_can_occur(before: Plan, kind: str) -> None:
    new = before.model_copy(deep=True)
    goal = new.short_term_goals.goals[1]
    if kind == "added":
        new.short_term_goals.areas.append("Volunteering")
    elif kind == "changed":
        goal.measure = "quiz score >= 90%"
    elif kind == "completed":
        goal.status = "done"
    elif kind == "dropped":
        new.exploration.options[0].dropped = True
    else:
        new.long_term.objectives.clear()
    assert [c.kind for c in plan_diff(before, new)] == [kind]


def test_a_reworded_action_is_one_change_and_same_text_actions_stay_apart(before: Plan) -> None:
    actions = before.action_plan.items["edu"].actions
    actions.append(Action(text="Submit the application", due=date(2027, 3, 1)))
    new = before.model_copy(deep=True)
    new.action_plan.items["edu"].actions[0].text = "Ask HR about the tuition form"
    new.action_plan.items["edu"].actions[2].done = True  # the second "Submit the application"
    goal = "Join the association of healthcare…"
    assert plan_diff(before, new) == [
        Change(
            "changed",
            "Action plan",
            "Action reworded: Ask HR about tuition assistance → Ask HR about the tuition form "
            f"('{goal}')",
        ),
        Change("completed", "Action plan", f"Action done: Submit the application ('{goal}')"),
    ]
