"""``careerkit lab`` and ``careerkit app``: one command per route, the pre-save hook always on.

The commands careerkit prints (``workshop new``, ``notebooks``) run as printed in a shell
whose PATH lacks the environment's ``bin`` (not activated), and a JupyterLab they start
saves a workbook notebook without its outputs.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from careerkit.app import launch
from careerkit.cli import main
from tests.conftest import ROOT
from tests.loopback import free_port, request

BIN = Path(sys.executable).parent
#: A PATH as in a shell where the environment is not activated.
BARE_PATH = os.pathsep.join(
    p for p in os.environ.get("PATH", "").split(os.pathsep) if p and Path(p) != BIN
)


def bare_environment(tmp_path: Path) -> dict[str, str]:
    """A shell's environment without the venv on PATH, careerkit's config or variables, and
    with its own HOME and Jupyter folders."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAREERKIT_", "JUPYTER"))}
    env["PATH"] = BARE_PATH
    for var, name in (("HOME", "home"), ("JUPYTER_CONFIG_DIR", "jc"), ("JUPYTER_DATA_DIR", "jd")):
        (tmp_path / name).mkdir(exist_ok=True)
        env[var] = str(tmp_path / name)
    env["JUPYTER_RUNTIME_DIR"] = str(tmp_path / "jd" / "runtime")
    env["PYTHONPATH"] = str(ROOT)  # this worktree's careerkit, also in the server
    return env


def printed_commands(out: str) -> list[list[str]]:
    """The command lines in a careerkit output (indented lines or after a colon)."""
    lines = re.findall(r"^(?:[ \t]+|.*:[ \t]+)(\S*(?:careerkit|jupyter|JUPYTER)\S* .*)$", out, re.M)
    return [shlex.split(os.path.expanduser(line)) for line in lines]


def runnable(first_word: str, path: str) -> bool:
    found = shutil.which(first_word, path=path)
    return found is not None and os.access(found, os.X_OK)


def make_workshop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    people = tmp_path / "people.txt"
    people.write_text("Ana López\nBo Chen\n", encoding="utf-8")
    folder = tmp_path / "spring"
    assert main(["workshop", "new", str(folder), "--participants", str(people)]) == 0
    return folder, capsys.readouterr().out


def test_the_commands_careerkit_prints_run_without_activating_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", BARE_PATH)  # careerkit run by its full path, not activated
    folder, out = make_workshop(tmp_path, capsys)
    assert main(["notebooks", str(tmp_path / "books")]) == 0
    out += capsys.readouterr().out
    commands = printed_commands(out)
    assert len(commands) == 4, out  # two from `workshop new`, two from `notebooks`
    for words in commands:
        assert runnable(words[0], BARE_PATH), f"{words[0]} is not found on a bare PATH: {out}"
        assert words[1] in ("lab", "app") and Path(words[2]).exists(), words
    participant = folder / "participants" / "ana-lopez"
    assert commands[0][1:] == ["lab", str(participant)]
    assert commands[1][1:] == ["lab", str(folder / "coach" / "cohort_summary.ipynb")]
    # Run as printed (the server is asked its version, so it stops at once).
    done = subprocess.run(
        [*commands[0], "--version"],
        env=bare_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and re.match(r"\d+\.\d+", done.stdout), done.stderr


def test_with_the_environment_on_path_the_command_is_plain_careerkit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PATH", os.pathsep.join([str(BIN), BARE_PATH]))
    assert launch.printed("lab", Path.home() / "spring" / "a b") == "careerkit lab ~/'spring/a b'"


def test_a_lab_started_as_printed_saves_the_notebooks_without_outputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", BARE_PATH)
    _, out = make_workshop(tmp_path, capsys)
    printed = printed_commands(out)[0]
    port, token = free_port(), "careerkit-test"
    server = subprocess.Popen(
        [*printed, "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
         f"--IdentityProvider.token={token}", "--ServerApp.port_retries=0"],
        env=bare_environment(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            if server.poll() is not None:
                break
            try:
                request(f"{base}/api/status?token={token}")
                break
            except urllib.error.URLError:  # not listening yet
                time.sleep(0.5)
        assert server.poll() is None, server.stderr.read() if server.stderr else ""
        path = "notebooks/03_compare.ipynb"  # the server's folder is the participant's
        status, body = request(f"{base}/api/contents/{path}?token={token}")
        assert status == 200, body
        notebook = json.loads(body)["content"]
        cell = next(c for c in notebook["cells"] if c["cell_type"] == "code")
        cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "Shortlist: X\n"}]
        cell["execution_count"] = 7
        put = {"type": "notebook", "format": "json", "content": notebook}
        assert request(f"{base}/api/contents/{path}?token={token}", "PUT", put)[0] == 200
        saved = Path(printed[2], path).read_text(encoding="utf-8")
        assert "Shortlist: X" not in saved and '"execution_count": null' in saved
    finally:
        server.terminate()
        server.wait(timeout=30)


# --- what the commands start ----------------------------------------------------------


def test_lab_opens_00_of_a_workspace_with_the_config_first(tmp_path: Path) -> None:
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "00_start.ipynb").write_text("{}", encoding="utf-8")
    mine = str(tmp_path / "my-config")
    started = launch.lab(tmp_path, ["--port=9999"], {"JUPYTER_CONFIG_PATH": mine})
    assert started.argv[:3] == [sys.executable, "-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={tmp_path}" in started.argv
    assert "--LabApp.default_url=/lab/tree/notebooks/00_start.ipynb" in started.argv
    assert started.argv[-1] == "--port=9999"
    assert ("--allow-root" in started.argv) == (os.geteuid() == 0)
    paths = started.env["JUPYTER_CONFIG_PATH"].split(os.pathsep)
    assert paths == [str(launch.CONFIG), mine]
    assert "CAREERKIT_HOME" not in started.env and started.workspace is None  # not the repo
    # Already on the path (make lab's own export, say): not twice.
    again = launch.lab(tmp_path, [], {"JUPYTER_CONFIG_PATH": str(launch.CONFIG)})
    assert again.env["JUPYTER_CONFIG_PATH"] == str(launch.CONFIG)


def test_an_option_given_replaces_ours_and_a_notebook_opens_first(tmp_path: Path) -> None:
    book = tmp_path / "cohort_summary.ipynb"
    book.write_text("{}", encoding="utf-8")
    started = launch.lab(book, ["--LabApp.default_url=/lab/tree/x.ipynb"], {})
    assert [a for a in started.argv if "default_url" in a] == [
        "--LabApp.default_url=/lab/tree/x.ipynb"
    ]
    assert f"--ServerApp.root_dir={tmp_path}" in started.argv
    assert (
        launch.lab(book, [], {}).argv.count("--LabApp.default_url=/lab/tree/cohort_summary.ipynb")
        == 1
    )


def test_lab_in_the_repository_uses_its_workspace_unless_one_is_set() -> None:
    started = launch.lab(ROOT, [], {})
    assert started.env["CAREERKIT_HOME"] == str(ROOT / "workspace") == str(started.workspace)
    assert launch.lab(ROOT, [], {"CAREERKIT_HOME": "/x"}).env["CAREERKIT_HOME"] == "/x"


def test_lab_spawned_by_jupyterhub_is_the_hubs_single_user_server(tmp_path: Path) -> None:
    hub = {"JUPYTERHUB_API_TOKEN": "t", "JUPYTERHUB_SERVICE_PREFIX": "/user/ana/"}
    started = launch.lab(tmp_path, ["--port=1234"], hub)
    assert started.argv[1:3] == ["-m", "jupyterhub.singleuser"]
    assert not [a for a in started.argv if "root_dir" in a or "default_url" in a]
    assert started.env["JUPYTER_CONFIG_PATH"] == str(launch.CONFIG)


def test_app_serves_the_notebooks_folder(tmp_path: Path) -> None:
    started = launch.app(ROOT, ["--port=8870"], {})
    assert started.argv == [
        sys.executable,
        "-m",
        "careerkit.app",
        str(ROOT / "notebooks"),
        "--port=8870",
    ]
    assert started.env["JUPYTER_CONFIG_PATH"] == str(launch.CONFIG)
    assert started.env["CAREERKIT_HOME"] == str(ROOT / "workspace")
    assert (
        launch.app(ROOT / "notebooks", [], {"CAREERKIT_HOME": "/x"}).env["CAREERKIT_HOME"] == "/x"
    )


@pytest.mark.parametrize("command", ["lab", "app"])
def test_a_wrong_folder_is_one_line(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "nowhere" in err and len(err.splitlines()) == 1
    if command == "app":
        assert main(["app", str(tmp_path)]) == 1
        assert "holds no 00_start.ipynb" in capsys.readouterr().err


def test_unknown_options_are_refused_outside_lab_and_app(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["workshop", "list", ".", "--port=1"])
    assert stop.value.code == 2 and "--port=1" in capsys.readouterr().err


def test_make_lab_and_make_app_use_the_commands() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lab = makefile.split("\nlab:")[1].split("\n\n")[0]
    app = makefile.split("\napp:")[1].split("\n\n")[0]
    assert '$(BIN)/careerkit lab "$(CURDIR)" $(LAB_ARGS)' in lab
    assert '$(BIN)/careerkit app "$(CURDIR)/notebooks" $(APP_ARGS)' in app


def test_nothing_careerkit_documents_starts_a_server_without_the_hook() -> None:
    """Every command in the README, docs/ and careerkit/ that starts JupyterLab or the app
    goes through ``careerkit lab`` / ``careerkit app``."""
    files = [ROOT / "README.md", *ROOT.glob("docs/**/*.md"), *ROOT.glob("docs/deploy/**/*")]
    files += [
        p
        for p in (ROOT / "careerkit").rglob("*.py")
        if p.relative_to(ROOT).as_posix()
        not in ("careerkit/app/voila.py", "careerkit/app/__main__.py", "careerkit/app/launch.py")
    ]
    bad = re.compile(r"`[^`\n]*(jupyter lab|jupyter-lab|python -m careerkit\.app)[^`\n]*`")
    found = [
        f"{path.relative_to(ROOT)}: {m.group(0)}"
        for path in files
        if path.is_file()
        for m in bad.finditer(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not found, "\n".join(found)
