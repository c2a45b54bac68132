"""The bundled skills matrix (data/catalog/skills.csv.gz, issue 23): every skill of every
rated occupation as O*NET publishes it, and the important skills a card lists unchanged.
"""

from __future__ import annotations

import pandas as pd
import pytest

from careerkit.catalog import SKILLS, load_catalog, skills_of, tables
from careerkit.catalog.sources.onet import important_skills
from tests.conftest import ROOT, SHARED

BUNDLED = ROOT / "data" / "catalog"
SKILLS_XLSX = SHARED / "onet-30.3" / "excel-30.x" / "Skills.xlsx"

#: The card's "important skills" of a few occupations as bundled before issue 23
#: (data/catalog/skills.csv at commit e3a0d3e, O*NET's importance >= 3, 3 to 10 a job).
BEFORE = {
    "41-1011.00": [  # First-Line Supervisors of Retail Sales Workers
        "Active Listening", "Speaking", "Service Orientation", "Critical Thinking",
        "Monitoring", "Social Perceptiveness", "Coordination", "Instructing",
        "Management of Personnel Resources", "Negotiation",
    ],
    "29-1141.00": [  # Registered Nurses
        "Social Perceptiveness", "Active Listening", "Speaking", "Critical Thinking",
        "Coordination", "Service Orientation", "Reading Comprehension",
        "Judgment and Decision Making", "Monitoring", "Writing",
    ],
    "35-2014.00": ["Critical Thinking", "Monitoring", "Time Management", "Speaking"],
}  # fmt: skip


def test_every_rated_occupation_has_all_35_skills_and_the_unrated_none() -> None:
    catalog = load_catalog(BUNDLED)
    ratings = tables.skill_ratings(BUNDLED)
    counts = ratings.groupby(level="code").size()
    assert set(counts) == {len(SKILLS)} and len(counts) == 894
    unrated = catalog.index.difference(counts.index)
    assert len(unrated) == 29  # O*NET 30.x rates no skills of these: no rows, never zeros
    assert catalog.loc[unrated, "skills"].isna().all()
    for code, rows in ratings.groupby(level="code"):
        assert sorted(rows["skill"]) == sorted(SKILLS), code


def test_the_card_lists_the_same_important_skills_as_before() -> None:
    catalog = load_catalog(BUNDLED)
    for code, before in BEFORE.items():
        assert skills_of(catalog, code) == before, code


def test_the_important_skills_follow_the_rule_over_the_matrix() -> None:
    """The catalog's list = the documented rule applied to the bundled matrix.

    The file leaves out O*NET's Not Relevant mark; such a level belongs to a skill of
    importance below 3, never among the first three, so the rule needs no mark here.
    """
    catalog = load_catalog(BUNDLED)
    matrix = tables.skill_ratings(BUNDLED).reset_index().assign(not_relevant=False)
    important = important_skills(matrix).groupby("code", sort=False)["skill"].agg(";".join)
    assert catalog["skills"].dropna().to_dict() == important.to_dict()


@pytest.fixture(scope="module")
def published() -> pd.DataFrame:
    if not SKILLS_XLSX.exists():
        pytest.skip(f"real data not available (see ../shared/README.md): {SKILLS_XLSX}")
    raw = pd.read_excel(SKILLS_XLSX, dtype={"Recommend Suppress": str}, engine="openpyxl")
    return raw


def test_every_importance_and_level_equals_skills_xlsx(published: pd.DataFrame) -> None:
    """Each (occupation, skill) figure equals Skills.xlsx; Recommend Suppress -> unknown."""
    catalog = load_catalog(BUNDLED)
    raw = published[published["O*NET-SOC Code"].isin(catalog.index)]
    raw = raw.assign(value=raw["Data Value"].where(raw["Recommend Suppress"].str.upper() != "Y"))
    wide = raw.pivot_table(
        index=["O*NET-SOC Code", "Element Name"], columns="Scale ID", values="value",
        aggfunc="first", dropna=False,
    )  # fmt: skip
    wide = wide.reindex(columns=["IM", "LV"])
    ratings = tables.skill_ratings(BUNDLED).reset_index().set_index(["code", "skill"])
    assert set(ratings.index) == set(wide.index)
    wide = wide.loc[ratings.index]
    pd.testing.assert_series_equal(
        ratings["importance"], wide["IM"], check_names=False, check_index=False
    )
    pd.testing.assert_series_equal(
        ratings["level"], wide["LV"], check_names=False, check_index=False
    )
    assert ratings["level"].isna().sum() == (raw["Recommend Suppress"] == "Y").sum()
    rated = set(raw["O*NET-SOC Code"])
    assert not set(catalog.index[catalog["skills"].isna()]) & rated
