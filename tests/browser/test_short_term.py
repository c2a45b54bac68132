"""Notebook 04 in the browser: a goal typed on screen gets its S.M.A.R.T. check and is saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerkit.ui.short_term import GOAL_PLACEHOLDER
from tests.browser.conftest import (
    Lab,
    colours,
    contrast,
    docs_path,
    expect,
    screenshot_path,
    wait_for_plan,
)

pytestmark = pytest.mark.browser
GOAL = "Complete an online project management course and pass its exam with 80% or more"


@pytest.mark.timeout(150)
def test_goal_added_in_the_browser(lab: Lab, careerkit_home: Path) -> None:
    with lab.notebook("04_short_term.ipynb") as notebook:
        goal_boxes = notebook.locator(f'textarea[placeholder="{GOAL_PLACEHOLDER}"]')
        expect(goal_boxes.first).to_be_visible()
        saved_goals = goal_boxes.count() - 1  # the first box is the "Add a goal" form
        form = goal_boxes.first.locator("xpath=ancestor::div[contains(@class,'widget-vbox')][1]")
        expect(form).to_contain_text("S.M.A.R.T. not checked yet")  # no red crosses yet
        expect(form).not_to_contain_text("✗")

        goal_boxes.first.fill(GOAL)  # the check follows the typing
        expect(form).to_contain_text("M ✓")  # measured by a percentage
        expect(form).to_contain_text("no due date")
        add = notebook.locator(".widget-button", has_text="Add this goal")
        heading = notebook.locator(".widget-html", has_text="Add a goal").first
        notebook.picture(docs_path("04_goals.png"), heading, add)

        add.click()
        expect(form).to_contain_text("Added to")
        expect(goal_boxes).to_have_count(saved_goals + 2)
        expect(goal_boxes.last).to_have_value(GOAL)
        row = goal_boxes.last.locator("xpath=ancestor::div[contains(@class,'widget-vbox')][1]")
        expect(row).to_contain_text("S.M.A.R.T.")
        expect(row).to_contain_text("no due date")
        expect(notebook.cell("goal_editor(")).to_contain_text("Saved at")

        plan = wait_for_plan(
            careerkit_home, lambda p: GOAL in [g["text"] for g in p["short_term_goals"]["goals"]]
        )
    assert len(plan["short_term_goals"]["goals"]) == saved_goals + 1


@pytest.mark.timeout(150)
def test_a_goal_removed_in_the_browser_leaves_the_timeline_by_itself(
    lab: Lab, careerkit_home: Path
) -> None:
    text = "get better at networking"  # the persona's vague goal, with no next actions
    with lab.notebook("04_short_term.ipynb") as notebook:
        editor = notebook.cell("goal_editor(")
        boxes = editor.locator(f'textarea[placeholder="{GOAL_PLACEHOLDER}"]')
        expect(boxes.first).to_be_visible()
        count = boxes.count()
        index = next(i for i in range(count) if boxes.nth(i).input_value() == text)
        row = boxes.nth(index).locator(
            "xpath=ancestor::div[contains(@class,'widget-vbox')][2]"
        )  # the goal's card: its fields' box, then the card
        timeline = notebook.cell("short_term.timeline(").locator("img").first
        expect(timeline).to_be_visible()
        before = timeline.get_attribute("src")

        row.locator(".widget-button", has_text="Remove").click()
        expect(row).to_contain_text("Remove this goal for good?")
        row.locator(".widget-button", has_text="Yes, remove it").click()
        expect(editor).to_contain_text(f"Removed the goal '{text}'")
        expect(boxes).to_have_count(count - 1)
        expect(timeline).not_to_have_attribute("src", before)  # no Redraw button to press
        plan = wait_for_plan(
            careerkit_home,
            lambda p: text not in [g["text"] for g in p["short_term_goals"]["goals"]],
        )
    assert len(plan["short_term_goals"]["goals"]) == count - 2  # the add form is not a goal


@pytest.mark.timeout(150)
def test_the_chosen_horizon_stands_out(lab: Lab) -> None:
    """The selected 6/12/24-month button is readable and not grey on grey (WCAG AA)."""
    with lab.notebook("04_short_term.ipynb") as notebook:
        form = notebook.cell("goal_editor(")
        horizon = form.locator(".widget-toggle-buttons", has_text="Within").first
        horizon.locator("button", has_text="24 months").click()
        chosen = horizon.locator("button.mod-active")
        expect(chosen).to_have_text("24 months")
        (back, text), (other_back, _) = (
            colours(chosen),
            colours(horizon.locator("button:not(.mod-active)").first),
        )
        horizon.screenshot(path=screenshot_path("04_chosen_horizon.png"))
        assert contrast(back, text) >= 4.5, (back, text)  # WCAG AA for its text
        assert contrast(back, other_back) >= 3, (back, other_back)  # apart from the others
