"""Widgets for notebook 05: long-term objectives per direction, the skill gap, the roadmap.

Answers are checked with :mod:`careerkit.roadmap` and saved as the person goes
(``Saver("long_term")``), one objective per direction.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

import ipywidgets as w
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from careerkit.dates import add_months
from careerkit.goals import direction_title
from careerkit.plan import Objective, Plan
from careerkit.roadmap import (
    ObjectiveInputError,
    RoadmapItem,
    directions,
    gap_table,
    parse_skills,
    roadmap_items,
    skill_choices,
    update_objective,
)
from careerkit.ui.common import WIDE, Saver, guarded, message_html, show_figure, text_area
from careerkit.wording import shorten

SOLID_LEVEL = 3  # a self-rating from which a skill counts as one the person has
LEVEL_COLOURS = {"have": "#4c9f70", "weak": "#e0a030", "missing": "#c0392b"}
GROUP_STYLE = {  # objective group -> (colour, legend label)
    "skills": ("#f28e2b", "skills to build"),
    "experience": ("#e15759", "experience to gain"),
    "stay": ("#76b7b2", "time in the role"),
    "role": ("#59a14f", "role in 5 / 10 years"),
    "ambition": ("#b07aa1", "ambition"),
}
GOAL_COLOUR = "#7f8fa6"
STAY_OPTIONS = [
    ("not sure yet", -1),
    ("less than a year", 0),
    *((f"{n} year{'s' * (n != 1)}", n) for n in (1, 2, 3, 4, 5, 6, 7, 8, 10, 15, 20, 30)),
]


# --- charts -------------------------------------------------------------------------


def gap_chart(plan: Plan, catalog: pd.DataFrame, code: str) -> Figure:
    """The target occupation's important skills (most important on top) against yours."""
    table = gap_table(plan, catalog, code)
    title = direction_title(plan, code, catalog)
    fig, ax = plt.subplots(figsize=(9, 1.4 + 0.38 * max(len(table), 2)))
    if table.empty:
        ax.text(
            0.5,
            0.5,
            "No catalogue skill list for this occupation:\nadd the skills it needs below.",
            ha="center",
            va="center",
            color="#555",
            transform=ax.transAxes,
        )
        ax.set_axis_off()
    else:
        kind = table["level"].map(
            lambda v: "missing" if v == 0 else "weak" if v < SOLID_LEVEL else "have"
        )
        y = range(len(table))
        ax.barh(y, table["level"].clip(lower=0.08), color=kind.map(LEVEL_COLOURS), height=0.6)
        for i, (level, picked) in enumerate(zip(table["level"], table["chosen"], strict=True)):
            note = "not in your skills" if level == 0 else f"you: {level} of 5"
            ax.text(
                max(level, 0.1) + 0.08,
                i,
                note + ("  · picked" if picked else ""),
                va="center",
                fontsize=8.5,
                color="#333",
            )
        ax.axvline(SOLID_LEVEL, color="#999", linestyle=":", linewidth=1)
        ax.set_yticks(list(y), [shorten(s, 40) for s in table.index])
        ax.invert_yaxis()
        ax.set_xlim(0, 6.6)
        ax.set_xticks(range(6))
        ax.set_xlabel("Your own rating (01), 0 = not listed; dotted line: solid (3 of 5)")
        fig.legend(
            handles=[
                Patch(color=LEVEL_COLOURS["have"], label="you have it"),
                Patch(color=LEVEL_COLOURS["weak"], label="to strengthen (1-2)"),
                Patch(color=LEVEL_COLOURS["missing"], label="gap"),
            ],
            loc="lower center",
            ncol=3,
            frameon=False,
            fontsize=8,
        )
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    ax.set_title(f"Skills {shorten(title, 50)} needs, and yours", loc="left")
    fig.tight_layout(rect=(0, 0.35 / fig.get_figheight(), 1, 1))  # the legend goes below
    plt.close(fig)
    return fig


def _rows(items: list[RoadmapItem]) -> tuple[list[tuple[float, RoadmapItem]], dict[str, float]]:
    """A y position for each item, leaving a header row above each lane."""
    rows, headers, y = [], {}, 0.0
    for item in items:
        if item.lane not in headers:
            headers[item.lane] = y
            y += 1
        rows.append((y, item))
        y += 1
    return rows, headers


def _draw_item(ax: Any, y: float, item: RoadmapItem, colours: dict[str, str]) -> None:
    start, end = mdates.date2num(item.start), mdates.date2num(item.end)
    colour = colours.get(item.group, GOAL_COLOUR)
    if item.start == item.end:
        marker = "*" if item.group == "ambition" else "D"
        ax.plot(start, y, marker=marker, markersize=11, color=colour, zorder=3)
    else:
        hatch = None if item.kind == "goal" else "//"
        ax.barh(
            y,
            end - start,
            left=start,
            height=0.55,
            color=colour,
            alpha=0.85,
            hatch=hatch,
            edgecolor="white",
        )
    gap = 70 if item.start == item.end else 25  # days between the mark and its label
    ax.text(end + gap, y, shorten(item.label, 58), va="center", fontsize=8.5)


def roadmap_chart(plan: Plan, catalog: pd.DataFrame, today: date | None = None) -> Figure:
    """Short-term goals (04) leading into long-term objectives (05), per direction."""
    today = today or date.today()
    items = roadmap_items(plan, catalog, today)
    rows, headers = _rows(items)
    fig, ax = plt.subplots(figsize=(12, 1.8 + 0.36 * max(len(rows) + len(headers), 4)))
    now, short = mdates.date2num(today), mdates.date2num(add_months(today, 24))
    far = mdates.date2num(add_months(today, 126))
    ends = [far, *(mdates.date2num(i.end) for i in items)]
    left = min([now - 30, *(mdates.date2num(i.start) - 30 for i in items)])
    right = max(ends)
    ax.axvspan(now, short, color="#eaf2fb", zorder=0)
    ax.axvspan(short, right + (right - left) * 0.4, color="#fdf3e6", zorder=0)
    top = -1.4
    ax.text(now + 15, top + 0.4, "Short-term goals (04)", fontsize=9, color="#1f4e79")
    ax.text(short + 15, top + 0.4, "Long-term objectives (05)", fontsize=9, color="#8a5300")
    ax.axvline(now, color="#b00020", linewidth=1.2)
    if not items:
        ax.text(
            (now + far) / 2,
            1,
            "Nothing on the roadmap yet: write short-term goals in 04 and your objectives above.",
            ha="center",
            va="center",
            color="#555",
        )
    colours = {group: colour for group, (colour, _) in GROUP_STYLE.items()}
    for y, item in rows:
        _draw_item(ax, y, item, colours)
    for lane, y in headers.items():
        ax.text(left + 10, y, lane, fontsize=10, fontweight="bold", va="center")
        if y:
            ax.axhline(y - 0.5, color="#ccc", linewidth=0.8)
    _arrows(ax, rows)
    ax.set_ylim(max(len(rows) + len(headers), 3) - 0.5, top)
    ax.set_xlim(left, right + (right - left) * 0.4)  # room for the labels
    ax.set_yticks([])
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    handles = [Patch(color=GOAL_COLOUR, label="short-term goal")]
    handles += [
        Line2D([], [], marker="D" if g == "role" else "*", linestyle="", color=c, label=lab)
        if g in ("role", "ambition")
        else Patch(color=c, label=lab, hatch="//")
        for g, (c, lab) in GROUP_STYLE.items()
    ]
    ax.legend(
        handles=handles, loc="lower right", bbox_to_anchor=(1, 1), ncol=3, frameon=False, fontsize=8
    )
    ax.set_title("Your roadmap", loc="left")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    plt.close(fig)
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
                arrowprops={"arrowstyle": "->", "color": "#555", "linewidth": 1},
            )


# --- the objectives panel -----------------------------------------------------------


class ObjectivesPanel(w.VBox):
    """Pick a direction, see its skill gap, and write the objectives for it."""

    def __init__(self, plan: Plan, catalog: pd.DataFrame) -> None:
        self.plan, self.catalog = plan, catalog
        self.saver = Saver(plan)
        self.out = w.Output()
        self.quiet = False
        codes = directions(plan)
        labels = [self._label(code) for code in codes]
        self.direction = w.Dropdown(
            options=list(zip(labels, codes, strict=True)),
            description="Direction",
            style=WIDE,
            layout=w.Layout(width="60%"),
        )
        self.chart = w.Output()
        self.skills = w.VBox()
        self.picks: list[tuple[str, w.Checkbox]] = []
        self.own = text_area(
            "",
            "Other skills to build",
            "One per line, technical or soft, e.g. electronic health records, conflict resolution",
            rows=3,
        )
        self.experience = text_area(
            "",
            "Experience to gain",
            "What would make you stand out? e.g. run a department's budget on my own for a year",
        )
        self.role_5y = self._line("Where I would like to be in 5 years", "e.g. clinic manager")
        self.role_10y = self._line("... and in 10 years", "e.g. director of operations")
        self.ambitions = text_area(
            "",
            "Ambitions",
            "e.g. a C-level role such as chief operating officer, a board seat, my own practice",
            rows=2,
        )
        self.stay = w.Dropdown(
            options=STAY_OPTIONS,
            description="How long I mean to stay in the role",
            style=WIDE,
            layout=w.Layout(width="460px"),
        )
        self.leave = text_area(
            "",
            "What would make me leave or retire",
            "e.g. when I stop learning; a move abroad; retiring at 62",
            rows=2,
        )
        self.message = w.HTML()
        self.notice = self._notice(codes)
        super().__init__([self.notice, *(self._layout() if codes else [])])
        if codes:
            self._wire()
            self.show(self.direction.value)

    def _label(self, code: str) -> str:
        title = direction_title(self.plan, code, self.catalog)
        return title if code in self.plan.comparison.chosen else f"{title} (not chosen)"

    @staticmethod
    def _line(description: str, placeholder: str) -> w.Text:
        return w.Text(
            description=description,
            placeholder=placeholder,
            continuous_update=False,
            layout=w.Layout(width="95%"),
            style=WIDE,
        )

    def _notice(self, codes: list[str]) -> w.HTML:
        if self.plan.comparison.chosen:
            return w.HTML()
        if codes:
            return w.HTML(
                message_html(
                    "No direction chosen yet: choose a direction in 03 first. Meanwhile you can "
                    "write objectives for an option on your shortlist.",
                    "warn",
                )
            )
        return w.HTML(
            message_html(
                "Shortlist some occupations in 02 first, then choose a direction in 03.", "warn"
            )
        )

    def _layout(self) -> list[w.Widget]:
        def head(text: str) -> w.HTML:
            return w.HTML(f"<h4>{html.escape(text)}</h4>")

        return [
            self.direction,
            head("Skills to acquire"),
            self.chart,
            w.HTML(message_html("Tick the gap skills you mean to acquire:")),
            self.skills,
            self.own,
            head("Experience to gain"),
            self.experience,
            head("Professional development"),
            self.role_5y,
            self.role_10y,
            self.ambitions,
            head("Length of employment"),
            self.stay,
            self.leave,
            self.message,
            self.saver.status,
            self.out,
        ]

    def _wire(self) -> None:
        catch = guarded(self.out)
        self.direction.observe(catch(lambda ch: self.show(ch["new"])), names="value")
        fields = {
            self.experience: "experience",
            self.role_5y: "role_5y",
            self.role_10y: "role_10y",
            self.ambitions: "ambitions",
            self.leave: "leave_when",
        }
        for widget, field in fields.items():
            widget.observe(catch(lambda ch, f=field: self._save(**{f: ch["new"]})), names="value")
        self.own.observe(
            catch(lambda ch: self._save(own_skills=parse_skills(ch["new"]))), names="value"
        )
        self.stay.observe(
            catch(lambda ch: self._save(stay_years=None if ch["new"] < 0 else ch["new"])),
            names="value",
        )

    def show(self, code: str) -> None:
        """Fill the widgets with the saved objective for ``code`` and draw its gap chart."""
        objective = self.plan.long_term.objectives.get(code, Objective())
        self.quiet = True
        try:
            self.experience.value = objective.experience
            self.role_5y.value, self.role_10y.value = objective.role_5y, objective.role_10y
            self.ambitions.value, self.leave.value = objective.ambitions, objective.leave_when
            self.own.value = "\n".join(objective.own_skills)
            stay = -1 if objective.stay_years is None else objective.stay_years
            if stay not in dict(STAY_OPTIONS).values():
                self.stay.options = [*STAY_OPTIONS, (f"{stay} years", stay)]
            self.stay.value = stay
            self._show_skills(code, objective)
        finally:
            self.quiet = False
        self.message.value = ""
        show_figure(self.chart, gap_chart(self.plan, self.catalog, code))

    def _show_skills(self, code: str, objective: Objective) -> None:
        choices = skill_choices(self.plan, self.catalog, code)
        self.picks = [
            (
                s,
                w.Checkbox(
                    value=s in objective.skills_to_acquire, description=s, indent=False, style=WIDE
                ),
            )
            for s in choices
        ]
        for _, box in self.picks:
            box.observe(guarded(self.out)(self._picked), names="value")
        empty = [w.HTML(message_html("No gap found: add your own skills to build below.", "good"))]
        self.skills.children = [box for _, box in self.picks] or empty

    def _picked(self, _change: dict) -> None:
        self._save(skills_to_acquire=[s for s, box in self.picks if box.value])

    def _save(self, **fields: Any) -> None:
        if self.quiet:
            return
        try:
            update_objective(self.plan, self.direction.value, **fields)
        except ObjectiveInputError as err:
            self.message.value = message_html(f"Not saved: {err}", "error")
            return
        self.message.value = ""
        self.saver.request("long_term")


def objectives(plan: Plan, catalog: pd.DataFrame) -> ObjectivesPanel:
    """The long-term objectives panel for notebook 05."""
    return ObjectivesPanel(plan, catalog)


def roadmap(plan: Plan, catalog: pd.DataFrame, today: date | None = None) -> w.VBox:
    """The roadmap chart with a button to redraw it after editing."""
    out, errors = w.Output(), w.Output()
    redraw = w.Button(
        description="Redraw the roadmap", icon="refresh", layout=w.Layout(width="fit-content")
    )

    @guarded(errors)
    def draw(_button: w.Button | None = None) -> None:
        show_figure(out, roadmap_chart(plan, catalog, today))

    redraw.on_click(draw)
    draw()
    return w.VBox([redraw, out, errors])


__all__ = ["ObjectivesPanel", "objectives", "roadmap", "roadmap_chart", "gap_chart"]
