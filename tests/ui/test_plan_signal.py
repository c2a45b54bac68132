"""One "the plan changed" signal per plan: followers by section, held weakly, gone with it."""

from __future__ import annotations

import gc

from matplotlib.figure import Figure

from careerkit.plan import Plan
from careerkit.report.charts import new_figure
from careerkit.ui.kit import plan_signal
from careerkit.ui.kit.plan_signal import FollowingChart, follow, plan_changed, signal_of
from tests.conftest import reopen


class Follower:
    """A widget's stand-in: counts how often it was told to refresh."""

    def __init__(self) -> None:
        self.refreshed = 0

    def refresh(self) -> None:
        self.refreshed += 1


def test_a_follower_hears_only_the_sections_it_shows(plan: Plan) -> None:
    shortlist, timeline, everything = Follower(), Follower(), Follower()
    follow(plan, shortlist.refresh, "exploration")
    follow(plan, timeline.refresh, "short_term_goals")
    follow(plan, everything.refresh)
    plan_changed(plan, "exploration")
    assert (shortlist.refreshed, timeline.refreshed, everything.refreshed) == (1, 0, 1)
    plan_changed(plan, "short_term_goals", "long_term")
    assert (shortlist.refreshed, timeline.refreshed, everything.refreshed) == (1, 1, 2)
    plan_changed(plan)  # no section named: every follower
    assert (shortlist.refreshed, timeline.refreshed, everything.refreshed) == (2, 2, 3)


def test_another_plan_is_not_told(plan: Plan) -> None:
    other = reopen(plan)  # the same file opened again: another plan object, another signal
    mine, theirs = Follower(), Follower()
    follow(plan, mine.refresh)
    follow(other, theirs.refresh)
    plan_changed(plan, "exploration")
    assert (mine.refreshed, theirs.refreshed) == (1, 0)


def test_a_dropped_follower_stops_following(plan: Plan) -> None:
    kept, dropped = Follower(), Follower()
    follow(plan, kept.refresh)
    follow(plan, dropped.refresh)
    assert len(signal_of(plan)) == 2
    del dropped
    gc.collect()
    plan_changed(plan)
    assert kept.refreshed == 1 and len(signal_of(plan)) == 1


def test_the_signal_ends_with_its_plan(plan: Plan) -> None:
    other = reopen(plan)
    follow(other, Follower().refresh)
    key = id(other)
    assert key in plan_signal._SIGNALS
    del other
    gc.collect()
    assert key not in plan_signal._SIGNALS


def test_changing_the_plan_without_followers_is_harmless(plan: Plan) -> None:
    plan_changed(plan, "long_term")  # no page follows this plan: nothing to tell
    assert id(plan) not in plan_signal._SIGNALS


def test_a_chart_redraws_for_its_section_only(plan: Plan) -> None:
    """04's timeline follows the goals: a change in 05 leaves it be, a goal change redraws it."""
    drawn: list[int] = []

    def draw() -> Figure:  # outside a kernel the redraw runs at once (no typing pause to wait for)
        drawn.append(1)
        return new_figure(2, 1)

    chart = FollowingChart(plan, draw, "short_term_goals")
    assert len(drawn) == 1 and chart.out.outputs  # drawn once when built
    plan_changed(plan, "long_term")
    assert len(drawn) == 1
    plan_changed(plan, "short_term_goals")
    assert len(drawn) == 2
