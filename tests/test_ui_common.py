"""Shared widget pieces: deferred work only inside a kernel, the saver, callback errors."""

from __future__ import annotations

import asyncio
import shutil

import ipywidgets as w

from careerkit.plan import Plan
from careerkit.ui import common
from tests.conftest import reopen


def test_later_runs_at_once_outside_a_kernel() -> None:
    ran = []
    assert common.later(5, lambda: ran.append(1)) is None
    assert ran == [1]


def test_another_librarys_event_loop_does_not_defer_work() -> None:
    """A running loop that is not a kernel's (e.g. a browser driver's) never runs our timers."""
    ran = []

    async def inside_a_foreign_loop() -> None:
        common.later(5, lambda: ran.append(1))

    asyncio.run(inside_a_foreign_loop())
    assert ran == [1]


def test_in_a_kernel_only_the_last_request_runs(monkeypatch) -> None:
    monkeypatch.setattr(common, "kernel_loop", asyncio.get_running_loop)
    ran: list[int] = []

    async def clicks() -> None:
        handle = None
        for i in range(3):
            handle = common.later(0.01, lambda i=i: ran.append(i), handle)
        assert ran == []
        await asyncio.sleep(0.05)

    asyncio.run(clicks())
    assert ran == [2]


def test_saver_shows_a_conflict_and_keeps_the_change_pending(plan: Plan) -> None:
    other = reopen(plan)
    other.dream_job.vision = "Theirs"
    other.save("dream_job")
    saver = common.Saver(plan)
    plan.dream_job.vision = "Mine"
    saver.request("dream_job")
    assert "Not saved" in saver.status.value and "another notebook" in saver.status.value
    assert reopen(plan).dream_job.vision == "Theirs"
    assert saver._pending == {"dream_job"}


def test_guarded_shows_a_callback_error_instead_of_losing_it() -> None:
    out = w.Output()

    @common.guarded(out)
    def broken() -> None:
        raise ValueError("bad <input>")

    broken()
    assert "ValueError: bad &lt;input&gt;" in out.outputs[0]["data"]["text/plain"]


def test_saver_shows_a_disk_error_and_keeps_the_change_pending(plan: Plan) -> None:
    history = plan.path.parent / "history"
    shutil.rmtree(history)
    history.write_text("a file where the history folder should be")
    saver = common.Saver(plan)
    plan.dream_job.vision = "Mine"
    saver.request("dream_job")
    assert "Not saved" in saver.status.value and "history" in saver.status.value
    assert saver._pending == {"dream_job"}
    assert reopen(plan).dream_job.vision == ""


def test_a_change_still_waiting_is_saved_when_the_kernel_exits(plan: Plan, monkeypatch) -> None:
    monkeypatch.setattr(common, "kernel_loop", asyncio.get_running_loop)
    saver = common.Saver(plan, delay=60)

    async def type_then_close() -> None:
        plan.dream_job.vision = "Typed just before closing the tab"
        saver.request("dream_job")
        assert reopen(plan).dream_job.vision == ""  # still waiting for the pause
        common.flush_all()  # what atexit runs as the kernel shuts down

    asyncio.run(type_then_close())
    assert reopen(plan).dream_job.vision == "Typed just before closing the tab"
