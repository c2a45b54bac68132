"""Open a notebook -> its forms usable, for every step, in JupyterLab and in Voila.

What a person waits for when they open a step: in JupyterLab, from opening the notebook
(its kernel starting included) through Run All until every cell has run and the step's
main widgets are on screen; in Voila, from asking for the page until its widgets are on
screen. Headless Debian Chromium driven by Playwright, the servers and workspace as in the
browser tests (temporary HOME and Jupyter folders, a copy of the sample persona's plan).

Run with ``make bench`` (after ``benchmarks/bench.py``) or
``.venv/bin/python benchmarks/open_to_usable.py [--runs N] [--no-voila]``. Prints a
Markdown table (medians of ``--runs`` opens after one untimed warm-up open of each step,
which fills matplotlib's font cache and the disk cache as a person's first session does);
progress goes to standard error. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import (  # noqa: E402 - after the repository is importable
    CHROMIUM,
    CHROMIUM_ARGS,
    CLOSE_JS,
    FINISHED_JS,
    KERNEL_IDLE_JS,
    NOTEBOOKS,
    OPEN_JS,
    PERSONA,
    RUN_ALL_JS,
    VIEWPORT,
    Server,
    lab_args,
    running,
    server_environment,
)
from tests.browser.test_workbook import ANY_WIDGET, MAIN_WIDGETS  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

TARGET = 3.0  # seconds: the aim for every step
READING = 10.0  # seconds a person spends on a page at least, before opening another
WAIT_MS = 120_000
POLL_MS = 20


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def widgets_shown(page: Page, scope: str, name: str) -> None:
    """Wait until the step's main widgets are in the page (inside ``scope``)."""
    for selector, at_least in MAIN_WIDGETS.get(name, ANY_WIDGET).items():
        page.wait_for_function(
            "([scope, selector, n]) => document.querySelector(scope)"
            "?.querySelectorAll(selector).length >= n",
            arg=[scope, selector, at_least],
            polling=POLL_MS,
            timeout=WAIT_MS,
        )


def lab_open(page: Page, name: str) -> tuple[float, float]:
    """(kernel ready, forms usable) in seconds after asking JupyterLab to open ``name``."""
    start = time.perf_counter()
    widget_id = page.evaluate(OPEN_JS, name)
    try:
        page.wait_for_function(KERNEL_IDLE_JS, arg=widget_id, polling=POLL_MS, timeout=WAIT_MS)
        kernel = time.perf_counter() - start
        page.evaluate(RUN_ALL_JS, widget_id)
        page.wait_for_function(FINISHED_JS, arg=widget_id, polling=POLL_MS, timeout=WAIT_MS)
        widgets_shown(page, f"[id='{widget_id}']", name)
        return kernel, time.perf_counter() - start
    finally:
        page.evaluate(CLOSE_JS, widget_id)


def voila_open(page: Page, server: Server, name: str) -> float:
    """Seconds from asking Voila for ``name`` until its forms are on screen."""
    start = time.perf_counter()
    page.goto(server.address(f"/voila/render/{name}"), wait_until="commit", timeout=WAIT_MS)
    widgets_shown(page, "body", name)
    return time.perf_counter() - start


def medians(measure: Callable[[], tuple[float, ...]], runs: int) -> tuple[float, ...]:
    measure()  # warm-up, untimed
    samples = [measure() for _ in range(runs)]
    return tuple(statistics.median(column) for column in zip(*samples, strict=True))


@contextmanager
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


def measure_lab(chromium: Browser, folder: Path, env: dict[str, str], runs: int) -> dict:
    args = lab_args(NOTEBOOKS, folder / "lab")
    results = {}
    with running("bench-jupyterlab", args, env, "--IdentityProvider.token", "/api/status") as lab:
        page = chromium.new_page(viewport=VIEWPORT)
        page.goto(lab.address("/lab"))
        page.wait_for_function("() => window.jupyterapp !== undefined", timeout=WAIT_MS)
        page.evaluate("async () => { await window.jupyterapp.restored; }")
        for name in names():
            results[name] = medians(lambda name=name: lab_open(page, name), runs)
            progress(f"JupyterLab {name}: {results[name][1]:.2f} s")
        page.close()
    return results


def measure_voila(chromium: Browser, env: dict[str, str], runs: int) -> dict:
    """The app as ``make app`` serves it (careerkit.app.voila: each step's page started ahead of
    time), opened at a person's pace: READING seconds between two opens of a step, time
    for the app to have the step's next page ready again."""
    args = [sys.executable, "-m", "careerkit.app", str(NOTEBOOKS), "--no-browser"]
    args += ["--Voila.ip=127.0.0.1", "--Voila.port_retries=0"]
    results = {}
    with running("bench-voila", args, env, "--Voila.token", "/voila/static/") as voila:
        time.sleep(READING)  # the pages started ahead of time are being prepared

        def visit(page: Page, name: str) -> tuple[float]:
            seconds = voila_open(page, voila, name)
            page.goto("about:blank")  # leaves the page: Voila stops its kernel
            time.sleep(READING)
            return (seconds,)

        for name in names():
            page = chromium.new_page(viewport=VIEWPORT)
            try:
                results[name] = medians(lambda p=page, n=name: visit(p, n), runs)
            finally:
                page.close()
            progress(f"Voila {name}: {results[name][0]:.2f} s")
    return results


def names() -> list[str]:
    found = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    assert found, f"no notebooks in {NOTEBOOKS}"
    return found


def table(lab: dict, voila: dict) -> str:
    def cell(seconds: float | None) -> str:
        return "–" if seconds is None else f"{seconds:.2f} s"

    lines = [
        "| step | JupyterLab: kernel ready | JupyterLab: forms usable | Voila: forms usable "
        "| target | ok |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name in names():
        kernel, usable = lab.get(name, (None, None))
        shown = voila.get(name, (None,))[0]
        worst = max((t for t in (usable, shown) if t is not None), default=None)
        ok = "–" if worst is None else "ok" if worst < TARGET else "MISSED"
        lines.append(
            f"| {name} | {cell(kernel)} | {cell(usable)} | {cell(shown)} "
            f"| < {TARGET:.0f} s | {ok} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed opens of each step")
    parser.add_argument("--no-voila", action="store_true", help="JupyterLab only")
    parser.add_argument("--no-lab", action="store_true", help="Voila only")
    options = parser.parse_args(argv)
    if not CHROMIUM.exists() or importlib.util.find_spec("playwright") is None:
        print(f"open -> usable: not available (needs {CHROMIUM} and the playwright package)")
        return 0
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="careerkit-open-bench-") as tmp:
        folder = Path(tmp)
        home = folder / "workspace"
        home.mkdir()
        shutil.copy(PERSONA, home / "plan.json")
        (folder / "lab").mkdir()
        env = server_environment(folder, home)
        with browser() as chromium:
            lab = {} if options.no_lab else measure_lab(chromium, folder, env, options.runs)
            voila = {} if options.no_voila else measure_voila(chromium, env, options.runs)
    print(
        f"Open a step -> forms usable, {datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, load average {load:.1f} at the start and "
        f"{os.getloadavg()[0]:.1f} at the end; medians of {options.runs} opens after a warm-up.\n"
    )
    print(table(lab, voila))
    return 0


if __name__ == "__main__":
    sys.exit(main())
