"""The person's plan: a typed model, and a JSON file that never loses their work.

One file per person holds a section per workbook step. Saving is atomic (temporary
file, fsync, ``os.replace``), takes a file lock, keeps the previous version in a
``history/`` folder beside the file, and writes only the sections a notebook changed
after re-reading the file, so two notebooks open at once keep each other's answers.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from filelock import FileLock, Timeout
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from careerkit import paths

SCHEMA_VERSION = 2
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
DEFAULT_AREAS = (
    "Education",
    "Learning",
    "Skills development",
    "Moving",
    "Professional membership / networking",
)
HISTORY_RECENT = 30  # newest copies always kept
HISTORY_MAX = 200  # older copies: one per day, up to this many in all
Status = Literal["not started", "in progress", "done", "dropped"]
Answer = Literal["yes", "unsure", "no"]


class PlanError(Exception):
    """The plan file cannot be read or written; the message says how to fix it."""


class PlanConflict(PlanError):
    """Another notebook saved the same section since this one read it."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


# --- sections ---------------------------------------------------------------------


class Profile(_Model):
    name: str = ""
    coach: str = ""
    workshop: str = ""
    area: str = ""  # BLS OEWS area code for local pay ("" = the whole nation)
    created: date = Field(default_factory=date.today)


class Skill(_Model):
    name: str
    kind: Literal["soft", "hard"] = "hard"
    level: int = Field(3, ge=1, le=5)  # self-rated, 1 (beginner) to 5 (expert)


class InterestResult(_Model):
    taken: date = Field(default_factory=date.today)
    answers: dict[str, int] = {}  # item id -> 2 like, 1 unsure, 0 dislike
    scores: dict[str, float] = {}  # theme letter -> score
    code: str = ""  # e.g. "SIA"


class DreamJob(_Model):
    reflections: dict[str, str] = {}  # prompt id -> the person's text
    skills: list[Skill] = []
    skills_use: str = ""  # how these skills could serve in a field of interest
    interests: InterestResult | None = None
    interest_history: list[InterestResult] = []  # earlier results, oldest first
    vision_prompts: dict[str, str] = {}  # guide prompt id -> answer
    vision: str = ""
    vision_date: date | None = None


class Option(_Model):
    code: str  # O*NET-SOC code, or "custom:<slug>" for a person's own occupation
    title: str
    custom: bool = False
    median_wage: float | None = None  # custom options only; catalogue ones use the catalogue
    notes: str = ""
    answers: dict[str, str] = {}  # exploring-question id -> the person's text
    dropped: bool = False
    drop_reason: str = ""
    added: date = Field(default_factory=date.today)


class Exploration(_Model):
    options: list[Option] = []  # the shortlist, dropped options included


class Gut(_Model):
    feels_right: Answer | None = None
    want_to_grow: Answer | None = None


class Comparison(_Model):
    criteria: list[str] = []  # empty: the workshop's or careerkit's defaults
    weights: dict[str, float] = {}
    ratings: dict[str, dict[str, float]] = {}  # option code -> criterion -> 0-10 (own or override)
    gut: dict[str, Gut] = {}
    chosen: list[str] = Field(default=[], max_length=2)  # target occupation codes
    reason: str = ""
    decided: date | None = None


def _goal_id() -> str:
    return uuid.uuid4().hex[:8]


class Goal(_Model):
    id: str = Field(default_factory=_goal_id)
    text: str = Field("", max_length=2000)
    area: str = "Learning"
    horizon_months: Literal[6, 12, 24] = 12
    due: date | None = None
    measure: str = ""
    direction: str = ""  # occupation code the goal serves
    confidence: int | None = Field(None, ge=1, le=5)
    status: Status = "not started"
    percent: int = Field(0, ge=0, le=100)
    drop_reason: str = ""
    created: date = Field(default_factory=date.today)


class ShortTermGoals(_Model):
    areas: list[str] = list(DEFAULT_AREAS)
    goals: list[Goal] = []


class Objective(_Model):
    skills_to_acquire: list[str] = []
    own_skills: list[str] = []  # technical or soft skills the person adds
    experience: str = ""
    role_5y: str = ""
    role_10y: str = ""
    ambitions: str = ""
    stay_years: int | None = Field(None, ge=0, le=50)
    leave_when: str = ""


class LongTerm(_Model):
    objectives: dict[str, Objective] = {}  # occupation code -> objective


class Action(_Model):
    text: str
    due: date | None = None
    done: bool = False


class GoalActions(_Model):
    people: str = ""
    tools: str = ""
    programs: str = ""
    actions: list[Action] = []


class ActionPlan(_Model):
    items: dict[str, GoalActions] = {}  # goal id -> resources and next actions
    review_every_months: Literal[12, 24] = 12


class Review(_Model):
    reviewed: date = Field(default_factory=date.today)
    went_well: str = ""
    changed: str = ""
    adjust: str = ""


# --- the plan -------------------------------------------------------------------


class Plan(_Model):
    """The whole plan. Open it with :func:`open_plan`; save with :meth:`save`."""

    schema_version: int = SCHEMA_VERSION
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
        """
        unknown = set(sections) - set(SECTIONS)
        if unknown:
            raise ValueError(f"Unknown plan section(s) {sorted(unknown)}; use {SECTIONS}.")
        path = self.path
        path.parent.mkdir(parents=True, exist_ok=True)
        with _lock(path):
            disk = _read_raw(path) if path.exists() else {}
            merged = {**_empty_raw(), **disk}
            for name in sections or SECTIONS:
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
            merged["saved"] = datetime.now().isoformat(timespec="seconds")
            if path.exists():
                _keep_history(path)
            _atomic_write(path, merged)
        self._sync_from(merged, sections or SECTIONS)
        return path

    def _sync_from(self, raw: dict[str, Any], written: tuple[str, ...]) -> None:
        """After writing ``raw``: take the sections this object has not changed from it.

        A section changed here but not written keeps its old baseline, so a later save
        of it is still checked against what this notebook read (no silent overwrite).
        """
        fresh = _validate(raw, self._path)
        for name in SECTIONS:
            if name in written:
                self._baseline[name] = raw[name]
            elif _dump_section(self, name) == self._baseline.get(name):
                object.__setattr__(self, name, getattr(fresh, name))
                self._baseline[name] = raw[name]


def _dump_section(plan: Plan, name: str) -> Any:
    return plan.model_dump(mode="json", include={name})[name]


def _empty_raw() -> dict[str, Any]:
    return Plan().model_dump(mode="json")


# --- opening, reading, migrating ----------------------------------------------------


def open_plan(path: str | os.PathLike[str] | None = None, *, name: str | None = None) -> Plan:
    """Open the person's plan, creating an empty one if there is none yet.

    ``path`` defaults to ``$CAREERKIT_PLAN`` or ``plan.json`` in the workspace
    (``$CAREERKIT_HOME``). ``name`` sets the person's name on a new plan.
    """
    file = Path(path).expanduser() if path else paths.plan_path()
    if file.exists():
        with _lock(file):
            raw = _read_raw(file)
        plan = _validate(raw, file)
        plan._baseline = {n: raw[n] for n in SECTIONS if n in raw}
    else:
        plan = Plan()
        if name:
            plan.profile.name = name
    plan._path = file
    if not file.exists():
        plan.save()
    return plan


@contextmanager
def _lock(path: Path) -> Iterator[None]:
    try:
        with FileLock(str(path) + ".lock", timeout=10):
            yield
    except Timeout as err:
        raise PlanError(
            f"{path} stayed locked by another program for 10 seconds, so nothing was saved. "
            f"If no other notebook is saving, delete {path}.lock and try again."
        ) from err


def _read_raw(path: Path) -> dict[str, Any]:
    """Read, check and migrate the file's JSON; raise PlanError with a way out."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise PlanError(_broken(path, f"it is not valid JSON ({err})")) from err
    if not isinstance(raw, dict):
        raise PlanError(_broken(path, "it does not hold a JSON object"))
    version = raw.get("schema_version")
    if not isinstance(version, int):
        raise PlanError(_broken(path, "it has no whole-number 'schema_version'"))
    if version > SCHEMA_VERSION:
        raise PlanError(
            f"{path} was written by a newer careerkit (plan schema {version}; this one reads "
            f"up to {SCHEMA_VERSION}). Update careerkit (`git pull`, then `make lab`). "
            "The file has not been changed."
        )
    while version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version = raw["schema_version"] = version + 1
    _validate(raw, path)
    return raw


def _validate(raw: dict[str, Any], path: Path | None) -> Plan:
    try:
        return Plan.model_validate({k: v for k, v in raw.items() if k != "saved"})
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()[:5]
        )
        raise PlanError(_broken(path, f"some answers are not valid ({problems})")) from err


def _broken(path: Path | None, problem: str) -> str:
    return (
        f"The plan file {path} cannot be read: {problem}. It has not been changed. "
        "Fix it by hand, or go back to the newest saved copy from its history folder "
        "with `careerkit.restore_plan()` (the broken file is kept beside it)."
    )


def _v1_to_v2(raw: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 kept short-term goals as a bare list; schema 2 adds the person's areas."""
    goals = raw.get("short_term_goals", [])
    if isinstance(goals, list):
        raw["short_term_goals"] = {"areas": list(DEFAULT_AREAS), "goals": goals}
    return raw


MIGRATIONS = {1: _v1_to_v2}


# --- writing and history -------------------------------------------------------------


def _atomic_write(path: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        dir_fd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def history_dir(path: Path | None = None) -> Path:
    """The folder holding earlier versions of the plan file."""
    return (path or paths.plan_path()).parent / "history"


def history(path: Path | None = None) -> list[Path]:
    """Earlier versions of the plan file, newest first."""
    folder = history_dir(path)
    return sorted(folder.glob("plan-*.json"), reverse=True) if folder.exists() else []


def _keep_history(path: Path) -> None:
    folder = history_dir(path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    shutil.copy2(path, folder / f"plan-{stamp}.json")
    _prune(history(path))


def _prune(copies: list[Path]) -> None:
    """Keep the newest copies, then one per day, within HISTORY_MAX."""
    keep, days = copies[:HISTORY_RECENT], set()
    for copy in copies[HISTORY_RECENT:]:
        day = copy.name[5:13]
        if day not in days and len(keep) < HISTORY_MAX:
            keep.append(copy)
            days.add(day)
        else:
            copy.unlink()


def snapshot_date(copy: Path) -> datetime:
    """When a history copy was taken, from its file name."""
    return datetime.strptime(copy.stem[5:20], "%Y%m%d-%H%M%S")


def load_snapshot(copy: Path) -> Plan:
    """Read an earlier version (from :func:`history`) as a plan, without opening it."""
    return _validate(_read_raw(copy), copy)


def restore_plan(path: str | os.PathLike[str] | None = None) -> Path:
    """Replace a broken plan file with the newest readable copy from its history.

    The broken file is kept in the history folder as ``broken-<time>.json``.
    Returns the history copy that was restored.
    """
    file = Path(path).expanduser() if path else paths.plan_path()
    with _lock(file):
        for copy in history(file):
            try:
                raw = _read_raw(copy)
            except PlanError:
                continue
            if file.exists():
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                shutil.move(file, history_dir(file) / f"broken-{stamp}.json")
            _atomic_write(file, raw)
            return copy
    raise PlanError(f"No readable earlier copy of {file} was found in {history_dir(file)}.")


def ensure_writable(path: Path | None = None) -> None:
    """Raise PlanError if the plan's folder cannot be written (checked in 00_start)."""
    folder = (path or paths.plan_path()).parent
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
    "open_plan",
    "restore_plan",
    "history",
    "load_snapshot",
    "snapshot_date",
    "SECTIONS",
    "DEFAULT_AREAS",
    "SCHEMA_VERSION",
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
