"""Hours and schedule: no sort, filter or "from the data" wording for a column without data.

The bundled catalogue has no hours for any of its occupations; a catalogue that has them
(an import of O*NET Work Context) may use them, naming the source.
"""

from __future__ import annotations

import pandas as pd

from careerkit.plan import Option, Plan
from careerkit.report.explore_html import table_html
from careerkit.steps.compare import scoring
from careerkit.steps.explore import occupation as occ
from careerkit.ui import compare as compare_ui
from careerkit.ui import explore as explore_ui
from tests.conftest import reopen
from tests.synthetic import synthetic_catalog

ASK = "hours in job postings, shifts, on-call and travel"


def test_no_hours_sort_when_no_occupation_has_hours(plan: Plan, catalog: pd.DataFrame) -> None:
    assert catalog["weekly_hours"].isna().all()  # all 923
    browser = explore_ui.browser(plan, catalog)
    assert "weekly_hours" not in [key for _, key in browser.sort.options]
    assert "Hours a week" not in [name for name, _ in browser.sort.options]
    with_hours = synthetic_catalog(30)
    assert "weekly_hours" in [key for _, key in explore_ui.browser(plan, with_hours).sort.options]


def test_every_card_and_answer_asks_what_to_find_out(plan: Plan, catalog: pd.DataFrame) -> None:
    for code in catalog.index:
        card = occ.profile_card(catalog, code, plan)
        assert ASK in card["work_life"] and "unknown" not in card["work_life"], code
        option = Option(code=code, title=catalog.at[code, "title"])
        assert ASK in occ.prefilled_answers(catalog, option)["work_life"], code
    hours = synthetic_catalog(5)
    card = occ.profile_card(hours, hours.index[0], plan)
    assert card["work_life"].endswith("(O*NET Work Context)")


def test_03_work_life_is_the_persons_rating_with_a_prompt(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    options = [o for o in persona.exploration.options if not o.dropped]
    assert scoring.data_ratings(options, catalog, None, [])["work_life"].isna().all()
    board = compare_ui.matrix(reopen(persona), catalog)
    notes = " ".join(text for text, _ in board.notes)
    assert "Work-life balance is yours to rate" in notes and ASK in notes
    reasons = [board.unrated.get((name, "work_life"), "") for name in board.names.values()]
    assert reasons and all("hours in postings, shifts, on-call, travel" in r for r in reasons)


def test_o_net_work_week_categories_reach_the_card_table_and_03(
    plan: Plan, catalog: pd.DataFrame
) -> None:
    """An import with Work Context fills ``hours_per_week`` (a category, no number): the
    card, 02's table and 03's work-life rating use it, naming the source."""
    imported = catalog.copy()
    first, second = imported.index[:2]
    imported.loc[first, ["hours_per_week", "schedule"]] = ["more than 40", "irregular"]
    imported.loc[second, "hours_per_week"] = "40"
    card = occ.profile_card(imported, first, plan)
    assert card["work_life"] == (
        "usually more than 40 hours a week, irregular hours (O*NET Work Context)"
    )
    assert "more than 40 h, irregular" in table_html(imported.loc[[first, second]])
    options = [Option(code=c, title=imported.at[c, "title"]) for c in (first, second)]
    ratings = scoring.data_ratings(options, imported, None, [])["work_life"]
    assert ratings.tolist() == [
        (scoring.WEEK_POINTS["more than 40"] + scoring.SCHEDULE_POINTS["irregular"]) / 2,
        scoring.WEEK_POINTS["40"],
    ]
