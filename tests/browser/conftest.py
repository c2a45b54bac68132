"""Fixtures for the browser tests: one JupyterLab server, one Chromium and one page per session,
and a Voila server for the module that needs it.

Everything runs in throw-away folders: a temporary HOME and Jupyter config/data/runtime
folders, and a careerkit workspace holding a copy of the sample persona's plan. Chromium is
Debian's ``/usr/bin/chromium`` (nothing is downloaded); without it, or without the playwright
package, every browser test is skipped and says why. Servers and the browser are stopped at
the end of the session even when tests fail. Logs go to ``test-artifacts/logs/``, pictures to
``test-artifacts/screenshots/`` (both git-ignored).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from careerkit.dates import add_months, months_between
from careerkit.report.compare_words import PARTS_HEADER
from careerkit.steps.compare.criteria import WEIGHT_MAX

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Locator, LocatorAssertions, Page

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
PERSONA = ROOT / "data" / "examples" / "persona.json"
# The Jupyter config every way of starting the workbook uses: its pre-save hook keeps answers
# and outputs out of the workbook's notebooks (careerkit/app/save_hook.py).
JUPYTER_CONFIG = ROOT / "careerkit" / "app" / "jupyter-config"
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
# Without the networking switches Chromium keeps trying hosts it cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
WAIT_MS = 60_000  # longest wait for one condition: a kernel starting on a busy 2-core CI machine
EXPECT_MS = 20_000  # longest wait for something to show on screen after an action
TALLEST_PX = 16_000  # cap on the window height used for whole-notebook pictures
LAB_SETTINGS = {
    # No "get notified about official Jupyter news?" toast, no update check.
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    # The tests that run every notebook close them unsaved; the pre-save hook would strip
    # what autosave writes, but the repository's notebooks are not rewritten at all.
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
    # Keep every cell in the page, so selectors and pictures see the whole notebook, and no
    # blank space after the last cell.
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none", "scrollPastEnd": False},
}


def notebook_names() -> list[str]:
    """The workbook's notebooks, in order; at least one must exist."""
    names = sorted(path.name for path in NOTEBOOKS.glob("*.ipynb"))
    assert names, f"no notebooks found in {NOTEBOOKS}"
    return names


def _missing_browser() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed (make test installs it)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium); no browser is downloaded"
    return None


@pytest.fixture(scope="session", autouse=True)
def _needs_browser() -> None:
    reason = _missing_browser()
    if reason:
        pytest.skip(f"browser tests need Chromium: {reason}")


# --- servers ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A Jupyter-based server started in its own process group, logging to a file."""

    def __init__(self, name: str, args: list[str], env: dict[str, str], token_option: str) -> None:
        self.name, self.port = name, free_port()
        self.token = secrets.token_hex(24)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = ARTIFACTS / "logs" / f"{name}.log"
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self._log_file = self.log.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [*args, f"--port={self.port}", f"{token_option}={self.token}"],
            env=env,
            cwd=ROOT,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def address(self, path: str = "/") -> str:
        """A page's address, token included."""
        return f"{self.url}{path}{'&' if '?' in path else '?'}token={self.token}"

    def wait_ready(self, path: str, timeout: float = 90) -> None:
        """Wait until the server answers ``path`` with any HTTP status; fail with the end of
        its log if it died or hung."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited ({self.process.returncode}):\n{self.tail()}"
                )
            try:
                with urllib.request.urlopen(self.address(path), timeout=5):
                    return
            except urllib.error.HTTPError:
                return  # an error page is an answer too: the server is listening
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        raise TimeoutError(f"{self.name} did not answer in {timeout:.0f} s:\n{self.tail()}")

    def tail(self, lines: int = 40) -> str:
        self._log_file.flush()
        return "\n".join(self.log.read_text(encoding="utf-8").splitlines()[-lines:])

    def stop(self) -> None:
        """Terminate (the server shuts its kernels down), then kill whatever is left."""
        if self.process.poll() is None:
            self.process.terminate()
            with suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=20)
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self._log_file.close()


@contextmanager
def running(
    name: str, args: list[str], env: dict[str, str], token_option: str, ready_path: str
) -> Iterator[Server]:
    """A started server (its random token passed with ``token_option``), always stopped."""
    server = Server(name, args, env, token_option)
    try:
        server.wait_ready(ready_path)
        yield server
    finally:
        server.stop()


def root_flag() -> list[str]:
    return ["--allow-root"] if os.geteuid() == 0 else []


@pytest.fixture(scope="session")
def user_folders(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Temporary user folders (HOME, Jupyter's) for the servers and their kernels."""
    return tmp_path_factory.mktemp("jupyter-user")


@pytest.fixture(scope="session")
def careerkit_home(user_folders: Path) -> Path:
    """The browser session's own workspace in the temporary HOME (pictures show ~/careerkit),
    starting from the sample persona's plan."""
    home = user_folders / "home" / "careerkit"
    home.mkdir(parents=True)
    shutil.copy(PERSONA, home / "plan.json")
    return home


def server_environment(base: Path, careerkit_home: Path) -> dict[str, str]:
    """Environment for servers and their kernels: user folders under ``base``, the workspace
    ``careerkit_home`` (also used by benchmarks/open_to_usable.py).

    The venv's share/jupyter (kernel spec, widget extensions) stays visible: Jupyter finds it
    through sys.prefix, whatever the user folders are.
    """
    env = {key: value for key, value in os.environ.items() if not key.startswith("CAREERKIT_")}
    env.pop("MPLBACKEND", None)  # kernels use the notebook's own backend, as for a real person
    for var, folder in {
        "HOME": "home",
        "JUPYTER_CONFIG_DIR": "config",
        "JUPYTER_DATA_DIR": "data",
        "JUPYTER_RUNTIME_DIR": "runtime",
        "IPYTHONDIR": "ipython",
    }.items():
        (base / folder).mkdir(exist_ok=True)
        env[var] = str(base / folder)
    env["CAREERKIT_HOME"] = str(careerkit_home)
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        [str(JUPYTER_CONFIG), *filter(None, [os.environ.get("JUPYTER_CONFIG_PATH")])]
    )
    return env


@pytest.fixture(scope="session")
def server_env(user_folders: Path, careerkit_home: Path) -> dict[str, str]:
    """:func:`server_environment` of the session's temporary user folders and workspace."""
    return server_environment(user_folders, careerkit_home)


def lab_settings_dir(folder: Path, extra: dict[str, dict[str, Any]] | None = None) -> Path:
    """A copy of JupyterLab's app settings folder with our overrides.json merged in
    (``LAB_SETTINGS``, then ``extra``)."""
    app_dir = Path(os.environ.get("JUPYTERLAB_DIR", Path(sys.prefix) / "share" / "jupyter" / "lab"))
    settings = folder / "settings"
    if (app_dir / "settings").is_dir():
        shutil.copytree(app_dir / "settings", settings)
    settings.mkdir(parents=True, exist_ok=True)
    overrides = settings / "overrides.json"
    merged = json.loads(overrides.read_text(encoding="utf-8")) if overrides.exists() else {}
    for chosen in (LAB_SETTINGS, extra or {}):
        for plugin, values in chosen.items():
            merged[plugin] = {**merged.get(plugin, {}), **values}
    overrides.write_text(json.dumps(merged, indent=2), encoding="utf-8")
    return settings


def lab_args(
    root: Path, folder: Path, settings: dict[str, dict[str, Any]] | None = None
) -> list[str]:
    """The command starting JupyterLab on ``root``, with checkpoints and settings in ``folder``
    (``settings`` on top of ``LAB_SETTINGS``)."""
    return [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        *root_flag(),
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={root}",
        # Checkpoints go to the temporary folder, not beside the repository's notebooks.
        f"--FileCheckpoints.checkpoint_dir={folder / 'checkpoints'}",
        "--LabApp.expose_app_in_browser=True",
        f"--LabApp.app_settings_dir={lab_settings_dir(folder, settings)}",
    ]


@pytest.fixture(scope="session")
def lab_server(
    server_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """JupyterLab serving the repository's notebooks folder."""
    args = lab_args(NOTEBOOKS, tmp_path_factory.mktemp("lab"))
    with running(
        "jupyterlab", args, server_env, "--IdentityProvider.token", "/api/status"
    ) as server:
        yield server


@pytest.fixture(scope="module")
def voila_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Voila's own workspace, a fresh copy of the sample persona's plan (JupyterLab's
    tests change theirs)."""
    home = tmp_path_factory.mktemp("voila-home")
    shutil.copy(PERSONA, home / "plan.json")
    return home


def voila_args(path: Path) -> list[str]:
    """The command of a Voila server on loopback for ``path`` (a notebook or a folder),
    showing tracebacks (a test reads them in its log)."""
    return [
        sys.executable,
        "-m",
        "voila",
        str(path),
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        "--show_tracebacks=True",
    ]


@pytest.fixture(scope="module")
def voila_server(server_env: dict[str, str], voila_home: Path) -> Iterator[Server]:
    """Voila showing notebook 03 as an app (widgets and text only, no code), stopped when
    the module's tests are done."""
    args = voila_args(NOTEBOOKS / "03_compare.ipynb")
    env = {**server_env, "CAREERKIT_HOME": str(voila_home)}
    # Ready when a static file's path answers: the notebook's own page would start a kernel.
    with running("voila", args, env, "--Voila.token", "/voila/static/") as server:
        yield server


# --- browser ----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import expect as playwright_expect
    from playwright.sync_api import sync_playwright

    playwright_expect.set_options(timeout=EXPECT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def lab(browser: Browser, lab_server: Server) -> Iterator[Lab]:
    """The JupyterLab page, shared by every test of the session."""
    page = browser.new_page(viewport=VIEWPORT)
    try:
        yield Lab(page, lab_server)
    finally:
        page.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page of the shared browser, for tests that are not in JupyterLab."""
    page = browser.new_page(viewport=VIEWPORT)
    page.set_default_timeout(WAIT_MS)
    try:
        yield page
    finally:
        page.close()


# JavaScript run in the page. `find` looks a notebook panel up by its widget id.
FIND = """const app = window.jupyterapp;
const nb = Array.from(app.shell.widgets('main')).find(w => w.id === id);"""
OPEN_JS = """async (path) => {
  const nb = await window.jupyterapp.commands.execute('docmanager:open', {path});
  await nb.context.ready;
  return nb.id;
}"""
KERNEL_IDLE_JS = f"""(id) => {{ {FIND}
  const kernel = nb.sessionContext.session?.kernel;
  return kernel?.status === 'idle';
}}"""
RUN_ALL_JS = f"""async (id) => {{ {FIND}
  app.shell.activateById(id);
  await app.commands.execute('notebook:run-all-cells');
}}"""
# Done: the kernel is idle and no cell is queued or running.
FINISHED_JS = f"""(id) => {{ {FIND}
  const cells = nb.content.widgets.filter(c => c.model.type === 'code');
  return nb.sessionContext.session?.kernel?.status === 'idle'
    && cells.every(c => c.model.executionState === 'idle');
}}"""
PROBLEMS_JS = f"""(id) => {{ {FIND}
  const problems = [];
  nb.content.widgets.forEach((cell, i) => {{
    if (cell.model.type !== 'code' || !cell.model.sharedModel.getSource().trim()) return;
    const where = `cell ${{i + 1}}`;
    if (cell.model.executionCount === null) problems.push(`${{where}} did not run`);
    for (const out of cell.model.outputs.toJSON()) {{
      if (out.output_type === 'error') problems.push(`${{where}}: ${{out.ename}}: ${{out.evalue}}`);
    }}
  }});
  const stderr = nb.node.querySelectorAll(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
  for (const out of stderr) problems.push(`error output: ${{out.innerText.slice(0, 600)}}`);
  const text = nb.node.innerText;
  for (const bad of ['Error displaying widget', 'model not found']) {{
    if (text.includes(bad)) problems.push(`the notebook shows "${{bad}}"`);
  }}
  return problems;
}}"""
CLOSE_JS = f"""async (id) => {{ {FIND}
  if (!nb) return;
  await nb.sessionContext.shutdown();
  nb.dispose();  // not close(): no "save changes?" dialog, nothing written to disk
}}"""
# Window height that shows the whole notebook: the part above its scroller, all its content,
# and the status bar below.
HEIGHT_JS = f"""(id) => {{ {FIND}
  const scroller = nb.content.node.querySelector('.jp-WindowedPanel-outer');
  const box = scroller.getBoundingClientRect();
  return box.top + scroller.scrollHeight + (window.innerHeight - box.bottom);
}}"""
NEXT_FRAME_JS = (
    "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
)


def expect(locator: Locator) -> LocatorAssertions:
    """Playwright's retrying assertions (imported here, so tests skip cleanly without it)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def read_plan(home: Path) -> dict:
    return json.loads((home / "plan.json").read_text(encoding="utf-8"))


def wait_for_plan(home: Path, check: Callable[[dict], bool], timeout: float = 15) -> dict:
    """Poll the plan file until ``check(plan)`` holds (saves are debounced); return the plan."""
    deadline = time.monotonic() + timeout
    while True:
        plan = read_plan(home)
        if check(plan):
            return plan
        if time.monotonic() > deadline:
            raise AssertionError(f"the plan file did not change as expected in {timeout} s")
        time.sleep(0.2)


def _rgb(css: str, under: tuple[float, ...] = (255.0, 255.0, 255.0)) -> tuple[float, ...]:
    """A computed CSS colour, ``rgb(...)`` or ``rgba(...)``, as opaque RGB (see-through over
    ``under``)."""
    red, green, blue, *alpha = (float(v) for v in re.findall(r"[\d.]+", css))
    a = alpha[0] if alpha else 1.0
    return tuple(a * c + (1 - a) * u for c, u in zip((red, green, blue), under, strict=True))


def _luminance(rgb: tuple[float, ...]) -> float:
    lin = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in rgb)
    ]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(back: str, fore: str) -> float:
    """WCAG contrast ratio of ``fore`` on ``back`` (computed CSS colours; a see-through
    ``fore`` is mixed with ``back``, a see-through ``back`` with white)."""
    under = _rgb(back)
    hi, lo = sorted((_luminance(under), _luminance(_rgb(fore, under))), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def colours(element: Locator) -> tuple[str, str]:
    """An element's computed background and text colours."""
    return tuple(
        element.evaluate(
            "(el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]"
        )
    )


class Lab:
    """The JupyterLab page, driven through ``window.jupyterapp`` rather than guessed clicks."""

    def __init__(self, page: Page, server: Server) -> None:
        self.page, self.server = page, server
        self.console: list[str] = []
        page.set_default_timeout(WAIT_MS)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console.append(f"page error: {error}"))
        page.goto(server.address("/lab"))
        page.wait_for_function("() => window.jupyterapp !== undefined")
        page.evaluate("async () => { await window.jupyterapp.restored; }")
        page.evaluate("() => window.jupyterapp.shell.collapseLeft()")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console.append(message.text)

    @contextmanager
    def notebook(self, name: str) -> Iterator[Notebook]:
        """Open a notebook and run all its cells; afterwards close it and stop its kernel."""
        widget_id = self.page.evaluate(OPEN_JS, name)
        try:
            notebook = Notebook(self, name, widget_id)
            notebook.run_all()
            yield notebook
        finally:
            self.page.evaluate(CLOSE_JS, widget_id)


class Notebook:
    """One open notebook panel; selectors are scoped to it."""

    def __init__(self, lab: Lab, name: str, widget_id: str) -> None:
        self.lab, self.page, self.name, self.id = lab, lab.page, name, widget_id
        self.root = self.page.locator(f"[id='{widget_id}']")

    def locator(self, selector: str, **options: Any) -> Locator:
        """Elements of this notebook (``options`` as for Playwright's ``Locator.locator``)."""
        return self.root.locator(selector, **options)

    def run_all(self) -> None:
        """Run every cell once the kernel is up, and wait until none is queued or running."""
        self.page.wait_for_function(KERNEL_IDLE_JS, arg=self.id)
        self.page.evaluate(RUN_ALL_JS, self.id)
        self.page.wait_for_function(FINISHED_JS, arg=self.id, polling=100)

    def problems(self) -> list[str]:
        """Cells that failed or did not run, error output, and widgets that failed to show."""
        return self.page.evaluate(PROBLEMS_JS, self.id)

    def assert_clean(self) -> None:
        problems = self.problems()
        console = "\n".join(self.lab.console[-10:])
        assert not problems, f"{self.name}:\n" + "\n".join(problems) + f"\nconsole:\n{console}"

    def wait_for_widgets(self, expected: dict[str, int]) -> None:
        """Wait until each selector matches at least its number of elements."""
        for selector, at_least in expected.items():
            self.page.wait_for_function(
                "([root, selector, n]) => document.querySelector(root)"
                "?.querySelectorAll(selector).length >= n",
                arg=[f"[id='{self.id}']", selector, at_least],
            )

    def cell(self, code: str) -> Locator:
        """The code cell (input and output) whose source contains ``code``."""
        source = self.page.locator(".jp-InputArea-editor", has_text=code)
        return self.locator(".jp-CodeCell").filter(has=source).first

    def picture(self, path: Path | None, first: Locator, last: Locator, margin: int = 8) -> None:
        """A picture from the top of ``first`` to the bottom of ``last`` (skipped if no path)."""
        if path is None:
            return
        with self.tall_window():
            top, bottom = first.bounding_box(), last.bounding_box()
            assert top and bottom, f"{self.name}: nothing to picture for {path.name}"
            left = min(top["x"], bottom["x"]) - margin
            right = max(top["x"] + top["width"], bottom["x"] + bottom["width"]) + margin
            clip = {
                "x": max(left, 0),
                "y": max(top["y"] - margin, 0),
                "width": right - max(left, 0),
                "height": bottom["y"] + bottom["height"] + margin - max(top["y"] - margin, 0),
            }
            self.page.screenshot(path=path, clip=clip)

    @contextmanager
    def tall_window(self) -> Iterator[None]:
        """Make the window as tall as the notebook, so one picture holds all of it."""
        before = self.page.viewport_size or VIEWPORT
        height = int(self.page.evaluate(HEIGHT_JS, self.id))
        self.page.set_viewport_size({"width": before["width"], "height": min(height, TALLEST_PX)})
        self.page.evaluate(NEXT_FRAME_JS)
        try:
            yield
        finally:
            self.page.set_viewport_size(before)
            self.page.evaluate(NEXT_FRAME_JS)


# The tallest scrolled content of the page (Voila scrolls a panel, not the document).
CONTENT_HEIGHT_JS = (
    "() => Math.max(...Array.from(document.querySelectorAll('*'), e => e.scrollHeight))"
)


@contextmanager
def tall_page(page: Page) -> Iterator[None]:
    """Make the window as tall as the page's content (at most ``TALLEST_PX``), so all of it
    is on screen: for a picture of it, or for axe-core, which skips what is off screen."""
    before = page.viewport_size or VIEWPORT
    height = min(int(page.evaluate(CONTENT_HEIGHT_JS)), TALLEST_PX)
    page.set_viewport_size({"width": before["width"], "height": height})
    page.evaluate(NEXT_FRAME_JS)
    try:
        yield
    finally:
        page.set_viewport_size(before)
        page.evaluate(NEXT_FRAME_JS)


def whole_page_picture(page: Page, path: Path) -> None:
    """A picture of the whole page, made by a window as tall as its content."""
    with tall_page(page):
        page.screenshot(path=path)


def screenshot_path(name: str) -> Path:
    """Where a test picture goes (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / name


def docs_path(name: str) -> Path | None:
    """Where a README picture goes when ``make screenshots`` asks for them, else None."""
    folder = os.environ.get("CAREERKIT_SCREENSHOTS")
    if not folder:
        return None
    path = (ROOT / folder).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path / name


# --- notebook 03, in JupyterLab and in Voila ---------------------------------------------

# The ranking table of the results panel.
RANKING = f'.widget-html:has-text("{PARTS_HEADER}")'
WEIGHT_STEP = 0.5  # one arrow key press on a weight slider


def open_fold(scope: Page | Locator, title: str) -> None:
    """Open the folded part whose bar starts with ``title`` (e.g. 03's "Your weights"), as a
    person would: a returning person finds what they have done folded (issue 24 §1)."""
    bar = scope.locator(".jupyter-widget-Collapse-header", has_text=title).first
    if bar.get_attribute("aria-expanded") != "true":
        bar.click()
    expect(bar).to_have_attribute("aria-expanded", "true")


def weight_slider(scope: Page | Locator, label: str) -> Locator:
    """The weight slider of one criterion, found by its label. Rating sliders carry the same
    labels; only the weight rows show the criterion's share of the score beside the slider."""
    row = '.widget-hbox:has-text("% of the score")'
    return scope.locator(f'{row} > .widget-slider:has(.widget-label:text-is("{label}"))')


def move_weight(slider: Locator, criterion: str, steps: int, ranking: Locator, home: Path) -> None:
    """Move a weight slider ``steps`` stops with the arrow keys (left when negative), as a
    person using the keyboard would; check that the ranking on screen changes and that the
    new weight reaches the plan file in ``home``."""
    readout = slider.locator(".widget-readout")
    start = float(readout.inner_text())
    weight = start + steps * WEIGHT_STEP
    assert 0 <= weight <= WEIGHT_MAX, f"a weight of {start} cannot move {steps} stops"
    shown = ranking.inner_text()
    handle = slider.locator(".noUi-handle")
    handle.focus()
    for _ in range(abs(steps)):
        handle.press("ArrowRight" if steps > 0 else "ArrowLeft")
    expect(readout).to_have_text(f"{weight:.1f}")
    expect(ranking).not_to_have_text(shown)
    wait_for_plan(home, lambda plan: plan["comparison"]["weights"].get(criterion) == weight)


# --- every notebook in Voila (accessibility and keyboard tests) ----------------------------


@pytest.fixture(scope="module")
def voila_tree_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh copy of the sample persona's plan for the Voila server of the whole folder."""
    home = tmp_path_factory.mktemp("voila-tree-home")
    (home / "plan.json").write_text(persona_this_month(date.today()), encoding="utf-8")
    return home


# The month the sample persona's dates were written for: its actions of "now" (overdue, due
# this month) and of later months, which 06 shows open or folded, are as planned then.
PERSONA_MONTH = date(2026, 12, 1)
ISO_DAY = re.compile(r'"(\d{4})-(\d{2})-(\d{2})')


def persona_this_month(today: date) -> str:
    """The sample persona's plan with every date moved by whole months to ``today``'s month,
    so a page's height (06 folds later months' actions) does not change with the calendar."""
    months = months_between(PERSONA_MONTH, today.replace(day=1))

    def moved(found: re.Match[str]) -> str:
        day = add_months(date(*map(int, found.groups())), months)
        return f'"{day.isoformat()}'

    return ISO_DAY.sub(moved, PERSONA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def voila_tree(server_env: dict[str, str], voila_tree_home: Path) -> Iterator[Server]:
    """Voila serving the whole notebooks folder, on its own copy of the sample persona."""
    home = voila_tree_home
    args = voila_args(NOTEBOOKS)
    env = {**server_env, "CAREERKIT_HOME": str(home)}
    with running("voila-a11y", args, env, "--Voila.token", "/voila/static/") as server:
        yield server
