"""From where the person stands (issue 23): the skills match of every occupation, the
occupations closest in skills to the jobs held, and the skills list pre-filled from them.

The rules are checked on small tables worked out by hand, and the issue's "done when" on
the real bundled catalog: a retail sales supervisor and a registered nurse.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import careerkit
from careerkit.catalog import SKILLS, CatalogError, load_catalog, tables
from careerkit.steps import similar_jobs as sj
from tests.conftest import ROOT

BUNDLED = ROOT / "data" / "catalog"
RETAIL, NURSE = "41-1011.00", "29-1141.00"


def ratings_of(rows: list[tuple[str, str, float, float]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["code", "skill", "importance", "level"])
    return frame.set_index("code")


def full(code: str, figures: dict[str, tuple[float, float]]) -> list:
    """All 35 skills of ``code``: the given ones, the rest importance 1 and level 0."""
    return [(code, s, *figures.get(s, (1.0, 0.0))) for s in SKILLS]


# --- skills match of every occupation --------------------------------------------------


def test_the_match_weighs_importance_and_covers_levels_as_stated() -> None:
    ratings = ratings_of(
        full("x", {"Speaking": (5, 3.5), "Writing": (3, 7), "Science": (1, 2)})
        + full("z", {"Speaking": (3, 0), "Writing": (5, np.nan)})
    )
    match = sj.skills_match_all({"speaking": 5, "Writing": 3}, ratings, ["x", "y", "z"])
    # x: Speaking 5 x 7/5 = 7 covers its 3.5 fully, weight 5-1 = 4; Writing 3 x 7/5 = 4.2
    # of 7 covers 0.6, weight 2; Science and the rest weigh 1-1 = 0: 100 (4 + 1.2) / 6.
    assert match["x"] == round(100 * (4 * 1 + 2 * 0.6) / 6, 1)
    assert np.isnan(match["y"])  # not rated, never 0
    # z: Speaking's level 0 is covered by anyone (weight 2); Writing's level is unknown
    # (suppressed): left out; nothing else weighs.
    assert match["z"] == 100.0
    assert list(match.index) == ["x", "y", "z"] and match.name == "skills_match"


def test_a_skill_not_listed_counts_as_level_0() -> None:
    ratings = ratings_of(full("x", {"Speaking": (5, 3.5), "Writing": (5, 3.5)}))
    assert sj.skills_match_all({"Speaking": 5}, ratings)["x"] == 50.0


def test_no_onet_skill_names_is_not_rated_anywhere() -> None:
    ratings = ratings_of(full("x", {"Speaking": (5, 3.5)}))
    assert sj.skills_match_all({"Customer service": 5}, ratings).isna().all()
    assert sj.skills_match_all({}, ratings).isna().all()


def test_every_bundled_occupation_is_matched_and_the_unrated_say_so(
    catalog: pd.DataFrame,
) -> None:
    ratings = tables.skill_ratings(BUNDLED)
    person = {"Speaking": 4, "Active Listening": 5, "Coordination": 3, "Mathematics": 2}
    match = sj.skills_match_all(person, ratings, catalog.index)
    assert list(match.index) == list(catalog.index)
    unrated = catalog["skills"].isna()
    assert match[unrated].isna().all() and unrated.sum() == 29
    assert match[~unrated].between(0, 100).all() and match[~unrated].notna().all()
    better = sj.skills_match_all({**person, "Speaking": 5}, ratings, catalog.index)
    assert (better[~unrated] >= match[~unrated]).all()  # a higher level never lowers it


# --- similar occupations ---------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> tuple[pd.DataFrame, pd.DataFrame]:
    return load_catalog(BUNDLED), tables.skill_ratings(BUNDLED)


def test_a_retail_sales_supervisor_sees_supervisory_and_management_roles(real) -> None:
    catalog, ratings = real
    table = sj.similar_occupations([RETAIL], catalog, ratings, n=20)
    assert list(table.columns) == list(sj.COLUMNS) and len(table) == 20
    titles = table["title"].tolist()
    leading = [t for t in titles if re.search(r"Managers|Supervisors|Administrators", t)]
    assert len(leading) >= 15, titles  # supervisory and management roles
    assert any("Sales" in t for t in titles), titles  # in sales
    assert any(re.search(r"Operations|Distribution", t) for t in titles), titles  # operations
    assert any(re.search(r"Lodging|Food Service", t) for t in titles), titles  # hospitality
    assert RETAIL not in set(table["code"])  # the job held is not suggested to itself
    assert table["similarity"].is_monotonic_decreasing


def test_a_registered_nurse_sees_nursing_specialties_and_care_roles(real) -> None:
    catalog, ratings = real
    table = sj.similar_occupations([NURSE], catalog, ratings, n=20)
    codes = table["code"].tolist()
    nursing = [c for c, t in zip(codes, table["title"], strict=True) if "Nurse" in t]
    assert len(nursing) >= 4 and any(c.startswith("29-1141.") for c in nursing), codes
    care = [c for c in codes if c[:3] in ("29-", "31-")]  # healthcare practitioners, support
    assert len(care) >= 15 and all(c[:3] in ("29-", "31-") for c in codes[:5]), codes


def test_the_gaps_levels_are_onets(real) -> None:
    catalog, ratings = real
    table = sj.similar_occupations([RETAIL, "41-2031.00"], catalog, ratings, n=30)
    held = ratings.loc[[RETAIL, "41-2031.00"]].groupby("skill")["level"].max()
    seen = 0
    for code, gaps in zip(table["code"], table["gaps"], strict=True):
        its = ratings.loc[[code]].set_index("skill")
        for skill, yours, level in re.findall(r"([A-Z][^;]*?) (\d\.\d\d) -> (\d\.\d\d)", gaps):
            assert float(level) == its.at[skill, "level"], (code, skill)  # O*NET's figure
            assert float(yours) == held[skill], (code, skill)  # the highest of the jobs held
            assert its.at[skill, "importance"] >= sj.MATTERS
            assert float(level) - float(yours) >= sj.MIN_GAP
            seen += 1
    assert seen  # some occupation close to a retail job asks for more of some skill


def test_carries_over_names_shared_skills_the_person_has(real) -> None:
    catalog, ratings = real
    table = sj.similar_occupations([NURSE], catalog, ratings, n=5)
    nurse = ratings.loc[[NURSE]].set_index("skill")
    for code, carried in zip(table["code"], table["carries_over"], strict=True):
        its = ratings.loc[[code]].set_index("skill")
        names = carried.split(", ")
        assert 1 <= len(names) <= sj.SHOWN, code
        for skill in names:
            assert its.at[skill, "importance"] >= sj.MATTERS
            assert nurse.at[skill, "importance"] >= sj.MATTERS
            assert nurse.at[skill, "level"] >= its.at[skill, "level"] - sj.MIN_GAP
        order = [its.at[s, "importance"] for s in names]
        assert order == sorted(order, reverse=True)


def test_job_zone_and_pay_changes_from_the_first_job(real) -> None:
    catalog, ratings = real
    table = sj.similar_occupations([RETAIL, NURSE], catalog, ratings, n=10).set_index("code")
    for code, row in table.iterrows():
        assert (
            row["job_zone_change"] == catalog.at[code, "job_zone"] - catalog.at[RETAIL, "job_zone"]
        )
        expected = catalog.at[code, "median_wage"] - catalog.at[RETAIL, "median_wage"]
        assert row["pay_change"] == round(expected)
    code = table.index[0]
    no_pay = catalog.copy()
    no_pay.loc[code, "median_wage"] = pd.NA  # BLS has no figure: never a difference of 0
    again = sj.similar_occupations([RETAIL, NURSE], no_pay, ratings, n=10).set_index("code")
    assert again.at[code, "pay_change"] == "unknown"


def test_the_persons_own_levels_win_in_the_gaps(real) -> None:
    catalog, ratings = real
    plain = sj.similar_occupations([RETAIL], catalog, ratings, n=5)
    weak = sj.similar_occupations(
        [RETAIL], catalog, ratings, person_levels={"Active Listening": 1}, n=5
    )
    assert "Active Listening" not in " ".join(plain["gaps"])
    assert "Active Listening 1.40 -> " in " ".join(weak["gaps"])  # 1 of 5 x 7/5
    assert list(weak["code"]) == list(plain["code"])  # similarity is the jobs' own


def test_the_unrated_are_never_suggested_and_a_job_without_ratings_finds_none(
    real,
) -> None:
    catalog, ratings = real
    unrated = catalog.index[catalog["skills"].isna()]
    table = sj.similar_occupations([RETAIL], catalog, ratings, n=len(catalog))
    assert not set(table["code"]) & set(unrated)
    assert len(table) == len(catalog) - 29 - 1
    empty = sj.similar_occupations([unrated[0]], catalog, ratings)
    assert empty.empty and list(empty.columns) == list(sj.COLUMNS)


def test_a_code_not_in_the_catalog_is_named(real) -> None:
    catalog, ratings = real
    with pytest.raises(CatalogError, match=r"41-9999\.00: not an occupation"):
        sj.similar_occupations(["41-9999.00"], catalog, ratings)


def test_a_catalog_with_top_skills_only_asks_for_a_new_import(real) -> None:
    catalog, ratings = real
    top = ratings[ratings["importance"] >= 3.0]  # what skills.csv of an older import held
    with pytest.raises(CatalogError, match="import it again"):
        sj.similar_occupations([RETAIL], catalog, top)


def test_careerkit_similar_occupations_uses_the_catalog_in_force(real) -> None:
    catalog, ratings = real
    face = careerkit.similar_occupations([RETAIL])
    pd.testing.assert_frame_equal(face, sj.similar_occupations([RETAIL], catalog, ratings))


# --- pre-fill from jobs held -----------------------------------------------------------


def test_prefill_converts_onet_levels_and_own_ratings_win() -> None:
    ratings = ratings_of(
        full("a", {"Speaking": (4.5, 5.38), "Writing": (3.0, 0.2), "Science": (2.9, 7)})
        + full("b", {"Speaking": (3.5, 6.5), "Monitoring": (3.2, 2.1)})
    )
    filled = sj.prefill_levels(["a", "b"], ratings)
    # the highest level among the jobs, x 5/7, rounded, at least 1; importance < 3 left out
    assert filled == {"Speaking": 5, "Writing": 1, "Monitoring": 2}  # 6.5 -> 4.64, 2.1 -> 1.5
    own = sj.prefill_levels(["a", "b"], ratings, {"speaking": 2, "Programming": 4})
    assert own == {"speaking": 2, "Programming": 4, "Writing": 1, "Monitoring": 2}


def test_level_conversions_are_each_others_inverse() -> None:
    for level in range(1, 6):
        assert sj.from_onet_level(sj.to_onet_level(level)) == level
    assert sj.from_onet_level(0) == 1 and sj.from_onet_level(7) == 5
    assert sj.from_onet_level(3.5) == 3  # 2.5 of 5: half up, not to the even 2
