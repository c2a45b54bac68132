"""A person's answers never land in the repository's notebooks: autosave, Ctrl+S and a server
restart leave ``git status`` clean, and reopening shows no "model not found"."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.browser.conftest import (
    CLOSE_JS,
    KERNEL_IDLE_JS,
    NOTEBOOKS,
    OPEN_JS,
    PERSONA,
    VIEWPORT,
    Lab,
    Notebook,
    expect,
    lab_args,
    running,
    wait_for_plan,
)

pytestmark = pytest.mark.browser

NAME = "00_start.ipynb"
ANSWER = "Zoe Private-Answer 4711"
# As a person's JupyterLab: autosave on (every 2 s here, so the test need not wait two
# minutes), and widget state written into the notebook on save, as ipywidgets can.
SETTINGS = {
    "@jupyterlab/docmanager-extension:plugin": {"autosave": True, "autosaveInterval": 2},
    "@jupyter-widgets/jupyterlab-manager:plugin": {"saveState": True},
}
NAME_FIELD = '.widget-text:has(.widget-label:text-is("Your name")) input'
DIRTY_JS = """(id) => Array.from(window.jupyterapp.shell.widgets('main'))
  .find(w => w.id === id).context.model.dirty"""


def git(repo: Path, *args: str) -> str:
    command = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    return subprocess.run([*command, *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose one commit holds a copy of the workbook's notebooks."""
    repo = tmp_path / "repo"
    shutil.copytree(NOTEBOOKS, repo / "notebooks")
    git(repo, "init", "-q")
    git(repo, "add", "notebooks")
    git(repo, "commit", "-q", "--no-gpg-sign", "-m", "the workbook")
    return repo


def wait_until(check: Callable[[], bool], what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen in {timeout:.0f} s")
        time.sleep(0.2)


def assert_saved_clean(repo: Path) -> None:
    """The notebook on disk holds no outputs, counts, widget state or answer; git sees no change."""
    saved = repo / "notebooks" / NAME
    text = saved.read_text(encoding="utf-8")
    notebook = json.loads(text)
    assert ANSWER not in text
    assert "widgets" not in notebook["metadata"]
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, cell["source"]
    status = git(repo, "status", "--porcelain", "notebooks/")
    assert status == "", status + git(repo, "diff", "notebooks/")


@pytest.mark.timeout(300)
def test_answers_stay_out_of_the_notebooks(
    browser, server_env: dict[str, str], repo: Path, tmp_path: Path
) -> None:
    home = tmp_path / "careerkit"
    home.mkdir()
    shutil.copy(PERSONA, home / "plan.json")
    env = {**server_env, "CAREERKIT_HOME": str(home)}
    saved = repo / "notebooks" / NAME
    token = "--IdentityProvider.token"

    def start(run: int):  # the same root each time, as `make lab` again on the same clone
        args = lab_args(repo, tmp_path / f"lab-{run}", SETTINGS)
        return running(f"jupyterlab-private-{run}", args, env, token, "/api/status")

    with start(1) as server:
        page = browser.new_page(viewport=VIEWPORT)
        try:
            lab = Lab(page, server)
            widget_id = page.evaluate(OPEN_JS, f"notebooks/{NAME}")
            notebook = Notebook(lab, NAME, widget_id)
            written = saved.stat().st_mtime_ns
            notebook.run_all()
            # Autosave writes the run notebook, outputs and all, as it did on the walk.
            wait_until(lambda: saved.stat().st_mtime_ns != written, "an autosave")
            field = notebook.locator(NAME_FIELD)
            field.fill(ANSWER)
            field.blur()  # the field reports its value when the person leaves it
            wait_for_plan(home, lambda plan: plan["profile"]["name"] == ANSWER)
            written = saved.stat().st_mtime_ns
            notebook.locator(".jp-Cell").first.click()
            page.keyboard.press("Control+s")
            wait_until(lambda: saved.stat().st_mtime_ns != written, "the Ctrl+S save")
            page.wait_for_function(f"(id) => !({DIRTY_JS})(id)", arg=widget_id)
            page.evaluate(CLOSE_JS, widget_id)
        finally:
            page.close()
    assert_saved_clean(repo)

    with start(2) as server:
        page = browser.new_page(viewport=VIEWPORT)
        try:
            lab = Lab(page, server)
            widget_id = page.evaluate(OPEN_JS, f"notebooks/{NAME}")
            notebook = Notebook(lab, NAME, widget_id)
            # Before anything runs: no outputs at all, so no "model not found".
            page.wait_for_function(KERNEL_IDLE_JS, arg=widget_id)
            expect(notebook.locator(".jp-OutputArea-output")).to_have_count(0)
            for shown in ("model not found", "Error displaying widget"):
                expect(notebook.root).not_to_contain_text(shown)
            notebook.run_all()
            notebook.assert_clean()  # nor after: no "Error displaying widget" either
            expect(notebook.locator(NAME_FIELD)).to_have_value(ANSWER)  # from the plan
            page.evaluate(CLOSE_JS, widget_id)
        finally:
            page.close()
    assert_saved_clean(repo)
