"""Notebook 07 widgets: set values as a person would, then read the plan back from disk."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import ipywidgets as w
import nbformat

from careerkit.dates import long_date
from careerkit.plan import Goal, Plan, Review, history
from careerkit.steps.interests import load_items
from careerkit.ui import review as ui
from careerkit.ui.kit.fields import CHOICE_CLASS, CHOICE_CSS
from tests.conftest import ROOT, execute_notebook, reopen, widget_text

TODAY = date.today()


def row(panel: ui.ProgressPanel, goal_id: str) -> ui.GoalProgress:
    return next(r for r in panel.rows if r.goal_id == goal_id)


def goal_on_disk(plan: Plan, goal_id: str) -> Goal:
    return next(g for g in reopen(plan).short_term_goals.goals if g.id == goal_id)


# --- progress ---------------------------------------------------------------------------------


def test_progress_without_goals_says_to_add_them_in_04(plan: Plan) -> None:
    panel = ui.progress(plan)
    assert panel.rows == [] and "Add goals in 04 first" in panel.children[0].value
    assert panel.chart.layout.display == "none"


def test_status_and_percent_are_saved_and_kept_consistent(persona: Plan) -> None:
    panel = ui.progress(persona)
    assert bytes(panel.chart.value).startswith(b"\x89PNG")
    assert bytes(panel.chart.narrow).startswith(b"\x89PNG")  # drawn for a phone too
    edu = row(panel, "g-edu01")
    assert (edu.status.value, edu.percent.value) == ("in progress", 20)  # shown back
    edu.status.value = "done"
    assert edu.percent.value == 100
    assert goal_on_disk(persona, "g-edu01").status == "done"
    lrn = row(panel, "g-lrn01")
    before, narrow = panel.chart.value, panel.chart.narrow
    lrn.percent.value = 40
    saved = goal_on_disk(persona, "g-lrn01")
    assert (saved.status, saved.percent) == ("in progress", 40)
    assert lrn.status.value == "in progress"
    assert panel.chart.value != before  # redrawn
    assert panel.chart.narrow != narrow  # the phone's drawing too


def test_dropping_waits_for_a_reason(persona: Plan) -> None:
    net = row(ui.progress(persona), "g-net02")
    assert net.reason.layout.display == "none"
    net.status.value = "dropped"
    assert "reason" in net.message.value and net.reason.layout.display == ""
    assert net.status.value == "dropped"  # still picked, waiting for the reason
    assert goal_on_disk(persona, "g-net02").status == "not started"  # not dropped without one
    net.reason.value = "Replaced by the association goal"
    saved = goal_on_disk(persona, "g-net02")
    assert (saved.status, saved.drop_reason) == ("dropped", "Replaced by the association goal")
    assert net.message.value == ""
    net.status.value = "in progress"  # taken up again
    assert goal_on_disk(persona, "g-net02").drop_reason == ""
    assert net.reason.layout.display == "none"


# --- review entry -------------------------------------------------------------------------------


def test_todays_review_is_appended_once_and_shows_the_next_date(persona: Plan) -> None:
    panel = ui.review_entry(persona)
    assert "Review of November 1, 2026" in panel.earlier.value
    panel.answers["went_well"].value = "Passed module 1 & <b>met</b> Rosa"
    panel.answers["adjust"].value = "Move the visit goal to spring"
    reviews = reopen(persona).reviews
    assert len(reviews) == 2
    assert reviews[-1] == Review(
        id=reviews[-1].id,  # made when the first answer was typed
        reviewed=TODAY,
        went_well="Passed module 1 & <b>met</b> Rosa",
        adjust="Move the visit goal to spring",
    )
    next_year = TODAY.replace(year=TODAY.year + 1) if TODAY.month != 2 else TODAY + timedelta(365)
    assert long_date(next_year) in panel.next.value
    again = ui.review_entry(reopen(persona))  # reopened: today's answers shown back
    assert again.answers["went_well"].value == "Passed module 1 & <b>met</b> Rosa"
    assert "Passed module 1" not in again.earlier.value  # today's is not an earlier one


def test_clearing_todays_review_keeps_no_empty_entry(persona: Plan) -> None:
    panel = ui.review_entry(persona)
    panel.answers["changed"].value = "New manager"
    panel.answers["changed"].value = ""
    assert [r.reviewed for r in reopen(persona).reviews] == [date(2026, 11, 1)]


def test_review_reminder_on_a_new_plan(plan: Plan) -> None:
    panel = ui.review_entry(plan)
    assert "after you started your plan" in panel.next.value
    assert "No earlier reviews yet" in panel.earlier.value


def test_earlier_reviews_are_escaped(plan: Plan) -> None:
    plan.reviews = [Review(reviewed=date(2026, 1, 5), went_well="<script>alert(1)</script>")]
    text = ui.earlier_reviews_html(plan)
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_earlier_reviews_are_folded_under_a_summary(plan: Plan) -> None:
    plan.reviews = [Review(reviewed=date(2026, 1, 5)), Review(reviewed=date(2026, 6, 1))]
    text = ui.earlier_reviews_html(plan, today=date(2026, 12, 1))
    assert text.startswith("<details><summary>") and " open" not in text.split(">")[0]
    assert "Earlier reviews (2; the last on June 1, 2026)" in text


# --- changes since an earlier version ------------------------------------------------------------


def test_changes_since_lists_what_happened(persona: Plan) -> None:
    panel = ui.changes_since(persona)
    assert panel.when.options == () and "No earlier versions yet" in panel.result.value
    progress = ui.progress(persona)
    row(progress, "g-edu01").status.value = "done"
    persona.exploration.options[3].dropped = True
    persona.exploration.options[3].drop_reason = "Needs a <master's> degree"
    persona.save("exploration")
    assert history(persona.path)
    panel.refresh.click()
    assert len(panel.when.options) == 1
    assert panel.when.options[0][0].endswith(", when you started")  # chosen by default
    assert panel.when.value == panel.when.options[0][1]
    text = panel.result.value
    assert "status in progress → done" in text and "completed" in text
    assert "Option dropped: Educational, Guidance" in text
    assert "&lt;master&#x27;s&gt;" in text  # the person's words, escaped


def test_changes_html_groups_by_section() -> None:
    changes = [
        ui.Change("added", "Shortlist", "New option: A"),
        ui.Change("removed", "Shortlist", "Option removed: B"),
        ui.Change("completed", "Short-term goals", "Goal 'x': status in progress → done"),
    ]
    text = ui.changes_html(changes)
    assert text.count("<ul>") == 2 and text.count("<li>") == 3
    assert text.index("<b>Shortlist</b>") < text.index("<b>Short-term goals</b>")
    assert "Nothing changed" in ui.changes_html([])


# --- interests retaken ---------------------------------------------------------------------------


def test_retaking_the_interest_profile_shows_how_it_moved(persona: Plan) -> None:
    box = ui.interests(persona)
    quiz, shift = box.children[0], box.children[2]
    assert "Take it again" in shift.text.value and shift.chart.layout.display == "none"
    quiz.retake_button.click()
    assert "Answer the activities above" in shift.text.value
    items = load_items()
    for item, theme in items["theme"].items():  # now likes investigative things most
        quiz.toggles[item].value = 2 if theme in "IS" else 0
    assert reopen(persona).dream_job.interest_history[-1].code == "SEC"
    assert "Investigative rose" in shift.text.value
    assert "Enterprising fell" in shift.text.value
    assert shift.chart.layout.display == "" and bytes(shift.chart.value).startswith(b"\x89PNG")


def test_the_finished_questionnaire_is_folded_until_taken_again(persona: Plan) -> None:
    answers = dict(persona.dream_job.interests.answers)
    box = ui.interests(persona)
    quiz = box.children[0]
    # Old answers not editable by a stray click; the 36 questions are not even built.
    assert quiz.questions.children == () and quiz.toggles == {}
    assert "Take it again" in quiz.notice.value and "Your interest code" in quiz.result.value
    assert f"<b>{len(answers)} of 36</b>" in quiz.progress.value
    quiz.retake_button.click()
    assert len(quiz.toggles) == 36 and quiz.toggles["R01"] in quiz.questions.children[1].children
    assert all(CHOICE_CLASS in t._dom_classes for t in quiz.toggles.values())  # they stand out
    assert CHOICE_CSS in [c.value for c in quiz.children if isinstance(c, w.HTML)]
    assert all(t.value is None for t in quiz.toggles.values())
    assert reopen(persona).dream_job.interest_history[-1].answers == answers


def test_interests_on_a_new_plan_point_to_01(plan: Plan) -> None:
    shift = ui.interests(plan).children[2]
    assert "Take the interest profile in 01 first" in shift.text.value


def test_notebook_runs_on_an_empty_plan(workspace: Path) -> None:
    state = widget_text(execute_notebook(nbformat.read(ROOT / "notebooks" / "07_review.ipynb", 4)))
    assert "Add goals in 04 first" in state
    assert "No earlier versions yet" in state
    assert "Take the interest profile in 01 first" in state


def test_todays_review_in_two_tabs_keeps_both_answers_after_reload(plan: Plan) -> None:
    """Tab A answers one question, tab B another and presses "Reload my plan": one review
    with both answers, and the status line says so truthfully (issue 21, part 1)."""
    first, second = ui.review_entry(reopen(plan)), ui.review_entry(reopen(plan))
    first.answers["went_well"].value = "Finished the course"
    second.answers["changed"].value = "New manager"
    status = second.saver.status
    assert "Not saved" in status.value and status.reload.layout.display != "none"

    status.reload.click()
    reviews = reopen(plan).reviews
    assert [(r.reviewed, r.went_well, r.changed) for r in reviews] == [
        (TODAY, "Finished the course", "New manager")
    ]
    assert "answers and yours" in status.value
    assert "both changed" not in status.value  # no clash: nothing was dropped
    again = ui.review_entry(reopen(plan))  # both answers shown back in today's review
    assert again.answers["went_well"].value == "Finished the course"
    assert again.answers["changed"].value == "New manager"


def test_a_reload_with_a_clash_does_not_claim_both_were_kept(plan: Plan) -> None:
    first, second = ui.review_entry(reopen(plan)), ui.review_entry(reopen(plan))
    first.answers["went_well"].value = "Typed in tab A"
    second.answers["went_well"].value = "Typed in tab B"
    second.saver.status.reload.click()
    assert reopen(plan).reviews[-1].went_well == "Typed in tab B"
    said = second.saver.status.value
    assert "answers and yours, except where both changed the same answer" in said
    assert "went_well" in said and "history folder" in said
