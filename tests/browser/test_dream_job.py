"""Notebook 01 in the browser: a reflection typed on screen is saved, and shows back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careerkit.dream import REFLECTION_PROMPTS
from tests.browser.conftest import PERSONA, Lab, expect, wait_for_plan

pytestmark = pytest.mark.browser
NOTEBOOK = "01_dream_job.ipynb"


@pytest.mark.timeout(150)
def test_reflection_typed_in_the_browser_is_saved(lab: Lab, careerkit_home: Path) -> None:
    prompt = REFLECTION_PROMPTS[0]
    answer = "Building a tree house with my cousins; I kept the list of who brought what."
    with lab.notebook(NOTEBOOK) as notebook:
        panel = notebook.locator(".jp-OutputArea", has_text=prompt.question).first
        box = panel.locator("textarea").first  # the first prompt's answer box
        box.fill(answer)
        box.blur()  # the box reports its value when the person leaves it
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
