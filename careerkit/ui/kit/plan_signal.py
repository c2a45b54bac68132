"""The plan changed: one signal per plan that the widgets following it subscribe to (the
charts of 04 and 05 that redraw, the panels of 02 that refresh each other).

An editor that changed the plan calls :func:`plan_changed` with the sections it changed;
a widget that shows the plan calls :func:`follow` with its refresh method and the sections
it shows. Followers are held weakly (a page's widgets closed or dropped stop following),
and a plan's signal ends with the plan.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

import ipywidgets as w

from careerkit.plan import Plan
from careerkit.ui.kit import lean
from careerkit.ui.kit.a11y import show_figure
from careerkit.ui.kit.callbacks import guarded
from careerkit.ui.kit.kernel import later

if TYPE_CHECKING:  # matplotlib is imported by the charts, when a step draws one
    from matplotlib.figure import Figure

CHART_DELAY = 0.4  # seconds without a change before a chart follows it


class PlanSignal:
    """Who follows one plan: refresh methods held weakly, each with the sections it shows."""

    def __init__(self) -> None:
        self._followers: list[tuple[weakref.WeakMethod[Callable[[], None]], frozenset[str]]] = []

    def follow(self, refresh: Callable[[], None], *sections: str) -> None:
        """Call ``refresh`` (a widget's method) after a change to one of ``sections`` (any
        section when none are named)."""
        self._followers.append((weakref.WeakMethod(refresh), frozenset(sections)))

    def emit(self, *sections: str) -> None:
        """Tell the followers of ``sections`` (every follower when none are named)."""
        self._followers = [(ref, shown) for ref, shown in self._followers if ref() is not None]
        for ref, shown in list(self._followers):
            refresh = ref()
            if refresh is not None and (not sections or not shown or shown & set(sections)):
                refresh()

    def __len__(self) -> int:
        """How many followers are still alive."""
        return sum(ref() is not None for ref, _ in self._followers)


# One signal per plan alive in this kernel, keyed by identity (a Plan is not hashable);
# the entry goes when the plan does, so a new plan reusing the id starts with none.
_SIGNALS: dict[int, PlanSignal] = {}


def signal_of(plan: Plan) -> PlanSignal:
    """The signal of this plan (made on first use)."""
    key = id(plan)
    if key not in _SIGNALS:
        _SIGNALS[key] = PlanSignal()
        weakref.finalize(plan, _SIGNALS.pop, key, None)
    return _SIGNALS[key]


def follow(plan: Plan, refresh: Callable[[], None], *sections: str) -> None:
    """Call ``refresh`` (a bound method, held weakly) when ``sections`` of ``plan`` change."""
    signal_of(plan).follow(refresh, *sections)


def plan_changed(plan: Plan, *sections: str) -> None:
    """Tell the widgets following ``sections`` of this plan (all, when none are named)."""
    signal = _SIGNALS.get(id(plan))
    if signal is not None:
        signal.emit(*sections)


class FollowingChart(w.VBox):
    """A chart of the plan that redraws itself shortly after the plan's editors change it."""

    def __init__(
        self,
        plan: Plan,
        draw: Callable[[], Figure],
        *sections: str,
        narrow: Callable[[], Figure] | None = None,
    ) -> None:
        self.draw_figure, self.out, self.errors = draw, lean.output(), lean.output()
        self.draw_narrow = narrow  # the chart drawn for a phone as well (show_figure)
        self._timer: asyncio.TimerHandle | None = None
        super().__init__([self.out, self.errors], layout=lean.layout())
        follow(plan, self.changed, *sections)
        self.redraw()

    def changed(self) -> None:
        """Redraw once changes pause (drawing takes longer than a keystroke)."""
        self._timer = later(CHART_DELAY, guarded(self.errors)(self.redraw), self._timer)

    def redraw(self) -> None:
        self._timer = None
        narrow = self.draw_narrow() if self.draw_narrow else None
        show_figure(self.out, self.draw_figure(), narrow)


__all__ = ["CHART_DELAY", "FollowingChart", "PlanSignal", "follow", "plan_changed", "signal_of"]
