"""Step 07 in Voila: the finished interest questionnaire opens folded, its 36 questions not
even built; "Take it again" builds them, empty, and an answer given there is saved."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import WAIT_MS, Server, expect, screenshot_path, wait_for_plan

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
QUESTIONS = ".widget-toggle-buttons"


@pytest.mark.timeout(180)
def test_take_it_again_shows_the_questions(
    page: Page, voila_tree: Server, voila_tree_home: Path
) -> None:
    page.goto(voila_tree.address("/voila/render/07_review.ipynb"))
    again = page.locator("button", has_text="Take it again")
    expect(again).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("Your interest code: SEC")).to_be_visible()
    expect(page.locator(QUESTIONS)).to_have_count(0)
    again.click()
    expect(page.locator(QUESTIONS)).to_have_count(36)
    expect(page.locator(f"{QUESTIONS} button.mod-active")).to_have_count(0)  # afresh
    page.locator(QUESTIONS).first.locator("button[data-value='Like']").click()
    wait_for_plan(
        voila_tree_home,
        lambda p: (
            p["dream_job"]["interests"] is not None
            and list(p["dream_job"]["interests"]["answers"].values()) == [2]
        ),
    )
    page.screenshot(path=screenshot_path("07_taken_again.png"))
