"""03's stepping stones (issue 23 §3): under the choice, the path now -> stone -> target
with what each step adds, or one line on what to do first."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
import pytest

from careerkit import paths
from careerkit.plan import PastJob, Plan
from careerkit.report import stones_html
from careerkit.steps import stepping_stones as ss
from careerkit.ui import compare
from careerkit.ui.compare_stones import CHOOSE_FIRST, OPEN_STONES, StonesPanel

RETAIL, NURSE, TRAINER, LPN = "41-1011.00", "29-1141.00", "13-1151.00", "29-2061.00"
MHSM = "11-9111.00"


def text_of(page: str) -> str:
    """What a screen reader reads: tags out, aria-hidden parts out, entities kept."""
    page = re.sub(r'<span aria-hidden="true"[^>]*>[^<]*</span>', "", page)
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


@pytest.fixture
def retail(persona: Plan) -> Plan:
    persona.dream_job.past_jobs = [PastJob(code=RETAIL, title="Store supervisor", years=6)]
    persona.comparison.chosen = [NURSE, TRAINER]
    return persona


def test_no_direction_chosen_says_choose_first(plan: Plan, catalog: pd.DataFrame) -> None:
    assert CHOOSE_FIRST in StonesPanel(plan, catalog).page()


def test_no_past_jobs_says_to_add_them_in_01_once(persona: Plan, catalog: pd.DataFrame) -> None:
    persona.dream_job.past_jobs = []  # the sample persona lists two; this person none yet
    assert persona.comparison.chosen
    page = StonesPanel(persona, catalog).page()
    assert page.count("Add the jobs you have done in 01") == 1
    persona.dream_job.past_jobs = [PastJob(title="Cashier at a family shop")]
    assert "under your own titles" in StonesPanel(persona, catalog).page()


def test_the_path_is_drawn_with_the_catalogs_figures(retail: Plan, catalog: pd.DataFrame) -> None:
    page = StonesPanel(retail, catalog).page()
    read = text_of(page)
    now, lpn = catalog.at[RETAIL, "title"], catalog.at[LPN, "title"]
    nurse = catalog.at[NURSE, "title"]
    # The ends show "Now" and "Target"; their names, in the heading, are read aloud here.
    assert f"Now : {now} then Stepping stone: {lpn} then Target : {nurse}" in read
    assert (
        f"From {now} to {nurse}" in read and f"From {now} to {catalog.at[TRAINER, 'title']}" in read
    )
    pay = f"${catalog.at[LPN, 'median_wage']:,.0f}"
    assert f"job zone {catalog.at[LPN, 'job_zone']}, median pay {pay} a year" in read
    assert "What it adds toward the target: Operations Monitoring" in read
    assert '<section aria-label="Jobs on the way: From' in page and "<ol" in page


def test_choosing_a_direction_draws_its_stones(retail: Plan, catalog: pd.DataFrame) -> None:
    retail.comparison.chosen = [MHSM]
    board = compare.matrix(retail, catalog)
    assert board.stones.box in board.choice_panel.children
    before = board.stones.page()
    assert f"to {catalog.at[MHSM, 'title']}" in text_of(before)
    board.choice.ticks[TRAINER].value = True
    assert f"to {catalog.at[TRAINER, 'title']}" in text_of(board.stones.page())


def test_a_coach_path_is_marked_and_its_note_escaped(
    retail: Plan, catalog: pd.DataFrame, workspace: Path
) -> None:
    (workspace / paths.WORKSHOP_FILE).write_text("[workshop]\n")
    (workspace / paths.STEPPING_STONES_FILE).write_text(
        f"from,target,stone,note\nany,{NURSE},31-1131.00,<b>City</b> pays the LPN course\n"
    )
    page = StonesPanel(retail, catalog).page()
    assert "Your coach&#x27;s stepping stone" in page or "Your coach's stepping stone" in page
    assert "&lt;b&gt;City&lt;/b&gt; pays the LPN course" in page and "<b>City" not in page


def test_a_bad_coach_file_is_named_and_the_rules_stones_still_shown(
    retail: Plan, catalog: pd.DataFrame, workspace: Path
) -> None:
    (workspace / paths.WORKSHOP_FILE).write_text("[workshop]\n")
    file = workspace / paths.STEPPING_STONES_FILE
    file.write_text(f"from,target,stone,note\nany,{NURSE},29-999\n")
    page = StonesPanel(retail, catalog).page()
    assert f"{file}, line 2: the stone &#x27;29-999&#x27;" in page
    assert catalog.at[LPN, "title"] in page


def test_a_direction_without_stones_says_so(retail: Plan, catalog: pd.DataFrame) -> None:
    expensive = catalog.copy()
    expensive["median_wage"] = 1.0  # every stone pays under 90% of now
    expensive.loc[RETAIL, "median_wage"] = 1e9
    expensive.attrs = catalog.attrs
    retail.comparison.chosen = [NURSE]
    page = StonesPanel(retail, expensive).page()
    assert "No job on the way to Registered Nurses meets the rule" in page
    assert "<ol" not in page


def test_unknown_figures_read_unknown() -> None:
    assert stones_html.figures_words("unknown", "unknown") == "job zone unknown, median pay unknown"
    row = ss._table([])  # the columns the drawing reads
    assert list(row.columns) == list(ss.COLUMNS)


def stones_in(page: str) -> list[str]:
    """The stones' titles in a drawing, in order."""
    return [
        html.unescape(t) for t in re.findall(r"stepping stone:</span> <b>(.*?)</b>", page, re.I)
    ]


def test_the_best_three_stones_show_and_the_rest_fold(retail: Plan, catalog: pd.DataFrame) -> None:
    """Issue 24 §1: a direction's best three stones open, the others folded under a bar
    saying how many more; opening it shows them numbered on (4, 5)."""
    panel = StonesPanel(retail, catalog)
    for direction, target in zip(panel.shown, retail.comparison.chosen, strict=True):
        found = ss.for_plan(retail, catalog, target, [])
        titles = list(found.stones["title"])
        assert len(titles) > OPEN_STONES, f"{target}: {titles}"  # enough stones to fold some
        shown, fold = direction.box.children
        assert stones_in(shown.value) == titles[:OPEN_STONES]
        assert fold.selected_index is None  # folded
        more = len(titles) - OPEN_STONES
        assert fold.titles == (
            f"{more} more stepping stone{'s' * (more > 1)} toward {found.title}",
        )
        hidden = fold.children[0].value
        assert f'<ol start="{OPEN_STONES + 1}"' in hidden
        assert stones_in(hidden) == titles[OPEN_STONES:]
    assert (
        panel.page().count(html.escape(stones_html.LEVELS_NOTE)) == 1
    )  # said once, under all directions
