"""The workbook as a no-code app (``make app``) and in JupyterLab (``make lab``): cell tags,
"Next" links and the servers' settings."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import nbformat
import psutil
import pytest
from jupyter_server.serverapp import list_running_servers
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor
from traitlets.config import Config

from careerkit.steps.start import route
from tests.conftest import PERSONA, ROOT

NOTEBOOKS = ROOT / "notebooks"
CONFIG = ROOT / "careerkit" / "app" / "jupyter-config"
# jupyter-book's tags (issue 22): remove-cell leaves a cell out of the app, remove-input runs
# it with its source hidden; a coach's older notebook still uses careerkit's own names.
LAB_ONLY, COACH = "remove-cell", "remove-input"
OLD_LAB_ONLY, OLD_COACH = "jupyterlab-only", "coach"
# Text that only makes sense where cells can be run or edited: the app runs no code.
LAB_WORDS = ("Run the cells", "Run All", "Shift</kbd>+<kbd>Enter", "Edit this cell")
LAB_WORDS += ("restore_plan(", "in a cell", "run this cell", "run the cell")


def notebooks() -> list[Path]:
    found = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    assert found, f"no notebooks in {NOTEBOOKS}"
    return found


def tags(cell: nbformat.NotebookNode) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_jupyterlab_shows_first_one_line_saying_run_all(path: Path) -> None:
    first = nbformat.read(path, as_version=4).cells[0]
    assert first.cell_type == "markdown" and tags(first) == {LAB_ONLY}
    assert "▶▶" in first.source  # the toolbar's "restart and run all" symbol
    assert "Run All Cells" in first.source
    assert "\n" not in first.source.strip()


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_text_for_jupyterlab_or_coaches_is_tagged(path: Path) -> None:
    for cell in nbformat.read(path, as_version=4).cells:
        for words in LAB_WORDS:
            if words in cell.source:
                assert tags(cell) & {LAB_ONLY, COACH}, f"{path.name}: untagged {words!r}"


def test_each_step_links_to_the_next_and_every_link_works() -> None:
    steps = route()
    assert steps, "no steps"
    for step, following in zip(steps, [*steps[1:], None], strict=True):
        text = "\n".join(c.source for c in nbformat.read(NOTEBOOKS / step.file, as_version=4).cells)
        links = re.findall(r"\]\(([^)#]+\.ipynb)\)", text)
        if following:  # relative links: Voila's /voila/render/ and JupyterLab both resolve them
            assert f"[{following.number} {following.title}]({following.file})" in text, step.file
        assert all((NOTEBOOKS / link).is_file() and "/" not in link for link in links), links


def tag_settings(name: str) -> dict:
    return json.loads((CONFIG / name).read_text(encoding="utf-8"))["TagRemovePreprocessor"]


def test_voila_alone_and_as_a_server_extension_hide_the_same_cells() -> None:
    """Standalone Voila reads voila.json; Voila inside a Jupyter server (make app, and the
    "Render with Voila" button in JupyterLab) hands the server's config to its exporter."""
    settings = tag_settings("voila.json")
    assert settings == tag_settings("jupyter_server_config.json")
    assert settings["remove_cell_tags"] == [LAB_ONLY, OLD_LAB_ONLY]
    assert settings["remove_input_tags"] == [COACH, OLD_COACH]


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_the_notebooks_use_the_tags_jupyter_book_knows(path: Path) -> None:
    used = set().union(*(tags(cell) for cell in nbformat.read(path, as_version=4).cells))
    assert used <= {LAB_ONLY, COACH}, f"{path.name} uses {used - {LAB_ONLY, COACH}}"
    for cell in nbformat.read(path, as_version=4).cells:  # a note has no input to hide alone
        assert not (cell.cell_type == "markdown" and COACH in tags(cell)), cell.source


def test_a_coachs_older_notebook_with_careerkits_own_tags_still_works() -> None:
    """Cells tagged ``jupyterlab-only`` and ``coach`` (before issue 22) are hidden as before."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("Press Run All now", metadata={"tags": [OLD_LAB_ONLY]}),
        nbformat.v4.new_markdown_cell("Coach note: weights", metadata={"tags": [OLD_COACH]}),
        nbformat.v4.new_code_cell("COACH_WEIGHT = 41 + 1", metadata={"tags": [OLD_COACH]}),
        nbformat.v4.new_markdown_cell("Everyone reads this"),
    ]
    config = Config({"TagRemovePreprocessor": tag_settings("voila.json")})
    html, _ = HTMLExporter(config=config, template_name="lab").from_notebook_node(nb)
    assert "Everyone reads this" in html
    assert "Run All" not in html and "Coach note" not in html and "COACH_WEIGHT" not in html
    ran, _ = TagRemovePreprocessor(config=config, enabled=True).preprocess(copy.deepcopy(nb), {})
    assert [c.source for c in ran.cells if c.cell_type == "code"] == ["COACH_WEIGHT = 41 + 1"]


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_the_app_leaves_out_lab_text_but_keeps_coach_code_to_run(path: Path) -> None:
    """What Voila's exporter (an nbconvert HTML exporter) does with the settings."""
    nb = nbformat.read(path, as_version=4)
    config = Config({"TagRemovePreprocessor": tag_settings("voila.json")})
    html, _ = HTMLExporter(config=config, template_name="lab").from_notebook_node(nb)
    for cell in nb.cells:
        if tags(cell) & {LAB_ONLY, COACH} and cell.cell_type == "markdown":
            assert cell.source.splitlines()[0] not in html, f"{path.name} shows {cell.source!r}"
    for words in LAB_WORDS:
        assert words not in html, f"{path.name} shows {words!r} in the app"
    # The cells Voila then runs: coach code stays (hidden), so its definitions take effect.
    ran, _ = TagRemovePreprocessor(config=config, enabled=True).preprocess(copy.deepcopy(nb), {})
    coach_code = [c.source for c in nb.cells if c.cell_type == "code" and COACH in tags(c)]
    assert all(any(c.source == code for c in ran.cells) for code in coach_code)
    if path.name == "03_compare.ipynb":
        assert len(coach_code) == 2, "03's CRITERIA and score() cells are tagged coach"


def test_make_lab_and_make_app_start_at_00() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lab = makefile.split("\nlab:")[1].split("\n\n")[0]
    app = makefile.split("\napp:")[1].split("\n\n")[0]
    # careerkit lab on the whole folder, so workspace/ shows in the file browser; it opens
    # notebooks/00_start (careerkit/app/launch.py, tests/app/test_launch.py).
    assert 'careerkit lab "$(CURDIR)"' in lab
    assert "$(LAB_ARGS)" in lab and "LAB_ARGS ?=" in makefile
    # careerkit app -> careerkit.app serves the notebooks folder; its address leads to 00.
    assert 'careerkit app "$(CURDIR)/notebooks"' in app
    assert "$(APP_ARGS)" in app


# --- the app's server: its address, its files, its stop ----------------------------------

ADDRESS = re.compile(r"running at:\s*\n(http://\S+)")
NOT_SERVED = (".png", ".svg")  # files Voila 0.5 serves from /voila/files/ by default
SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def status(url: str) -> int:
    """The HTTP status of ``url``, redirects not followed (a login page is not the file)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(url, timeout=30) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


@dataclasses.dataclass
class Started:
    process: subprocess.Popen
    log: Path
    port: int
    runtime: Path

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, found: Callable[[str], object], what: str, timeout: float = 300) -> object:
        """Until ``found(log)`` is true; fail with the log if the process ended or hung."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if value := found(self.text()):
                return value
            assert self.process.poll() is None, f"the server exited:\n{self.text()[-3000:]}"
            time.sleep(0.3)
        raise AssertionError(f"never saw {what}:\n{self.text()[-3000:]}")


def server_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "CAREERKIT"))}
    for name in ("home", "runtime", "data", "workspace"):
        (tmp_path / name).mkdir(exist_ok=True)
    shutil.copy(PERSONA, tmp_path / "workspace" / "plan.json")
    return {
        **env,
        "HOME": str(tmp_path / "home"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTER_DATA_DIR": str(tmp_path / "data"),
        "JUPYTER_CONFIG_PATH": str(CONFIG),
        "CAREERKIT_HOME": str(tmp_path / "workspace"),
        "PYTHONPATH": str(ROOT),
    }


@contextlib.contextmanager
def started(tmp_path: Path, args: list[str]) -> Iterator[Started]:
    """A server (``python -m ...``) in its own session, killed at the end whatever happens."""
    port, log = free_port(), tmp_path / "server.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", *args, f"--port={port}", "--no-browser"],
            env=server_env(tmp_path),
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Started(process, log, port, tmp_path / "runtime")
    try:
        yield server
    finally:
        children = []
        with contextlib.suppress(psutil.NoSuchProcess):
            children = psutil.Process(process.pid).children(recursive=True)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        for child in children:
            with contextlib.suppress(psutil.NoSuchProcess):
                child.kill()
        process.wait()


def app_args(notebooks: Path, *extra: str) -> list[str]:
    return [
        "careerkit.app",
        str(notebooks),
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        *extra,
    ]


def notebooks_with_images(tmp_path: Path) -> Path:
    """A copy of the workbook's notebooks folder with a picture and an SVG beside them."""
    folder = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, folder)
    (folder / "private.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "private.svg").write_text(SVG, encoding="utf-8")
    return folder


@pytest.mark.timeout(300)
def test_the_app_prints_a_working_address_lists_itself_and_serves_no_file(tmp_path: Path) -> None:
    notebooks = notebooks_with_images(tmp_path)
    with started(tmp_path, app_args(notebooks, "--pool_size=0")) as app:
        match = app.wait_for(lambda log: ADDRESS.search(log), "the address")
        address = match.group(1)
        token = address.partition("?token=")[2]
        assert re.fullmatch(r"[0-9a-f]{32,}", token), (
            f"the printed address hides its token: {address}"
        )
        base = f"http://127.0.0.1:{app.port}"
        assert status(f"{base}/voila/api/contents?token={token}") == 200
        assert status(f"{base}/voila/api/contents") == 403  # and nothing without the token
        listed = list(list_running_servers(str(app.runtime)))
        assert [(s["port"], s["token"]) for s in listed] == [(app.port, token)]
        assert listed[0]["root_dir"] == str(notebooks)
        for name in ("private.png", "private.svg"):
            assert status(f"{base}/voila/files/{name}") != 200, f"{name} served without the token"
            assert status(f"{base}/voila/files/{name}?token={token}") == 403, "the pages need none"


@pytest.mark.timeout(300)
def test_voila_in_a_jupyter_server_serves_no_file_of_the_folder(tmp_path: Path) -> None:
    """``make lab`` (Voila as a server extension): the workspace's pictures stay private."""
    (tmp_path / "workspace" / "exports").mkdir(parents=True)
    (tmp_path / "workspace" / "exports" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    args = ["jupyter_server", f"--ServerApp.root_dir={tmp_path}", "--ServerApp.ip=127.0.0.1"]
    args += ["--ServerApp.port_retries=0", "--IdentityProvider.token=secret"]
    args += ["--allow-root"] if os.geteuid() == 0 else []
    with started(tmp_path, args) as lab:
        base = f"http://127.0.0.1:{lab.port}"
        lab.wait_for(lambda log: "Jupyter Server" in log and "is running at" in log, "the server")
        assert status(f"{base}/api/contents?token=secret") == 200
        assert status(f"{base}/voila/files/workspace/exports/chart.png") != 200
        assert status(f"{base}/voila/files/workspace/exports/chart.png?token=secret") != 200


# When: while the first kernels start, or once two steps' pages are prepared and waiting.
WHEN = {"starting": ("Kernel started", 1), "prepared": ("Kernel pool of", 2)}


@pytest.mark.timeout(600)
@pytest.mark.parametrize(
    ("how", "when"), [("SIGTERM", "starting"), ("SIGTERM", "prepared"), ("Ctrl+C", "prepared")]
)
def test_the_app_stops_quietly_with_its_kernels(tmp_path: Path, how: str, when: str) -> None:
    """Stopped while pages start or wait, the app ends with every kernel, no traceback."""
    line, count = WHEN[when]
    with started(tmp_path, app_args(NOTEBOOKS)) as app:
        app.wait_for(lambda log: log.count(line) >= count, f"{count} x {line!r}")
        kernels = psutil.Process(app.process.pid).children(recursive=True)
        assert kernels, "no kernel process started"
        if how == "SIGTERM":
            app.process.send_signal(signal.SIGTERM)
        else:  # a terminal sends Ctrl+C's SIGINT to the whole foreground group
            os.killpg(app.process.pid, signal.SIGINT)
        try:
            app.process.wait(timeout=120)  # a bound for a hang, far above the usual seconds
        except subprocess.TimeoutExpired:
            raise AssertionError(f"the app ignored {how}:\n{app.text()[-3000:]}") from None
        _, alive = psutil.wait_procs(kernels, timeout=30)
        assert not alive, f"kernels left running after {how}: {alive}"
        assert "Traceback" not in app.text(), app.text()[-5000:]
        assert not list(list_running_servers(str(app.runtime))), "still listed after stopping"
