"""Where the group comes from (issue 23 §5): the occupation families of the jobs the
participants have done, on the cohort summary, names hidden unless switched on."""

from __future__ import annotations

import html
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from careerkit import open_plan
from careerkit.catalog.soc import MAJOR_GROUPS, major_group
from careerkit.coach import cohort, workshop_setup
from careerkit.plan import PastJob
from careerkit.report import cohort_page
from careerkit.ui import cohort as ui
from tests.conftest import SHARED

TODAY = date(2026, 12, 7)
EP_BOOK = SHARED / "bls-ep" / "occupation.xlsx"
OWN = '<b>Baker</b> & "co"'
#: Each participant's jobs done: O*NET-SOC codes, or a title of their own ("").
JOBS = {
    "Ana Ruiz": [("41-1011.00", ""), ("41-2031.00", "")],  # two jobs in one family
    "Bo Chen": [("29-1141.00", ""), ("41-2031.00", "")],
    "Cy <i>Doe</i>": [("", OWN)],
    "Di Park": [],
    "Ed Vale": [("35-1012.00", ""), ("", "Night porter")],
}


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    folder = tmp_path / "spring"
    made = workshop_setup.create_workshop(folder, list(JOBS))
    for person, name in zip(made, JOBS, strict=True):
        plan = open_plan(person.folder / "plan.json")
        plan.dream_job.past_jobs = [PastJob(code=c, title=t) for c, t in JOBS[name]]
        plan.save()
    return folder


@pytest.fixture
def summary(workshop: Path) -> cohort.Summary:
    return cohort.summarise(cohort.read_cohort(workshop), TODAY)


def test_families_count_participants_and_jobs(summary: cohort.Summary) -> None:
    people, jobs = Counter(), Counter()
    for held in JOBS.values():
        groups = [code[:2] if code else cohort.NOT_IN_CATALOG for code, _ in held]
        jobs.update(groups)
        people.update(set(groups))
    table = summary.families
    assert table["participants"].to_dict() == dict(people)
    assert table["jobs"].to_dict() == dict(jobs)
    assert table.loc["41", "family"] == "Sales and Related Occupations"
    assert table.loc[cohort.NOT_IN_CATALOG, "family"] == cohort.NOT_IN_CATALOG
    assert list(table.index)[0] == "41" and list(table.index)[-1] == cohort.NOT_IN_CATALOG
    assert summary.no_jobs == sum(not held for held in JOBS.values())
    numbers = {p.name: p.number for p in summary.cohort.participants}
    assert table.loc["41", "numbers"] == (numbers["Ana Ruiz"], numbers["Bo Chen"])


def test_names_hidden_unless_switched_on_and_own_titles_never_shown(
    summary: cohort.Summary,
) -> None:
    hidden = cohort_page.cohort_page(summary, pngs={})
    section = hidden.split("Where the group comes from", 1)[1].split("</section>", 1)[0]
    numbers = {p.name: p.number for p in summary.cohort.participants}
    sales = f"Participant {numbers['Ana Ruiz']}, Participant {numbers['Bo Chen']}"
    assert f"<td>{sales}</td>" in section
    assert "<td>41-0000</td>" in section and "Ana Ruiz" not in hidden
    assert "not listed a job" in section and f"{summary.no_jobs} of 5" in section
    shown = cohort_page.cohort_page(summary, show_names=True, pngs={})
    assert "<td>Ana Ruiz, Bo Chen</td>" in shown
    assert html.escape("Cy <i>Doe</i>") in shown and "<i>Doe</i>" not in shown
    for page in (hidden, shown):  # a title typed is only counted, never printed
        assert "Baker" not in page and "Night porter" not in page


def test_the_board_shows_the_part_and_redraws_it_with_names(workshop: Path) -> None:
    board = ui.board(str(workshop))
    table = board.part("origins").children[-1]
    assert "Participant 1" in table.value and "Ana Ruiz" not in table.value
    board.names.value = True
    assert "Ana Ruiz" in table.value


def test_no_jobs_yet_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    workshop_setup.create_workshop(folder, ["Ana", "Bo"])
    summary = cohort.summarise(cohort.read_cohort(folder), TODAY)
    assert summary.families.empty and summary.no_jobs == 2
    assert "No participant has listed a job" in cohort_page.origins_html(summary, False)


def test_major_groups_of_codes() -> None:
    assert major_group("41-1011.00") == "41" and major_group("29-1141") == "29"
    assert major_group("local-barista") is None and major_group("99-1000.00") is None
    assert cohort.job_family("local-barista") == cohort.NO_FAMILY
    assert cohort.job_family("") == cohort.NOT_IN_CATALOG


@pytest.mark.skipif(not EP_BOOK.exists(), reason=f"BLS projections file {EP_BOOK} not available")
def test_major_group_titles_are_bls_own() -> None:
    """BLS's National Employment Matrix names the same 22 civilian groups (55, military
    occupations, is SOC's and not projected)."""
    import openpyxl

    book = openpyxl.load_workbook(EP_BOOK, read_only=True)
    rows = book["Table 1.1"].iter_rows(values_only=True)
    bls = {
        str(code)[:2]: str(title).strip()
        for title, code, *_ in rows
        if isinstance(code, str) and code.endswith("-0000") and code != "00-0000"
    }
    assert len(bls) == 22
    ours = {group: title for group, title in MAJOR_GROUPS.items() if group != "55"}
    assert {g: t.casefold() for g, t in ours.items()} == {g: t.casefold() for g, t in bls.items()}
