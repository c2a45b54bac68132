"""Step 03's comparison rules, without widgets: weights, ratings, gut answers, the choice."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import numpy as np
import pandas as pd
import pytest

from careerkit.plan import Gut, Plan
from careerkit.steps.compare import scoring
from careerkit.steps.compare.comparison import (
    MAX_CHOSEN,
    ComparisonEditor,
    ComparisonError,
    analyse,
)
from careerkit.steps.compare.criteria import make_criteria
from tests.conftest import ROOT, reopen

CRITERIA = make_criteria({"pay": 2, "feels_right": 3, "commute": 4}, {}, "test")
CODES = ["11-9111.00", "13-1151.00", "custom:a"]


@pytest.fixture
def editor(plan: Plan) -> ComparisonEditor:
    return ComparisonEditor(plan, CRITERIA, CODES)


def test_the_rules_load_no_widgets() -> None:
    code = (
        "import sys, careerkit.steps.compare.comparison; "
        "print('ipywidgets' in sys.modules, 'IPython' in sys.modules)"
    )
    said = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert said.stdout.split() == ["False", "False"]


def test_weights_start_from_the_criteria_then_follow_the_person(editor: ComparisonEditor) -> None:
    assert editor.weights().to_dict() == {"pay": 2, "feels_right": 3, "commute": 4}
    editor.set_weight("pay", 4.5)
    assert editor.weights().to_dict() == {"pay": 4.5, "feels_right": 3, "commute": 4}


def test_a_weight_saves_those_in_force_and_keeps_a_removed_criterion_s(
    plan: Plan, editor: ComparisonEditor
) -> None:
    plan.comparison.weights = {"outlook": 1.5}  # set before a coach removed outlook
    editor.set_weight("commute", 0)
    assert plan.comparison.weights == {"outlook": 1.5, "pay": 2, "feels_right": 3, "commute": 0}
    before = editor.reset_weights()
    assert before.to_dict() == {"pay": 2, "feels_right": 3, "commute": 0}
    assert plan.comparison.weights == {"outlook": 1.5}


@pytest.mark.parametrize(
    ("criterion", "value", "said"),
    [
        ("pay", 5.5, "A weight goes from 0 to 5"),
        ("pay", -1, "A weight goes from 0 to 5"),
        ("pay", float("nan"), "A weight goes from 0 to 5"),
        ("pay", "3", "A weight goes from 0 to 5"),
        ("outlook", 3, "There is no criterion 'outlook' in use"),
    ],
)
def test_a_weight_the_rules_refuse_leaves_the_plan_as_it_was(
    plan: Plan, editor: ComparisonEditor, criterion: str, value: object, said: str
) -> None:
    with pytest.raises(ComparisonError, match=said):
        editor.set_weight(criterion, value)  # type: ignore[arg-type]
    assert plan.comparison.weights == {}


def test_a_rating_is_saved_cleared_and_checked(plan: Plan, editor: ComparisonEditor) -> None:
    editor.set_rating("custom:a", "commute", 8)
    editor.set_rating("custom:a", "pay", 6.5)
    assert plan.comparison.ratings == {"custom:a": {"commute": 8.0, "pay": 6.5}}
    own = editor.own()
    assert own.at["custom:a", "commute"] == 8 and np.isnan(own.at["11-9111.00", "commute"])
    editor.set_rating("custom:a", "commute", None)
    editor.set_rating("custom:a", "pay", None)
    assert plan.comparison.ratings == {}  # no empty entry left behind
    editor.set_rating("custom:a", "pay", None)  # clearing what is not there is fine
    for code, criterion, value, said in [
        ("custom:a", "pay", 10.5, "A rating goes from 0 to 10"),
        ("custom:a", "pay", float("inf"), "A rating goes from 0 to 10"),
        ("custom:b", "pay", 5, "'custom:b' is not one of the options compared"),
        ("custom:a", "salary", 5, "There is no criterion 'salary' in use"),
    ]:
        with pytest.raises(ComparisonError, match=said):
            editor.set_rating(code, criterion, value)
    assert plan.comparison.ratings == {}


def test_gut_answers_are_kept_per_question(plan: Plan, editor: ComparisonEditor) -> None:
    editor.set_gut("11-9111.00", "feels_right", "yes")
    editor.set_gut("11-9111.00", "want_to_grow", "unsure")
    editor.set_gut("11-9111.00", "feels_right", None)
    assert plan.comparison.gut == {"11-9111.00": Gut(want_to_grow="unsure")}
    with pytest.raises(ComparisonError, match="Answer yes, unsure, no, not 'maybe'"):
        editor.set_gut("11-9111.00", "feels_right", "maybe")
    with pytest.raises(ComparisonError, match="no gut question 'happy'"):
        editor.set_gut("11-9111.00", "happy", "yes")


def test_a_third_choice_is_refused_and_the_first_two_kept(
    plan: Plan, editor: ComparisonEditor
) -> None:
    assert editor.choose(CODES[:MAX_CHOSEN], today=date(2026, 10, 5))
    with pytest.raises(ComparisonError, match="Choose at most 2: untick one"):
        editor.choose(CODES, today=date(2026, 11, 1))
    with pytest.raises(ComparisonError, match="not one of the options compared"):
        editor.choose(["15-1252.00"])
    assert plan.comparison.chosen == CODES[:2]
    assert plan.comparison.decided == date(2026, 10, 5)
    editor.set_reason("Closer to patients")
    plan.save()
    saved = reopen(plan).comparison
    assert (saved.chosen, saved.reason) == (CODES[:2], "Closer to patients")


def test_analysis_uses_own_ratings_over_the_data(editor: ComparisonEditor) -> None:
    data = pd.DataFrame(
        {"pay": [8.0, 2.0, np.nan], "feels_right": [np.nan] * 3, "commute": [np.nan] * 3},
        index=pd.Index(CODES, name="option"),
    )
    editor.set_rating("13-1151.00", "pay", 9)  # an override of the data's 2
    editor.set_rating("custom:a", "feels_right", 7)
    analysis = analyse(editor.weights(), editor.own(), data, scoring.weighted_average, "pay")
    assert analysis.ratings.at["13-1151.00", "pay"] == 9
    assert analysis.ratings.at["11-9111.00", "pay"] == 8
    assert analysis.result is not None and analysis.sweep is not None and not analysis.problem
    assert analysis.result.ranks.idxmin() == "13-1151.00"


def test_analysis_says_why_the_scores_cannot_be_computed(editor: ComparisonEditor) -> None:
    data = pd.DataFrame(5.0, index=pd.Index(CODES, name="option"), columns=editor.ids)
    analysis = analyse(editor.weights(), editor.own(), data, lambda r, w: "high", None)
    assert analysis.result is None
    assert "score() returned a string ('high')" in analysis.problem
