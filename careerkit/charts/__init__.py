"""Every figure the workbook draws (notebooks and the written report), in one style.

Each builder returns a bare :class:`matplotlib.figure.Figure` (never pyplot, so nothing
is shown twice or left open); :func:`png` turns one into bytes for an ``Image`` widget
or the report.
"""

from __future__ import annotations

from careerkit.charts.interests import interest_change_chart, interest_chart
from careerkit.charts.options import SweepChart, score_limits, shortlist_figure, sweep_figure
from careerkit.charts.plan import gap_chart, progress_chart, roadmap_chart, timeline_chart
from careerkit.charts.style import COLOURS, new_figure, png

__all__ = [
    "COLOURS",
    "SweepChart",
    "gap_chart",
    "interest_change_chart",
    "interest_chart",
    "new_figure",
    "png",
    "progress_chart",
    "roadmap_chart",
    "score_limits",
    "shortlist_figure",
    "sweep_figure",
    "timeline_chart",
]
