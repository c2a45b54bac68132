"""Charts of the options: the shortlist (pay against fit) and the scores as one weight moves."""

from __future__ import annotations

import io
import textwrap
from itertools import product
from typing import Any, cast

import numpy as np
import pandas as pd
from matplotlib import image as mpl_image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator

from careerkit import palette
from careerkit.report.charts.style import (
    GREY,
    LIGHT_GREY,
    OKABE_ITO,
    PHONE_INCHES,
    PHONE_PT,
    new_figure,
    series,
)
from careerkit.steps.compare import scoring
from careerkit.steps.explore.filters import OUTLOOKS

_OUTLOOK_SIZE = dict(zip(OUTLOOKS, (320, 230, 150, 90, 60, 30, 80), strict=True))
# Catalogue occupations are blue circles, the person's own options orange squares.
_KIND_STYLE = {False: (OKABE_ITO["blue"], "o"), True: (OKABE_ITO["orange"], "s")}


def clip(title: str, limit: int) -> str:
    """``title`` cut to ``limit`` characters with "…" when longer."""
    return title if len(title) <= limit else title[: limit - 1] + "…"


# --- the shortlist (notebook 02) ------------------------------------------------------------


#: The shortlist drawn for a phone: narrow and taller, each point numbered and the numbers
#: named in a key below the plot, no text under NARROW_PT, so at a phone's width (about 360
#: px for 384 drawn) its text stays about 12 px.
NARROW_WIDTH, NARROW_PT = PHONE_INCHES, PHONE_PT
NARROW_CHARS = 40  # a line of the key, at NARROW_PT


def shortlist_figure(points: pd.DataFrame, narrow: bool = False) -> Figure:
    """Pay against interest fit for the remaining options; marker size shows the outlook.

    Options without a fit (custom ones, or before the interest quiz) sit in a column at
    the left marked "no fit"; options without pay are listed under the chart instead.
    ``narrow``: drawn for a phone, each point numbered, best paid first, the numbers named
    in a key below the plot (titles on a phone's width are too long to sit by the points).
    """
    if narrow:
        return _narrow_shortlist(points)
    fig = new_figure(7.5, 4.2)
    fig.subplots_adjust(left=0.14, right=0.74, bottom=0.12, top=0.92)  # fixed: quicker to draw
    ax = fig.add_subplot()
    shown = points[points["pay"].notna()].sort_values("pay")
    x, pay, sizes, low = _scatter(ax, shown, (0.12, 0.12), fine_from=50, no_fit="no fit")
    ax.set_xlabel("Interest fit (0-100)")
    ax.set_ylabel("Median pay, USD a year")
    ax.yaxis.set_major_formatter(lambda v, _: f"${v:,.0f}")
    ax.set_title(
        "Your shortlist: pay against interest fit; bigger marker = better outlook", fontsize=10
    )
    _label_points(fig, ax, x.to_numpy(float), pay, sizes.to_numpy(float), list(shown["title"]), low)
    # The legend names only what is drawn: the kinds of option, then the outlooks shown.
    for own, words in ((False, "O*NET occupation"), (True, "your own option")):
        colour, marker = _KIND_STYLE[own]
        if (shown["custom"] == own).any():
            ax.scatter([], [], s=90, c=colour, marker=marker, edgecolors="black", label=words)
    for label in OUTLOOKS[:-1]:
        if (shown["outlook"] == label).any():
            ax.scatter([], [], s=_OUTLOOK_SIZE[label], c="none", edgecolors="black", label=label)
    if not shown.empty:
        ax.legend(
            title="Option and outlook",
            fontsize=7,
            title_fontsize=8,
            labelspacing=1.3,
            borderpad=1,
            loc="upper left",
            bbox_to_anchor=(1.01, 1),
            frameon=False,
        )
    else:
        ax.text(0.5, 0.5, "No option with a known pay to show", transform=ax.transAxes, ha="center")
    return fig


def _narrow_shortlist(points: pd.DataFrame) -> Figure:
    """:func:`shortlist_figure` for a phone: numbered points, the legend and a key of the
    numbers below the plot. Laid out in inches from the top: the legend and the key are
    measured once drawn, and the figure is made as tall as they need."""
    shown = points[points["pay"].notna()].sort_values("pay", ascending=False, kind="stable")
    numbers = [str(n) for n in range(1, len(shown) + 1)]  # 1 = the best paid
    # The key in two columns, so a title's wrapped lines start under its first: the numbers
    # (with a blank line for each further line of their title) and the titles.
    titles = [textwrap.wrap(title, NARROW_CHARS) or [""] for title in shown["title"]]
    key_numbers = "\n".join(n + "\n" * (len(t) - 1) for n, t in zip(numbers, titles, strict=True))
    key_titles = "\n".join("\n".join(t) for t in titles)
    fig = new_figure(NARROW_WIDTH, 8)  # its height is set below, once the key is measured
    ax = fig.add_axes((0.22, 0.5, 0.74, 0.4))
    x, pay, sizes, low = _scatter(ax, shown, (0.14, 0.15), fine_from=60, no_fit="no\nfit")
    ax.set_xlabel("Interest fit (0-100)", fontsize=NARROW_PT)
    ax.set_ylabel("Median pay, USD a year", fontsize=NARROW_PT)
    ax.yaxis.set_major_formatter(lambda v, _: f"${v / 1000:,.0f}k")
    ax.yaxis.set_major_locator(MaxNLocator(5))
    ax.tick_params(labelsize=NARROW_PT)
    title = "Your shortlist: pay against interest fit;\nbigger marker = better outlook"
    heading = fig.text(0.03, 0.99, title, va="top", fontsize=NARROW_PT + 1)
    # The legend names only what is drawn: the kinds of option, then the outlooks shown.
    handles = [
        ax.scatter([], [], s=90, c=colour, marker=marker, edgecolors="black", label=words)
        for own, words in ((False, "O*NET occupation"), (True, "your own option"))
        for colour, marker in [_KIND_STYLE[own]]
        if (shown["custom"] == own).any()
    ]
    handles += [
        ax.scatter([], [], s=_OUTLOOK_SIZE[label], c="none", edgecolors="black", label=label)
        for label in OUTLOOKS[:-1]
        if (shown["outlook"] == label).any()
    ]
    below: list[Any] = []  # the legend and the key, one under the other
    if handles:
        below.append(
            fig.legend(
                handles=handles, title="Option and outlook", fontsize=NARROW_PT,
                title_fontsize=NARROW_PT, loc="upper left", frameon=False, alignment="left",
                borderaxespad=0, borderpad=0,
            )
        )  # fmt: skip
        words: dict[str, Any] = {"va": "top", "fontsize": NARROW_PT, "linespacing": 1.3}
        below.append(fig.text(0.09, 0, key_numbers, ha="right", **words))
        keyed = fig.text(0.12, 0, key_titles, **words)
    else:
        ax.set_yticks([])  # no pay to mark
        ax.text(0.5, 0.5, "No option with\na known pay to show", transform=ax.transAxes,
                ha="center", va="center", fontsize=NARROW_PT)  # fmt: skip
    # Inches from the top: the title, the plot, its ticks and label, then the legend and key.
    renderer = cast(FigureCanvasAgg, fig.canvas).get_renderer()
    heights = [x.get_window_extent(renderer).height / fig.dpi for x in below]
    plot_top, plot_inches, under_plot, space = 0.7, 3.1, 0.95, 0.1
    tops, at = [], plot_top + plot_inches + under_plot
    for height in heights:
        tops.append(at)
        at += height + space
    total = at + 0.05
    fig.set_size_inches(NARROW_WIDTH, total)
    ax.set_position((0.22, 1 - (plot_top + plot_inches) / total, 0.74, plot_inches / total))
    heading.set_y(1 - 0.08 / total)
    for part, top in zip(below, tops, strict=True):
        if isinstance(part, Text):  # the key: its numbers, and its titles beside them
            part.set_y(1 - top / total)
            keyed.set_y(1 - top / total)
        else:
            part.set_bbox_to_anchor((0.03, 1 - top / total))  # fractions of the figure
    _label_points(fig, ax, x.to_numpy(float), pay, sizes.to_numpy(float), numbers, low, NARROW_PT)
    return fig


def _scatter(
    ax: Any, shown: pd.DataFrame, shares: tuple[float, float], fine_from: int, no_fit: str
) -> tuple[pd.Series, np.ndarray, pd.Series, int]:
    """The options' points (pay against interest fit, a marker's size its outlook) and the
    axes' ranges: the fits zoomed in on, options without a fit in a "no fit" column (the
    first of ``shares``, of the width), the pays padded by the second, ticks every 10 from
    ``fine_from`` up. Gives x, pay, sizes and the lowest fit shown, for the labels."""
    fits = shown["fit"].dropna()
    low = 0 if fits.empty else max(0, int(fits.min() // 10) * 10 - 10)  # zoom in on the fits
    gap = (103 - low) * shares[0]  # width of the "no fit" column
    x = shown["fit"].fillna(low - gap)
    sizes = shown["outlook"].map(_OUTLOOK_SIZE).astype(float)
    for own, (colour, marker) in _KIND_STYLE.items():  # own options: orange squares
        mine = (shown["custom"] == own).to_numpy()
        ax.scatter(
            x[mine], shown["pay"][mine], s=sizes[mine], c=colour, marker=marker,
            alpha=0.75, edgecolors="black", linewidths=0.6,
        )  # fmt: skip
    pay = shown["pay"].to_numpy(float)
    if len(pay):
        pad = max(np.ptp(pay), pay.max() * 0.2) * shares[1]
        ax.set_ylim(pay.min() - pad, pay.max() + pad)
    ticks = list(range(low, 101, 10 if low >= fine_from else 20))
    ax.set_xticks([low - gap, *ticks], [no_fit, *map(str, ticks)])
    ax.set_xlim(low - 1.8 * gap, 103)
    ax.axvline(low - gap / 2, color=LIGHT_GREY, linewidth=0.8)
    return x, pay, sizes, low


_NUDGES = (0, 11, -11, 22, -22, 33, -33, 44, -44, 55, -55)  # points up or down from a marker
_LABEL_CHARS = (36, 24, 14)  # a label is cut shorter only when no place fits it whole


def _label_points(
    fig: Figure, ax: Any, xs: np.ndarray, ys: np.ndarray, sizes: np.ndarray, titles: list[str],
    low: float, fontsize: float = 8,
) -> None:  # fmt: skip
    """Label each point where the label stays inside the plot and overlaps no other label
    or marker: a simple greedy placement (beside, then nudged up or down, then shorter)."""
    renderer = cast(FigureCanvasAgg, fig.canvas).get_renderer()  # new_figure's Agg canvas
    frame = ax.get_window_extent(renderer)
    centres = ax.transData.transform(np.column_stack([xs, ys])) if len(xs) else np.empty((0, 2))
    radii = np.sqrt(sizes) / 2 * fig.dpi / 72 + 2  # a marker's radius in pixels
    taken: list[Any] = []  # the boxes of the labels placed so far

    def free(box: Any, mine: int) -> bool:
        inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0
        if not (inside and box.y1 <= frame.y1):
            return False
        near = [
            i for i, (cx, cy) in enumerate(centres)
            if i != mine and box.x0 - radii[i] < cx < box.x1 + radii[i]
            and box.y0 - radii[i] < cy < box.y1 + radii[i]
        ]  # fmt: skip
        return not near and not any(box.overlaps(other) for other in taken)

    for i in np.argsort(-ys, kind="stable"):  # the best paid first: they are read first
        inward = -1 if xs[i] > (low + 100) / 2 else 1
        for chars, nudge, side in product(_LABEL_CHARS, _NUDGES, (inward, -inward)):
            label = ax.annotate(
                clip(titles[i], chars), (xs[i], ys[i]),
                xytext=(side * (radii[i] * 72 / fig.dpi + 5), nudge), textcoords="offset points",
                ha="left" if side > 0 else "right", va="center", fontsize=fontsize,
                arrowprops={"arrowstyle": "-", "color": GREY, "linewidth": 0.6} if nudge else None,
            )  # fmt: skip
            label.update_positions(renderer)
            box = Text.get_window_extent(label, renderer)  # the words, not the line
            if free(box, i):
                taken.append(box)
                break
            label.remove()  # no room here: try the next place (a crowded point stays unnamed)


# --- the what-if sweep (notebook 03) ---------------------------------------------------------


def score_limits(sweep: pd.DataFrame) -> tuple[float, float]:
    """The chart's score axis: 0-10, widened when a formula's scores go beyond it."""
    values = sweep.to_numpy(dtype=float)
    values = values[np.isfinite(values)]
    low, high = (values.min(), values.max()) if values.size else (0.0, 10.0)
    if 0 <= low and high <= 10:
        return 0.0, 10.0
    pad = (max(high, 10) - min(low, 0)) * 0.05
    return float(min(low, 0) - pad), float(max(high, 10) + pad)


def sweep_figure(sweep: pd.DataFrame, current: float, label: str) -> Figure:
    """Each option's score (a line each) as one criterion's weight goes from 0 to its maximum.

    The dotted line marks the person's ``current`` weight.
    """
    fig = new_figure(9, 3.2, dpi=80)
    fig.subplots_adjust(left=0.07, right=0.58, bottom=0.16, top=0.92)
    ax = fig.add_subplot()
    for i, name in enumerate(sweep.columns):
        ax.plot(
            sweep.index, sweep[name], lw=2, markevery=10, markersize=5, label=clip(name, 45),
            **series(i),  # colour, marker and dashes: told apart without colour too
        )  # fmt: skip
    ax.axvline(current, color=palette.INK, ls=":", lw=1.5, label="your weight")
    ax.set_xlim(0, scoring.WEIGHT_MAX)
    ax.set_ylim(*score_limits(sweep))
    ax.set_xlabel(f"Weight on {label.lower()}")
    ax.set_ylabel("Score")
    ax.set_title(f"How the scores change with the weight on {label.lower()}", fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=8, frameon=False)
    return fig


class SweepChart:
    """:func:`sweep_figure` as PNG bytes, redrawn in milliseconds for each change.

    Axes, labels and legend are drawn once (again only when the score axis must change)
    and kept as a background; an update draws just the lines onto it (blitting), because
    a full redraw takes 100-200 ms, more than a slider may take.
    """

    def __init__(self, sweep: pd.DataFrame, current: float, label: str) -> None:
        self.fig = sweep_figure(sweep, current, label)
        self.canvas = cast(FigureCanvasAgg, self.fig.canvas)  # new_figure's Agg canvas
        self.ax = self.fig.axes[0]
        *self.lines, self.marker = self.ax.lines
        self.background: Any = None

    def png(self, sweep: pd.DataFrame, current: float) -> bytes:
        limits = score_limits(sweep)
        if self.background is None or limits != self.ax.get_ylim():
            self.ax.set_ylim(*limits)
            for line in (*self.lines, self.marker):
                line.set_visible(False)
            self.canvas.draw()
            self.background = self.canvas.copy_from_bbox(self.fig.bbox)
            for line in (*self.lines, self.marker):
                line.set_visible(True)
        self.canvas.restore_region(self.background)
        for line, name in zip(self.lines, sweep.columns, strict=True):
            line.set_data(sweep.index, sweep[name])
            self.ax.draw_artist(line)
        self.marker.set_xdata([current, current])
        self.ax.draw_artist(self.marker)
        buffer = io.BytesIO()
        pixels = np.asarray(self.canvas.buffer_rgba())
        mpl_image.imsave(buffer, pixels, format="png", pil_kwargs={"compress_level": 1})
        return buffer.getvalue()
