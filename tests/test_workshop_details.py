"""Which workspace and workshop file are in force, and what workshop.toml's [workshop] does.

A notebook in a participant's folder uses that participant's workspace even when
``CAREERKIT_HOME`` is set (``make lab``); ``$CAREERKIT_WORKSHOP`` names one file for a whole
hub; ``catalog`` chooses the catalogue, ``area`` (with the other settings) starts a new
plan, ``date`` is shown with the workshop's name in 00's set-up check.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from careerkit import open_plan, paths, workshop
from careerkit.catalog import CatalogError
from careerkit.coach import workshop_setup
from careerkit.steps import start
from careerkit.workbook import catalog_for, catalog_in_force, load_catalog
from tests.conftest import ROOT


@pytest.fixture
def group(tmp_path: Path) -> Path:
    """A workshop made by ``careerkit workshop new``: Ana and Bo, each a workspace."""
    folder = tmp_path / "spring"
    workshop_setup.create_workshop(
        folder, ["Ana", "Bo"], title="Spring", coach="Dana", day=date(2026, 5, 4)
    )
    return folder


def settings(folder: Path, **values: str) -> Path:
    """Change ``key = "..."`` lines of the workshop file in ``folder``."""
    file = folder / paths.WORKSHOP_FILE
    lines = file.read_text(encoding="utf-8").splitlines()
    for key, value in values.items():
        lines = [f'{key} = "{value}"' if line.startswith(f"{key} = ") else line for line in lines]
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return file


# --- the workspace in force ---------------------------------------------------------


def test_a_notebook_in_a_participant_folder_uses_it_although_careerkit_home_is_set(
    group: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = group / "participants" / "ana"
    monkeypatch.chdir(ana / "notebooks")  # a kernel starts in its notebook's folder
    assert paths.workspace() == ana  # CAREERKIT_HOME (the test's workspace) is set
    plan = open_plan()
    assert plan.path == ana / "plan.json" and plan.profile.name == "Ana"
    assert paths.workshop_file() == group / "workshop.toml"
    assert not (workspace / "plan.json").exists()


def test_careerkit_plan_does_not_send_two_participants_to_one_plan(
    group: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERKIT_PLAN", str(tmp_path / "shared-plan.json"))
    monkeypatch.chdir(group / "participants" / "bo" / "notebooks")
    assert paths.plan_path() == group / "participants" / "bo" / "plan.json"
    monkeypatch.chdir(tmp_path)  # elsewhere the variable still names the plan
    assert paths.plan_path() == tmp_path / "shared-plan.json"


def test_outside_a_workshop_careerkit_home_is_the_workspace(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert paths.workspace() == workspace


# --- one workshop file for a hub: $CAREERKIT_WORKSHOP -------------------------------


def test_careerkit_workshop_names_the_file_and_starts_a_new_plan_from_it(
    group: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = settings(group, area="0600000")
    monkeypatch.setenv("CAREERKIT_WORKSHOP", str(shared))
    assert paths.workshop_file() == shared
    plan = open_plan()  # a new plan in the person's own workspace
    assert plan.path == workspace / "plan.json"
    assert (plan.profile.workshop, plan.profile.coach, plan.profile.area) == (
        "Spring",
        "Dana",
        "0600000",
    )
    pay = catalog_for(plan)
    assert (pay["pay_area"] == "California").any()  # the area gives local pay


def test_the_workspaces_own_file_comes_before_careerkit_workshop(
    group: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERKIT_WORKSHOP", str(group / "workshop.toml"))
    own = workspace / "workshop.toml"
    own.write_text('[workshop]\ntitle = "Mine"\n', encoding="utf-8")
    assert paths.workshop_file() == own


def test_a_plan_that_exists_keeps_its_own_area(
    persona_like: Path, group: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERKIT_WORKSHOP", str(settings(group, area="0600000")))
    assert open_plan().profile.area == ""  # the person's choice (the nation) stays


@pytest.fixture
def persona_like(workspace: Path) -> Path:
    shutil.copy(ROOT / "data" / "examples" / "persona.json", workspace / "plan.json")
    return workspace / "plan.json"


def test_a_broken_workshop_file_never_stops_a_new_plan_and_00_names_it(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "workshop.toml"
    broken.write_text("[workshop\n", encoding="utf-8")
    monkeypatch.setenv("CAREERKIT_WORKSHOP", str(broken))
    assert open_plan().profile.workshop == ""
    check = next(c for c in start.check_setup() if c.name == "Workshop")
    assert not check.ok and str(broken) in check.detail and "not valid TOML" in check.detail


def test_a_missing_careerkit_workshop_file_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERKIT_WORKSHOP", str(tmp_path / "nowhere.toml"))
    check = next(c for c in start.check_setup() if c.name == "Workshop")
    assert not check.ok and "nowhere.toml" in check.detail and "does not exist" in check.detail


def test_00_names_the_workshop_with_its_coach_and_date(
    group: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(group / "participants" / "ana" / "notebooks")
    check = next(c for c in start.check_setup() if c.name == "Workshop")
    assert check.ok
    assert "Spring, coach Dana, first session May 4, 2026" in check.detail
    assert str(group / "workshop.toml") in check.detail


def test_no_workshop_line_without_a_workshop(workspace: Path) -> None:
    assert "Workshop" not in [c.name for c in start.check_setup()]


# --- catalog: the workshop's catalogue ----------------------------------------------


def test_the_workshop_chooses_a_catalogue_beside_its_file(
    group: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "data" / "catalog", group / "catalog")
    rows = (group / "catalog" / "occupations.csv").read_text(encoding="utf-8").splitlines()
    (group / "catalog" / "occupations.csv").write_text("\n".join(rows[:11]) + "\n")
    settings(group, catalog="catalog")
    monkeypatch.chdir(group / "participants" / "bo" / "notebooks")
    assert catalog_in_force() == group / "catalog"
    assert len(load_catalog()) == 10


def test_bundled_is_the_bundled_catalogue(group: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(group / "participants" / "bo" / "notebooks")
    assert catalog_in_force() == paths.DATA_DIR / "catalog"


def test_a_workshop_catalogue_that_is_not_there_is_named(
    group: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings(group, catalog="imports/2026")
    monkeypatch.chdir(group / "participants" / "bo" / "notebooks")
    with pytest.raises(CatalogError, match="imports/2026.*has no occupations.csv.*import-onet"):
        load_catalog()
    check = next(c for c in start.check_setup() if c.name == "Occupation catalog")
    assert not check.ok and "workshop.toml" in check.detail


def test_the_persons_own_import_comes_before_the_workshops_choice(
    group: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings(group, catalog="nowhere")
    bo = group / "participants" / "bo"
    shutil.copytree(ROOT / "data" / "catalog", bo / "catalog")
    monkeypatch.chdir(bo / "notebooks")
    assert catalog_in_force() == bo / "catalog"


def test_the_catalogue_choice_is_read_from_the_files_folder(tmp_path: Path) -> None:
    details = workshop.WorkshopDetails(catalog="cat")
    chosen = workshop.chosen_catalog(tmp_path / "workshop.toml", details)
    assert chosen == tmp_path / "cat"


# --- the wheel's data and notebooks ------------------------------------------------------


def test_an_editable_install_uses_the_repositorys_data_and_notebooks() -> None:
    assert paths.DATA_DIR == ROOT / "data" and paths.NOTEBOOKS_DIR == ROOT / "notebooks"


def test_a_broken_workshop_file_leaves_the_bundled_catalogue(workspace: Path) -> None:
    """The coach's broken file must not stop a participant: the banner reports it."""
    (workspace / paths.WORKSHOP_FILE).write_text('[workshop\ncatalog = "x"\n', encoding="utf-8")
    assert catalog_in_force() == paths.DATA_DIR / "catalog"
    assert len(load_catalog()) > 100
