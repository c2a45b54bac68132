"""Where careerkit finds its bundled data and the person's workspace.

The one owner of the names on disk: the plan file (``plan.json``), the workshop file
(``workshop.toml``) and the coach's stepping stones beside it, a workshop's
``participants/`` folder and the variables that move them; everything else uses these
names and functions instead of spelling them again.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    """``careerkit/<name>/`` of an installed wheel, else the repository's ``<name>/`` (an
    editable install): pyproject.toml packs the repository's top-level ``data/`` and
    ``notebooks/`` into the wheel as ``careerkit/data/`` and ``careerkit/notebooks/``.
    """
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


#: The bundled data: catalogue, skills table, interest items, the sample persona.
DATA_DIR = _shipped("data")
#: The workbook's notebooks, as shipped (each person works on their own copy).
NOTEBOOKS_DIR = _shipped("notebooks")
#: The person's plan, in their workspace (one per participant in a workshop).
PLAN_FILE = "plan.json"
#: A workshop folder holds this file, and one workspace per person in ``participants/``.
WORKSHOP_FILE = "workshop.toml"
PARTICIPANTS = "participants"
#: A coach's own stepping stones (from, target, stone, note), beside the workshop file.
STEPPING_STONES_FILE = "stepping-stones.csv"
#: Names one workshop file for a whole JupyterHub (or, for the coach's cohort summary, the
#: workshop whose folder holds it).
WORKSHOP_ENV = "CAREERKIT_WORKSHOP"


def workspace() -> Path:
    """The person's workspace folder, most specific first:

    1. the workshop participant's workspace the notebook runs in (see
       :func:`participant_folder`), whatever ``CAREERKIT_HOME`` says: where the notebook
       was opened names the person, and two participants never share one plan;
    2. ``$CAREERKIT_HOME`` (``make lab`` sets it to the repository's ``workspace/``; on a
       JupyterHub, e.g. ``~/careerkit``: ``~`` is each person's home);
    3. the user data folder (e.g. ``~/.local/share/careerkit``).
    """
    member = _running_in()
    if member:
        return member
    home = os.environ.get("CAREERKIT_HOME")
    if home:
        return Path(home).expanduser()
    return platformdirs.user_data_path("careerkit")


def _running_in() -> Path | None:
    """The participant workspace holding the current folder (a notebook's kernel runs in
    the notebook's folder), or None."""
    try:
        return participant_folder(Path.cwd())
    except OSError:  # the current folder was deleted
        return None


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


def workshop_folder(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` holding a ``workshop.toml`` (where a coach's
    notebook in ``DIR/coach/`` finds its workshop), or None."""
    path = path.absolute()
    return next((f for f in (path, *path.parents) if (f / WORKSHOP_FILE).is_file()), None)


def shown(path: Path) -> str:
    """A path as the person would type it: ``~/careerkit/plan.json`` under their home."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def plan_path() -> Path:
    """The plan file: ``plan.json`` of the participant workspace the notebook runs in,
    else ``$CAREERKIT_PLAN``, else ``plan.json`` in the workspace (:func:`workspace`)."""
    plan = os.environ.get("CAREERKIT_PLAN")
    if plan and not _running_in():
        return Path(plan).expanduser()
    return workspace() / PLAN_FILE


def workshop_file() -> Path:
    """The workshop file in force, most specific first: ``workshop.toml`` in the workspace;
    for a participant workspace, the workshop folder's (``DIR`` of ``DIR/participants/x``);
    ``$CAREERKIT_WORKSHOP`` (one file for a whole JupyterHub). Without any, the workspace's
    (which does not exist: careerkit's defaults apply).
    """
    home = workspace()
    own = home / WORKSHOP_FILE
    if own.exists():
        return own
    member = participant_folder(home)
    if member:
        return member.parent.parent / WORKSHOP_FILE
    shared = os.environ.get(WORKSHOP_ENV)
    return Path(shared).expanduser() if shared else own


def exports_dir() -> Path:
    """Folder for exported reports and calendar files, created on demand."""
    folder = plan_path().parent / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
