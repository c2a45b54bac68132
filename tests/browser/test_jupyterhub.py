"""A real JupyterHub with careerkit's configuration (docs/deploy/jupyterhub/careerkit.py).

One hub on loopback: JupyterHub with configurable-http-proxy (npm, tests/browser/package.json),
DummyAuthenticator with a password, and SimpleLocalProcessSpawner giving each user their own
home folder (``homes/<name>``). All users' servers run as the same Unix account here, so the
test checks what the hub guards (each user reaches only their own server, so only their own
files) and where each plan lands; separate Unix accounts (LocalProcessSpawner, as on TLJH)
would add file permissions between homes, which this test does not create on the machine.

Three users log in through the hub's login page in one headless Chromium, each opens 00 and
03, types their name, runs and saves both; each plan is then in that user's own home, the
notebooks on disk are the repository's, byte for byte, and another user's plan is refused
through the hub. ``careerkit workshop gather`` then copies the three plans for the cohort
summary.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from careerkit.coach import cohort
from tests.browser.conftest import (
    ARTIFACTS,
    CLOSE_JS,
    NOTEBOOKS,
    OPEN_JS,
    ROOT,
    VIEWPORT,
    WAIT_MS,
    Lab,
    Notebook,
    free_port,
    lab_settings_dir,
    wait_for_plan,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]

HERE = Path(__file__).resolve().parent
PROXY = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
INSTALL = ["npm", "install", "--prefix", str(HERE), "--no-package-lock", "--no-audit", "--no-fund"]
DEPLOY = ROOT / "docs" / "deploy" / "jupyterhub"
USERS = ("ana", "bo", "chen")
PASSWORD = "workshop-day-7"
NAME_FIELD = '.widget-text:has(.widget-label:text-is("Your name")) input'
SAVE_JS = """async (id) => {
  const nb = Array.from(window.jupyterapp.shell.widgets('main')).find(w => w.id === id);
  await nb.context.save();
  return nb.context.model.dirty;
}"""


def proxy_missing() -> str | None:
    """Why configurable-http-proxy cannot be used, after trying to install it; else None."""
    if PROXY.exists():
        return None
    if shutil.which("npm") is None:
        return f"{PROXY} is missing and npm is not installed (.ci/run installs both)"
    done = subprocess.run(INSTALL, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode or not PROXY.exists():
        return f"`{' '.join(INSTALL)}` failed: {(done.stderr or done.stdout)[-500:]}"
    return None


HUB_CONFIG = """
import pathlib
c = get_config()
exec(compile(pathlib.Path({careerkit!r}).read_text(), "careerkit.py", "exec"))
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.db_url = "sqlite:///{folder}/hub.sqlite"
c.JupyterHub.cookie_secret_file = "{folder}/cookie_secret"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allowed_users = set({users!r})
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{folder}/homes/{{username}}"
c.Spawner.ip = "127.0.0.1"
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
# Not /srv/careerkit here: the test's own copy of the hub's workshop file.
c.Spawner.environment.update({{"CAREERKIT_WORKSHOP": "{folder}/srv/workshop.toml"}})
# The page exposes window.jupyterapp (to open notebooks without guessed clicks); no news.
c.Spawner.args = ["--LabApp.expose_app_in_browser=True",
                  "--LabApp.app_settings_dir={folder}/settings"]
"""


def hub_environment(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAREERKIT_", "JUPYTER"))}
    env["CAREERKIT_USER_ENV"] = sys.prefix  # careerkit.py finds bin/careerkit there
    env["PYTHONPATH"] = str(ROOT)  # kept by the spawner: this checkout's careerkit
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.pop("MPLBACKEND", None)
    env["HOME"] = str(folder)
    return env


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The running hub's address and its folder (``homes/<user>`` each user's home)."""
    pytest.importorskip("jupyterhub", reason="the jupyterhub package (test extras) is missing")
    reason = proxy_missing()
    if reason:
        pytest.skip(f"the JupyterHub test needs configurable-http-proxy: {reason}")
    folder = tmp_path_factory.mktemp("hub")
    for user in USERS:  # the notebooks, where an nbgitpuller link would pull them
        shutil.copytree(NOTEBOOKS, folder / "homes" / user / "careerkit" / "notebooks")
    (folder / "srv").mkdir()
    shutil.copy(DEPLOY / "workshop.toml", folder / "srv" / "workshop.toml")
    lab_settings_dir(folder)  # folder/settings: no news toast, no autosave
    port = free_port()
    (folder / "jupyterhub_config.py").write_text(
        HUB_CONFIG.format(
            careerkit=str(DEPLOY / "careerkit.py"), port=port, hub_port=free_port(),
            proxy_port=free_port(), proxy=str(PROXY), folder=folder, password=PASSWORD,
            users=list(USERS),
        ),
        encoding="utf-8",
    )  # fmt: skip
    log_path = ARTIFACTS / "logs" / "jupyterhub.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(folder / "jupyterhub_config.py")],
            cwd=folder, env=hub_environment(folder), stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_for(url + "/hub/api", process, log_path)
            yield url, folder
        finally:
            process.terminate()  # the hub stops the users' servers and its proxy
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, 9)
                process.wait()


def _wait_for(url: str, process: subprocess.Popen, log: Path) -> None:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the hub exited:\n{log.read_text(encoding='utf-8')[-3000:]}")
        try:  # the proxy answers 404 until the hub has added its route
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    raise TimeoutError(f"the hub did not answer:\n{log.read_text(encoding='utf-8')[-3000:]}")


class HubLab(Lab):
    """A user's JupyterLab reached through the hub (the page is already there)."""

    def __init__(self, page) -> None:  # noqa: ANN001 (Playwright's Page)
        self.page, self.server, self.console = page, None, []
        page.set_default_timeout(WAIT_MS)
        page.on("console", self._console)
        page.wait_for_function("() => window.jupyterapp !== undefined", timeout=240_000)
        page.evaluate("async () => { await window.jupyterapp.restored; }")


def log_in(page, url: str, user: str) -> None:  # noqa: ANN001
    page.goto(f"{url}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{user}/lab**", timeout=240_000)  # spawned, JupyterLab opens


def open_type_and_save(lab: HubLab, home: Path, path: str, name: str | None) -> None:
    widget_id = lab.page.evaluate(OPEN_JS, path)
    try:
        notebook = Notebook(lab, path, widget_id)
        notebook.run_all()
        notebook.assert_clean()
        if name is not None:
            field = notebook.locator(NAME_FIELD)
            field.fill(name)
            field.blur()  # the field reports its value when the person leaves it
            wait_for_plan(home, lambda plan: plan["profile"]["name"] == name, timeout=60)
        assert lab.page.evaluate(SAVE_JS, widget_id) is False  # saved: nothing left unsaved
    finally:
        lab.page.evaluate(CLOSE_JS, widget_id)


def test_three_users_on_a_real_hub_keep_their_plans_to_themselves(
    browser, hub: tuple[str, Path], tmp_path: Path
) -> None:
    url, folder = hub
    contexts = {}
    for user in USERS:
        context = browser.new_context(viewport=VIEWPORT)
        contexts[user] = context
        page = context.new_page()
        log_in(page, url, user)
        lab = HubLab(page)
        plan_folder = folder / "homes" / user / "careerkit-plan"
        open_type_and_save(lab, plan_folder, "careerkit/notebooks/00_start.ipynb", f"{user} X")
        open_type_and_save(lab, plan_folder, "careerkit/notebooks/03_compare.ipynb", None)
        page.close()
    try:
        for user in USERS:
            home = folder / "homes" / user
            # The plan: in this user's own home, their name in it, nobody else's.
            plan = json.loads((home / "careerkit-plan" / "plan.json").read_text("utf-8"))
            assert plan["profile"]["name"] == f"{user} X"
            assert plan["profile"]["workshop"] == "Career workshop"  # the hub's workshop file
            # The notebooks saved through the hub are the repository's, byte for byte.
            for name in ("00_start.ipynb", "03_compare.ipynb"):
                saved = (home / "careerkit" / "notebooks" / name).read_bytes()
                assert saved == (NOTEBOOKS / name).read_bytes(), f"{user}'s {name} changed"
            # Through the hub, with this user's cookies: their own plan, never another's.
            request = contexts[user].request
            own = request.get(f"{url}/user/{user}/files/careerkit-plan/plan.json")
            assert own.status == 200 and f"{user} X" in own.text()
            for other in USERS:
                if other == user:
                    continue
                for path in ("files/careerkit-plan/plan.json",
                             "api/contents/careerkit-plan/plan.json"):  # fmt: skip
                    answer = request.get(f"{url}/user/{other}/{path}")
                    assert answer.status in (403, 404), (user, other, path, answer.status)
                    assert f"{other} X" not in answer.text()
    finally:
        for context in contexts.values():
            context.close()
    # The coach gathers the three plans for the cohort summary, as the README says.
    cohort_dir = tmp_path / "cohort"
    pattern = str(folder / "homes" / "*" / "careerkit-plan" / "plan.json")
    careerkit = Path(sys.executable).parent / "careerkit"
    said = subprocess.run(
        [careerkit, "workshop", "gather", cohort_dir, "--from", pattern],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    assert "Gathered 3 plan(s)" in said, said
    found = cohort.read_cohort(cohort_dir)
    assert [(p.folder, p.name) for p in found.participants] == [(u, f"{u} X") for u in USERS]
