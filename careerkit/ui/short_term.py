"""Widgets for notebook 04: the goal editor with a live S.M.A.R.T. check, suggestions, timeline.

Everything the person types is checked with :mod:`careerkit.steps.short_term.goals` before it
touches the plan, and saved as they go (``Saver("short_term_goals")``); the S.M.A.R.T. result
follows every keystroke, whether or not the goal can be saved yet. A new goal with no
words yet shows "not checked yet" rather than five red crosses.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

import ipywidgets as w
import pandas as pd

from careerkit import palette
from careerkit.dates import long_date
from careerkit.plan import Goal, Plan
from careerkit.report.charts import timeline_chart
from careerkit.report.smart_html import smart_html, smart_pending_html
from careerkit.steps.short_term import goals as g
from careerkit.steps.short_term import smart
from careerkit.steps.short_term.goal_dates import date_in_text
from careerkit.ui.kit import buttons, lean
from careerkit.ui.kit.autosave import Saver
from careerkit.ui.kit.callbacks import guarded, quietly
from careerkit.ui.kit.fields import WIDE, choices, choices_style
from careerkit.ui.kit.fold import fold
from careerkit.ui.kit.messages import message_html
from careerkit.ui.kit.plan_signal import FollowingChart, plan_changed
from careerkit.ui.short_term_stones import JobOnTheWay

HORIZON_OPTIONS = [("6 months", 6), ("12 months", 12), ("24 months", 24)]
CONFIDENCE_OPTIONS = [
    ("not rated yet", 0),
    ("1 - not sure at all", 1),
    ("2 - unsure", 2),
    ("3 - fairly sure", 3),
    ("4 - sure", 4),
    ("5 - very sure", 5),
]
GOAL_PLACEHOLDER = "What will you do, and how much? e.g. Pass the CAPM exam with 70% or more"
MEASURE_PLACEHOLDER = "How you will know: 3 interviews, a score of 80%, a portfolio"
#: A row of a goal's fields wraps onto the next line when the notebook is narrow (a side
#: panel open), instead of pushing Status out of sight behind a scrollbar.
WRAP = lean.wrap(align_items="center")  # shared: never change it


# --- one goal's fields --------------------------------------------------------------


def _direction_options(
    plan: Plan, current: str, catalog: pd.DataFrame | None
) -> list[tuple[str, str]]:
    options = [("no direction yet", "")]
    options += [(g.direction_title(plan, c, catalog), c) for c in plan.comparison.chosen]
    if current and current not in plan.comparison.chosen:
        options.append((f"{g.direction_title(plan, current, catalog)} (not chosen)", current))
    return options


def _area_options(plan: Plan, current: str) -> list[str]:
    areas = list(plan.short_term_goals.areas)
    return areas if current in areas else [*areas, current]


class GoalFields:
    """The widgets for one goal's fields; the add form and every goal row use them."""

    def __init__(
        self, plan: Plan, goal: Goal, catalog: pd.DataFrame | None, *, with_status: bool = True
    ) -> None:
        self.quiet = False  # True while the code, not the person, changes values
        self.with_status = with_status
        self.text = lean.make(
            w.Textarea,
            value=goal.text,
            placeholder=GOAL_PLACEHOLDER,
            tooltip="Goal",  # its accessible name: it has no label (careerkit.ui.kit.a11y)
            rows=2,
            continuous_update=True,
            layout={"width": "95%"},
        )
        self.area = lean.make(
            w.Dropdown,
            options=_area_options(plan, goal.area),
            value=goal.area,
            description="Area",
            style=WIDE,
        )
        self.horizon = choices(
            options=HORIZON_OPTIONS, value=goal.horizon_months, description="Within", style=WIDE
        )
        self.due = lean.make(w.DatePicker, value=goal.due, description="Due date", style=WIDE)
        self.measure = lean.make(
            w.Text,
            value=goal.measure,
            description="Measure",
            placeholder=MEASURE_PLACEHOLDER,
            continuous_update=True,
            layout={"width": "560px", "max_width": "100%"},
            style=WIDE,
        )
        self.direction = lean.make(
            w.Dropdown,
            options=_direction_options(plan, goal.direction, catalog),
            value=goal.direction,
            description="Serves",
            style=WIDE,
        )
        self.confidence = lean.make(
            w.Dropdown, options=CONFIDENCE_OPTIONS, value=goal.confidence or 0, style=WIDE,
            description="How sure are you?",
        )  # fmt: skip
        self.status = lean.make(
            w.Dropdown, options=g.STATUSES, value=goal.status, description="Status", style=WIDE,
        )  # fmt: skip
        self.smart, self.message = lean.html(), lean.html()
        # a date written in the goal, offered as its due date: never set without a click
        self.use_date = buttons.secondary(icon="calendar", layout={"width": "auto"})
        self.offer = lean.hbox(layout=WRAP)
        self.offered: date | None = None
        self.use_date.on_click(lambda _: self.accept_date())

    @property
    def inputs(self) -> list[w.ValueWidget]:
        widgets = [self.text, self.area, self.horizon, self.due, self.measure, self.direction]
        return [*widgets, self.confidence, *([self.status] if self.with_status else [])]

    def box(self) -> w.VBox:
        extra = [self.status] if self.with_status else []
        return lean.vbox(
            [
                self.text,
                lean.hbox([self.area, self.due, self.confidence, *extra], layout=WRAP),
                self.horizon,
                lean.hbox([self.measure, self.direction], layout=WRAP),
                self.smart,
                self.offer,
                self.message,
            ]
        )

    def values(self) -> dict[str, Any]:
        """The goal's fields as the person has them now (not yet checked)."""
        values = {
            "text": self.text.value,
            "area": self.area.value,
            "horizon_months": self.horizon.value,
            "due": self.due.value,
            "measure": self.measure.value.strip(),
            "direction": self.direction.value,
            "confidence": self.confidence.value or None,
        }
        return {**values, "status": self.status.value} if self.with_status else values

    def observe(self, handler: Callable[[dict], None]) -> None:
        def unless_quiet(change: dict) -> None:
            if not self.quiet:
                handler(change)

        for widget in self.inputs:
            widget.observe(unless_quiet, names="value")

    def show(self, goal: Goal, plan: Plan, today: date | None) -> None:
        """Put a goal's values in the widgets, without reporting them as changes."""
        with quietly(self):
            self.area.options = _area_options(plan, goal.area)
            self.text.value, self.area.value = goal.text, goal.area
            self.horizon.value, self.due.value = goal.horizon_months, goal.due
            self.measure.value, self.confidence.value = goal.measure, goal.confidence or 0
            if self.with_status:
                self.status.value = goal.status
        self.check(goal, plan, today)

    def check(self, goal: Goal, plan: Plan, today: date | None) -> None:
        self.smart.value = smart_html(smart.smart_check(goal, plan, today))
        self.offer_date(goal, today)

    def offer_date(self, goal: Goal, today: date | None) -> None:
        """Offer the date written in the goal ("by June 30, 2027") as its due date, if new."""
        written = date_in_text(goal.text, today or date.today())
        self.offered = written.due if written and written.due != goal.due else None
        if self.offered is None or written is None:
            self.offer.children = []
            return
        verb = "Set" if goal.due is None else "Change"
        self.use_date.description = f"{verb} the due date to {long_date(self.offered)}"
        self.use_date.tooltip = f"Your goal says '{written.phrase}'"
        self.offer.children = [self.use_date]

    def accept_date(self) -> None:
        """The person accepts the offered date: it goes in Due date, saved like a typed one."""
        if self.offered is not None:
            self.due.value = self.offered

    def check_once_written(self, goal: Goal, plan: Plan, today: date | None) -> None:
        """Check the goal once it has words; before that, show "not checked yet"."""
        if goal.text.strip():
            self.check(goal, plan, today)
        else:
            self.smart.value = smart_pending_html()
            self.offer_date(goal, today)

    def set_areas(self, plan: Plan) -> None:
        with quietly(self):
            current = self.area.value
            self.area.options = _area_options(plan, current)
            self.area.value = current


# --- the editor ---------------------------------------------------------------------


#: Goals the person has finished with: their rows open folded under the goal's words.
FOLDED_STATUSES = ("done", "dropped")
TITLE_CHARS = 90  # of a folded goal's words on its bar


def folded_title(goal: Goal) -> str:
    """The bar of a done or dropped goal's row: its status and its words, cut short."""
    words = " ".join(goal.text.split())
    if len(words) > TITLE_CHARS:
        words = words[: TITLE_CHARS - 1].rstrip() + "…"
    return f"{goal.status.capitalize()}: {words}"


class GoalRow(w.VBox):
    """One saved goal, editable; each change is checked, then saved. Remove asks first.
    A goal done or dropped when the step opens is folded under its words (it stays
    editable: open it to change it)."""

    def __init__(
        self,
        plan: Plan,
        goal: Goal,
        saver: Saver,
        catalog: pd.DataFrame | None = None,
        today: date | None = None,
        on_remove: Callable[[GoalRow], None] | None = None,
    ) -> None:
        self.plan, self.goal_id, self.saver, self.today = plan, goal.id, saver, today
        self.fields = GoalFields(plan, goal, catalog)
        self.out = lean.output()
        self.remove_button = buttons.secondary(
            description="Remove", icon="trash", tooltip="Remove a goal added by mistake"
        )
        self.confirm = lean.hbox(layout=WRAP)
        actions = lean.hbox([self.remove_button, self.confirm], layout=WRAP)
        parts: list[w.Widget] = [self.fields.box(), actions]
        if goal.status in FOLDED_STATUSES:
            parts = [fold(folded_title(goal), *parts, folded=True)]
        super().__init__(
            [*parts, self.out],
            layout=lean.layout(
                border=f"1px solid {palette.LIGHT_GREY}", padding="6px", margin="4px 0"
            ),
        )
        self.fields.observe(guarded(self.out)(self._changed))
        self.remove_button.on_click(guarded(self.out)(lambda _: self._ask()))
        self.on_remove = on_remove
        self.fields.check(goal, plan, today)

    def _ask(self) -> None:
        """Ask before removing: "Yes, remove it" or "Keep it"."""
        yes = lean.button(description="Yes, remove it", button_style="danger")
        keep = buttons.secondary(description="Keep it")
        yes.on_click(guarded(self.out)(lambda _: self.on_remove and self.on_remove(self)))
        keep.on_click(guarded(self.out)(lambda _: setattr(self.confirm, "children", ())))
        text = (
            "Remove this goal for good? Use it for a goal added by mistake; to give up a goal "
            "you worked on, set its status to dropped instead, so your plan remembers why."
        )
        self.confirm.children = [lean.html(message_html(text, "warn")), yes, keep]

    def _changed(self, _change: dict) -> None:
        goal = g.find_goal(self.plan, self.goal_id)
        values = self.fields.values()
        changes = {k: v for k, v in values.items() if getattr(goal, k) != v}
        try:
            g.update_goal(self.plan, self.goal_id, self.today, **changes)
        except g.GoalInputError as err:
            self.fields.message.value = message_html(f"Not saved: {err}", "error")
        else:
            self.fields.message.value = ""
            self.saver.request("short_term_goals")
            plan_changed(self.plan, "short_term_goals")
        self.fields.check(goal.model_copy(update=values), self.plan, self.today)


class GoalEditor(w.VBox):
    """Areas of growth, a form to add a goal, and every goal as an editable row."""

    def __init__(
        self, plan: Plan, catalog: pd.DataFrame | None = None, today: date | None = None
    ) -> None:
        self.plan, self.catalog, self.today = plan, catalog, today
        self.saver = Saver(plan)
        self.out = lean.output()
        self.coverage, self.area_message, self.removed = lean.html(), lean.html(), lean.html()
        self.new_area = lean.make(
            w.Text, description="New area of growth", placeholder="e.g. Volunteering", style=WIDE
        )
        self.add_area_button = buttons.secondary(description="Add area", icon="plus")
        self.form = GoalFields(plan, self._blank(), catalog, with_status=False)
        self.add_button = buttons.primary(
            description="Add this goal", icon="plus", button_style="primary"
        )
        no_direction = message_html("Choose a direction in 03 to link goals to it.", "warn")
        self.direction_note = lean.html("" if plan.comparison.chosen else no_direction)
        self.rows = lean.vbox([self._row(goal) for goal in plan.short_term_goals.goals])
        super().__init__(self._layout(), layout=lean.layout())
        self._wire()
        self._show_coverage()
        self.form.check_once_written(self._blank(), plan, today)

    def _layout(self) -> list[w.Widget]:
        return [
            choices_style(),  # the form's and every goal's horizon
            lean.html("<h4>Your areas of growth</h4>"),
            self.coverage,
            lean.hbox([self.new_area, self.add_area_button]),
            self.area_message,
            lean.html("<h4>Add a goal</h4>"),
            self.direction_note,
            self.form.box(),
            self.add_button,
            lean.html("<h4>Your goals</h4>"),
            self.removed,
            self.rows,
            self.saver.status,
            self.out,
        ]

    def _wire(self) -> None:
        self.form.observe(guarded(self.out)(self._preview))
        self.add_button.on_click(guarded(self.out)(self._on_add))
        self.add_area_button.on_click(guarded(self.out)(self._on_add_area))

    def _row(self, goal: Goal) -> GoalRow:
        return GoalRow(self.plan, goal, self.saver, self.catalog, self.today, self.remove)

    def remove(self, row: GoalRow) -> None:
        """Remove a goal (confirmed in its row) and save; a goal 06 builds on is kept."""
        try:
            goal = g.remove_goal(self.plan, row.goal_id)
        except g.GoalInputError as err:
            row.confirm.children = [lean.html(message_html(str(err), "error"))]
            return
        self.rows.children = tuple(r for r in self.rows.children if r is not row)
        self.saver.request("short_term_goals")
        text = f"Removed the goal '{goal.text.strip() or '(no text)'}'."
        self.removed.value = message_html(text, "info")
        self._show_coverage()
        plan_changed(self.plan, "short_term_goals")

    def _blank(self) -> Goal:
        areas = g.areas_without_goals(self.plan) or self.plan.short_term_goals.areas or ["Learning"]
        return Goal(area=areas[0], created=self.today or date.today())

    def _preview(self, _change: dict) -> None:
        draft = self._blank().model_copy(update=self.form.values())
        self.form.check_once_written(draft, self.plan, self.today)

    def add(self, **fields: Any) -> Goal | None:
        """Check and add a goal, show it as a row and save; None (and why) if it is wrong."""
        try:
            goal = g.add_goal(self.plan, self.today, **fields)
        except g.GoalInputError as err:
            self.form.message.value = message_html(f"Not added: {err}", "error")
            return None
        self.rows.children = (*self.rows.children, self._row(goal))
        self.saver.request("short_term_goals")
        self._show_coverage()
        plan_changed(self.plan, "short_term_goals")
        return goal

    def _on_add(self, _button: w.Button) -> None:
        goal = self.add(**self.form.values())
        if goal is not None:
            self.form.show(self._blank(), self.plan, self.today)
            self.form.check_once_written(self._blank(), self.plan, self.today)
            self.form.message.value = message_html(
                f"Added to {goal.area}. You can keep editing it below.", "good"
            )

    def _on_add_area(self, _button: w.Button) -> None:
        try:
            name = g.add_area(self.plan, self.new_area.value)
        except g.GoalInputError as err:
            self.area_message.value = message_html(str(err), "error")
            return
        self.saver.request("short_term_goals")
        self.new_area.value = ""
        self.area_message.value = message_html(f"Added the area '{name}'.", "good")
        for fields in [self.form, *(row.fields for row in self.rows.children)]:
            fields.set_areas(self.plan)
        self._show_coverage()
        plan_changed(self.plan, "short_term_goals")

    def _show_coverage(self) -> None:
        missing = g.areas_without_goals(self.plan)
        if missing:
            text = "No goal yet in: " + ", ".join(missing) + ". Add at least one goal for each."
            self.coverage.value = message_html(text, "warn")
        else:
            self.coverage.value = message_html("Every area of growth has a goal.", "good")


def goal_editor(
    plan: Plan, catalog: pd.DataFrame | None = None, today: date | None = None
) -> GoalEditor:
    """The goal editor for notebook 04."""
    return GoalEditor(plan, catalog, today)


# --- suggestions --------------------------------------------------------------------


class Suggestions(w.VBox):
    """Goal drafts from the skill gap to the chosen directions, each one click to accept."""

    def __init__(
        self,
        plan: Plan,
        catalog: pd.DataFrame,
        editor: GoalEditor | None = None,
        today: date | None = None,
    ) -> None:
        self.plan, self.catalog, self.today = plan, catalog, today
        self.editor = editor if editor is not None else GoalEditor(plan, catalog, today)
        self.out = lean.output()
        self.drafts = g.suggest_goals(plan, catalog, today)
        self.buttons = [
            buttons.secondary(description="Add as my goal", icon="plus") for _ in self.drafts
        ]
        self.notice = self._notice()
        items = map(self._item, self.drafts, self.buttons)
        super().__init__([self.notice, *items, self.out], layout=lean.layout())
        for draft, button in zip(self.drafts, self.buttons, strict=True):
            button.on_click(guarded(self.out)(lambda b, d=draft: self.accept(d, b)))

    def _notice(self) -> w.HTML:
        chosen = self.plan.comparison.chosen
        if not chosen:
            text, kind = (
                "Choose a direction in 03 first: suggestions come from the skills your "
                "target occupation needs.",
                "warn",
            )
        elif not any(code in self.catalog.index for code in chosen):
            text, kind = (
                "Your chosen directions are not in the catalog, so there is no skill list "
                "to compare with: write your own goals above.",
                "info",
            )
        elif not self.drafts:
            text, kind = (
                "No suggestions: you already have, or have goals for, every important skill "
                "of your chosen directions.",
                "good",
            )
        else:
            text, kind = (
                "Drafts built from skills your target occupation needs and you do not list "
                "yet. Add the ones you like, then make them yours in the editor.",
                "info",
            )
        return lean.html(message_html(text, kind))

    def _item(self, draft: Goal, button: w.Button) -> w.HBox:
        title = g.direction_title(self.plan, draft.direction, self.catalog)
        text = (
            f"{html.escape(draft.text)}<br><small style='color:{palette.DARK_GREY}'>"
            f"{html.escape(draft.area)}"
            f" · for {html.escape(title)}</small>"
        )
        return lean.hbox([button, lean.html(text, layout={"width": "80%"})])

    def accept(self, draft: Goal, button: w.Button | None = None) -> Goal | None:
        """Add a draft as the person's goal (through the editor, so it shows and saves)."""
        fields = draft.model_dump(
            include={"text", "area", "horizon_months", "due", "measure", "direction"}
        )
        goal = self.editor.add(**fields)
        if goal is not None and button is not None:
            button.disabled, button.description, button.icon = True, "Added", "check"
        if goal is None:
            self.out.append_display_data(lean.html(self.editor.form.message.value))
        return goal


def suggestions(
    plan: Plan, catalog: pd.DataFrame, editor: GoalEditor | None = None, today: date | None = None
) -> Suggestions:
    """Suggested goal drafts for notebook 04, then a job on the way to each chosen
    direction (:mod:`careerkit.ui.short_term_stones`); pass the editor so accepted ones
    show in it."""
    shown = Suggestions(plan, catalog, editor, today)
    form = shown.editor.form
    stones = JobOnTheWay(plan, catalog, shown.editor.add, lambda: form.message.value, today)
    shown.children = (*shown.children, stones)
    return shown


# --- timeline -----------------------------------------------------------------------


def timeline(plan: Plan, today: date | None = None) -> FollowingChart:
    """The timeline chart; it follows the goal editor's changes by itself."""
    return FollowingChart(
        plan,
        lambda: timeline_chart(plan, today),
        "short_term_goals",
        narrow=lambda: timeline_chart(plan, today, narrow=True),  # shown on a phone
    )


__all__ = [
    "GoalFields",
    "GoalRow",
    "GoalEditor",
    "Suggestions",
    "goal_editor",
    "suggestions",
    "timeline",
]
