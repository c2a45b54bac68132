"""Notebook 04's widgets: set values as a person would, then check the plan on disk."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import ipywidgets as w
import pytest
from matplotlib.figure import Figure

from careerkit.plan import Plan
from careerkit.report import charts
from careerkit.ui import short_term as ui
from careerkit.ui.kit import kernel
from tests.conftest import ROOT, reopen
from tests.steps.test_goals import CLINIC, tiny_catalog, weak_in_finance

FUTURE = date.today() + timedelta(days=120)
NOTEBOOK = ROOT / "notebooks" / "04_short_term.ipynb"


def row_of(editor: ui.GoalEditor, goal_id: str) -> ui.GoalRow:
    return next(row for row in editor.rows.children if row.goal_id == goal_id)


def saved_goal(plan: Plan, goal_id: str):
    return next(goal for goal in reopen(plan).short_term_goals.goals if goal.id == goal_id)


def no_errors(*outputs) -> bool:
    return all(not out.outputs for out in outputs)


# --- the editor -----------------------------------------------------------------------


def test_editor_shows_the_saved_goals(persona: Plan) -> None:
    editor = ui.goal_editor(persona, tiny_catalog())
    assert [row.goal_id for row in editor.rows.children][:2] == ["g-edu01", "g-lrn01"]
    assert "Every area of growth has a goal" in editor.coverage.value
    vague = row_of(editor, "g-net02")
    assert vague.fields.text.value == "get better at networking"
    shown = vague.fields.smart.value
    assert "S.M.A.R.T.: 2 of 5 pass" in shown and "· · A R ·" not in shown  # said once
    # each letter is named with its verdict for screen readers
    assert 'role="img" aria-label="Measurable: no number or deliverable to measure' in shown
    assert "no number or deliverable to measure" in vague.fields.smart.value


def test_done_and_dropped_goals_open_folded_under_their_words(persona: Plan) -> None:
    goals = persona.short_term_goals.goals
    goals[0].status, goals[1].status = "done", "dropped"
    goals[0].text = "Enroll in the  certificate and pass 2 modules"  # its spaces folded
    goals[1].text = "Complete an online course " + "on medical terminology " * 5
    editor = ui.goal_editor(persona, tiny_catalog())
    done, dropped = (row_of(editor, goal.id) for goal in goals[:2])
    assert isinstance(done.children[0], w.Accordion) and done.children[0].selected_index is None
    assert done.children[0].titles == ("Done: Enroll in the certificate and pass 2 modules",)
    title = dropped.children[0].titles[0]
    assert title.startswith("Dropped: Complete an online course") and title.endswith("…")
    assert len(title) <= len("Dropped: ") + ui.TITLE_CHARS
    still = row_of(editor, goals[2].id)  # in progress or not started: open as before
    assert not any(isinstance(child, w.Accordion) for child in still.children)
    dropped.fields.text.value = "Complete an online course on medical terminology"  # editable
    assert saved_goal(persona, goals[1].id).text == dropped.fields.text.value


def test_editing_a_goal_saves_it_and_rechecks_it_live(persona: Plan) -> None:
    editor = ui.goal_editor(persona, tiny_catalog())
    row = row_of(editor, "g-net02")
    row.fields.text.value = "Attend 4 meetings of the healthcare managers' network"
    assert "no number or deliverable" not in row.fields.smart.value
    assert "no due date" in row.fields.smart.value
    row.fields.due.value = FUTURE
    row.fields.direction.value = CLINIC
    row.fields.confidence.value = 4
    assert "all five pass" in row.fields.smart.value
    saved = saved_goal(persona, "g-net02")
    assert saved.text == "Attend 4 meetings of the healthcare managers' network"
    assert (saved.due, saved.direction, saved.confidence) == (FUTURE, CLINIC, 4)
    assert "Saved at" in editor.saver.status.value
    assert no_errors(editor.out, row.out)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("text", "", "The goal is empty"),
        ("text", "x" * 2001, "the limit is 2,000"),
        ("due", date(2020, 1, 1), "has already passed"),
    ],
)
def test_bad_edits_are_not_saved(persona: Plan, field: str, value: object, message: str) -> None:
    before = saved_goal(persona, "g-edu01")
    row = row_of(ui.goal_editor(persona, tiny_catalog()), "g-edu01")
    getattr(row.fields, field).value = value
    assert "Not saved" in row.fields.message.value and message in row.fields.message.value
    assert saved_goal(persona, "g-edu01") == before
    row.fields.measure.value = "2 modules passed, with notes"  # later edits still save...
    assert saved_goal(persona, "g-edu01") == before  # ...only once the whole goal is valid


def test_a_new_goal_form_is_not_checked_before_anything_is_typed(plan: Plan) -> None:
    form = ui.goal_editor(plan, tiny_catalog()).form
    assert "S.M.A.R.T. not checked yet" in form.smart.value
    assert "✗" not in form.smart.value and "✓" not in form.smart.value  # no verdict at all
    form.due.value = FUTURE  # other fields first: still nothing to check
    assert "not checked yet" in form.smart.value and "✗" not in form.smart.value
    form.text.value = "Pass PMP exam"
    assert "not checked yet" not in form.smart.value
    assert "S ✓" in form.smart.value and "M ✓" in form.smart.value
    form.text.value = "   "  # cleared again
    assert "not checked yet" in form.smart.value


def test_adding_a_goal(plan: Plan) -> None:
    editor = ui.goal_editor(plan, tiny_catalog())
    assert "Choose a direction in 03" in editor.direction_note.value
    assert "No goal yet in: Education, Learning" in editor.coverage.value
    form = editor.form
    form.text.value = "be successful"
    assert "no concrete action" in form.smart.value  # the check follows the typing
    form.text.value = "enrol in the evening certificate in health admin and pass 2 modules"
    form.horizon.value, form.due.value, form.measure.value = 6, FUTURE, "2 modules passed"
    editor.add_button.click()
    (goal,) = reopen(plan).short_term_goals.goals
    assert goal.text.startswith("enrol in the evening certificate")
    assert (goal.area, goal.horizon_months, goal.due) == ("Education", 6, FUTURE)
    assert "Added to Education" in form.message.value
    assert form.text.value == "" and form.area.value == "Learning"  # ready for the next one
    assert "not checked yet" in form.smart.value and "✗" not in form.smart.value
    assert len(editor.rows.children) == 1
    assert "Education" not in editor.coverage.value
    assert no_errors(editor.out)


@pytest.mark.parametrize(
    ("text", "due", "message"),
    [("", None, "The goal is empty"), ("Pass the CAPM exam", date(2020, 1, 1), "already passed")],
)
def test_bad_new_goals_are_not_added(plan: Plan, text: str, due: date, message: str) -> None:
    editor = ui.goal_editor(plan, tiny_catalog())
    editor.form.text.value, editor.form.due.value = text, due
    editor.add_button.click()
    assert "Not added" in editor.form.message.value and message in editor.form.message.value
    assert reopen(plan).short_term_goals.goals == []
    assert editor.form.text.value == text  # what they typed is still there to fix


def test_adding_an_area(persona: Plan) -> None:
    editor = ui.goal_editor(persona, tiny_catalog())
    editor.new_area.value = "Volunteering"
    editor.add_area_button.click()
    assert reopen(persona).short_term_goals.areas[-1] == "Volunteering"
    assert "Volunteering" in editor.form.area.options
    assert "Volunteering" in editor.rows.children[0].fields.area.options
    assert "No goal yet in: Volunteering" in editor.coverage.value
    assert row_of(editor, "g-edu01").fields.area.value == "Education"  # unchanged
    editor.new_area.value = "volunteering"
    editor.add_area_button.click()
    assert "already one of your areas" in editor.area_message.value
    assert reopen(persona).short_term_goals.areas.count("Volunteering") == 1


# --- suggestions ------------------------------------------------------------------------


def test_accepting_a_suggestion(persona: Plan) -> None:
    persona = weak_in_finance(persona)  # 1 of 5: well below the clinic managers' level
    editor = ui.goal_editor(persona, tiny_catalog())
    panel = ui.suggestions(persona, tiny_catalog(), editor)
    assert len(panel.buttons) == 2  # only skills where the target's level is clearly above
    panel.buttons[1].click()
    saved = reopen(persona).short_term_goals.goals[-1]
    assert saved.text.startswith("Manage one budget")
    assert saved.direction == CLINIC
    assert editor.rows.children[-1].goal_id == saved.id
    assert panel.buttons[1].disabled and panel.buttons[1].description == "Added"
    assert no_errors(panel.out, editor.out)


def test_suggestions_ask_for_a_direction_first(plan: Plan) -> None:
    panel = ui.suggestions(plan, tiny_catalog())
    assert "Choose a direction in 03 first" in panel.notice.value
    assert panel.buttons == []


# --- the timeline -----------------------------------------------------------------------


def test_timeline_chart(persona: Plan, plan: Plan) -> None:
    fig = charts.timeline_chart(reopen(persona))
    assert isinstance(fig, Figure)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[:2] == ["Education", "Learning"]
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "get better at networking" in texts


def test_timeline_of_an_empty_plan_says_what_is_missing(plan: Plan) -> None:
    fig = charts.timeline_chart(plan)
    assert [t.get_text() for t in fig.axes[0].texts].count("no goal yet") == 5


def test_timeline_widget_shows_an_image(persona: Plan) -> None:
    chart = ui.timeline(persona)
    assert "image/png" in chart.out.outputs[0]["data"] and no_errors(chart.errors)
    assert not [c for c in chart.children if isinstance(c, w.Button)]  # no Redraw to press
    # Drawn for a phone as well (shown by the theme's phone layout), its text 10 pt.
    shown = chart.out.outputs[0]["data"]["text/html"]
    assert 'class="ck-chart-narrow"' in shown and 'data-text-px="13.3"' in shown


def image(chart: w.VBox) -> bytes:
    return chart.out.outputs[0]["data"]["image/png"]


def test_timeline_follows_the_editor_by_itself(plan: Plan) -> None:
    editor, timeline = ui.goal_editor(plan, tiny_catalog()), ui.timeline(plan)
    empty = image(timeline)  # every area says "no goal yet"
    goal = editor.add(text="Pass the CAPM exam with 70% or more", area="Education", due=FUTURE)
    assert goal is not None and image(timeline) != empty
    added = image(timeline)
    row_of(editor, goal.id).fields.horizon.value = 6  # an edit in a goal's row
    assert image(timeline) != added and no_errors(timeline.errors)


def test_goal_rows_wrap_when_the_notebook_is_narrow(persona: Plan) -> None:
    editor = ui.goal_editor(persona, tiny_catalog())
    row = editor.rows.children[0]
    boxes = [b for b in row.children[0].children if isinstance(b, w.HBox)]
    assert boxes and all(b.layout.flex_flow == "row wrap" for b in boxes)  # Status stays seen
    assert row.fields.status in boxes[0].children
    assert all(not str(f.layout.width).endswith("%") for b in boxes for f in b.children)


def test_removing_a_goal_asks_first_then_saves_and_keeps_the_others(persona: Plan) -> None:
    editor, timeline = ui.goal_editor(persona, tiny_catalog()), ui.timeline(persona)
    before, drawn = [x.id for x in persona.short_term_goals.goals], image(timeline)
    row = row_of(editor, "g-net02")
    row.remove_button.click()
    assert "Remove this goal for good?" in row.confirm.children[0].value
    assert [x.id for x in reopen(persona).short_term_goals.goals] == before  # only asked
    keep = row.confirm.children[2]
    keep.click()
    assert row.confirm.children == () and row in editor.rows.children
    row.remove_button.click()
    row.confirm.children[1].click()  # "Yes, remove it"
    assert [x.id for x in reopen(persona).short_term_goals.goals] == [
        x for x in before if x != "g-net02"
    ]
    assert row not in editor.rows.children and "Removed the goal" in editor.removed.value
    assert image(timeline) != drawn and no_errors(editor.out, row.out)


def test_a_goal_with_next_actions_is_kept_and_the_message_says_why(persona: Plan) -> None:
    editor = ui.goal_editor(persona, tiny_catalog())
    row = row_of(editor, "g-edu01")
    row.remove_button.click()
    row.confirm.children[1].click()
    assert "set its status to dropped" in row.confirm.children[0].value
    assert "g-edu01" in [x.id for x in reopen(persona).short_term_goals.goals]
    assert row in editor.rows.children


# --- speed --------------------------------------------------------------------------


def test_typing_in_a_kernel_saves_once_typing_pauses(persona: Plan, monkeypatch) -> None:
    """Keystrokes as in a kernel: checked each time, saved after the pause (debounced)."""
    monkeypatch.setattr(kernel, "kernel_loop", asyncio.get_running_loop)
    editor = ui.goal_editor(persona, tiny_catalog())
    row = row_of(editor, "g-net02")
    words = "Attend 4 meetings of the regional healthcare managers network and speak once"

    async def type_it() -> str:
        for i in [*range(20, len(words), 3), len(words)]:
            row.fields.text.value = words[:i]
        on_disk_while_typing = saved_goal(persona, "g-net02").text
        editor.saver.flush()
        return on_disk_while_typing

    assert asyncio.run(type_it()) == "get better at networking"  # nothing saved mid-word
    assert saved_goal(persona, "g-net02").text == words


# --- issue 24 §6: a date written in the goal is offered as its due date ----------------

NEXT_YEAR = date.today().year + 1


def test_a_date_in_the_goal_is_offered_never_set_silently(plan: Plan) -> None:
    editor = ui.goal_editor(plan, tiny_catalog())
    form = editor.form
    form.text.value = f"Pass the CAPM exam by June 30, {NEXT_YEAR}"
    assert form.due.value is None  # offered, not set
    assert form.offer.children == (form.use_date,)
    assert form.use_date.description == f"Set the due date to June 30, {NEXT_YEAR}"
    assert "T ✓" in form.smart.value and f"by June 30, {NEXT_YEAR}" in form.smart.value
    form.use_date.click()
    assert form.due.value == date(NEXT_YEAR, 6, 30)
    assert form.offer.children == ()  # nothing left to offer
    form.text.value = f"Pass the CAPM exam next Friday, or by June 30, {NEXT_YEAR}"
    assert form.due.value == date(NEXT_YEAR, 6, 30) and form.offer.children == ()
    form.text.value = "Pass the CAPM exam next Friday"  # a date set stays set
    assert form.due.value == date(NEXT_YEAR, 6, 30) and form.offer.children == ()
    editor.add_button.click()
    (goal,) = reopen(plan).short_term_goals.goals
    assert goal.due == date(NEXT_YEAR, 6, 30)
    assert no_errors(editor.out)


def test_an_unclear_date_in_the_goal_is_said_so_and_not_offered(plan: Plan) -> None:
    form = ui.goal_editor(plan, tiny_catalog()).form
    form.text.value = "Pass the CAPM exam next Friday"
    assert form.offer.children == () and form.due.value is None
    assert "could mean this coming Friday or the one after" in form.smart.value
    form.text.value = f"Pass the CAPM exam by 30/06/{NEXT_YEAR}"
    assert form.offer.children == () and "not a date in U.S. order" in form.smart.value


def test_a_saved_goal_keeps_its_date_until_the_person_takes_the_written_one(
    persona: Plan,
) -> None:
    editor = ui.goal_editor(persona, tiny_catalog())
    row = editor.rows.children[0]
    before = row.fields.due.value
    row.fields.text.value = f"Pass the CAPM exam by the end of March {NEXT_YEAR + 1}"
    assert row.fields.due.value == before
    assert saved_goal(persona, row.goal_id).due == before  # the text is saved, not the date
    assert row.fields.use_date.description == (f"Change the due date to March 31, {NEXT_YEAR + 1}")
    row.fields.use_date.click()
    assert saved_goal(persona, row.goal_id).due == date(NEXT_YEAR + 1, 3, 31)
    assert no_errors(row.out)
