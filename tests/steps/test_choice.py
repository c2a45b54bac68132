"""The choice rule: the decision date follows the choice, not every save."""

from __future__ import annotations

from datetime import date

from careerkit.plan import Comparison
from careerkit.steps.compare.comparison import choose


def test_the_date_changes_only_when_the_choice_does() -> None:
    comparison = Comparison()
    assert choose(comparison, ["a"], today=date(2026, 10, 5))
    assert comparison.decided == date(2026, 10, 5)
    assert not choose(comparison, ["a"], today=date(2026, 11, 1))
    assert comparison.decided == date(2026, 10, 5)
    assert choose(comparison, [], today=date(2026, 11, 1))
    assert comparison.chosen == [] and comparison.decided is None
