"""Shared widget machinery: deferred work only inside a kernel, the saver and its flushing
at exit, callback errors."""

from __future__ import annotations

import asyncio
import shutil
import signal
import subprocess
import sys
from types import SimpleNamespace

import ipywidgets as w
import pytest

from careerkit.plan import Plan
from careerkit.ui.kit import autosave, callbacks, kernel
from tests.conftest import reopen


def test_later_runs_at_once_outside_a_kernel() -> None:
    ran = []
    assert kernel.later(5, lambda: ran.append(1)) is None
    assert ran == [1]


def test_another_librarys_event_loop_does_not_defer_work() -> None:
    """A running loop that is not a kernel's (e.g. a browser driver's) never runs our timers."""
    ran = []

    async def inside_a_foreign_loop() -> None:
        kernel.later(5, lambda: ran.append(1))

    asyncio.run(inside_a_foreign_loop())
    assert ran == [1]


def test_in_a_kernel_only_the_last_request_runs(monkeypatch) -> None:
    monkeypatch.setattr(kernel, "kernel_loop", asyncio.get_running_loop)
    ran: list[int] = []

    async def clicks() -> None:
        handle = None
        for i in range(3):
            handle = kernel.later(0.01, lambda i=i: ran.append(i), handle)
        assert ran == []
        await asyncio.sleep(0.05)

    asyncio.run(clicks())
    assert ran == [2]


def test_saver_shows_a_conflict_and_keeps_the_change_pending(plan: Plan) -> None:
    other = reopen(plan)
    other.dream_job.vision = "Theirs"
    other.save("dream_job")
    saver = autosave.Saver(plan)
    plan.dream_job.vision = "Mine"
    saver.request("dream_job")
    assert "Not saved" in saver.status.value and "another notebook" in saver.status.value
    assert reopen(plan).dream_job.vision == "Theirs"
    assert saver._pending == {"dream_job"}


def test_guarded_shows_a_callback_error_instead_of_losing_it() -> None:
    out = w.Output()

    @callbacks.guarded(out)
    def broken() -> None:
        raise ValueError("bad <input>")

    broken()
    assert "ValueError: bad &lt;input&gt;" in out.outputs[0]["data"]["text/plain"]


def failing_save(plan: Plan) -> autosave.Saver:
    """A Saver whose save of a changed vision fails: a file stands where history/ goes."""
    history = plan.path.parent / "history"
    shutil.rmtree(history)
    history.write_text("a file where the history folder should be")
    saver = autosave.Saver(plan)
    plan.dream_job.vision = "Mine"
    saver.request("dream_job")
    return saver


def test_saver_shows_a_disk_error_and_keeps_the_change_pending(plan: Plan) -> None:
    saver = failing_save(plan)
    assert "Not saved" in saver.status.value and "history" in saver.status.value
    assert saver._pending == {"dream_job"}
    assert reopen(plan).dream_job.vision == ""


def test_a_change_still_waiting_is_saved_when_the_kernel_exits(plan: Plan, monkeypatch) -> None:
    monkeypatch.setattr(kernel, "kernel_loop", asyncio.get_running_loop)
    saver = autosave.Saver(plan, delay=60)

    async def type_then_close() -> None:
        plan.dream_job.vision = "Typed just before closing the tab"
        saver.request("dream_job")
        assert reopen(plan).dream_job.vision == ""  # still waiting for the pause
        autosave.flush_all()  # what atexit runs as the kernel shuts down

    asyncio.run(type_then_close())
    assert reopen(plan).dream_job.vision == "Typed just before closing the tab"


CHILD = """
import asyncio, sys
from careerkit import open_plan
from careerkit.ui.kit import autosave, kernel

kernel.kernel_loop = asyncio.get_running_loop  # defer saves as in a kernel


async def main() -> None:
    plan = open_plan(sys.argv[1])
    saver = autosave.Saver(plan, delay=600)
    plan.dream_job.vision = "Typed just before the kernel was stopped"
    saver.request("dream_job")
    print("waiting", flush=True)
    await asyncio.sleep(600)


asyncio.run(main())
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_change_still_waiting_is_saved_when_the_kernel_is_stopped_by_a_signal(
    plan: Plan, signum: int
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(plan.path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline() == "waiting\n"
    assert reopen(plan).dream_job.vision == ""  # still waiting for the typing pause
    child.send_signal(signum)
    assert child.wait(timeout=60) == -signum  # the signal still ends the kernel
    assert reopen(plan).dream_job.vision == "Typed just before the kernel was stopped"


def test_a_change_still_waiting_is_saved_on_the_kernels_shutdown_request(
    plan: Plan, monkeypatch
) -> None:
    shutdowns: list[bool] = []
    running = SimpleNamespace(do_shutdown=lambda restart: shutdowns.append(restart) or {})
    monkeypatch.setattr(autosave, "get_ipython", lambda: SimpleNamespace(kernel=running))
    monkeypatch.setattr(kernel, "kernel_loop", asyncio.get_running_loop)

    async def type_then_shut_down() -> None:
        saver = autosave.Saver(plan, delay=60)
        plan.dream_job.vision = "Typed just before shutting down"
        saver.request("dream_job")
        assert reopen(plan).dream_job.vision == ""
        running.do_shutdown(False)  # what the kernel runs on a shutdown_request message

    asyncio.run(type_then_shut_down())
    assert shutdowns == [False]  # the kernel's own shutdown still runs
    assert reopen(plan).dream_job.vision == "Typed just before shutting down"


def test_a_refused_save_offers_reload_which_saves_the_typed_text_on_top(plan: Plan) -> None:
    """Two tabs of 00: one saves a name; the other, opened before, types the coach."""
    from careerkit.ui.start import ProfileForm

    first, second = ProfileForm(reopen(plan)), ProfileForm(reopen(plan))
    first.name.value = "Ana"
    second.coach.value = "Dana"
    status = second.saver.status
    assert "Not saved" in status.value and "About you (00)" in status.value
    assert "open_plan" not in status.value  # no Python to run
    assert status.reload.layout.display != "none"
    assert reopen(plan).profile.coach == ""

    status.reload.click()
    saved = reopen(plan).profile
    assert (saved.name, saved.coach) == ("Ana", "Dana")
    assert second.coach.value == "Dana"  # the typed text is still on screen
    assert "Saved at" in status.value and "reload the page" in status.value
    assert status.reload.layout.display == "none"

    second.workshop.value = "Spring"  # the form still shows the old name: it must not win
    saved = reopen(plan).profile
    assert (saved.name, saved.coach, saved.workshop) == ("Ana", "Dana", "Spring")


def test_no_reload_button_for_other_save_problems(plan: Plan) -> None:
    saver = failing_save(plan)
    assert "Not saved" in saver.status.value
    assert saver.status.reload.layout.display == "none"
