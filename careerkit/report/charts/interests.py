"""Charts of the interest profile: the six theme scores, and how they moved since last time."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from matplotlib.figure import Figure

from careerkit.catalog import THEMES
from careerkit.catalog.fit import LETTERS, score_text, top_themes
from careerkit.report.charts.style import (
    DARK_GREY,
    LIGHT_GREY,
    OKABE_ITO,
    PHONE_INCHES,
    PHONE_PT,
    new_figure,
    plain,
)

#: The interest chart drawn for a phone: narrow, each theme's name above its bar, no text
#: under NARROW_PT, so at a phone's width (about 360 px for 384 drawn) its text stays 12 px.
NARROW_WIDTH, NARROW_PT = PHONE_INCHES, PHONE_PT
NARROW_CHARS = 36  # a wrapped line of the title or axis label, at NARROW_PT


def interest_chart(scores: Mapping[str, float], narrow: bool = False) -> Figure:
    """A labelled bar chart of the six theme scores (0-100), the top three in green, striped
    and labelled "top three" (so colour is never the only sign); ``narrow``: drawn for a
    phone (names above the bars, wrapped lines, larger type)."""
    if narrow:
        return _narrow_interest_chart(scores)
    letters = LETTERS[::-1]  # barh draws bottom-up: R ends on top
    values = [float(scores.get(t, 0)) for t in letters]
    top = set(top_themes(scores)) if len(set(values)) > 1 else set()
    fig = new_figure(6.4, 3.2)
    # fixed margins (fast to draw): the right one holds a full bar's label, "100  top three"
    fig.subplots_adjust(left=0.27, right=0.83, top=0.88, bottom=0.17)
    ax = fig.subplots()
    bars = ax.barh(
        [f"{THEMES[t]} ({t})" for t in letters],
        values,
        color=[OKABE_ITO["bluish green"] if t in top else LIGHT_GREY for t in letters],
        hatch=["//" if t in top else "" for t in letters],
        edgecolor=DARK_GREY,
        linewidth=0,
    )
    notes = [
        score_text(v) + ("  top three" if t in top else "")
        for t, v in zip(letters, values, strict=True)
    ]
    ax.bar_label(bars, labels=notes, padding=3)
    ax.set_xlim(0, 100)  # a 0-100 score: the labels sit in the margin beyond 100
    ax.set_xlabel("Score: 0 = disliked every activity, 100 = liked every one")
    ax.set_title("Your interest profile" + (" (top three in green, striped)" if top else ""))
    plain(ax)
    return fig


def _narrow_interest_chart(scores: Mapping[str, float]) -> Figure:
    """:func:`interest_chart` for a phone: R to C from the top, each name on a line above
    its bar, its score (and "top three") right of the bar."""
    values = [float(scores.get(t, 0)) for t in LETTERS]
    top = set(top_themes(scores)) if len(set(values)) > 1 else set()
    fig = new_figure(NARROW_WIDTH, 5.4)
    ax = fig.subplots()
    ys = [i + 0.2 for i in range(len(LETTERS))]
    ax.barh(
        ys,
        values,
        height=0.4,
        color=[OKABE_ITO["bluish green"] if t in top else LIGHT_GREY for t in LETTERS],
        hatch=["//" if t in top else "" for t in LETTERS],
        edgecolor=DARK_GREY,
        linewidth=0,
    )
    for y, theme, value in zip(ys, LETTERS, values, strict=True):
        ax.text(0, y - 0.42, f"{THEMES[theme]} ({theme})", va="center", fontsize=NARROW_PT)
        note = score_text(value) + (", top three" if theme in top else "")
        ax.text(value + 2, y, note, va="center", fontsize=NARROW_PT)
    ax.set_yticks([])
    ax.set_ylim(len(LETTERS) - 0.4, -0.8)
    ax.set_xlim(0, 137)  # room right of a full bar for "100, top three"
    ax.set_xticks(range(0, 101, 25))
    ax.spines["bottom"].set_bounds(0, 100)  # the axis as long as the scores
    ax.tick_params(labelsize=NARROW_PT)
    label = "Score: 0 = disliked every activity, 100 = liked every one"
    ax.set_xlabel("\n".join(textwrap.wrap(label, NARROW_CHARS)), fontsize=NARROW_PT, loc="left")
    title = "Your interest profile" + ("\n(top three in green, striped)" if top else "")
    ax.set_title(title, loc="left", fontsize=12)
    plain(ax, "top", "right", "left")
    fig.tight_layout()
    return fig


def interest_change_chart(
    earlier: Mapping[str, float], now: Mapping[str, float], labels: tuple[str, str]
) -> Figure:
    """Paired bars per RIASEC theme: the earlier and the current interest scores."""
    fig = new_figure(8, 3.6)
    fig.subplots_adjust(left=0.09, right=0.98, top=0.9, bottom=0.2)  # fixed: fast to draw
    ax = fig.subplots()
    xs = range(len(THEMES))
    ax.bar(
        [x - 0.2 for x in xs],
        [earlier.get(t, 0) for t in THEMES],
        0.4,
        label=labels[0],
        color=LIGHT_GREY,
        hatch="//",
        edgecolor=DARK_GREY,
        linewidth=0,
    )
    ax.bar(
        [x + 0.2 for x in xs],
        [now.get(t, 0) for t in THEMES],
        0.4,
        label=labels[1],
        color=OKABE_ITO["blue"],
    )
    ax.set_xticks(list(xs), [f"{name}\n({letter})" for letter, name in THEMES.items()])
    ax.set_ylim(0, 100)
    ax.set_ylabel("score (0-100)")
    ax.set_title("How your interests moved")
    ax.legend(frameon=False)
    plain(ax)
    return fig
