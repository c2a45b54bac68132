"""Stepping stones (issue 23 §3): the jobs on the way from the jobs held to a target.

The rule is checked on a small catalog worked out by hand, the persona (a retail sales
supervisor aiming at registered nurse, and at training and development specialist) on
the bundled catalog, and the coach's own file beside workshop.toml.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import careerkit
from careerkit import paths
from careerkit.catalog import SKILLS, CatalogError, load_catalog, tables
from careerkit.catalog.local_pay import local_pay
from careerkit.errors import ForThePerson
from careerkit.plan import PastJob
from careerkit.steps import stepping_stones as ss
from careerkit.steps.similar_jobs import levels_from_jobs
from tests.conftest import ROOT

BUNDLED = ROOT / "data" / "catalog"
RETAIL, NURSE, TRAINER = "41-1011.00", "29-1141.00", "13-1151.00"
LPN, TRAINING_MANAGER = "29-2061.00", "11-3131.00"
HR_MANAGER, SALESPERSON = "11-3121.00", "41-2031.00"
ADDS = re.compile(r"(.+) ([0-9.]+) -> ([0-9.]+) \(target ([0-9.]+)\)")

# --- the rule, on a catalog worked out by hand -------------------------------------------

NOW, TARGET = "41-0000.00", "29-0000.00"


def full(code: str, figures: dict[str, tuple[float, float]]) -> list:
    """All 35 skills of ``code``: the given ones, the rest importance 1 and level 0."""
    return [(code, s, *figures.get(s, (1.0, 0.0))) for s in SKILLS]


BETWEEN = {"Speaking": (4.0, 4.0), "Science": (4.0, 4.0)}  # shares with both ends
OCCUPATIONS = {
    # code: (title, job zone, median pay, skills)
    NOW: ("Now", 2, 100.0, {"Speaking": (5.0, 5.0)}),
    TARGET: ("Target", 4, 200.0, {"Speaking": (3.0, 3.0), "Science": (5.0, 6.0)}),
    "29-0000.01": ("A specialty of the target", 3, 200.0, BETWEEN),
    "29-1000.00": ("Stone", 3, 120.0, BETWEEN),
    "29-1500.00": ("Pays 125% of the target", 3, 250.0, BETWEEN),
    "29-1600.00": ("Pays more than 125% of the target", 3, 251.0, BETWEEN),
    "29-2000.00": ("Needs more preparation", 5, 300.0, BETWEEN),
    "29-3000.00": ("Pays too little", 3, 89.0, BETWEEN),
    "29-4000.00": ("Pays 90%", 3, 90.0, BETWEEN),
    "29-5000.00": ("Zone unknown", np.nan, 150.0, BETWEEN),
    "29-6000.00": ("Shares skills with neither", 3, 150.0, {"Writing": (5.0, 5.0)}),
    "29-7000.00": ("Not on O*NET's map", 3, 150.0, BETWEEN),
    "29-8000.00": ("Related to the job held", 3, 150.0, BETWEEN),
    "29-9000.00": ("One remove", 3, 150.0, BETWEEN),
}
RELATED = [
    (TARGET, "29-0000.01"),
    (TARGET, "29-1000.00"),
    (TARGET, "29-1500.00"),
    (TARGET, "29-1600.00"),
    (TARGET, "29-2000.00"),
    (TARGET, "29-3000.00"),
    (TARGET, "29-4000.00"),
    (TARGET, "29-5000.00"),
    (TARGET, "29-6000.00"),
    (NOW, "29-8000.00"),
    ("29-8000.00", "29-9000.00"),
]


@pytest.fixture
def small() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    catalog = pd.DataFrame(
        [(c, t, z, p) for c, (t, z, p, _) in OCCUPATIONS.items()],
        columns=["code", "title", "job_zone", "median_wage"],
    ).set_index("code")
    rows = [row for c, (*_, skills) in OCCUPATIONS.items() for row in full(c, skills)]
    ratings = pd.DataFrame(rows, columns=["code", "skill", "importance", "level"])
    related = pd.DataFrame(RELATED, columns=["code", "related_code"])
    return catalog, ratings.set_index("code"), related


def stones(small, **kwargs) -> pd.DataFrame:
    catalog, ratings, related = small
    kwargs.setdefault("coach_paths", [])
    return ss.stepping_stones(TARGET, [NOW], catalog, ratings, related, n=20, **kwargs)


def test_a_stone_is_on_onets_map_between_the_ends_prepared_and_paid(small) -> None:
    table = stones(small)
    # Nearest first (related to the target, then the job held, then one remove); the
    # zone unknown after the known ones; dropped: the target's specialty, more
    # preparation than the target, under 90% of the pay now, over 125% of the target's
    # pay (a destination of its own), skills shared with neither end, and the
    # occupation O*NET does not relate to either.
    assert list(table["title"]) == [
        "Stone",
        "Pays 125% of the target",
        "Pays 90%",
        "Zone unknown",
        "Related to the job held",
        "One remove",
    ]
    assert list(table["why"]) == [ss.NEAR_TARGET] * 4 + [
        ss.NEAR_JOB,
        "O*NET relates it to Related to the job held, which it relates to a job you have done",
    ]
    assert not table["coach"].any()


def test_unknown_zone_and_pay_are_said_unknown_never_dropped(small) -> None:
    catalog, ratings, related = small
    catalog = catalog.copy()
    catalog.loc["29-1000.00", "median_wage"] = np.nan
    table = stones((catalog, ratings, related)).set_index("title")
    assert table.at["Zone unknown", "job_zone"] == "unknown"
    assert table.at["Stone", "median_pay"] == "unknown"
    assert table.at["Pays 90%", "job_zone"] == 3 and table.at["Pays 90%", "median_pay"] == 90.0
    # pay unknown now: no stone is dropped for its pay, none compared with a 0
    catalog.loc[NOW, "median_wage"] = np.nan
    titles = set(stones((catalog, ratings, related))["title"])
    assert {"Pays too little", "Pays 90%", "Stone"} <= titles
    # the target's pay unknown: no stone is dropped for paying more than it
    assert "Pays more than 125% of the target" not in titles
    catalog.loc[TARGET, "median_wage"] = np.nan
    titles = set(stones((catalog, ratings, related))["title"])
    assert "Pays more than 125% of the target" in titles


def test_what_a_stone_adds_are_the_matrix_levels(small) -> None:
    row = stones(small).set_index("title").loc["Stone"]
    # The person (from the job held) has Science 0 and Speaking 5; the target needs
    # Science 6 (importance 5); the stone practices it at 4: it adds 0 -> 4 of 6, and
    # leaves 4 -> 6 still to build; to get there, Science 0 -> 4.
    assert row["adds"] == "Science 0.00 -> 4.00 (target 6.00)"
    assert row["still_to_build"] == "Science 4.00 -> 6.00"
    assert row["to_get_there"] == "Science 0.00 -> 4.00"
    assert row["similarity_now"] > 0 and row["similarity_target"] > 0


def test_own_ratings_win_in_what_a_stone_adds(small) -> None:
    row = stones(small, person_levels={"Science": 5}).set_index("title").loc["Stone"]
    # 5 x 7/5 = 7: above the target's 6, so no gap toward it is left
    assert row["adds"] == row["still_to_build"] == row["to_get_there"] == ""


# --- the persona, on the bundled catalog -------------------------------------------------


@pytest.fixture(scope="module")
def real() -> tuple[pd.DataFrame, pd.DataFrame]:
    return load_catalog(BUNDLED), tables.skill_ratings(BUNDLED)


def test_a_retail_supervisor_toward_nursing_steps_through_practical_nursing(real) -> None:
    catalog, ratings = real
    table = ss.stepping_stones(NURSE, [RETAIL], catalog, ratings, coach_paths=[])
    assert table.at[0, "code"] == LPN  # O*NET relates it to RN; it pays more than retail
    assert table.at[0, "why"] == ss.NEAR_TARGET
    assert not table["code"].str.startswith("29-1141").any()  # no nursing specialty
    assert_figures_are_the_catalogs(table, catalog, NURSE, RETAIL)


def test_a_retail_supervisor_toward_training_steps_through_related_roles(real) -> None:
    catalog, ratings = real
    table = ss.stepping_stones(TRAINER, [RETAIL], catalog, ratings, coach_paths=[])
    assert_figures_are_the_catalogs(table, catalog, TRAINER, RETAIL)
    stone = next(c for c, adds in zip(table["code"], table["adds"], strict=True) if adds)
    row = table.set_index("code").loc[stone]
    # what it adds: "skill yours -> the stone's level (target's)", O*NET's figures
    yours = levels_from_jobs([RETAIL], ratings)
    levels = ratings.reset_index().set_index(["code", "skill"])["level"]
    assert row["adds"]
    for part in row["adds"].split("; "):
        name, mine, at, target = ADDS.fullmatch(part).groups()  # type: ignore[union-attr]
        assert float(mine) == pytest.approx(yours[name], abs=0.005)
        assert float(at) == min(levels[(stone, name)], levels[(TRAINER, name)])
        assert float(target) == levels[(TRAINER, name)]


def assert_figures_are_the_catalogs(
    table: pd.DataFrame, catalog: pd.DataFrame, target: str, now: str
) -> None:
    assert len(table) > 0
    for row in table.itertuples():
        assert row.job_zone == catalog.at[row.code, "job_zone"] <= catalog.at[target, "job_zone"]
        assert row.median_pay == catalog.at[row.code, "median_wage"]
        assert row.median_pay >= ss.PAY_SHARE * catalog.at[now, "median_wage"]
        assert row.median_pay <= ss.TARGET_PAY_SHARE * catalog.at[target, "median_wage"]


def test_a_manager_paid_far_more_is_no_stone_to_the_specialists(real) -> None:
    """Human Resources Managers (about twice the pay) came up on the way to Training and
    Development Specialists: a job paid clearly more is a destination, not a step."""
    catalog, ratings = real
    assert catalog.at[HR_MANAGER, "median_wage"] > 1.25 * catalog.at[TRAINER, "median_wage"]
    for jobs in ([RETAIL], [RETAIL, SALESPERSON]):
        table = ss.stepping_stones(TRAINER, jobs, catalog, ratings, coach_paths=[], n=50)
        assert len(table) and not {HR_MANAGER, TRAINING_MANAGER} & set(table["code"])


def test_local_pay_is_the_areas(real) -> None:
    catalog, ratings = real
    local = local_pay(catalog, "0600000")  # California: the bundled catalog has states
    assert local.at[LPN, "median_wage"] != catalog.at[LPN, "median_wage"]
    table = ss.stepping_stones(NURSE, [RETAIL], local, ratings, coach_paths=[])
    assert LPN in set(table["code"])
    for row in table.itertuples():
        assert row.median_pay == local.at[row.code, "median_wage"]
        assert row.median_pay >= ss.PAY_SHARE * local.at[RETAIL, "median_wage"]


def test_a_code_not_in_the_catalog_is_named(real) -> None:
    catalog, ratings = real
    with pytest.raises(CatalogError, match="99-9999.99"):
        ss.stepping_stones("99-9999.99", [RETAIL], catalog, ratings, coach_paths=[])


def test_no_job_held_in_the_catalog_gives_no_stone(real) -> None:
    catalog, ratings = real
    assert ss.stepping_stones(NURSE, [], catalog, ratings, coach_paths=[]).empty


# --- the coach's file beside workshop.toml -----------------------------------------------


def coach_file(folder: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    (folder / paths.WORKSHOP_FILE).write_text("[workshop]\n", encoding="utf-8")
    monkeypatch.setenv("CAREERKIT_WORKSHOP", str(folder / paths.WORKSHOP_FILE))
    file = folder / paths.STEPPING_STONES_FILE
    file.write_text(text, encoding="utf-8")
    return file


def test_the_coachs_paths_come_first_marked_as_the_coachs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    coach_file(
        tmp_path,
        "from,target,stone,note\n"
        "# a comment line\n"
        f'{RETAIL},{NURSE},31-1131.00,"Nursing assistant, evenings; the hospital trains"\n'
        f"any,{NURSE},{LPN},Our college's LPN course\n"
        f"any,{TRAINER},{TRAINING_MANAGER},Not this target\n"
        f"29-2061.00,{NURSE},43-1011.00,From another job\n",
        monkeypatch,
    )
    table = careerkit.stepping_stones(NURSE, from_codes=[RETAIL])
    assert list(table["code"][:2]) == ["31-1131.00", LPN]
    assert list(table["coach"][:2]) == [True, True] and not table["coach"][2:].any()
    assert list(table["why"][:2]) == [ss.COACH] * 2
    assert table.at[0, "note"] == "Nursing assistant, evenings; the hospital trains"
    assert list(table["code"]).count(LPN) == 1  # the rule's LPN is the coach's now
    assert "43-1011.00" not in set(table["code"][:2])  # from a job not held


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("stone,target\n", "line 1: the first line must name the columns from,target"),
        (f"from,target,stone,note\n\n{RETAIL},{NURSE}\n", "line 3 has 2 values"),
        (f"from,target,stone,note\n{RETAIL},{NURSE},29-2061\n", "line 2: the stone '29-2061'"),
        ("from,target,stone,note\nevery,29-1141.00,29-2061.00\n", "line 2: the from 'every'"),
        (f"from,target,stone,note\nany,{NURSE},{NURSE},x\n", "line 2: the stone is the target"),
        (b"from,target,stone,note\n\xff\xfe,x\n", "save it as UTF-8"),
    ],
)
def test_a_bad_coach_file_is_named_with_its_line_and_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str | bytes, says: str
) -> None:
    file = coach_file(tmp_path, "", monkeypatch)
    if isinstance(text, bytes):
        file.write_bytes(text)
    else:
        file.write_text(text, encoding="utf-8")
    with pytest.raises(ss.SteppingStonesError) as caught:
        careerkit.stepping_stones(NURSE, from_codes=[RETAIL])
    message = str(caught.value)
    assert str(file) in message and says in message
    assert isinstance(caught.value, ForThePerson)  # shown without a traceback


def test_no_coach_file_is_no_coach_path(catalog) -> None:
    assert ss.read_coach_paths(Path("/nonexistent") / paths.STEPPING_STONES_FILE, catalog) == []


def test_a_coach_stone_o_net_does_not_rate_adds_unknown_never_nothing(real) -> None:
    catalog, ratings = real
    unrated = next(c for c in catalog.index if c not in set(ratings.index))
    path = ss.CoachPath(ss.ANY, NURSE, unrated, "", 2)
    row = ss.stepping_stones(NURSE, [RETAIL], catalog, ratings, coach_paths=[path]).iloc[0]
    assert row["code"] == unrated and row["coach"]
    assert row["to_get_there"] == row["adds"] == row["still_to_build"] == "unknown"
    assert np.isnan(row["similarity_now"])


def test_a_plan_toward_an_unrated_target_is_told_why(persona, catalog) -> None:
    ratings = tables.skill_ratings(BUNDLED)
    unrated = next(c for c in catalog.index if c not in set(ratings.index))
    persona.dream_job.past_jobs = [PastJob(code=RETAIL, title="Store supervisor")]
    found = ss.for_plan(persona, catalog, unrated)
    assert found.stones.empty and "no skill ratings" in found.message
    assert catalog.at[unrated, "title"] in found.message


def test_a_catalog_with_top_skills_only_asks_for_a_new_import(real) -> None:
    catalog, ratings = real
    top = ratings[ratings["importance"] >= 3.5]
    with pytest.raises(CatalogError, match="import it again"):
        ss.stepping_stones(NURSE, [RETAIL], catalog, top, coach_paths=[])


def test_the_path_starts_from_the_job_in_the_persons_words(persona, catalog) -> None:
    onet = str(catalog.at[RETAIL, "title"])
    persona.dream_job.past_jobs = [PastJob(code=RETAIL, title=onet, own_title="Store manager")]
    assert ss.for_plan(persona, catalog, NURSE, coach_paths=[]).now == "Store manager"
    persona.dream_job.past_jobs = [PastJob(code=RETAIL, title=onet)]  # a plan from before
    assert ss.for_plan(persona, catalog, NURSE, coach_paths=[]).now == onet
