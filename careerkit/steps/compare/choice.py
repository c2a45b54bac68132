"""Step 3, the choice: one or two target occupations, and the date the choice was made."""

from __future__ import annotations

from datetime import date

from careerkit.plan import Comparison

MAX_CHOSEN = 2  # target occupations a person may choose


def choose(comparison: Comparison, chosen: list[str], today: date | None = None) -> bool:
    """Record ``chosen`` (option codes); the decision date changes only when the choice does.

    Returns whether anything changed. Choosing nothing clears the date.
    """
    if chosen == comparison.chosen:
        return False
    comparison.chosen = chosen
    comparison.decided = (today or date.today()) if chosen else None
    return True
