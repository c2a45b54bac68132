"""Scoring: data rules, the weighted matrix, formula checks, what-if analyses, speed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerkit.catalog import fit
from careerkit.plan import Option
from careerkit.steps.compare import formula, scoring
from careerkit.steps.compare.criteria import (
    DATA_CRITERIA,
    DEFAULT_WEIGHTS,
    default_criteria,
    make_criteria,
)
from careerkit.steps.compare.scoring import FormulaError, ScoringError
from tests.synthetic import synthetic_catalog

CRITERIA = ["pay", "work_life", "feels_right"]


def table(rows: dict[str, list[float]], columns: list[str] = CRITERIA) -> pd.DataFrame:
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns, dtype=float)


def weights(*values: float, index: list[str] = CRITERIA) -> pd.Series:
    return pd.Series(values, index=index, dtype=float)


# --- criteria ---------------------------------------------------------------------------


def test_default_criteria_have_labels_and_know_which_come_from_data() -> None:
    criteria = default_criteria()
    assert [c.id for c in criteria] == list(DEFAULT_WEIGHTS)
    assert criteria[0].label == "Interest fit" and criteria[-1].label == "Feels right"
    assert [c.id for c in criteria if c.from_data] == list(DATA_CRITERIA)


def test_new_criterion_gets_a_label_from_its_id_unless_given() -> None:
    made = make_criteria({"commute_time": 3, "pay": 1}, {"pay": "Salary"})
    assert [(c.label, c.weight, c.from_data) for c in made] == [
        ("Commute time", 3.0, False),
        ("Salary", 1.0, True),
    ]


@pytest.mark.parametrize(
    ("weights_", "labels", "expected"),
    [
        ({}, None, "at least one criterion"),
        ({"Commute time": 3}, None, "'commute_time'"),
        ({"pay": 7}, None, "the weight of 'pay' is 7; use a number from 0 to 5"),
        ({"pay": -1}, None, "is -1"),
        ({"pay": "high"}, None, "is 'high'"),
        ({"pay": True}, None, "is True"),
        ({"pay": float("nan")}, None, "is nan"),
        ({"pay": 2}, {"comute": "Commute"}, "'comute', which is not one of the criteria"),
        ({"pay": 2}, {"pay": " "}, "must be some text"),
    ],
)
def test_bad_criteria_are_explained(weights_, labels, expected: str) -> None:
    with pytest.raises(ScoringError, match="^the cell: .*") as err:
        make_criteria(weights_, labels, "the cell")
    assert expected in str(err.value)


# --- data-backed ratings ------------------------------------------------------------------


def test_pay_is_on_an_absolute_log_scale() -> None:
    wages = pd.Series([10_000, 25_000, 61_237, 150_000, 400_000, np.nan, 0])
    assert scoring.pay_rating(wages).tolist()[:5] == [0.0, 0.0, 5.0, 10.0, 10.0]
    assert scoring.pay_rating(wages).iloc[5:].isna().all()  # unknown or impossible wage
    doubling = scoring.pay_rating(pd.Series([30_000.0, 60_000.0, 120_000.0]))
    assert doubling.diff().dropna().round(1).tolist() == [3.9, 3.9]


def test_outlook_rule() -> None:
    pct = pd.Series([-10, -6, 4, 14, 30, None], dtype="Float64")
    rated = scoring.outlook_rating(pct)
    assert rated.iloc[:5].tolist() == [0.0, 0.0, 5.0, 10.0, 10.0]
    assert np.isnan(rated.iloc[5])


def test_work_life_averages_hours_and_schedule_when_known() -> None:
    hours = pd.Series([40, 50, 60, 45, None], dtype="Float64")
    schedule = pd.Series(["regular", "shifts", "irregular", None, "seasonal"], dtype="string")
    assert scoring.work_life_rating(hours, schedule).tolist() == [10.0, 5.0, 1.5, 7.5, 7.0]
    both_unknown = scoring.work_life_rating(pd.Series([np.nan]), pd.Series([None]))
    assert both_unknown.isna().all()


def test_data_ratings_from_catalogue_profile_and_custom_wage() -> None:
    catalog = synthetic_catalog(30, seed=3)
    codes = list(catalog.index[:3])
    options = [
        *(Option(code=c, title="x") for c in codes),
        Option(code="custom:mine", title="Mine", custom=True, median_wage=61_237),
        Option(code="99-9999.00", title="Gone from the catalogue"),
    ]
    interests = {"R": 10, "I": 20, "A": 30, "S": 90, "E": 70, "C": 50}
    skills = ["Speaking", "Coordination"]
    data = scoring.data_ratings(options, catalog, interests, skills)
    rows = catalog.loc[codes]
    assert (
        data["interest_fit"].iloc[:3].tolist()
        == (fit.interest_fit(interests, rows) / 10).round(1).tolist()
    )
    assert (
        data["skills_match"].iloc[:3].tolist()
        == (fit.skills_match(skills, rows) / 10).round(1).tolist()
    )
    assert data.loc["custom:mine", "pay"] == 5.0  # from the wage the person entered
    assert data.loc["custom:mine"].drop("pay").isna().all()
    assert data.loc["99-9999.00"].isna().all()
    # An absolute scale: an option's ratings do not depend on the other options.
    alone = scoring.data_ratings(options[1:2], catalog, interests, skills)
    pd.testing.assert_series_equal(alone.iloc[0], data.iloc[1])


def test_no_quiz_or_skills_leaves_those_criteria_not_rated() -> None:
    catalog = synthetic_catalog(5)
    data = scoring.data_ratings([Option(code=catalog.index[0], title="x")], catalog, None, [])
    assert data[["interest_fit", "skills_match"]].isna().all(axis=None)
    assert data[["pay", "outlook", "work_life"]].notna().any(axis=None)


def test_own_ratings_table() -> None:
    own = scoring.own_ratings({"a": {"pay": 3, "other": 1}}, ["a", "b"], CRITERIA)
    assert own.loc["a", "pay"] == 3 and own.drop(index="a").isna().all(axis=None)
    assert list(own.columns) == CRITERIA and scoring.own_ratings({}, [], CRITERIA).empty


# --- scoring ------------------------------------------------------------------------------


def test_missing_rating_is_left_out_and_the_other_weights_rescaled() -> None:
    ratings = table({"A": [8, np.nan, 4], "B": [2, 6, 10]})
    result = scoring.score_options(ratings, weights(1, 2, 3))
    assert result.scores["A"] == pytest.approx((8 * 1 + 4 * 3) / 4)  # work_life left out
    assert result.scores["B"] == pytest.approx((2 + 12 + 30) / 6)
    assert result.missing.loc["A"].tolist() == [False, True, False]
    assert not result.missing.loc["B"].any()
    np.testing.assert_allclose(result.parts.sum(axis=1), result.scores)


def test_ties_share_the_better_rank() -> None:
    ratings = table({"A": [5, 5, 5], "B": [9, 9, 9], "C": [5, 5, 5], "D": [1, 1, 1]})
    result = scoring.score_options(ratings, weights(1, 1, 1))
    assert result.ranks.tolist() == [2, 1, 2, 4]
    tie = scoring.score_options(table({"A": [2, 4, 0], "B": [3, 3, 0]}), weights(0.3, 0.3, 0))
    assert tie.leaders == ["A", "B"]  # equal up to float rounding: a tie


def test_a_single_option_is_ranked_first() -> None:
    result = scoring.score_options(table({"Only": [3, 4, 5]}), weights(1, 1, 1))
    assert result.ranks.tolist() == [1] and result.leaders == ["Only"]
    assert scoring.flip_top_two(table({"Only": [3, 4, 5]}), weights(1, 1, 1)) is None


def test_an_option_without_weighted_ratings_is_not_scored_and_comes_last() -> None:
    ratings = table({"A": [np.nan, np.nan, 7], "B": [4, 4, 4]})
    result = scoring.score_options(ratings, weights(1, 1, 0))
    assert np.isnan(result.scores["A"]) and np.isnan(result.ranks["A"])
    assert result.ranks["B"] == 1 and result.parts.loc["A"].isna().all()


@pytest.mark.parametrize(
    ("ratings", "weights_", "expected"),
    [
        (table({"A": [-1, 5, 5]}), weights(1, 1, 1), "rating of 'pay' for 'A' is -1; ratings go"),
        (table({"A": [11, 5, 5]}), weights(1, 1, 1), "is 11; ratings go from 0 to 10"),
        (table({"A": [1, 5, 5]}), weights(np.nan, 1, 1), "weight of 'pay' is nan"),
        (table({"A": [1, 5, 5]}), weights(-2, 1, 1), "weight of 'pay' is -2"),
        (table({"A": [1, 5, 5]}), weights(0, 0, 0), "All the weights are 0"),
        (table({"A": [1, 5, 5]}), weights(1, 1, index=["pay", "x"]), "do not match the criteria"),
    ],
)
def test_bad_input_is_rejected_in_plain_words(ratings, weights_, expected: str) -> None:
    with pytest.raises(ScoringError) as err:
        scoring.score_options(ratings, weights_)
    assert expected in str(err.value)


# --- the editable formula ---------------------------------------------------------------------

RATINGS = table({"Registered Nurses": [8, 3, 5], "Chefs": [4, 7, 9]})
W = weights(2, 3, 1)


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        (lambda r, w: r["pay"].astype(str), "returned a string ('8.0') for 'Registered Nurses'"),
        (lambda r, w: [1.0], "returned 1 values for 2 options"),
        (lambda r, w: 5, "returned a single number (5)"),
        (lambda r, w: None, "returned nothing (None)"),
        (lambda r, w: r * w, "returned a table"),
        (lambda r, w: r["pay"] > 5, "returned True/False (True) for 'Registered Nurses'"),
        (lambda r, w: r["pay"] / 0 * 0, "returned NaN (not a number) for 'Registered Nurses'"),
        (lambda r, w: r["pay"] / (r["pay"] - 4), "endless value (infinity) for 'Chefs'"),
        (lambda r, w: r["commute"], "there is no criterion called 'commute'. The criteria are"),
        (lambda r, w: 1 / 0, "ZeroDivisionError: division by zero"),
    ],
)
def test_formula_mistakes_are_reported_in_plain_words(formula, expected: str) -> None:
    with pytest.raises(FormulaError) as err:
        scoring.score_options(RATINGS, W, formula)
    assert expected in str(err.value)


def salary(ratings: pd.DataFrame, weights: pd.DataFrame) -> pd.Series:
    total = (ratings * weights).sum(axis=1)
    return total + ratings["salary"]  # a criterion that is not there


def test_a_missing_criterion_is_named_with_the_criteria_and_the_line() -> None:
    with pytest.raises(FormulaError) as err:
        scoring.score_options(RATINGS, W, salary)
    message = str(err.value)
    assert "KeyError" not in message
    assert "asks for a criterion called 'salary' (line 3 of score())" in message
    assert f"The criteria are {', '.join(repr(c) for c in RATINGS.columns)}" in message


def test_a_formula_that_ignores_the_weights_is_noticed() -> None:
    assert formula.habits(lambda r, w: r["pay"], ["pay", "work_life"]).ignores_weights
    standard = formula.habits(scoring.weighted_average, ["pay", "work_life"])
    assert not standard.ignores_weights and not standard.across_rows


def test_a_formula_that_scores_across_rows_is_noticed() -> None:
    def relative(ratings: pd.DataFrame, weights: pd.DataFrame) -> pd.Series:
        s = (ratings * weights).sum(axis=1)
        return s / s.max()

    found = formula.habits(relative, ["pay", "work_life", "development"])
    assert found.across_rows and not found.ignores_weights
    assert not formula.habits(lambda r, w: 1 / 0, ["pay"]).across_rows  # failing: unknown


def test_formula_may_return_a_list_or_a_reordered_series() -> None:
    as_list = scoring.score_options(RATINGS, W, lambda r, w: [1, 2])
    assert as_list.scores.tolist() == [1, 2]
    reordered = scoring.score_options(RATINGS, W, lambda r, w: r["pay"].iloc[::-1])
    assert reordered.scores.tolist() == [8, 4]


def test_a_formula_that_changes_its_inputs_cannot_change_the_ratings() -> None:
    ratings = table({"A": [np.nan, 5, 5], "B": [4, 4, 4]})

    def careless(r: pd.DataFrame, w: pd.DataFrame) -> pd.Series:
        r.fillna(0, inplace=True)
        return r.sum(axis=1)

    scoring.score_options(ratings, weights(1, 1, 1), careless)
    assert np.isnan(ratings.loc["A", "pay"])


def test_min_threshold_rule_rules_options_out() -> None:
    def score(ratings: pd.DataFrame, weights: pd.DataFrame) -> pd.Series:
        total = scoring.weighted_average(ratings, weights)
        return total.where(~(ratings < 4).any(axis=1), 0)

    result = scoring.score_options(RATINGS, W, score)
    assert result.scores.tolist() == [0, pytest.approx((8 + 21 + 9) / 6)]
    assert result.parts.loc["Registered Nurses"].sum() == 0  # a zero score has no parts
    assert scoring.sweep(RATINGS, W, "pay", score=score)["Registered Nurses"].eq(0).all()


def test_formula_comparing_options_is_refused_for_what_if_analysis() -> None:
    def relative(ratings: pd.DataFrame, weights: pd.DataFrame) -> pd.Series:
        total = scoring.weighted_average(ratings, weights)
        return total / total.max() * 10

    scoring.score_options(RATINGS, W, relative)  # fine on its own
    with pytest.raises(FormulaError, match="Score each option from its own row only"):
        scoring.sweep(RATINGS, W, "pay", score=relative)


def test_what_if_failure_names_the_weight_setting() -> None:
    def fragile(ratings: pd.DataFrame, weights: pd.DataFrame) -> pd.Series:
        return (ratings * weights).sum(axis=1) / weights["pay"]

    with pytest.raises(FormulaError) as err:
        scoring.sweep(RATINGS, W, "pay", score=fragile)
    assert "for 'Registered Nurses' (with 'pay' at weight 0)" in str(err.value)


# --- what-if analyses -------------------------------------------------------------------


def test_sweep_runs_one_weight_from_0_to_5_and_keeps_the_others() -> None:
    swept = scoring.sweep(RATINGS, W, "pay")
    assert swept.shape == (101, 2) and swept.index[0] == 0 and swept.index[-1] == 5
    at_two = swept.loc[np.isclose(swept.index, 2.0)].iloc[0]
    np.testing.assert_allclose(at_two, scoring.score_options(RATINGS, W).scores)
    without_pay = scoring.score_options(RATINGS, weights(0, 3, 1)).scores
    np.testing.assert_allclose(swept.iloc[0], without_pay)
    assert scoring.leaders(swept).iloc[[0, -1]].tolist() == ["Chefs", "Registered Nurses"]


def test_flip_finds_the_smallest_single_weight_change() -> None:
    ratings = table({"A": [8, 2, np.nan], "B": [6, 9, np.nan]})
    flip = scoring.flip_top_two(ratings, weights(4, 2, 1))
    # B leads (7.0 against 6.0); work_life 2 -> 1 gives A 6.8 against B 6.6.
    assert flip == scoring.Flip("work_life", 2.0, 1.0, winner="A", loser="B")


def test_no_flip_when_the_lead_holds_or_is_tied() -> None:
    strong = table({"A": [9, 9, 9], "B": [1, 2, 3]})
    assert scoring.flip_top_two(strong, weights(1, 1, 1)) is None
    tied = table({"A": [5, 5, 5], "B": [5, 5, 5]})
    assert scoring.flip_top_two(tied, weights(1, 1, 1)) is None


def test_what_if_gives_the_same_as_sweep_and_flip() -> None:
    ratings = table({"A": [8, 2, np.nan], "B": [6, 9, 3], "C": [5, 5, 5]})
    w = weights(4, 2, 1)
    scores = scoring.score_options(ratings, w).scores
    swept, flip = scoring.what_if(ratings, w, "pay", scoring.weighted_average, scores)
    pd.testing.assert_frame_equal(swept, scoring.sweep(ratings, w, "pay"))
    assert flip == scoring.flip_top_two(ratings, w)
    assert scoring.what_if(ratings, w, None, scoring.weighted_average, scores)[0] is None


# --- properties -------------------------------------------------------------------------

GRID = [x / 2 for x in range(21)]  # 0, 0.5, ... 10


@st.composite
def matrices(draw: st.DrawFn) -> tuple[pd.DataFrame, pd.Series]:
    n_opt = draw(st.integers(1, 6))
    n_crit = draw(st.integers(1, 5))
    cells = st.one_of(st.sampled_from(GRID), st.just(np.nan))
    values = draw(st.lists(cells, min_size=n_opt * n_crit, max_size=n_opt * n_crit))
    crit = [f"c{j}" for j in range(n_crit)]
    ratings = pd.DataFrame(
        np.array(values, dtype=float).reshape(n_opt, n_crit),
        index=[f"o{i}" for i in range(n_opt)],
        columns=crit,
    )
    w = draw(st.lists(st.sampled_from(GRID[:11]), min_size=n_crit, max_size=n_crit))
    if not any(w):
        w[0] = 1.0
    return ratings, pd.Series(w, index=crit, dtype=float)


@settings(max_examples=150, deadline=None)
@given(matrices(), st.floats(0.05, 1.0))
def test_scaling_all_weights_keeps_the_ranking(matrix, fraction: float) -> None:
    ratings, w = matrix
    factor = fraction * scoring.WEIGHT_MAX / w.max()  # any positive factor keeping 0-5
    scaled = (w * factor).clip(upper=scoring.WEIGHT_MAX)
    before = scoring.score_options(ratings, w).ranks
    after = scoring.score_options(ratings, scaled).ranks
    pd.testing.assert_series_equal(before, after)


@settings(max_examples=150, deadline=None)
@given(matrices(), st.data())
def test_raising_a_weighted_rating_never_lowers_the_rank(matrix, data: st.DataObject) -> None:
    ratings, w = matrix
    rated = [
        (i, j)
        for i in range(ratings.shape[0])
        for j in range(ratings.shape[1])
        if not np.isnan(ratings.iat[i, j]) and w.iat[j] > 0 and ratings.iat[i, j] < 10
    ]
    if not rated:
        return
    i, j = data.draw(st.sampled_from(rated))
    higher = ratings.copy()
    higher.iat[i, j] = data.draw(st.sampled_from([g for g in GRID if g > ratings.iat[i, j]]))
    before = scoring.score_options(ratings, w).ranks.iat[i]
    after = scoring.score_options(higher, w).ranks.iat[i]
    assert after <= before


# --- the full-size sweep --------------------------------------------------------------


def test_sweep_covers_every_step_for_20_options_and_10_criteria() -> None:
    rng = np.random.default_rng(0)
    ratings = pd.DataFrame(
        rng.uniform(0, 10, (20, 10)),
        index=[f"Option {i}" for i in range(20)],
        columns=[f"c{j}" for j in range(10)],
    )
    ratings = ratings.mask(rng.random((20, 10)) < 0.1)  # some not rated
    w = pd.Series(rng.uniform(0, 5, 10).round(1), index=ratings.columns)
    swept = scoring.sweep(ratings, w, "c0")
    assert swept.shape == (101, 20)
    assert swept.notna().all().all()
    # each step equals scoring with that weight directly (benchmarks/bench.py times the sweep)
    moved = w.copy()
    moved["c0"] = swept.index[50]
    direct = scoring.score_options(ratings, moved).scores.reindex(swept.columns)
    np.testing.assert_allclose(swept.iloc[50].to_numpy(), direct.to_numpy())


# --- criterion names a coach types -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("interest_fitt", "interest_fit"),
        ("intrest_fit", "interest_fit"),
        ("skill_match", "skills_match"),
        ("feel_right", "feels_right"),
    ],
)
def test_a_misspelt_builtin_criterion_is_refused_with_a_suggestion(typo: str, meant: str) -> None:
    with pytest.raises(ScoringError) as err:
        make_criteria({typo: 3, "pay": 2}, where="The criteria cell")
    assert f"there is no criterion called {typo!r}; did you mean {meant!r}?" in str(err.value)


def test_a_new_criterion_far_from_the_builtin_ones_is_accepted() -> None:
    assert [c.id for c in make_criteria({"commute": 3, "team": 2})] == ["commute", "team"]


def test_a_non_ascii_name_gets_a_clean_id_and_the_label_to_show_it() -> None:
    with pytest.raises(ScoringError) as err:
        make_criteria({"Nähe zur Familie": 3}, where="The criteria cell")
    message = str(err.value)
    assert "n_he" not in message
    assert "e.g. 'nahe_zur_familie'" in message
    assert "LABELS = {'nahe_zur_familie': 'Nähe zur Familie'}" in message
    made = make_criteria({"nahe_zur_familie": 3}, {"nahe_zur_familie": "Nähe zur Familie"})
    assert made[0].label == "Nähe zur Familie"
