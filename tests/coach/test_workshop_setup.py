"""``careerkit workshop new|add|list``: safe folder names, workspaces, steps reached."""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path

import pytest

from careerkit import open_plan, paths, workshop
from careerkit.cli import main
from careerkit.coach import workshop_setup
from careerkit.coach.workshop_setup import WorkshopSetupError, safe_name, unique_name
from careerkit.steps.compare import criteria
from careerkit.steps.compare import setup as compare_setup
from tests.conftest import PERSONA, ROOT

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def new(tmp_path: Path, text: str, *extra: str) -> tuple[int, Path]:
    people = write(tmp_path / "people.txt", text)
    folder = tmp_path / "ws"
    return main(["workshop", "new", str(folder), "--participants", str(people), *extra]), folder


def folders(workshop_dir: Path) -> list[str]:
    return sorted(p.name for p in (workshop_dir / "participants").iterdir())


# --- names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "folder"),
    [
        ("Ana López", "ana-lopez"),
        ("../x", "x"),
        ("a/b", "a-b"),
        ("..\\..\\etc", "etc"),
        ("  Zoë  O'Brien ", "zoe-o-brien"),
        ("李小龙", "李小龙"),
        ("Ωmega", "ωmega"),
        ("CON", "p-con"),
        ("ﬁle №1", "file-no1"),  # compatibility forms become plain letters
    ],
)
def test_names_become_safe_folder_names(name: str, folder: str) -> None:
    assert safe_name(name) == folder


@pytest.mark.parametrize("name", ["", "   ", "..", "../", "/", "???", "\x00"])
def test_a_name_with_nothing_usable_is_refused(name: str) -> None:
    with pytest.raises(WorkshopSetupError, match="no letters or digits"):
        safe_name(name)


def test_a_very_long_name_is_cut_and_stays_unique() -> None:
    long = "x" * 5000
    first = unique_name(long, [])
    assert first == "x" * workshop_setup.MAX_NAME
    assert unique_name(long, [first]) == first + "-2"


def test_duplicates_get_numbers_ignoring_case() -> None:
    assert unique_name("Ana", ["ana", "ANA-2"]) == "ana-3"


# --- the participants file --------------------------------------------------------------


def test_a_plain_list_is_one_name_a_line(tmp_path: Path) -> None:
    file = write(tmp_path / "p.txt", "\ufeffAna\n  Bo   Chen \nLopez, Ana\n\n\n")
    assert workshop_setup.read_participants(file) == ["Ana", "Bo Chen", "Lopez, Ana"]


def test_a_csv_uses_its_name_column_else_its_id_column(tmp_path: Path) -> None:
    named = write(tmp_path / "a.csv", 'email,Name\na@x,"Ana, López"\nb@x,Bo\n')
    assert workshop_setup.read_participants(named) == ["Ana, López", "Bo"]
    ids = write(tmp_path / "b.csv", "id,group\nP-001,A\nP-002,B\n")
    assert workshop_setup.read_participants(ids) == ["P-001", "P-002"]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Ana\n\nBo\n", 2),
        ("Ana\n   \nBo\n", 2),
        ("name,email\nAna,a@x\n,b@x\n", 3),
        ("name,email\nAna,a@x\n\nBo,b@x\n", 3),
    ],
)
def test_an_empty_name_is_refused_naming_its_line(tmp_path: Path, text: str, line: int) -> None:
    file = write(tmp_path / "p.csv", text)
    with pytest.raises(WorkshopSetupError, match=f"line {line}: .* is empty"):
        workshop_setup.read_participants(file)


@pytest.mark.parametrize("text", ["", "\n\n", "name\n"])
def test_a_file_without_participants_is_refused(tmp_path: Path, text: str) -> None:
    with pytest.raises(WorkshopSetupError, match="no participants"):
        workshop_setup.read_participants(write(tmp_path / "p.csv", text))


# --- new ----------------------------------------------------------------------------------


def test_new_makes_a_workspace_each_with_a_plan_and_notebooks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, folder = new(
        tmp_path,
        "Ana López\n../x\na/b\nAna López\n李小龙\n" + "y" * 300 + "\n",
        "--coach",
        "Dana",
        "--title",
        "Spring cohort",
    )
    assert status == 0
    assert folders(folder) == sorted(
        ["ana-lopez", "x", "a-b", "ana-lopez-2", "李小龙", "y" * workshop_setup.MAX_NAME]
    )
    for home in (folder / "participants").iterdir():  # nothing escaped DIR
        assert home.resolve().parent == (folder / "participants").resolve()
    assert not (tmp_path / "x").exists() and not (tmp_path / "a").exists()
    person = open_plan(folder / "participants" / "x" / "plan.json")
    assert (person.profile.name, person.profile.coach, person.profile.workshop) == (
        "../x",
        "Dana",
        "Spring cohort",
    )
    assert person.exploration.options == [] and person.dream_job.vision == ""
    copies = sorted(p.name for p in (folder / "participants" / "a-b" / "notebooks").iterdir())
    assert NOTEBOOKS and copies == NOTEBOOKS
    out = capsys.readouterr().out
    assert "6 participant(s)" in out and "ana-lopez-2: Ana López" in out


def test_each_participant_edits_their_own_notebook_copy(tmp_path: Path) -> None:
    _, folder = new(tmp_path, "Ana\nBo\n")
    mine = folder / "participants" / "ana" / "notebooks" / "03_compare.ipynb"
    mine.write_text("{}", encoding="utf-8")
    theirs = folder / "participants" / "bo" / "notebooks" / "03_compare.ipynb"
    original = (ROOT / "notebooks" / "03_compare.ipynb").read_bytes()
    assert theirs.read_bytes() == original
    assert (ROOT / "notebooks" / "03_compare.ipynb").read_bytes() == original


def test_the_new_workshop_file_is_documented_and_read_by_careerkit(tmp_path: Path) -> None:
    status, folder = new(tmp_path, "Ana\n", "--coach", 'Dana "D" Ng')
    assert status == 0
    file = folder / "workshop.toml"
    text = file.read_text(encoding="utf-8")
    for key in ("title", "coach", "date", "goal_areas", "review_every_months", "catalog", "area"):
        assert f"\n{key} = " in text
    assert text.count("\n# ") >= 10  # commented for the coach
    details = workshop.read_details(file)
    assert details.title == "ws" and details.coach == 'Dana "D" Ng'
    assert details.review_every_months == 12 and details.catalog == "bundled"
    assert compare_setup.read_workshop(file) == criteria.default_criteria()


def test_the_workshop_file_settings_reach_new_plans(tmp_path: Path) -> None:
    _, folder = new(tmp_path, "Ana\n")
    file = folder / "workshop.toml"
    text = file.read_text(encoding="utf-8")
    text = text.replace('area = ""', 'area = "41860"').replace("= 12", "= 24")
    text = text.replace("goal_areas = [", 'goal_areas = ["Languages", ')
    write(file, text)
    assert main(["workshop", "add", str(folder), "Bo"]) == 0
    person = open_plan(folder / "participants" / "bo" / "plan.json")
    assert person.profile.area == "41860"
    assert person.action_plan.review_every_months == 24
    assert person.short_term_goals.areas[0] == "Languages"


def test_new_refuses_a_folder_in_use_and_writes_nothing_on_a_bad_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    used = tmp_path / "ws"
    used.mkdir()
    (used / "notes.txt").write_text("keep")
    assert new(tmp_path, "Ana\n")[0] == 1
    assert "error: " in capsys.readouterr().err
    assert sorted(p.name for p in used.iterdir()) == ["notes.txt"]
    shutil.rmtree(used)
    status, folder = new(tmp_path, "Ana\n..\n")
    err = capsys.readouterr().err
    assert status == 1 and err.startswith("error: ") and err.count("\n") == 1
    assert "'..' has no letters or digits" in err
    assert not folder.exists()


def test_new_names_the_empty_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, folder = new(tmp_path, "name\nAna\n\nBo\n")
    err = capsys.readouterr().err
    assert status == 1 and "line 3" in err and err.count("\n") == 1
    assert not folder.exists()


def test_a_missing_participants_file_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nobody.csv"
    assert main(["workshop", "new", str(tmp_path / "ws"), "--participants", str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "nobody.csv" in err and err.count("\n") == 1


# --- add ----------------------------------------------------------------------------------


def test_add_gives_a_new_folder_and_never_replaces_anyone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, folder = new(tmp_path, "Ana\n")
    before = (folder / "participants" / "ana" / "plan.json").read_bytes()
    assert main(["workshop", "add", str(folder), "ANA"]) == 0
    assert main(["workshop", "add", str(folder), "../../ana"]) == 0
    assert folders(folder) == ["ana", "ana-2", "ana-3"]
    assert (folder / "participants" / "ana" / "plan.json").read_bytes() == before
    assert "Added ANA in" in capsys.readouterr().out


@pytest.mark.parametrize(("name", "says"), [("  ", "name is empty"), ("..", "no letters")])
def test_add_refuses_an_unusable_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, says: str
) -> None:
    _, folder = new(tmp_path, "Ana\n")
    capsys.readouterr()
    assert main(["workshop", "add", str(folder), name]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and says in err
    assert folders(folder) == ["ana"]


def test_add_and_list_need_a_workshop_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (["add", str(tmp_path), "Ana"], ["list", str(tmp_path)]):
        assert main(["workshop", *command]) == 1
        assert "is not a workshop folder" in capsys.readouterr().err
    assert not (tmp_path / "participants").exists()


# --- list ---------------------------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_list_shows_steps_and_unreadable_plans_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, folder = new(tmp_path, "Ana\nBo\nCy\nDi\nEd\nFay\n")
    people = folder / "participants"
    shutil.copy(PERSONA, people / "bo" / "plan.json")  # the sample persona: far along
    write(people / "cy" / "plan.json", "{ not json")
    newer = json.loads(PERSONA.read_text(encoding="utf-8"))
    newer["schema_version"] = 99
    write(people / "di" / "plan.json", json.dumps(newer))
    (people / "ed" / "plan.json").unlink()
    old = json.loads(PERSONA.read_text(encoding="utf-8"))
    old["schema_version"] = 2
    write(people / "fay" / "plan.json", json.dumps(old))  # would be upgraded on opening
    capsys.readouterr()
    before = _snapshot(folder)
    assert main(["workshop", "list", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert _snapshot(folder) == before
    assert lines[0] == "ana (Ana): 00 Start here"
    persona = json.loads(PERSONA.read_text(encoding="utf-8"))
    assert lines[1].startswith(f"bo ({persona['profile']['name']}): 0")
    assert lines[1] != "bo (" + persona["profile"]["name"] + "): 00 Start here"
    assert lines[2].startswith("cy: could not read: ") and "not valid JSON" in lines[2]
    assert lines[3].startswith("di: could not read: ") and "newer careerkit" in lines[3]
    assert lines[4].startswith("ed: could not read: there is no plan.json")
    assert lines[5].startswith("fay (")
    assert len(lines) == 6


def test_steps_reached_follow_the_plan(tmp_path: Path) -> None:
    _, folder = new(tmp_path, "Ana\n")
    file = folder / "participants" / "ana" / "plan.json"
    person = open_plan(file)
    steps = []
    person.dream_job.vision = "Nurse in a small clinic"
    person.save()
    steps.append(workshop_setup.standings(folder)[0].step)
    person.exploration.options.append(workshop_setup.plan.Option(code="29-1141.00", title="RN"))
    person.save()
    steps.append(workshop_setup.standings(folder)[0].step)
    person.reviews.append(workshop_setup.plan.Review(went_well="all"))
    person.save()
    steps.append(workshop_setup.standings(folder)[0].step)
    assert [s[:2] for s in steps] == ["01", "02", "07"]
    assert steps[0] == "01 Define your dream job"


def test_list_escapes_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, folder = new(tmp_path, "Ana\n")
    person = open_plan(folder / "participants" / "ana" / "plan.json")
    person.profile.name = "Ana\x1b[31m red"
    person.save()
    capsys.readouterr()
    assert main(["workshop", "list", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "Ana?[31m red" in out


def test_list_of_a_workshop_without_participants(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, folder = new(tmp_path, "Ana\n")
    shutil.rmtree(folder / "participants" / "ana")
    assert main(["workshop", "list", str(folder)]) == 0
    assert "No participants yet" in capsys.readouterr().out


# --- the workshop file is found from a participant workspace --------------------------------


def test_a_participant_workspace_uses_the_workshops_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, folder = new(tmp_path, "Ana\n")
    file = folder / "workshop.toml"
    write(file, file.read_text(encoding="utf-8").replace("pay = 2", "pay = 0"))
    home = folder / "participants" / "ana"
    monkeypatch.setenv("CAREERKIT_HOME", str(home))
    assert paths.workshop_file() == file
    setup = compare_setup.scoring_setup()
    assert setup.source == f"workshop file {file}"  # what notebook 03's setup line shows
    assert {c.id: c.weight for c in setup.criteria}["pay"] == 0
    own = write(home / "workshop.toml", "[scoring]\nweights = { pay = 5 }\n")
    assert paths.workshop_file() == own  # the workspace's own file comes first


def test_a_notebook_in_a_participant_folder_uses_that_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, folder = new(tmp_path, "Ana\n")
    home = folder / "participants" / "ana"
    monkeypatch.delenv("CAREERKIT_HOME")
    monkeypatch.chdir(home / "notebooks")  # a kernel starts in its notebook's folder
    assert paths.workspace() == home.absolute()
    assert paths.plan_path() == home.absolute() / "plan.json"
    assert paths.workshop_file() == (folder / "workshop.toml").absolute()
    assert open_plan().profile.name == "Ana"


def test_outside_a_workshop_nothing_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workspace: Path
) -> None:
    lookalike = tmp_path / "participants" / "ana"  # no workshop.toml above participants/
    lookalike.mkdir(parents=True)
    assert paths.participant_folder(lookalike) is None
    monkeypatch.delenv("CAREERKIT_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(lookalike)
    assert paths.workspace() != lookalike


@pytest.mark.parametrize(
    ("table", "says"),
    [
        ('titel = "x"', "unknown key 'titel'"),
        ("coach = 3", "coach must be text"),
        ('date = "2025-05-01"', "date must be a day"),
        ("date = 2025-05-01T10:00:00", "date must be a day"),
        ("review_every_months = 6", "12 or 24"),
        ('goal_areas = ["Learning", ""]', "goal_areas must be a list"),
    ],
)
def test_a_bad_workshop_table_is_explained(tmp_path: Path, table: str, says: str) -> None:
    file = write(tmp_path / "workshop.toml", f"[workshop]\n{table}\n")
    with pytest.raises(workshop.WorkshopError, match=says):
        workshop.read_details(file)
    assert compare_setup.read_workshop(file) is None  # the scoring reader still ignores the table


def test_add_to_a_workshop_with_a_bad_file_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, folder = new(tmp_path, "Ana\n")
    write(folder / "workshop.toml", "[workshop\n")
    capsys.readouterr()
    assert main(["workshop", "add", str(folder), "Bo"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "not valid TOML" in err and err.count("\n") == 1
    assert folders(folder) == ["ana"]


# --- workshop files as people have them (issue 21 §4, issue 20 §6) ------------------------


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_spreadsheet_csv_with_semicolons_or_tabs_uses_its_name_column(
    tmp_path: Path, separator: str
) -> None:
    rows = [["email", "Name", "group"], ["ana@x.org", "Ana López", "A"], ["bo@x.org", "Bo", "B"]]
    file = write(tmp_path / "p.csv", "\n".join(separator.join(r) for r in rows) + "\n")
    assert workshop_setup.read_participants(file) == ["Ana López", "Bo"]


@pytest.mark.parametrize(
    "text",
    [
        "email;phone\nana@x.org;555\nbo@x.org;556\n",
        "Ana López;ana@x.org\nBo;bo@x.org\n",
        "Ana López\tana@x.org\nBo\tbo@x.org\n",
        "Ana López,ana@x.org\nBo,bo@x.org\n",
    ],
)
def test_no_email_address_becomes_a_folder_when_there_is_no_name_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    status, folder = new(tmp_path, text)
    err = capsys.readouterr().err
    assert status == 1 and err.startswith("error: ") and "'name'" in err
    assert "e-mail" in err and "people.txt" in err
    assert not folder.exists()


def test_addresses_alone_are_names(tmp_path: Path) -> None:
    file = write(tmp_path / "p.txt", "ana@x.org\nbo@x.org\n")
    assert workshop_setup.read_participants(file) == ["ana@x.org", "bo@x.org"]


def test_a_control_character_in_the_title_is_refused_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, folder = new(tmp_path, "Ana\n", "--title", "Spring\x7f cohort")
    err = capsys.readouterr().err
    assert status == 1 and "--title" in err and "U+007F" in err and err.count("\n") == 1
    assert not folder.exists() and not list(tmp_path.glob(".ws*"))
    assert new(tmp_path, "Ana\n", "--title", "Spring cohort")[0] == 0  # the retry works


def test_the_workshop_file_escapes_every_control_character() -> None:
    text = workshop_setup.default_workshop_toml("a\x7fb\x01c\td", "D\x7f")
    details = workshop.tomllib.loads(text)["workshop"]
    assert (details["title"], details["coach"]) == ("a\x7fb\x01c\td", "D\x7f")


@pytest.mark.parametrize("option", ["--title", "--coach"])
def test_bytes_that_are_not_utf8_in_an_argument_are_one_plain_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    broken = b"Dana N\xe9".decode("utf-8", "surrogateescape")  # as Python gives argv
    status, folder = new(tmp_path, "Ana\n", option, broken)
    err = capsys.readouterr().err
    assert status == 1 and "not UTF-8" in err and err.count("\n") == 1
    assert not folder.exists()
    _, folder = new(tmp_path, "Ana\n")
    capsys.readouterr()
    assert main(["workshop", "add", str(folder), broken]) == 1
    assert "not UTF-8" in capsys.readouterr().err
    assert folders(folder) == ["ana"]


def _fail_on(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    real = workshop.start_plan

    def start_plan(person: workshop_setup.plan.Plan, details: object) -> None:
        if person.profile.name == name:
            raise OSError(28, "No space left on device")
        real(person, details)

    monkeypatch.setattr(workshop, "start_plan", start_plan)


def test_a_failed_new_leaves_no_half_made_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fail_on(monkeypatch, "Bo")
    status, folder = new(tmp_path, "Ana\nBo\nCy\n")
    assert status == 1 and "No space left" in capsys.readouterr().err
    assert not folder.exists() and not list(tmp_path.glob(".ws*"))  # no hidden build either
    monkeypatch.undo()
    assert new(tmp_path, "Ana\nBo\nCy\n")[0] == 0  # the retry is not blocked
    assert folders(folder) == ["ana", "bo", "cy"]


def test_a_new_workshop_in_an_empty_folder_fills_that_folder(tmp_path: Path) -> None:
    (tmp_path / "ws").mkdir()
    status, folder = new(tmp_path, "Ana\n")
    assert status == 0 and folders(folder) == ["ana"]
    assert (folder / "workshop.toml").is_file() and (folder / "coach").is_dir()


def test_a_failed_add_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, folder = new(tmp_path, "Ana\n")
    _fail_on(monkeypatch, "Bo")
    assert main(["workshop", "add", str(folder), "Bo"]) == 1
    assert "No space left" in capsys.readouterr().err
    assert sorted(p.name for p in (folder / "participants").iterdir()) == ["ana"]
    monkeypatch.undo()
    assert main(["workshop", "add", str(folder), "Bo"]) == 0
    assert folders(folder) == ["ana", "bo"]


def test_duplicate_names_are_said_in_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, folder = new(tmp_path, "Ana López\nBo\nana lópez\n")
    out = capsys.readouterr().out
    assert status == 0 and folders(folder) == ["ana-lopez", "ana-lopez-2", "bo"]
    assert "listed 2 times: folders ana-lopez, ana-lopez-2" in out
    assert main(["workshop", "add", str(folder), "Ana  López"]) == 0
    out = capsys.readouterr().out
    assert "ana-lopez-3" in out and "same name: ana-lopez, ana-lopez-2" in out
    assert main(["workshop", "add", str(folder), "Cy"]) == 0
    assert "same name" not in capsys.readouterr().out


def test_the_title_defaults_to_the_folder_name_as_typed(tmp_path: Path) -> None:
    real = tmp_path / "x9f3"
    real.mkdir()
    typed = tmp_path / "Spring 2026"
    typed.symlink_to(real, target_is_directory=True)
    people = write(tmp_path / "people.txt", "Ana\n")
    assert main(["workshop", "new", str(typed), "--participants", str(people)]) == 0
    assert typed.is_symlink() and (real / "workshop.toml").is_file()
    assert workshop.read_details(real / "workshop.toml").title == "Spring 2026"
    person = open_plan(real / "participants" / "ana" / "plan.json")
    assert person.profile.workshop == "Spring 2026"


@pytest.mark.timeout(30)
def test_a_pipe_given_as_participants_is_refused_not_waited_on(tmp_path: Path) -> None:
    """A FIFO would block a read for good: it is refused before it is opened."""
    fifo = tmp_path / "people.csv"
    os.mkfifo(fifo)
    # If the code opened the pipe, this writer lets the test end (and fail) instead of hanging.
    unblock = threading.Timer(10, lambda: open(fifo, "w").close())  # noqa: SIM115
    unblock.daemon = True
    unblock.start()
    try:
        with pytest.raises(WorkshopSetupError, match="not a regular file"):
            workshop_setup.read_participants(fifo)
    finally:
        unblock.cancel()
    assert main(["workshop", "new", str(tmp_path / "ws"), "--participants", str(fifo)]) != 0
    assert not (tmp_path / "ws").exists()
