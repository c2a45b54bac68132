"""The plan's history: earlier versions kept beside the file, and restoring a good one."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

from careerkit import paths
from careerkit.plan import storage
from careerkit.plan.model import Plan, read_raw, validate
from careerkit.plan.storage import PlanError


def history_dir(path: Path | None = None) -> Path:
    """The folder holding earlier versions of the plan file."""
    return storage.history_dir(path or paths.plan_path())


def history(path: Path | None = None) -> list[Path]:
    """Kept versions of the plan file, newest first; the newest is the one saved last."""
    return storage.history(path or paths.plan_path())


def earlier_versions(path: Path | None = None) -> list[Path]:
    """History copies older than the plan file as it is now, newest first."""
    copies = history(path)
    try:
        current = storage.read_bytes(storage.target(path or paths.plan_path()))
        if copies and storage.read_bytes(copies[0]) == current:
            return copies[1:]
    except OSError:
        pass
    return copies


def load_snapshot(copy: Path) -> Plan:
    """Read an earlier version (from :func:`history`) as a plan, without opening it."""
    return validate(read_raw(copy), copy)


class PlanIsFine(PlanError):
    """``restore_plan()`` was asked to repair a plan that reads without problems."""


def restore_plan(
    path: str | os.PathLike[str] | None = None, version: str | os.PathLike[str] | None = None
) -> Path:
    """Bring back a good version of the plan from its history; return the copy used.

    Without ``version``: replaces a damaged (or missing) plan file with the newest
    readable copy. A plan that reads fine is left alone and :class:`PlanIsFine` says so.
    With ``version`` (a file from :func:`history`): goes back to that version; the
    current one stays in history. A damaged file is kept as ``history/broken-<time>.json``.
    The replacement is atomic: if it fails, the plan file is as it was.
    """
    file = Path(path).expanduser() if path else paths.plan_path()
    with storage.lock(file):
        problem = _problem(file)
        if version is None and problem is None:
            raise PlanIsFine(
                f"{file} reads without problems, so nothing was changed. To go back to an "
                "earlier version, pick one from `careerkit.plan.history()` and run "
                "`careerkit.restore_plan(version=...)`; the current one stays in history."
            )
        if version is not None:
            copy, raw = Path(version), _snapshot_raw(Path(version))
        else:
            copy, raw = _newest_good(file)
        kept = _keep_current(file, problem)
        try:
            storage.write(file, storage.encode(raw, file))
        except PlanError:
            if kept is not None:
                kept.unlink(missing_ok=True)
            raise
    return copy


def _snapshot_raw(copy: Path) -> dict[str, Any]:
    """A chosen history copy, read and upgraded; a PlanError says if it cannot be used."""
    try:
        return read_raw(copy)
    except PlanError as err:
        raise PlanError(f"{copy} cannot be used to restore the plan: {err}") from err


def _problem(file: Path) -> str | None:
    """Why the plan file cannot be used (missing or damaged), or None when it reads fine."""
    try:
        read_raw(file)
    except PlanError as err:
        return str(err)
    return None


def _newest_good(file: Path) -> tuple[Path, dict[str, Any]]:
    for copy in storage.history(file):
        try:
            return copy, read_raw(copy)
        except PlanError:
            continue
    raise PlanError(
        f"No readable earlier copy of {file} was found in {storage.history_dir(file)}, so "
        "nothing was changed. If you have a backup, copy it over the plan file."
    )


def _keep_current(file: Path, problem: str | None) -> Path | None:
    """Keep the current file in history before it is replaced (None if there is none)."""
    real = storage.target(file)
    if not real.is_file():  # missing, or a FIFO or folder in its place: nothing to keep
        return None
    try:
        if problem is not None:
            return storage.keep_copy(file, "broken")
        current = storage.read_bytes(real)
        if any(storage.read_bytes(c) == current for c in storage.history(file)[:1]):
            return None  # already the newest copy in history
        return storage.keep_copy(file, "plan")
    except OSError as err:
        raise PlanError(
            f"Nothing was restored: the current {file} could not be kept in "
            f"{storage.history_dir(file)} first ({err.strerror or err}). Check that the "
            "folder can be written, then try again."
        ) from err


def ensure_writable(path: Path | None = None) -> None:
    """Raise PlanError if the plan's folder cannot be written (checked in 00_start)."""
    folder = storage.target(path or paths.plan_path()).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{uuid.uuid4().hex}"
        probe.write_text("ok")
        probe.unlink()
    except OSError as err:
        raise PlanError(
            f"The plan folder {folder} cannot be written ({err}). Set CAREERKIT_HOME to a "
            "folder you own, e.g. `export CAREERKIT_HOME=~/careerkit`."
        ) from err
