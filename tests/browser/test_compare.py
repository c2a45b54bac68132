"""Notebook 03 in JupyterLab: a weight moved with the keyboard re-ranks the options on screen
and is saved in the plan file; a rating starts at its data value; a "not rated" rating does
not look like a 0; the score's headers stand apart; the coach's cells are folded away; the
directions to choose from are in rank order."""

from __future__ import annotations

import math
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from careerkit.report.compare_words import PARTS_HEADER, SCORE_HEADER
from careerkit.steps.compare.criteria import DEFAULT_LABELS
from tests.browser.conftest import (
    RANKING,
    Lab,
    docs_path,
    expect,
    move_weight,
    open_fold,
    read_plan,
    screenshot_path,
    wait_for_plan,
    weight_slider,
)

if TYPE_CHECKING:
    from playwright.sync_api import Locator

pytestmark = pytest.mark.browser
CRITERION = "work_life"
CLINIC = "Clinic operations coordinator (local hospital posting)"  # the persona's own option


@pytest.mark.timeout(150)
def test_weight_moved_with_the_keyboard(lab: Lab, careerkit_home: Path) -> None:
    with lab.notebook("03_compare.ipynb") as notebook:
        weights = notebook.cell("board.weights_panel")
        open_fold(weights, "Your weights")  # the persona has set them: folded
        ranking = notebook.cell("board.results_panel").locator(RANKING)
        expect(ranking).to_contain_text("1st")

        # The board as the sample persona left it: weights, ratings and ranking.
        board = screenshot_path("03_compare_board.png")
        notebook.picture(board, weights, ranking)
        if docs := docs_path("03_compare.png"):
            shutil.copy(board, docs)

        slider = weight_slider(weights, DEFAULT_LABELS[CRITERION])
        move_weight(slider, CRITERION, +1, ranking, careerkit_home)
        move_weight(slider, CRITERION, -2, ranking, careerkit_home)
        notebook.assert_clean()


def rating_slider(panel: Locator, label: str) -> Locator:
    """The rating slider of one criterion in the ratings panel."""
    return panel.locator(f'.widget-slider:has(.widget-label:text-is("{label}"))').first


@pytest.mark.timeout(150)
def test_rating_handle_sits_at_the_data_value_and_choices_are_in_rank_order(
    lab: Lab, careerkit_home: Path
) -> None:
    with lab.notebook("03_compare.ipynb") as notebook:
        # The coach's cells are folded away: their code is not in the participant's flow.
        expect(notebook.locator(".jp-InputPlaceholder")).to_have_count(2)
        coaches = notebook.locator(".jp-MarkdownCell", has_text="For coaches").first
        setup = notebook.cell("board.setup_panel")
        expect(setup).to_contain_text("In force:")
        notebook.picture(screenshot_path("03_compare_coach.png"), coaches, setup)

        ratings = notebook.cell("board.ratings_panel")
        open_fold(ratings, "Your ratings")  # the persona has rated every option: folded
        slider = rating_slider(ratings, DEFAULT_LABELS["pay"])
        readout = slider.locator(".widget-readout")
        expect(readout).to_have_text(re.compile(r"data \d+\.\d"))
        data = float(readout.inner_text().split()[1])
        track = slider.locator(".noUi-base").bounding_box()
        handle = slider.locator(".noUi-handle").bounding_box()
        assert track and handle
        where = (handle["x"] + handle["width"] / 2 - track["x"]) / track["width"]
        assert abs(where - data / 10) < 0.06, f"the handle is at {where:.0%} for data {data}"

        slider.locator(".noUi-handle").focus()
        slider.locator(".noUi-handle").press("ArrowRight")  # an own rating, from the data
        above = math.floor(data * 2 + 1) / 2
        expect(readout).to_have_text(f"{above:g}")
        code = read_plan(careerkit_home)["exploration"]["options"][0]["code"]

        def rated(plan: dict) -> bool:
            return plan["comparison"]["ratings"].get(code, {}).get("pay") == above

        wait_for_plan(careerkit_home, rated)

        choices = notebook.cell("board.choice_panel").locator(".widget-checkbox")
        labels = choices.all_inner_texts()
        ranks = [int(re.search(r"ranked (\d+)", text).group(1)) for text in labels]
        assert len(ranks) >= 3 and ranks == sorted(ranks), labels
        notebook.assert_clean()


#: The left and right edges of an element's own first line of text (not its children's).
TEXT_EDGES = """el => {
  const node = Array.from(el.childNodes).find(n => n.nodeType === 3 && n.textContent.trim());
  const range = document.createRange();
  range.selectNodeContents(node);
  const box = range.getBoundingClientRect();
  return [box.left, box.right];
}"""


@pytest.mark.timeout(150)
def test_not_rated_looks_unlike_0_and_the_score_headers_stand_apart(lab: Lab) -> None:
    with lab.notebook("03_compare.ipynb") as notebook:
        ratings = notebook.cell("board.ratings_panel")
        open_fold(ratings, "Your ratings")
        # The persona's own occupation has no outlook data and no rating: "not rated".
        ratings.locator("select").select_option(label=CLINIC)
        unrated = rating_slider(ratings, DEFAULT_LABELS["outlook"])
        rated = rating_slider(ratings, DEFAULT_LABELS["interest_fit"])  # rated 7 by Maya
        expect(unrated.locator(".widget-readout")).to_have_text("not rated")
        expect(rated.locator(".widget-readout")).to_have_text("7")
        handle, other = unrated.locator(".noUi-handle"), rated.locator(".noUi-handle")
        # The handle sits at the left end, but hollow and dashed: not a handle at 0.
        look = "el => [getComputedStyle(el).borderStyle, getComputedStyle(el).opacity]"
        expect(handle).to_have_attribute("aria-valuetext", "not rated")
        style, opacity = handle.evaluate(look)
        assert "dashed" in style and float(opacity) < 1, (style, opacity)
        style, opacity = other.evaluate(look)
        assert "dashed" not in style and float(opacity) == 1, (style, opacity)
        name = handle.get_attribute("aria-label") or ""
        assert DEFAULT_LABELS["outlook"] in name and CLINIC in name  # still named
        notebook.picture(screenshot_path("03_compare_not_rated.png"), ratings, ratings)

        ranking = notebook.cell("board.results_panel").locator(RANKING)
        expect(ranking.locator("caption")).to_have_text("Your ranking")
        score = ranking.locator("th", has_text=SCORE_HEADER)
        parts = ranking.locator("th", has_text=PARTS_HEADER)
        score_left, score_right = score.evaluate(TEXT_EDGES)
        parts_left, parts_right = parts.evaluate(TEXT_EDGES)
        assert parts_left - score_right >= 16, "the two headers run together"
        notebook.assert_clean()
