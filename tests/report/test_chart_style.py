"""The charts' colours: the Okabe-Ito palette, and never a meaning carried by colour alone."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex, to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from careerkit.plan import Goal, Plan
from careerkit.report import charts
from careerkit.report.charts.style import COLOURS, OKABE_ITO, series
from tests.conftest import reopen
from tests.steps.test_goals import CLINIC, tiny_catalog

PALETTE = {to_hex(c) for c in OKABE_ITO.values()}
TODAY = date(2026, 12, 1)


def neutral(rgba: tuple[float, ...]) -> bool:
    """Black, white and the greys between: they mark guides and 'nothing', not series."""
    return max(rgba[:3]) - min(rgba[:3]) < 0.02


def drawn(fig: Figure) -> Iterator[tuple[tuple[float, ...], tuple]]:
    """(colour, what else marks it) for every bar, area, point and line, legends included.

    Pale backgrounds (alpha under 0.3) come with the sign "background": each is named by a
    heading on the chart. Fully transparent shapes (hollow legend markers) are skipped.
    """
    for ax in fig.axes:
        legends = [ax.get_legend(), *fig.legends]
        handles = [h for legend in legends if legend for h in legend.legend_handles]
        for artist in [*ax.patches, *ax.lines, *ax.collections, *handles]:
            if isinstance(artist, Patch):
                rgba = to_rgba(artist.get_facecolor())
                if rgba[3] < 0.3:
                    yield rgba, ("background",)
                    continue
                yield rgba, ("hatch", artist.get_hatch() or "")
            elif isinstance(artist, Line2D):
                rgba = to_rgba(artist.get_color())
                yield rgba, ("line", str(artist.get_marker()), artist.get_linestyle())
            elif isinstance(artist, PathCollection):
                path = artist.get_paths()[0].vertices.round(3).tobytes()
                for rgba in artist.get_facecolors():
                    yield tuple(rgba), ("marker", path)


def check_chart(fig: Figure) -> None:
    signs: dict[str, set[tuple]] = defaultdict(set)
    for rgba, sign in drawn(fig):
        if rgba[3] == 0:
            continue
        colour = to_hex(rgba)
        if not neutral(rgba):
            assert colour in PALETTE, f"{colour} is not an Okabe-Ito colour"
        if sign != ("background",):
            signs[colour].add(sign)
    assert len(signs) >= 2, "the chart should draw at least two kinds of thing"
    for first, second in ((a, b) for a in signs for b in signs if a < b):
        shared = signs[first] & signs[second]
        assert not shared, f"{first} and {second} differ only by colour (both {shared})"


def persona_goals() -> list[Goal]:
    statuses = ["not started", "in progress", "done", "dropped"]
    return [Goal(text=f"goal {s}", status=s, percent=30) for s in statuses]


def shortlist() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "title": ["Clinic Managers", "Trainers", "My own idea"],
            "fit": [80.0, 65.0, np.nan],
            "pay": [110_000.0, 65_000.0, 52_000.0],
            "outlook": ["much faster than average", "as fast as average", "unknown"],
            "custom": [False, False, True],
        },
        index=["11-9111.00", "13-1151.00", "custom:own"],
    )


def sweep() -> pd.DataFrame:
    weights = np.linspace(0, 5, 11)
    return pd.DataFrame({f"Option {i}": weights * i / 10 + i / 3 for i in range(10)}, weights)


CHARTS: dict[str, Callable[[Plan], Figure]] = {
    "interests": lambda _: charts.interest_chart({"R": 10, "I": 20, "A": 30, "S": 90, "E": 80}),
    "interest change": lambda _: charts.interest_change_chart(
        {"S": 80, "E": 40}, {"S": 60, "E": 50}, ("earlier", "today")
    ),
    "shortlist": lambda _: charts.shortlist_figure(shortlist()),
    "sweep": lambda _: charts.sweep_figure(sweep(), 2.5, "Pay"),
    "timeline": lambda plan: charts.timeline_chart(plan, TODAY),
    "skill gap": lambda plan: charts.gap_chart(plan, tiny_catalog(), CLINIC),
    "roadmap": lambda plan: charts.roadmap_chart(plan, tiny_catalog(), TODAY),
    "progress": lambda _: charts.progress_chart(persona_goals()),
}


@pytest.mark.parametrize("name", CHARTS)
def test_chart_uses_the_palette_and_more_than_colour(name: str, persona: Plan) -> None:
    check_chart(CHARTS[name](reopen(persona)))


def test_the_check_catches_colour_alone() -> None:
    fig = charts.new_figure(3, 2)
    ax = fig.subplots()
    ax.bar([0, 1], [1, 2], color=[OKABE_ITO["blue"], OKABE_ITO["orange"]])
    with pytest.raises(AssertionError, match="differ only by colour"):
        check_chart(fig)
    ax.bar([2], [3], color="#2e7d32", hatch="//")
    with pytest.raises(AssertionError, match="not an Okabe-Ito colour"):
        check_chart(fig)


def test_series_tell_24_lines_apart_without_colour() -> None:
    assert {to_hex(c) for c in COLOURS} == PALETTE
    looks = [(s["marker"], s["linestyle"]) for s in map(series, range(24))]
    assert len(set(looks)) == 24
