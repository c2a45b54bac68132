"""Step 7 widgets: progress on each goal, a dated review, what changed, interests retaken.

:func:`progress` edits each goal's status and percent (saved in ``short_term_goals``);
:func:`review_entry` writes today's review into ``reviews`` and says when the next is due;
:func:`changes_since` compares the plan with an earlier saved version; :func:`interests`
reuses step 1's questionnaire and shows how the interest profile moved.
"""

from __future__ import annotations

import asyncio
import html
from datetime import date

import ipywidgets as w

from careerkit import palette
from careerkit.dates import long_date
from careerkit.plan import (
    Goal,
    InterestResult,
    Plan,
    PlanError,
    earlier_versions,
    load_snapshot,
)
from careerkit.plan import snapshot_date as taken_at
from careerkit.report.charts import interest_change_chart, png, progress_chart
from careerkit.steps.action_plan import next_review_due
from careerkit.steps.plan_changes import Change, criterion_labels, plan_diff
from careerkit.steps.review import interest_shift, todays_review, update_progress
from careerkit.steps.short_term.goals import STATUSES, find_goal
from careerkit.text import shorten
from careerkit.ui.interest_quiz import InterestQuiz, interest_quiz
from careerkit.ui.kit import buttons, lean
from careerkit.ui.kit.a11y import Chart
from careerkit.ui.kit.autosave import Saver
from careerkit.ui.kit.callbacks import guarded, quietly
from careerkit.ui.kit.fields import WIDE, show, text_area
from careerkit.ui.kit.kernel import later
from careerkit.ui.kit.messages import message_html, note_html

NO_GOALS = "Add goals in 04 first (Short-term goals); then track your progress here."
CHART_DELAY = 0.4  # seconds without a change before a chart is redrawn
REVIEW_QUESTIONS = (
    ("went_well", "What went well?", "e.g. I passed the first module; Rosa introduced me to..."),
    ("changed", "What changed?", "in your work, your life, the job market, what you want"),
    ("adjust", "What will you adjust?", "goals to drop, add or move; new dates; new people"),
)
KIND_MARKS = {
    "added": ("+", palette.GOOD),
    "changed": ("~", palette.INFO),
    "completed": ("✓", palette.DONE),
    "dropped": ("✗", palette.WARN),
    "removed": ("−", palette.ERROR),
}


# --- progress -------------------------------------------------------------------------------


class GoalProgress(w.VBox):
    """Status, percent done and (when dropped) the reason, for one goal."""

    def __init__(self, goal: Goal) -> None:
        self.goal_id = goal.id
        self.status = lean.make(
            w.Dropdown, options=STATUSES, value=goal.status, description="Status", style=WIDE
        )
        self.percent = lean.make(
            w.IntSlider,
            value=goal.percent,
            min=0,
            max=100,
            step=5,
            description="% done",
            continuous_update=False,
            style=WIDE,
            tooltip=f"% done: {shorten(goal.text, 60)}",  # the handle's name, read aloud
        )
        self.reason = text_area(
            goal.drop_reason,
            "Why dropped?",
            rows=1,
            placeholder="e.g. the course was cancelled; it no longer fits",
            hides=True,  # shown only for a dropped goal
        )
        self.message = lean.html()
        title = lean.html(
            f"<b>{html.escape(goal.text)}</b> <small>({html.escape(goal.area)})</small>"
        )
        fields = lean.hbox([self.status, self.percent])
        super().__init__([title, fields, self.reason, self.message], layout=lean.layout())
        self.show(goal)

    def show(self, goal: Goal) -> None:
        """Show the goal as saved (values set here do not count as the person's changes)."""
        self.status.value, self.percent.value = goal.status, goal.percent
        if goal.status == "dropped":
            self.reason.value = goal.drop_reason
        show(self.reason, self.status.value == "dropped")


class ProgressPanel(w.VBox):
    """Every goal's progress and a chart of all of them."""

    def __init__(self, plan: Plan) -> None:
        self.plan, self.saver = plan, Saver(plan)
        self.errors = lean.output()
        self.chart = Chart(alt="Chart: progress on your goals")  # an Image; its own layout
        self._timer: asyncio.TimerHandle | None = None
        self.quiet = False
        self.rows = [GoalProgress(g) for g in plan.short_term_goals.goals]
        body = self.rows or [lean.html(message_html(NO_GOALS, "warn"))]
        super().__init__([*body, self.saver.status, self.chart, self.errors], layout=lean.layout())
        for row in self.rows:
            row.status.observe(
                guarded(self.errors)(lambda ch, r=row: self._change(r, status=ch.new)), "value"
            )
            row.percent.observe(
                guarded(self.errors)(lambda ch, r=row: self._change(r, percent=ch.new)), "value"
            )
            row.reason.observe(
                guarded(self.errors)(lambda ch, r=row: self._reason(r, ch.new)), "value"
            )
        self._draw()

    def _reason(self, row: GoalProgress, reason: str) -> None:
        if row.status.value == "dropped":
            self._change(row, status="dropped", drop_reason=reason)

    def _change(self, row: GoalProgress, **change: object) -> None:
        if self.quiet:
            return
        goal = find_goal(self.plan, row.goal_id)
        problem = update_progress(goal, **change)  # type: ignore[arg-type]
        row.message.value = message_html(f"Not saved yet: {problem}", "warn") if problem else ""
        with quietly(self):
            row.show(goal)
            if problem:  # keep "dropped" picked while the reason is being written
                row.status.value = change.get("status", goal.status)
                show(row.reason)
        if not problem:
            self.saver.request("short_term_goals")
            self._timer = later(CHART_DELAY, guarded(self.errors)(self._draw), self._timer)

    def _draw(self) -> None:
        self._timer = None
        goals = self.plan.short_term_goals.goals
        if goals:  # drawn for a phone too
            self.chart.draw(progress_chart(goals), progress_chart(goals, narrow=True))
        show(self.chart, bool(goals))


# --- today's review ---------------------------------------------------------------------------


def next_review_html(plan: Plan, today: date | None = None) -> str:
    """When the next review is due, counted from the last one, in a sentence."""
    today = today or date.today()
    due, every = next_review_due(plan), plan.action_plan.review_every_months
    since = "your last review" if plan.reviews else "you started your plan"
    if due <= today:
        return message_html(
            f"A review was due on {long_date(due)} ({every} months after {since}):"
            " this is a good moment for it.",
            "warn",
        )
    return message_html(
        f"Next review due on {long_date(due)}, {every} months after {since} "
        "(change the interval in 06).",
        "info",
    )


def earlier_reviews_html(plan: Plan, today: date | None = None) -> str:
    """The reviews before today's, newest first, folded (done: today's review comes first)."""
    today = today or date.today()
    earlier = [r for r in plan.reviews if r.reviewed != today][::-1]
    if not earlier:
        return note_html("No earlier reviews yet.")
    labels = {name: label for name, label, _ in REVIEW_QUESTIONS}
    entries = []
    for r in earlier:
        answers = "".join(
            f"<li><b>{labels[name]}</b> {html.escape(getattr(r, name))}</li>"
            for name in labels
            if getattr(r, name)
        )
        entries.append(f"<p><b>Review of {long_date(r.reviewed)}</b></p><ul>{answers}</ul>")
    last = long_date(earlier[0].reviewed)
    summary = f"<b>Earlier reviews ({len(earlier)}; the last on {last})</b>"
    return f"<details><summary>{summary}</summary>{''.join(entries)}</details>"


class ReviewPanel(w.VBox):
    """Today's review (three questions), when the next is due, and the earlier ones."""

    def __init__(self, plan: Plan) -> None:
        self.plan, self.saver = plan, Saver(plan)
        self.errors = lean.output()
        today = date.today()
        current = plan.reviews[-1] if plan.reviews and plan.reviews[-1].reviewed == today else None
        self.answers = {
            name: text_area(getattr(current, name) if current else "", label, hint, rows=2)
            for name, label, hint in REVIEW_QUESTIONS
        }
        self.next = lean.html(next_review_html(plan))
        self.earlier = lean.html(earlier_reviews_html(plan))
        heading = lean.html(f"<h4>Today's review ({long_date(today)})</h4>")
        super().__init__(
            [
                self.next,
                heading,
                *self.answers.values(),
                self.saver.status,
                self.earlier,
                self.errors,
            ],
            layout=lean.layout(),
        )
        for name, box in self.answers.items():
            box.observe(guarded(self.errors)(lambda ch, n=name: self._write(n, ch.new)), "value")

    def _write(self, name: str, text: str) -> None:
        review = todays_review(self.plan)
        setattr(review, name, text)
        if not any(getattr(review, n) for n, _, _ in REVIEW_QUESTIONS):
            self.plan.reviews.remove(review)  # all cleared: no empty entry is kept
        self.saver.request("reviews")
        self.next.value = next_review_html(self.plan)


# --- what changed since an earlier version ------------------------------------------------------


def changes_html(changes: list[Change]) -> str:
    """The changes grouped by part of the plan, one marked line each."""
    if not changes:
        return message_html("Nothing changed since then.", "info")
    parts: list[str] = []
    section: str | None = None
    for change in changes:
        if change.section != section:
            section = change.section
            parts.append(f"{'</ul>' if parts else ''}<b>{html.escape(section)}</b><ul>")
        mark, colour = KIND_MARKS[change.kind]
        parts.append(
            f'<li><span style="color:{colour}"><b>{mark}</b> {change.kind}:</span> '
            f"{html.escape(change.text)}</li>"
        )
    return "".join(parts) + "</ul>"


class ComparePanel(w.VBox):
    """Pick an earlier saved version (by date) and see what changed since."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.errors = lean.output()
        self.when = lean.make(
            w.Dropdown,
            description="Compare with my plan as it was on",
            style=WIDE,
            layout=w.Layout(width="auto"),  # its own: hidden while there are no versions
        )
        self.refresh = buttons.secondary(
            description="Check again",
            icon="refresh",
            tooltip="List versions saved since this cell ran",
        )
        self.result = lean.html()
        choice = lean.hbox([self.when, self.refresh])
        super().__init__([choice, self.result, self.errors], layout=lean.layout())
        self.when.observe(guarded(self.errors)(lambda _ch: self.show()), names="value")
        self.refresh.on_click(guarded(self.errors)(lambda _b: self.list_versions()))
        self.list_versions()

    def list_versions(self) -> None:
        """Offer the earliest saved copy of each day, newest day first."""
        by_day = {}
        for copy in earlier_versions(self.plan.path):  # newest first: the day's earliest wins
            by_day[taken_at(copy).date()] = copy
        options = [(f"{long_date(day)} ({taken_at(c):%H:%M})", c) for day, c in by_day.items()]
        if options:  # the oldest copy kept is where the plan started (history keeps it)
            label, first = options[-1]
            options[-1] = (f"{label}, when you started", first)
        self.when.options = options
        self.when.value = options[-1][1] if options else None
        show(self.when, bool(options))
        self.show()

    def show(self) -> None:
        if self.when.value is None:
            self.result.value = message_html(
                "No earlier versions yet: careerkit keeps a copy each time your plan is saved. "
                "Come back after your next changes."
            )
            return
        try:
            old = load_snapshot(self.when.value)
        except PlanError as err:
            self.result.value = message_html(f"That version cannot be read: {err}", "error")
            return
        self.result.value = changes_html(plan_diff(old, self.plan, criterion_labels()))


# --- interests retaken ------------------------------------------------------------------------


def _last_complete(results: list[InterestResult]) -> InterestResult | None:
    return next((r for r in reversed(results) if r.code), None)


class InterestShift(w.VBox):
    """Earlier against current interest scores, and a sentence on what moved."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.errors = lean.output()
        self.text = lean.html()
        self.chart = Chart(alt="Chart: how your interests moved")  # an Image; its own layout
        self._timer: asyncio.TimerHandle | None = None
        self._drawn: tuple[dict[str, float], dict[str, float]] | None = None
        super().__init__([self.text, self.chart, self.errors], layout=lean.layout())
        self.refresh()

    def refresh(self) -> None:
        dream = self.plan.dream_job
        earlier, now = _last_complete(dream.interest_history), dream.interests
        if dream.interests is None and earlier is None:
            self._say("Take the interest profile in 01 first; retake it here later to compare.")
        elif earlier is None:
            self._say(
                "Press 'Take it again' above to retake the profile; your current result "
                "is kept so you can see how it moved."
            )
        elif now is None or not now.code:
            self._say(
                f"Answer the activities above (at least a dozen) to compare with your "
                f"result of {long_date(earlier.taken)} ({earlier.code})."
            )
        else:
            self.text.value = message_html(interest_shift(earlier.scores, now.scores), "good")
            pair = (earlier.scores, now.scores)
            if pair != self._drawn:
                draw = guarded(self.errors)(lambda: self._draw(earlier, now))
                self._timer = later(CHART_DELAY, draw, self._timer)

    def _say(self, text: str) -> None:
        self.text.value = message_html(text)
        show(self.chart, False)

    def _draw(self, earlier: InterestResult, now: InterestResult) -> None:
        self._timer = None
        labels = (f"{long_date(earlier.taken)} ({earlier.code})", f"now ({now.code})")
        self.chart.value = png(interest_change_chart(earlier.scores, now.scores, labels))
        show(self.chart)
        self._drawn = (earlier.scores, now.scores)


# --- what the notebook calls ------------------------------------------------------------------


def progress(plan: Plan) -> ProgressPanel:
    """Status and percent done of every goal (a dropped goal needs a reason), with a chart."""
    return ProgressPanel(plan)


def review_entry(plan: Plan) -> ReviewPanel:
    """Today's dated review, when the next one is due, and the earlier reviews."""
    return ReviewPanel(plan)


def changes_since(plan: Plan) -> ComparePanel:
    """What was added, changed, completed or dropped since an earlier saved version."""
    return ComparePanel(plan)


def interests(plan: Plan) -> w.VBox:
    """Step 1's interest questionnaire again, and how the profile moved since last time.

    A finished questionnaire is folded away: only its result shows until "Take it again"
    (its questions are built then), so the old answers cannot be changed by a stray click.
    An unfinished one shows its questions: the person goes on answering.
    """
    current = plan.dream_job.interests
    finished = current is not None and bool(current.code)
    quiz, shift = interest_quiz(plan, folded=finished), InterestShift(plan)
    if isinstance(quiz, InterestQuiz):
        quiz.follow(guarded(shift.errors)(shift.refresh))
        if finished and current is not None:
            quiz.notice.value = message_html(
                f"Your answers of {long_date(current.taken)} are kept as they are: their result "
                "is shown above. Press 'Take it again' to answer the activities afresh."
            )
    heading = lean.html("<h4>How your interests moved</h4>")
    return lean.vbox([quiz, heading, shift])
