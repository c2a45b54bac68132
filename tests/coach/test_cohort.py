"""The coach's cohort summary: read-only reading, bad files skipped, counts, HTML, notebook."""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerkit import open_plan, paths
from careerkit.coach import cohort, workshop_setup
from careerkit.plan import SCHEMA_VERSION, SECTIONS, Option, Plan, PlanError, read_plan
from careerkit.report import cohort_page
from careerkit.steps import start
from careerkit.steps.short_term.smart import SMART_LETTERS, smart_check
from careerkit.ui import cohort as ui
from tests.conftest import PERSONA, ROOT, execute_notebook, widget_text
from tests.synthetic import SPOILED, SyntheticWorkshop, spoil, synthetic_workshop

TODAY = date.today()
NOTEBOOK = ROOT / "notebooks" / "coach" / "cohort_summary.ipynb"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> SyntheticWorkshop:
    """30 participants at steps 0-7, three of them with a bad plan file."""
    return synthetic_workshop(tmp_path_factory.mktemp("cohort") / "spring", 30, today=TODAY)


@pytest.fixture(scope="module")
def summary(made: SyntheticWorkshop) -> cohort.Summary:
    return cohort.summarise(cohort.read_cohort(made.folder), TODAY)


def files(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` (links not followed): its bytes and modification time."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            found[str(path)] = (os.readlink(path).encode(), path.lstat().st_mtime_ns)
        elif path.is_file():
            found[str(path)] = (path.read_bytes(), path.stat().st_mtime_ns)
    return found


def small_workshop(tmp_path: Path, names: tuple[str, ...] = ("Ana", "Bo")) -> Path:
    folder = tmp_path / "small"
    workshop_setup.create_workshop(folder, names)
    return folder


# --- one bad file never stops it ----------------------------------------------------------

REASONS = {
    "cut short": "stops part-way through",
    "empty": "it is empty",
    "newer schema": "written by a newer careerkit .plan schema 99",
    "not json": "not valid JSON",
    "too big": r"over the 5 MB a plan can be, so it was not read",
    "symlink": "symbolic link, which is not followed",
    "answers": "some answers are not valid .comparison.chosen",
}


@pytest.mark.parametrize("kind", SPOILED)
def test_each_kind_of_bad_plan_is_skipped_with_its_reason(tmp_path: Path, kind: str) -> None:
    folder = small_workshop(tmp_path)
    spoil(folder / "participants" / "ana" / "plan.json", kind)
    before = files(tmp_path)
    read = cohort.read_cohort(folder)
    assert [p.folder for p in read.read] == ["bo"]
    (bad,) = read.unreadable
    assert (bad.folder, bad.number, bad.name) == ("ana", 1, "")
    assert re.search(REASONS[kind], bad.problem), bad.problem
    assert bad.problem == _plan_says(folder / "participants" / "ana" / "plan.json").problem
    cohort.summarise(read)
    assert files(tmp_path) == before  # nothing written, locked or upgraded


def _plan_says(file: Path) -> PlanError:
    """What the plan's own reader says of ``file`` (as the cohort reads: no links, 5 MB)."""
    with pytest.raises(PlanError) as err:
        read_plan(file, follow_links=False, max_bytes=cohort.MAX_BYTES)
    return err.value


def test_a_plan_from_a_newer_careerkit_gets_the_plan_readers_words(tmp_path: Path) -> None:
    """One plan reader: the cohort says what a notebook opening the plan says (no copy of
    the versions check with words of its own)."""
    folder = small_workshop(tmp_path)
    file = folder / "participants" / "ana" / "plan.json"
    raw = json.loads(file.read_text(encoding="utf-8"))
    file.write_text(json.dumps({**raw, "schema_version": SCHEMA_VERSION + 1}), encoding="utf-8")
    with pytest.raises(PlanError) as opened:
        open_plan(file)
    (bad,) = cohort.read_cohort(folder).unreadable
    assert bad.problem == opened.value.problem and bad.problem in str(opened.value)
    assert "newer careerkit (plan schema" in bad.problem


def test_an_older_plan_is_upgraded_in_memory_only(tmp_path: Path) -> None:
    folder = small_workshop(tmp_path)
    file = folder / "participants" / "ana" / "plan.json"
    raw = json.loads(file.read_text(encoding="utf-8"))
    raw["schema_version"] = 1
    raw["short_term_goals"] = raw["short_term_goals"]["goals"]  # schema 1: a bare list
    file.write_text(json.dumps(raw), encoding="utf-8")
    before = files(tmp_path)
    (ana, _bo) = cohort.read_cohort(folder).read
    assert ana.plan is not None and ana.plan.schema_version == SCHEMA_VERSION
    assert files(tmp_path) == before


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
_PLANISH = st.fixed_dictionaries(
    {"schema_version": st.integers(-1, 5)},
    optional={name: _JSON for name in (*SECTIONS, "id", "saved")},
)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200) | _PLANISH.map(lambda raw: json.dumps(raw).encode()))
def test_any_file_content_is_a_plan_or_a_reason_never_an_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "plan.json"
        file.write_bytes(data)
        try:
            assert isinstance(cohort.read_plan(file), Plan)
        except cohort.Unreadable as why:
            assert str(why)


def test_a_plan_over_5_mb_is_never_opened_and_a_link_never_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = small_workshop(tmp_path, ("Ana", "Bo", "Cy"))
    spoil(folder / "participants" / "ana" / "plan.json", "too big")
    spoil(folder / "participants" / "bo" / "plan.json", "symlink")
    opened: list[str] = []
    real_open = os.open

    def spy(path: os.PathLike[str] | str, *args: object, **kwargs: object) -> int:
        opened.append(os.path.realpath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    read = cohort.read_cohort(folder)
    assert [p.folder for p in read.unreadable] == ["ana", "bo"]
    assert opened == [str((folder / "participants" / "cy" / "plan.json").resolve())]


def test_workshop_list_reads_plans_by_the_same_rules(tmp_path: Path) -> None:
    folder = small_workshop(tmp_path, ("Ana", "Bo", "Cy"))
    spoil(folder / "participants" / "ana" / "plan.json", "symlink")
    spoil(folder / "participants" / "bo" / "plan.json", "too big")
    rows = workshop_setup.standings(folder)
    assert [(r.folder, r.step) for r in rows] == [("ana", ""), ("bo", ""), ("cy", "00 Start here")]
    assert "not followed" in rows[0].problem and "not read" in rows[1].problem


def test_a_symlinked_participant_folder_is_not_followed(tmp_path: Path) -> None:
    folder = small_workshop(tmp_path)
    outside = tmp_path / "elsewhere"
    (folder / "participants" / "bo").rename(outside)
    (folder / "participants" / "bo").symlink_to(outside, target_is_directory=True)
    read = cohort.read_cohort(folder)
    assert [p.folder for p in read.read] == ["ana"]
    assert "folder is a symbolic link" in read.unreadable[0].problem


def test_a_missing_plan_and_a_folder_instead_of_a_plan_are_listed(tmp_path: Path) -> None:
    folder = small_workshop(tmp_path, ("Ana", "Bo", "Cy"))
    (folder / "participants" / "ana" / "plan.json").unlink()
    (folder / "participants" / "bo" / "plan.json").unlink()
    (folder / "participants" / "bo" / "plan.json").mkdir()
    (folder / "participants" / ".ipynb_checkpoints").mkdir()  # hidden: not a participant
    read = cohort.read_cohort(folder)
    assert [(p.folder, p.problem) for p in read.unreadable] == [
        ("ana", "there is no plan.json in the folder"),
        ("bo", "it is not a regular file (a folder, a pipe or a device has its name)"),
    ]
    assert [p.folder for p in read.read] == ["cy"]


def test_a_huge_schema_version_or_key_is_named_in_a_few_words(tmp_path: Path) -> None:
    """Not "a newer careerkit (plan schema 3000...)" in a 4 KB message (issue 21, part 3)."""
    folder = small_workshop(tmp_path)
    ana, bo = (folder / "participants" / name / "plan.json" for name in ("ana", "bo"))
    ana.write_text('{"schema_version": 3' + "0" * 4000 + "}")
    bo.write_text(json.dumps({"schema_version": 4, "dream_job": {"reflections": {"k" * 4000: 1}}}))
    problems = [p.problem for p in cohort.read_cohort(folder).unreadable]
    assert "which no careerkit has written" in problems[0] and "newer" not in problems[0]
    assert "not valid" in problems[1]
    assert all(len(problem) < 300 for problem in problems)


def test_an_older_plan_is_read_upgraded_in_memory_only(tmp_path: Path) -> None:
    folder = small_workshop(tmp_path)
    file = folder / "participants" / "ana" / "plan.json"
    file.write_bytes(PERSONA.read_bytes())  # plan schema 2
    before = files(folder)
    read = cohort.read_cohort(folder)
    assert read.read[0].name == "Maya Alvarez (sample persona)"
    upgraded = read.read[0].plan
    assert upgraded is not None and upgraded.schema_version == SCHEMA_VERSION
    assert all(r.id for r in upgraded.reviews)  # schema 4: reviews have ids
    assert files(folder) == before


def test_a_broken_workshop_file_is_noted_and_the_plans_still_read(tmp_path: Path) -> None:
    folder = small_workshop(tmp_path)
    (folder / "workshop.toml").write_text("[workshop\ntitle = ", encoding="utf-8")
    read = cohort.read_cohort(folder)
    assert len(read.read) == 2 and read.title == "small"
    assert "workshop.toml could not be read" in read.notes[0]


# --- the counts, from the generated plans --------------------------------------------------


def test_the_generated_workshop_has_every_step_and_three_bad_files(made: SyntheticWorkshop) -> None:
    assert len(made.plans) == 27 and len(made.spoiled) == 3
    assert set(made.steps.values()) == {f"{n:02d}" for n in range(8)}


def test_participants_and_unreadable_ones(made: SyntheticWorkshop, summary) -> None:
    people = summary.cohort.participants
    assert [p.number for p in people] == list(range(1, 31))
    assert [p.folder for p in people] == sorted(p.folder for p in people)
    assert {p.folder for p in summary.cohort.unreadable} == set(made.spoiled)
    assert {p.folder: p.name for p in summary.cohort.read} == {
        folder: plan.profile.name for folder, plan in made.plans.items()
    }


def test_steps_match_the_generated_plans_and_workshop_list(
    made: SyntheticWorkshop, summary
) -> None:
    expected = Counter(made.steps.values())
    assert summary.steps["participants"].to_dict() == {
        f"{n:02d}": expected[f"{n:02d}"] for n in range(8)
    }
    listed = Counter(s.step[:2] for s in workshop_setup.standings(made.folder) if s.step)
    assert listed == expected
    assert summary.steps.loc["03", "title"] == "Compare your options"


def test_interest_codes_match_the_generated_plans(made: SyntheticWorkshop, summary) -> None:
    codes = [p.dream_job.interests.code for p in made.plans.values() if p.dream_job.interests]
    assert summary.codes.to_dict() == Counter(codes)
    assert summary.themes["first"].to_dict() == {t: sum(c[0] == t for c in codes) for t in "RIASEC"}
    assert summary.themes["in_code"].to_dict() == {t: sum(t in c for c in codes) for t in "RIASEC"}
    assert summary.no_interests == len(made.plans) - len(codes) > 0


def test_shortlisted_and_chosen_occupations_match(made: SyntheticWorkshop, summary) -> None:
    listed, chosen = Counter(), Counter()
    for plan in made.plans.values():
        listed.update(o.code for o in plan.exploration.options if not o.dropped)
        chosen.update(plan.comparison.chosen)
    table = summary.occupations
    assert table["shortlisted"].to_dict() == dict(listed)
    assert table.loc[table["chosen"] > 0, "chosen"].to_dict() == dict(chosen)
    assert table["chosen"].is_monotonic_decreasing
    assert table.loc["custom:cafe", "title"] == 'Café <owner> & "baker"'


def test_goal_areas_and_smart_shares_match(made: SyntheticWorkshop, summary) -> None:
    goals = [(plan, g) for plan in made.plans.values() for g in plan.short_term_goals.goals]
    live = [(plan, g) for plan, g in goals if g.status != "dropped"]
    assert len(live) < len(goals)  # some were dropped, and are left out
    people = Counter(
        a for plan in made.plans.values() for a in {g.area for p, g in live if p is plan}
    )
    assert summary.areas.loc[summary.areas["participants"] > 0, "participants"].to_dict() == dict(
        people
    )
    assert "Moving" in summary.areas.index  # offered, even if no one has a goal there
    results = [smart_check(g, plan, TODAY) for plan, g in live]
    for letter in SMART_LETTERS:
        passing = sum(r.letters[letter].ok for r in results)
        assert summary.smart.loc[letter, ["passing", "goals"]].tolist() == [passing, len(live)]
    assert summary.smart.loc["all", "passing"] == sum(r.passed for r in results)
    assert 0 < summary.smart.loc["all", "share"] < 1


def test_due_in_the_next_30_days_match(made: SyntheticWorkshop, summary) -> None:
    end = TODAY + timedelta(days=30)
    numbers = {p.folder: p.number for p in summary.cohort.participants}
    expected = set()
    for folder, plan in made.plans.items():
        dropped = {g.id for g in plan.short_term_goals.goals if g.status == "dropped"}
        for g in plan.short_term_goals.goals:
            if g.due and TODAY <= g.due <= end and g.id not in dropped:
                expected.add((numbers[folder], "goal", g.text, g.due))
        for goal_id, item in plan.action_plan.items.items():
            for a in item.actions:
                if a.due and TODAY <= a.due <= end and not a.done and goal_id not in dropped:
                    expected.add((numbers[folder], "action", a.text, a.due))
    rows = {
        tuple(r) for r in summary.due[["number", "kind", "what", "due"]].itertuples(index=False)
    }
    assert rows == expected and {"goal", "action"} <= {k for _, k, _, _ in expected}
    assert summary.due["due"].is_monotonic_increasing


# --- HTML: names hidden, everything escaped, written atomically -----------------------------


def test_names_are_hidden_unless_switched_on(made: SyntheticWorkshop, summary) -> None:
    hidden = cohort_page.cohort_page(summary)
    for folder, plan in made.plans.items():
        assert html.escape(plan.profile.name) not in hidden and f"/{folder}/" not in hidden
    assert "Names are hidden" in hidden
    for number in range(1, 31):
        assert f"<td>Participant {number}</td>" in hidden
    shown = cohort_page.cohort_page(summary, show_names=True)
    assert "&lt;b&gt;Lee&lt;/b&gt; &amp; &quot;Co&quot;" in shown and "<b>Lee</b>" not in shown
    for folder in made.spoiled:
        assert f"participants/{folder}/plan.json" in shown


def test_typed_text_is_escaped_and_the_page_is_self_contained(summary) -> None:
    page = cohort_page.cohort_page(summary, show_names=True)
    assert "Café &lt;owner&gt; &amp; &quot;baker&quot;" in page and "<owner>" not in page
    assert "Spring &lt;workshop&gt;" in page and "<workshop>" not in page
    assert page.count("data:image/png;base64,") == 6
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)


def test_export_is_atomic_and_goes_into_the_workshop(
    made: SyntheticWorkshop, summary, monkeypatch
) -> None:
    written = cohort_page.write_page(summary)
    assert written == made.folder / f"cohort-summary-{TODAY.isoformat()}.html"
    before = written.read_bytes()

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        cohort_page.write_page(summary, show_names=True)
    assert written.read_bytes() == before
    assert not list(made.folder.glob(".cohort-summary*"))


def test_charts_draw_for_a_new_group_and_for_any_typed_title(tmp_path: Path) -> None:
    folder = small_workshop(tmp_path)
    fresh = cohort.summarise(cohort.read_cohort(folder))
    assert fresh.goals == 0 and fresh.occupations.empty and fresh.due.empty
    assert set(cohort_page.chart_pngs(fresh)) == {"steps", "interests", "occupations", "areas",
                                                  "smart", "due"}  # fmt: skip
    page = cohort_page.cohort_page(fresh)
    assert "No occupations shortlisted yet." in page and "Nothing falls due" in page
    person = open_plan(folder / "participants" / "ana" / "plan.json")
    title = r"Earn $\frac{a}{$ a year 🚀"  # broken maths if a $ started it; no rocket glyph
    person.exploration.options = [Option(code="custom:earn", title=title, custom=True)]
    person.save()
    read = cohort.summarise(cohort.read_cohort(folder))
    assert read.occupations.loc["custom:earn", "shortlisted"] == 1
    assert cohort_page.chart_pngs(read)["occupations"].startswith(b"\x89PNG")


# --- finding the workshop --------------------------------------------------------------------


def test_the_workshop_is_the_cell_then_the_variable_then_the_folder_above(tmp_path: Path) -> None:
    one, two = small_workshop(tmp_path / "1"), small_workshop(tmp_path / "2")
    inside = one / workshop_setup.COACH  # where `careerkit workshop new` puts the notebook
    assert (inside / NOTEBOOK.name).is_file()
    env = {paths.WORKSHOP_ENV: str(two)}
    assert cohort.find_workshop(str(one), env, inside) == one
    assert cohort.find_workshop(None, env, inside) == two
    assert (
        cohort.find_workshop(None, {paths.WORKSHOP_ENV: str(two / "workshop.toml")}, inside) == two
    )
    assert cohort.find_workshop(None, {}, inside) == one
    assert cohort.find_workshop("  ", {}, tmp_path) is None


@pytest.mark.parametrize(
    ("chosen", "words"),
    [(42, "in quotes"), ("nowhere/at/all", "does not exist"), (".", "not a workshop folder")],
)
def test_a_badly_edited_workshop_cell_is_explained(
    tmp_path: Path, chosen: object, words: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(cohort.CohortError, match=words):
        cohort.find_workshop(chosen, {}, tmp_path)


# --- the widgets and the notebook ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown", "warned"),
    [
        (True, True, False),
        ("yes", True, False),
        (0, False, False),
        ("maybe", False, True),
        ([1], False, True),
    ],
)
def test_show_names_forgives_how_it_is_written(value: object, shown: bool, warned: bool) -> None:
    assert (ui.names_wanted(value)[0], bool(ui.names_wanted(value)[1])) == (shown, warned)


def test_the_board_toggles_names_and_exports(made: SyntheticWorkshop, tmp_path: Path) -> None:
    board = ui.board(str(made.folder))
    people, unreadable = board.part("people").children[-1], board.part("unreadable").children[-1]
    lee = "&lt;b&gt;Lee&lt;/b&gt;"
    first = board.summary.cohort.unreadable[0].number
    assert f"<td>Participant {first}</td>" in unreadable.value and lee not in people.value
    board.names.value = True
    assert "participants/" in unreadable.value and lee in people.value
    board.path.value = str(tmp_path / "out")
    written = board._export()
    assert written == tmp_path / "out" / f"cohort-summary-{TODAY.isoformat()}-with-names.html"
    page = written.read_text(encoding="utf-8")
    assert "&lt;b&gt;Lee&lt;/b&gt;" in page and "with names" in board.written.value
    assert [f["name"] for f in board.page_link.files] == [written.name]
    assert board.page_link.files[0]["open"]  # the page opens in a new tab


def test_without_a_workshop_the_board_says_how_to_point_at_one(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(paths.WORKSHOP_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    board = ui.board()
    assert "No workshop folder was found" in board.header.value and board.button.disabled
    assert "CAREERKIT_WORKSHOP" in board.header.value


def test_coach_notebooks_are_known_and_not_on_the_route() -> None:
    assert start.coach_notebooks() == [NOTEBOOK]
    assert NOTEBOOK.name not in {s.file for s in start.route()}


@pytest.mark.timeout(240)
@pytest.mark.parametrize("found_by", ["CAREERKIT_WORKSHOP", "its copy in the workshop"])
def test_the_notebook_reports_the_generated_counts_and_changes_nothing(
    made: SyntheticWorkshop, summary, monkeypatch, found_by: str
) -> None:
    notebook = NOTEBOOK
    if found_by == "CAREERKIT_WORKSHOP":  # the workshop file, as on a JupyterHub
        monkeypatch.setenv(paths.WORKSHOP_ENV, str(made.folder / "workshop.toml"))
    else:  # `careerkit workshop new` put a copy in DIR/coach/; run there, it finds DIR
        monkeypatch.delenv(paths.WORKSHOP_ENV, raising=False)
        notebook = made.folder / workshop_setup.COACH / NOTEBOOK.name
        assert notebook.read_bytes() == NOTEBOOK.read_bytes()
    before = files(made.folder)
    nb = execute_notebook(nbformat.read(notebook, as_version=4), notebook.parent)
    state = widget_text(nb)
    assert (
        f"30 participants: {len(made.plans)} plans read, {len(made.spoiled)} could not be read"
        in state
    )
    steps = Counter(made.steps.values())
    for number in ("00", "04", "07"):
        title = summary.steps.loc[number, "title"]
        assert f"<td>{number} {title}</td><td>{steps[number]}</td>" in state
    assert state.count("Participant ") >= len(made.spoiled)
    assert files(made.folder) == before


@pytest.mark.timeout(240)
def test_the_notebook_without_a_workshop_runs_and_says_so(monkeypatch) -> None:
    monkeypatch.delenv(paths.WORKSHOP_ENV, raising=False)
    nb = execute_notebook(nbformat.read(NOTEBOOK, as_version=4), NOTEBOOK.parent)
    assert "No workshop folder was found" in widget_text(nb)


# --- the coach's side of the day (issue 20 §6) ------------------------------------------------


def test_two_people_of_the_same_name_are_told_apart_when_names_show(tmp_path: Path) -> None:
    folder = small_workshop(tmp_path, ("Ana López", "Bo", "ana  lópez"))
    summary = cohort.summarise(cohort.read_cohort(folder), TODAY)
    shown = cohort_page.people_html(summary, True)
    assert "<td>Ana López (ana-lopez)</td>" in shown
    assert "<td>ana  lópez (ana-lopez-2)</td>" in shown
    assert "<td>Bo</td>" in shown  # a name nobody shares stays as it is
    hidden = cohort_page.people_html(summary, False)
    assert "López" not in hidden and "<td>Participant 3</td>" in hidden


def test_the_page_with_names_never_replaces_the_page_without(tmp_path: Path) -> None:
    folder = small_workshop(tmp_path, ("Ana López", "Bo"))
    summary = cohort.summarise(cohort.read_cohort(folder), TODAY)
    hidden = cohort_page.write_page(summary, show_names=False)
    named = cohort_page.write_page(summary, show_names=True)
    assert hidden != named and hidden.parent == named.parent == folder
    assert "López" not in hidden.read_text(encoding="utf-8")
    assert "López" in named.read_text(encoding="utf-8")
    typed = tmp_path / "out"
    assert cohort_page.write_page(summary, typed, True) != cohort_page.write_page(summary, typed)


def test_the_notebooks_tables_get_borders_and_padding(tmp_path: Path) -> None:
    board = ui.board(str(small_workshop(tmp_path)))
    styles = [str(c.value) for c in board.header_panel.children if "<style>" in str(c.value)]
    assert styles and "table.cohort th" in styles[0] and "padding" in styles[0]
    assert 'class="cohort"' in board.part("people").children[-1].value
