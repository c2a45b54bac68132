"""Occupations O*NET gives no skill ratings: no zero, no "no gap", an invitation to list them.

Checked on every bundled occupation; which ones lack ratings is checked against O*NET's
own file in ``../shared`` (skipped, saying why, where it is absent).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from careerkit.plan import Option, Plan, Skill
from careerkit.report import charts, explore_html, export_markdown
from careerkit.steps import long_term
from careerkit.steps.compare import scoring
from careerkit.steps.explore import occupation as occ
from careerkit.steps.short_term import goals
from careerkit.ui import compare as compare_ui
from careerkit.ui import explore as explore_ui
from careerkit.ui import long_term as longterm_ui
from tests.conftest import SHARED, reopen

UX = "15-1255.00"  # Web and Digital Interface Designers: no O*NET skill ratings
NURSE = "29-1141.00"
NO_RATINGS = "O*NET has no skill ratings for this occupation"


def unrated(catalog: pd.DataFrame) -> list[str]:
    return list(catalog.index[catalog["skills"].isna()])


def test_the_occupations_without_ratings_are_those_onet_does_not_rate(
    catalog: pd.DataFrame,
) -> None:
    file = SHARED / "onet-30.3" / "essential_skills.csv"
    if not file.exists():
        pytest.skip(f"{file} is absent: O*NET 30.3 is not in ../shared")
    rated = set(pd.read_csv(file, usecols=["O*NET-SOC Code"])["O*NET-SOC Code"])
    assert set(unrated(catalog)) == set(catalog.index) - rated
    assert UX in unrated(catalog) and len(unrated(catalog)) == len(set(catalog.index) - rated)


def test_every_card_and_answer_says_onet_has_no_ratings(
    catalog: pd.DataFrame, persona: Plan
) -> None:
    codes = unrated(catalog)
    assert codes
    for code in codes:
        card = explore_html.card_html(occ.profile_card(catalog, code, persona))
        assert NO_RATINGS in card and "(0 of 0)" not in card, code
        option = Option(code=code, title=catalog.at[code, "title"])
        facts = occ.prefilled_answers(catalog, option, ["Speaking"])["skills_interests"]
        assert "Top skills: ." not in facts and NO_RATINGS in facts, code
    rated = explore_html.card_html(occ.profile_card(catalog, NURSE, persona))
    assert NO_RATINGS not in rated and "you already list it" in rated


def test_skills_match_is_not_rated_never_zero(catalog: pd.DataFrame) -> None:
    codes = unrated(catalog)
    options = [Option(code=c, title=catalog.at[c, "title"]) for c in [*codes, NURSE]]
    data = scoring.data_ratings(options, catalog, None, ["Speaking", "Writing"])
    assert data["skills_match"].iloc[:-1].isna().all()  # not rated, left out of the score
    assert not np.isnan(data["skills_match"].iloc[-1])
    # the skills the person listed for the option count for its match
    options[0].skills = ["User research", "Speaking", "Prototyping", "Writing"]
    data = scoring.data_ratings(options, catalog, None, ["Speaking", "writing"])
    assert data["skills_match"].iloc[0] == pytest.approx(5.0)


def test_03_flags_the_unrated_match_and_invites_a_list(persona: Plan, catalog) -> None:
    persona.exploration.options.append(Option(code=UX, title="Web and Digital Interface Designers"))
    persona.save("exploration")
    board = compare_ui.matrix(reopen(persona), catalog)
    name = board.names[UX]
    assert np.isnan(board.data.at[name, "skills_match"])
    notes = " ".join(text for text, _ in board.notes)
    assert "O*NET has no skill ratings for 'Web and Digital Interface Designers'" in notes
    assert NO_RATINGS in board.unrated[(name, "skills_match")]


def test_02_questions_save_the_skills_listed_for_the_option(plan: Plan, catalog) -> None:
    plan.exploration.options = [Option(code=UX, title="Web and Digital Interface Designers")]
    plan.save("exploration")
    panel = explore_ui.questions(plan, catalog)
    panel.accordion.selected_index = 0
    boxes = [c for c in panel.forms[UX].children if getattr(c, "placeholder", "").startswith("one")]
    assert len(boxes) == 1
    boxes[0].value = "User research\nPrototyping, Figma\nuser research"
    panel.saver.flush()
    assert reopen(plan).exploration.options[0].skills == ["User research", "Prototyping", "Figma"]


def test_05_and_04_use_the_listed_skills_and_never_say_no_gap(plan: Plan, catalog) -> None:
    plan.exploration.options = [Option(code=UX, title="Web and Digital Interface Designers")]
    plan.comparison.chosen = [UX]
    plan.dream_job.skills = [Skill(name="Prototyping", level=4)]
    assert long_term.gap_table(plan, catalog, UX).empty
    plan.save()
    panel = longterm_ui.objectives(plan, catalog)
    message = panel.skills.children[0].value
    assert "No gap found" not in message and NO_RATINGS in message
    chart = " ".join(t.get_text() for t in charts.gap_chart(plan, catalog, UX).axes[0].texts)
    assert NO_RATINGS in chart
    assert goals.suggest_goals(plan, catalog, date(2026, 11, 22)) == []
    plan.exploration.options[0].skills = ["User research", "Prototyping"]
    table = long_term.gap_table(plan, catalog, UX)
    assert list(table.index) == ["User research", "Prototyping"]
    assert table["gap"].tolist() == [True, False]
    drafts = goals.suggest_goals(plan, catalog, date(2026, 11, 22))
    assert [d.text.split(" on a real task")[0] for d in drafts] == ["Practice User research"]


def test_the_written_plan_says_so(persona: Plan, catalog: pd.DataFrame) -> None:
    persona.exploration.options.append(Option(code=UX, title="Web and Digital Interface Designers"))
    text = export_markdown.report_markdown(persona, catalog).replace("\\*", "*")
    assert f"**Skills it needs:** {NO_RATINGS}" in text
    persona.exploration.options[-1].skills = ["User research"]
    assert "**Skills it needs:** User research" in export_markdown.report_markdown(persona, catalog)
