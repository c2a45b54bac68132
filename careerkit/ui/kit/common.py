"""Pieces every notebook's widgets share: saving as the person types, errors shown, and rows of
choices whose chosen button stands out."""

from __future__ import annotations

import asyncio
import atexit
import functools
import html
import os
import signal
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from types import FrameType
from typing import TYPE_CHECKING, Any

import ipywidgets as w
from IPython import get_ipython

from careerkit import paths
from careerkit.plan import Plan, PlanConflict, PlanError
from careerkit.ui.kit import lean
from careerkit.ui.kit.a11y import ChartImage, chart_text

if TYPE_CHECKING:  # matplotlib is imported by the charts, when a step draws one
    from matplotlib.figure import Figure

WIDE = {"description_width": "initial"}
#: The chosen button of a row of choices stands out: white on dark blue (contrast 8.7:1,
#: WCAG AA asks 4.5:1; 7.5:1 against the unchosen buttons' grey), not JupyterLab's grey on grey.
#: :func:`choices` puts the class on a ``ToggleButtons``; a panel holding some shows
#: :func:`choices_style` once (a ``<style>`` applies to the whole page).
CHOICE_CLASS = "ck-choices"
CHOICE_CSS = (
    f"<style>.{CHOICE_CLASS} .jupyter-button.mod-active"
    "{background:#1f4e79;color:#fff;font-weight:bold;box-shadow:none}</style>"
)


def kernel_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop of the IPython kernel running this code, or None (tests, scripts).

    Only a kernel's loop counts: another library's running loop (a test's browser
    driver, say) would never run our timers while a test waits.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    shell = get_ipython()
    return loop if getattr(shell, "kernel", None) is not None else None


def later(
    delay: float, fn: Callable[[], Any], pending: asyncio.TimerHandle | None = None
) -> asyncio.TimerHandle | None:
    """Run ``fn`` once changes pause for ``delay`` seconds in a kernel, else at once.

    ``pending`` (the handle returned by the previous call) is cancelled first.
    """
    if pending:
        pending.cancel()
    loop = kernel_loop()
    if loop is None:
        fn()
        return None
    return loop.call_later(delay, fn)


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
        self.status.offer_reload(False)
        self.status.value = note_html(
            f"Saved at {datetime.now():%H:%M:%S} to {paths.shown(self.plan.path)}"
        )
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


def show_figure(out: w.Output, fig: Figure) -> None:
    """Show a chart in ``out`` as a PNG (the same in JupyterLab, Voila and tests)."""
    from careerkit.report.charts import png  # not at import: a step without charts skips matplotlib

    out.outputs = ()
    out.append_display_data(ChartImage(png(fig), chart_text(fig)))  # with its text alternative


def note_html(text: str) -> str:
    return f'<span style="color:#555">{html.escape(text)}</span>'


def error_html(text: str) -> str:
    return f'<div style="color:#b00020"><b>Not saved:</b> {html.escape(text)}</div>'


def message_html(text: str, kind: str = "info") -> str:
    """A one-line message box; ``kind`` is info, good, warn or error."""
    colours = {"info": "#1f4e79", "good": "#1b5e20", "warn": "#8a5300", "error": "#b00020"}
    return f'<div style="color:{colours[kind]}">{html.escape(text)}</div>'


@contextmanager
def quietly(owner: Any) -> Iterator[None]:
    """Set widget values from code without ``owner``'s observers acting on them.

    Sets ``owner.quiet`` for the duration (nesting is fine); observers that must not
    react to the code's own changes return early while ``self.quiet`` is true.
    """
    before = getattr(owner, "quiet", False)
    owner.quiet = True
    try:
        yield
    finally:
        owner.quiet = before


def guarded(out: w.Output) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a widget callback so an unexpected error is shown in ``out``, not lost."""

    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def guarded_fn(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except Exception as err:  # noqa: BLE001 - shown to the person, not swallowed
                text = f"{type(err).__name__}: {err}"
                out.append_display_data(w.HTML(message_html(text, "error")))
                return None

        return guarded_fn

    return wrap


def show(widget: w.DOMWidget, visible: bool = True) -> None:
    """Show or hide ``widget``, which needs a Layout of its own (see :mod:`.lean`)."""
    widget.layout.display = "" if visible else "none"


def choices(**options: Any) -> w.ToggleButtons:
    """A row of buttons to pick one of (``ToggleButtons``) whose chosen button stands out;
    its layout and style are shared (:mod:`careerkit.ui.kit.lean`)."""
    return lean.make(w.ToggleButtons, **options).add_class(CHOICE_CLASS)


def choices_style() -> w.HTML:
    """The style that makes the chosen button of :func:`choices` stand out (invisible)."""
    return lean.html(CHOICE_CSS, layout={"display": "none"})


def text_area(
    value: str,
    description: str,
    placeholder: str = "",
    rows: int = 3,
    *,
    hides: bool = False,
    name: str = "",
) -> w.Textarea:
    """A full-width multi-line answer box whose text reaches the kernel as it is typed: the
    panels' savers wait for a typing pause, so text typed and never left is saved too.

    A box without a ``description`` (its question shown above it) needs a ``name``, the
    question in a few words: its tooltip, which ``careerkit.ui.kit.a11y`` makes the name a
    screen reader announces.

    Its layout is shared (see :mod:`careerkit.ui.kit.lean`); one that ``hides`` (shown and
    hidden later) gets its own.
    """
    full = {"width": "95%"}
    return lean.make(
        w.Textarea,
        value=value,
        description=description,
        placeholder=placeholder,
        tooltip=name or None,
        rows=rows,
        continuous_update=True,
        layout=w.Layout(**full) if hides else full,
        style=WIDE,
    )
