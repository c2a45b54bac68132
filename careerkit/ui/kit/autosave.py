"""Saving as the person types: a ``Saver`` per panel, its status line, and the saves still
waiting flushed when the kernel stops (exit, signal, shutdown request)."""

from __future__ import annotations

import asyncio
import atexit
import functools
import os
import signal
import weakref
from datetime import datetime
from types import FrameType
from typing import Any

import ipywidgets as w
from IPython import get_ipython

from careerkit import paths
from careerkit.plan import Plan, PlanConflict, PlanError
from careerkit.ui.kit import lean
from careerkit.ui.kit.fields import show
from careerkit.ui.kit.kernel import later
from careerkit.ui.kit.messages import error_html, note_html

_SAVERS: weakref.WeakSet[Saver] = weakref.WeakSet()
_SIGNALS_HOOKED = False


@atexit.register
def flush_all() -> None:
    """Save what is still waiting when the kernel shuts down (a tab closed quickly)."""
    for saver in list(_SAVERS):
        saver.flush()


def install_exit_hooks() -> None:
    """Flush waiting saves on SIGTERM and SIGHUP and on the kernel's shutdown request.

    ``atexit`` alone misses a kernel stopped by a signal (a closed terminal, a server
    stopping) and one whose event loop stops before the typing pause ends. Previous
    signal handlers still run afterwards; the default one still ends the process.
    """
    global _SIGNALS_HOOKED
    if not _SIGNALS_HOOKED:
        _SIGNALS_HOOKED = True
        for name in ("SIGTERM", "SIGHUP"):
            signum = getattr(signal, name, None)
            if signum is None:  # Windows has no SIGHUP
                continue
            try:
                previous = signal.getsignal(signum)
                signal.signal(signum, functools.partial(_flush_then, previous))
            except (ValueError, OSError):  # only the main thread may set handlers
                pass
    kernel = getattr(get_ipython(), "kernel", None)
    if kernel is not None and not getattr(kernel, "_careerkit_flushes", False):
        original = kernel.do_shutdown

        def do_shutdown(restart: bool) -> Any:
            flush_all()
            return original(restart)

        kernel.do_shutdown = do_shutdown
        kernel._careerkit_flushes = True


def _flush_then(previous: Any, signum: int, frame: FrameType | None) -> None:
    """Save what is waiting, then do what the signal did before careerkit."""
    flush_all()
    if callable(previous):
        previous(signum, frame)
    elif previous != signal.SIG_IGN:  # the default: end the process as the signal does
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)


# What each plan section is called on screen, with the notebook that edits it.
PART_NAMES = {
    "profile": "About you (00)",
    "dream_job": "your dream job (01)",
    "exploration": "your shortlist (02)",
    "comparison": "your comparison (03)",
    "short_term_goals": "your short-term goals (04)",
    "long_term": "your long-term objectives (05)",
    "action_plan": "your action plan (06)",
    "reviews": "your reviews (07)",
}
RELOAD = "Reload my plan"


class SaveStatus(w.VBox):
    """A save's one-line status, with a "Reload my plan" button shown after a conflict.

    ``value`` is the status line's HTML (as the plain ``w.HTML`` it replaces had).
    """

    def __init__(self) -> None:
        self.line = lean.html()
        self.reload = lean.button(
            description=RELOAD,
            icon="refresh",
            button_style="warning",
            tooltip="Take the other notebook's answers and save what you typed here on top",
            layout=w.Layout(display="none", width="auto"),  # its own: shown after a conflict
        )
        super().__init__([self.line, self.reload], layout=lean.layout())

    @property
    def value(self) -> str:
        return self.line.value

    @value.setter
    def value(self, text: str) -> None:
        self.line.value = text

    def offer_reload(self, shown: bool) -> None:
        show(self.reload, shown)


class Saver:
    """Saves plan sections shortly after the last change, and says so in ``status``.

    Inside a running kernel the save waits ``delay`` seconds for more changes
    (debounce); without an event loop (tests, scripts) it saves at once. When another
    notebook changed the same section first, ``status`` offers "Reload my plan": the
    other notebook's answers are taken and this one's changes saved on top of them
    (:meth:`careerkit.plan.Plan.reload`); the forms keep showing what the person typed.
    """

    def __init__(self, plan: Plan, delay: float = 0.6) -> None:
        self.plan, self.delay = plan, delay
        self.status = SaveStatus()
        self.status.reload.on_click(lambda _button: self.reload())
        self._pending: set[str] = set()
        # Sections reloaded here: what their forms were built from (see Plan.keep_unshown).
        self._shown: dict[str, Any] = {}
        self._timer: asyncio.TimerHandle | None = None
        _SAVERS.add(self)
        install_exit_hooks()

    def request(self, *sections: str) -> None:
        self._pending.update(sections)
        self._timer = later(self.delay, self.flush, self._timer)

    def flush(self) -> bool:
        """Save what is pending now; whether it was saved (or nothing was pending)."""
        if self._timer:
            self._timer.cancel()
            self._timer = None
        sections, self._pending = sorted(self._pending), set()
        if not sections:
            return True
        try:
            for name in sections:
                if name in self._shown:
                    self.plan.keep_unshown(name, self._shown[name])
            self.plan.save(*sections)
        except Exception as err:  # noqa: BLE001 - shown to the person; may run from a timer
            self._pending.update(sections)  # keep them: a later save may succeed
            self.status.value = self._problem(err, sections)
            self.status.offer_reload(isinstance(err, PlanConflict))
            return False
        saved = note_html(f"Saved at {datetime.now():%H:%M:%S} to {paths.shown(self.plan.path)}")
        self.status.offer_reload(False)
        self.status.value = saved
        for other in list(_SAVERS):  # the plan's other panels: one save time, not several
            if other is not self and other.plan is self.plan and not other._pending:
                other.status.value = saved
        return True

    def reload(self) -> None:
        """Re-read the plan, keep the changes waiting here on top of it, and save them."""
        sections = sorted(self._pending)
        if not sections:
            self.status.offer_reload(False)
            return
        before = {name: self._dump(name) for name in sections}
        for name in sections:
            self._shown.setdefault(name, self.plan.as_read(name))
        try:
            clashes = self.plan.reload(*sections)
        except Exception as err:  # noqa: BLE001 - e.g. the file broke meanwhile
            self.status.value = self._problem(err, sections)
            return
        if not self.flush():
            return  # saved again elsewhere meanwhile: the message and button stay
        kept = "Your plan was reloaded: it has the other notebook's answers and yours"
        if clashes:  # then not all of the other's: say which are not
            kept += (
                f", except where both changed the same answer ({', '.join(clashes)}): there "
                "what you typed here was kept, and the other version stays in the plan's "
                "history folder"
            )
        notes = [kept + "."]
        if any(self._dump(name) != before[name] for name in sections):
            notes.append(
                "To see the other notebook's answers here too, reload the page (in "
                "JupyterLab: run all cells again)."
            )
        self.status.value += "".join(f"<br>{note_html(note)}" for note in notes)

    def _dump(self, name: str) -> Any:
        return self.plan.model_dump(mode="json", include={name})[name]

    def _problem(self, err: Exception, sections: list[str]) -> str:
        if isinstance(err, PlanConflict):
            parts = " and ".join(PART_NAMES.get(name, name) for name in sections)
            return error_html(
                f"another notebook (or another browser tab) changed {parts} in "
                f"{paths.shown(self.plan.path)} after this page opened it; its answers are "
                f"safe. Press \u201c{RELOAD}\u201d to take them and save what you typed "
                "here on top: nothing needs typing again."
            )
        problem = str(err) if isinstance(err, PlanError) else f"{type(err).__name__}: {err}"
        return error_html(problem.removeprefix("Not saved: "))  # error_html says it already
