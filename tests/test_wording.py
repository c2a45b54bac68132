"""The shared wording helpers: joining names and shortening text the same way everywhere."""

from __future__ import annotations

import pytest

from careerkit.catalog.fit import theme_names
from careerkit.text import join_words, shorten


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ([], ""),
        (["Pay"], "Pay"),
        (["Pay", "Outlook"], "Pay and Outlook"),
        (["Pay", "Outlook", "Feels right"], "Pay, Outlook and Feels right"),
    ],
)
def test_join_words_lists_as_a_person_would(words: list[str], expected: str) -> None:
    assert join_words(words) == expected
    assert join_words(iter(words)) == expected


def test_theme_names_join_riasec_letters() -> None:
    assert theme_names("S") == "Social"
    assert theme_names(["S", "E", "C"]) == "Social, Enterprising and Conventional"


def test_shorten_keeps_short_text_and_cuts_with_one_ellipsis() -> None:
    assert shorten("Pass the CAPM exam", 40) == "Pass the CAPM exam"
    cut = shorten("Pass the project management exam with a score of 80%", 20)
    assert len(cut) <= 20 and cut.endswith("…") and not cut.endswith(" …")


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        # 06's "This month" once showed "(for: ... and publish 1 )": cut mid-goal.
        (
            "Write three articles about retail leadership and publish 1 on LinkedIn",
            60,
            "Write three articles about retail leadership and publish…",
        ),
        ("Finish the course, then apply", 20, "Finish the course…"),
        ("Supercalifragilisticexpialidocious words", 12, "Supercalifr…"),
    ],
)
def test_shorten_cuts_between_words_without_a_dangling_number_or_comma(
    text: str, limit: int, expected: str
) -> None:
    assert shorten(text, limit) == expected
