"""The charts' shared style: how a figure is made, its colours, labels and PNG bytes."""

from __future__ import annotations

import io
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

#: Series colours, one per criterion or option in order (colour-blind-safe first).
COLOURS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#999933",
    "#882255",
    "#44AA99",
    "#888888",
)
LABEL_CHARS = 48  # the longest label a chart shows before cutting it


def new_figure(width: float, height: float, dpi: float | None = None) -> Figure:
    """A bare figure with its own Agg canvas: no pyplot, so nothing to close or show twice."""
    fig = Figure(figsize=(width, height), dpi=dpi)
    FigureCanvasAgg(fig)
    return fig


def plain(ax: Any, *sides: str) -> None:
    """Hide the axes' frame on ``sides`` (top and right when none are named)."""
    ax.spines[list(sides or ("top", "right"))].set_visible(False)


def png(fig: Figure, dpi: int = 96, tight: bool = True) -> bytes:
    """A chart as PNG bytes, for an ``Image`` widget or an embedded report.

    ``tight`` trims the margins to what is drawn (a second drawing pass); a figure that
    sets its own margins passes False and draws once.
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight" if tight else None)
    return buffer.getvalue()
