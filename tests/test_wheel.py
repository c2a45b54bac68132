"""careerkit installed the ordinary way: a wheel in a fresh environment, used from elsewhere.

One wheel is built from a copy of the sources and installed (without ``-e``) into a new
virtual environment; careerkit's dependencies are taken from the test environment (a
path line in the new one), so nothing but the build backend comes from the network.
Everything then runs outside the repository: the catalogue loads, ``careerkit notebooks``
copies the notebooks, one runs in a kernel of the new environment, and a Jupyter server
set up by ``docs/deploy/jupyterhub/install.sh`` serves them, pulled with nbgitpuller.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import nbformat
import pytest

from tests.conftest import ROOT
from tests.loopback import free_port, request

DEPLOY = ROOT / "docs" / "deploy" / "jupyterhub"
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "*.lock")


def _run(*args: object, **kwargs) -> str:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=300, **kwargs
    )
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _shipped(folder: str) -> set[str]:
    """The repository's files under ``folder`` that belong in the wheel."""
    base = ROOT / folder
    files = set()
    for path in base.rglob("*"):
        parts = path.relative_to(base).parts
        if path.is_file() and not any(p in ("__pycache__", ".ipynb_checkpoints") for p in parts):
            if path.suffix not in (".pyc", ".lock"):
                files.add("/".join(parts))
    return files


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for folder in ("careerkit", "data", "notebooks"):
        shutil.copytree(ROOT / folder, source / folder, ignore=SKIP)
    for file in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / file, source / file)
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", out, source)
    return next(out.glob("careerkit-*.whl"))


@pytest.fixture(scope="module")
def env(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with careerkit installed from the wheel; its ``python``."""
    folder = tmp_path_factory.mktemp("venv")
    base = getattr(sys, "_base_executable", sys.executable)
    _run(base, "-m", "venv", "--without-pip", folder)
    python = folder / "bin" / "python"
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
    # The dependencies: this environment's packages, after the new one's own.
    (Path(purelib.strip()) / "test-dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel)
    return python


def _outside(tmp_path: Path) -> dict[str, str]:
    """Environment variables for a run in ``tmp_path``: own HOME and workspace."""
    (tmp_path / "home").mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAREERKIT_", "PYTHON"))}
    env |= {"HOME": str(tmp_path / "home"), "CAREERKIT_HOME": str(tmp_path / "plan")}
    env.pop("JUPYTER_CONFIG_PATH", None)
    return env


def test_the_wheel_holds_the_code_the_data_and_the_notebooks(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, inside in (("careerkit", ""), ("data", "data/"), ("notebooks", "notebooks/")):
        expected = {f"careerkit/{inside}{name}" for name in _shipped(folder)}
        assert expected and not expected - names, f"missing: {sorted(expected - names)}"


def test_installed_careerkit_loads_the_catalogue_outside_the_repository(
    env: Path, tmp_path: Path
) -> None:
    script = """
import json, careerkit
from careerkit import paths, workbook
from careerkit.steps import start
print(json.dumps({
    "module": careerkit.__file__,
    "catalogue": str(workbook.catalog_in_force()),
    "occupations": len(careerkit.load_catalog()),
    "steps": [s.file for s in start.route()],
    "checks": [[c.name, c.ok, c.detail] for c in start.check_setup()],
}))
"""
    found = json.loads(_run(env, "-c", script, cwd=tmp_path, env=_outside(tmp_path)))
    prefix = str(env.parent.parent)
    assert found["module"].startswith(prefix) and found["catalogue"].startswith(prefix)
    bundled = (ROOT / "data" / "catalog" / "occupations.csv").read_text(encoding="utf-8")
    assert found["occupations"] == len(bundled.strip().splitlines()) - 1
    assert found["steps"] == sorted(p.name for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))
    assert [c for c in found["checks"] if not c[1]] == []


def test_installed_notebooks_run_in_a_kernel_of_the_new_environment(
    env: Path, tmp_path: Path
) -> None:
    variables = _outside(tmp_path)
    books = tmp_path / "books"
    said = _run(env.parent / "careerkit", "notebooks", books, cwd=tmp_path, env=variables)
    assert "Copied 8 notebook(s)" in said
    # The command it prints runs from any shell: this environment's careerkit, by full path.
    lab = next(line.split() for line in said.splitlines() if " lab " in line)
    assert lab == [str(env.parent / "careerkit"), "lab", str(books)], said
    notebook = nbformat.read(books / "00_start.ipynb", as_version=4)
    notebook.cells.append(
        nbformat.v4.new_code_cell(
            "import sys\nprint(careerkit.__file__, len(careerkit.load_catalog()))"
        )
    )
    nbformat.write(notebook, books / "00_start.ipynb")
    script = """
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=180, resources={"metadata": {"path": sys.argv[2]}}).execute()
nbformat.write(nb, sys.argv[1])
"""
    _run(env, "-c", script, books / "00_start.ipynb", books, cwd=tmp_path, env=variables)
    ran = nbformat.read(books / "00_start.ipynb", as_version=4)
    outputs = [o for cell in ran.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    last = "".join(o.get("text", "") for o in ran.cells[-1].outputs).split()
    assert last[0].startswith(str(env.parent.parent)) and int(last[1]) > 900
    assert (tmp_path / "plan" / "plan.json").is_file()  # the plan went to CAREERKIT_HOME


# --- JupyterHub (The Littlest JupyterHub): docs/deploy/jupyterhub ----------------------


def _spawner_environment() -> dict[str, str]:
    """The environment ``careerkit.py`` gives every user's server, read as JupyterHub does."""
    from traitlets.config import Config

    config = Config()
    code = (DEPLOY / "careerkit.py").read_text(encoding="utf-8")
    exec(compile(code, "careerkit.py", "exec"), {"get_config": lambda: config, "c": config})
    value = config.Spawner.environment  # .update() on it: merged into the hub's own
    assert config.Spawner.default_url == "/lab"
    # Each user's server is `careerkit lab` from TLJH's user environment: the hook is on.
    assert config.Spawner.cmd == ["/opt/tljh/user/bin/careerkit", "lab"]
    return dict(value.get_value({}) if hasattr(value, "get_value") else value)


def test_the_hub_files_parse_and_agree() -> None:
    from packaging.requirements import Requirement

    from careerkit import workshop
    from careerkit.steps.compare import setup as compare_setup

    environment = _spawner_environment()
    assert set(environment) == {"CAREERKIT_WORKSHOP", "CAREERKIT_HOME"}
    installed = (DEPLOY / "install.sh").read_text(encoding="utf-8")
    shared = environment["CAREERKIT_WORKSHOP"]
    assert shared == "/srv/careerkit/workshop.toml" and "SHARED:-/srv/careerkit}" in installed
    _run("bash", "-n", DEPLOY / "install.sh")
    details = workshop.read_details(DEPLOY / "workshop.toml")
    assert details.title and details.date and details.catalog == workshop.BUNDLED
    assert compare_setup.read_workshop(DEPLOY / "workshop.toml")  # its [scoring] table is valid
    lines = (DEPLOY / "requirements.txt").read_text(encoding="utf-8").splitlines()
    wanted = [Requirement(line.split("#")[0]) for line in lines if line.split("#")[0].strip()]
    assert [r.name for r in wanted] == ["nbgitpuller"]


@pytest.fixture(scope="module")
def hub(env: Path, wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """install.sh run on the new environment, as on a TLJH machine; the folder of its parts."""
    root = tmp_path_factory.mktemp("tljh")
    variables = _outside(root) | {
        "USER_ENV": str(env.parent.parent),
        "HUB_CONFIG": str(root / "hub"),
        "SHARED": str(root / "srv"),
    }
    _run("bash", DEPLOY / "install.sh", wheel, env=variables, cwd=root)
    return root


def test_a_users_server_serves_the_workbook_pulled_with_nbgitpuller(
    env: Path, hub: Path, tmp_path: Path
) -> None:
    assert (hub / "hub" / "careerkit.py").is_file() and (hub / "srv" / "workshop.toml").is_file()
    # The coach's repository of notebooks, as nbgitpuller links name it.
    repo = tmp_path / "workbook"
    shutil.copytree(ROOT / "notebooks", repo / "notebooks", ignore=SKIP)
    git = ["git", "-C", repo, "-c", "user.name=coach", "-c", "user.email=coach@example.org"]
    _run(*git, "init", "-q", "-b", "main")
    _run(*git, "add", ".")
    _run(*git, "commit", "-q", "-m", "workbook")
    # A user's server, with the environment the hub gives it.
    home = tmp_path / "user"
    home.mkdir()
    variables = _outside(tmp_path) | _spawner_environment() | {"HOME": str(home)}
    variables["CAREERKIT_WORKSHOP"] = str(hub / "srv" / "workshop.toml")  # not /srv here
    port, token = free_port(), "careerkit-test"
    server = subprocess.Popen(
        [env, "-m", "jupyter_server", "--no-browser", f"--ServerApp.port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={home}", "--ServerApp.allow_root=True"],
        env=variables, cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if server.poll() is not None or request(f"{base}/api/status?token={token}"):
                    break
            except urllib.error.URLError:  # not listening yet
                time.sleep(0.5)
        assert server.poll() is None, server.stderr.read() if server.stderr else ""
        # nbgitpuller's link opens /git-pull; its page then calls this API.
        status, said = request(
            f"{base}/git-pull/api?repo={repo}&branch=main&targetpath=workbook&token={token}"
        )
        assert status == 200 and '"phase": "finished"' in said, said
        path = "workbook/notebooks/00_start.ipynb"
        status, body = request(f"{base}/api/contents/{path}?token={token}")
        assert status == 200, body
        notebook = json.loads(body)["content"]
        assert notebook["metadata"]["careerkit"]["private_outputs"]
        # Saved through the server: without outputs (install.sh set the pre-save hook).
        cell = next(c for c in notebook["cells"] if c["cell_type"] == "code")
        cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "Ana Lopez\n"}]
        cell["execution_count"] = 1
        put = {"type": "notebook", "format": "json", "content": notebook}
        assert request(f"{base}/api/contents/{path}?token={token}", "PUT", put)[0] == 200
        saved = (home / path).read_text(encoding="utf-8")
        assert "Ana Lopez" not in saved and '"execution_count": null' in saved
    finally:
        server.terminate()
        server.wait(timeout=30)
    # A kernel of that user runs in the notebook's folder: their plan in ~/careerkit-plan,
    # started from the hub's one workshop file.
    script = """
import json
from careerkit import open_plan, paths
plan = open_plan()
print(json.dumps([str(plan.path), str(paths.workshop_file()), plan.profile.workshop]))
"""
    notebooks = home / "workbook" / "notebooks"
    found = json.loads(_run(env, "-c", script, cwd=notebooks, env=variables))
    assert found == [
        str(home / "careerkit-plan" / "plan.json"),
        variables["CAREERKIT_WORKSHOP"],
        "Career workshop",
    ]
