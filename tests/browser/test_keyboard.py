"""Step 04 with the keyboard alone, in Voila: Tab to the goal box, type, Tab to "Add this
goal", press Enter; the goal is saved. No click, no focus set from code."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from careerkit.ui.short_term import GOAL_PLACEHOLDER
from tests.browser.conftest import WAIT_MS, Server, expect, wait_for_plan

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
GOAL = "Finish a spreadsheet course and pass its test with 75% or more"
MOST_TABS = 150  # a form further than this from the top is not reachable in practice

FOCUSED_JS = """() => {
  const e = document.activeElement;
  return {tag: e.tagName, placeholder: e.getAttribute('placeholder') || '',
          text: (e.innerText || '').trim()};
}"""


def tab_to(page: Page, found: dict[str, str]) -> int:
    """Press Tab until the focused element has every property in ``found``; the presses."""
    for presses in range(1, MOST_TABS + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if all(focused[key] == value for key, value in found.items()):
            return presses
    raise AssertionError(f"{found} is not reached with {MOST_TABS} presses of Tab")


@pytest.mark.timeout(180)
def test_a_goal_added_with_the_keyboard_alone(
    page: Page, voila_tree: Server, voila_tree_home: Path
) -> None:
    page.goto(voila_tree.address("/voila/render/04_short_term.ipynb"))
    goal_boxes = page.locator(f'textarea[placeholder="{GOAL_PLACEHOLDER}"]')
    expect(goal_boxes.first).to_be_visible(timeout=WAIT_MS)
    saved = goal_boxes.count() - 1  # the first box is the "Add a goal" form

    tab_to(page, {"tag": "TEXTAREA", "placeholder": GOAL_PLACEHOLDER})
    page.keyboard.type(GOAL)
    tab_to(page, {"tag": "BUTTON", "text": "Add this goal"})
    page.keyboard.press("Enter")

    expect(goal_boxes).to_have_count(saved + 2)
    expect(goal_boxes.last).to_have_value(GOAL)
    plan = wait_for_plan(
        voila_tree_home, lambda p: GOAL in [g["text"] for g in p["short_term_goals"]["goals"]]
    )
    assert len(plan["short_term_goals"]["goals"]) == saved + 1
