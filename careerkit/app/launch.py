"""``careerkit lab`` and ``careerkit app``: start JupyterLab or the app with the pre-save hook on.

Both put careerkit's Jupyter config (``careerkit/app/jupyter-config``: the hook that keeps
answers out of the notebooks, Voila's cell tags) on ``JUPYTER_CONFIG_PATH`` before the
server starts, so the hook is on however the person reached the command: ``make lab``, the
command ``careerkit workshop new`` prints, or a JupyterHub spawning ``careerkit lab``.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from careerkit import paths

CONFIG = Path(__file__).parent / "jupyter-config"
FIRST_STEP = "00_start.ipynb"
#: Variables JupyterHub gives the servers it spawns: then ``careerkit lab`` is that server.
HUB_VARIABLES = ("JUPYTERHUB_API_TOKEN", "JUPYTERHUB_SERVICE_PREFIX")


class LaunchError(ValueError):
    """A folder or notebook that ``careerkit lab`` / ``careerkit app`` cannot open."""


@dataclass(frozen=True)
class Launch:
    """A server to start: its command line and its environment."""

    argv: list[str]
    env: dict[str, str]
    workspace: Path | None = None  # the repository's workspace/, made before starting

    def run(self) -> None:
        """Replace this process by the server (its Ctrl+C and exit status are the server's),
        after making the repository's workspace folder, as ``make lab`` does."""
        if self.workspace is not None:
            self.workspace.mkdir(parents=True, exist_ok=True)
        os.execve(self.argv[0], self.argv, self.env)


def command() -> str:
    """The first word of a ``careerkit`` command a person can type: ``careerkit`` when the
    shell finds this installation's, else the full path of this environment's one."""
    ours = Path(sys.executable).parent / "careerkit"
    found = shutil.which("careerkit")
    if found and ours.exists() and Path(found).resolve() == ours.resolve():
        return "careerkit"
    return shlex.quote(str(ours)) if ours.exists() else "careerkit"


def printed(subcommand: str, target: Path) -> str:
    """``careerkit SUBCOMMAND TARGET`` as a person can type it (the path quoted for a shell;
    ``~`` is left outside the quotes so the shell expands it)."""
    shown = paths.shown(target.expanduser().absolute())
    home, rest = ("~/", shown[2:]) if shown.startswith("~/") else ("", shown)
    return f"{command()} {subcommand} {home}{shlex.quote(rest)}"


def environment(base: Mapping[str, str], home: Path | None = None) -> dict[str, str]:
    """``base`` with careerkit's Jupyter config first on ``JUPYTER_CONFIG_PATH`` (the
    person's own folders stay after it) and ``CAREERKIT_HOME`` set to ``home`` when given."""
    env = dict(base)
    given = env.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep)
    others = [p for p in given if p and Path(p).absolute() != CONFIG.absolute()]
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join([str(CONFIG), *others])
    if home is not None:
        env["CAREERKIT_HOME"] = str(home)
    return env


def _checkout_workspace(folder: Path, base: Mapping[str, str]) -> Path | None:
    """``FOLDER/workspace`` for careerkit's own repository (as ``make lab`` sets it) when no
    ``CAREERKIT_HOME`` is set; else None (a participant folder names its own workspace)."""
    if base.get("CAREERKIT_HOME") or not (folder / "pyproject.toml").is_file():
        return None
    if not (folder / "notebooks" / FIRST_STEP).is_file():
        return None
    return folder / "workspace"


def _merged(ours: list[str], given: list[str]) -> list[str]:
    """``ours`` then ``given``; an option the person gives replaces ours (traitlets refuses
    one given twice)."""
    names = {o.split("=", 1)[0] for o in given if o.startswith("--")}
    return [*(o for o in ours if o.split("=", 1)[0] not in names), *given]


def _existing(path: Path) -> Path:
    path = path.expanduser().absolute()
    if not path.exists():
        raise LaunchError(
            f"{path}: no such folder or notebook; give the folder holding the workbook's "
            f"notebooks (or one notebook), e.g. `careerkit lab ~/spring/participants/ana`."
        )
    return path


def lab(target: Path, options: list[str], base: Mapping[str, str] | None = None) -> Launch:
    """JupyterLab on ``target``: a notebook (opened first), or a folder, whose
    ``notebooks/00_start.ipynb`` or ``00_start.ipynb`` opens first when there is one."""
    base = os.environ if base is None else base
    target = _existing(target)
    root, first = (target.parent, target.name) if target.is_file() else (target, None)
    if first is None:
        for candidate in (f"notebooks/{FIRST_STEP}", FIRST_STEP):
            if (root / candidate).is_file():
                first = candidate
                break
    spawned = all(base.get(v) for v in HUB_VARIABLES)
    # Spawned by JupyterHub: the hub's single-user server (it gives the address and options).
    server = ["-m", "jupyterhub.singleuser"] if spawned else ["-m", "jupyterlab"]
    ours = [] if spawned else [f"--ServerApp.root_dir={root}"]  # the hub's: the user's home
    if first and not spawned:
        ours.append(f"--LabApp.default_url=/lab/tree/{first}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        ours.append("--allow-root")  # Jupyter refuses root without it (containers, CI)
    workspace = None if spawned else _checkout_workspace(root, base)
    env = environment(base, workspace)
    return Launch([sys.executable, *server, *_merged(ours, options)], env, workspace)


def app(target: Path, options: list[str], base: Mapping[str, str] | None = None) -> Launch:
    """The no-code app (:mod:`careerkit.app.voila`) on the notebooks in ``target`` or in
    ``target/notebooks``."""
    base = os.environ if base is None else base
    target = _existing(target)
    folder = target.parent if target.is_file() else target
    if not (folder / FIRST_STEP).is_file() and (folder / "notebooks" / FIRST_STEP).is_file():
        folder = folder / "notebooks"
    if not (folder / FIRST_STEP).is_file():
        raise LaunchError(
            f"{folder}: holds no {FIRST_STEP}; give the folder of the workbook's notebooks "
            f"(or the one holding notebooks/), e.g. `careerkit notebooks DIR` makes one."
        )
    home = _checkout_workspace(folder.parent, base) if folder.name == "notebooks" else None
    args = [sys.executable, "-m", "careerkit.app", str(folder), *options]
    return Launch(args, environment(base, home), home)
