"""The charts' shared style: how a figure is made, its colors (:mod:`careerkit.palette`),
markers and patterns, labels and PNG bytes."""

from __future__ import annotations

import io
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

# The colours are careerkit's palette (shared with the HTML pieces); named here for the charts.
from careerkit.palette import COLOURS, DARK_GREY, GREY, LIGHT_GREY, OKABE_ITO

#: What tells series apart besides colour, so no chart carries meaning by colour alone:
#: a fill pattern for bars and areas, a marker and a dash pattern for points and lines.
HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo", "--")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
LINESTYLES = ("-", "--", "-.")
LABEL_CHARS = 48  # the longest label a chart shows before cutting it
#: A chart drawn for a phone as well: this wide, no text under PHONE_PT, so shown at a
#: phone's width (about 360 px for its 384) its text stays about 12 px.
PHONE_INCHES = 4.0
PHONE_PT = 10.0


def series(i: int) -> dict[str, Any]:
    """The colour, marker and dash pattern of the ``i``-th line series (0-based).

    Colour and marker repeat every eight series, the dash pattern every three, so the
    first 24 series all look different even to someone who sees no colour at all.
    """
    return {
        "color": COLOURS[i % len(COLOURS)],
        "marker": MARKERS[i % len(MARKERS)],
        "linestyle": LINESTYLES[i % len(LINESTYLES)],
    }


def new_figure(width: float, height: float, dpi: float | None = None) -> Figure:
    """A bare figure with its own Agg canvas: no pyplot, so nothing to close or show twice."""
    fig = Figure(figsize=(width, height), dpi=dpi)
    FigureCanvasAgg(fig)
    return fig


def plain(ax: Any, *sides: str) -> None:
    """Hide the axes' frame on ``sides`` (top and right when none are named)."""
    ax.spines[list(sides or ("top", "right"))].set_visible(False)


def text_px(fig: Figure, dpi: int = 96) -> float:
    """The smallest text drawn in ``fig`` (ticks, labels, legend), in pixels of its PNG at
    ``dpi``; shown narrower than the PNG, a chart's text shrinks by the same ratio. Once
    drawn (:func:`png`): tick labels are only made then."""
    sizes = [
        float(t.get_fontsize())
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and t.get_figure() is not None
    ]
    return min(sizes, default=0.0) * dpi / 72


def png(fig: Figure, dpi: int = 96, tight: bool = True) -> bytes:
    """A chart as PNG bytes, for an ``Image`` widget or an embedded report.

    ``tight`` trims the margins to what is drawn (a second drawing pass); a figure that
    sets its own margins passes False and draws once.
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight" if tight else None)
    return buffer.getvalue()


__all__ = [
    "COLOURS",
    "DARK_GREY",
    "GREY",
    "HATCHES",
    "LABEL_CHARS",
    "LIGHT_GREY",
    "LINESTYLES",
    "MARKERS",
    "OKABE_ITO",
    "new_figure",
    "plain",
    "png",
    "series",
    "text_px",
]
