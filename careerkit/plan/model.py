"""The person's plan: a typed model, and a JSON file that never loses their work.

One file per person holds a section per workbook step. Saving takes a file lock, writes
only the sections a notebook changed after re-reading the file (so two notebooks open at
once keep each other's answers), and is atomic with a copy in ``history/`` beside the
file (see :mod:`careerkit.plan.storage`). :func:`restore_plan` brings back a good version.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from annotated_types import MaxLen
from pydantic import Field, PrivateAttr, ValidationError

from careerkit import paths
from careerkit.plan import storage
from careerkit.plan.merge import merge3
from careerkit.plan.migrations import MIGRATIONS
from careerkit.plan.sections import (
    ActionPlan,
    Comparison,
    DreamJob,
    Exploration,
    LongTerm,
    Profile,
    Review,
    ShortTermGoals,
    _Model,
)
from careerkit.plan.storage import PlanConflict, PlanError, damaged, quote

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
        with storage.lock(path):
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
            data = storage.encode(merged, path)
            fresh = validate(merged, path, saving=True)
            storage.write(path, data)
        self._sync_from(merged, fresh, written)
        return path

    def reload(self, *sections: str) -> list[str]:
        """Re-read the file; keep this notebook's unsaved changes to ``sections`` on top.

        Each named section becomes the file's version with every answer changed here since
        it was read applied to it (:func:`careerkit.plan.merge.merge3`); sections not changed
        here are taken from the file. Returns the answers both changed (``"profile.name"``),
        where this notebook's are kept. Nothing is written: save afterwards.
        """
        disk = read_raw(self.path)
        clashes = self._merge_onto(sections, self._baseline, disk)
        self._sync_from({**_empty_raw(), **disk}, validate(disk, self.path), sections)
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
        fresh = validate(raw, self.path, saving=True)
        for name in sections:
            object.__setattr__(self, name, getattr(fresh, name))
        return clashes

    def _current_disk(self, path: Path) -> dict[str, Any] | None:
        """The file as it is now; if it is gone, what stands in for it (see :meth:`save`)."""
        if storage.target(path).exists():
            return read_raw(path)
        if not self._baseline:  # a new plan, never read from a file
            return {}
        for copy in storage.history(path):
            try:
                return read_raw(copy)
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


def open_plan(
    path: str | os.PathLike[str] | None = None,
    *,
    name: str | None = None,
    start: Callable[[Plan], object] | None = None,
) -> Plan:
    """Open a plan file, creating an empty plan if there is none yet.

    ``path`` defaults to the person's plan (:func:`careerkit.paths.plan_path`). ``name``
    sets the person's name on a new plan, and ``start`` gives a new plan its first values
    before it is written (the notebooks' :func:`careerkit.workbook.open_plan` passes the
    workshop's). Reading needs no write access; a plan written by an older careerkit is
    upgraded and saved back.
    """
    file = Path(path).expanduser() if path else paths.plan_path()
    if not storage.target(file).exists():
        with storage.lock(file):  # two notebooks creating it at once: one creates
            if not storage.target(file).exists():
                return _create(file, name, start)
    raw, version, plan = _load(file)
    if version < SCHEMA_VERSION:
        _save_migration(file)
    plan._baseline = {n: raw[n] for n in SECTIONS if n in raw}
    plan._path = file
    return plan


def _create(file: Path, name: str | None, start: Callable[[Plan], object] | None) -> Plan:
    """Write a new plan (call with the lock held), with ``start``'s first values."""
    plan = Plan()
    if name:
        plan.profile.name = name
    if start is not None:
        start(plan)
    raw = plan.model_dump(mode="json")
    raw["saved"] = datetime.now().isoformat(timespec="seconds")
    storage.write(file, storage.encode(raw, file))
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
        with storage.lock(file):
            raw, version, _ = _load(file)
            if version < SCHEMA_VERSION:  # not upgraded by another notebook meanwhile
                storage.write(file, storage.encode(raw, file))
    except PlanError:
        pass  # e.g. a read-only plan: it is read as upgraded, and saved so on a later save


def read_raw(path: Path) -> dict[str, Any]:
    """Read, check and migrate the file's JSON; raise PlanError with a way out."""
    return _load(path)[0]


def read_plan(path: Path, *, follow_links: bool = True, max_bytes: int | None = None) -> Plan:
    """The plan in ``path``, read-only: nothing is locked, written, created or upgraded on
    disk (an older plan is upgraded in memory). A :class:`PlanError` says why it cannot be
    read, in the words :func:`open_plan` uses. Without ``follow_links`` a symbolic link is
    refused, and with ``max_bytes`` a larger file, both before it is opened (the coach's
    cohort summary reads participants' plans so).
    """
    return _load(path, follow_links=follow_links, max_bytes=max_bytes)[2]


def _load(
    path: Path, *, follow_links: bool = True, max_bytes: int | None = None
) -> tuple[dict[str, Any], int, Plan]:
    """The file's JSON, checked and migrated, the schema version it was written in, and
    the plan it holds."""
    file = storage.target(path) if follow_links else path
    raw = storage.read_json(file, follow_links=follow_links, max_bytes=max_bytes)
    version = raw.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise damaged(path, "it has no whole-number 'schema_version'")
    if version >= NO_REAL_SCHEMA:
        problem = f"its 'schema_version' is {quote(version)}, which no careerkit has written"
        raise damaged(path, problem)
    if version > SCHEMA_VERSION:
        problem = (
            f"it was written by a newer careerkit (plan schema {version}; this one reads up "
            f"to {SCHEMA_VERSION})"
        )
        raise PlanError(
            f"The plan file {path} cannot be read here: {problem}. Update careerkit "
            "(`git pull`, then `make lab`). The file has not been changed.",
            problem,
        )
    if version < 1:
        raise damaged(
            path, f"its 'schema_version' is {quote(version)}, but plan versions start at 1"
        )
    start = version
    try:
        while version < SCHEMA_VERSION:
            raw = MIGRATIONS[version](raw)
            version = raw["schema_version"] = version + 1
    except (AttributeError, TypeError, ValueError, KeyError, RecursionError) as err:
        problem = f"it could not be upgraded from plan schema {start} ({quote(err, 120)})"
        raise damaged(path, problem) from err
    return raw, start, validate(raw, path)


def validate(raw: dict[str, Any], path: Path | None, *, saving: bool = False) -> Plan:
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
        raise damaged(path, f"some answers are not valid ({problems})") from err
    except RecursionError as err:
        raise damaged(path, "it is nested far too deeply to be a plan") from err
