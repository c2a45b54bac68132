"""Charts of the plan over time: goals on a timeline, skill gaps, the roadmap, progress."""

from __future__ import annotations

import textwrap
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text

from careerkit import palette
from careerkit.catalog.fit import other_names_only
from careerkit.dates import add_months
from careerkit.plan import Goal, Plan
from careerkit.report.charts.style import (
    DARK_GREY,
    GREY,
    LIGHT_GREY,
    OKABE_ITO,
    PHONE_INCHES,
    PHONE_PT,
    new_figure,
    plain,
)
from careerkit.steps.long_term import STONE, RoadmapItem, gap_table, goal_span, roadmap_items
from careerkit.steps.short_term import goals as g
from careerkit.steps.short_term.goals import direction_title
from careerkit.text import ELLIPSIS, shorten

# Every colour below comes with a fill pattern or marker of its own (or a label on the bar):
# no chart tells things apart by colour alone.
HORIZON_COLOURS = {
    6: OKABE_ITO["bluish green"],
    12: OKABE_ITO["blue"],
    24: OKABE_ITO["reddish purple"],
}
HORIZON_HATCHES = {6: "", 12: "//", 24: ".."}
SOLID_LEVEL = 3  # a self-rating from which a skill counts as one the person has
LEVEL_COLOURS = {
    "have": OKABE_ITO["bluish green"],
    "weak": OKABE_ITO["orange"],
    "missing": OKABE_ITO["vermillion"],
}
LEVEL_HATCHES = {"have": "", "weak": "//", "missing": "xx"}
LEVEL_WORDS = {"have": "you have it", "weak": "to strengthen (1-2)", "missing": "gap"}
GROUP_STYLE = {  # objective group -> (colour, legend label); bars striped, points marked
    "skills": (OKABE_ITO["orange"], "skills to build"),
    "experience": (OKABE_ITO["vermillion"], "experience to gain"),
    "stay": (OKABE_ITO["bluish green"], "time in the role"),
    "role": (OKABE_ITO["blue"], "role in 5 / 10 years"),
    "ambition": (OKABE_ITO["reddish purple"], "ambition"),
}
GROUP_MARKS = {"skills": "//", "experience": "..", "stay": "xx", "role": "D", "ambition": "*"}
GOAL_COLOUR = OKABE_ITO["sky blue"]
STONE_HATCH = "++"  # a goal that is a job on the way: the goal's colour, crossed
#: The roadmap is drawn as wide as a notebook shows it (about 860 px at 96 dpi with a side
#: panel open), so its text is not shrunk; no text is smaller than TEXT_PT.
ROADMAP_WIDTH = 8.8
TEXT_PT = 10.0
LABEL_CHARS_PER_LINE = 44  # a label wraps onto the next line after about this many
LABEL_LINES = 3  # ... onto at most this many lines, the last cut with "…" only beyond
LABEL_INCHES = 3.3  # room kept right of the last label's start: 44 characters at TEXT_PT
ROW_INCHES = 0.46  # the roadmap's height per row (a label of one or two lines)
AREA_CHARS = 24  # an area's name wraps onto a second line after about this many
#: Legend swatches big enough for a bar's pattern to repeat and read as a pattern.
LEGEND_SWATCH = {"handlelength": 3.2, "handleheight": 1.6}
STATUS_COLOURS = {
    "not started": LIGHT_GREY,
    "in progress": OKABE_ITO["blue"],
    "done": OKABE_ITO["bluish green"],
    "dropped": GREY,
}
STATUS_HATCHES = {"not started": "..", "in progress": "//", "done": "", "dropped": "xx"}
TODAY_COLOUR = OKABE_ITO["vermillion"]


@dataclass(frozen=True)
class RoadmapSize:
    """How big the roadmap is drawn: as wide as a notebook shows it, or for a printed page
    (smaller type, longer lines, so the same items need a third of the height)."""

    width: float = ROADMAP_WIDTH  # inches
    text_pt: float = TEXT_PT
    label_chars: int = LABEL_CHARS_PER_LINE
    label_lines: int = LABEL_LINES
    lane_chars: int = 72  # a lane's heading (an occupation's title) wraps after this many
    row_inches: float = ROW_INCHES
    legend_columns: int = 3
    legend_inches: float = 0.75  # room kept below the axes for the legend's rows
    gap_scale: float = 1.0  # a label's distance from its mark: more days on a narrower scale
    tall_from: int = 3  # a label of this many lines gets a taller row ...
    tall: float = 1.36  # ... this many rows high
    year_step: int = 2  # years between the time axis's labels, doubled while there are ...
    most_years: int = 30  # ... more than this many labels
    #: The pale backgrounds' headings: the next two years, and what follows.
    bands: tuple[str, str] = ("Short-term\ngoals (04)", "Long-term objectives (05)")
    band_rows: tuple[float, float] = (0.9, 0.9)  # their heights below the top (rows)

    @property
    def scale(self) -> float:
        """The type's size against the notebook's: margins and marks shrink with it."""
        return self.text_pt / TEXT_PT

    @property
    def label_inches(self) -> float:
        """Room kept right of the last label's start: label_chars characters at text_pt."""
        return LABEL_INCHES * self.label_chars / LABEL_CHARS_PER_LINE * self.scale


#: The printed plan's roadmap, printed at its drawn size (report/export.py): 7 pt type.
ROADMAP_PRINT = RoadmapSize(
    width=7.4,
    text_pt=7.0,
    label_chars=76,
    label_lines=2,
    row_inches=0.16,  # a row of one line; a label (or lane heading) of two gets 1.6
    tall_from=2,
    tall=1.6,
    legend_columns=4,
    legend_inches=0.6,
    gap_scale=1.8,
)

#: The roadmap drawn for a phone: narrow and taller, no text under 10 pt, so at a phone's
#: width (about 360 px for 384 drawn) its text stays about 12 px.
ROADMAP_PHONE = RoadmapSize(
    width=PHONE_INCHES,
    label_chars=24,
    label_lines=3,
    lane_chars=34,
    legend_columns=1,
    legend_inches=2.1,
    gap_scale=2.5,
    tall_from=3,
    tall=1.5,
    year_step=4,
    most_years=6,
    bands=("04", "Long-term (05)"),
    band_rows=(0.5, 1.3),  # one above the other: the two years' band is narrow
)


# --- short-term goals (notebook 04) ------------------------------------------------------


def _timeline_rows(plan: Plan) -> list[tuple[str, Goal | None]]:
    """(area, goal) per chart row: each area's goals by end date, or (area, None)."""
    goals = [x for x in plan.short_term_goals.goals if x.status != "dropped"]
    areas = list(plan.short_term_goals.areas)
    areas += [x.area for x in goals if x.area not in areas]
    rows: list[tuple[str, Goal | None]] = []
    for area in dict.fromkeys(areas):
        mine = sorted((x for x in goals if x.area == area), key=lambda x: goal_span(x)[1])
        rows += [(area, x) for x in mine] or [(area, None)]
    return rows


def timeline_chart(plan: Plan, today: date | None = None, narrow: bool = False) -> Figure:
    """Short-term goals by area of growth on a time line, coloured by horizon; ``narrow``:
    drawn for a phone (each goal's words on lines above its bar, larger type)."""
    today = today or date.today()
    if narrow:
        return _narrow_timeline(plan, today)
    rows = _timeline_rows(plan)
    labels = [
        _wrapped(("done: " if x.status == "done" else "") + x.text) if x else "" for _, x in rows
    ]
    ys, tops, bottom = _row_positions(labels, start=0.0)
    fig = new_figure(ROADMAP_WIDTH, 1.9 + 0.46 * (bottom + 0.5))
    ax = fig.subplots()
    now = mdates.date2num(today)
    ends = [now + 31 * 25] + [mdates.date2num(goal_span(x)[1]) for _, x in rows if x]
    starts = [now] + [mdates.date2num(goal_span(x)[0]) for _, x in rows if x]
    left, right = min(starts) - 20, max(ends)
    horizons: set[int] = set()
    shown: list[tuple[Text, str]] = []  # each goal's label with its whole text
    for y, (_area, goal), label in zip(ys, rows, labels, strict=True):
        if goal is None:
            ax.text(
                now + 10, y, "no goal yet", va="center", color=palette.DARK_GREY, style="italic"
            )
            continue
        start, end = (mdates.date2num(d) for d in goal_span(goal))
        horizons.add(goal.horizon_months)
        ax.barh(
            y,
            max(end - start, 3),
            left=start,
            height=0.6,
            alpha=0.45 if goal.status == "done" else 0.9,
            color=HORIZON_COLOURS[goal.horizon_months],
            hatch=HORIZON_HATCHES[goal.horizon_months],
            edgecolor=DARK_GREY,
            linewidth=0,
        )
        full = ("done: " if goal.status == "done" else "") + goal.text
        shown.append((ax.text(end + 8, y, label, va="center", fontsize=TEXT_PT), full))
    for months in g.HORIZONS:
        mark = mdates.date2num(add_months(today, months))
        ax.axvline(mark, color=palette.GREY, linestyle=":", linewidth=1)
        ax.text(
            mark, -0.9, f"{months} months", ha="center", fontsize=TEXT_PT, color=palette.DARK_GREY
        )
    ax.axvline(now, color=TODAY_COLOUR, linewidth=1.2, linestyle="--")
    ax.text(now, -0.9, "today", ha="center", fontsize=TEXT_PT, color=TODAY_COLOUR)
    spans: dict[str, list[float]] = {}  # area -> the y of its rows
    firsts: dict[str, float] = {}  # area -> the upper edge of its first row
    for y, top, (area, _) in zip(ys, tops, rows, strict=True):
        spans.setdefault(area, []).append(y)
        firsts.setdefault(area, top)
    ax.set_yticks(  # an area's name in the middle of its rows, two lines a row at most
        [(min(r) + max(r)) / 2 for r in spans.values()],
        [_wrapped(a, AREA_CHARS, 2 * len(r)) for a, r in spans.items()],
        fontsize=TEXT_PT,
    )
    for top in list(firsts.values())[1:]:
        ax.axhline(top, color=palette.PALE_GREY, linewidth=1)
    ax.set_ylim(bottom, -1.3)
    last = max([now, *(mdates.date2num(goal_span(x)[1]) + 8 for _, x in rows if x)])
    ax.set_xlim(left, max(right, _label_room(left, last, ROADMAP_WIDTH - 2.2)))
    ax.xaxis.set_major_locator(mdates.MonthLocator((1, 7)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.tick_params(axis="x", labelsize=TEXT_PT)
    fig.legend(
        handles=_horizon_patches(horizons),
        loc="lower center",
        ncol=3,
        frameon=False,
        fontsize=TEXT_PT,
        **LEGEND_SWATCH,
    )
    ax.set_title("Your short-term goals by area of growth", loc="left", fontsize=TEXT_PT + 3)
    plain(ax)
    fig.tight_layout(rect=(0, 0.5 / fig.get_figheight(), 1, 1))  # the legend goes below
    widen(fig, shown)
    fit_texts(fig, ax.texts)
    return fig


#: The timeline drawn for a phone: narrow, each area's name and each goal's words on lines
#: of their own above its bar (the whole width for the words, none cut), no text under
#: TEXT_PT, so at a phone's width (about 360 px for 384 drawn) its text stays about 12 px.
TIMELINE_NARROW_CHARS = 44  # a goal's line, at TEXT_PT
TIMELINE_NARROW_LINES = 6  # a goal's words on at most this many lines (then cut with "…")
LINE_INCHES = 0.2  # one line of TEXT_PT text, with its leading
_WHITE = {"facecolor": "white", "edgecolor": "none", "pad": 1}


def _narrow_timeline(plan: Plan, today: date) -> Figure:
    """:func:`timeline_chart` for a phone. The y axis counts lines of text (downwards): an
    area's heading, then each goal's words and its bar below them."""
    rows = _timeline_rows(plan)
    now = mdates.date2num(today)
    goals = [x for _, x in rows if x]
    starts = [now, *(mdates.date2num(goal_span(x)[0]) for x in goals)]
    ends = [now + 31 * 25, *(mdates.date2num(goal_span(x)[1]) for x in goals)]
    left, right = min(starts) - 20, max(ends) + 20
    blocks: list[tuple[str, float, Any]] = []  # (what, its top line, the area or goal)
    y, area_before = 0.0, None
    for area, goal in rows:
        if area != area_before:
            heading = _wrapped(area, TIMELINE_NARROW_CHARS - 4, 4)
            blocks.append(("area", y + (0.4 if area_before is not None else 0), heading))
            y += heading.count("\n") + 1 + (0.4 if area_before is not None else 0) + 0.15
            area_before = area
        if goal is None:
            blocks.append(("none", y, None))
            y += 1.2
            continue
        done = "done: " if goal.status == "done" else ""
        label = _wrapped(done + goal.text, TIMELINE_NARROW_CHARS, TIMELINE_NARROW_LINES)
        blocks.append(("goal", y, (goal, label)))
        y += label.count("\n") + 1 + 1.45  # the words, then the bar and a gap
    fig = new_figure(PHONE_INCHES, 2.2 + LINE_INCHES * (y + 1.6))
    ax = fig.subplots()
    horizons: set[int] = set()
    # The words on a white ground: the lines marking today and the horizons pass behind them.
    words: dict[str, Any] = {"va": "top", "fontsize": TEXT_PT, "bbox": _WHITE, "zorder": 3}
    for what, top, thing in blocks:
        if what == "area":
            ax.text(left, top, thing, fontweight="bold", **words)
            if top:
                ax.axhline(top - 0.3, color=palette.PALE_GREY, linewidth=1)
        elif what == "none":
            ax.text(left, top, "no goal yet", color=palette.DARK_GREY, style="italic", **words)
        else:
            goal, label = thing
            ax.text(left, top, label, **words)
            start, end = (mdates.date2num(d) for d in goal_span(goal))
            horizons.add(goal.horizon_months)
            bar = top + label.count("\n") + 1 + 0.55
            ax.barh(
                bar, max(end - start, 3), left=start, height=0.8,
                alpha=0.45 if goal.status == "done" else 0.9,
                color=HORIZON_COLOURS[goal.horizon_months],
                hatch=HORIZON_HATCHES[goal.horizon_months], edgecolor=DARK_GREY, linewidth=0,
            )  # fmt: skip
    for months in g.HORIZONS:
        mark = mdates.date2num(add_months(today, months))
        ax.axvline(mark, color=palette.GREY, linestyle=":", linewidth=1)
        ax.text(mark, -0.6, f"{months} mo.", ha="center", fontsize=TEXT_PT,
                color=palette.DARK_GREY)  # fmt: skip
    ax.axvline(now, color=TODAY_COLOUR, linewidth=1.2, linestyle="--")
    ax.text(now, -0.6, "today", ha="center", fontsize=TEXT_PT, color=TODAY_COLOUR)
    ax.set_ylim(y + 0.2, -1.6)
    ax.set_xlim(left, right)
    ax.set_yticks([])
    ax.xaxis.set_major_locator(mdates.MonthLocator(1))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelsize=TEXT_PT)
    fig.legend(
        handles=_horizon_patches(horizons),
        loc="lower center", ncol=2, frameon=False, fontsize=TEXT_PT, **LEGEND_SWATCH,
    )  # fmt: skip
    ax.set_title("Your short-term goals\nby area of growth", loc="left", fontsize=TEXT_PT + 3)
    plain(ax, "top", "right", "left")
    legend = (0.75 if len(horizons) > 2 else 0.45) / fig.get_figheight()
    fig.tight_layout(rect=(0, legend, 1, 1))  # the legend goes below
    fit_texts(fig, ax.texts)
    return fig


def _row_positions(
    labels: list[str], start: float, tall_from: int = 3, tall: float = 1.36
) -> tuple[list[float], list[float], float]:
    """A y position per row (a label of ``tall_from`` lines or more gets a ``tall`` row),
    each row's upper edge, and the last row's lower edge."""
    ys, tops, edge = [], [], start - 0.5
    for label in labels:
        height = tall if label.count("\n") + 1 >= tall_from else 1.0
        tops.append(edge)
        ys.append(edge + height / 2)
        edge += height
    return ys, tops, edge


def _label_room(
    left: float, last_start: float, axes_inches: float, label_inches: float = LABEL_INCHES
) -> float:
    """The x limit that leaves ``label_inches`` right of ``last_start`` on axes this wide."""
    share = label_inches / axes_inches
    return last_start + (last_start - left) * share / (1 - share)


# --- long-term objectives (notebook 05) ---------------------------------------------------


#: The gap chart drawn for a phone: narrow and taller, each skill's name on a line above its
#: bar, no text under PHONE_PT, so at a phone's width (about 360 px for 384 drawn) its
#: text stays about 12 px.
GAP_NARROW_CHARS = 38  # a wrapped line of the title or axis label, at PHONE_PT


def gap_chart(plan: Plan, catalog: pd.DataFrame, code: str, narrow: bool = False) -> Figure:
    """The target occupation's important skills (most important on top) against yours;
    ``narrow``: drawn for a phone (names above the bars, wrapped lines, larger type)."""
    table = gap_table(plan, catalog, code)
    title = direction_title(plan, code, catalog)
    rows = max(len(table), 2)
    pt = PHONE_PT if narrow else None  # None: matplotlib's own sizes (10 pt ticks)
    fig = (
        new_figure(PHONE_INCHES, 2.6 + 0.62 * rows) if narrow else new_figure(9, 1.4 + 0.38 * rows)
    )
    ax = fig.subplots()
    if table.empty:
        words = (
            "O*NET has no skill ratings for this occupation"
            if code in catalog.index
            else "No skill list for your own occupation"
        ) + ":\nlist the skills it needs in 02 (from postings or people in the job)."
        if narrow:
            words = "\n".join(textwrap.wrap(words.replace("\n", " "), GAP_NARROW_CHARS - 6))
        ax.text(
            0.5, 0.5, words, ha="center", va="center", color=palette.DARK_GREY,
            transform=ax.transAxes, fontsize=pt,
        )  # fmt: skip
        ax.set_axis_off()
    else:
        kind = table["level"].map(
            lambda v: "missing" if v == 0 else "weak" if v < SOLID_LEVEL else "have"
        )
        y = [i + 0.2 for i in range(len(table))] if narrow else list(range(len(table)))
        ax.barh(
            y, table["level"].clip(lower=0.08), color=kind.map(LEVEL_COLOURS),
            height=0.4 if narrow else 0.6, hatch=list(kind.map(LEVEL_HATCHES)),
            edgecolor=DARK_GREY, linewidth=0,
        )  # fmt: skip
        # Her own words for her skills (none an O*NET name): "not under this name", not "not in".
        missing = (
            "not under this name in 01"
            if other_names_only(s.name for s in plan.dream_job.skills)
            else "not in your skills"
        )
        rows_of = zip(y, table["level"], table["chosen"], strict=True)
        for at, level, picked in rows_of:
            note = missing if level == 0 else f"you: {level} of 5"
            ax.text(
                max(level, 0.1) + 0.08,
                at,
                note + (", picked" if narrow and picked else "  · picked" if picked else ""),
                va="center",
                fontsize=pt or 8.5,
                color=palette.INK,
            )
        ax.axvline(SOLID_LEVEL, color=palette.GREY, linestyle=":", linewidth=1)
        if narrow:  # each name on its own line above its bar: the whole width for the words
            for i, skill in enumerate(table.index):
                ax.text(0, i - 0.22, shorten(skill, GAP_NARROW_CHARS), va="center", fontsize=pt)
            ax.set_yticks([])
            ax.set_ylim(len(table) - 0.4, -0.6)
            ax.set_xlim(0, 9.6)  # room right of a full bar for its note
            ax.spines["bottom"].set_bounds(0, 5)  # the axis as long as the ratings
            ax.tick_params(labelsize=pt)
        else:
            ax.set_yticks(y, [shorten(s, 40) for s in table.index])
            ax.invert_yaxis()
            ax.set_xlim(0, 6.6)
        ax.set_xticks(range(6))
        label = (
            "None of your skills in 01 is one of O*NET's names: pick the ones you have "
            "from the list in 01"
            if missing != "not in your skills"
            else "Your own rating (01), 0 = not listed; dotted line: solid (3 of 5)"
        )
        if narrow:
            label = "\n".join(textwrap.wrap(label, GAP_NARROW_CHARS))
        ax.set_xlabel(label, fontsize=pt, loc="left" if narrow else "center")
        fig.legend(
            handles=[
                _patch(LEVEL_COLOURS[k], LEVEL_HATCHES[k], words)
                for k, words in LEVEL_WORDS.items()
                if k in set(kind)  # a legend names only what is drawn
            ],
            loc="lower center",
            ncol=2 if narrow else 3,
            frameon=False,
            fontsize=pt or 8,
            **LEGEND_SWATCH,
        )
        plain(ax, "top", "right", "left") if narrow else plain(ax)
    heading = f"Skills {shorten(title, 50)} needs, and yours"
    if narrow:
        heading = "\n".join(textwrap.wrap(heading, GAP_NARROW_CHARS))
    ax.set_title(heading, loc="left", fontsize=pt + 2 if pt else None)
    legend = (0.55 if narrow else 0.45) / fig.get_figheight()
    fig.tight_layout(rect=(0, legend, 1, 1))  # the legend goes below
    return fig


def _rows(
    items: list[RoadmapItem], size: RoadmapSize
) -> tuple[list[tuple[float, RoadmapItem]], dict[str, float]]:
    """A y position for each item, leaving a header row above each lane (a taller row for
    a label of three lines)."""
    lanes = list(dict.fromkeys(item.lane for item in items))
    entries: list[str | RoadmapItem] = []
    for lane in lanes:
        entries += [lane, *(item for item in items if item.lane == lane)]
    labels = [
        _lane_heading(x, size.lane_chars)
        if isinstance(x, str)
        else _wrapped(x.label, size.label_chars, size.label_lines)
        for x in entries
    ]
    ys, _, _ = _row_positions(labels, 0.0, size.tall_from, size.tall)
    rows = [(y, x) for y, x in zip(ys, entries, strict=True) if not isinstance(x, str)]
    headers = {x: y for y, x in zip(ys, entries, strict=True) if isinstance(x, str)}
    return rows, headers


def _lane_heading(lane: str, chars: int = 72) -> str:
    """A lane's heading: a long occupation title on two lines, the second cut with "…"."""
    words = textwrap.wrap(lane, chars) or [""]
    rest = [shorten(" ".join(words[1:]), chars)] if words[1:] else []
    return "\n".join([*words[:1], *rest])


def _horizon_patches(horizons: Collection[int]) -> list[Patch]:
    """The legend's swatch of each goal horizon drawn (a legend names only what is drawn)."""
    return [
        _patch(c, HORIZON_HATCHES[m], f"{m}-month goal")
        for m, c in HORIZON_COLOURS.items()
        if m in horizons
    ]


def _patch(colour: str, hatch: str, label: str) -> Patch:
    """A legend entry for bars of ``colour`` filled with ``hatch``."""
    return Patch(facecolor=colour, hatch=hatch, edgecolor=DARK_GREY, linewidth=0, label=label)


def _draw_item(
    ax: Any, y: float, item: RoadmapItem, colours: dict[str, str], size: RoadmapSize
) -> Text:
    """Draw one item (a bar, or a mark for a single date) with its label; return the label."""
    start, end = mdates.date2num(item.start), mdates.date2num(item.end)
    colour = colours.get(item.group, GOAL_COLOUR)
    if item.kind == "goal":
        mark = STONE_HATCH if item.group == STONE else ""
    else:
        mark = GROUP_MARKS.get(item.group, "//")
    if item.start == item.end:
        marker = mark if mark in ("D", "*") else "D"
        ax.plot(start, y, marker=marker, markersize=11 * size.scale, color=colour, zorder=3)
    else:
        ax.barh(
            y,
            end - start,
            left=start,
            height=0.55,
            color=colour,
            alpha=0.85,
            hatch=mark,
            edgecolor=DARK_GREY,
            linewidth=0,
        )
    label = _wrapped(item.label, size.label_chars, size.label_lines)
    gap = _label_gap(item) * size.gap_scale
    return ax.text(end + gap, y, label, va="center", fontsize=size.text_pt)


def _label_gap(item: RoadmapItem) -> int:
    """Days between an item's mark (a point or a bar's end) and its label."""
    return 70 if item.start == item.end else 25


def _wrapped(label: str, chars: int = LABEL_CHARS_PER_LINE, most: int = LABEL_LINES) -> str:
    """A label on at most ``most`` lines, the last cut with "…" only when it is longer."""
    lines = textwrap.wrap(" ".join(label.split()), chars) or [""]
    rest = " ".join(lines[most - 1 :])
    return "\n".join(lines[: most - 1] + ([shorten(rest, chars)] if rest else []))


def widen(fig: Figure, labels: Iterable[tuple[Text, str]], margin_px: float = 4) -> None:
    """Rewrap each label cut with "…" onto wider lines, as far as the figure's right edge
    allows, so a long label is shown whole where there is room (measured, not guessed)."""
    renderer = cast(FigureCanvasAgg, fig.canvas).get_renderer()  # new_figure's Agg canvas
    right = fig.bbox.x1 - margin_px
    for text, full in labels:
        lines = text.get_text().count("\n") + 1
        for chars in range(LABEL_CHARS_PER_LINE + 4, 2 * LABEL_CHARS_PER_LINE, 4):
            if not text.get_text().endswith(ELLIPSIS):
                break
            before = text.get_text()
            text.set_text(_wrapped(full, chars, lines))
            if text.get_window_extent(renderer).x1 > right:
                text.set_text(before)
                break


def fit_texts(fig: Figure, texts: Iterable[Text], margin_px: float = 4) -> None:
    """Shorten (with "…") each text that would run past the figure's right edge.

    Measured with the figure's renderer, so nothing is cut off or widens the picture.
    """
    renderer = cast(FigureCanvasAgg, fig.canvas).get_renderer()  # new_figure's Agg canvas
    right = fig.bbox.x1 - margin_px
    for text in texts:
        lines = text.get_text().split("\n")
        while text.get_window_extent(renderer).x1 > right and max(map(len, lines)) > 4:
            longest = max(range(len(lines)), key=lambda i: len(lines[i]))
            lines[longest] = shorten(lines[longest], len(lines[longest]) - 3)
            text.set_text("\n".join(lines))


def roadmap_chart(
    plan: Plan, catalog: pd.DataFrame, today: date | None = None, size: RoadmapSize | None = None
) -> Figure:
    """Short-term goals (04) leading into long-term objectives (05), per direction; drawn as
    a notebook shows it, or at ``size`` (e.g. ROADMAP_PRINT)."""
    today = today or date.today()
    size = size or RoadmapSize()
    pt = size.text_pt
    items = roadmap_items(plan, catalog, today)
    rows, headers = _rows(items, size)
    bottom = max([y for y, _ in rows] + [y for y in headers.values()] + [2.5]) + 0.5
    fig = new_figure(size.width, 2.0 * size.scale + size.row_inches * (bottom + 0.5))
    ax = fig.subplots()
    now, short = mdates.date2num(today), mdates.date2num(add_months(today, 24))
    far = mdates.date2num(add_months(today, 126))
    ends = [far, *(mdates.date2num(i.end) for i in items)]
    left = min([now - 30, *(mdates.date2num(i.start) - 30 for i in items)])
    last = max([far, *(mdates.date2num(i.end) + _label_gap(i) * size.gap_scale for i in items)])
    right = max(max(ends), _label_room(left, last, size.width - 0.6, size.label_inches))
    # Pale backgrounds, each named by a heading: not a sign by colour alone.
    ax.axvspan(now, short, color=OKABE_ITO["sky blue"], alpha=0.12, zorder=0)
    ax.axvspan(short, right, color=OKABE_ITO["orange"], alpha=0.12, zorder=0)
    top = -2.0
    band: dict[str, Any] = {"fontsize": pt, "va": "center"}
    ax.text(now + 15, top + size.band_rows[0], size.bands[0], color=palette.INFO, **band)
    ax.text(short + 15, top + size.band_rows[1], size.bands[1], color=palette.WARN, **band)
    ax.axvline(now, color=TODAY_COLOUR, linewidth=1.2, linestyle="--")
    if not items:
        ax.text(
            (now + far) / 2,
            1,
            "Nothing on the roadmap yet: write short-term goals\nin 04 and your objectives above.",
            ha="center",
            va="center",
            color=palette.DARK_GREY,
            fontsize=pt,
        )
    colours = {group: colour for group, (colour, _) in GROUP_STYLE.items()}
    shown = [(_draw_item(ax, y, item, colours, size), item.label) for y, item in rows]
    for lane, y in headers.items():
        ax.text(
            left + 10,
            y,
            _lane_heading(lane, size.lane_chars),
            fontsize=pt + 1,
            fontweight="bold",
            va="center",
        )
        if y:
            ax.axhline(y - 0.5, color=palette.LIGHT_GREY, linewidth=0.8)
    _arrows(ax, rows)
    ax.set_ylim(bottom, top)
    ax.set_xlim(left, right)  # with room for the labels
    ax.set_yticks([])
    step = size.year_step
    while (right - left) / 365.25 / step > size.most_years:
        step *= 2
    ax.xaxis.set_major_locator(mdates.YearLocator(step))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(labelsize=pt)
    drawn = {i.group for i in items if i.kind != "goal"}  # a legend names only what is drawn
    goals = {i.group == STONE for i in items if i.kind == "goal"}
    handles: list[Patch | Line2D] = [_patch(GOAL_COLOUR, "", "short-term goal")] * (False in goals)
    handles += [_patch(GOAL_COLOUR, STONE_HATCH, "job on the way")] * (True in goals)
    handles += [
        Line2D([], [], marker=GROUP_MARKS[g], linestyle="", color=c, label=lab)
        if GROUP_MARKS[g] in ("D", "*")
        else _patch(c, GROUP_MARKS[g], lab)
        for g, (c, lab) in GROUP_STYLE.items()
        if g in drawn
    ]
    fig.legend(
        handles=handles, loc="lower center", ncol=size.legend_columns, frameon=False, fontsize=pt,
        **LEGEND_SWATCH,
    )  # fmt: skip
    ax.set_title("Your roadmap", loc="left", fontsize=pt + 3)
    plain(ax, "top", "right", "left")
    legend = size.legend_inches * size.scale / fig.get_figheight()
    fig.tight_layout(rect=(0, legend, 1, 1))  # the legend goes below
    widen(fig, shown)
    fit_texts(fig, ax.texts)
    return fig


def _arrows(ax: Any, rows: list[tuple[float, RoadmapItem]]) -> None:
    """In each lane, an arrow from the last goal to where the objectives begin."""
    lanes = dict.fromkeys(item.lane for _, item in rows)
    for lane in lanes:
        goals = [(y, i) for y, i in rows if i.lane == lane and i.kind == "goal"]
        objectives = [(y, i) for y, i in rows if i.lane == lane and i.kind == "objective"]
        if goals and objectives:
            (gy, goal), (oy, first) = max(goals, key=lambda r: r[1].end), objectives[0]
            ax.annotate(
                "",
                xy=(mdates.date2num(first.start), oy),
                xytext=(mdates.date2num(goal.end), gy),
                arrowprops={"arrowstyle": "->", "color": palette.DARK_GREY, "linewidth": 1},
            )


# --- the objectives panel -----------------------------------------------------------


# --- progress (notebook 07) ---------------------------------------------------------------


def progress_chart(goals: list[Goal], narrow: bool = False) -> Figure:
    """Horizontal bars: each goal's percent done, coloured by status; ``narrow``: drawn for
    a phone (each goal's words on lines above its bar, larger type)."""
    if narrow:
        return _narrow_progress(goals)
    height = 0.4 * max(len(goals), 1) + 1.1
    fig = new_figure(9, height)
    # fixed margins; the right one holds a full bar's note, "100% (in progress)"
    fig.subplots_adjust(left=0.36, right=0.84, top=1 - 0.45 / height, bottom=0.55 / height)
    ax = fig.subplots()
    labels = [_wrapped(g.text, 40, 2) if g.text.strip() else "(no text)" for g in goals]
    percents = [g.percent for g in goals]
    colours = [STATUS_COLOURS[g.status] for g in goals]
    hatches = [STATUS_HATCHES[g.status] for g in goals]
    rows = range(len(goals))  # by position: two goals of the same text stay two bars
    bars = ax.barh(rows, percents, color=colours, hatch=hatches, edgecolor=DARK_GREY, linewidth=0)
    ax.set_yticks(list(rows), labels)
    for bar, goal in zip(bars, goals, strict=True):
        note = "dropped" if goal.status == "dropped" else f"{goal.percent}% ({goal.status})"
        ax.annotate(
            note,
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    ax.set_xlim(0, 100)  # a percentage: the notes sit in the margin beyond 100
    ax.set_xticks(range(0, 101, 25))
    ax.tick_params(axis="y", labelsize=9)
    ax.set_xlabel("% done")
    ax.invert_yaxis()
    ax.set_title("Progress on your goals")
    plain(ax)
    return fig


PROGRESS_NARROW_CHARS = 40  # a goal's line on a phone, at TEXT_PT


def _narrow_progress(goals: list[Goal]) -> Figure:
    """:func:`progress_chart` for a phone: 4 in wide, no text under TEXT_PT. The y axis
    counts lines of text (downwards): each goal's words, then its bar and its note."""
    labels = [
        _wrapped(g.text, PROGRESS_NARROW_CHARS, 4) if g.text.strip() else "(no text)" for g in goals
    ]
    tops, y = [], 0.0
    for label in labels:
        tops.append(y)
        y += label.count("\n") + 1 + 1.6  # the words, then the bar and a gap
    fig = new_figure(PHONE_INCHES, 1.3 + LINE_INCHES * max(y, 2))
    ax = fig.subplots()
    for top, label, goal in zip(tops, labels, goals, strict=True):
        ax.text(0, top, label, va="top", fontsize=TEXT_PT)
        bar = top + label.count("\n") + 1 + 0.6
        ax.barh(bar, 100, height=0.9, color=palette.PALE_GREY, zorder=0)  # the whole way
        ax.barh(
            bar, goal.percent, height=0.9, color=STATUS_COLOURS[goal.status],
            hatch=STATUS_HATCHES[goal.status], edgecolor=DARK_GREY, linewidth=0,
        )  # fmt: skip
        note = "dropped" if goal.status == "dropped" else f"{goal.percent}% ({goal.status})"
        ax.text(goal.percent + 2, bar, note, va="center", fontsize=TEXT_PT)
    ax.set_ylim(max(y, 2) - 0.4, -0.3)
    ax.set_xlim(0, 150)  # room right of a full bar for "100% (in progress)"
    ax.set_xticks(range(0, 101, 25))
    ax.spines["bottom"].set_bounds(0, 100)  # the axis as long as the percentages
    ax.set_yticks([])
    ax.tick_params(labelsize=TEXT_PT)
    ax.set_xlabel("% done", fontsize=TEXT_PT, loc="left")
    ax.set_title("Progress on your goals", loc="left", fontsize=TEXT_PT + 2)
    plain(ax, "top", "right", "left")
    fig.tight_layout()
    return fig
