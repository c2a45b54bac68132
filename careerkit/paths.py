"""Where careerkit finds its bundled data and the person's workspace."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

#: The repository's ``data/`` folder (careerkit is installed editable from the repository).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def workspace() -> Path:
    """The person's workspace folder: ``$CAREERKIT_HOME``, else the user data folder.

    ``make lab`` sets ``CAREERKIT_HOME`` to the repository's git-ignored ``workspace/``.
    """
    home = os.environ.get("CAREERKIT_HOME")
    folder = Path(home).expanduser() if home else platformdirs.user_data_path("careerkit")
    return folder


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
