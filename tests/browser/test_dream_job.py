"""Notebook 01 in the browser: a reflection typed on screen is saved, and shows back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from careerkit.steps.dream_job import REFLECTION_PROMPTS
from tests.browser.conftest import (
    PERSONA,
    Lab,
    colours,
    contrast,
    expect,
    screenshot_path,
    wait_for_plan,
)

if TYPE_CHECKING:
    from playwright.sync_api import Locator

pytestmark = pytest.mark.browser
NOTEBOOK = "01_dream_job.ipynb"
FOLD_BAR = ".jupyter-widget-Collapse-header"


def open_fold(scope: Locator) -> None:
    """Open the folded part in ``scope`` (the persona has done it) with the keyboard."""
    bar = scope.locator(FOLD_BAR).first
    expect(bar).to_have_attribute("aria-expanded", "false")
    bar.focus()
    bar.press("Enter")
    expect(bar).to_have_attribute("aria-expanded", "true")


@pytest.mark.timeout(150)
def test_reflection_typed_in_the_browser_is_saved(lab: Lab, careerkit_home: Path) -> None:
    prompt = REFLECTION_PROMPTS[0]
    answer = "Building a tree house with my cousins; I kept the list of who brought what."
    with lab.notebook(NOTEBOOK) as notebook:
        panel = notebook.locator(".jp-OutputArea", has_text=prompt.question).first
        open_fold(panel)
        box = panel.locator("textarea").first  # the first prompt's answer box
        box.fill(answer)  # and not left: saved once typing pauses
        expect(panel).to_contain_text("Saved at")

    plan = wait_for_plan(
        careerkit_home, lambda p: p["dream_job"]["reflections"].get(prompt.id) == answer
    )
    persona = json.loads(PERSONA.read_text(encoding="utf-8"))
    others = {k: v for k, v in persona["dream_job"]["reflections"].items() if k != prompt.id}
    assert others, "the persona should answer more than one reflection prompt"
    assert others.items() <= plan["dream_job"]["reflections"].items()

    with lab.notebook(NOTEBOOK) as notebook:  # a new kernel reads the plan again
        panel = notebook.locator(".jp-OutputArea", has_text=prompt.question).first
        expect(panel.locator("textarea").first).to_have_value(answer)


@pytest.mark.timeout(150)
def test_enter_adds_a_skill_and_the_chosen_answer_stands_out(
    lab: Lab, careerkit_home: Path
) -> None:
    with lab.notebook(NOTEBOOK) as notebook:
        panel = notebook.cell("dream_job.skills(")
        box = panel.locator("input[placeholder='pick from the list, or type your own']")
        box.fill("Sign language")
        box.press("Enter")
        expect(panel).to_contain_text("Added Sign language")
        wait_for_plan(
            careerkit_home,
            lambda p: "Sign language" in [s["name"] for s in p["dream_job"]["skills"]],
        )

        quiz = notebook.cell("dream_job.interest_quiz(")
        open_fold(quiz)
        row = quiz.locator(".widget-toggle-buttons").first
        row.locator("button[data-value='Like']").click()
        chosen = row.locator("button.mod-active")
        expect(chosen).to_have_text("Like")
        other = row.locator("button:not(.mod-active)").first
        (back, text), (other_back, _) = colours(chosen), colours(other)
        assert contrast(back, text) >= 4.5  # WCAG AA for its text
        assert contrast(back, other_back) >= 3  # not grey on grey
        quiz.locator(".widget-toggle-buttons").first.screenshot(
            path=screenshot_path("01_chosen_answer.png")
        )
