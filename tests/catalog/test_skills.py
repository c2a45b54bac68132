"""Skills by O*NET importance and level: the match of step 3 and the gaps of step 4."""

from __future__ import annotations

import pandas as pd
import pytest

from careerkit.catalog import fit
from careerkit.plan import Plan, Skill
from careerkit.steps.short_term import goals

RATINGS = pd.DataFrame(
    {
        "skill": ["Speaking", "Writing", "Programming", "Speaking", "Monitoring"],
        "importance": [5.0, 4.0, 1.0, 2.0, 2.0],
        "level": [6.0, 3.0, 2.0, 3.0, 3.0],
    },
    index=pd.Index(["a", "a", "a", "b", "b"], name="code"),
)


@pytest.fixture
def two() -> pd.DataFrame:
    return pd.DataFrame(
        {"skills": ["Speaking;Writing;Programming", "Speaking;Monitoring"]},
        index=pd.Index(["a", "b"], name="code"),
    )


def test_match_counts_each_skill_by_its_importance(two: pd.DataFrame) -> None:
    match = fit.skills_match(["Speaking"], two, RATINGS)
    assert match["a"] == pytest.approx(100 * 5 / 10)  # 5 of 5 + 4 + 1
    assert match["b"] == pytest.approx(50)
    assert fit.skills_match(["Programming"], two, RATINGS)["a"] == pytest.approx(10)


def test_without_ratings_every_listed_skill_counts_the_same(two: pd.DataFrame) -> None:
    empty = RATINGS.iloc[0:0]
    assert fit.skills_match(["Speaking"], two, empty)["a"] == pytest.approx(100 / 3, abs=0.1)


def test_level_gaps_compare_levels_on_onet_scale() -> None:
    required = RATINGS.loc[["a"]]
    # Speaking 3 of 5 -> 4.2 of 7, needs 6: gap 1.8; Writing missing: gap 3; Programming 1.
    gaps = fit.level_gaps({"speaking": 3}, required)
    assert list(gaps["skill"]) == ["Writing", "Speaking", "Programming"]  # 4*3 > 5*1.8 > 1*2
    assert gaps["gap"].round(1).tolist() == [3.0, 1.8, 2.0]
    assert fit.level_gaps({"Speaking": 5, "Writing": 3, "Programming": 2}, required).empty


def test_goal_suggestions_follow_the_level_gap(persona: Plan, catalog: pd.DataFrame) -> None:
    from careerkit.catalog import tables_of

    code = "11-9111.00"
    needed = tables_of(catalog).skill_ratings().loc[[code]]
    persona.dream_job.skills = [Skill(name=s, level=5) for s in needed["skill"]]
    assert goals.target_gap(persona, catalog, code) == []  # every skill at the top level
    weakest = needed.sort_values(["importance", "level"]).iloc[-1]["skill"]
    persona.dream_job.skills = [
        s if s.name != weakest else Skill(name=s.name, level=1) for s in persona.dream_job.skills
    ]
    assert goals.target_gap(persona, catalog, code) == [weakest]
