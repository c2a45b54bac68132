"""Long-term objectives: the gap table, checking objectives, and the roadmap's data."""

from __future__ import annotations

from datetime import date

import pytest

from careerkit.dates import add_months
from careerkit.plan import Goal, Objective, Option, Plan
from careerkit.steps import long_term as r
from tests.steps.test_goals import CLINIC, TRAINING, tiny_catalog, weak_in_finance

TODAY = date(2026, 11, 22)


# --- the gap ------------------------------------------------------------------------


def test_gap_table(persona: Plan) -> None:
    table = r.gap_table(weak_in_finance(persona), tiny_catalog(), CLINIC)
    assert list(table.index) == [
        "Management of Personnel Resources",
        "Coordination",
        "Judgment and Decision Making",
        "Management of Financial Resources",
        "Speaking",
        "Monitoring",
    ]
    assert table["level"].tolist() == [4, 4, 0, 1, 4, 0]
    assert table["gap"].tolist() == [False, False, True, True, False, True]
    # Maya picked Management of Financial Resources, Systems Analysis and Judgment...
    assert table["chosen"].tolist() == [False, False, True, True, False, False]


def test_gap_table_of_a_custom_option_is_empty(persona: Plan) -> None:
    table = r.gap_table(persona, tiny_catalog(), "custom:clinic-operations-coordinator")
    assert table.empty and list(table.columns) == ["level", "gap", "chosen"]


def test_skill_choices_keep_earlier_picks(persona: Plan) -> None:
    choices = r.skill_choices(weak_in_finance(persona), tiny_catalog(), CLINIC)
    # the gap first (O*NET importance x gap), then "Systems Analysis": picked before, no
    # longer in the gap
    assert choices == [
        "Monitoring",
        "Judgment and Decision Making",
        "Management of Financial Resources",
        "Systems Analysis",
    ]


def test_directions(persona: Plan) -> None:
    assert r.directions(persona) == [CLINIC, TRAINING]
    plan = Plan()
    plan.exploration.options = [
        Option(code=CLINIC, title="Clinic"),
        Option(code="29-1141.00", title="Nurses", dropped=True),
        Option(code="custom:x", title="Mine", custom=True),
    ]
    assert r.directions(plan) == [CLINIC, "custom:x"]  # none chosen: the active shortlist
    assert r.directions(Plan()) == []


# --- checking and saving objectives ----------------------------------------------------


def test_parse_skills() -> None:
    text = "Electronic health records\n- conflict resolution, Excel;excel\n\n  • Spanish  "
    assert r.parse_skills(text) == [
        "Electronic health records",
        "conflict resolution",
        "Excel",
        "Spanish",
    ]
    assert r.parse_skills("  \n ") == []


def test_update_objective_creates_then_edits(persona: Plan) -> None:
    objective = r.update_objective(persona, TRAINING, role_5y="L&D manager", stay_years=5)
    assert persona.long_term.objectives[TRAINING] == objective
    assert objective.role_5y == "L&D manager" and objective.stay_years == 5
    r.update_objective(persona, TRAINING, ambitions="A board seat")
    assert persona.long_term.objectives[TRAINING].role_5y == "L&D manager"
    assert list(persona.long_term.objectives) == [CLINIC, TRAINING]  # order kept


@pytest.mark.parametrize(
    ("code", "fields", "message"),
    [
        ("99-9999.00", {"role_5y": "x"}, "not one of your directions"),
        (CLINIC, {"experience": "x" * 2001}, "2,001 characters long"),
        (CLINIC, {"own_skills": ["y" * 81]}, "81 characters. Put one skill per line"),
        (CLINIC, {"own_skills": [f"skill {i}" for i in range(31)]}, "That is 31 skills"),
        (CLINIC, {"stay_years": 60}, "0 to 50 years, not 60"),
    ],
)
def test_bad_objectives_are_refused_and_nothing_changes(
    persona: Plan, code: str, fields: dict[str, object], message: str
) -> None:
    before = persona.long_term.model_dump()
    with pytest.raises(r.ObjectiveInputError, match=message):
        r.update_objective(persona, code, **fields)
    assert persona.long_term.model_dump() == before


# --- the roadmap's data ----------------------------------------------------------------


def test_goal_span() -> None:
    dated = Goal(text="x", created=date(2026, 11, 1), due=date(2027, 3, 1))
    assert r.goal_span(dated) == (date(2026, 11, 1), date(2027, 3, 1))
    undated = Goal(text="x", created=date(2026, 11, 1), horizon_months=6)
    assert r.goal_span(undated) == (date(2026, 11, 1), date(2027, 5, 1))


def test_roadmap_of_the_persona(persona: Plan) -> None:
    items = r.roadmap_items(persona, tiny_catalog(), TODAY)
    lanes = list(dict.fromkeys(i.lane for i in items))
    assert lanes == [
        "Medical and Health Services Managers",
        "Training and Development Specialists",
        r.UNLINKED,
    ]
    clinic = [i for i in items if i.code == CLINIC]
    goals = [i for i in clinic if i.kind == "goal"]
    assert len(goals) == 5
    assert [i.end for i in goals] == sorted(i.end for i in goals)
    land = goals[-1].end  # the last clinic goal is due 30 Nov 2027
    assert land == date(2027, 11, 30)
    objectives = {i.group: i for i in clinic if i.kind == "objective"}
    assert objectives["skills"].start == land
    assert objectives["skills"].label.startswith("Build: Management of Financial Resources")
    assert objectives["stay"].end == date(2031, 11, 30)  # stays 4 years after landing
    roles = [i for i in clinic if i.group == "role"]
    assert [(i.start, i.end) for i in roles] == [
        (add_months(TODAY, 60), add_months(TODAY, 60)),
        (add_months(TODAY, 120), add_months(TODAY, 120)),
    ]
    unlinked = [i for i in items if i.lane == r.UNLINKED]
    assert [i.label for i in unlinked] == ["get better at networking"]


def test_a_direction_without_goals_lands_after_two_years(plan: Plan) -> None:
    plan.comparison.chosen = [TRAINING]
    plan.long_term.objectives = {TRAINING: Objective(role_5y="L&D manager", stay_years=3)}
    items = r.roadmap_items(plan, tiny_catalog(), TODAY)
    assert [i.lane for i in items] == ["Training and Development Specialists"] * 2
    stay = next(i for i in items if i.group == "stay")
    assert stay.start == add_months(TODAY, 24)
    assert stay.label == "Stay about 3 years in the role"


def test_dropped_goals_and_empty_plans_leave_the_roadmap_empty(plan: Plan) -> None:
    assert r.roadmap_items(plan, tiny_catalog(), TODAY) == []
    plan.short_term_goals.goals = [Goal(text="Old idea", status="dropped")]
    assert r.roadmap_items(plan, tiny_catalog(), TODAY) == []


def test_objective_for_a_shortlisted_option_gets_a_lane(plan: Plan) -> None:
    plan.exploration.options = [Option(code="custom:x", title="My own idea", custom=True)]
    plan.long_term.objectives = {"custom:x": Objective(ambitions="Open my own clinic")}
    (item,) = r.roadmap_items(plan, tiny_catalog(), TODAY)
    assert (item.lane, item.group, item.start) == (
        "My own idea",
        "ambition",
        add_months(TODAY, 120),
    )
