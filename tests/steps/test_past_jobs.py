"""01's "Jobs I have done" (issue 23 §1): finding a job by the title a person types,
keeping it with its years, and the skills list pre-filled from it (own ratings win)."""

from __future__ import annotations

import pandas as pd
import pytest

from careerkit.catalog import tables_of
from careerkit.plan import PastJob, Plan, Skill
from careerkit.steps import past_jobs as pj
from careerkit.steps import similar_jobs as sj
from tests.conftest import reopen

RETAIL, NURSE = "41-1011.00", "29-1141.00"


def test_a_title_people_say_finds_its_occupation(catalog: pd.DataFrame) -> None:
    found = pj.find_titles(catalog, "retail sales supervisor")
    assert found[0].code == RETAIL and found[0].matched == ""
    by_other = pj.find_titles(catalog, "store manager")
    hit = next(m for m in by_other if m.code == RETAIL)
    assert "store manager" in hit.matched.casefold()  # the other title it was found by
    assert hit.label == f"{catalog.at[RETAIL, 'title']} (as: {hit.matched})"
    assert pj.find_titles(catalog, "   ") == []
    assert len(pj.find_titles(catalog, "manager")) == pj.SHOWN


@pytest.mark.parametrize(
    ("typed", "code", "kept"),
    [
        ("store manager", RETAIL, "Store manager"),  # another title's whole words: theirs
        ("  store   manager ", RETAIL, "Store manager"),
        ("store man", RETAIL, "Store Manager"),  # a word cut short: the other title it found
        ("retail sales supervisor", RETAIL, "Retail sales supervisor"),
        ("first-line supervisors of retail sales workers", RETAIL, ""),  # O*NET's own title
        ("registered nurse", NURSE, ""),  # O*NET's own title, singular
        ("RN", NURSE, "RN"),
        ("", RETAIL, ""),
    ],
)
def test_the_title_a_person_typed_is_kept_with_the_code(
    plan: Plan, catalog: pd.DataFrame, typed: str, code: str, kept: str
) -> None:
    job = pj.add_past_job(plan, catalog, code=code, title=typed, years="6")
    assert (job.own_title, job.title) == (kept, catalog.at[code, "title"])
    plan.save()
    assert reopen(plan).dream_job.past_jobs[0].own_title == kept


def test_a_job_held_is_named_in_the_persons_words_with_onet_beside(catalog: pd.DataFrame) -> None:
    onet = str(catalog.at[RETAIL, "title"])
    mine = PastJob(code=RETAIL, title=onet, own_title="Store manager", years=6)
    assert pj.held_label(mine) == f"Store manager (O*NET: {onet}; 6 years)"
    assert pj.held_label(PastJob(code=RETAIL, title=onet, years=1)) == f"{onet} (1 year)"
    assert pj.held_label(PastJob(title="Market stall owner")) == "Market stall owner"


# Titles people type and the occupation each should find first (or among the first few):
# none may come lower than before issue 23's follow-up ranked exact titles first.
EXPECTED_FIRST = {
    "store manager": RETAIL,  # was 4th, after General and Operations Managers
    "cashier": "41-2011.00",  # Cashiers
    "nurse": NURSE,
    "ux designer": "15-1255.00",  # Web and Digital Interface Designers (was 2nd)
    "rn": NURSE,  # was 6th, after titles such as "RN Educator"
    "retail sales supervisor": RETAIL,
}


@pytest.mark.parametrize(("typed", "code"), EXPECTED_FIRST.items())
def test_a_title_people_type_finds_its_occupation_first(
    catalog: pd.DataFrame, typed: str, code: str
) -> None:
    assert pj.find_titles(catalog, typed)[0].code == code


def test_shift_manager_and_teacher_find_the_jobs_people_mean_first(catalog: pd.DataFrame) -> None:
    """ "Shift Manager" is a title of retail supervisors (reported), food service and
    gambling managers: all three come before titles that only hold the words ("Security
    Shift Manager"). "Teacher" starts with school teachers, not a postsecondary subject."""
    first = [m.code for m in pj.find_titles(catalog, "shift manager")[:3]]
    assert {RETAIL, "11-9051.00", "11-9071.00"} == set(first)
    teacher = pj.find_titles(catalog, "teacher")[0]
    assert "School" in teacher.title and "Postsecondary" not in teacher.title


def test_the_title_shown_beside_a_match_is_the_one_typed(catalog: pd.DataFrame) -> None:
    hit = pj.find_titles(catalog, "rn")[0]
    assert hit.label == f"{catalog.at[NURSE, 'title']} (as: RN)"
    assert pj.find_titles(catalog, "store manager")[0].matched == "Store Manager"


def test_jobs_are_kept_with_years_and_saved(plan: Plan, catalog: pd.DataFrame) -> None:
    pj.add_past_job(plan, catalog, code=RETAIL, years="6")
    own = pj.add_past_job(plan, catalog, title="  Market   stall  owner ", years="")
    assert own.title == "Market stall owner" and own.code == "" and own.years is None
    plan.save()
    jobs = reopen(plan).dream_job.past_jobs
    assert [(j.code, j.title, j.years) for j in jobs] == [
        (RETAIL, catalog.at[RETAIL, "title"], 6.0),
        ("", "Market stall owner", None),
    ]
    assert pj.past_codes(plan, catalog) == [RETAIL]
    pj.set_years(plan, own.id, "1,5")
    assert own.years == 1.5
    assert pj.remove_past_job(plan, own.id) is own
    assert [j.code for j in plan.dream_job.past_jobs] == [RETAIL]


@pytest.mark.parametrize(
    ("code", "title", "years", "words"),
    [
        ("", "", "", "title"),
        ("99-9999.99", "", "", "not an occupation"),
        (RETAIL, "", "lots", "not a number"),
        (RETAIL, "", "70", "0 to 60"),
    ],
)
def test_bad_entries_say_what_to_do(
    plan: Plan, catalog: pd.DataFrame, code: str, title: str, years: str, words: str
) -> None:
    with pytest.raises(pj.PastJobError, match=words):
        pj.add_past_job(plan, catalog, code=code, title=title, years=years)
    assert plan.dream_job.past_jobs == []


def test_the_same_job_twice_is_refused(plan: Plan, catalog: pd.DataFrame) -> None:
    pj.add_past_job(plan, catalog, code=RETAIL)
    pj.add_past_job(plan, catalog, title="Baker")
    with pytest.raises(pj.PastJobError, match="already"):
        pj.add_past_job(plan, catalog, code=RETAIL)
    with pytest.raises(pj.PastJobError, match="already"):
        pj.add_past_job(plan, catalog, title="baker")


def test_filling_adds_the_jobs_skills_and_keeps_own_ratings(
    plan: Plan, catalog: pd.DataFrame
) -> None:
    plan.dream_job.skills = [Skill(name="Speaking", kind="soft", level=1)]
    pj.add_past_job(plan, catalog, code=RETAIL)
    pj.add_past_job(plan, catalog, title="Market stall owner")
    added = pj.fill_skills(plan, catalog)
    ratings = tables_of(catalog).skill_ratings()
    expected = sj.prefill_levels([RETAIL], ratings)
    assert {s.name: s.level for s in added} == {
        k: v for k, v in expected.items() if k != "Speaking"
    }
    assert "Speaking" in expected  # a skill the job has: the person's 1 still wins
    levels = {s.name: s.level for s in plan.dream_job.skills}
    assert levels["Speaking"] == 1
    assert pj.fill_skills(plan, catalog) == []  # again: nothing new, nothing overwritten
    assert {s.name: s.level for s in plan.dream_job.skills} == levels


def test_filling_without_a_catalog_job_says_to_add_skills_by_hand(
    plan: Plan, catalog: pd.DataFrame
) -> None:
    pj.add_past_job(plan, catalog, title="Market stall owner")
    with pytest.raises(pj.PastJobError, match="by hand"):
        pj.fill_skills(plan, catalog)
