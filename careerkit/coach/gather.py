"""``careerkit workshop gather``: read-only copies of plans kept elsewhere, for the cohort summary.

On a JupyterHub each participant's plan is in their own home (``~/careerkit-plan``); the
cohort summary reads ``DIR/participants/*/plan.json``. Gathering copies each plan matching a
pattern into ``DIR/participants/<owner>/plan.json``, readable by the coach only, and never
writes, locks or follows a link at the source (the cohort summary's own rules).
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

from careerkit import files, paths
from careerkit.coach import workshop_setup
from careerkit.coach.cohort import MAX_BYTES
from careerkit.plan import storage

COPY_MODE = 0o400  # read-only, for the person who gathered
FOLDER_MODE = 0o700


class GatherError(ValueError):
    """A pattern that finds no plan, or a folder the copies cannot go to."""


@dataclass(frozen=True)
class Gathered:
    """What one gathering did: copies made (folder name, source) and files skipped (why)."""

    folder: Path
    copied: tuple[tuple[str, Path], ...]
    skipped: tuple[tuple[Path, str], ...]

    def __str__(self) -> str:
        where = self.folder / paths.PARTICIPANTS
        lines = [f"Gathered {len(self.copied)} plan(s) into {where} (read-only copies):"]
        lines += [f"  {name}: {source}" for name, source in self.copied]
        lines += [f"Skipped {source}: {why}" for source, why in self.skipped]
        lines.append(f"The cohort summary reads them with WORKSHOP = {str(self.folder)!r}.")
        return workshop_setup.printable("\n".join(lines))


def owner_part(pattern: str) -> int:
    """The index of the pattern's first path part holding a wildcard: it names the owner
    (``/home/*/careerkit-plan/plan.json`` -> the home folder's name)."""
    for index, part in enumerate(Path(pattern).parts):
        if glob.has_magic(part):
            return index
    raise GatherError(
        f"{pattern!r} has no wildcard to tell the participants apart; write it with a * "
        "where their names differ, e.g. '/home/*/careerkit-plan/plan.json' (in quotes)."
    )


def _read(source: Path) -> bytes:
    """The file's bytes, read as the cohort summary reads a plan (the plan's own reader,
    :func:`careerkit.plan.storage.read_bytes`): no links, no devices, nothing over
    :data:`MAX_BYTES`. Raises OSError or ValueError saying why not."""
    try:
        return storage.read_bytes(source, follow_links=False, max_bytes=MAX_BYTES)
    except storage.NotFollowed:
        raise ValueError("it is a symbolic link, which is not followed") from None
    except storage.TooLarge as err:
        raise ValueError(
            f"it is {storage.megabytes(err.size)}, over the {storage.megabytes(err.limit)} "
            "a plan can be"
        ) from None
    except storage.NotRegular:
        raise ValueError("it is not a regular file") from None


def _caller() -> tuple[int, int] | None:
    """Under sudo, the copies belong to the person who typed sudo (the coach), not root."""
    uid, gid = os.environ.get("SUDO_UID"), os.environ.get("SUDO_GID")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and uid and gid:
        return int(uid), int(gid)
    return None


def _write(target: Path, data: bytes) -> None:
    """``target`` replaced atomically by a read-only copy holding ``data``; a GatherError
    says why it could not be written."""
    try:
        files.write_atomic(target, data, COPY_MODE, owner=_caller())
    except OSError as err:
        why = files.why_not_written(target, err, again="gather again")
        raise GatherError(f"{target} could not be written because {why}.") from err


def _folder(path: Path) -> None:
    if not path.is_dir():
        path.mkdir(mode=FOLDER_MODE, parents=True)
        owner = _caller()
        if owner is not None:
            os.chown(path, *owner)


def gather(folder: Path, pattern: str) -> Gathered:
    """Copy every file matching ``pattern`` (a glob) into ``folder/participants/<owner>/``."""
    index = owner_part(os.path.expanduser(pattern))
    sources = sorted(Path(p) for p in glob.glob(os.path.expanduser(pattern)))
    if not sources:
        raise GatherError(
            f"no file matches {pattern!r}; check the pattern (in quotes, so the shell leaves "
            "the * to careerkit) and that you may read the participants' folders (sudo)."
        )
    people = folder.expanduser() / paths.PARTICIPANTS
    _folder(folder.expanduser())
    _folder(people)
    copied: list[tuple[str, Path]] = []
    skipped: list[tuple[Path, str]] = []
    for source in sources:
        try:
            name = workshop_setup.unique_name(source.parts[index], (n for n, _ in copied))
            data = _read(source)
        except (OSError, ValueError) as why:
            skipped.append((source, getattr(why, "strerror", None) or str(why)))
            continue
        _folder(people / name)
        _write(people / name / paths.PLAN_FILE, data)
        copied.append((name, source))
    return Gathered(folder.expanduser(), tuple(copied), tuple(skipped))
