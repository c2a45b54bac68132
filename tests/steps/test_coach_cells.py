"""The coach's cells of notebook 03 run by careerkit: mistakes in plain words, last good kept."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pandas as pd
import pytest

from careerkit.steps.compare import coach_cells, formula
from careerkit.steps.compare.formula import FormulaError

GOOD = 'CRITERIA = {"pay": 2, "commute": 4}\nLABELS = {"commute": "Short commute"}\n'


def criteria(source: str, folder: Path) -> coach_cells.CellRun:
    return coach_cells.run_cell("criteria", source, coach_cells.default_criteria, folder)


@pytest.mark.parametrize(
    ("source", "line", "likely"),
    [
        ('CRITERIA = {\n    "pay": 2\n    "commute": 4,\n}\n', 2, "a comma seems to be missing"),
        ('CRITERIA = {"pay": 2,\n', 1, "never closed"),
        ('CRITERIA = {"pay: 2}\n', 1, "a text in quotes is not closed"),
        ("CRITERIA = {“pay”: 2}\n", 1, "curly quote"),
        ('CRITERIA = {"pay" = 2}\n', 1, "'=' cannot be used here"),
        ('CRITERIA = {"pay": 2,5}\n', 1, "write 2.5, not 2,5"),
        ("def score(ratings, weights):\nreturn ratings\n", 2, "must be indented"),
        ('  CRITERIA = {"pay": 2}\n', 1, "more spaces"),
    ],
)
def test_mistakes_are_explained_with_their_line(
    tmp_path: Path, source: str, line: int, likely: str | None
) -> None:
    outcome = criteria(source, tmp_path)
    assert outcome.problem and "Traceback" not in outcome.problem
    if likely is not None:
        assert f"Line {line} of the criteria cell" in outcome.problem
        assert likely in outcome.problem
    assert outcome.values == coach_cells.default_criteria()
    assert outcome.fallback.startswith("the default criteria")


def test_a_name_without_quotes_is_explained(tmp_path: Path) -> None:
    outcome = criteria("CRITERIA = {\n    commute: 4,\n}\n", tmp_path)
    assert "Line 2 of the criteria cell uses 'commute', which Python does not know" in (
        outcome.problem
    )
    assert '"commute": 3' in outcome.problem


def test_the_last_good_version_is_kept_and_used(tmp_path: Path) -> None:
    assert criteria(GOOD, tmp_path) == coach_cells.CellRun(
        {"CRITERIA": {"pay": 2, "commute": 4}, "LABELS": {"commute": "Short commute"}}
    )
    outcome = criteria('CRITERIA = {"pay": 9}\n', tmp_path)  # a weight out of range
    assert "the weight of 'pay' is 9" in outcome.problem
    assert outcome.values["CRITERIA"] == {"pay": 2, "commute": 4}
    assert outcome.fallback.startswith("the criteria cell as it last worked (on ")
    assert coach_cells.last_good("criteria", tmp_path)["source"] == GOOD


def test_a_cell_without_its_definition_is_explained(tmp_path: Path) -> None:
    assert "must define CRITERIA" in criteria("WEIGHTS = {}\n", tmp_path).problem
    formula = coach_cells.run_cell("formula", "def scor(r, w):\n    return r\n", dict, tmp_path)
    assert "must define a function score(ratings, weights)" in formula.problem
    formula = coach_cells.run_cell("formula", "def score(r):\n    return r\n", dict, tmp_path)
    assert "it must take exactly two" in formula.problem


def test_line_numbers_count_the_magic_line(tmp_path: Path) -> None:
    outcome = coach_cells.run_cell(
        "criteria", 'CRITERIA = {\n    "pay": 2\n    "x": 1}\n', dict, tmp_path, first_line=2
    )
    assert "Line 3 of the criteria cell" in outcome.problem


def test_an_unwritable_workspace_only_means_no_fallback(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert criteria(GOOD, folder).problem == ""
        assert criteria(GOOD, folder).values["CRITERIA"] == {"pay": 2, "commute": 4}
    finally:
        folder.chmod(0o700)
    assert criteria(GOOD, folder).values["CRITERIA"] == {"pay": 2, "commute": 4}
    assert not list(folder.glob(".coach_cells.json.*"))  # no half-written file left


def test_a_fallback_carries_the_cell_s_problem_as_a_value(tmp_path: Path) -> None:
    fine = criteria(GOOD, tmp_path).noted_values()
    assert fine["CRITERIA"] == {"pay": 2, "commute": 4}
    assert coach_cells.problem_of(fine["CRITERIA"]) == ""
    broken = criteria('CRITERIA = {"pay": 9}\n', tmp_path)
    values = broken.noted_values()
    assert values["CRITERIA"] == {"pay": 2, "commute": 4}  # the last good, usable as a dict
    note = coach_cells.problem_of(values["CRITERIA"])
    assert note.startswith("The criteria cell") and "the weight of 'pay' is 9" in note
    assert note.endswith("Until it is fixed, the notebook uses " + broken.fallback + ".")
    assert coach_cells.problem_of({"pay": 2}) == coach_cells.problem_of(None) == ""


def test_a_fallback_formula_is_called_like_the_function_and_its_lines_are_named(
    tmp_path: Path,
) -> None:
    good = "def score(ratings, weights):\n    return ratings['salary']\n"
    coach_cells.run_cell("formula", good, dict, tmp_path, first_line=2)  # kept as last good
    outcome = coach_cells.run_cell("formula", "def score(", dict, tmp_path, first_line=2)
    score = outcome.noted_values()["score"]
    assert "never closed" in coach_cells.problem_of(score)
    assert "as it last worked" in coach_cells.problem_of(score)
    ratings = pd.DataFrame({"pay": [5.0, 6.0]}, index=["a", "b"])
    with pytest.raises(FormulaError) as stopped:
        formula.evaluate(score, ratings, ratings * 0 + 1)
    assert "(line 3 of the formula cell)" in str(stopped.value)  # the coach's line, unwrapped


def test_the_last_good_versions_are_written_whole_and_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    criteria(GOOD, tmp_path)
    kept = coach_cells.store_path(tmp_path)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600  # the coach's cells, not the group's
    before = kept.read_bytes()

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    coach_cells.remember("criteria", 'CRITERIA = {"pay": 1}\n', tmp_path)  # no fallback: fine
    assert kept.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
