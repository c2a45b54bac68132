"""Notebook 03 run for real (nbclient), as shipped and with its "Edit this cell" cells edited.

Each test executes a copy of the notebook in a kernel, against the sample persona in the
test's workspace, then reads what the board shows (a cell added at the end prints it as
JSON) and what was saved in the plan file.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import nbformat
import numpy as np
import pandas as pd
import pytest

from careerkit import open_plan
from careerkit.plan import Plan
from careerkit.steps.compare import scoring
from tests.conftest import ROOT, execute_notebook

NOTEBOOK = ROOT / "notebooks" / "03_compare.ipynb"
MHSM, MANAGERS = "11-9111.00", "Medical and Health Services Managers"

REPORT = """
import json
shown = {"problem": board.problem, "ranking": board.ranking()["score"].to_dict()}
if not board.problem:
    shown |= {
        "setup": board.setup_html + board.in_force.value,
        "results": board.results.message.value + board.results.ranking.value,
        "pay": board.pay.flag.value,
        "min_rating": board.analysis.ratings.min(axis=1).to_dict(),
    }
print(json.dumps(shown))
"""

COMMUTE = """CRITERIA = {
    "interest_fit": 3,
    "skills_match": 3,
    "pay": 2,
    "work_life": 3,
    "feels_right": 3,
    "commute": 4,
}
LABELS = {"commute": "Short commute"}
"""

THRESHOLD = '''def score(ratings, weights):
    """Rule out any option rated under 4 on some criterion."""
    total = (ratings * weights).sum(axis=1) / (ratings.notna() * weights).sum(axis=1)
    too_low = (ratings < 4).any(axis=1)
    return total.where(~too_low, 0)
'''

BROKEN = """def score(ratings, weights):
    return "high"
"""


def edit_cells(nb: nbformat.NotebookNode) -> list[int]:
    """Indices of the code cells just below an "Edit this cell" note."""
    return [
        i + 1
        for i, cell in enumerate(nb.cells[:-1])
        if cell.cell_type == "markdown" and "**Edit this cell**" in cell.source
    ]


def body(cell: nbformat.NotebookNode) -> str:
    """A coach cell's text below its first line (the ``%%careerkit_...`` magic)."""
    return cell.source.split("\n", 1)[1]


def run(
    *extra: str,
    criteria: str | None = None,
    formula: str | None = None,
    shown: list[str] | None = None,
) -> list[Any]:
    """Execute a copy of the notebook (the edit cells' text below their magic line
    replaced), then ``extra`` cells. Returns what each extra cell printed, parsed as JSON;
    ``shown`` receives the HTML the two edit cells showed.
    """
    nb = nbformat.read(NOTEBOOK, as_version=4)
    cells = edit_cells(nb)
    for index, text in zip(cells, (criteria, formula), strict=True):
        if text is not None:
            magic = nb.cells[index].source.split("\n", 1)[0]
            nb.cells[index].source = f"{magic}\n{text}"
    nb.cells.extend(nbformat.v4.new_code_cell(source) for source in extra)
    execute_notebook(nb)
    if shown is not None:
        shown.extend(
            html.unescape("".join(out.get("data", {}).get("text/html", "") for out in cell.outputs))
            for cell in (nb.cells[i] for i in cells)
        )
    printed = []
    for cell in nb.cells[-len(extra) :] if extra else []:
        text = "".join(out.text for out in cell.outputs if out.get("name") == "stdout")
        printed.append(json.loads(text))
    return printed


def plain(text: str) -> str:
    return html.unescape(text)


def test_notebook_marks_two_edit_cells_holding_data_and_a_function() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    criteria_cell, formula_cell = edit_cells(nb)
    assert nb.cells[criteria_cell].source.startswith("%%careerkit_criteria\n")
    assert body(nb.cells[criteria_cell]).count("CRITERIA = {") == 1
    assert nb.cells[formula_cell].source.startswith("%%careerkit_formula\n")
    assert body(nb.cells[formula_cell]).startswith("def score(ratings, weights):")
    assert nb.metadata.kernelspec.name == "python3"
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_default_formula_is_the_standard_rule() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    space: dict[str, Any] = {}
    exec(body(nb.cells[edit_cells(nb)[1]]), space)
    rng = np.random.default_rng(1)
    ratings = pd.DataFrame(rng.integers(0, 11, (6, 4)).astype(float)).mask(rng.random((6, 4)) < 0.3)
    weights = pd.DataFrame(np.repeat(rng.uniform(0, 5, (1, 4)), 6, axis=0))
    pd.testing.assert_series_equal(
        space["score"](ratings, weights), scoring.weighted_average(ratings, weights)
    )


@pytest.mark.timeout(300)
def test_persona_runs_and_pay_is_flagged(persona: Plan, workspace: Path) -> None:
    (report,) = run(REPORT)
    assert list(report["ranking"])[0] == MANAGERS
    assert "careerkit defaults" in report["setup"]
    assert "Pay decides the top spot" in report["pay"]  # Maya's sample shows the flag


@pytest.mark.timeout(300)
def test_added_commute_criterion_is_rated_and_saved(persona: Plan, workspace: Path) -> None:
    rate = (
        f'board.rater.row("{MANAGERS}", "commute").slider.value = 8\n'
        "board.saver.flush()\n"
        'print(json.dumps(board.analysis.result.missing["commute"].to_dict()))'
    )
    report, after = run(REPORT, rate, criteria=COMMUTE)
    assert "edited in this notebook" in report["setup"]
    assert "Short commute" in report["setup"]
    assert "not rated, so left out: Short commute" in report["results"]
    assert open_plan().comparison.ratings[MHSM]["commute"] == 8
    assert not after[MANAGERS] and all(v for k, v in after.items() if k != MANAGERS)


@pytest.mark.timeout(300)
def test_min_threshold_formula_rules_options_out(persona: Plan, workspace: Path) -> None:
    (report,) = run(REPORT, formula=THRESHOLD)
    scores, lowest = report["ranking"], report["min_rating"]
    assert 0 < sum(lowest[name] < 4 for name in scores) < len(scores)  # some in, some out
    for name, value in scores.items():
        assert (value == 0) == (lowest[name] < 4), name


@pytest.mark.timeout(300)
def test_broken_formula_shows_the_plain_message(persona: Plan, workspace: Path) -> None:
    (report,) = run(REPORT, formula=BROKEN)
    assert report["ranking"] == {}
    assert "score() returned a string ('high'), not one number per option" in plain(
        report["results"]
    )


@pytest.mark.timeout(300)
def test_workshop_file_defaults_are_named(persona: Plan, workspace: Path) -> None:
    path = workspace / "workshop.toml"
    path.write_text('[scoring]\ncriteria = ["pay", "feels_right"]\nweights = { pay = 1 }\n')
    (report,) = run(REPORT)
    assert f"workshop file {path}" in report["setup"]
    assert "Pay 1, Feels right 3" in report["setup"]


@pytest.mark.timeout(300)
def test_empty_plan_says_what_to_do_first(workspace: Path) -> None:
    (report,) = run(REPORT)
    assert "shortlist some occupations in 02" in report["problem"]


def test_coach_cells_are_out_of_the_participant_s_way() -> None:
    """The coach's section comes before the participant's flow, folded and tagged."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    criteria_cell, formula_cell = edit_cells(nb)
    board_cell = next(i for i, c in enumerate(nb.cells) if "compare.matrix(" in c.source)
    assert nb.cells[criteria_cell - 1].source.startswith("## For coaches")
    for index in (criteria_cell, formula_cell):
        assert nb.cells[index].metadata.jupyter.source_hidden is True
        assert "remove-input" in nb.cells[index].metadata.tags  # run in the app, not shown
        assert "remove-cell" in nb.cells[index - 1].metadata.tags  # the note: not in the app
    between = nb.cells[formula_cell + 1 : board_cell]
    assert not any(c.metadata.get("tags") for c in between)
    assert "## Your comparison" in between[0].source  # the participant's text


SYNTAX = """CRITERIA = {
    "interest_fit": 3,
    "pay": 2
    "commute": 4,
}
"""


@pytest.mark.timeout(300)
def test_syntax_errors_in_both_cells_are_explained_and_the_notebook_goes_on(
    persona: Plan, workspace: Path
) -> None:
    shown: list[str] = []
    formula = "def score(ratings, weights):\n    return (ratings * weights).sum(axis=1\n"
    (report,) = run(REPORT, criteria=SYNTAX, formula=formula, shown=shown)
    assert "Line 4 of the criteria cell ('\"pay\": 2')" in shown[0]
    assert "a comma seems to be missing" in shown[0]
    assert "Until it is fixed, the notebook uses the default criteria" in shown[0]
    assert "Line 3 of the formula cell" in shown[1] and "never closed" in shown[1]
    assert "careerkit's standard formula" in shown[1]
    assert "Traceback" not in "".join(shown)
    assert list(report["ranking"])[0] == MANAGERS  # the board works on the defaults...
    setup = plain(report["setup"])
    assert "Line 4 of the criteria cell" in setup and "Line 3 of the formula cell" in setup


@pytest.mark.timeout(300)
def test_a_broken_cell_falls_back_to_the_version_that_last_worked(
    persona: Plan, workspace: Path
) -> None:
    run(criteria=COMMUTE)  # works, and is kept as the last good version
    shown: list[str] = []
    broken = COMMUTE.replace('"commute": 4', "commute: 4")
    (report,) = run(REPORT, criteria=broken, shown=shown)
    assert "Line 8 of the criteria cell uses 'commute', which Python does not know" in shown[0]
    assert "uses the criteria cell as it last worked (on " in shown[0]
    assert "Short commute" in report["setup"]


@pytest.mark.timeout(300)
def test_a_misspelt_criterion_is_caught_in_the_cell(persona: Plan, workspace: Path) -> None:
    shown: list[str] = []
    typo = 'CRITERIA = {"intrest_fit": 3, "pay": 2}\nLABELS = {}\n'
    (report,) = run(REPORT, criteria=typo, shown=shown)
    assert "did you mean 'interest_fit'?" in shown[0]
    assert "Interest fit 3" in report["setup"]  # the data criterion is not lost


@pytest.mark.timeout(300)
def test_a_missing_criterion_in_the_formula_is_named(persona: Plan, workspace: Path) -> None:
    formula = "def score(ratings, weights):\n    return ratings['salary']\n"
    (report,) = run(REPORT, formula=formula)
    said = plain(report["results"])
    assert "there is no criterion called 'salary'. The criteria are 'interest_fit'," in said
    assert "(line 3 of the formula cell)" in said and "KeyError" not in said


def first_code_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    return next(cell for cell in nb.cells if cell.cell_type == "code")


@pytest.mark.timeout(300)
def test_a_coach_cell_runs_first_after_a_restart(workspace: Path) -> None:
    """``%load_ext careerkit``, 03's first line, is all a coach cell needs in a fresh
    kernel: no plan, no board, no widgets module imported before it."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert first_code_cell(nb).source.startswith("%load_ext careerkit\n")
    criteria_cell, formula_cell = edit_cells(nb)
    check = (
        "import json, sys\n"
        "print(json.dumps({'criteria': CRITERIA, 'labels': LABELS, 'score': score.__name__,"
        " 'board imported': 'careerkit.ui.compare' in sys.modules}))"
    )
    cells = [nb.cells[criteria_cell], nb.cells[formula_cell], nbformat.v4.new_code_cell(check)]
    fresh = nbformat.v4.new_notebook(
        metadata=nb.metadata, cells=[nbformat.v4.new_code_cell("%load_ext careerkit"), *cells]
    )
    execute_notebook(fresh)
    printed = "".join(out.text for out in fresh.cells[-1].outputs if out.get("name") == "stdout")
    space: dict[str, Any] = {}
    exec(body(nb.cells[criteria_cell]), space)
    assert json.loads(printed) == {
        "criteria": space["CRITERIA"],
        "labels": space["LABELS"],
        "score": "score",
        "board imported": False,
    }


@pytest.mark.timeout(300)
def test_a_coach_s_copy_without_load_ext_still_works(persona: Plan, workspace: Path) -> None:
    """A copy of 03 made before ``%load_ext careerkit`` was added: importing
    careerkit.ui.compare in its first cell registers the coach cells' magics."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    first = first_code_cell(nb)
    first.source = first.source.replace("%load_ext careerkit\n", "")
    assert "load_ext" not in "".join(cell.source for cell in nb.cells)
    nb.cells.append(nbformat.v4.new_code_cell(REPORT))
    execute_notebook(nb)
    report = json.loads(
        "".join(out.text for out in nb.cells[-1].outputs if out.get("name") == "stdout")
    )
    assert list(report["ranking"])[0] == MANAGERS
