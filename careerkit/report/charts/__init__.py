"""Every figure the workbook draws (notebooks and the written report), in one style.

Each builder returns a bare :class:`matplotlib.figure.Figure` (never pyplot, so nothing
is shown twice or left open); :func:`png` turns one into bytes for an ``Image`` widget
or the report.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what editors and mypy see; at run time __getattr__ imports on first use
    from careerkit.palette import COLOURS as COLOURS
    from careerkit.report.charts.interests import interest_change_chart as interest_change_chart
    from careerkit.report.charts.interests import interest_chart as interest_chart
    from careerkit.report.charts.options import SweepChart as SweepChart
    from careerkit.report.charts.options import score_limits as score_limits
    from careerkit.report.charts.options import shortlist_figure as shortlist_figure
    from careerkit.report.charts.options import sweep_figure as sweep_figure
    from careerkit.report.charts.plan import ROADMAP_PHONE as ROADMAP_PHONE
    from careerkit.report.charts.plan import ROADMAP_PRINT as ROADMAP_PRINT
    from careerkit.report.charts.plan import gap_chart as gap_chart
    from careerkit.report.charts.plan import progress_chart as progress_chart
    from careerkit.report.charts.plan import roadmap_chart as roadmap_chart
    from careerkit.report.charts.plan import timeline_chart as timeline_chart
    from careerkit.report.charts.style import new_figure as new_figure
    from careerkit.report.charts.style import png as png
    from careerkit.report.charts.style import text_px as text_px

# Imported on first use, so a module that may draw (the report, say) costs nothing until
# it does: matplotlib takes a third of a second to import.
_EXPORTS = {
    "interest_change_chart": "careerkit.report.charts.interests",
    "interest_chart": "careerkit.report.charts.interests",
    "SweepChart": "careerkit.report.charts.options",
    "score_limits": "careerkit.report.charts.options",
    "shortlist_figure": "careerkit.report.charts.options",
    "sweep_figure": "careerkit.report.charts.options",
    "ROADMAP_PHONE": "careerkit.report.charts.plan",
    "ROADMAP_PRINT": "careerkit.report.charts.plan",
    "gap_chart": "careerkit.report.charts.plan",
    "progress_chart": "careerkit.report.charts.plan",
    "roadmap_chart": "careerkit.report.charts.plan",
    "timeline_chart": "careerkit.report.charts.plan",
    "COLOURS": "careerkit.palette",  # no matplotlib for a tuple of colours
    "new_figure": "careerkit.report.charts.style",
    "png": "careerkit.report.charts.style",
    "text_px": "careerkit.report.charts.style",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'careerkit.report.charts' has no attribute {name!r}")
