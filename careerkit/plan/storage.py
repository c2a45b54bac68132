"""The plan file on disk: locking, safe reading, atomic writing, history copies.

Knows nothing of the plan's sections (``careerkit.plan`` does); every failure here
becomes a :class:`PlanError` that names the file, the problem and what to do.

- A symlinked plan is resolved: the target is written and locked, the link stays.
- Writing goes to a temporary file beside the target, which is fsynced, given the
  target's file mode and then renamed over it (:mod:`careerkit.files`), so the file is
  always either the old or the new version. Temporary files left by a killed save are removed
  on the next save (writers hold the lock, so no other save can still be using them).
- Each save also files a copy of the version it writes in ``history/`` (itself written
  atomically, and removed again if the save fails), so history holds only complete,
  readable versions, the newest being the one in the plan file.
"""

from __future__ import annotations

import errno
import json
import math
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from careerkit import files
from careerkit.errors import ForThePerson

HISTORY_RECENT = 30  # newest copies always kept
HISTORY_MAX = 200  # older copies: one per day, up to this many in all
NEW_FILE_MODE = files.PRIVATE  # a new plan holds personal notes: readable by its owner only


class PlanError(ForThePerson, Exception):
    """The plan file cannot be read or written; the message says how to fix it.

    ``problem``: what is wrong in a few words ("it is empty"), for a list of plans that
    names each file (the coach's cohort summary); the whole message by default.
    """

    def __init__(self, message: str, problem: str = "") -> None:
        super().__init__(message)
        self.problem = problem or message


class PlanConflict(PlanError):
    """Another notebook saved the same section since this one read it."""


def target(path: Path) -> Path:
    """The file actually written: a symlink's target (the link itself is left alone)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


@contextmanager
def lock(path: Path) -> Iterator[None]:
    """Hold the plan's lock (``<target>.lock``) while saving or restoring."""
    real = target(path)
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        held = FileLock(str(real) + ".lock", timeout=10)
        held.acquire()
    except Timeout as err:
        raise PlanError(
            f"{path} stayed locked by another program for 10 seconds, so nothing was saved. "
            f"If no other notebook is saving, delete {real}.lock and try again."
        ) from err
    except OSError as err:
        raise PlanError(cannot_write(path, err)) from err
    try:
        yield
    finally:
        held.release()


# --- reading ----------------------------------------------------------------------------


def way_back(path: Path | None) -> str:
    """How to bring back the plan's newest kept version: first without code (all the app
    allows), then with ``careerkit.restore_plan()`` in JupyterLab."""
    folder = history_dir(path) if path is not None else "the history folder beside it"
    return (
        f"copy the newest plan-<date>.json in {folder} (the names sort by date) over the "
        "plan file; or, in JupyterLab, run `careerkit.restore_plan()` in a cell, which does "
        "that and keeps a broken file in the history folder"
    )


def broken(path: Path | None, problem: str) -> str:
    """The message for a plan file that cannot be read: what is wrong and the way out."""
    return (
        f"The plan file {path} cannot be read: {problem}. It has not been changed. "
        f"Fix it by hand, or go back to your last good version: {way_back(path)}."
    )


def damaged(path: Path | None, problem: str) -> PlanError:
    """The error for a plan file that cannot be read (:func:`broken`), with its problem."""
    return PlanError(broken(path, problem), problem)


def quote(value: object, limit: int = 40) -> str:
    """A value for a message: at most ``limit`` characters of it, and its length if cut."""
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def read_bytes(path: Path, *, follow_links: bool = True, max_bytes: int | None = None) -> bytes:
    """A file's bytes; OSError (``ENOTREG``-like, errno EINVAL) if it is not a regular file.

    Opened without blocking and checked before reading, so a FIFO or a device named like
    the plan is refused at once instead of waiting for a writer for good. Without
    ``follow_links`` a symbolic link is refused (:class:`NotFollowed`) and, with
    ``max_bytes``, a larger file (:class:`TooLarge`), both before the file is opened.
    """
    if not follow_links or max_bytes is not None:
        info = os.stat(path, follow_symlinks=follow_links)
        if stat.S_ISLNK(info.st_mode):
            raise NotFollowed(errno.ELOOP, "it is a symbolic link", str(path))
        _size_ok(path, info.st_size, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(errno.EINVAL, "it is not a regular file", str(path))
        _size_ok(path, info.st_size, max_bytes)
        data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    _size_ok(path, len(data), max_bytes)
    return data


def _size_ok(path: Path, size: int, max_bytes: int | None) -> None:
    if max_bytes is not None and size > max_bytes:
        raise TooLarge(path, size, max_bytes)


class NotRegular(OSError):
    """A path that should be a plan (or a copy of one) is a folder, FIFO, device or socket."""


class NotFollowed(OSError):
    """A plan read without following links is a symbolic link."""


class TooLarge(OSError):
    """A plan read with a size limit is larger than the limit."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"it is {size} bytes, over {limit}", str(path))
        self.size, self.limit = size, limit


def megabytes(size: int) -> str:
    """A size in plain words: ``5 MB``, ``6.3 MB``."""
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0") + " MB"


def read_json(
    path: Path, *, follow_links: bool = True, max_bytes: int | None = None
) -> dict[str, Any]:
    """The file's JSON object. Non-standard ``NaN``/``Infinity`` tokens are read as null.

    A value careerkit could not save again (a number too large, ``1e999``, read as infinity;
    half of an emoji, a lone ``\\ud83d`` escape) makes the file a damaged one, naming the
    answer: read as it is, it would block every later save. ``follow_links`` and
    ``max_bytes``: see :func:`read_bytes`.
    """
    try:
        data = read_bytes(path, follow_links=follow_links, max_bytes=max_bytes)
    except NotFollowed as err:
        raise damaged(path, "it is a symbolic link, which is not followed here") from err
    except TooLarge as err:
        problem = (
            f"it is {megabytes(err.size)}, over the {megabytes(err.limit)} a plan can be, "
            "so it was not read"
        )
        raise damaged(path, problem) from err
    except (NotRegular, IsADirectoryError) as err:
        raise damaged(
            path, "it is not a regular file (a folder, a pipe or a device has its name)"
        ) from err
    except FileNotFoundError as err:
        raise PlanError(
            f"The plan file {path} is not there any more. If it was moved or deleted by "
            f"mistake, bring back your last version: {way_back(path)}.",
            "it is not there any more",
        ) from err
    except OSError as err:
        if err.errno == errno.ELOOP and not follow_links:  # swapped for a link meanwhile
            problem = "it is a symbolic link, which is not followed here"
            raise damaged(path, problem) from err
        raise PlanError(
            f"The plan file {path} cannot be opened ({err.strerror or err}). Check that it "
            "is a file you are allowed to read (its permissions, or a disk that is mounted).",
            f"it cannot be opened ({err.strerror or err})",
        ) from err
    if not data.strip():
        raise damaged(path, "it is empty")
    try:
        text = data.decode("utf-8-sig")
        raw = json.loads(text, parse_constant=lambda _token: None)
    except UnicodeDecodeError as err:
        raise damaged(path, f"it is not UTF-8 text ({err.reason})") from err
    except json.JSONDecodeError as err:
        if err.pos >= len(text.rstrip()) or err.msg.startswith("Unterminated string"):
            problem = (
                "it is not valid JSON: it stops part-way through (cut short, e.g. by an "
                "interrupted save or copy)"
            )
            raise damaged(path, problem) from err
        raise damaged(path, f"it is not valid JSON ({err})") from err
    except ValueError as err:  # e.g. a number with thousands of digits
        raise damaged(path, f"it holds a number too long to be an answer ({err})") from err
    except RecursionError as err:
        raise damaged(path, "it is nested far too deeply to be a plan") from err
    if not isinstance(raw, dict):
        raise damaged(path, "it does not hold a JSON object")
    bad = _unstorable(raw, "")
    if bad:
        raise damaged(path, f"the answer at {quote(bad[0])} {bad[1]}")
    return raw


# --- writing ----------------------------------------------------------------------------


def encode(data: dict[str, Any], path: Path) -> bytes:
    """The plan as UTF-8 JSON; a value JSON cannot hold becomes a PlanError naming it."""
    bad = _unstorable(data, "")
    if bad:
        where, problem = bad
        raise PlanError(
            f"Not saved: the answer at {quote(where)} {problem}. The file {path} has not been "
            "changed. Retype that answer (or clear it) and the plan will save again."
        )
    text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    return text.encode("utf-8")


def _unstorable(value: Any, where: str) -> tuple[str, str] | None:
    """Where a value is that JSON (UTF-8, no NaN) cannot store, and why; None if none."""
    stack = [(value, where)]
    while stack:
        item, at = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return at or "top", (
                    "holds a broken character (half of an emoji or symbol, often pasted "
                    "from another program) that cannot be stored"
                )
        elif isinstance(item, float) and not math.isfinite(item):
            return at or "top", "is not a number, or too large for one (NaN, infinity, 1e999)"
        elif isinstance(item, dict):
            for key, sub in item.items():
                stack.append((key, f"{at}.{key}".lstrip(".")))
                stack.append((sub, f"{at}.{key}".lstrip(".")))
        elif isinstance(item, list):
            stack.extend((sub, f"{at}.{i}".lstrip(".")) for i, sub in enumerate(item))
    return None


def cannot_write(path: Path, err: OSError, history: Path | None = None) -> str:
    """Plain words for an operating-system error while saving, with what to do
    (:func:`careerkit.files.why_not_written`).

    ``history``: the error came from filing the history copy in that folder, which the
    message then names (the plan file and its folder may be fine).
    """
    if history is not None and isinstance(err, PermissionError):
        advice = (
            f"you are not allowed to write in its history folder {history} (where each save "
            "keeps a copy). Check that folder's permissions, or set CAREERKIT_HOME to a "
            "folder you own"
        )
    else:
        advice = files.why_not_written(target(path), err, again="save again", elsewhere=_ELSEWHERE)
        if history is not None:
            advice += f" (it failed while filing its copy in the history folder {history})"
    return (
        f"Not saved: {path} could not be written because {advice}. "
        "Your changes are still in this notebook."
    )


_ELSEWHERE = "set CAREERKIT_HOME to a folder you own"


def refuse_read_only(path: Path) -> None:
    """A plan file marked read-only (no write permission for anyone) is never overwritten."""
    real = target(path)
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as err:
        raise PlanError(cannot_write(path, err)) from err
    if not mode & 0o222:
        raise PlanError(
            f"Not saved: {real} is marked read-only, so careerkit leaves it as it is. "
            f"To keep working in it, make it writable again (`chmod u+w {real}`, or untick "
            "'Read-only' in the file's properties) and save again."
        )


def write(path: Path, data: bytes) -> None:
    """Replace the plan file with ``data`` atomically and file a history copy of it.

    Call with the lock held. On any failure nothing changes (the history copy made for
    this save is removed again) and a PlanError says why and what to do.
    """
    real = target(path)
    refuse_read_only(path)
    tmp: Path | None = None
    copy: Path | None = None
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporary(real)
        mode = _mode(real)
        tmp = files.write_temporary(real.parent, f".{real.name}.", data, mode)
        try:
            copy = _file_history_copy(real, data, mode)
        except OSError as err:
            raise PlanError(cannot_write(path, err, history_dir(real))) from err
        os.replace(tmp, real)
        tmp = None
    except OSError as err:
        if copy is not None:
            copy.unlink(missing_ok=True)
        raise PlanError(cannot_write(path, err)) from err
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    with suppress(OSError):  # the save is done; these only make it more durable and tidy
        files.fsync_folder(real.parent)
        prune(history(real))


def _mode(real: Path) -> int:
    try:
        return real.stat().st_mode & 0o7777
    except FileNotFoundError:
        return NEW_FILE_MODE


def remove_stale_temporary(real: Path) -> None:
    """Delete temporary files a killed save left behind (call with the lock held)."""
    folders = [(real.parent, f".{real.name}.*.tmp"), (history_dir(real), ".plan-*.tmp")]
    for folder, pattern in folders:
        for stale in folder.glob(pattern) if folder.is_dir() else []:
            with suppress(OSError):
                stale.unlink()


# --- history ----------------------------------------------------------------------------


def history_dir(path: Path) -> Path:
    """The folder holding earlier versions of the plan file (beside the target)."""
    return target(path).parent / "history"


def history(path: Path) -> list[Path]:
    """Kept versions of the plan file, newest first (the newest is the current one).

    Only regular files: a folder or FIFO named like a copy is never read (it could block).
    """
    folder = history_dir(path)
    copies = folder.glob("plan-*.json") if folder.is_dir() else []
    return sorted((copy for copy in copies if copy.is_file()), reverse=True)


def snapshot_date(copy: Path) -> datetime:
    """When a history copy was taken, from its file name."""
    return datetime.strptime(copy.stem[5:20], "%Y%m%d-%H%M%S")


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def unique(folder: Path, stem: str) -> Path:
    """``folder/<stem>.json``, or with ``-2``, ``-3``... so an existing file is never reused."""
    candidate, n = folder / f"{stem}.json", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}-{n}.json"
    return candidate


def _file_history_copy(real: Path, data: bytes, mode: int, kind: str = "plan") -> Path:
    folder = history_dir(real)
    folder.mkdir(mode=0o700, exist_ok=True)  # the plan's copies: its owner's alone
    tmp = files.write_temporary(folder, ".plan-", data, mode)
    copy = unique(folder, f"{kind}-{_stamp()}")
    try:
        os.replace(tmp, copy)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return copy


def keep_copy(path: Path, kind: str) -> Path:
    """Copy the plan file as it is into history as ``<kind>-<time>.json`` (never overwriting).

    Used by restore for the damaged file (``broken``) and for a healthy current version
    that is not in history yet (``plan``). Call with the lock held.
    """
    real = target(path)
    return _file_history_copy(real, read_bytes(real), _mode(real), kind)


_COMPLETE: dict[tuple[str, int, int], bool] = {}


def complete(copy: Path) -> bool:
    """Whether a history copy holds a whole JSON object (cached by size and time)."""
    try:
        info = copy.stat()
    except OSError:
        return False
    key = (str(copy), info.st_size, info.st_mtime_ns)
    if len(_COMPLETE) > 10_000:
        _COMPLETE.clear()
    if key not in _COMPLETE:
        try:
            _COMPLETE[key] = isinstance(json.loads(read_bytes(copy)), dict)
        except (OSError, ValueError, RecursionError):
            _COMPLETE[key] = False
    return _COMPLETE[key]


def prune(copies: list[Path]) -> None:
    """Drop unreadable copies; keep the newest readable ones, then the first of each day,
    and always the very first (where the plan started: 07 compares with it).

    ``copies`` are newest first. Only complete copies count, so failed or cut-short saves
    never push good ones out.
    """
    readable = []
    for copy in copies:
        if complete(copy):
            readable.append(copy)
        else:
            copy.unlink(missing_ok=True)
    older = readable[HISTORY_RECENT:]
    first_of_day: dict[str, Path] = {}
    for copy in reversed(older):  # oldest first: a day's first copy is met first
        first_of_day.setdefault(copy.name[5:13], copy)
    kept = set(readable[:HISTORY_RECENT])
    kept.update(older[-1:])  # the plan's first copy
    for day in sorted(first_of_day, reverse=True):  # newest days first, up to the maximum
        if len(kept) >= HISTORY_MAX:
            break
        kept.add(first_of_day[day])
    for copy in older:
        if copy not in kept:
            copy.unlink()
