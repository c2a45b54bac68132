"""The step 3 board: widgets moved as a person would, checked on screen and on disk."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import ipywidgets as w
import numpy as np
import pandas as pd
import pytest

from careerkit.plan import Gut, Option, Plan
from careerkit.report import charts, compare_words
from careerkit.steps.compare import scoring
from careerkit.steps.compare.criteria import DEFAULT_WEIGHTS
from careerkit.steps.compare.scoring import Result
from careerkit.ui import coach_cells as coach_cell_magics
from careerkit.ui import compare, compare_panels
from careerkit.ui.compare import CompareBoard
from careerkit.ui.compare_panels import NOT_RATED
from careerkit.workbook import SAMPLE_PLAN
from tests.conftest import reopen

MHSM, TRAINING, HR = "11-9111.00", "13-1151.00", "13-1071.00"
MANAGERS = "Medical and Health Services Managers"
TRAINERS = "Training and Development Specialists"
HR_NAME = "Human Resources Specialists"
CLINIC = "Clinic operations coordinator (local hospital posting)"


@pytest.fixture
def board(persona: Plan, catalog: pd.DataFrame) -> CompareBoard:
    return compare.matrix(persona, catalog)


def pay_decides(plan: Plan) -> None:
    """Two options of the person's own: the better paid one is first only through pay."""
    plan.exploration.options = [
        Option(code="custom:a", title="Well paid", custom=True, median_wage=140_000),
        Option(code="custom:b", title="Loved", custom=True, median_wage=40_000),
    ]
    plan.comparison.ratings = {
        "custom:a": {"development": 6, "feels_right": 6},
        "custom:b": {"development": 7, "feels_right": 7},
    }
    plan.save()


def texts(board: CompareBoard) -> str:
    pay, results = board.pay, board.results
    return " ".join(
        [pay.flag.value, pay.flip.value, pay.summary.value, results.message.value]
    ).replace("&#x27;", "'")


# --- nothing to compare, or set up wrongly ---------------------------------------------------


def shown(widget: w.Widget) -> str:
    """Every text ``widget`` and its children show (HTML values and descriptions)."""
    own = [getattr(widget, trait, "") for trait in ("value", "description")]
    words = " ".join(text for text in own if isinstance(text, str))
    return " ".join([words, *(shown(child) for child in getattr(widget, "children", ()))])


def test_empty_plan_says_to_shortlist_in_02_first_once(plan: Plan, catalog: pd.DataFrame) -> None:
    board = compare.matrix(plan, catalog)
    assert "shortlist some occupations in 02" in board.problem
    panels = [getattr(board, f"{panel}_panel") for panel in compare.PANELS]
    said = [shown(panel).count("There is nothing to compare yet") for panel in panels]
    assert said == [1, 0, 0, 0, 0, 0, 0]  # in the first panel only
    assert board.ranking().empty


def test_a_coach_previews_the_scoring_on_the_sample_persona(
    plan: Plan, catalog: pd.DataFrame
) -> None:
    on_disk = plan.path.read_bytes()
    sample = SAMPLE_PLAN.read_bytes()
    board = compare.matrix(plan, catalog, criteria={**DEFAULT_WEIGHTS, "commute": 2})
    board.preview_button.click()
    preview = board.preview_board
    assert preview is not None
    assert shown(board.setup_panel).count("Maya Alvarez") == 1  # whose plan it is
    assert preview.ranking().index[0] == MANAGERS and "commute" in preview.ids
    assert preview.results_panel in board.preview_area.children
    assert (
        preview.weights.sliders["pay"].disabled
        and preview.rater.row(MANAGERS, "pay").slider.disabled
    )
    assert all(tick.disabled for tick in preview.choice.ticks.values())
    # The sample persona has done every part, but a preview shows the scoring whole.
    assert [fold.selected_index for fold in folds(preview).values()] == [0] * 6
    assert preview.where.value == ""  # not the coach's choice
    preview.weights.sliders["pay"].value = 5  # were a control moved anyway: nothing is saved
    preview.gut.toggles[MANAGERS, "feels_right"].value = "no"
    preview.saver.flush()
    assert preview.ranking()["score"].notna().all()
    assert plan.path.read_bytes() == on_disk and SAMPLE_PLAN.read_bytes() == sample
    assert reopen(plan).comparison == plan.comparison and board.errors.outputs == ()


def test_a_plan_without_a_file_is_shown_read_only(catalog: pd.DataFrame) -> None:
    import careerkit

    board = compare.matrix(careerkit.sample_plan(), catalog)
    assert board.read_only and board.weights.sliders["pay"].disabled
    assert "Nothing can be changed here and nothing is saved" in shown(board.setup_panel)


def test_all_options_dropped(persona: Plan, catalog: pd.DataFrame) -> None:
    for option in persona.exploration.options:
        option.dropped = True
    assert "Every option on your shortlist is dropped" in compare.matrix(persona, catalog).problem


def test_bad_criteria_cell_is_shown_not_raised(persona: Plan, catalog: pd.DataFrame) -> None:
    board = compare.matrix(persona, catalog, criteria={"pay": 9})
    assert "The criteria cell" in board.problem and "0 to 5" in board.problem
    assert "0 to 5" in shown(board.setup_panel) and "0 to 5" not in board.results_panel.value


def test_missing_catalogue_is_reported_and_ratings_still_work(
    persona: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERKIT_CATALOG", str(tmp_path / "nowhere.csv"))
    board = compare.matrix(persona)
    assert "could not be loaded" in board.setup_html
    assert board.data.drop(index=CLINIC).isna().all(axis=None)
    assert board.ranking().index[0] == TRAINERS  # scored on the person's own ratings alone


# --- the matrix -----------------------------------------------------------------------------


def test_data_criteria_come_from_the_catalogue_and_the_persona(board: CompareBoard) -> None:
    pay = scoring.pay_rating(pd.Series([123_860.0, 52_000.0])).tolist()
    assert [board.data.at[MANAGERS, "pay"], board.data.at[CLINIC, "pay"]] == pay
    assert board.data.loc[CLINIC].drop("pay").isna().all()  # own occupation: rate it yourself
    assert board.data[["development", "feels_right"]].isna().all(axis=None)
    setup = board.setup_html
    assert "careerkit defaults" in setup and "Work-life balance 3" in setup
    assert "Your own occupations are not in the catalog" in setup


def test_results_show_ranking_bars_and_heat_map(persona: Plan, catalog: pd.DataFrame) -> None:
    persona.comparison.ratings[MHSM]["outlook"] = 9.0  # Maya overrides the data value
    board = compare.matrix(persona, catalog)
    ranking = board.ranking()
    assert ranking.index[0] == MANAGERS and ranking["rank"].tolist() == [1, 2, 3, 4, 5]
    assert ranking["score"].is_monotonic_decreasing
    html = board.results.ranking.value
    assert html.index(MANAGERS) < html.index(TRAINERS)  # best first
    assert 'title="Pay: ' in html  # a bar segment per criterion
    heat = board.results.heatmap.value
    assert heat.count(" ✎</td>") == 1 and "9.0 ✎</td>" in heat  # Maya's override
    assert heat.count("<i>not rated</i>") == 1  # the clinic posting's outlook
    assert "not rated, so left out: Outlook" in html


class Cells(HTMLParser):
    """The text of each <caption>, <th> and <td> of an HTML table, with its style."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.cells: list[tuple[str, str, str]] = []  # (tag, style, text)
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("caption", "th", "td"):
            self.cells.append((tag, dict(attrs).get("style") or "", ""))

    def handle_data(self, data: str) -> None:
        if self.cells:
            tag, style, text = self.cells[-1]
            self.cells[-1] = (tag, style, text + data)

    def of(self, tag: str) -> list[tuple[str, str]]:
        return [(style, text.strip()) for t, style, text in self.cells if t == tag]


def test_the_score_and_its_split_have_headers_apart(board: CompareBoard) -> None:
    ranking, heat = Cells(board.results.ranking.value), Cells(board.results.heatmap.value)
    # Each table under its own caption, and they differ.
    (ranked,), (rated,) = ranking.of("caption"), heat.of("caption")
    assert ranked[1] and rated[1] and ranked[1] != rated[1]
    headers = [text for _, text in ranking.of("th")]
    score = headers.index(compare_words.SCORE_HEADER)
    split_style, split = ranking.of("th")[score + 1]
    # Neither header reads as the start of the other, and a gap and a rule keep them apart.
    assert not split.startswith(headers[score]) and not headers[score].startswith(split)
    assert "padding-right" in ranking.of("th")[score][0] and "padding-left" in split_style
    assert "border-left" in split_style
    assert "Pay" in split  # the colour legend sits under the header of the split it explains


def test_moving_a_weight_rescores_and_is_saved(board: CompareBoard, persona: Plan) -> None:
    before = board.ranking()["score"]
    board.weights.sliders["work_life"].value = 5
    assert not board.ranking()["score"].equals(before)
    assert reopen(persona).comparison.weights == {**DEFAULT_WEIGHTS, "work_life": 5.0}
    total = sum(DEFAULT_WEIGHTS.values()) + 2
    assert f"{5 / total * 100:.0f}% of the score" in board.weights.shares["work_life"].value
    board.weights.sliders["pay"].value = 5
    board.weights.reset.click()
    assert reopen(persona).comparison.weights == {}
    assert board.weights.sliders["pay"].value == 2 and board.weights.sliders["work_life"].value == 3


def shares_shown(board: CompareBoard) -> list[int]:
    return [
        int(re.search(r"(\d+)% of the score", share.value).group(1))
        for share in board.weights.shares.values()
    ]


def test_weight_shares_add_up_to_100(board: CompareBoard) -> None:
    # Maya's weights: 3 of 18 is 16.7% and 2 of 18 is 11.1%; rounded alone they make 101%.
    weights = board.weights_now()
    alone = (weights / weights.sum() * 100).round()
    assert alone.sum() == 101
    exact = (weights / weights.sum() * 100).tolist()
    shares = shares_shown(board)
    assert sum(shares) == 100
    assert all(abs(share - x) < 1 for share, x in zip(shares, exact, strict=True))
    board.weights.sliders["pay"].value = 1  # 3 3 1 2 3 2 3: rounded alone, 102%
    weights = board.weights_now()
    assert (weights / weights.sum() * 100).round().sum() == 102
    assert sum(shares_shown(board)) == 100


def test_percent_shares_are_whole_and_sum_to_100() -> None:
    rng = np.random.default_rng(3)
    for _ in range(300):
        weights = pd.Series(rng.choice(scoring.WEIGHT_GRID, size=rng.integers(1, 9)))
        if weights.sum() == 0:
            assert (compare_words.percent_shares(weights) == 0).all()
            continue
        shares = compare_words.percent_shares(weights)
        exact = weights / weights.sum() * 100
        assert shares.sum() == 100 and ((shares - exact).abs() < 1).all()
        assert (shares[weights == 0] == 0).all()


def test_all_weights_zero_gives_a_message_not_an_error(board: CompareBoard) -> None:
    for slider in board.weights.sliders.values():
        slider.value = 0
    assert "All the weights are 0" in board.weights.message.value
    assert "All the weights are 0" in board.results.message.value
    assert board.ranking().empty and board.errors.outputs == ()
    board.weights.sliders["feels_right"].value = 1
    assert board.ranking().index[0] in (MANAGERS, TRAINERS)  # both rated 8 on feels right
    assert board.results.message.value == ""


def test_rating_a_criterion_and_clearing_it(board: CompareBoard, persona: Plan) -> None:
    row = board.rater.row(HR_NAME, "development")
    assert row.slider.value == 6  # the persona's own rating
    row.slider.value = 9.5
    assert reopen(persona).comparison.ratings[HR]["development"] == 9.5
    row.back.click()  # "Clear my rating"
    assert "development" not in reopen(persona).comparison.ratings[HR]
    assert row.slider.value == NOT_RATED
    assert "not rated, so left out: Career development" in board.results.ranking.value


def test_overriding_data_and_going_back(board: CompareBoard, persona: Plan) -> None:
    row = board.rater.row(MANAGERS, "pay")
    data = board.data.at[MANAGERS, "pay"]
    # The handle sits at the data value, between the stops either side of it.
    assert row.slider.value == NOT_RATED and row.slider.label == f"data {data:.1f}"
    below = [label for label, value in row.slider.options[: row.slider.index]]
    above = [label for label, value in row.slider.options[row.slider.index + 1 :]]
    assert [float(x) for x in below] == [x / 2 for x in range(int(data * 2) + 1)]
    assert float(above[0]) > data and float(below[-1]) <= data
    assert row.back.layout.display == "none"
    row.slider.index += 1  # one step right: an own rating, starting from the data value
    assert reopen(persona).comparison.ratings[MHSM]["pay"] == float(above[0])
    row.slider.value = 4.0
    assert reopen(persona).comparison.ratings[MHSM]["pay"] == 4.0
    assert f"the data says {data:.1f}" in row.status.value
    assert "4.0 ✎</td>" in board.results.heatmap.value
    row.back.click()  # "Use the data value"
    assert "pay" not in reopen(persona).comparison.ratings[MHSM]
    assert "4.0 ✎</td>" not in board.results.heatmap.value


def test_a_not_rated_slider_does_not_look_like_a_rating_of_0(board: CompareBoard) -> None:
    row = board.rater.row(HR_NAME, "development")  # rated 6 by the persona, no data
    assert row.slider.value == 6 and compare_panels.UNRATED_CLASS not in row.slider._dom_classes
    row.back.click()  # "Clear my rating": the handle goes to the "not rated" stop, left of 0
    assert row.slider.label == "not rated" and row.slider.index == 0
    assert compare_panels.UNRATED_CLASS in row.slider._dom_classes  # hollow, dashed, faint
    assert compare_panels.UNRATED_CLASS in compare_panels.UNRATED_CSS
    assert compare_panels.UNRATED_CSS in shown(board.ratings_panel)  # the style is on the page
    row.slider.value = 0.0  # a real 0 looks like a rating
    assert compare_panels.UNRATED_CLASS not in row.slider._dom_classes
    data = board.rater.row(MANAGERS, "pay")  # at its data value: a number, not "not rated"
    assert (
        data.slider.value == NOT_RATED
        and compare_panels.UNRATED_CLASS not in data.slider._dom_classes
    )


def test_picking_an_option_shows_its_rows(board: CompareBoard) -> None:
    board.rater.picker.value = CLINIC
    rows = board.rater.sheet.children[0].children
    assert rows[0] is board.rater.row(CLINIC, "interest_fit").box
    assert board.rater.row(CLINIC, "interest_fit").slider.value == 7  # rated by the persona


# --- pay is not the decider ---------------------------------------------------------------------


def test_flags_a_top_option_that_leads_only_through_pay(plan: Plan, catalog: pd.DataFrame) -> None:
    pay_decides(plan)
    board = compare.matrix(plan, catalog)
    assert board.ranking().index.tolist() == ["Well paid", "Loved"]
    words = texts(board)
    assert "without the pay weight, 'Loved' would rank first" in words
    assert "'Well paid' is first only because it pays more" in words
    assert "Lowering 'Pay' from 2 to 0.5 would put 'Loved' first, ahead of 'Well paid'" in words
    assert "first place goes to 'Loved' from 0 to 0.5, then 'Well paid' from 1 to 5" in words
    assert bytes(board.pay.chart.value).startswith(b"\x89PNG")
    board.weights.sliders["pay"].value = 0
    assert board.ranking().index[0] == "Loved"
    assert "Pay has weight 0" in texts(board)
    assert reopen(plan).comparison.weights["pay"] == 0


def test_persona_is_told_pay_decides_and_what_would_flip_it(board: CompareBoard) -> None:
    words = texts(board)
    assert f"without the pay weight, '{TRAINERS}' would rank first" in words
    assert f"Raising 'Work-life balance' from 3 to 4 would put '{TRAINERS}' first" in words
    board.rater.row(MANAGERS, "work_life").back.click()  # back to the catalogue's 8.8
    words = texts(board)
    assert f"Pay is not the decider: without the pay weight, '{MANAGERS}' would still" in words
    assert f"No single weight change puts '{TRAINERS}' ahead of '{MANAGERS}'" in words


def test_without_a_pay_criterion_there_is_no_chart(persona: Plan, catalog: pd.DataFrame) -> None:
    criteria = {k: v for k, v in DEFAULT_WEIGHTS.items() if k != "pay"}
    board = compare.matrix(persona, catalog, criteria=criteria)
    assert "Pay is not one of the criteria" in texts(board)
    assert board.pay.sweep.layout.display == "none"  # the chart and its fold


def test_pay_message_when_the_top_options_tie() -> None:
    ranks = pd.Series([1.0, 1.0], index=["A", "B"])
    result = Result(ranks * 5, ranks, pd.DataFrame(), pd.DataFrame())
    sweep = pd.DataFrame({"A": [5.0], "B": [5.0]})
    text, kind = compare_words.pay_message(result, pd.Series({"pay": 2.0}), sweep)
    assert text == "'A' and 'B' share first place, pay included." and kind == "info"


# --- an edited formula or criteria ------------------------------------------------------------


def test_broken_formula_shows_a_plain_message(persona: Plan, catalog: pd.DataFrame) -> None:
    board = compare.matrix(persona, catalog, score=lambda r, w: r["pay"].astype(str))
    words = texts(board)
    assert "score() returned a string" in words and f"for '{MANAGERS}'" in words
    assert board.ranking().empty and board.errors.outputs == ()
    board.weights.sliders["pay"].value = 3  # still usable: changes are saved
    assert reopen(persona).comparison.weights["pay"] == 3


def test_formula_failing_only_in_the_what_if_keeps_the_results(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    def fragile(ratings: pd.DataFrame, weights: pd.DataFrame) -> pd.Series:
        return (ratings * weights).sum(axis=1) / weights["pay"]

    board = compare.matrix(persona, catalog, score=fragile)
    assert len(board.ranking()) == 5
    assert "(with 'pay' at weight 0)" in texts(board)


def test_added_criterion_is_rated_by_the_person(persona: Plan, catalog: pd.DataFrame) -> None:
    criteria = {**DEFAULT_WEIGHTS, "commute": 4}
    board = compare.matrix(persona, catalog, criteria=criteria, labels={"commute": "Commute"})
    assert "edited in this notebook" in board.setup_html
    assert "not rated, so left out: Commute" in board.results.ranking.value
    board.rater.row(TRAINERS, "commute").slider.value = 10
    assert reopen(persona).comparison.ratings[TRAINING]["commute"] == 10
    assert "Commute" in board.weights.sliders["commute"].description


def test_titles_are_escaped(persona: Plan, catalog: pd.DataFrame) -> None:
    persona.exploration.options[-1].title = "<b>Boss</b>"
    board = compare.matrix(persona, catalog)
    assert "&lt;b&gt;Boss&lt;/b&gt;" in board.results.ranking.value
    assert "<b>Boss</b>" not in board.results.heatmap.value


# --- gut check and choice ---------------------------------------------------------------------


def test_gut_check_saves_answers_and_points_out_a_mismatch(
    board: CompareBoard, persona: Plan
) -> None:
    top_three = board.ranking().index[:3]
    assert list(board.gut.list.children) == [board.gut.rows[name] for name in top_three]
    assert f"The top score and your gut agree on '{MANAGERS}'" in board.gut.messages.value.replace(
        "&#x27;", "'"
    )
    board.gut.toggles[MANAGERS, "feels_right"].value = "no"
    board.gut.toggles[TRAINERS, "want_to_grow"].value = "yes"
    saved = reopen(persona).comparison.gut
    assert saved[MHSM].feels_right == "no" and saved[TRAINING].want_to_grow == "yes"
    words = board.gut.messages.value.replace("&#x27;", "'")
    assert f"you answered no to '{compare_words.GUT_QUESTIONS['feels_right']}'" in words
    assert f"Your gut says yes to both questions for '{TRAINERS}'" in words


def test_the_gut_check_says_how_it_differs_from_the_feels_right_criterion(
    board: CompareBoard, persona: Plan, catalog: pd.DataFrame
) -> None:
    intro = board.gut.intro.value.replace("&#x27;", "'")
    assert "do not change the scores" in intro and "'Feels right' criterion" in intro
    before = board.ranking()
    board.gut.toggles[MANAGERS, "feels_right"].value = "no"  # the gut check counts for nothing
    pd.testing.assert_frame_equal(board.ranking(), before)
    rating = board.rater.note.value.replace("&#x27;", "'")  # above the rating sliders
    assert "'Feels right' is a rating like the others: it counts in the score" in rating
    without = dict(DEFAULT_WEIGHTS)
    del without["feels_right"]
    other = compare.matrix(persona, catalog, criteria=without)
    assert "criterion" not in other.gut.intro.value and "do not change" in other.gut.intro.value
    assert other.rater.note.value == ""


def test_gut_messages_for_unanswered_and_unsure() -> None:
    ranks = pd.Series([1.0, 2.0], index=["A", "B"])
    result = Result(ranks, ranks, pd.DataFrame(), pd.DataFrame())
    codes = {"A": "a", "B": "b"}
    assert compare_words.gut_messages(result, {}, codes) == [
        ("Answer both questions for 'A': the top score deserves a gut check.", "info")
    ]
    unsure = {"a": Gut(feels_right="unsure")}
    kinds = [kind for _, kind in compare_words.gut_messages(result, unsure, codes)]
    assert kinds == ["info", "info"]


def test_choosing_a_direction(board: CompareBoard, persona: Plan) -> None:
    ticks, choice = board.choice.ticks, board.choice
    assert [code for code, tick in ticks.items() if tick.value] == [MHSM, TRAINING]
    assert "Decided on October 5, 2026" in choice.decided.value
    ticks[HR].value = True  # a third: refused
    assert not ticks[HR].value and "Choose at most 2" in choice.messages.value
    assert reopen(persona).comparison.chosen == [MHSM, TRAINING]
    ticks[TRAINING].value = False
    ticks[HR].value = True
    choice.reason.value = "People work, and a growing field near home."
    saved = reopen(persona).comparison
    assert saved.chosen == [MHSM, HR] and saved.decided == date.today()
    assert saved.reason == "People work, and a growing field near home."
    assert "ranked 1st" in ticks[MHSM].description


def test_choice_notes_missing_reason_and_a_choice_below_the_top() -> None:
    ranks = pd.Series([1.0, 2.0], index=["A", "B"])
    result = Result(ranks, ranks, pd.DataFrame(), pd.DataFrame())
    names = {"a": "A", "b": "B"}
    notes = compare_words.choice_messages(["b", "gone"], "", result, names)
    assert [kind for _, kind in notes] == ["warn", "warn", "info"]
    assert "gone, which is no longer on your shortlist" in notes[0][0]
    assert "You chose 'B' although 'A' scores highest" in notes[2][0]
    assert compare_words.choice_messages([], "", result, names)[0][0].startswith("Tick one or 2")


def test_sweep_figure_is_labelled() -> None:
    sweep = pd.DataFrame({"A": [1.0, 12.0], "B": [2.0, 3.0]}, index=[0.0, 5.0])
    fig = charts.sweep_figure(sweep, 2.0, "Pay")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Weight on pay" and ax.get_ylim()[1] > 12  # widened past 10
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A", "B", "your weight"]


# --- defaults that visibly win or lose (issue 13) ------------------------------------------------


def test_saved_weights_in_force_are_named_and_the_workshop_s_can_be_used(
    persona: Plan, catalog: pd.DataFrame, workspace: Path
) -> None:
    (workspace / "workshop.toml").write_text("[scoring]\nweights = { pay = 1 }\n")
    board = compare.matrix(persona, catalog)
    assert board.weights.sliders["pay"].value == 2  # the persona's own weight wins...
    said = board.in_force.value
    assert "your own weights" in said and "Pay 2 (starting weight 1)" in said  # ...and is named
    assert board.use_starting.description == "Use the workshop's weights"
    assert board.use_starting.layout.display is None
    board.use_starting.click()
    board.saver.flush()
    assert "pay" not in reopen(persona).comparison.weights
    assert board.weights.sliders["pay"].value == 1
    assert "Your own weights were: " in board.undo_note.value and "Pay 2" in board.undo_note.value
    assert board.use_starting.layout.display == "none"
    assert "these starting weights" in board.in_force.value
    board.weights.sliders["pay"].value = 2  # undone by moving the slider
    board.saver.flush()
    assert reopen(persona).comparison.weights["pay"] == 2
    assert board.undo_note.value == ""


def test_a_removed_criterion_keeps_its_saved_weight(persona: Plan, catalog: pd.DataFrame) -> None:
    persona.comparison.weights["development"] = 5
    persona.save()
    without = {k: v for k, v in DEFAULT_WEIGHTS.items() if k != "development"}
    board = compare.matrix(persona, catalog, criteria=without)
    board.weights.sliders["pay"].value = 4
    board.weights.reset.click()
    board.saver.flush()
    assert reopen(persona).comparison.weights["development"] == 5
    back = compare.matrix(reopen(persona), catalog)  # the coach restores it
    assert back.weights.sliders["development"].value == 5


def test_directions_are_listed_in_rank_order(board: CompareBoard) -> None:
    def shown() -> list[str]:
        return [tick.description for tick in board.choice.list.children]

    ranks = [int(text.split("(ranked ")[1][:-3]) for text in shown()]
    assert ranks == sorted(ranks) and len(ranks) == len(board.codes)
    before = shown()
    board.weights.sliders["pay"].value = 0
    board.weights.sliders["interest_fit"].value = 5
    ranks = [int(text.split("(ranked ")[1][:-3]) for text in shown()]
    assert ranks == sorted(ranks) and shown() != before


def test_a_formula_ignoring_weights_says_so_instead_of_shares(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    board = compare.matrix(persona, catalog, score=lambda r, w: r["interest_fit"].fillna(0))
    assert all(share.value == "" for share in board.weights.shares.values())
    assert "does not use the weights" in board.weights.message.value
    assert "does not use the weights" in board.results.message.value
    standard = compare.matrix(persona, catalog)
    assert "% of the score" in standard.weights.shares["pay"].value
    assert standard.results.message.value == ""


def test_a_formula_scoring_across_rows_is_flagged_at_the_ranking(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    def relative(ratings: pd.DataFrame, weights: pd.DataFrame) -> pd.Series:
        s = scoring.weighted_average(ratings, weights)
        return s / s.max()

    board = compare.matrix(persona, catalog, score=relative)
    assert "scores each option against the others" in board.results.message.value
    assert "1st" in board.results.ranking.value  # the ranking still shows


def test_a_broken_workshop_file_is_reported_when_the_cell_is_edited(
    persona: Plan, catalog: pd.DataFrame, workspace: Path
) -> None:
    path = workspace / "workshop.toml"
    path.write_text("[scoring\nweights = 1\n")
    board = compare.matrix(persona, catalog, criteria={**DEFAULT_WEIGHTS, "commute": 4})
    # The board works on the cell's criteria and says what is wrong with the file.
    assert not board.problem
    said = " ".join(text for text, kind in board.notes if kind == "error")
    assert f"The workshop file {path} is not valid TOML" in said
    assert "the criteria cell was edited" in said
    assert "not valid TOML" in board.setup_html


def test_a_coach_cell_s_problem_reaches_the_board_with_its_values(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    """The board repeats a coach cell's mistake because the values it is handed carry it,
    whatever ran in the kernel before (no module state)."""
    space: dict[str, object] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(coach_cell_magics, "display", lambda *_: None)
        coach_cell_magics.run("criteria", 'CRITERIA = {"pay": 9}\n', space)
        coach_cell_magics.run("formula", "def score(r):\n    return r\n", space)
        noted = space["CRITERIA"], space["score"]
        coach_cell_magics.run("criteria", 'CRITERIA = {"pay": 2, "outlook": 1}\n', space)
    setup = compare.matrix(persona, catalog, criteria=noted[0], score=noted[1])
    line = setup.setup_html.replace("&#x27;", "'")
    assert "the weight of 'pay' is 9" in line and "takes 1 input(s)" in line
    fixed = compare.matrix(persona, catalog, criteria=space["CRITERIA"])
    assert "the weight of 'pay' is 9" not in fixed.setup_html
    assert "the weight of 'pay' is 9" not in compare.matrix(persona, catalog).setup_html


# --- what opens folded (issue 24 §1: a step shows what to do now first) -------------------


def folds(board: CompareBoard) -> dict[str, w.Accordion]:
    return {
        "how scored": board.how_scored,
        "weights": board.weights.fold,
        "ratings": board.rater.fold,
        "gut": board.gut.fold,
        "heat map": board.results.heat_fold,
        "pay chart": board.pay.sweep,
    }


def test_a_returning_person_finds_their_choice_first_and_what_is_done_folded(
    board: CompareBoard, persona: Plan
) -> None:
    """The sample persona has set weights, rated every option, answered the gut check and
    chosen: each part is folded under a bar saying what is in it; the ranking, the choice
    and what to do next stay open, and opening a fold shows everything as before."""
    assert {name: fold.selected_index for name, fold in folds(board).items()} == dict.fromkeys(
        folds(board)
    )
    said = html_text(board.where.value)
    ranks = board.ranking()["rank"]
    chosen = [board.names[code] for code in persona.comparison.chosen]
    for name in chosen:
        assert f"'{name}' (ranked {compare_words.ordinal(ranks[name])})" in said
    assert "Next: 04 Set your short-term goals" in said
    assert board.setup_panel.children[0] is board.where  # first on the board
    # Open, not folded: the ranking and the choice.
    assert board.results.ranking in board.results.box.children
    assert board.choice.box in board.choice_panel.children
    weights = persona.comparison.weights
    most = [board.labels[c] for c, v in weights.items() if v == max(weights.values())]
    assert board.weights.fold.titles[0].startswith(f"Your weights: {most[0]}, ")
    assert all(label in board.weights.fold.titles[0] for label in most)
    n = len(board.codes)
    assert f"Your ratings: {n} of {n} options rated" in board.rater.fold.titles[0]
    assert board.gut.fold.titles[0].endswith(f"of {compare_panels.GUT_TOP} top options answered")
    # Folded, not gone: the sliders, the heat map and the chart are inside, drawn.
    assert inside(board.weights.fold, board.weights.sliders["pay"])
    assert inside(board.rater.fold, board.rater.picker)
    assert board.results.heatmap.value and board.pay.chart.value
    assert "Criteria and starting weights" in board.how_scored.children[0].children[0].value


def inside(widget: w.Widget, part: w.Widget) -> bool:
    children = getattr(widget, "children", ())
    return widget is part or any(inside(child, part) for child in children)


def html_text(value: str) -> str:
    return re.sub(r"<[^>]+>", "", value).replace("&#x27;", "'")


def test_a_person_who_has_not_done_a_part_sees_it_open(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    persona.comparison = type(persona.comparison)()  # nothing set, rated, answered or chosen
    persona.save()
    board = compare.matrix(persona, catalog)
    assert [fold.selected_index for fold in folds(board).values()] == [0] * 6
    assert board.where.value == ""
    assert board.rater.fold.titles[0].startswith("Your ratings: 0 of ")


def test_each_part_folds_on_its_own_once_done(persona: Plan, catalog: pd.DataFrame) -> None:
    """Weights set but not every option rated, the gut check answered, no choice yet."""
    comparison = persona.comparison
    comparison.chosen, comparison.decided = [], None
    comparison.ratings.pop(MHSM)
    persona.save()
    board = compare.matrix(persona, catalog)
    shown = {name: fold.selected_index for name, fold in folds(board).items()}
    assert shown["how scored"] is None and shown["weights"] is None  # weights set
    assert shown["ratings"] == 0  # one option not rated yet
    assert (shown["heat map"], shown["pay chart"]) == (0, 0)  # not decided: still weighing
    n = len(board.codes)
    assert board.rater.fold.titles[0].startswith(f"Your ratings: {n - 1} of {n} options rated")
    # Rating it says so on the bar, which stays open while the person works in it.
    for criterion in ("work_life", "development", "feels_right"):
        board.rater.row(MANAGERS, criterion).slider.value = 7.0
    assert board.rater.fold.titles[0].startswith(f"Your ratings: {n} of {n} options rated")
    assert board.rater.fold.selected_index == 0
    # Gut: open while a top option lacks an answer, folded once all have both.
    assert board.gut.answered < board.gut.asked and shown["gut"] == 0
    top = board.ranking().index[: compare_panels.GUT_TOP]
    comparison.gut = {
        board.code_of[name]: Gut(feels_right="yes", want_to_grow="no") for name in top
    }
    persona.save()
    board = compare.matrix(persona, catalog)
    assert board.gut.fold.selected_index is None
    assert board.gut.fold.titles == (compare_words.gut_title(len(top), len(top)),)


def test_the_choice_line_follows_the_choice(board: CompareBoard, persona: Plan) -> None:
    for tick in board.choice.ticks.values():
        tick.value = False
    assert board.where.value == ""
    board.choice.ticks[HR].value = True
    assert f"You chose '{HR_NAME}'" in html_text(board.where.value)


def test_fold_titles_say_what_is_inside() -> None:
    labels = {"pay": "Pay", "outlook": "Outlook"}
    title = compare_words.weights_title
    assert title(pd.Series({"pay": 0.0, "outlook": 0.0}), labels).endswith("nothing counts yet")
    assert title(pd.Series({"pay": 2.0, "outlook": 2.0}), labels).endswith("counts the same")
    assert title(pd.Series({"pay": 4.0, "outlook": 2.0}), labels) == "Your weights: Pay counts most"
    assert compare_words.gut_title(1, 3) == "Your gut check: 1 of 3 top options answered"
