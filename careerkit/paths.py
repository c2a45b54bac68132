"""Where careerkit finds its bundled data and the person's workspace."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

#: The repository's ``data/`` folder (careerkit is installed editable from the repository).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
#: A workshop folder holds this file, and one workspace per person in ``participants/``.
WORKSHOP_FILE = "workshop.toml"
PARTICIPANTS = "participants"


def workspace() -> Path:
    """The person's workspace folder: ``$CAREERKIT_HOME``, else the participant workspace
    the notebook runs in (see :func:`participant_folder`), else the user data folder.

    ``make lab`` sets ``CAREERKIT_HOME`` to the repository's git-ignored ``workspace/``.
    """
    home = os.environ.get("CAREERKIT_HOME")
    if home:
        return Path(home).expanduser()
    try:
        member = participant_folder(Path.cwd())
    except OSError:  # the current folder was deleted
        member = None
    return member or platformdirs.user_data_path("careerkit")


def participant_folder(path: Path) -> Path | None:
    """The participant workspace holding ``path`` (``DIR/participants/<name>/``, where
    ``DIR`` has a ``workshop.toml``), or None outside a workshop made by ``careerkit workshop``.
    """
    path = path.absolute()
    for folder in (path, *path.parents):
        parent = folder.parent
        if parent.name == PARTICIPANTS and (parent.parent / WORKSHOP_FILE).is_file():
            return folder
    return None


def shown(path: Path) -> str:
    """A path as the person would type it: ``~/careerkit/plan.json`` under their home."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def plan_path() -> Path:
    """The plan file: ``$CAREERKIT_PLAN``, else ``plan.json`` in the workspace."""
    plan = os.environ.get("CAREERKIT_PLAN")
    return Path(plan).expanduser() if plan else workspace() / "plan.json"


def exports_dir() -> Path:
    """Folder for exported reports and calendar files, created on demand."""
    folder = plan_path().parent / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
