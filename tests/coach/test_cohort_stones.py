"""The cohort summary's most common stepping stones (issue 23 §5): the jobs on the way the
group chose as goals in 04, counted once per participant, names hidden unless switched on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from careerkit import paths
from careerkit.coach import cohort, workshop_setup
from careerkit.plan import Goal, Option, open_plan
from careerkit.report import cohort_page

TODAY = date(2026, 12, 7)
NURSE, TRAINER, LPN, OFFICE = "29-1141.00", "13-1151.00", "29-2061.00", "43-1011.00"
PEOPLE = ("Ana López", "Bo Chen", "Cy <b>Dee</b>", "Di")


def stone(direction: str, code: str, status: str = "not started") -> Goal:
    return Goal(text=f"Get a job as {code}", direction=direction, stone=code, status=status)


def workshop(tmp_path: Path) -> Path:
    """Ana: LPN toward nursing twice (one person, counted once) and an office supervisor
    toward training; Bo: LPN toward nursing; Cy: LPN, but dropped; Di: no stone."""
    folder = tmp_path / "spring"
    workshop_setup.create_workshop(folder, PEOPLE)
    goals = {
        "ana-lopez": [stone(NURSE, LPN), stone(NURSE, LPN), stone(TRAINER, OFFICE)],
        "bo-chen": [stone(NURSE, LPN)],
        "cy-b-dee-b": [stone(NURSE, LPN, "dropped")],
        "di": [Goal(text="Join a club", direction="")],
    }
    for name, mine in goals.items():
        plan = open_plan(folder / paths.PARTICIPANTS / name / paths.PLAN_FILE)
        plan.short_term_goals.goals = mine
        plan.exploration.options = [Option(code=NURSE, title="Nursing <RN>")]
        plan.save("short_term_goals", "exploration")
    return folder


def test_the_most_common_stones_are_counted_once_per_person(
    tmp_path: Path, catalog: pd.DataFrame
) -> None:
    summary = cohort.summarise(cohort.read_cohort(workshop(tmp_path)), TODAY)
    assert sorted(p.folder for p in summary.cohort.read) == [
        "ana-lopez",
        "bo-chen",
        "cy-b-dee-b",
        "di",
    ]
    stones = cohort.common_stones(summary.cohort)
    assert list(stones.index) == [LPN, OFFICE]
    assert list(stones["participants"]) == [2, 1]
    assert stones.at[LPN, "title"] == catalog.at[LPN, "title"]
    assert stones.at[LPN, "toward"] == ["Nursing <RN>"]  # the person's own shortlist title
    assert stones.at[OFFICE, "toward"] == [catalog.at[TRAINER, "title"]]  # not shortlisted
    numbers = {p.folder: p.number for p in summary.cohort.read}
    assert stones.at[LPN, "numbers"] == [numbers["ana-lopez"], numbers["bo-chen"]]


def test_the_section_hides_names_unless_switched_on_and_escapes(
    tmp_path: Path, catalog: pd.DataFrame
) -> None:
    summary = cohort.summarise(cohort.read_cohort(workshop(tmp_path)), TODAY)
    hidden = cohort_page.stones_html(summary, False)
    assert "López" not in hidden and "Participant 1, Participant 2" in hidden
    assert f"<td>{catalog.at[LPN, 'title']}</td><td>{LPN}</td>" in hidden
    assert "Nursing &lt;RN&gt;" in hidden and "<RN>" not in hidden
    shown = cohort_page.stones_html(summary, True)
    assert "Ana López, Bo Chen" in shown
    page = cohort_page.cohort_page(summary, pngs={})
    assert "<h2>Most common stepping stones</h2>" in page and "López" not in page


def test_a_group_without_stones_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    workshop_setup.create_workshop(folder, ("Ana", "Bo"))
    summary = cohort.summarise(cohort.read_cohort(folder), TODAY)
    assert cohort.common_stones(summary.cohort).empty
    assert "No one has made a job on the way (04) one of their goals yet." in (
        cohort_page.stones_html(summary, False)
    )
