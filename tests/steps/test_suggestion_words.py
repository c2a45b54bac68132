"""04's goal suggestions from the skill gap, for every bundled occupation as the target.

Only skills where the target's level is clearly above the person's, the target's most
important first, each worded as a person would say what to practice, where and how to
show it; never a literal "Take a course in understanding written documents".
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from careerkit.catalog import SKILL_TABLE, tables_of
from careerkit.plan import Plan
from careerkit.steps.short_term import goals as g
from careerkit.steps.short_term.smart import smart_check

TODAY = date(2026, 11, 22)
BASIC = {s.name for s in SKILL_TABLE if s.group == "basic"}


def test_suggestions_for_every_target_are_clear_gaps_in_plain_words(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    ratings = tables_of(catalog).skill_ratings()
    mine = {s.name: s.level * 7 / 5 for s in persona.dream_job.skills}
    checked = 0
    for code in catalog.index[catalog["skills"].notna()]:
        persona.comparison.chosen = [code]
        drafts = g.suggest_goals(persona, catalog, TODAY)
        rated = ratings.loc[[code]].set_index("skill")
        skills = g.suggestion_skills(persona, catalog, code)
        assert [d.text for d in drafts] == [d.text for d in drafts if "Take a course" not in d.text]
        for skill in skills:
            level = rated.at[skill, "level"]
            if skill in mine and pd.isna(level):  # O*NET suppressed the level
                assert mine[skill] <= 2 * 7 / 5, (code, skill)
            elif skill in mine:
                assert level - mine[skill] >= 1.5, (code, skill)
            else:
                assert skill not in BASIC and not level < 4, (code, skill)
        importance = [rated.at[s, "importance"] for s in skills]
        assert importance == sorted(importance, reverse=True), code
        for draft in drafts:
            assert "understanding written documents" not in draft.text
            assert not draft.text.startswith(("Take a course", "Practise")), draft.text
            assert smart_check(draft, persona, TODAY).passed, draft.text
        checked += 1
    assert checked == catalog["skills"].notna().sum() > 800


def test_a_degree_holder_is_never_told_to_learn_to_read(persona: Plan, catalog) -> None:
    nurse = "29-1141.00"
    persona.comparison.chosen = [nurse]
    texts = " ".join(d.text for d in g.suggest_goals(persona, catalog, TODAY))
    assert "written documents" not in texts and "thinking problems through" not in texts
    assert "Reading Comprehension" not in g.suggestion_skills(persona, catalog, nurse)


def test_every_skill_has_a_practice_goal_that_passes_the_check(persona: Plan) -> None:
    persona.comparison.chosen = ["11-9111.00"]
    for skill in SKILL_TABLE:
        draft = g._draft(skill.name, "11-9111.00", TODAY)
        assert draft.text.startswith(skill.practice), skill.name
        assert smart_check(draft, persona, TODAY).passed, draft.text
