"""Charts of a workshop's cohort: steps reached, interests, occupations, goals, what is due.

Each takes a table of :class:`careerkit.coach.cohort.Summary` and returns a bare figure. They
hold counts only, never a participant's name. Text the participants typed (occupation
titles, goal areas) is shown as plain text: a ``$`` never starts maths.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

from careerkit import palette
from careerkit.report.charts.style import COLOURS, LABEL_CHARS, new_figure, plain
from careerkit.text import shorten

CHAR_INCHES = 0.075  # the width of a 10-point character, about
_BAR, _PALE = palette.BAR, palette.BAR_PALE


def _text(text: str, limit: int = LABEL_CHARS) -> str:
    """Typed text as a chart label: one line, cut to ``limit``, ``$`` kept literal."""
    return shorten(str(text), limit).replace("$", r"\$")


def _figure(
    rows: float, labels: Sequence[str] = (), legend: Sequence[str] = (), bottom: float = 0.55
) -> tuple[Figure, Any]:
    """A figure whose margins fit its ``labels`` (left) and ``legend`` (right), set once:
    drawing it needs no second, "tight" pass (see :func:`careerkit.report.charts.style.png`)."""
    left = 0.25 + CHAR_INCHES * max((len(x) for x in labels), default=0)
    right = 0.4 + (0.45 + 0.8 * CHAR_INCHES * max(map(len, legend)) if legend else 0)
    width, height = max(7.0, left + right + 4.5), max(2.4, 0.95 + 0.3 * rows)
    fig = new_figure(width, height)
    fig.subplots_adjust(
        left=left / width, right=1 - right / width, top=1 - 0.4 / height, bottom=bottom / height
    )
    return fig, fig.subplots()


def _empty(ax: Any, title: str, words: str) -> None:
    ax.set_title(title, loc="left")
    ax.text(
        0.5, 0.5, words, ha="center", va="center", transform=ax.transAxes, color=palette.DARK_GREY
    )
    ax.set_axis_off()


def _legend(ax: Any, handles: list[Any], labels: list[str]) -> None:
    """A legend beside the plot, where it never covers a bar."""
    ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)


def _counts_axis(ax: Any, label: str) -> None:
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(label)
    plain(ax)


def steps_chart(steps: pd.DataFrame) -> Figure:
    """Participants by the furthest step they reached (00 = nothing filled in yet)."""
    labels = [
        _text(f"{n} {t}".strip(), 40) for n, t in zip(steps.index, steps["title"], strict=True)
    ]
    fig, ax = _figure(len(steps), labels)
    bars = ax.barh(labels[::-1], steps["participants"].to_numpy()[::-1], color=_BAR)
    ax.bar_label(bars, padding=3)
    ax.set_title("Step reached (the furthest step each plan has filled in)", loc="left")
    _counts_axis(ax, "participants")
    return fig


def themes_chart(themes: pd.DataFrame, no_interests: int) -> Figure:
    """Per RIASEC theme: participants whose interest code starts with it, or holds it."""
    labels = [f"{name} ({x})" for x, name in zip(themes.index, themes["theme"], strict=True)]
    keys = ["first letter of the code", "in the three-letter code"]
    fig, ax = _figure(len(themes) * 1.6, labels, keys)
    if not themes["in_code"].any():
        _empty(ax, "Interest codes", "No one has taken the interest questionnaire yet.")
        return fig
    ys = range(len(labels))[::-1]
    first = ax.barh([y + 0.2 for y in ys], themes["first"], 0.4, color=_BAR)
    held = ax.barh([y - 0.2 for y in ys], themes["in_code"], 0.4, color=_PALE)
    ax.bar_label(first, padding=3, fontsize=8)
    ax.bar_label(held, padding=3, fontsize=8)
    ax.set_yticks(list(ys), labels)
    _legend(ax, [first, held], keys)
    note = f"; {no_interests} not taken yet" if no_interests else ""
    ax.set_title(f"Interest codes (Holland / RIASEC){note}", loc="left")
    _counts_axis(ax, "participants")
    return fig


def occupations_chart(occupations: pd.DataFrame, top: int = 10) -> Figure:
    """The most shortlisted and chosen occupations (at most ``top``)."""
    shown = occupations.sort_values(
        ["shortlisted", "chosen", "title"], ascending=[False, False, True]
    ).head(top)
    labels = [
        _text(t + (" (own)" if own else ""), 44)
        for t, own in zip(shown["title"], shown["custom"], strict=True)
    ]
    keys = ["on the shortlist", "chosen as a direction"]
    fig, ax = _figure(max(len(shown), 3) * 1.4, labels, keys)
    if shown.empty:
        _empty(ax, "Occupations", "No one has shortlisted an occupation yet.")
        return fig
    ys = range(len(shown))[::-1]
    listed = ax.barh([y + 0.2 for y in ys], shown["shortlisted"], 0.4, color=_PALE)
    chosen = ax.barh([y - 0.2 for y in ys], shown["chosen"], 0.4, color=COLOURS[2])
    ax.bar_label(listed, padding=3, fontsize=8)
    ax.bar_label(chosen, padding=3, fontsize=8)
    ax.set_yticks(list(ys), labels)
    _legend(ax, [listed, chosen], keys)
    ax.set_title(f"Most shortlisted occupations (top {len(shown)})", loc="left")
    _counts_axis(ax, "participants")
    return fig


def areas_chart(areas: pd.DataFrame) -> Figure:
    """Per goal area: how many participants have a goal (not dropped) in it."""
    labels = [_text(a, 40) for a in areas.index]
    fig, ax = _figure(len(areas), labels)
    if areas.empty:
        _empty(ax, "Goal areas", "No goal areas yet.")
        return fig
    bars = ax.barh(labels[::-1], areas["participants"].to_numpy()[::-1], color=_BAR)
    ax.bar_label(bars, padding=3)
    ax.set_title("Goal areas covered (participants with a goal in the area)", loc="left")
    _counts_axis(ax, "participants")
    return fig


def smart_chart(smart: pd.DataFrame) -> Figure:
    """The share of goals passing each S.M.A.R.T. letter, and all five."""
    fig, ax = _figure(6, ["goals 100%"], bottom=0.6)  # room for the ticks and y label
    goals = int(smart["goals"].iloc[0]) if len(smart) else 0
    if not goals:
        _empty(ax, "S.M.A.R.T. goals", "No short-term goals yet.")
        return fig
    labels = [
        f"{name}\n({letter})" if letter != "all" else name
        for letter, name in zip(smart.index, smart["name"], strict=True)
    ]
    colours = [_BAR] * (len(smart) - 1) + [COLOURS[2]]
    bars = ax.bar(labels, smart["share"] * 100, color=colours)
    ax.bar_label(bars, labels=[f"{s:.0%}" for s in smart["share"]], padding=2)
    ax.set_ylim(0, 110)
    ax.yaxis.set_major_formatter(PercentFormatter())
    ax.set_ylabel("goals passing")
    ax.set_title(f"S.M.A.R.T. check of {goals} goals (dropped ones left out)", loc="left")
    plain(ax)
    return fig


def due_chart(due: pd.DataFrame, today: date, days: int = 30) -> Figure:
    """Goals and actions falling due, week by week, from ``today`` over ``days`` days."""
    keys = ["goals", "actions"]
    fig, ax = _figure(5, ["999"], keys)
    if due.empty:
        _empty(ax, f"Due in the next {days} days", "Nothing falls due in the next 30 days.")
        return fig
    starts = [today + timedelta(days=d) for d in range(0, days + 1, 7)]
    labels = [f"{s:%d %b}" for s in starts]
    week = [min((d - today).days // 7, len(starts) - 1) for d in due["due"]]
    counts = pd.crosstab(pd.Series(week, name="week"), due["kind"].to_numpy())
    counts = counts.reindex(index=range(len(starts)), columns=["goal", "action"], fill_value=0)
    goals = ax.bar(labels, counts["goal"], color=_BAR)
    actions = ax.bar(labels, counts["action"], bottom=counts["goal"], color=COLOURS[1])
    _legend(ax, [goals, actions], keys)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("week starting")
    ax.set_title(f"Due in the next {days} days (not done)", loc="left")
    plain(ax)
    return fig


__all__ = [
    "areas_chart",
    "due_chart",
    "occupations_chart",
    "smart_chart",
    "steps_chart",
    "themes_chart",
]
