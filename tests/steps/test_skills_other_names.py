"""Skills listed in the person's own words: the match is unknown, never 0 (issue 19 §2).

A store manager lists "Scheduling", "Coaching", "Customer service": none is one of O*NET's
35 skill names, so we do not know her level in the skills occupations are rated on.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from careerkit.catalog import SKILLS, fit
from careerkit.plan import Option, Plan, Skill
from careerkit.report import charts, explore_html
from careerkit.steps.compare import scoring
from careerkit.steps.explore import occupation as occ
from careerkit.ui import compare as compare_ui
from careerkit.ui import long_term as longterm_ui
from tests.conftest import reopen

OWN_WORDS = ["Scheduling", "Coaching", "Customer service"]
NURSE, HR, UX = "29-1141.00", "13-1071.00", "15-1255.00"
PICK = "pick the ones you have from the list in 01"


def store_manager(plan: Plan, catalog: pd.DataFrame) -> Plan:
    plan.dream_job.skills = [Skill(name=name, level=4) for name in OWN_WORDS]
    plan.exploration.options = [
        Option(code=code, title=catalog.at[code, "title"]) for code in (NURSE, HR, UX)
    ]
    plan.comparison.chosen = [NURSE]
    plan.save()
    return reopen(plan)


def test_own_words_are_not_onet_names() -> None:
    assert not set(OWN_WORDS) & set(SKILLS)  # the premise of every test below
    assert fit.other_names_only(OWN_WORDS)
    assert not fit.other_names_only([*OWN_WORDS, "speaking"])  # O*NET's, in any case
    assert not fit.other_names_only([])  # no skills: a different message (list them)


def test_the_match_is_not_rated_for_every_occupation(catalog: pd.DataFrame) -> None:
    assert fit.skills_match(OWN_WORDS, catalog).isna().all()
    # One O*NET name among them and the match is rated again (0 is then a real 0).
    rated = fit.skills_match([*OWN_WORDS, "Speaking"], catalog)
    assert rated[NURSE] > 0 and rated.notna().sum() > 800
    options = [Option(code=c, title=catalog.at[c, "title"]) for c in (NURSE, HR)]
    data = scoring.data_ratings(options, catalog, None, OWN_WORDS)
    assert data["skills_match"].isna().all()


def test_03_leaves_it_out_says_why_and_what_to_do(plan: Plan, catalog: pd.DataFrame) -> None:
    board = compare_ui.matrix(store_manager(plan, catalog), catalog)
    nurse = board.names[NURSE]
    assert np.isnan(board.data.at[nurse, "skills_match"])
    reason = board.unrated[(nurse, "skills_match")]
    assert "O*NET's skill names" in reason and PICK in reason
    status = board.rater.row(nurse, "skills_match").status.value
    assert "from the data" not in status and PICK in status
    notes = " ".join(text for text, _ in board.notes)
    assert "'Skills match' is not rated" in notes and "'Scheduling'" in notes and PICK in notes


def test_03_names_the_skills_listed_for_an_unrated_occupation(
    plan: Plan, catalog: pd.DataFrame
) -> None:
    plan = store_manager(plan, catalog)
    plan.exploration.options[2].skills = ["Coaching", "Prototyping"]
    plan.save("exploration")
    board = compare_ui.matrix(reopen(plan), catalog)
    ux = board.names[UX]
    assert board.data.at[ux, "skills_match"] == 5.0
    status = board.rater.row(ux, "skills_match").status.value
    assert "from the skills you listed" in status and "from the data" not in status
    hr = board.names[HR]
    assert "from the data" in board.rater.row(hr, "pay").status.value  # O*NET/BLS's stay so


def test_02_card_and_answers_never_say_she_has_none(plan: Plan, catalog: pd.DataFrame) -> None:
    plan = store_manager(plan, catalog)
    for code in (NURSE, HR):
        card = explore_html.card_html(occ.profile_card(catalog, code, plan))
        assert "(0 of" not in card and "O*NET&#x27;s skill names" in card and PICK in card
        facts = occ.prefilled_answers(catalog, plan.exploration.options[0], OWN_WORDS)
        assert "none of these" not in facts["skills_interests"]
        assert PICK in facts["skills_interests"]
    plan.dream_job.skills = []  # none listed yet: say so, not "0 of 10"
    card = explore_html.card_html(occ.profile_card(catalog, NURSE, plan))
    assert "(0 of" not in card and "List your skills in 01" in card
    plan.dream_job.skills = [Skill(name=name, level=4) for name in OWN_WORDS]
    plan.dream_job.skills.append(Skill(name="Speaking", level=3))
    card = explore_html.card_html(occ.profile_card(catalog, NURSE, plan))
    assert "✓ = you already list it (1 of 10)" in card


def test_05_says_why_every_skill_reads_missing(plan: Plan, catalog: pd.DataFrame) -> None:
    plan = store_manager(plan, catalog)
    chart = charts.gap_chart(plan, catalog, NURSE)
    texts = [t.get_text() for t in chart.axes[0].texts] + [chart.axes[0].get_xlabel()]
    assert len(texts) == 11 and not any("not in your skills" in t for t in texts)
    assert "None of your skills in 01 is one of O*NET's names" in texts[-1]
    panel = longterm_ui.objectives(plan, catalog)
    message = panel.skills.children[0].value
    assert "O*NET&#x27;s skill names" in message and PICK in message
