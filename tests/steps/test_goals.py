"""Adding and editing short-term goals safely, areas of growth, and goal suggestions."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from careerkit.catalog import SKILLS
from careerkit.catalog.tables import with_tables
from careerkit.dates import add_months, long_date, months_between
from careerkit.plan import Goal, GoalActions, Plan, Skill
from careerkit.steps.short_term import goals as g
from careerkit.steps.short_term.smart import smart_check
from tests.conftest import ROOT

TODAY = date(2026, 11, 22)
CLINIC, TRAINING = "11-9111.00", "13-1151.00"


def tiny_catalog() -> pd.DataFrame:
    """Two occupations of the persona's, with skill lists like the bundled catalogue's, and
    its tables (O*NET's skill ratings: the gaps' levels and order come from them)."""
    frame = pd.DataFrame(
        {
            "title": [
                "Medical and Health Services Managers",
                "Training and Development Specialists",
            ],
            "skills": [
                "Management of Personnel Resources;Coordination;Judgment and Decision Making;"
                "Management of Financial Resources;Speaking;Monitoring",
                "Instructing;Learning Strategies;Speaking;Active Listening;Writing;Coordination",
            ],
        },
        index=pd.Index([CLINIC, TRAINING], name="code"),
    )
    return with_tables(frame, ROOT / "data" / "catalog")


def valid(**fields: object) -> dict[str, object]:
    return {
        "text": "Pass the CAPM exam",
        "area": "Learning",
        "horizon_months": 12,
        "due": date(2027, 6, 30),
        **fields,
    }


# --- adding -------------------------------------------------------------------------


def test_add_goal_appends_a_checked_goal(plan: Plan) -> None:
    goal = g.add_goal(plan, TODAY, **valid(text="  pass the CAPM exam  ", area="learning"))
    assert plan.short_term_goals.goals == [goal]
    assert goal.text == "pass the CAPM exam"  # trimmed
    assert goal.area == "Learning"  # spelt as in the person's list
    assert goal.created == TODAY


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": ""}, "The goal is empty"),
        ({"text": "   \n "}, "The goal is empty"),
        ({"text": "x" * 2001}, "2,001 characters long; the limit is 2,000"),
        ({"area": "Hobbies"}, "'Hobbies' is not one of your areas"),
        ({"due": date(2026, 11, 21)}, "November 21, 2026 has already passed"),
        ({"due": "next june"}, "must be a date"),
        ({"horizon_months": 9}, "must be 6, 12 or 24 months, not 9"),
        ({"confidence": 7}, "rated 1 to 5, not 7"),
        ({"direction": "99-9999.00"}, "is not on your shortlist"),
        ({"status": "finished"}, "status must be one of"),
    ],
)
def test_bad_goals_are_refused_and_nothing_changes(
    persona: Plan, fields: dict[str, object], message: str
) -> None:
    before = persona.short_term_goals.model_dump()
    with pytest.raises(g.GoalInputError, match=message):
        g.add_goal(persona, TODAY, **valid(**fields))
    assert persona.short_term_goals.model_dump() == before


def test_several_problems_are_reported_together(plan: Plan) -> None:
    with pytest.raises(g.GoalInputError) as err:
        g.add_goal(plan, TODAY, **valid(text="", area="Hobbies"))
    assert "empty" in str(err.value) and "Hobbies" in str(err.value)


def test_a_goal_may_serve_a_shortlisted_direction(persona: Plan) -> None:
    goal = g.add_goal(persona, TODAY, **valid(direction="13-1071.00"))
    assert goal.direction == "13-1071.00"


# --- editing ------------------------------------------------------------------------


def test_update_goal_changes_only_what_is_asked(persona: Plan) -> None:
    goal = g.update_goal(persona, "g-net02", TODAY, text="Attend 3 networking events")
    assert goal.text == "Attend 3 networking events"
    assert goal.area == "Professional membership / networking"


def test_bad_update_leaves_the_goal_as_it_was(persona: Plan) -> None:
    before = g.find_goal(persona, "g-edu01").model_dump()
    with pytest.raises(g.GoalInputError, match="empty"):
        g.update_goal(persona, "g-edu01", TODAY, text="", measure="new measure")
    assert g.find_goal(persona, "g-edu01").model_dump() == before


def test_a_due_date_that_has_passed_since_may_stay(persona: Plan) -> None:
    later = date(2028, 1, 1)  # g-lrn01 was due April 30, 2027
    goal = g.update_goal(persona, "g-lrn01", later, measure="quiz passed")
    assert goal.measure == "quiz passed"
    with pytest.raises(g.GoalInputError, match="already passed"):
        g.update_goal(persona, "g-lrn01", later, due=date(2027, 12, 1))


def test_unknown_goal_id(persona: Plan) -> None:
    with pytest.raises(g.GoalInputError, match="no goal with id 'nope'"):
        g.update_goal(persona, "nope", TODAY, text="x")


# --- areas --------------------------------------------------------------------------


def test_add_area(plan: Plan) -> None:
    assert g.add_area(plan, "  Volunteering   abroad ") == "Volunteering abroad"
    assert plan.short_term_goals.areas[-1] == "Volunteering abroad"
    assert g.add_goal(plan, TODAY, **valid(area="Volunteering abroad")).area == (
        "Volunteering abroad"
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "name first"), ("moving", "already one of your areas"), ("x" * 61, "under 60")],
)
def test_bad_areas_are_refused(plan: Plan, name: str, message: str) -> None:
    before = list(plan.short_term_goals.areas)
    with pytest.raises(g.GoalInputError, match=message):
        g.add_area(plan, name)
    assert plan.short_term_goals.areas == before


def test_areas_without_goals(plan: Plan) -> None:
    assert g.areas_without_goals(plan) == list(plan.short_term_goals.areas)
    g.add_goal(plan, TODAY, **valid(area="Moving"))
    dropped = g.add_goal(plan, TODAY, **valid(area="Education"))
    dropped.status = "dropped"
    assert g.areas_without_goals(plan) == [
        "Education",
        "Learning",
        "Skills development",
        "Professional membership / networking",
    ]


# --- dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 11, 22), 6, date(2027, 5, 22)),
        (date(2026, 11, 22), 24, date(2028, 11, 22)),
        (date(2026, 3, 15), -3, date(2025, 12, 15)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_months_between() -> None:
    assert months_between(date(2026, 11, 1), date(2027, 3, 1)) == 4
    assert months_between(date(2026, 11, 15), date(2027, 3, 1)) == 3
    assert long_date(date(2027, 5, 3)) == "May 3, 2027"


# --- the skill gap and suggestions ---------------------------------------------------


def weak_in_finance(persona: Plan) -> Plan:
    """Maya rating Management of Financial Resources 1 of 5 (1.4 of 7), well below the
    clinic managers' O*NET level 3.62. (At her 2 of 5, 2.8, it is within a level of it:
    since the catalogue rates all 35 skills (issue 23) the gap follows O*NET's level.)"""
    persona.dream_job.skills = [
        Skill(
            name=s.name, kind=s.kind, level=1 if s.name.startswith("Management of F") else s.level
        )
        for s in persona.dream_job.skills
    ]
    return persona


def test_target_gap_counts_weak_skills(persona: Plan) -> None:
    # Maya lists Management of Financial Resources at level 1 of 5: still a gap; the two
    # skills she does not list at all come first (O*NET's importance x gap)
    gap = g.target_gap(weak_in_finance(persona), tiny_catalog(), CLINIC)
    assert gap == [
        "Monitoring",
        "Judgment and Decision Making",
        "Management of Financial Resources",
    ]
    assert g.target_gap(persona, tiny_catalog(), "custom:clinic-operations-coordinator") == []


def test_suggestions_follow_the_gap_and_pass_the_check(persona: Plan) -> None:
    persona = weak_in_finance(persona)
    drafts = g.suggest_goals(persona, tiny_catalog(), TODAY)
    texts = [d.text for d in drafts]
    # what to practice, where and how to show it, in a person's words (not O*NET's names)
    assert texts == [
        "Lead 3 decisions at work, weigh the costs and benefits of each in writing, and review "
        "them with your manager by May 22, 2027",
        "Manage one budget (a team, a project or a volunteer group) for 3 months and report "
        "how the money was spent by May 22, 2027",
    ]
    assert not [t for t in texts if any(s in t for s in SKILLS if " " in s)]
    # Monitoring (a basic skill Maya does not list) and the training specialists' Writing
    # and Learning Strategies are not suggested: nothing says her level is below theirs.
    assert [d.direction for d in drafts] == [CLINIC] * 2
    assert all(smart_check(d, persona, TODAY).passed for d in drafts)


def test_suggestions_skip_skills_a_goal_already_names(persona: Plan) -> None:
    persona = weak_in_finance(persona)
    g.add_goal(persona, TODAY, **valid(text="Take 2 courses in judgment and decision making"))
    texts = " ".join(d.text for d in g.suggest_goals(persona, tiny_catalog(), TODAY))
    assert "Lead 3 decisions" not in texts
    assert "Manage one budget" in texts  # the next skill of the gap moves up
    accepted = g.suggest_goals(persona, tiny_catalog(), TODAY)[0]
    g.add_goal(persona, TODAY, **accepted.model_dump(include={"text", "area", "due", "measure"}))
    again = " ".join(d.text for d in g.suggest_goals(persona, tiny_catalog(), TODAY))
    assert accepted.text not in again  # an accepted draft (in plain words) drops out


def test_remove_goal_refuses_a_goal_with_next_actions(persona: Plan) -> None:
    first, second = persona.short_term_goals.goals[:2]
    persona.action_plan.items.pop(first.id, None)
    assert g.remove_goal(persona, first.id) == first
    assert first not in persona.short_term_goals.goals and second in persona.short_term_goals.goals
    persona.action_plan.items[second.id] = GoalActions(people="Rosa")
    with pytest.raises(g.GoalInputError, match="set its status to dropped"):
        g.remove_goal(persona, second.id)
    assert second in persona.short_term_goals.goals


def test_no_suggestions_without_a_chosen_direction(plan: Plan) -> None:
    assert g.suggest_goals(plan, tiny_catalog(), TODAY) == []


def test_no_suggestions_when_the_person_has_every_skill(plan: Plan) -> None:
    names = "Instructing;Learning Strategies;Speaking;Active Listening;Writing;Coordination"
    plan.dream_job.skills = [Skill(name=n, level=4) for n in names.split(";")]
    plan.comparison.chosen = [TRAINING]
    assert g.suggest_goals(plan, tiny_catalog(), TODAY) == []


def test_direction_title_falls_back_to_catalogue_then_code(persona: Plan) -> None:
    assert g.direction_title(persona, CLINIC) == "Medical and Health Services Managers"
    empty = Plan()
    assert g.direction_title(empty, TRAINING, tiny_catalog()).startswith("Training")
    assert g.direction_title(empty, "custom:x") == "custom:x"


def test_known_directions(persona: Plan) -> None:
    codes = g.known_directions(persona)
    assert codes[:2] == [CLINIC, TRAINING]
    assert "custom:clinic-operations-coordinator" in codes


def test_goal_model_limit_matches() -> None:
    assert Goal.model_fields["text"].metadata[0].max_length == g.MAX_CHARS


def test_editing_a_goal_whose_direction_left_the_shortlist_is_allowed(persona) -> None:
    from careerkit.steps.short_term.goals import GoalInputError, update_goal

    goal = persona.short_term_goals.goals[0]
    goal.direction = "99-9999.00"  # an option since removed from the shortlist
    update_goal(persona, goal.id, text="Enrol in the certificate and pass 3 modules")
    assert goal.text.endswith("3 modules")
    with pytest.raises(GoalInputError, match="not on your shortlist"):
        update_goal(persona, goal.id, direction="98-9999.00")
