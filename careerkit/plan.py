"""The person's plan: a typed model, and a JSON file that never loses their work.

One file per person holds a section per workbook step. Saving takes a file lock, writes
only the sections a notebook changed after re-reading the file (so two notebooks open at
once keep each other's answers), and is atomic with a copy in ``history/`` beside the
file (see :mod:`careerkit.planfile`). :func:`restore_plan` brings back a good version.
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from annotated_types import MaxLen
from pydantic import Field, PrivateAttr, ValidationError

from careerkit import paths, planfile, prestart, workshop_details
from careerkit.plan_merge import merge3
from careerkit.plan_migrations import MIGRATIONS as MIGRATIONS  # cohort reads them here
from careerkit.planfile import PlanConflict, PlanError, broken, quote
from careerkit.planfile import snapshot_date as snapshot_date
from careerkit.sections import (  # re-exported (see __all__): notebooks import them from here
    DEFAULT_AREAS,
    Action,
    ActionPlan,
    Answer,
    Comparison,
    DreamJob,
    Exploration,
    Goal,
    GoalActions,
    Gut,
    InterestResult,
    LongTerm,
    Objective,
    Option,
    Profile,
    Review,
    ShortTermGoals,
    Skill,
    Status,
    _Model,
)

SCHEMA_VERSION = 4
NO_REAL_SCHEMA = 1000  # a schema_version this high is damage, not a newer careerkit
SECTIONS = (
    "profile",
    "dream_job",
    "exploration",
    "comparison",
    "short_term_goals",
    "long_term",
    "action_plan",
    "reviews",
)


# --- the plan -------------------------------------------------------------------


def _plan_id() -> str:
    return uuid.uuid4().hex[:16]


class Plan(_Model):
    """The whole plan. Open it with :func:`open_plan`; save with :meth:`save`."""

    schema_version: int = SCHEMA_VERSION
    id: str = Field(default_factory=_plan_id)  # stable: calendar UIDs are built from it
    profile: Profile = Profile()
    dream_job: DreamJob = DreamJob()
    exploration: Exploration = Exploration()
    comparison: Comparison = Comparison()
    short_term_goals: ShortTermGoals = ShortTermGoals()
    long_term: LongTerm = LongTerm()
    action_plan: ActionPlan = ActionPlan()
    reviews: list[Review] = []

    _path: Path | None = PrivateAttr(None)
    _baseline: dict[str, Any] = PrivateAttr(default_factory=dict)

    @property
    def path(self) -> Path:
        if self._path is None:
            raise PlanError("This plan has no file; open one with careerkit.open_plan().")
        return self._path

    def save(self, *sections: str) -> Path:
        """Write the named sections (all when none are named) and return the file path.

        Sections this notebook did not name are taken from the file as it is now, so
        another notebook's answers survive. If another notebook changed a named section
        since this plan was read, :class:`PlanConflict` is raised and nothing is written.
        If the file has gone since it was read, the newest copy in its history stands in
        for it; with no history either, the whole plan this notebook holds is written.
        """
        unknown = set(sections) - set(SECTIONS)
        if unknown:
            raise ValueError(f"Unknown plan section(s) {sorted(unknown)}; use {SECTIONS}.")
        path = self.path
        written = sections or SECTIONS
        with planfile.lock(path):
            disk = self._current_disk(path)
            if disk is None:  # read from a file that is gone, with no history: keep it all
                disk, written = {}, SECTIONS
            merged = {**_empty_raw(), **disk}
            for name in written:
                mine, base = _dump_section(self, name), self._baseline.get(name)
                if name in disk and disk[name] != base:  # another notebook saved it
                    if mine == base:  # unchanged here: keep theirs
                        continue
                    if mine != disk[name]:
                        raise PlanConflict(
                            f"The '{name}' part of {path} was changed in another notebook "
                            "after this one opened it, so this change was not saved (the other "
                            "one's answers are safe). Re-run `plan = careerkit.open_plan()` "
                            "to load the latest version, then make the change again."
                        )
                merged[name] = mine
            merged["schema_version"] = SCHEMA_VERSION
            merged["id"] = disk.get("id") or self.id
            merged["saved"] = datetime.now().isoformat(timespec="seconds")
            data = planfile.encode(merged, path)
            fresh = _validate(merged, path, saving=True)
            planfile.write(path, data)
        self._sync_from(merged, fresh, written)
        return path

    def reload(self, *sections: str) -> list[str]:
        """Re-read the file; keep this notebook's unsaved changes to ``sections`` on top.

        Each named section becomes the file's version with every answer changed here since
        it was read applied to it (:func:`careerkit.plan_merge.merge3`); sections not changed
        here are taken from the file. Returns the answers both changed (``"profile.name"``),
        where this notebook's are kept. Nothing is written: save afterwards.
        """
        disk = _read_raw(self.path)
        clashes = self._merge_onto(sections, self._baseline, disk)
        self._sync_from({**_empty_raw(), **disk}, _validate(disk, self.path), sections)
        return clashes

    def as_read(self, name: str) -> Any:
        """A section as this notebook last read or saved it (JSON data, a copy)."""
        return json.loads(json.dumps(self._baseline.get(name, _empty_raw()[name])))

    def keep_unshown(self, name: str, shown: Any) -> None:
        """Where section ``name`` still equals ``shown`` (what this notebook's forms were built
        from), take the file's values as last read, so forms built before a :meth:`reload`
        do not undo the other notebook's answers when they save."""
        self._merge_onto((name,), {name: shown}, self._baseline)

    def _merge_onto(
        self, sections: tuple[str, ...], bases: dict[str, Any], theirs: dict[str, Any]
    ) -> list[str]:
        clashes, raw = [], _empty_raw()
        for name in sections:
            base = bases.get(name, raw[name])
            raw[name], both = merge3(
                base, _dump_section(self, name), theirs.get(name, base), _list_limits(name)
            )
            clashes += [f"{name}.{where}".rstrip(".").replace(".[", "[") for where in both]
        fresh = _validate(raw, self.path, saving=True)
        for name in sections:
            object.__setattr__(self, name, getattr(fresh, name))
        return clashes

    def _current_disk(self, path: Path) -> dict[str, Any] | None:
        """The file as it is now; if it is gone, what stands in for it (see :meth:`save`)."""
        if planfile.target(path).exists():
            return _read_raw(path)
        if not self._baseline:  # a new plan, never read from a file
            return {}
        for copy in planfile.history(path):
            try:
                return _read_raw(copy)
            except PlanError:
                continue
        return None

    def _sync_from(self, raw: dict[str, Any], fresh: Plan, written: tuple[str, ...]) -> None:
        """After writing ``raw``: take the sections this object has not changed from it.

        A section changed here but not written keeps its old baseline, so a later save
        of it is still checked against what this notebook read (no silent overwrite).
        """
        object.__setattr__(self, "id", raw["id"])
        for name in SECTIONS:
            if name in written:
                self._baseline[name] = raw[name]
            elif _dump_section(self, name) == self._baseline.get(name):
                object.__setattr__(self, name, getattr(fresh, name))
                self._baseline[name] = raw[name]


def _list_limits(name: str) -> dict[str, int]:
    """The lists of section ``name`` that have a maximum length (chosen directions: 2)."""
    model = Plan.model_fields[name].annotation
    if not (isinstance(model, type) and issubclass(model, _Model)):
        return {}
    return {
        field: rule.max_length
        for field, info in model.model_fields.items()
        for rule in info.metadata
        if isinstance(rule, MaxLen)
    }


def _dump_section(plan: Plan, name: str) -> Any:
    return plan.model_dump(mode="json", include={name})[name]


def _empty_raw() -> dict[str, Any]:
    return Plan().model_dump(mode="json")


# --- opening, reading, migrating ----------------------------------------------------


def open_plan(path: str | os.PathLike[str] | None = None, *, name: str | None = None) -> Plan:
    """Open the person's plan, creating an empty one if there is none yet.

    ``path`` defaults to the person's plan (:func:`careerkit.paths.plan_path`); such a
    plan, when new, starts with the workshop file's settings (coach, workshop, area for pay,
    goal areas: :func:`careerkit.workshop_details.start_new_plan`). ``name`` sets the
    person's name on a new plan. Reading needs no write access; a plan written by an older
    careerkit is upgraded and saved back.
    """
    prestart.wait_for_person()  # in the app, the plan is read when the person opens the page
    file = Path(path).expanduser() if path else paths.plan_path()
    if not planfile.target(file).exists():
        with planfile.lock(file):  # two notebooks creating it at once: one creates
            if not planfile.target(file).exists():
                return _create(file, name, workshop=path is None)
    raw, version = _load(file)
    if version < SCHEMA_VERSION:
        _save_migration(file)
    plan = _validate(raw, file)
    plan._baseline = {n: raw[n] for n in SECTIONS if n in raw}
    plan._path = file
    return plan


def _create(file: Path, name: str | None, workshop: bool = False) -> Plan:
    """Write a new plan (call with the lock held), with the workshop's settings if asked."""
    plan = Plan()
    if name:
        plan.profile.name = name
    if workshop:
        workshop_details.start_new_plan(plan)
    raw = plan.model_dump(mode="json")
    raw["saved"] = datetime.now().isoformat(timespec="seconds")
    planfile.write(file, planfile.encode(raw, file))
    plan._baseline = {n: raw[n] for n in SECTIONS}
    plan._path = file
    return plan


def _save_migration(file: Path) -> None:
    """Write an upgraded plan back, so its new ids stay put; skipped if it cannot be written.

    The file is read again under the lock, so a save made meanwhile is upgraded, not lost.
    The ids a migration gives are derived from the content, so a plan that cannot be
    written (read-only) still gets the same ids on every read.
    """
    try:
        with planfile.lock(file):
            raw, version = _load(file)
            if version < SCHEMA_VERSION:  # not upgraded by another notebook meanwhile
                planfile.write(file, planfile.encode(raw, file))
    except PlanError:
        pass  # e.g. a read-only plan: it is read as upgraded, and saved so on a later save


def _read_raw(path: Path) -> dict[str, Any]:
    """Read, check and migrate the file's JSON; raise PlanError with a way out."""
    return _load(path)[0]


def _load(path: Path) -> tuple[dict[str, Any], int]:
    """The file's JSON, checked and migrated, and the schema version it was written in."""
    raw = planfile.read_json(planfile.target(path))
    version = raw.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PlanError(broken(path, "it has no whole-number 'schema_version'"))
    if version >= NO_REAL_SCHEMA:
        problem = f"its 'schema_version' is {quote(version)}, which no careerkit has written"
        raise PlanError(broken(path, problem))
    if version > SCHEMA_VERSION:
        raise PlanError(
            f"{path} was written by a newer careerkit (plan schema {version}; this one reads "
            f"up to {SCHEMA_VERSION}). Update careerkit (`git pull`, then `make lab`). "
            "The file has not been changed."
        )
    if version < 1:
        raise PlanError(
            broken(path, f"its 'schema_version' is {quote(version)}, but plan versions start at 1")
        )
    start = version
    try:
        while version < SCHEMA_VERSION:
            raw = MIGRATIONS[version](raw)
            version = raw["schema_version"] = version + 1
    except (AttributeError, TypeError, ValueError) as err:
        problem = f"it could not be upgraded from plan schema {start} ({quote(err, 120)})"
        raise PlanError(broken(path, problem)) from err
    _validate(raw, path)
    return raw, start


def _validate(raw: dict[str, Any], path: Path | None, *, saving: bool = False) -> Plan:
    try:
        return Plan.model_validate({k: v for k, v in raw.items() if k != "saved"})
    except ValidationError as err:
        problems = "; ".join(
            f"{quote('.'.join(map(str, e['loc'])))}: {quote(e['msg'], 120)}"
            for e in err.errors()[:5]
        )
        if saving:
            raise PlanError(
                f"Not saved: some answers are not valid ({problems}). The file {path} has "
                "not been changed. Correct those answers and the plan will save again."
            ) from err
        raise PlanError(broken(path, f"some answers are not valid ({problems})")) from err
    except RecursionError as err:
        raise PlanError(broken(path, "it is nested far too deeply to be a plan")) from err


# --- history and restoring ----------------------------------------------------------


def history_dir(path: Path | None = None) -> Path:
    """The folder holding earlier versions of the plan file."""
    return planfile.history_dir(path or paths.plan_path())


def history(path: Path | None = None) -> list[Path]:
    """Kept versions of the plan file, newest first; the newest is the one saved last."""
    return planfile.history(path or paths.plan_path())


def earlier_versions(path: Path | None = None) -> list[Path]:
    """History copies older than the plan file as it is now, newest first."""
    copies = history(path)
    try:
        current = planfile.read_bytes(planfile.target(path or paths.plan_path()))
        if copies and planfile.read_bytes(copies[0]) == current:
            return copies[1:]
    except OSError:
        pass
    return copies


def load_snapshot(copy: Path) -> Plan:
    """Read an earlier version (from :func:`history`) as a plan, without opening it."""
    return _validate(_read_raw(copy), copy)


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
    with planfile.lock(file):
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
            planfile.write(file, planfile.encode(raw, file))
        except PlanError:
            if kept is not None:
                kept.unlink(missing_ok=True)
            raise
    return copy


def _snapshot_raw(copy: Path) -> dict[str, Any]:
    """A chosen history copy, read and upgraded; a PlanError says if it cannot be used."""
    try:
        return _read_raw(copy)
    except PlanError as err:
        raise PlanError(f"{copy} cannot be used to restore the plan: {err}") from err


def _problem(file: Path) -> str | None:
    """Why the plan file cannot be used (missing or damaged), or None when it reads fine."""
    try:
        _read_raw(file)
    except PlanError as err:
        return str(err)
    return None


def _newest_good(file: Path) -> tuple[Path, dict[str, Any]]:
    for copy in planfile.history(file):
        try:
            return copy, _read_raw(copy)
        except PlanError:
            continue
    raise PlanError(
        f"No readable earlier copy of {file} was found in {planfile.history_dir(file)}, so "
        "nothing was changed. If you have a backup, copy it over the plan file."
    )


def _keep_current(file: Path, problem: str | None) -> Path | None:
    """Keep the current file in history before it is replaced (None if there is none)."""
    real = planfile.target(file)
    if not real.is_file():  # missing, or a FIFO or folder in its place: nothing to keep
        return None
    try:
        if problem is not None:
            return planfile.keep_copy(file, "broken")
        current = planfile.read_bytes(real)
        if any(planfile.read_bytes(c) == current for c in planfile.history(file)[:1]):
            return None  # already the newest copy in history
        return planfile.keep_copy(file, "plan")
    except OSError as err:
        raise PlanError(
            f"Nothing was restored: the current {file} could not be kept in "
            f"{planfile.history_dir(file)} first ({err.strerror or err}). Check that the "
            "folder can be written, then try again."
        ) from err


def ensure_writable(path: Path | None = None) -> None:
    """Raise PlanError if the plan's folder cannot be written (checked in 00_start)."""
    folder = planfile.target(path or paths.plan_path()).parent
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


__all__ = [
    "Plan",
    "PlanError",
    "PlanConflict",
    "PlanIsFine",
    "open_plan",
    "restore_plan",
    "history",
    "history_dir",
    "earlier_versions",
    "load_snapshot",
    "snapshot_date",
    "SECTIONS",
    "DEFAULT_AREAS",
    "SCHEMA_VERSION",
    "Status",
    "Answer",
    "Profile",
    "Skill",
    "InterestResult",
    "DreamJob",
    "Option",
    "Exploration",
    "Gut",
    "Comparison",
    "Goal",
    "ShortTermGoals",
    "Objective",
    "LongTerm",
    "Action",
    "GoalActions",
    "ActionPlan",
    "Review",
    "ensure_writable",
]
