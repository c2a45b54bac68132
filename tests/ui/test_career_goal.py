"""05's "A career goal you can say" panel: set values and press buttons as a person would,
then check the plan on disk."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd

from careerkit.plan import Plan
from careerkit.steps import career_goal as rules
from careerkit.ui import career_goal as ui
from careerkit.ui import long_term
from careerkit.ui.kit.fold import is_folded
from tests.conftest import ROOT, execute_notebook, reopen, widget_text
from tests.steps.test_career_goal import nurse_to_be

NOTEBOOK = ROOT / "notebooks" / "05_long_term.ipynb"


def shown(widget: ui.Offer) -> bool:
    return widget.layout.display != "none"


def test_drafting_fills_both_boxes_and_saves(persona: Plan, catalog: pd.DataFrame) -> None:
    plan = nurse_to_be(persona, catalog)
    plan.save()
    panel = ui.panel(plan, catalog)
    assert panel.boxes["interview"].value == panel.boxes["objective"].value == ""
    panel.draft_button.click()
    drafts = rules.draft(plan, catalog)
    assert panel.boxes["interview"].value == drafts.interview
    assert panel.boxes["objective"].value == drafts.objective
    assert "Clear and concrete" in panel.checks["interview"].value
    assert not shown(panel.offers["interview"]) and not shown(panel.offers["objective"])
    panel.saver.flush()
    saved = reopen(plan).long_term.career_goal
    assert (saved.interview, saved.objective) == (drafts.interview, drafts.objective)
    assert not panel.out.outputs


def test_a_redraft_shows_the_draft_beside_the_persons_text(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    plan = nurse_to_be(persona, catalog)
    panel = ui.panel(plan, catalog)
    panel.draft_button.click()
    mine = "Store supervisor moving into nursing, seeking a role as a registered nurse."
    panel.boxes["objective"].value = mine
    plan.dream_job.past_jobs[0].years = 8
    panel.draft_button.click()
    assert panel.boxes["objective"].value == mine  # never overwritten
    assert shown(panel.offers["objective"]) and "8 years" in panel.offers["objective"].text
    assert "Your own text is kept" in panel.message.value
    assert "Eight years as a retail sales supervisor" in panel.boxes["interview"].value
    panel.offers["objective"].keep.click()
    assert not shown(panel.offers["objective"]) and panel.boxes["objective"].value == mine
    panel.saver.flush()
    assert reopen(plan).long_term.career_goal.objective == mine
    panel.draft_button.click()
    panel.offers["objective"].use.click()
    assert panel.boxes["objective"].value.startswith("Retail sales supervisor with 8 years")
    panel.saver.flush()
    assert reopen(plan).long_term.career_goal.objective.startswith("Retail sales supervisor")


def test_typing_is_checked_and_saved(plan: Plan, catalog: pd.DataFrame) -> None:
    panel = ui.panel(plan, catalog)
    assert "No direction chosen yet: choose one in 03" in panel.notice.value
    panel.boxes["interview"].value = "In five years I want to be successful somewhere."
    assert "&#x27;successful&#x27; is vague" in panel.checks["interview"].value
    assert "name the place, or the kind of place" in panel.checks["interview"].value
    panel.boxes["objective"].value = "x" * 400
    assert "Not saved" in panel.message.value and "keep it under 300" in panel.message.value
    panel.saver.flush()
    saved = reopen(plan).long_term.career_goal
    assert saved.interview == "In five years I want to be successful somewhere."
    assert saved.objective == ""


def test_two_chosen_directions_offer_a_choice(persona: Plan, catalog: pd.DataFrame) -> None:
    panel = ui.panel(persona, catalog)  # the persona chose two
    assert panel.direction.layout.display != "none"
    panel.direction.value = "13-1151.00"
    panel.draft_button.click()
    assert "training and development specialist" in panel.boxes["interview"].value


def test_notebook_05_shows_the_panel(persona: Plan, workspace: Path) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    execute_notebook(nb)
    assert "Draft from my answers" in widget_text(nb)


def test_it_saves_beside_the_objectives_panel(persona: Plan, catalog: pd.DataFrame) -> None:
    objectives = long_term.objectives(persona, catalog)
    panel = ui.panel(persona, catalog)
    objectives.role_5y.value = "Clinic operations manager"
    panel.boxes["objective"].value = "Store supervisor seeking a clinic operations role."
    objectives.saver.flush()
    panel.saver.flush()
    saved = reopen(persona).long_term
    assert saved.objectives["11-9111.00"].role_5y == "Clinic operations manager"
    assert saved.career_goal.objective == "Store supervisor seeking a clinic operations role."
    assert "Not saved" not in panel.saver.status.value + objectives.saver.status.value


def test_once_both_texts_are_written_the_drafting_opens_folded(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    assert ui.panel(persona, catalog).drafting is None  # nothing written: drafting comes first
    panel = ui.panel(persona, catalog)
    panel.draft_button.click()
    panel = ui.panel(persona, catalog)  # the next visit: both texts written
    assert panel.drafting is not None and is_folded(panel.drafting)
    assert panel.drafting.titles == (ui.REDRAFT_TITLE,)
    assert panel.children.index(panel.drafting) < panel.children.index(panel.boxes["interview"])
    panel.draft_button.click()  # opened, it drafts as before: the texts are kept as they are
    assert panel.boxes["interview"].value == persona.long_term.career_goal.interview
