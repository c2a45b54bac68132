"""A workshop's load on one machine: N participants on ``make app`` at once.

Each participant is a separate context (its own cookies, its own tab) of one headless
Debian Chromium driven by Playwright; all start together and each goes through the steps
00 -> 07 and back to 00, ``--passes`` times, spending ``--reading`` seconds on each page.
Meanwhile the app's kernels alive and the resident memory of the app and its kernels
(psutil) are sampled every ``--every`` seconds. Loopback only: the app listens on
127.0.0.1 and any request to another host is refused (and counted).

Run ``.venv/bin/python benchmarks/load.py [--participants 20]`` (``make bench LOAD=1``).
Prints a Markdown report: page opens (median, 90th percentile, worst, share under 3 s,
pages that said "busy" or failed) and the samples over time; progress goes to standard
error. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import (  # noqa: E402 - after the repository is importable
    CHROMIUM,
    CHROMIUM_ARGS,
    NOTEBOOKS,
    PERSONA,
    VIEWPORT,
    running,
    server_environment,
)
from tests.browser.test_workbook import ANY_WIDGET, MAIN_WIDGETS  # noqa: E402

TARGET = 3.0  # seconds: the aim for a page to open
PAGE_TIMEOUT_MS = 180_000  # a page not open after this counts as failed
MAX_PARTICIPANTS = 60  # a bound: the benchmark never starts more
LOOPBACK = {"127.0.0.1", "localhost"}
# "ok" once the step's main widgets are shown, "busy" for the app's could-not-start page,
# "error" for Voila's error.
STATE_JS = """(wanted) => {
  const text = document.body ? document.body.innerText : "";
  if (text.includes("could not start yet")) return "busy";
  if (text.includes("There was an error when executing cell")) return "error";
  return wanted.every(([s, n]) => document.querySelectorAll(s).length >= n) ? "ok" : false;
}"""


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


@dataclass
class Results:
    opens: list[float] = field(default_factory=list)  # seconds, pages that opened
    busy: int = 0
    failed: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)  # refused requests to other hosts
    samples: list[tuple[float, int, float]] = field(default_factory=list)  # t, kernels, MB
    app_cpu: float = 0.0  # CPU-seconds used by the app and its kernels during the run


def app_cpu(app: psutil.Process) -> float:
    """CPU-seconds used so far by the app, its kernels alive and those already ended (a
    kernel's time is added to the app's ``children_*`` times once the app has reaped it)."""
    own = app.cpu_times()
    total = own.user + own.system + own.children_user + own.children_system
    for child in app.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            times = child.cpu_times()
            total += times.user + times.system
    return total


def route() -> list[str]:
    steps = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    assert steps, f"no notebooks in {NOTEBOOKS}"
    return steps


def itinerary(passes: int) -> list[str]:
    """00 -> 07 and back to 00, ``passes`` times (the turning pages once each)."""
    steps = route()
    there_and_back = steps + steps[-2::-1]
    return there_and_back + [s for _ in range(passes - 1) for s in there_and_back[1:]]


def wait_prepared(app_pid: int, within: float = 300.0) -> None:
    """Wait until the app has prepared its pages: its CPU use (app and kernels) stays under
    a tenth of a CPU for 3 s, so the CPU-seconds counted after are the participants' pages."""
    app = psutil.Process(app_pid)
    ends = time.monotonic() + within
    before = app_cpu(app)
    while time.monotonic() < ends:
        time.sleep(3)
        now = app_cpu(app)
        if now - before < 0.3:
            return
        before = now
    progress(f"the app was still busy after {within:.0f} s; measuring anyway")


def sample(app_pid: int, results: Results, start: float, every: float, done: threading.Event):
    """Kernels alive (the app's child processes) and resident memory of all, in MB."""
    app = psutil.Process(app_pid)
    first = app_cpu(app)
    while not done.wait(every):
        with contextlib.suppress(psutil.Error):
            children = app.children(recursive=True)
            resident = app.memory_info().rss
            for child in children:
                with contextlib.suppress(psutil.Error):
                    resident += child.memory_info().rss
            results.samples.append((time.monotonic() - start, len(children), resident / 2**20))
            results.app_cpu = app_cpu(app) - first


async def participant(
    number: int, browser: Any, address: Any, steps: list[str], reading: float, results: Results
) -> None:
    context = await browser.new_context(viewport=VIEWPORT)

    async def only_loopback(request_route: Any) -> None:
        url = request_route.request.url
        host = urllib.parse.urlsplit(url).hostname
        if url.startswith(("http:", "https:", "ws:", "wss:")) and host not in LOOPBACK:
            results.outside.append(url)
            await request_route.abort()
        else:
            await request_route.continue_()

    await context.route("**/*", only_loopback)
    page = await context.new_page()
    try:
        for step in steps:
            wanted = list(MAIN_WIDGETS.get(step, ANY_WIDGET).items())
            began = time.perf_counter()
            try:
                # A page waiting its turn to start answers late: the same limit as below.
                await page.goto(
                    address(f"/voila/render/{step}"), wait_until="commit", timeout=PAGE_TIMEOUT_MS
                )
                state = await page.wait_for_function(
                    STATE_JS, arg=wanted, polling=100, timeout=PAGE_TIMEOUT_MS
                )
                outcome = await state.json_value()
            except Exception as error:  # a timeout or a closed connection: counted
                outcome = f"failed: {type(error).__name__}"
            seconds = time.perf_counter() - began
            if outcome == "ok":
                results.opens.append(seconds)
            elif outcome == "busy":
                results.busy += 1
            else:
                results.failed.append(f"participant {number}, {step}: {outcome}")
            progress(f"participant {number:2d} {step}: {outcome} in {seconds:.1f} s")
            await asyncio.sleep(reading)
        await page.goto("about:blank")  # leaves the last page, as closing the tab would
        await asyncio.sleep(2)  # a browser sends the "page left" request before it goes
    finally:
        await context.close()


async def workshop(address: Any, options: argparse.Namespace, results: Results) -> None:
    from playwright.async_api import async_playwright

    steps = itinerary(options.passes)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            await asyncio.gather(
                *(
                    participant(n + 1, browser, address, steps, options.reading, results)
                    for n in range(options.participants)
                )
            )
        finally:
            await browser.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(results: Results, options: argparse.Namespace, loads: tuple[float, float]) -> str:
    opens = results.opens
    asked = options.participants * len(itinerary(options.passes))
    lines = [
        f"Load: {options.participants} participants, {datetime.now():%Y-%m-%d %H:%M}, "
        f"{os.cpu_count()} CPUs, {psutil.virtual_memory().total / 2**30:.1f} GB memory, "
        f"Python {platform.python_version()}; load average {loads[0]:.1f} at the start, "
        f"{loads[1]:.1f} at the end; app options: {options.app_args or '(make app defaults)'}.",
        "",
        "| pages asked | opened | median | 90th percentile | worst | under 3 s "
        "| said busy | failed | requests to other hosts |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    if opens:
        under = sum(t < TARGET for t in opens) / len(opens)
        figures = (
            f"{statistics.median(opens):.1f} s | {percentile(opens, 0.9):.1f} s "
            f"| {max(opens):.1f} s | {under:.0%}"
        )
    else:
        figures = "– | – | – | –"
    lines.append(
        f"| {asked} | {len(opens)} | {figures} | {results.busy} | {len(results.failed)} "
        f"| {len(results.outside)} |"
    )
    lines += [
        "",
        "| seconds | kernels alive | resident memory (app + kernels) |",
        "|---:|---:|---:|",
    ]
    step = max(1, len(results.samples) // 30)  # about 30 rows
    shown = results.samples[::step]
    if results.samples and shown[-1] is not results.samples[-1]:
        shown.append(results.samples[-1])
    lines += [f"| {t:.0f} | {kernels} | {mb:,.0f} MB |" for t, kernels, mb in shown]
    if opens:
        lines += [
            "",
            f"The app and its kernels used {results.app_cpu:,.0f} CPU-seconds, "
            f"{results.app_cpu / len(opens):.1f} per page opened "
            "(Chromium's own work not counted).",
        ]
    if results.samples:
        peak_kernels = max(s[1] for s in results.samples)
        peak_mb = max(s[2] for s in results.samples)
        lines += ["", f"Peak: {peak_kernels} kernels, {peak_mb:,.0f} MB resident."]
    lines += [f"- {failure}" for failure in results.failed[:20]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=20)
    parser.add_argument("--passes", type=int, default=2, help="times 00 -> 07 -> 00")
    parser.add_argument("--reading", type=float, default=5.0, help="seconds on each page")
    parser.add_argument("--every", type=float, default=1.0, help="seconds between samples")
    parser.add_argument("--settle", type=float, default=30.0, help="sampling after the end")
    parser.add_argument("--app-args", default="", help="extra options for the app")
    options = parser.parse_args(argv)
    if not 1 <= options.participants <= MAX_PARTICIPANTS:
        parser.error(f"--participants must be 1 to {MAX_PARTICIPANTS}")
    if not CHROMIUM.exists() or importlib.util.find_spec("playwright") is None:
        print(f"load: not available (needs {CHROMIUM} and the playwright package)")
        return 0
    start_load = os.getloadavg()[0]
    results = Results()
    with tempfile.TemporaryDirectory(prefix="careerkit-load-bench-") as tmp:
        folder = Path(tmp)
        home = folder / "workspace"
        home.mkdir()
        shutil.copy(PERSONA, home / "plan.json")
        env = server_environment(folder, home)
        args = [sys.executable, "-m", "careerkit.app", str(NOTEBOOKS), "--no-browser"]
        args += ["--Voila.ip=127.0.0.1", "--Voila.port_retries=0", *options.app_args.split()]
        with running("bench-load", args, env, "--Voila.token", "/voila/static/") as app:
            progress("waiting for the app to prepare its pages")
            wait_prepared(app.process.pid)
            began, done = time.monotonic(), threading.Event()
            sampler = threading.Thread(
                target=sample, args=(app.process.pid, results, began, options.every, done)
            )
            sampler.start()
            try:
                asyncio.run(workshop(app.address, options, results))
                time.sleep(options.settle)  # the kernels of pages left go; the pool refills
            finally:
                done.set()
                sampler.join()
    print(report(results, options, (start_load, os.getloadavg()[0])))
    return 1 if results.outside else 0


if __name__ == "__main__":
    sys.exit(main())
