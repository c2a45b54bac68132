"""Pages of the app started ahead of time (``careerkit.workbook``, ``careerkit.app.voila``): the
plan is read once the person opens the page, never while the page is being prepared.
(That the app's address leads to step 00 is checked in tests/browser/test_app.py.)"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
import voila.utils
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from careerkit import open_plan, workbook
from careerkit.app import voila as app_voila
from careerkit.app.pages import BoundedKernelManager, StartLimiter
from tests.conftest import PERSONA


@pytest.fixture
def requests(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Voila's wait for the person, replaced: records each wait instead of blocking."""
    seen: list[str] = []
    monkeypatch.setattr(voila.utils, "wait_for_request", lambda: seen.append("opened"))
    return seen


def test_outside_a_page_started_ahead_nothing_waits(
    monkeypatch: pytest.MonkeyPatch, requests: list[str]
) -> None:
    monkeypatch.delenv(workbook.PREHEATED, raising=False)
    workbook.wait_for_person()
    monkeypatch.setenv(workbook.PREHEATED, "False")
    workbook.wait_for_person()
    assert requests == []


def test_the_plan_is_read_after_the_person_opens_the_page(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(PERSONA, workspace / "plan.json")
    monkeypatch.setenv(workbook.PREHEATED, "True")

    def person_opens_the_page() -> None:
        # Between the app's start and the person's visit, another page changed the plan.
        raw = json.loads((workspace / "plan.json").read_text(encoding="utf-8"))
        raw["profile"]["name"] = "Changed while the page waited"
        (workspace / "plan.json").write_text(json.dumps(raw), encoding="utf-8")

    monkeypatch.setattr(voila.utils, "wait_for_request", person_opens_the_page)
    assert open_plan().profile.name == "Changed while the page waited"


def test_only_the_first_open_waits(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, requests: list[str]
) -> None:
    """ "Reload my plan" opens the plan again in the same kernel: that must not wait."""
    monkeypatch.setenv(workbook.PREHEATED, "True")
    open_plan()
    open_plan()
    assert requests == ["opened"]


def test_a_broken_catalogue_does_not_stop_the_page(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, requests: list[str]
) -> None:
    monkeypatch.setenv("CAREERKIT_CATALOG", str(workspace / "missing.csv"))
    monkeypatch.setenv(workbook.PREHEATED, "True")
    workbook.wait_for_person()
    assert requests == ["opened"]


@pytest.mark.parametrize(
    ("given", "auto"), [([], True), (["--Voila.token=abc"], False), (["--token=abc"], False)]
)
def test_a_token_is_made_unless_the_person_gives_one(
    monkeypatch: pytest.MonkeyPatch, given: list[str], auto: bool
) -> None:
    launched: list[list[str]] = []
    monkeypatch.setattr(
        app_voila.WorkbookApp, "launch_instance", lambda argv: launched.append(argv)
    )
    app_voila.main(["notebooks", *given])
    assert (app_voila.AUTO_TOKEN in launched[0]) is auto
    assert "--preheat_kernel=True" in launched[0]


def test_an_option_the_person_gives_replaces_the_apps_own(monkeypatch: pytest.MonkeyPatch) -> None:
    launched: list[list[str]] = []
    monkeypatch.setattr(
        app_voila.WorkbookApp, "launch_instance", lambda argv: launched.append(argv)
    )
    app_voila.main(["notebooks", "--pool_size=0", "--port=9999"])
    assert [a for a in launched[0] if a.startswith("--pool_size")] == ["--pool_size=0"]
    assert "--preheat_kernel=True" in launched[0] and "--port=9999" in launched[0]


def test_the_notebooks_folder_is_not_taken_for_the_token(monkeypatch: pytest.MonkeyPatch) -> None:
    """Voila's flag ``--token`` takes the next word as its value: the folder, once."""
    launched: list[list[str]] = []
    monkeypatch.setattr(
        app_voila.WorkbookApp, "launch_instance", lambda argv: launched.append(argv)
    )
    app_voila.main(["/somewhere/notebooks", "--no-browser"])
    parsed = app_voila.WorkbookApp()
    parsed.parse_command_line(launched[0])
    assert parsed.extra_args == ["/somewhere/notebooks"]
    assert parsed.token is None and parsed.auto_token


def test_pages_start_a_few_at_a_time_a_persons_first_then_in_step_order() -> None:
    """careerkit.app.pages.StartLimiter: one place; then a prepared 03, a prepared 00 and a
    person ask, in that order: the person gets the place first, then 00, then 03."""

    async def scenario() -> list[str]:
        limiter = StartLimiter(1)
        assert await limiter.acquire(person=True)
        assert not await limiter.acquire(person=True, timeout=0.01)  # no place: says so
        served: list[str] = []

        async def ask(who: str, person: bool, rank: str = "") -> None:
            await limiter.acquire(person=person, rank=rank)
            served.append(who)
            await limiter.release()

        waiting = [
            asyncio.create_task(ask("03 prepared", False, "03_compare.ipynb")),
            asyncio.create_task(ask("00 prepared", False, "00_start.ipynb")),
            asyncio.create_task(ask("a person", True)),
        ]
        for _ in range(5):  # every one of them waiting
            await asyncio.sleep(0)
        await limiter.release()
        await asyncio.gather(*waiting)
        return served

    assert asyncio.run(scenario()) == ["a person", "00 prepared", "03 prepared"]


def idle_kernel(seconds: float) -> SimpleNamespace:
    """What Jupyter's culler reads of a kernel, idle for ``seconds``, without its process."""
    return SimpleNamespace(
        kernel_name="python3",
        execution_state="idle",
        kernel_spec=SimpleNamespace(metadata={}),
        last_activity=datetime.now(UTC) - timedelta(seconds=seconds),
    )


async def until(condition: Callable[[], bool]) -> None:
    """Let the other tasks run until ``condition`` holds (they never wait on anything else)."""
    for _ in range(1000):
        if condition():
            return
        await asyncio.sleep(0)
    raise AssertionError("the tasks stopped before the awaited point")


@pytest.mark.parametrize("page_left", ["done", "under way"])
def test_the_culler_skips_a_kernel_its_page_shut_down_meanwhile(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, page_left: str
) -> None:
    """careerkit.app.pages.BoundedKernelManager: the culler lists kernels "a" and "b", then
    shuts idle "a" down; meanwhile "b"'s page is left and shuts "b" down ("done": before the
    culler reaches "b"; "under way": not yet). No error is logged and "b" stops once."""
    began: list[str] = []  # kernels whose shutdown began, once per shutdown
    stopped: list[str] = []
    may_stop = {"a": asyncio.Event(), "b": asyncio.Event()}

    async def stop(manager: BoundedKernelManager, kernel_id: str, *args: object, **kw: object):
        began.append(kernel_id)
        await may_stop[kernel_id].wait()
        stopped.append(kernel_id)
        manager._kernels.pop(kernel_id, None)

    # The kernel processes' shutdown, below careerkit's manager, replaced by stop().
    monkeypatch.setattr(AsyncMappingKernelManager, "shutdown_kernel", stop)

    async def scenario() -> None:
        manager = BoundedKernelManager(log=logging.getLogger("cull-race"))
        manager._kernels.update(a=idle_kernel(700), b=idle_kernel(700))
        page_b = asyncio.create_task(manager.shutdown_kernel("b"))  # "b"'s page was left
        await until(lambda: "b" in began)
        culler = asyncio.create_task(manager.cull_kernels())
        await until(lambda: "a" in began)  # the culler listed "a" and "b", stops "a"
        if page_left == "done":
            may_stop["b"].set()
            await page_b
        may_stop["a"].set()
        await until(lambda: culler.done() or began.count("b") > 1)
        may_stop["b"].set()
        await asyncio.gather(culler, page_b)

    with caplog.at_level(logging.DEBUG, logger="cull-race"):
        asyncio.run(scenario())
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert sorted(stopped) == ["a", "b"]
