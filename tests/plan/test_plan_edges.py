"""The plan file's edges: a vanished file, restore, history, odd files, permissions, links.

Each test here failed on the code before issue 10: the case lost data or reached the
person as a bare exception instead of a PlanError that names the file and the way out.
"""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import stat
import threading
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from careerkit import files
from careerkit import plan as plan_module
from careerkit.plan import Plan, PlanError, history, open_plan, restore_plan
from tests.conftest import reopen

history_dir = plan_module.history_dir
REPLACE = os.replace


def _save_vision(plan: Plan, text: str) -> None:
    plan.dream_job.vision = text
    plan.save("dream_job")


def _fail_on(monkeypatch: pytest.MonkeyPatch, path: Path, error: OSError) -> None:
    """Make renaming a file onto ``path`` fail with ``error`` (a full disk, say)."""

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == path:
            raise error
        REPLACE(src, dst)

    monkeypatch.setattr(os, "replace", replace)


# --- a file that vanished -----------------------------------------------------------------


def test_a_save_after_the_file_vanished_keeps_the_other_sections(plan: Plan) -> None:
    _save_vision(plan, "Run a clinic")
    plan.path.rename(plan.path.with_name("moved.json"))
    plan.profile.name = "Renamed"
    plan.save("profile")
    saved = reopen(plan)
    assert saved.profile.name == "Renamed"
    assert saved.dream_job.vision == "Run a clinic"  # not wiped from the file...
    assert plan.dream_job.vision == "Run a clinic"  # ...nor from the notebook's memory


def test_a_vanished_file_without_history_gets_the_whole_plan_back(plan: Plan) -> None:
    _save_vision(plan, "Run a clinic")
    plan.path.unlink()
    for copy in history(plan.path):
        copy.unlink()
    plan.profile.name = "Renamed"
    plan.save("profile")
    saved = reopen(plan)
    assert (saved.profile.name, saved.dream_job.vision) == ("Renamed", "Run a clinic")


# --- restore ------------------------------------------------------------------------------


def test_a_failed_restore_leaves_the_damaged_file_in_place(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    _save_vision(plan, "Good")
    plan.path.write_text("garbage")
    _fail_on(monkeypatch, plan.path, OSError(errno.ENOSPC, "No space left on device"))
    with pytest.raises(PlanError, match="disk is full"):
        restore_plan()
    assert plan.path.read_text() == "garbage"  # never deleted
    assert not list(history_dir(plan.path).glob("broken-*.json"))  # nothing changed
    monkeypatch.setattr(os, "replace", REPLACE)
    restore_plan()
    assert open_plan().dream_job.vision == "Good"


def test_a_restore_whose_copy_cannot_be_written_changes_nothing(plan: Plan) -> None:
    _save_vision(plan, "Good")
    newest = history(plan.path)[0]
    newest.write_text(newest.read_text().replace('"Good"', '"\\ud800 lone half"'))
    plan.path.write_text("garbage")
    with pytest.raises(PlanError, match="dream_job.vision"):
        restore_plan(version=newest)
    assert plan.path.read_text() == "garbage"


def test_restore_on_a_healthy_plan_says_so_and_changes_nothing(plan: Plan) -> None:
    _save_vision(plan, "One")
    _save_vision(plan, "Two")
    before = plan.path.read_bytes()
    with pytest.raises(plan_module.PlanIsFine, match="reads without problems"):
        restore_plan()
    assert plan.path.read_bytes() == before
    assert not list(history_dir(plan.path).glob("broken-*.json"))


def test_restore_goes_back_to_a_chosen_version_and_keeps_the_current_one(plan: Plan) -> None:
    _save_vision(plan, "One")
    _save_vision(plan, "Two")
    one = next(c for c in history(plan.path) if "One" in c.read_text())
    assert restore_plan(version=one) == one
    assert open_plan().dream_job.vision == "One"
    two = next(c for c in history(plan.path) if '"Two"' in c.read_text())
    restore_plan(version=two)
    assert open_plan().dream_job.vision == "Two"


def test_two_restores_in_the_same_second_keep_both_damaged_files(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):  # noqa: ANN001, ANN206 - same signature as datetime.now
            return datetime(2026, 5, 4, 10, 0, 0, 0)

    for module in ("careerkit.plan", "careerkit.plan.storage"):
        monkeypatch.setattr(f"{module}.datetime", Frozen, raising=False)
    _save_vision(plan, "Good")
    for damage in ("first damage", "second damage"):
        plan.path.write_text(damage)
        restore_plan()
    kept = sorted(p.read_text() for p in history_dir(plan.path).glob("broken-*.json"))
    assert kept == ["first damage", "second damage"]


# --- history ------------------------------------------------------------------------------


def test_cut_short_copies_never_push_good_ones_out_of_history(plan: Plan) -> None:
    for n in range(5):
        _save_vision(plan, f"version {n}")
    good = history(plan.path)
    folder = history_dir(plan.path)
    for n in range(35):  # what saves on a full disk left behind: empty or cut-short copies
        (folder / f"plan-29991231-2359{n:02d}-000000.json").write_text("" if n % 2 else '{"sch')
    _save_vision(plan, "after the disk was freed")
    kept = history(plan.path)
    assert set(good) < set(kept)
    assert all(json.loads(copy.read_text()) for copy in kept)  # only whole, readable copies


def test_temporary_files_left_by_killed_saves_are_cleaned_up(plan: Plan) -> None:
    for n in range(3):
        (plan.path.parent / f".plan.json.killed{n}.tmp").write_text('{"half": ')
    _save_vision(plan, "Next save")
    assert not list(plan.path.parent.glob(".plan.json.*.tmp"))
    assert reopen(plan).dream_job.vision == "Next save"


# --- odd files: every problem is a PlanError naming the file ------------------------------


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"schema_version": 0}', "schema_version' is 0"),
        ('{"schema_version": -1}', "schema_version' is -1"),
        ('{"schema_version": true}', "no whole-number 'schema_version'"),
        ('{"schema_version": 2, "n": ' + "9" * 5000 + "}", "number too long"),
        ("[" * 100_000 + "]" * 100_000, "nested far too deeply"),
        ('{"schema_version": 2, "action_plan": "none"}', "not valid"),
    ],
    ids=["version-0", "version-minus-1", "version-true", "huge-number", "deep", "bad-section"],
)
def test_an_odd_file_is_named_and_explained(workspace: Path, content: str, problem: str) -> None:
    file = workspace / "plan.json"
    file.write_text(content)
    with pytest.raises(PlanError) as err:
        open_plan()
    assert str(file) in str(err.value) and problem in str(err.value)
    assert "restore_plan()" in str(err.value)
    assert file.read_text() == content


@pytest.mark.parametrize(
    ("error", "advice"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "disk is full"),
        (PermissionError(errno.EPERM, "Operation not permitted"), "not allowed"),
        (OSError(errno.EROFS, "Read-only file system"), "disk is read-only"),
    ],
    ids=["full", "immutable", "read-only-disk"],
)
def test_a_disk_error_on_saving_is_a_plan_error(
    plan: Plan, monkeypatch: pytest.MonkeyPatch, error: OSError, advice: str
) -> None:
    before = plan.path.read_bytes()
    _fail_on(monkeypatch, plan.path, error)
    plan.dream_job.vision = "Mine"
    with pytest.raises(PlanError) as err:
        plan.save("dream_job")
    assert str(plan.path) in str(err.value) and advice in str(err.value)
    assert plan.path.read_bytes() == before


def test_a_broken_character_is_refused_by_name_and_the_file_kept(plan: Plan) -> None:
    before = plan.path.read_bytes()
    plan.dream_job.vision = "Pasted \ud83d text"  # half of an emoji
    with pytest.raises(PlanError, match=r"dream_job\.vision.*broken character"):
        plan.save("dream_job")
    assert plan.path.read_bytes() == before
    assert not list(plan.path.parent.glob(".plan.json.*.tmp"))


def test_not_a_number_is_never_written_as_a_nan_token(plan: Plan) -> None:
    plan.comparison.weights["pay"] = float("nan")
    with pytest.raises(PlanError, match=r"comparison\.weights\.pay.*not a number"):
        plan.save("comparison")
    assert "NaN" not in plan.path.read_text()


def test_a_nan_token_in_an_old_file_is_read_as_no_value(plan: Plan) -> None:
    text = plan.path.read_text().replace(
        '"options": []', '"options": [{"code": "custom:x", "title": "X", "median_wage": NaN}]'
    )
    plan.path.write_text(text)
    assert reopen(plan).exploration.options[0].median_wage is None


def test_reading_needs_no_writable_folder(plan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    _save_vision(plan, "Readable")

    class NoLock:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise PermissionError(errno.EACCES, "Permission denied", f"{plan.path}.lock")

    for module in ("careerkit.plan", "careerkit.plan.storage"):
        monkeypatch.setattr(f"{module}.FileLock", NoLock, raising=False)
    assert open_plan().dream_job.vision == "Readable"
    plan.dream_job.vision = "Changed"
    with pytest.raises(PlanError, match="not allowed"):
        plan.save("dream_job")


# --- links, modes, read-only, creating ----------------------------------------------------


def test_a_symlinked_plan_saves_to_and_locks_its_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "cloud" / "plan.json"
    target.parent.mkdir()
    open_plan(target, name="Linked")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    monkeypatch.setenv("CAREERKIT_PLAN", str(link))
    plan = open_plan()
    _save_vision(plan, "Through the link")
    assert link.is_symlink() and link.resolve() == target
    assert json.loads(target.read_text())["dream_job"]["vision"] == "Through the link"
    assert not (tmp_path / "link.json.lock").exists()
    assert (tmp_path / "cloud" / "plan.json.lock").exists()


def test_saving_keeps_the_files_mode(plan: Plan) -> None:
    plan.path.chmod(0o640)
    _save_vision(plan, "Shared with my group")
    assert stat.S_IMODE(plan.path.stat().st_mode) == 0o640


def test_a_read_only_plan_is_refused_clearly(plan: Plan) -> None:
    plan.path.chmod(0o444)
    before = plan.path.read_bytes()
    plan.dream_job.vision = "Mine"
    with pytest.raises(PlanError, match="read-only") as err:
        plan.save("dream_job")
    assert "chmod u+w" in str(err.value)
    assert plan.path.read_bytes() == before
    assert reopen(plan).profile.name == "Test Person"  # a read-only plan still opens


def _create(path: str, name: str, start: Any, out: Any) -> None:
    """One notebook opening a plan that does not exist yet, once all are ready."""
    start.wait()
    try:
        out.put(open_plan(path, name=name).path.name)
    except Exception as err:  # noqa: BLE001 - reported to the test
        out.put(f"{type(err).__name__}: {err}")


def test_notebooks_creating_a_plan_at_once_all_get_it(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    for attempt in range(5):
        path = str(tmp_path / f"attempt{attempt}" / "plan.json")
        start, out = context.Barrier(6), context.Queue()
        workers = [
            context.Process(target=_create, args=(path, f"Person {n}", start, out))
            for n in range(6)
        ]
        for worker in workers:
            worker.start()
        results = [out.get(timeout=60) for _ in workers]
        for worker in workers:
            worker.join()
        assert results == ["plan.json"] * 6


# --- a plan edited by hand (issue 21, part 3) -----------------------------------------------


@pytest.mark.parametrize(
    ("value", "where", "problem"),
    [
        ("1e999", "comparison.weights.pay", "too large"),
        ('"Pasted \\ud83d text"', "comparison.reason", "broken character"),
    ],
    ids=["1e999", "lone-surrogate"],
)
def test_a_value_no_save_could_store_is_a_damaged_plan_with_its_way_back(
    plan: Plan, value: str, where: str, problem: str
) -> None:
    """Read as it is, it would block every later save; so it is named, and restore works."""
    _save_vision(plan, "Good")
    section, field, *key = where.split(".")
    raw = json.loads(plan.path.read_text())
    if key:
        raw[section][field] = {key[0]: "PLACEHOLDER"}
    else:
        raw[section][field] = "PLACEHOLDER"
    damaged = json.dumps(raw).replace('"PLACEHOLDER"', value)
    plan.path.write_text(damaged)
    with pytest.raises(PlanError) as err:
        open_plan()
    message = str(err.value)
    assert "cannot be read" in message and where in message and problem in message
    assert "restore_plan()" in message
    assert plan.path.read_text() == damaged  # left as it is
    restore_plan()  # the way back works (it said "reads without problems" before)
    assert open_plan().dream_job.vision == "Good"
    assert [p.read_text() for p in history_dir(plan.path).glob("broken-*.json")] == [damaged]


def test_a_schema_version_beyond_any_real_one_is_damage_quoted_briefly(workspace: Path) -> None:
    file = workspace / "plan.json"
    file.write_text('{"schema_version": 3' + "0" * 4000 + "}")
    with pytest.raises(PlanError) as err:
        open_plan()
    message = str(err.value)
    assert "cannot be read" in message and "newer careerkit" not in message
    assert "restore_plan()" in message
    assert "0" * 50 not in message and len(message) < 1000


def test_a_long_bad_key_is_quoted_briefly(workspace: Path) -> None:
    file = workspace / "plan.json"
    key = "k" * 4000
    file.write_text(json.dumps({"schema_version": 4, "dream_job": {"reflections": {key: 5}}}))
    with pytest.raises(PlanError, match="not valid") as err:
        open_plan()
    assert "k" * 50 not in str(err.value) and len(str(err.value)) < 1500


def _finishes(run: Any, fifo: Path, seconds: float = 60) -> Any:
    """``run()`` in a thread; if a FIFO read blocks it, open the FIFO to let it go, and fail.

    Never hangs the test run, whatever the code under test does.
    """
    result: dict[str, Any] = {}

    def target() -> None:
        try:
            result["value"] = run()
        except BaseException as err:  # noqa: BLE001 - handed to the test
            result["error"] = err

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        for _ in range(20):  # let every blocked reader go: open for writing, close at once
            with suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            thread.join(1)
            if not thread.is_alive():
                break
        pytest.fail(f"blocked reading the FIFO {fifo}")
    if "error" in result:
        raise result["error"]
    return result.get("value")


def test_a_fifo_named_plan_json_is_refused_not_waited_on(workspace: Path) -> None:
    file = workspace / "plan.json"
    os.mkfifo(file)
    with pytest.raises(PlanError) as err:
        _finishes(open_plan, file)
    assert str(file) in str(err.value) and "not a regular file" in str(err.value)
    assert stat.S_ISFIFO(file.stat().st_mode)  # left as it is


def test_a_fifo_in_place_of_the_plan_is_replaced_by_restore(plan: Plan) -> None:
    _save_vision(plan, "Good")
    plan.path.unlink()
    os.mkfifo(plan.path)
    _finishes(restore_plan, plan.path)
    assert open_plan().dream_job.vision == "Good"


def test_a_fifo_in_history_is_never_read(plan: Plan) -> None:
    _save_vision(plan, "Good")
    fifo = history_dir(plan.path) / "plan-29991231-235959-000000.json"  # sorts newest
    os.mkfifo(fifo)
    _finishes(lambda: _save_vision(plan, "Saved with a FIFO in history"), fifo)
    assert _finishes(lambda: plan_module.earlier_versions(plan.path), fifo) is not None
    plan.path.write_text("garbage")
    _finishes(restore_plan, fifo)
    assert open_plan().dream_job.vision == "Saved with a FIFO in history"
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # not taken for a copy, nor deleted


# --- exports and history (issue 21, part 5) -------------------------------------------------


def test_a_history_folder_that_cannot_be_written_is_named(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan's own folder is fine; only history/ refuses (root ignores modes: faked)."""

    write_temporary = files.write_temporary
    folder = history_dir(plan.path)

    def refuse_history(where: Path, *args: Any, **kwargs: Any) -> Path:
        if where == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(where))
        return write_temporary(where, *args, **kwargs)

    monkeypatch.setattr(files, "write_temporary", refuse_history)
    before = plan.path.read_bytes()
    plan.dream_job.vision = "Mine"
    with pytest.raises(PlanError) as err:
        plan.save("dream_job")
    message = str(err.value)
    assert f"history folder {folder}" in message and "not allowed" in message
    assert f"its folder {plan.path.parent}" not in message
    assert plan.path.read_bytes() == before
