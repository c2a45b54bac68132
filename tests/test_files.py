"""Files written atomically and privately (careerkit/files.py), and one owner per concept:
no copy of the atomic write, of the file names or of the plan's version rules elsewhere."""

from __future__ import annotations

import ast
import errno
import os
import stat
from pathlib import Path

import pytest

from careerkit import files, paths

PACKAGE = Path(__file__).resolve().parents[1] / "careerkit"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder (tmp_path holds the sandbox's workspace)."""
    made = tmp_path / "here"
    made.mkdir()
    return made


def test_a_file_is_replaced_whole_and_private(folder: Path) -> None:
    target = folder / "notes.json"
    target.write_text("old")
    target.chmod(0o644)
    files.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert _mode(target) == files.PRIVATE
    assert sorted(p.name for p in folder.iterdir()) == ["notes.json"]  # no temporary left
    files.write_atomic(target, b"copy", 0o400)
    assert (target.read_bytes(), _mode(target)) == (b"copy", 0o400)


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = folder / "notes.json"
    target.write_bytes(b"old")

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OSError):
        files.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["notes.json"]


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full. Free some space"),
        (OSError(errno.EROFS, "Read-only file system"), "the disk is read-only"),
        (PermissionError(errno.EACCES, "Permission denied"), "you are not allowed to change it"),
        (OSError(errno.EIO, "Input/output error"), "the system said: Input/output error"),
    ],
    ids=["full", "read-only", "permission", "other"],
)
def test_why_a_file_was_not_written_is_said_in_plain_words(
    tmp_path: Path, error: OSError, words: str
) -> None:
    why = files.why_not_written(tmp_path / "x.html", error, again="press the button again")
    assert words in why
    if isinstance(error, PermissionError):
        assert str(tmp_path) in why  # the folder to check
    if error.errno in (errno.ENOSPC, errno.EIO):
        assert why.endswith("press the button again")


# --- one owner per concept ---------------------------------------------------------------


def _sources() -> dict[str, ast.Module]:
    return {
        path.relative_to(PACKAGE.parent).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


SOURCES = _sources()


def _calls(tree: ast.Module) -> set[str]:
    """The names of the functions a module calls (``mkstemp``, ``fsync``, ...)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            found.add(func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", ""))
    return found


def test_only_files_writes_a_temporary_file_to_rename() -> None:
    """The steps of an atomic write (a temporary file, its mode, fsync) live in one module."""
    steps = {"mkstemp", "NamedTemporaryFile", "fsync", "fchmod"}
    writers = {name for name, tree in SOURCES.items() if _calls(tree) & steps}
    assert writers == {"careerkit/files.py"}


def test_the_file_names_and_the_workshop_variable_are_spelled_in_paths_only() -> None:
    names = {paths.PLAN_FILE, paths.WORKSHOP_FILE, paths.WORKSHOP_ENV}
    spelled = {
        (module, node.value)
        for module, tree in SOURCES.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in names
    }
    assert {module for module, _ in spelled} == {"careerkit/paths.py"}


def test_only_the_plan_knows_its_versions_and_upgrades() -> None:
    """Reading a plan (versions, upgrades, checks) belongs to careerkit.plan: a reader
    elsewhere calls :func:`careerkit.plan.read_plan` instead of copying it."""
    private = ("careerkit.plan.migrations", "careerkit.plan.model")
    outside = {
        module
        for module, tree in SOURCES.items()
        if not module.startswith("careerkit/plan/")
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith(private)
        or isinstance(node, ast.Name)
        and node.id in ("MIGRATIONS", "NO_REAL_SCHEMA")
    }
    assert outside == set()


def test_the_workshop_folder_is_the_nearest_one_holding_a_workshop_file(tmp_path: Path) -> None:
    (tmp_path / "spring" / "coach").mkdir(parents=True)
    assert paths.workshop_folder(tmp_path / "spring" / "coach") is None
    (tmp_path / "spring" / paths.WORKSHOP_FILE).write_text("")
    assert paths.workshop_folder(tmp_path / "spring" / "coach") == tmp_path / "spring"
    assert paths.workshop_folder(tmp_path) is None
