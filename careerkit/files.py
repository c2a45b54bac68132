"""Files written atomically and privately: the one way careerkit replaces a file.

A file is written to a temporary file beside it (``.<name>.<random>.tmp``), given its
mode (private, ``0o600``, unless told otherwise), flushed to disk and renamed over the
target (``os.replace``): a reader sees the old file or the new one, never half of one,
and a failure leaves the old file as it was and no temporary file behind.
:func:`why_not_written` says in plain words why a write failed and what to do.

Used by the plan's storage, the written-down plan (exports), the coach cells' last good
versions and ``careerkit workshop gather``.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

PRIVATE = 0o600  # a person's notes: readable by their owner only


def write_atomic(
    path: Path, data: bytes, mode: int = PRIVATE, *, owner: tuple[int, int] | None = None
) -> None:
    """Replace ``path`` with ``data`` atomically, with file mode ``mode``.

    ``owner`` (uid, gid) is given to the new file before it takes the name (``sudo``
    gathering for the coach). Raises OSError; the old file is then left as it was.
    """
    tmp = write_temporary(path.parent, f".{path.name}.", data, mode, owner=owner)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_temporary(
    folder: Path, prefix: str, data: bytes, mode: int, *, owner: tuple[int, int] | None = None
) -> Path:
    """A new ``folder/<prefix><random>.tmp`` holding ``data`` (mode ``mode``), on disk;
    the caller renames it into place. Removed again if writing it fails."""
    fd, name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if hasattr(os, "fchmod"):  # POSIX; mkstemp's own mode is 0o600 anyway
                os.fchmod(handle.fileno(), mode)
            if owner is not None:
                os.fchown(handle.fileno(), *owner)
            os.fsync(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` itself durable (POSIX; nothing elsewhere)."""
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def why_not_written(
    path: Path, err: OSError, *, again: str = "try again", elsewhere: str = ""
) -> str:
    """Why ``path`` could not be written and what to do, to follow "could not be written
    because": a full or read-only disk, a permission, or what the system said.

    ``again`` is how to retry ("save again"); ``elsewhere`` how to work in another folder
    instead (e.g. "set CAREERKIT_HOME to a folder you own"), offered for a read-only disk
    and a missing permission.
    """
    instead = f", or {elsewhere}" if elsewhere else ""
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full. Free some space (empty the trash), then {again}"
    if err.errno == errno.EROFS:
        return f"the disk is read-only. Work in a folder on a disk you can write{instead}"
    if isinstance(err, PermissionError):
        return (
            f"you are not allowed to change it or its folder {path.parent}. Check the "
            f"permissions (or the file's 'immutable'/'locked' flag){instead}"
        )
    at = f" at {err.filename}" if err.filename and str(err.filename) != str(path) else ""
    return f"the system said: {err.strerror or err}{at}. Check the disk and {again}"
