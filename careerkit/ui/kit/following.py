"""Charts that follow the plan as it is edited: each redraws once the changes pause."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable

import ipywidgets as w
from matplotlib.figure import Figure

from careerkit.plan import Plan
from careerkit.ui.kit import lean
from careerkit.ui.kit.common import guarded, later, show_figure

CHART_DELAY = 0.4  # seconds without a change before a chart follows it

_CHARTS: dict[int, weakref.WeakSet[FollowingChart]] = {}


def plan_changed(plan: Plan) -> None:
    """Tell this plan's charts (timeline, roadmap) to redraw once changes pause."""
    for chart in list(_CHARTS.get(id(plan), ())):
        chart.changed()


class FollowingChart(w.VBox):
    """A chart of the plan that redraws itself shortly after the plan's editors change it."""

    def __init__(self, plan: Plan, draw: Callable[[], Figure]) -> None:
        self.draw_figure, self.out, self.errors = draw, lean.output(), lean.output()
        self._timer: asyncio.TimerHandle | None = None
        super().__init__([self.out, self.errors], layout=lean.layout())
        if id(plan) not in _CHARTS:
            _CHARTS[id(plan)] = weakref.WeakSet()
            weakref.finalize(plan, _CHARTS.pop, id(plan), None)
        _CHARTS[id(plan)].add(self)
        self.redraw()

    def changed(self) -> None:
        """Redraw once changes pause (drawing takes longer than a keystroke)."""
        self._timer = later(CHART_DELAY, guarded(self.errors)(self.redraw), self._timer)

    def redraw(self) -> None:
        self._timer = None
        show_figure(self.out, self.draw_figure())


__all__ = ["CHART_DELAY", "FollowingChart", "plan_changed"]
