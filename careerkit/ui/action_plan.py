"""Step 6 widgets: resources and dated next actions per goal, the review interval, exports.

:func:`action_plan` edits ``plan.action_plan`` as the person types (no Save button) and
keeps a "this month" list up to date; :func:`review_frequency` sets how often the plan is
reviewed; :func:`exports` writes the printable report, its Markdown and the calendar file
and links to them (the report opens in a new tab, the others download).
"""

from __future__ import annotations

import contextlib
import html
import threading
import time
from collections.abc import Callable
from datetime import date, datetime

import ipywidgets as w
import pandas as pd

from careerkit import palette
from careerkit.dates import long_date
from careerkit.plan import Action, Goal, GoalActions, Plan
from careerkit.report import export, export_files
from careerkit.steps.action_plan import (
    ActionGroups,
    action_groups,
    action_problem,
    active_goals,
    next_review_due,
    this_month,
)
from careerkit.text import counted, shorten
from careerkit.ui.kit import buttons, lean
from careerkit.ui.kit.autosave import Saver
from careerkit.ui.kit.callbacks import guarded
from careerkit.ui.kit.fields import WIDE, choices, choices_style, show, text_area
from careerkit.ui.kit.file_links import FileLink, FileLinks
from careerkit.ui.kit.fold import fold, retitle, unfold
from careerkit.ui.kit.messages import message_html, note_html

SECTION = "action_plan"
NO_GOALS = "Add goals in 04 first (Short-term goals); then plan their next steps here."
RESOURCES = (
    ("people", "People you know", "who could advise, introduce or support you? e.g. Aunt Rosa"),
    ("tools", "Online tools", "courses, job boards, apps, e.g. the college course portal"),
    ("programs", "Programs at work", "training budget, mentoring, tuition help, job shadowing"),
)
ACTION_WIDTH = {"width": "55%"}  # a shared layout (careerkit.ui.kit.lean)


def _goal_heading(goal: Goal) -> str:
    due = f"due {long_date(goal.due)}" if goal.due else "no date yet"
    return (
        f"<h4 style='margin:14px 0 2px'>{html.escape(goal.text)}</h4>"
        f"<small>{html.escape(goal.area)} · {due} · {goal.status}</small>"
    )


def this_month_html(plan: Plan, today: date | None = None) -> str:
    """The open actions due this calendar month or already overdue, as an HTML list."""
    today = today or date.today()
    due = this_month(plan, today)
    if not due:
        return message_html(f"Nothing due in {today:%B} yet: give your next actions dates.")
    rows = []
    for goal, action in due:
        late = (
            f" <b style='color:{palette.ERROR}'>overdue</b>"
            if action.due and action.due < today
            else ""
        )
        rows.append(
            f"<li>{long_date(action.due) if action.due else ''}: {html.escape(action.text)}"
            f"{late} <small>(for the goal “{html.escape(shorten(goal.text, 80))}”)</small></li>"
        )
    return f"<b>This month ({today:%B %Y}) and overdue</b><ul>{''.join(rows)}</ul>"


class ActionRow(w.HBox):
    """One next action: done, what, when, remove."""

    def __init__(self, action: Action) -> None:
        self.done = lean.make(
            w.Checkbox,
            value=action.done,
            description="done",
            indent=False,
            style=WIDE,
            layout={"width": "70px"},
        )
        self.text = lean.make(  # no label beside it: the tooltip is its accessible name
            w.Text,
            value=action.text,
            tooltip="Next action",
            continuous_update=True,
            layout=ACTION_WIDTH,
        )
        self.due = lean.make(w.DatePicker, value=action.due, description="by", style=WIDE)
        self.remove = buttons.secondary(
            icon="trash", tooltip="Remove this action", layout={"width": "40px"}
        )
        super().__init__([self.done, self.text, self.due, self.remove], layout=lean.layout())


def more_title(noted: int | None, later: list[Action], done: list[Action]) -> str:
    """The bar over what a goal asks nothing of now: the resources noted (``None``: they are
    not in it), its actions due after this month (from when) and its actions done."""
    parts = [] if noted is None else [f"who and what can help: {noted} of {len(RESOURCES)} noted"]
    if later:
        first = min(a.due for a in later if a.due)
        later_ones = counted(len(later), "action")
        parts.append(f"later months: {later_ones}, the first on {long_date(first)}")
    if done:
        parts.append("done: " + counted(len(done), "action"))
    text = " · ".join(parts)
    return text[:1].upper() + text[1:]


class GoalActionsEditor(w.VBox):
    """Resources and next actions of one goal; changes go to the plan through ``changed``.

    What asks nothing now opens folded under one bar below the goal's actions of now and
    its "Add action" (issue 24: each step shows what to do now first): the resources once
    one is noted, the actions due after this month, and the actions done. Resources not
    noted yet stay open above the actions.
    """

    def __init__(self, plan: Plan, goal: Goal, changed: Callable[[], None], errors: w.Output):
        self.plan, self.goal_id, self._changed, self.errors = plan, goal.id, changed, errors
        item = plan.action_plan.items.get(goal.id, GoalActions())
        self.resources = {
            name: text_area(getattr(item, name), label, placeholder=hint, rows=1)
            for name, label, hint in RESOURCES
        }
        self.help_folded = self._noted() > 0  # noted: in the fold below; else open above
        self.help = lean.vbox(list(self.resources.values()))
        self.rows = lean.vbox()  # the actions of now
        self.action_rows: list[ActionRow] = []  # every action's row, in the plan's order
        self.groups = ActionGroups([], [], [])
        self.later, self.done = lean.vbox(), lean.vbox()  # in the fold
        self.more = fold("", lean.vbox(), folded=True, hides=True)
        self.new_text = lean.make(
            w.Text,
            placeholder="Next action, e.g. Email Rosa about the open day",
            tooltip="New next action",  # its accessible name (a placeholder is not a label)
            layout=ACTION_WIDTH,
        )
        self.new_due = lean.make(w.DatePicker, description="by", style=WIDE)
        self.add = buttons.primary(description="Add action", icon="plus")
        self.message = lean.html()
        super().__init__(self._layout(goal), layout=lean.layout())
        for name, box in self.resources.items():
            box.observe(guarded(errors)(lambda ch, n=name: self._resource(n, ch.new)), "value")
        self.add.on_click(guarded(errors)(self._add))
        self.render_rows()

    def _layout(self, goal: Goal) -> list[w.Widget]:
        return [
            lean.html(_goal_heading(goal)),
            *([] if self.help_folded else [self.help]),
            lean.html("<b>Next actions</b>"),
            self.rows,
            lean.hbox([self.new_text, self.new_due, self.add]),
            self.message,
            self.more,
        ]

    def item(self) -> GoalActions:
        """This goal's entry in the plan, created on the first change."""
        return self.plan.action_plan.items.setdefault(self.goal_id, GoalActions())

    def _noted(self) -> int:
        return sum(bool(box.value.strip()) for box in self.resources.values())

    def render_rows(self, reveal: int | None = None) -> None:
        """A row per action: those of now in the open, those of later months and those done
        in the fold (opened when the action ``reveal``, just added, goes there)."""
        item = self.plan.action_plan.items.get(self.goal_id, GoalActions())
        rows = [ActionRow(a) for a in item.actions]
        for index, row in enumerate(rows):
            row.done.observe(
                guarded(self.errors)(lambda ch, i=index: self._set_done(i, ch.new)), "value"
            )
            row.text.observe(
                guarded(self.errors)(lambda ch, i=index: self._set_text(i, ch.new)), "value"
            )
            row.due.observe(
                guarded(self.errors)(lambda ch, i=index: self._set_due(i, ch.new)), "value"
            )
            row.remove.on_click(guarded(self.errors)(lambda _b, i=index: self._remove(i)))
        self.action_rows = rows
        groups = action_groups(item.actions)
        self.rows.children = [rows[i] for i in groups.now]
        self.groups = groups
        parts: list[w.Widget] = []
        if self.help_folded:
            parts += [lean.html("<b>Who and what can help</b>"), self.help]
        for heading, indexes, box in (
            ("Later months", groups.later, self.later),
            ("Done", groups.done, self.done),
        ):
            box.children = [rows[i] for i in indexes]
            if indexes:
                parts += [lean.html(f"<b>{heading}</b>"), box]
        self.more.children[0].children = parts
        show(self.more, bool(parts))
        if reveal in groups.later or reveal in groups.done:
            unfold(self.more)
        self._retitle()

    def _retitle(self) -> None:
        actions = self.plan.action_plan.items.get(self.goal_id, GoalActions()).actions
        later = [actions[i] for i in self.groups.later]
        done = [actions[i] for i in self.groups.done]
        retitle(self.more, more_title(self._noted() if self.help_folded else None, later, done))

    def _say(self, problem: str | None) -> bool:
        self.message.value = message_html(f"Not saved: {problem}", "error") if problem else ""
        return problem is None

    def _resource(self, name: str, value: str) -> None:
        setattr(self.item(), name, value)
        self._retitle()
        self._changed()

    def _add(self, _button: w.Button) -> None:
        text, due = self.new_text.value.strip(), self.new_due.value
        if not self._say(action_problem(text, due)):
            return
        self.item().actions.append(Action(text=text, due=due))
        self.new_text.value, self.new_due.value = "", None
        self.render_rows(reveal=len(self.item().actions) - 1)
        self._changed()

    def _set_text(self, index: int, text: str) -> None:
        """A refused change (empty text) leaves the saved action as it was."""
        if self._say(action_problem(text, None)):
            self.item().actions[index].text = text.strip()
            self._changed()

    def _set_due(self, index: int, due: date | None) -> None:
        action = self.item().actions[index]
        if self._say(action_problem(action.text, due)):
            action.due = due
            self._changed()

    def _set_done(self, index: int, done: bool) -> None:
        self.item().actions[index].done = done
        self._changed()

    def _remove(self, index: int) -> None:
        removed = self.item().actions.pop(index)
        self.message.value = message_html(f"Removed: {removed.text}", "info")
        self.render_rows()
        self._changed()


class ActionPlanPanel(w.VBox):
    """Every active goal's editor, and the "this month" list they keep current."""

    def __init__(self, plan: Plan) -> None:
        self.plan, self.saver = plan, Saver(plan)
        self.errors = lean.output()
        self.month = lean.html(this_month_html(plan))
        goals = active_goals(plan)
        self.editors = [GoalActionsEditor(plan, g, self._changed, self.errors) for g in goals]
        body = self.editors or [lean.html(message_html(NO_GOALS, "warn"))]
        super().__init__([self.month, *body, self.saver.status, self.errors], layout=lean.layout())

    def _changed(self) -> None:
        self.saver.request(SECTION)
        self.month.value = this_month_html(self.plan)


class ReviewFrequency(w.VBox):
    """How often to review the plan; the next review date follows the choice."""

    def __init__(self, plan: Plan) -> None:
        self.plan, self.saver = plan, Saver(plan)
        self.errors = lean.output()
        self.every = choices(
            options=[("Every year", 12), ("Every two years", 24)],
            value=plan.action_plan.review_every_months,
            description="Review my plan",
            style=WIDE,
        )
        self.next = lean.html(self._next_html())
        shown = [choices_style(), self.every, self.next, self.saver.status, self.errors]
        super().__init__(shown, layout=lean.layout())
        self.every.observe(guarded(self.errors)(self._set), names="value")

    def _next_html(self) -> str:
        when = next_review_due(self.plan)
        return note_html(f"Next review due on {long_date(when)}; the calendar file repeats it.")

    def _set(self, change: dict) -> None:
        self.plan.action_plan.review_every_months = change["new"]
        self.saver.request(SECTION)
        self.next.value = self._next_html()


class ExportsPanel(w.VBox):
    """A button that writes the report and the calendar file, then links to them.

    The report's charts are drawn ahead in a thread when the panel opens (matplotlib is
    the slow part), so pressing the button takes a fraction of a second.
    """

    def __init__(self, plan: Plan, catalog: pd.DataFrame) -> None:
        self.plan, self.catalog = plan, catalog
        self.errors = lean.output()
        self.button = buttons.primary(
            description="Write down my plan",
            icon="file-text",
            button_style="primary",
            layout={"width": "220px"},
        )
        self.files = FileLinks(layout=lean.layout())
        self.links = lean.html()
        super().__init__([self.button, self.files, self.links, self.errors], layout=lean.layout())
        self.button.on_click(guarded(self.errors)(self._export))
        self.took: float | None = None  # seconds the last press took
        self.ahead = threading.Thread(target=self._draw_ahead, daemon=True)
        self.ahead.start()

    def _draw_ahead(self) -> None:
        with contextlib.suppress(Exception):  # only a head start: the press draws anything missing
            export.prepare_charts(self.plan, self.catalog)

    def _export(self, _button: w.Button | None = None) -> export_files.Exports | None:
        start = time.perf_counter()
        try:
            files = export_files.write_exports(self.plan, self.catalog)
        except export_files.ExportError as err:
            self.links.value = message_html(str(err), "error")
            return None
        self.files.show(
            [
                FileLink(
                    files.html,
                    "Printable plan (opens in a new tab)",
                    "— read it, print it, or save it as PDF from the browser's print dialog",
                    open=True,
                ),
                FileLink(
                    files.markdown,
                    "Plan as text (Markdown, downloads)",
                    "— for notes apps and documents",
                ),
                FileLink(
                    files.ics,
                    "Calendar reminders (.ics, downloads)",
                    "— goal dates, next actions and the review, each with a reminder; import "
                    "it into your calendar (importing again updates the same events)",
                ),
            ]
        )
        self.took = time.perf_counter() - start
        where = html.escape(str(files.html.parent))
        self.links.value = (
            note_html(f"Written at {datetime.now():%H:%M} in {self.took:.1f} s; ")
            + f"<small>also saved in <code>{where}</code>, readable by you only. Press the "
            "button again after changing your plan.</small>"
        )
        return files


# --- what the notebook calls --------------------------------------------------------------


def action_plan(plan: Plan) -> ActionPlanPanel:
    """Resources and dated next actions for each goal, with this month's list."""
    return ActionPlanPanel(plan)


def review_frequency(plan: Plan) -> ReviewFrequency:
    """Choose a review every year or every two years."""
    return ReviewFrequency(plan)


def exports(plan: Plan, catalog: pd.DataFrame) -> ExportsPanel:
    """Write the printable plan, its Markdown and the calendar reminders; links to them."""
    return ExportsPanel(plan, catalog)
