"""The workbook as a no-code app (``make app``) and ``make lab``, started by the Makefile itself:
the app opens at 00, every "Next" link opens the next step with its forms filled from the plan,
JupyterLab-only text is left out; two tabs changing the same part are offered "Reload my plan"."""

from __future__ import annotations

import contextlib
import json
import shutil
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psutil
import pytest

from careerkit.app.voila import CULL_AFTER_S
from careerkit.steps.start import route
from tests.browser.conftest import (
    PERSONA,
    VIEWPORT,
    WAIT_MS,
    Server,
    expect,
    read_plan,
    running,
    screenshot_path,
    wait_for_plan,
    whole_page_picture,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

# `make TARGET` with the test's Python environment; Server appends the port and the token,
# which reach the server through APP_ARGS / LAB_ARGS ("$*"), after the test's own options.
MAKE = 'exec make -s -o "$VENV/.installed" "$TARGET" APP_ARGS="$EXTRA $*" LAB_ARGS="$EXTRA $*"'
# Per target: the server's options, its token option and a path it answers once started.
SERVER_OPTIONS = {
    "app": (
        "--no-browser --Voila.ip=127.0.0.1 --Voila.port_retries=0",
        "--Voila.token",
        "/voila/static/",
    ),
    "lab": (
        "--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port_retries=0",
        "--IdentityProvider.token",
        "/api",
    ),
}
BROKEN = ("Error displaying widget", "model not found", "Traceback", "Error at server")
LAB_TEXT = ("First, run all cells", "Run the cells", "Edit this cell", "Run All Cells")
# Asking to run Python code, which the app cannot (compared in lower case).
CODE_TEXT = ("restore_plan(", "open_plan(", "in a cell", "run this cell", "run the cell")
NAME_FIELD = '.widget-text:has(.widget-label:text-is("Your name")) input'
COACH_FIELD = '.widget-text:has(.widget-label:text-is("Coach (optional)")) input'
RELOAD = 'button:has-text("Reload my plan")'
NO_REFILL = "--VoilaKernelManager.fill_delay=3600"  # a page used is not prepared again
VALUES_JS = "() => Array.from(document.querySelectorAll('input, textarea'), e => e.value)"
PERSONA_PLAN = json.loads(PERSONA.read_text(encoding="utf-8"))
# Answers of the sample persona that a step's forms show as the page opens.
FILLED = {
    "01": [PERSONA_PLAN["dream_job"]["reflections"]["at_ease"]],
    "04": [PERSONA_PLAN["short_term_goals"]["goals"][0]["text"]],
}


def make_server(name: str, target: str, env: dict[str, str], home: Path, extra: str) -> Iterator:
    """``make target`` as a person runs it, on a free port with a random token."""
    options, token_option, ready_path = SERVER_OPTIONS[target]
    env = {
        **env,
        "VENV": sys.prefix,
        "TARGET": target,
        "CAREERKIT_HOME": str(home),
        "EXTRA": f"{options} {extra}",
    }
    return running(name, ["sh", "-c", MAKE, "make"], env, token_option, ready_path)


@pytest.fixture
def app_home(tmp_path: Path) -> Path:
    """The app's own workspace, a fresh copy of the sample persona's plan."""
    home = tmp_path / "app-home"
    home.mkdir()
    shutil.copy(PERSONA, home / "plan.json")
    return home


@pytest.fixture
def app_on_demand(server_env: dict[str, str], app_home: Path) -> Iterator[Server]:
    """``make app`` preparing no page ahead (``--pool_size=0``), for tests of what a page does
    once open: quicker on two CPUs, where eight pages being prepared slow the one in use."""
    with make_server("make-app", "app", server_env, app_home, "--pool_size=0") as server:
        yield server


@pytest.fixture
def app_walked(server_env: dict[str, str], app_home: Path) -> Iterator[Server]:
    """``make app`` as a person runs it, except that a page used is not prepared again
    (Voila's ``fill_delay``; the app's is a second): a walk through the steps uses each
    prepared page once, and eight kernels more starting meanwhile on two CPUs only slow it."""
    with make_server("make-app", "app", server_env, app_home, NO_REFILL) as server:
        yield server


def ahead_only(step_file: str) -> str:
    """Voila's option preparing only ``step_file``'s page ahead, the other steps in its
    ``preheat_denylist`` (quoted for make's shell): a test of one prepared page need not
    wait for seven others to be prepared on two CPUs."""
    others = ",".join(rf"\'{step.file}\'" for step in route() if step.file != step_file)
    return rf"--VoilaKernelManager.preheat_denylist=[\'coach\',{others}]"


@pytest.fixture
def app_00_ahead(server_env: dict[str, str], app_home: Path) -> Iterator[Server]:
    """``make app`` preparing only 00's page ahead."""
    extra = ahead_only("00_start.ipynb")
    with make_server("make-app", "app", server_env, app_home, extra) as server:
        yield server


@pytest.fixture
def app_04_ahead(server_env: dict[str, str], app_home: Path) -> Iterator[Server]:
    """``make app`` preparing only 04's page ahead."""
    extra = ahead_only("04_short_term.ipynb")
    with make_server("make-app", "app", server_env, app_home, extra) as server:
        yield server


def wait_for_page(page: Page) -> None:
    """Until Voila has run every cell (its spinner is gone) and the widgets are shown."""
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=WAIT_MS)
    expect(page.locator(".widget-box, .widget-html").first).to_be_visible(timeout=WAIT_MS)
    page.wait_for_load_state("networkidle", timeout=WAIT_MS)


def check_page(page: Page, where: str) -> str:
    text = page.inner_text("body")
    shown = [w for w in (*BROKEN, *LAB_TEXT) if w in text]
    shown += [words for words in CODE_TEXT if words in text.lower()]
    assert not shown, f"{where} shows {shown}"
    return text


@pytest.mark.timeout(600)
def test_the_app_starts_at_00_and_next_links_walk_every_step(
    page: Page, app_walked: Server
) -> None:
    app, steps = app_walked, route()
    assert len(steps) >= 2, "the workbook has steps"
    page.goto(app.address("/"))  # the address make app prints, less its path
    page.wait_for_url(f"**/voila/render/{steps[0].file}*", timeout=WAIT_MS)
    wait_for_page(page)
    expect(page.locator(NAME_FIELD)).to_have_value("Maya Alvarez (sample persona)")
    check_page(page, steps[0].file)
    whole_page_picture(page, screenshot_path("app_00_start.png"))

    for step in steps[1:]:
        links = page.locator(f'a[href="{step.file}"]', has_text=f"{step.number} {step.title}")
        expect(links).to_have_count(2 if step is steps[1] else 1)  # on 00, the route's too
        links.last.click()  # "Next", at the end of the page
        page.wait_for_url(f"**/voila/render/{step.file}", timeout=WAIT_MS)
        wait_for_page(page)
        text = check_page(page, step.file) + "\n".join(page.evaluate(VALUES_JS))
        assert "Plan of Maya Alvarez" in text, f"{step.file} did not open the plan"
        for answer in FILLED.get(step.number, ()):
            assert answer in text, f"{step.file} does not show {answer!r} from the plan"


def kernels_settle(server: Server, deadline: float) -> None:
    """Wait until the server's kernels stop using the processor (for a whole second)."""

    def cpu_seconds() -> float:
        total = 0.0
        for kernel in psutil.Process(server.process.pid).children(recursive=True):
            with contextlib.suppress(psutil.NoSuchProcess):
                total += sum(kernel.cpu_times()[:2])
        return total

    before = cpu_seconds()
    while time.monotonic() < deadline:
        time.sleep(1)
        now = cpu_seconds()
        if now - before < 0.05:
            return
        before = now
    raise AssertionError(f"the app's kernels never settled:\n{server.tail()}")


@pytest.mark.timeout(300)
def test_a_page_started_ahead_shows_the_plan_as_it_is_when_opened(
    page: Page, app_00_ahead: Server, app_home: Path
) -> None:
    """The app prepares each step's page before anyone asks for it; the plan changed in the
    meantime (by another page, or a restore) is what the page shows when it is opened."""
    app = app_00_ahead
    deadline = time.monotonic() + WAIT_MS / 1000
    while "Kernel pool of 00_start.ipynb is filled" not in app.log.read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, f"00 was never prepared ahead:\n{app.tail()}"
        time.sleep(0.2)
    kernels_settle(app, deadline)  # every prepared page has done what it does before a visit
    plan = read_plan(app_home)
    plan["profile"]["name"] = "Renamed after the app started"
    (app_home / "plan.json").write_text(json.dumps(plan), encoding="utf-8")

    page.goto(app.address("/voila/render/00_start.ipynb"))
    wait_for_page(page)
    expect(page.locator(NAME_FIELD)).to_have_value("Renamed after the app started")
    assert "Using pre-heated kernel" in app.log.read_text(encoding="utf-8")


@pytest.mark.timeout(300)
def test_the_route_on_00_links_to_every_step(page: Page, app_on_demand: Server) -> None:
    steps = route()
    page.goto(app_on_demand.address(f"/voila/render/{steps[0].file}"))
    wait_for_page(page)
    listed = page.locator("p", has_text=f"▶ {steps[0].number} {steps[0].title}")  # the route
    for step in steps[1:]:
        expect(listed.locator(f'a[href="{step.file}"]')).to_have_text(f"{step.number} {step.title}")
    target = next(step for step in steps if step.number == "04")
    listed.locator(f'a[href="{target.file}"]').click()
    page.wait_for_url(f"**/voila/render/{target.file}", timeout=WAIT_MS)
    wait_for_page(page)
    text = check_page(page, target.file) + "\n".join(page.evaluate(VALUES_JS))
    assert all(answer in text for answer in FILLED[target.number]), "04 did not open filled"


@pytest.mark.timeout(300)
def test_a_stale_tab_offers_reload_and_keeps_what_was_typed(
    page: Page, browser: Browser, app_on_demand: Server, app_home: Path
) -> None:
    """Two tabs of 00 opened at once: the first saves a name, then the second's coach is
    refused; "Reload my plan" saves it on top, and the typed text stays in the form."""
    first, second = page, browser.new_page(viewport=VIEWPORT)
    try:
        for tab in (first, second):
            tab.goto(app_on_demand.address("/voila/render/00_start.ipynb"))
            wait_for_page(tab)
        first.locator(NAME_FIELD).fill("Maya A.")
        first.locator(NAME_FIELD).press("Tab")
        wait_for_plan(app_home, lambda plan: plan["profile"]["name"] == "Maya A.")

        second.locator(COACH_FIELD).fill("Dana Ng")
        second.locator(COACH_FIELD).press("Tab")
        expect(second.get_by_text("changed About you (00)")).to_be_visible()
        assert "open_plan" not in second.inner_text("body")  # no Python to re-run
        assert read_plan(app_home)["profile"]["coach"] == ""
        second.locator(RELOAD).click()

        plan = wait_for_plan(app_home, lambda plan: plan["profile"]["coach"] == "Dana Ng")
        assert plan["profile"]["name"] == "Maya A."  # the first tab's answer is kept
        expect(second.locator(COACH_FIELD)).to_have_value("Dana Ng")
        expect(second.get_by_text("Your plan was reloaded")).to_be_visible()
        expect(second.locator(RELOAD)).to_be_hidden()
        second.screenshot(path=screenshot_path("app_reload_my_plan.png"), full_page=True)
    finally:
        second.close()


@pytest.mark.timeout(300)
def test_a_plan_broken_while_open_says_how_to_go_back_without_code(
    page: Page, app_on_demand: Server, app_home: Path
) -> None:
    page.goto(app_on_demand.address("/voila/render/00_start.ipynb"))
    wait_for_page(page)
    (app_home / "plan.json").write_text('{"schema_version": 3, "profile": ', encoding="utf-8")
    page.locator(NAME_FIELD).fill("Maya A.")  # saved once typing pauses: refused
    refused = page.get_by_text("cannot be read")
    expect(refused).to_be_visible()
    history = app_home / "history"
    expect(refused).to_contain_text(f"copy the newest plan-<date>.json in {history}")
    refused.screenshot(path=screenshot_path("app_broken_plan.png"))


@pytest.mark.timeout(300)
def test_a_step_opened_on_a_broken_plan_says_what_is_wrong_and_what_to_do(
    page: Page, app_04_ahead: Server, app_home: Path
) -> None:
    """The message of the problem, naming the file, in place of Voila's "There was an error
    when executing cell [2]" and without Python's traceback."""
    app = app_04_ahead
    (app_home / "plan.json").write_text('{"schema_version": 3, "profile": ', encoding="utf-8")
    page.goto(app.address("/voila/render/04_short_term.ipynb"))
    message = page.locator(".jp-OutputArea-output", has_text="PlanError")
    expect(message).to_contain_text("cannot be read", timeout=WAIT_MS)
    expect(message).to_contain_text(str(app_home / "plan.json"))
    text = page.inner_text("body")
    assert "There was an error when executing cell" not in text
    assert "Traceback" not in text and "File " not in text, "a Python traceback is shown"
    message.screenshot(path=screenshot_path("app_plan_broken_before_opening.png"))


@pytest.mark.timeout(300)
def test_make_lab_opens_00_in_a_file_browser_that_reaches_the_workspace(
    page: Page, server_env: dict[str, str], tmp_path: Path
) -> None:
    """``make lab LAB_ARGS=...`` takes a port and --no-browser, opens 00 rather than the
    Launcher, and its file browser starts at the project folder (notebooks/ and workspace/)."""
    home = tmp_path / "lab-home"
    home.mkdir()
    extra = "--LabApp.expose_app_in_browser=True"
    with make_server("make-lab", "lab", server_env, home, extra) as lab:
        page.goto(lab.address("/"))
        page.wait_for_url("**/lab/tree/notebooks/00_start.ipynb*", timeout=WAIT_MS)
        page.wait_for_function(
            "() => window.jupyterapp?.shell.currentWidget?.context?.path"
            " === 'notebooks/00_start.ipynb'",
            timeout=WAIT_MS,
        )
        first = page.locator(".jp-MarkdownCell").first
        expect(first).to_contain_text("First, run all cells")
        expect(first).to_contain_text("▶▶")
        # The file browser (its side panel may start closed, as JupyterLab remembers it).
        page.evaluate("() => window.jupyterapp.commands.execute('filebrowser:activate')")
        page.locator(".jp-BreadCrumbs-home").click()  # the top of the file browser
        listing = page.locator(".jp-DirListing-content")
        expect(listing).to_contain_text("notebooks")
        # The project folder, where make lab's workspace/ (plan, history, exports) lives;
        # this test's workspace is elsewhere, so as not to touch a real one.
        expect(listing).to_contain_text("README.md")
        page.screenshot(path=screenshot_path("make_lab_00.png"))


# --- kernels released, pages bounded, nothing from other hosts ------------------------------

KERNEL_ID_JS = (
    "() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
)
LOOPBACK = {"127.0.0.1", "localhost", "[::1]"}


def kernel_alive(server: Server, kernel_id: str) -> bool:
    """Whether the app still runs this kernel (its kernel API answers 404 once it is gone)."""
    try:
        with urllib.request.urlopen(server.address(f"/api/kernels/{kernel_id}"), timeout=30):
            return True
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return False
        raise


def wait_released(server: Server, kernel_id: str, how: str) -> None:
    deadline = time.monotonic() + WAIT_MS / 1000
    while kernel_alive(server, kernel_id):
        assert time.monotonic() < deadline, f"{how} left kernel {kernel_id}:\n{server.tail()}"
        time.sleep(0.5)


@pytest.mark.timeout(600)
def test_a_page_left_releases_its_kernel(page: Page, app_on_demand: Server) -> None:
    """The Next link, a reload and going to another site each shut the left page's kernel
    down (Voila's "page left" request, refused until the page set its _xsrf cookie)."""
    page.goto(app_on_demand.address("/voila/render/00_start.ipynb"))
    wait_for_page(page)
    first = page.evaluate(KERNEL_ID_JS)
    assert kernel_alive(app_on_demand, first)
    step = route()[1]
    page.locator(f'a[href="{step.file}"]').last.click()  # "Next"
    page.wait_for_url(f"**/voila/render/{step.file}", timeout=WAIT_MS)
    wait_released(app_on_demand, first, "the Next link")

    wait_for_page(page)
    second = page.evaluate(KERNEL_ID_JS)
    page.reload()
    wait_for_page(page)
    wait_released(app_on_demand, second, "a reload")

    third = page.evaluate(KERNEL_ID_JS)
    page.goto("about:blank")
    wait_released(app_on_demand, third, "leaving for another site")
    log = app_on_demand.log.read_text(encoding="utf-8")
    assert "_xsrf' argument missing" not in log
    # A page whose tab vanished without a word is culled after the time the README states.
    assert f"Culling kernels with idle durations > {CULL_AFTER_S} seconds" in log


@pytest.mark.timeout(600)
def test_a_closed_tab_is_culled_and_an_open_page_is_not(
    page: Page, browser: Browser, server_env: dict[str, str], app_home: Path
) -> None:
    """A tab closed without a word (the browser sends no "page left" request, as here, or
    crashed) has its idle kernel culled; a page still open keeps its kernel, however idle."""
    cull = "--MappingKernelManager.cull_idle_timeout=15 --MappingKernelManager.cull_interval=3"
    with make_server("make-app-cull", "app", server_env, app_home, f"--pool_size=0 {cull}") as app:
        page.goto(app.address("/voila/render/00_start.ipynb"))
        wait_for_page(page)
        kept = page.evaluate(KERNEL_ID_JS)
        tab = browser.new_page(viewport=VIEWPORT)
        tab.goto(app.address("/voila/render/06_action_plan.ipynb"))
        wait_for_page(tab)
        closed = tab.evaluate(KERNEL_ID_JS)
        tab.close()  # Playwright closes it without "beforeunload"
        wait_released(app, closed, "a closed tab")
        assert kernel_alive(app, kept), "the open page's kernel was culled"


@pytest.mark.timeout(300)
def test_the_app_asks_nothing_of_other_hosts(page: Page, app_on_demand: Server) -> None:
    """Every request of two steps' pages (styles, scripts, fonts) goes to this machine: the
    app works offline and tells no other host who opened it."""
    outside: list[str] = []

    def record(request: Any) -> None:
        host = urllib.parse.urlsplit(request.url)
        if host.scheme in ("http", "https", "ws", "wss") and host.hostname not in LOOPBACK:
            outside.append(request.url)

    page.on("request", record)
    try:
        for step in ("00_start.ipynb", "03_compare.ipynb"):
            page.goto(app_on_demand.address(f"/voila/render/{step}"))
            wait_for_page(page)
    finally:
        page.remove_listener("request", record)
    assert not outside, f"requests outside the machine: {outside}"


@pytest.mark.timeout(300)
def test_a_page_that_cannot_start_says_so_and_offers_to_try_again(
    page: Page, server_env: dict[str, str], app_home: Path
) -> None:
    """No place to start a page (none is free, as when many pages open at once): after its
    wait the page says so, with a button that tries again, instead of hanging."""
    full = (
        "--pool_size=0 --BoundedKernelManager.starting_limit=0 --BoundedKernelManager.start_wait=2"
    )
    with make_server("make-app-busy", "app", server_env, app_home, full) as app:
        page.goto(app.address("/voila/render/02_explore.ipynb"))
        expect(page.get_by_text("This page could not start yet")).to_be_visible(timeout=WAIT_MS)
        again = page.get_by_role("button", name="Try again")
        with page.expect_navigation(timeout=WAIT_MS):
            again.click()
        expect(page.get_by_role("button", name="Try again")).to_be_visible(timeout=WAIT_MS)
        page.screenshot(path=screenshot_path("app_busy_try_again.png"))
