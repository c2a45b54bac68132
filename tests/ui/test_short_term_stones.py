"""A job on the way (issue 23 §3): 04 offers a stepping stone as a short-term goal the
person edits and adds (a normal goal, never replacing one), and 05's roadmap shows it."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from matplotlib.patches import Rectangle

from careerkit import paths
from careerkit.plan import Goal, PastJob, Plan
from careerkit.report import charts
from careerkit.steps import long_term
from careerkit.steps import stepping_stones as ss
from careerkit.steps.short_term.smart import smart_check
from careerkit.ui import short_term
from careerkit.ui.short_term_stones import JobOnTheWay
from tests.conftest import reopen
from tests.report.test_chart_fit import check_legends

RETAIL, NURSE, TRAINER, LPN = "41-1011.00", "29-1141.00", "13-1151.00", "29-2061.00"
TODAY = date(2026, 12, 7)


@pytest.fixture
def retail(persona: Plan) -> Plan:
    persona.dream_job.past_jobs = [PastJob(code=RETAIL, title="Store supervisor", years=6)]
    persona.comparison.chosen = [NURSE, TRAINER]
    persona.save("dream_job", "comparison")
    return persona


def test_a_draft_names_the_stone_and_the_skills_to_build(
    retail: Plan, catalog: pd.DataFrame
) -> None:
    drafts = ss.stone_drafts(retail, catalog, [], TODAY)
    first = drafts[0]
    stones = ss.stepping_stones(NURSE, [RETAIL], catalog, coach_paths=[])
    row = stones.iloc[0]
    assert (first.direction, first.stone) == (NURSE, row["code"]) == (NURSE, LPN)
    assert first.text.startswith(f"Get a job as {catalog.at[LPN, 'title']} (a step toward")
    assert "watching gauges and displays" in first.text  # Operations Monitoring, plainly
    assert first.due == date(2028, 12, 7) and first.horizon_months == 24
    assert first.area in retail.short_term_goals.areas
    assert {d.direction for d in drafts} == {NURSE, TRAINER}
    assert all(smart_check(d, retail, TODAY).passed for d in drafts)


def test_a_stone_already_a_goal_is_not_offered_again(retail: Plan, catalog: pd.DataFrame) -> None:
    first = ss.stone_drafts(retail, catalog, [], TODAY)[0]
    retail.short_term_goals.goals.append(first.model_copy(update={"text": "My own words"}))
    again = ss.stone_drafts(retail, catalog, [], TODAY)
    assert (NURSE, LPN) not in {(d.direction, d.stone) for d in again}
    retail.short_term_goals.goals[-1].status = "dropped"  # dropped: offered again
    assert (NURSE, LPN) in {
        (d.direction, d.stone) for d in ss.stone_drafts(retail, catalog, [], TODAY)
    }


def test_04_adds_the_edited_job_on_the_way_as_a_new_goal(
    retail: Plan, catalog: pd.DataFrame
) -> None:
    editor = short_term.goal_editor(retail, catalog, TODAY)
    shown = short_term.suggestions(retail, catalog, editor, TODAY)
    offer = shown.children[-1]
    assert isinstance(offer, JobOnTheWay) and offer.drafts
    before = [g.model_dump() for g in retail.short_term_goals.goals]
    offer.texts[0].value = "Work as an LPN at City Hospital by December 2028, on nights"
    goal = offer.accept(0)
    assert goal is not None and goal.stone == LPN and goal.direction == NURSE
    assert offer.buttons[0].disabled and offer.buttons[0].description == "Added"
    goals = reopen(retail).short_term_goals.goals
    assert [g.model_dump() for g in goals[:-1]] == before  # none replaced
    assert goals[-1].text == "Work as an LPN at City Hospital by December 2028, on nights"
    assert goals[-1].stone == LPN
    assert len(editor.rows.children) == len(goals)
    row = editor.rows.children[-1]
    row.fields.text.value = "Work as an LPN at City Hospital by December 2028, nights or days"
    edited = reopen(retail).short_term_goals.goals[-1]
    assert edited.text.endswith("nights or days") and edited.stone == LPN  # still the stone


def test_04_says_why_there_is_no_job_on_the_way(persona: Plan, catalog: pd.DataFrame) -> None:
    persona.dream_job.past_jobs = []  # the sample persona lists two; this person none yet
    offer = short_term.suggestions(persona, catalog, today=TODAY).children[-1]
    assert not offer.drafts
    assert "add the jobs you have done in 01" in offer.children[1].value


def test_05_roadmap_shows_a_job_on_the_way_as_a_step(retail: Plan, catalog: pd.DataFrame) -> None:
    retail.short_term_goals.goals.append(ss.stone_drafts(retail, catalog, [], TODAY)[0])
    items = long_term.roadmap_items(retail, catalog, TODAY)
    stone = [i for i in items if i.group == long_term.STONE]
    assert len(stone) == 1 and stone[0].kind == "goal" and stone[0].code == NURSE
    assert stone[0].label.startswith(f"Job on the way: {catalog.at[LPN, 'title']}. Get a job")
    assert stone[0].end == date(2028, 12, 7)
    fig = charts.roadmap_chart(retail, catalog, TODAY)
    ax = fig.axes[0]
    crossed = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_hatch() == "++"]
    assert len(crossed) == 1
    assert "job on the way" in [t.get_text() for t in fig.legends[0].get_texts()]
    check_legends(fig)
    texts = " ".join(t.get_text() for t in ax.texts).replace("\n", " ")
    assert "Job on the way:" in texts


def test_a_goal_without_a_stone_keeps_its_area_on_the_roadmap(persona: Plan) -> None:
    goal = Goal(text="Join a club", area="Learning", direction="", created=TODAY)
    assert long_term._goal_label(goal, None) == ("Join a club", "Learning")


def test_04_names_a_bad_coach_file_and_still_offers_the_rules_stones(
    retail: Plan, catalog: pd.DataFrame, workspace
) -> None:
    (workspace / paths.WORKSHOP_FILE).write_text("[workshop]\n")
    file = workspace / paths.STEPPING_STONES_FILE
    file.write_text("from,target\n")
    offer = JobOnTheWay(retail, catalog, lambda **_: None, lambda: "", TODAY)
    assert f"{file}, line 1" in offer.children[1].value
    assert offer.drafts and offer.drafts[0].stone == LPN
