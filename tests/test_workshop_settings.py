"""Every setting of workshop.toml is declared once (issue 22 §5): the file a new workshop
starts with, and the checks of a coach's edits, both come from those declarations."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from careerkit import workshop
from careerkit.coach import workshop_setup
from careerkit.steps.compare import criteria
from careerkit.steps.compare import setup as compare_setup
from careerkit.steps.compare.setup import ScoringSettings
from careerkit.workshop import Settings, Workshop, WorkshopDetails, WorkshopError

TABLES = (WorkshopDetails, ScoringSettings)
DAY = date(2026, 5, 4)


def write(folder: Path, text: str) -> Path:
    file = folder / "workshop.toml"
    file.write_text(text, encoding="utf-8")
    return file


def test_every_table_a_workshop_file_may_hold_is_declared() -> None:
    assert tuple(t.TABLE for t in TABLES) == workshop.TABLES
    assert workshop.DETAILS_KEYS == (
        "title", "coach", "date", "goal_areas", "review_every_months", "catalog", "area",
        "interest_items",
    )  # fmt: skip
    assert compare_setup.SCORING_KEYS == ("criteria", "weights", "labels")
    for table in TABLES:
        for declared in dataclasses.fields(table):
            assert declared.metadata["help"].strip() and declared.metadata["example"], declared


def test_the_new_file_names_every_key_with_its_help_and_reads_back_to_the_defaults(
    tmp_path: Path,
) -> None:
    text = workshop_setup.default_workshop_toml("Spring", "Dana", DAY)
    lines = text.splitlines()
    for table in TABLES:
        assert f"[{table.TABLE}]" in lines
        for declared in dataclasses.fields(table):
            line = next(i for i, s in enumerate(lines) if s.startswith(f"{declared.name} = "))
            assert lines[line - 1].startswith("# "), f"{declared.name} has no help above it"
            help_words = declared.metadata["help"].split()[:4]
            above = " ".join(" ".join(lines[max(0, line - 6) : line]).split())
            assert " ".join(help_words) in above, declared.name
    file = write(tmp_path, text)
    assert workshop.read_details(file) == WorkshopDetails(title="Spring", coach="Dana", date=DAY)
    assert Workshop(file).read(ScoringSettings) == ScoringSettings()
    assert compare_setup.read_workshop(file) == criteria.default_criteria()


def test_a_setting_without_a_value_is_written_as_an_example_and_reads_back(
    tmp_path: Path,
) -> None:
    text = workshop.file_text(WorkshopDetails(), heading="A file")
    assert "\n# date = 2026-05-04\n" in text  # the declared example, commented out
    assert workshop.read_details(write(tmp_path, text)) == WorkshopDetails()


@pytest.mark.parametrize(
    ("table", "declared"),
    [(t, f) for t in TABLES for f in dataclasses.fields(t)],
    ids=lambda x: getattr(x, "name", getattr(x, "TABLE", "")),
)
def test_each_example_in_the_help_and_messages_is_a_value_careerkit_takes(
    tmp_path: Path, table: type[Settings], declared: dataclasses.Field[Any]
) -> None:
    file = write(tmp_path, f"[{table.TABLE}]\n{declared.name} = {declared.metadata['example']}\n")
    assert Workshop(file).read(table) is not None


# One bad value of each kind a declaration can take; each message names the file, the
# key, and what to write instead.
WORKSHOP_BAD = [
    ("text", "coach = 3", 'coach must be text in quotes, e.g. coach = "Dana Ng"'),
    ("a day, not text", 'date = "2025-05-01"', "date must be a day without quotes"),
    ("a day, not a time", "date = 2025-05-01T10:00:00", "e.g. date = 2026-05-04"),
    ("one of the choices", "review_every_months = 6", "must be 12 or 24, not 6"),
    ("a choice, not true", "review_every_months = true", "must be 12 or 24, not true"),
    ("a list, not text", 'goal_areas = "Learning"', "goal_areas must be a list of names"),
    ("names, none empty", 'goal_areas = ["Learning", " "]', "none empty, e.g. goal_areas = ["),
    ("names, not numbers", "goal_areas = [1, 2]", "goal_areas must be a list of names"),
    ("a key the table declares", 'titel = "x"', "unknown key 'titel' (did you mean 'title'?)"),
]
SCORING_BAD = [
    ("a table, not a number", "weights = 3", "weights must be a table, e.g. weights = {"),
    ("numbers in a table", 'weights = { pay = "high" }', 'pay = "high" must be a number'),
    ("a number, not true", "weights = { pay = true }", "pay = true must be a number"),
    ("text in a table", "labels = { pay = 3 }", "pay = 3 must be some text in quotes"),
    ("text, not empty", 'labels = { pay = "" }', 'pay = "" must be some text'),
    ("a list of names", 'criteria = "pay"', "criteria must be a list of names in quotes"),
]


@pytest.mark.parametrize(("kind", "line", "says"), WORKSHOP_BAD, ids=[b[0] for b in WORKSHOP_BAD])
def test_a_bad_workshop_value_names_the_file_the_key_and_what_to_write(
    tmp_path: Path, kind: str, line: str, says: str
) -> None:
    file = write(tmp_path, f"[workshop]\n{line}\n")
    with pytest.raises(WorkshopError) as err:
        workshop.read_details(file)
    assert str(err.value).startswith(f"The workshop file {file}, [workshop]")
    assert line.split(" = ")[0] in str(err.value)  # the key
    assert says in str(err.value)


@pytest.mark.parametrize(("kind", "line", "says"), SCORING_BAD, ids=[b[0] for b in SCORING_BAD])
def test_a_bad_scoring_value_names_the_file_the_key_and_what_to_write(
    tmp_path: Path, kind: str, line: str, says: str
) -> None:
    file = write(tmp_path, f"[scoring]\n{line}\n")
    with pytest.raises(WorkshopError) as err:
        compare_setup.read_workshop(file)
    assert str(err.value).startswith(f"The workshop file {file}, [scoring]: ")
    assert line.split(" = ")[0] in str(err.value)  # the key
    assert says in str(err.value)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('title = "Spring"\n[workshop]\n', "title belongs in [workshop]; move its line below"),
        ('[workshp]\ntitle = "Spring"\n', "unknown table [workshp]; it may hold the tables "
         "[workshop] and [scoring]. Did you mean [workshop]?"),
        ("workshop = 3\n", "[workshop] must be a table of settings, e.g. [workshop] with title ="),
    ],
)  # fmt: skip
def test_a_setting_outside_its_table_is_named(tmp_path: Path, text: str, says: str) -> None:
    file = write(tmp_path, text)
    with pytest.raises(WorkshopError) as err:
        workshop.read_details(file)
    assert str(file) in str(err.value) and says in str(err.value)


def test_the_workshop_owns_its_folders_layout(tmp_path: Path) -> None:
    made = workshop_setup.create_workshop(tmp_path / "spring", ["Ana"], title="Spring")
    group = Workshop.at(tmp_path / "spring")
    assert group.file.is_file() and group.coach.is_dir()
    assert made[0].folder.parent == group.participants
    assert "participants/" in (Workshop.__doc__ or "") and "$CAREERKIT_WORKSHOP" in (
        Workshop.__doc__ or ""
    )
