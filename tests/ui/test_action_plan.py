"""Notebook 06 widgets: set values as a person would, then read the plan back from disk."""

from __future__ import annotations

import base64
from datetime import date, timedelta
from pathlib import Path

import nbformat
import pandas as pd

from careerkit.dates import add_months, long_date
from careerkit.plan import Action, Goal, GoalActions, Plan
from careerkit.ui import action_plan as ui
from careerkit.ui.kit.fold import is_folded
from tests.conftest import ROOT, execute_notebook, reopen, widget_text

TODAY = date.today()


def editor(panel: ui.ActionPlanPanel, goal_id: str) -> ui.GoalActionsEditor:
    return next(e for e in panel.editors if e.goal_id == goal_id)


def test_no_goals_says_to_add_them_in_04(plan: Plan) -> None:
    panel = ui.action_plan(plan)
    assert panel.editors == []
    assert "Add goals in 04 first" in panel.children[1].value


def test_one_editor_per_goal_not_dropped(persona: Plan) -> None:
    persona.short_term_goals.goals[-1].status = "dropped"
    panel = ui.action_plan(persona)
    assert [e.goal_id for e in panel.editors] == [g.id for g in persona.short_term_goals.goals[:-1]]
    first = editor(panel, "g-edu01")
    assert first.resources["people"].value == "Aunt Rosa (nurse manager)"  # shown back
    assert [r.text.value for r in first.action_rows] == [
        "Ask HR about tuition assistance",
        "Submit the college application",
    ]


def test_adding_an_action_saves_it_and_lists_it_this_month(persona: Plan) -> None:
    panel = ui.action_plan(persona)
    edit = editor(panel, "g-net01")
    edit.new_text.value = "Email the association, ask about the student rate"
    edit.new_due.value = TODAY
    edit.add.click()
    saved = reopen(persona).action_plan.items["g-net01"].actions
    assert len(saved) == 2
    assert saved[-1] == Action(
        id=saved[-1].id, text="Email the association, ask about the student rate", due=TODAY
    )
    assert saved[-1].id != saved[0].id
    assert "Email the association, ask about the student rate" in panel.month.value
    assert edit.new_text.value == "" and len(edit.action_rows) == 2
    assert "Saved at" in panel.saver.status.value


def test_empty_text_or_a_long_past_date_is_refused_with_a_message(persona: Plan) -> None:
    panel = ui.action_plan(persona)
    edit = editor(panel, "g-edu01")
    edit.new_text.value = "   "
    edit.add.click()
    assert "Write what you will do" in edit.message.value
    edit.new_text.value = "Book the open day"
    edit.new_due.value = TODAY - timedelta(days=400)
    edit.add.click()
    assert "long past" in edit.message.value and "did you mean" in edit.message.value
    assert len(reopen(persona).action_plan.items["g-edu01"].actions) == 2  # nothing added
    assert edit.new_text.value == "Book the open day"  # what they typed is still there


def test_editing_a_saved_action_never_loses_it(persona: Plan) -> None:
    edit = editor(ui.action_plan(persona), "g-edu01")
    row = edit.action_rows[0]
    action_id = persona.action_plan.items["g-edu01"].actions[0].id
    row.text.value = ""
    assert "Not saved" in edit.message.value
    row.due.value = date(2020, 1, 1)
    assert "long past" in edit.message.value
    saved = reopen(persona).action_plan.items["g-edu01"].actions[0]
    assert saved == Action(
        id=action_id, text="Ask HR about tuition assistance", due=date(2026, 12, 5)
    )
    row.text.value = "Ask HR about tuition assistance, and the form"
    row.due.value = TODAY + timedelta(days=3)
    row.done.value = True
    assert edit.message.value == ""
    saved = reopen(persona).action_plan.items["g-edu01"].actions[0]
    assert saved == Action(  # reworded, moved and done: still the same action
        id=action_id,
        text="Ask HR about tuition assistance, and the form",
        due=TODAY + timedelta(days=3),
        done=True,
    )


def test_done_actions_leave_the_month_list(plan: Plan) -> None:
    plan.short_term_goals.goals = [Goal(id="g1", text="Finish the course")]
    plan.action_plan.items = {"g1": GoalActions(actions=[Action(text="Watch unit 3", due=TODAY)])}
    panel = ui.action_plan(plan)
    assert "Watch unit 3" in panel.month.value
    panel.editors[0].action_rows[0].done.value = True
    assert "Watch unit 3" not in panel.month.value
    assert "Nothing due in" in panel.month.value


def test_resources_and_removing_an_action(persona: Plan) -> None:
    panel = ui.action_plan(persona)
    new = editor(panel, "g-mov01")  # has no entry yet
    new.resources["people"].value = "Dana at the city clinic"
    new.resources["programs"].value = "Job shadowing day"
    item = reopen(persona).action_plan.items["g-mov01"]
    assert (item.people, item.tools, item.programs) == (
        "Dana at the city clinic",
        "",
        "Job shadowing day",
    )
    edu = editor(panel, "g-edu01")
    edu.action_rows[0].remove.click()
    assert [a.text for a in reopen(persona).action_plan.items["g-edu01"].actions] == [
        "Submit the college application"
    ]
    assert "Removed: Ask HR about tuition assistance" in edu.message.value


def test_goal_text_is_escaped_in_the_editor(plan: Plan) -> None:
    plan.short_term_goals.goals = [Goal(id="g1", text="<b>bold</b> & <script>x</script>")]
    heading = ui.action_plan(plan).editors[0].children[0].value
    assert "<script>" not in heading and "&lt;script&gt;" in heading


def test_review_frequency_saves_the_choice(persona: Plan) -> None:
    panel = ui.review_frequency(persona)
    assert panel.every.value == 12 and "November 1, 2027" in panel.next.value
    panel.every.value = 24
    assert reopen(persona).action_plan.review_every_months == 24
    assert "November 1, 2028" in panel.next.value


def test_exports_link_to_the_written_files_the_page_opening_in_a_new_tab(
    persona: Plan, catalog: pd.DataFrame, workspace: Path
) -> None:
    panel = ui.exports(persona, catalog)
    panel.button.click()
    offered = panel.files.files
    assert [(f["name"], f["mime"], f["open"]) for f in offered] == [
        ("career-plan.html", "text/html", True),  # the printable plan opens in the browser
        ("career-plan.md", "text/markdown", False),
        ("career-plan.ics", "text/calendar", False),
    ]
    for file in offered:
        assert base64.b64decode(file["data"]) == (workspace / "exports" / file["name"]).read_bytes()
    assert "new tab" in offered[0]["label"]
    assert "data:" not in panel.links.value and "<a download" not in panel.links.value
    assert panel.errors.outputs == ()
    assert "Written at" in panel.links.value and panel.took is not None


def test_exports_work_on_an_empty_plan(plan: Plan, catalog: pd.DataFrame) -> None:
    panel = ui.exports(plan, catalog)
    panel.button.click()
    assert panel.errors.outputs == ()
    assert len(panel.files.files) == 3


def test_a_broken_character_is_a_plain_message_and_keeps_the_files(
    persona: Plan, catalog: pd.DataFrame, workspace: Path
) -> None:
    panel = ui.exports(persona, catalog)
    panel.button.click()
    page = workspace / "exports" / "career-plan.html"
    before = page.read_bytes()
    persona.dream_job.vision = "Nurse \ud83d"
    panel.button.click()
    assert panel.errors.outputs == ()  # no traceback, no exception's name
    assert "broken character" in panel.links.value and "dream_job.vision" in panel.links.value
    assert page.read_bytes() == before


def test_notebook_runs_on_an_empty_plan(workspace: Path) -> None:
    state = widget_text(
        execute_notebook(nbformat.read(ROOT / "notebooks" / "06_action_plan.ipynb", 4))
    )
    assert "Add goals in 04 first" in state
    assert (workspace / "plan.json").exists()


# --- what opens folded (issue 24 §1: a step shows what to do now first) -------------------


def _goal_with_every_kind_of_action(plan: Plan) -> GoalActions:
    plan.short_term_goals.goals = [Goal(id="g1", text="Finish the course"), Goal(id="g2", text="x")]
    item = GoalActions(
        people="Aunt Rosa",
        actions=[
            Action(text="Watch unit 3", due=TODAY),
            Action(text="Book the exam", due=add_months(TODAY, 3)),
            Action(text="Buy the book", due=TODAY, done=True),
            Action(text="Find a study partner"),  # no date yet: asks for one now
            Action(text="Sit the exam", due=add_months(TODAY, 4)),
        ],
    )
    plan.action_plan.items = {"g1": item}
    return item


def test_actions_done_or_for_later_months_and_noted_help_open_folded(plan: Plan) -> None:
    _goal_with_every_kind_of_action(plan)
    panel = ui.action_plan(plan)
    edit, empty = panel.editors
    assert [row.text.value for row in edit.rows.children] == [
        "Watch unit 3",
        "Find a study partner",  # no date yet: it asks for one now
    ]
    # Below the actions of now and "Add action", one folded bar says what it holds.
    assert edit.children[-1] is edit.more and is_folded(edit.more)
    assert edit.help not in edit.children
    assert edit.more.titles == (
        "Who and what can help: 1 of 3 noted · later months: 2 actions, the first on "
        f"{long_date(add_months(TODAY, 3))} · done: 1 action",
    )
    inside = edit.more.children[0].children
    assert edit.help in inside and edit.resources["people"].value == "Aunt Rosa"
    assert [r.text.value for r in edit.later.children] == ["Book the exam", "Sit the exam"]
    assert [r.text.value for r in edit.done.children] == ["Buy the book"]
    edit.resources["tools"].value = "The course's forum"  # the bar follows
    assert edit.more.titles[0].startswith("Who and what can help: 2 of 3 noted")
    # A goal with nothing noted and no action: its resources open above, no fold.
    assert empty.help in empty.children and empty.more.layout.display == "none"
    empty.resources["tools"].value = "The course's forum"
    assert empty.help in empty.children  # typing never moves the boxes


def test_an_action_added_for_a_later_month_shows_in_the_opened_fold(plan: Plan) -> None:
    _goal_with_every_kind_of_action(plan)
    edit = ui.action_plan(plan).editors[0]
    edit.new_text.value = "Ask for the exam's old papers"
    edit.new_due.value = add_months(TODAY, 2)
    edit.add.click()
    assert not is_folded(edit.more)
    assert "Ask for the exam's old papers" in [r.text.value for r in edit.later.children]
    assert "later months: 3 actions" in edit.more.titles[0]
    edit.action_rows[0].done.value = True  # ticked: it stays where the person ticked it
    assert edit.rows.children[0] is edit.action_rows[0]
    assert reopen(plan).action_plan.items["g1"].actions[0].done
