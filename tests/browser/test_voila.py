"""Notebook 03 served by Voila: a page of text and widgets without code, whose sliders work."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from careerkit.steps.compare.criteria import DEFAULT_LABELS
from tests.browser.conftest import (
    NOTEBOOKS,
    RANKING,
    WAIT_MS,
    Server,
    expect,
    move_weight,
    open_fold,
    screenshot_path,
    weight_slider,
    whole_page_picture,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
NOTEBOOK = NOTEBOOKS / "03_compare.ipynb"  # what the voila_server fixture serves
CRITERION = "work_life"
# Code as Voila would show it. Markdown cells have a .jp-InputArea too: their rendered text.
CODE = ".jp-CodeCell .jp-InputArea, .jp-InputPrompt, .CodeMirror, .cm-editor"
BROKEN = ("Error displaying widget", "model not found", "Traceback")


def code_lines(notebook: Path) -> set[str]:
    """Lines of the notebook's code cells that none of its Markdown cells quotes."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]

    def lines(kind: str) -> set[str]:
        return {
            line.strip()
            for cell in cells
            if cell["cell_type"] == kind
            for line in "".join(cell["source"]).splitlines()
        }

    return {line for line in lines("code") - lines("markdown") if len(line) > 8}


@pytest.mark.timeout(120)
def test_voila_shows_the_comparison_as_an_app(
    page: Page, voila_server: Server, voila_home: Path
) -> None:
    page.goto(voila_server.address("/"))
    ranking = page.locator(RANKING)  # open: the persona's sliders are folded (issue 24 §1)
    expect(ranking).to_be_visible(timeout=WAIT_MS)
    expect(ranking).to_contain_text("1st")

    assert page.locator(".jp-CodeCell").count() >= 8, "the code cells' outputs should show"
    expect(page.locator(CODE)).to_have_count(0)
    text = page.inner_text("body")
    sources = code_lines(NOTEBOOK)
    assert sources, f"{NOTEBOOK.name} should have code"
    wrong = [line for line in (*sources, *BROKEN) if line in text]
    assert not wrong, f"Voila shows {wrong}"

    open_fold(page, "Your weights")  # the persona has set them: folded
    slider = weight_slider(page, DEFAULT_LABELS[CRITERION])
    move_weight(slider, CRITERION, +1, ranking, voila_home)
    whole_page_picture(page, screenshot_path("03_compare_voila.png"))
