"""Notebook 03 in JupyterLab: a weight moved with the keyboard re-ranks the options on screen
and is saved in the plan file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from careerkit.criteria import DEFAULT_LABELS
from tests.browser.conftest import (
    RANKING,
    Lab,
    docs_path,
    expect,
    move_weight,
    screenshot_path,
    weight_slider,
)

pytestmark = pytest.mark.browser
CRITERION = "work_life"


@pytest.mark.timeout(150)
def test_weight_moved_with_the_keyboard(lab: Lab, careerkit_home: Path) -> None:
    with lab.notebook("03_compare.ipynb") as notebook:
        weights = notebook.cell("board.weights_panel")
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
