from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerkit.catalog.fit import LETTERS
from careerkit.plan import DreamJob, InterestResult, Plan
from careerkit.steps.interests import (
    EXPLANATIONS,
    MIN_ANSWERED,
    InterestItemsError,
    NotEnoughAnswers,
    load_items,
    result_for,
    retake,
    score,
    shortfall,
    tie_note,
    unmatched,
    unmatched_note,
)
from tests.conftest import PERSONA

ITEMS = load_items()


def answers_by_theme(points: dict[str, list[int]]) -> dict[str, int]:
    """Answers giving each theme's items the listed points, in the item file's order."""
    answers = {}
    for letter, values in points.items():
        ids = ITEMS.index[ITEMS["theme"] == letter]
        answers.update(zip(ids, values, strict=False))
    return answers


def uniform(value: int) -> dict[str, int]:
    return dict.fromkeys(ITEMS.index, value)


# --- the item file ---------------------------------------------------------------------


def test_bundled_items_cover_every_theme_with_six_or_more() -> None:
    counts = ITEMS["theme"].value_counts()
    assert sorted(counts.index) == sorted(LETTERS)
    assert counts.min() >= 6
    assert ITEMS.index.is_unique and (ITEMS["text"].str.len() > 10).all()
    assert set(EXPLANATIONS) == set(LETTERS)


def write_items(tmp_path: Path, rows: list[tuple[str, str, str]]) -> Path:
    path = tmp_path / "items.csv"
    frame = pd.DataFrame(rows, columns=["id", "theme", "text"])
    frame.to_csv(path, index=False)
    return path


def valid_rows() -> list[tuple[str, str, str]]:
    return [(f"{t}{n}", t, f"Activity {n} of {t}") for t in LETTERS for n in range(3)]


def test_a_workshop_can_supply_its_own_items(workspace: Path) -> None:
    rows = [(f"{t}{n}", t, f"Tätigkeit {n} ({t})") for t in LETTERS for n in range(3)]
    (workspace / "de").mkdir()
    own = write_items(workspace / "de", rows)
    (workspace / "workshop.toml").write_text('[workshop]\ninterest_items = "de/items.csv"\n')
    items = load_items()
    assert len(items) == 18 and items.loc["R0", "text"] == "Tätigkeit 0 (R)"
    assert load_items(own).equals(items)


def test_a_bad_workshop_item_file_is_explained_with_the_workshop_file(workspace: Path) -> None:
    rows = valid_rows()[:-1]  # Conventional has only 2
    write_items(workspace, rows)
    path = workspace / "workshop.toml"
    path.write_text('[workshop]\ninterest_items = "items.csv"\n')
    with pytest.raises(InterestItemsError) as err:
        load_items()
    assert "only 2 item(s)" in str(err.value)
    assert f"The workshop file {path} names this file as interest_items" in str(err.value)
    path.write_text('[workshop]\ninterest_items = "nowhere.csv"\n')
    with pytest.raises(InterestItemsError, match="nowhere.csv does not exist"):
        load_items()
    path.write_text("[workshop]\ninterest_items = 3\n")
    with pytest.raises(InterestItemsError, match="interest_items must be text"):
        load_items()


def test_minimal_valid_file_loads_with_lower_case_theme(tmp_path: Path) -> None:
    rows = valid_rows()
    rows[0] = ("R0", "r", "  Fix a fence  ")
    items = load_items(write_items(tmp_path, rows))
    assert len(items) == 18
    assert items.loc["R0", "theme"] == "R" and items.loc["R0", "text"] == "Fix a fence"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (("X1", "Q", "Juggle"), "row 20, column 'theme': value 'Q' is not a theme"),
        (("X1", "S", "   "), "row 20, column 'text': value '' is empty"),
        (("R1", "S", "Juggle"), "row 20, column 'id': value 'R1' is used on an earlier row"),
        (("", "S", "Juggle"), "row 20, column 'id': value '' is empty"),
    ],
)
def test_bad_row_names_file_row_and_column(tmp_path: Path, row: tuple, expected: str) -> None:
    path = write_items(tmp_path, [*valid_rows(), row])
    with pytest.raises(InterestItemsError) as err:
        load_items(path)
    assert str(path) in str(err.value)
    assert expected in str(err.value)


def test_too_few_items_for_a_theme(tmp_path: Path) -> None:
    rows = [r for r in valid_rows() if r[0] != "A2"]
    with pytest.raises(InterestItemsError, match=r"Artistic \(A\) has only 2 item"):
        load_items(write_items(tmp_path, rows))


def test_missing_column_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "items.csv"
    path.write_text("id,theme,wording\nR1,R,Fix\n", encoding="utf-8")
    with pytest.raises(InterestItemsError, match="missing column"):
        load_items(path)
    with pytest.raises(InterestItemsError, match="does not exist"):
        load_items(tmp_path / "nowhere.csv")


def test_a_semicolon_separated_file_is_read(tmp_path: Path) -> None:
    path = write_items(tmp_path, valid_rows())
    path.write_text(path.read_text().replace(",", ";"), encoding="utf-8")
    assert len(load_items(path)) == 18
    assert len(load_items(path, delimiter=";")) == 18
    with pytest.raises(InterestItemsError, match="separated by commas"):
        load_items(path, delimiter=",")


def test_an_unquoted_comma_names_the_row_and_says_to_quote(tmp_path: Path) -> None:
    path = write_items(tmp_path, valid_rows())
    with path.open("a", encoding="utf-8") as f:
        f.write("A9,A,Sketch, paint or photograph\n")
    with pytest.raises(InterestItemsError) as err:
        load_items(path)
    message = str(err.value)
    assert f"{path}, row 20:" in message and "must be put in double quotes" in message
    assert message.endswith("The row reads: A9,A,Sketch, paint or photograph")
    assert "C error" not in message and "\n" not in message


def test_a_bad_theme_is_quoted_as_written_in_the_file(tmp_path: Path) -> None:
    path = write_items(tmp_path, [*valid_rows(), ("X1", "q", "Juggle")])
    with pytest.raises(InterestItemsError, match="column 'theme': value 'q' is not a theme"):
        load_items(path)


def test_saved_answers_to_items_no_longer_listed_are_counted() -> None:
    answers = {ITEMS.index[0]: 2, "OLD1": 1, "OLD2": 0}
    assert unmatched(answers, ITEMS) == 2
    assert unmatched_note(answers, ITEMS).startswith("2 of your saved answers are for")
    assert unmatched_note({ITEMS.index[0]: 2}, ITEMS) == ""


def test_file_in_wrong_encoding_gets_a_way_out(tmp_path: Path) -> None:
    path = tmp_path / "items.csv"
    path.write_bytes("id,theme,text\nR1,R,Réparer\n".encode("latin-1"))
    with pytest.raises(InterestItemsError, match="CSV UTF-8"):
        load_items(path)


# --- scoring ---------------------------------------------------------------------------


def test_score_is_points_over_answered_items() -> None:
    answers = answers_by_theme(
        {"R": [2, 2], "I": [0, 1], "A": [0, 0, 0], "S": [2, 2, 1], "E": [1, 1], "C": [2, 0]}
    )
    result = score(answers, ITEMS)
    assert result.scores == {"R": 100.0, "I": 25.0, "A": 0.0, "S": 83.3, "E": 50.0, "C": 50.0}
    assert result.code == "RSE"
    assert result.answered == 14
    assert result.ties == ("EC",)


def test_unanswered_items_are_ignored_not_counted_as_dislike() -> None:
    full = answers_by_theme({t: [2, 1, 2, 1, 2, 1] for t in LETTERS})
    partial = answers_by_theme({t: [2, 1] for t in LETTERS})
    assert score(partial, ITEMS).scores == score(full, ITEMS).scores


def test_unknown_item_ids_are_ignored() -> None:
    answers = {**answers_by_theme({t: [2, 0] for t in LETTERS}), "gone-item": 2}
    assert score(answers, ITEMS).scores["R"] == 50.0


def test_all_like_and_all_dislike_are_flat_with_a_note() -> None:
    for value, expected in ((2, 100.0), (0, 0.0)):
        result = score(uniform(value), ITEMS)
        assert set(result.scores.values()) == {expected}
        assert result.flat and result.code == "RIA" and result.ties == ("RIASEC",)
        assert "All six themes scored the same" in tie_note(result)


def test_tie_inside_the_code_is_flagged_and_ordered_riasec() -> None:
    answers = answers_by_theme(
        {"R": [0, 0], "I": [1, 0], "A": [0, 0], "S": [2, 2], "E": [2, 2], "C": [2, 1]}
    )
    result = score(answers, ITEMS)
    assert result.code == "SEC"
    assert result.ties == ("SE",)
    note = tie_note(result)
    assert "Social and Enterprising scored the same (100)" in note and "equally strong" in note


def test_tie_for_third_place_says_which_letter_was_left_out() -> None:
    answers = answers_by_theme(
        {"R": [0, 0], "I": [2, 1], "A": [2, 1], "S": [2, 2], "E": [2, 2], "C": [0, 1]}
    )
    result = score(answers, ITEMS)
    assert result.code == "SEI"  # I before A in R-I-A-S-E-C order
    assert result.ties == ("SE", "IA")
    assert "Artistic is just as strong" in tie_note(result)


def test_ties_below_the_code_are_not_flagged() -> None:
    answers = answers_by_theme(
        {"R": [0, 0], "I": [0, 0], "A": [2, 2], "S": [2, 1], "E": [1, 1], "C": [0, 0]}
    )
    result = score(answers, ITEMS)  # R, I and C tie at 0, below the code
    assert result.code == "ASE" and result.ties == ()
    assert tie_note(result) == ""


@pytest.mark.parametrize(
    ("answers", "hint"),
    [
        ({}, "So far you have answered 0."),
        (answers_by_theme({t: [2] for t in LETTERS}), "So far you have answered 6."),
        (
            answers_by_theme({"R": [2, 2, 2, 2, 2], "I": [1, 1], "A": [0, 0, 0, 0, 0], "S": [2]}),
            "Still too few answers for: Social, Enterprising, Conventional",
        ),
    ],
)
def test_too_few_answers_give_a_friendly_message(answers: dict, hint: str) -> None:
    with pytest.raises(NotEnoughAnswers) as err:
        score(answers, ITEMS)
    assert f"Answer at least {MIN_ANSWERED}" in str(err.value)
    assert hint in str(err.value)
    assert shortfall(answers, ITEMS) == str(err.value)


def test_an_answer_outside_the_scale_is_refused() -> None:
    with pytest.raises(ValueError, match="'R01' is 3; use 2, 1 or 0"):
        score({**uniform(1), "R01": 3}, ITEMS)


@given(st.dictionaries(st.sampled_from(list(ITEMS.index)), st.sampled_from([0, 1, 2])))
def test_scores_stay_in_range_and_code_follows_them(answers: dict[str, int]) -> None:
    try:
        result = score(answers, ITEMS)
    except NotEnoughAnswers:
        assert len(answers) < MIN_ANSWERED or shortfall(answers, ITEMS)
        return
    assert all(0 <= s <= 100 for s in result.scores.values())
    assert len(set(result.code)) == 3
    rest = [result.scores[t] for t in LETTERS if t not in result.code]
    assert min(result.scores[t] for t in result.code) >= max(rest)


def test_persona_answers_reproduce_its_saved_profile() -> None:
    saved = Plan.model_validate_json(PERSONA.read_text()).dream_job.interests
    assert saved is not None and len(saved.answers) == len(ITEMS)
    result = score(saved.answers, ITEMS)
    assert result.scores == saved.scores
    assert result.code == saved.code == "SEC" and result.ties == ()


# --- the plan's record, and retaking -------------------------------------------------------


def test_result_for_fills_scores_only_with_enough_answers() -> None:
    early = result_for({"R01": 2}, ITEMS, taken=date(2026, 1, 5))
    assert early.answers == {"R01": 2} and early.code == "" and early.scores == {}
    done = result_for(uniform(1), ITEMS, taken=date(2026, 1, 5))
    assert done.code == "RIA" and done.scores["C"] == 50.0 and done.taken == date(2026, 1, 5)


def test_retake_moves_the_result_to_history_oldest_first() -> None:
    first = InterestResult(taken=date(2025, 1, 1), answers={"R01": 2}, code="RIA")
    second = InterestResult(taken=date(2026, 1, 1), answers={"S01": 2}, code="SEC")
    dream = DreamJob(interests=first)
    assert retake(dream) == first
    dream.interests = second
    assert retake(dream) == second
    assert dream.interests is None
    assert [r.code for r in dream.interest_history] == ["RIA", "SEC"]
    assert retake(dream) is None and len(dream.interest_history) == 2
