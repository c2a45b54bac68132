"""Charts of the interest profile: the six theme scores, and how they moved since last time."""

from __future__ import annotations

from collections.abc import Mapping

from matplotlib.figure import Figure

from careerkit.catalog import THEMES
from careerkit.charts.style import new_figure, plain
from careerkit.fit import LETTERS, top_themes


def interest_chart(scores: Mapping[str, float]) -> Figure:
    """A labelled bar chart of the six theme scores (0-100), the top three in green."""
    letters = LETTERS[::-1]  # barh draws bottom-up: R ends on top
    values = [float(scores.get(t, 0)) for t in letters]
    top = set(top_themes(scores)) if len(set(values)) > 1 else set()
    fig = new_figure(6.4, 3.2)
    fig.subplots_adjust(left=0.27, right=0.97, top=0.88, bottom=0.17)  # fixed: fast to draw
    ax = fig.subplots()
    bars = ax.barh(
        [f"{THEMES[t]} ({t})" for t in letters],
        values,
        color=["#2e7d32" if t in top else "#b0bec5" for t in letters],
    )
    ax.bar_label(bars, labels=[f"{v:.0f}" for v in values], padding=3)
    ax.set_xlim(0, 108)
    ax.set_xlabel("Score: 0 = disliked every activity, 100 = liked every one")
    ax.set_title("Your interest profile" + (" (top three in green)" if top else ""))
    plain(ax)
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
        color="#b0b7c3",
    )
    ax.bar(
        [x + 0.2 for x in xs],
        [now.get(t, 0) for t in THEMES],
        0.4,
        label=labels[1],
        color="#2f6fb0",
    )
    ax.set_xticks(list(xs), [f"{name}\n({letter})" for letter, name in THEMES.items()])
    ax.set_ylim(0, 100)
    ax.set_ylabel("score (0-100)")
    ax.set_title("How your interests moved")
    ax.legend(frameon=False)
    plain(ax)
    return fig
