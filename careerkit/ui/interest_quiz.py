"""The interest questionnaire of 01 (retaken in 07): answers saved as given, the scores.

:func:`interest_quiz` builds it; 07 builds it folded: its 36 rows of questions (about 110
widget models) are built only when "Take it again" is pressed. Once a result is there, the
questions open folded under a bar (:mod:`careerkit.ui.kit.fold`) and the result shows first.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Callable

import ipywidgets as w
import pandas as pd

from careerkit.catalog import THEMES
from careerkit.catalog.fit import LETTERS, score_text, top_themes
from careerkit.dates import long_date
from careerkit.plan import Plan
from careerkit.report import cards
from careerkit.report.charts import interest_chart
from careerkit.steps.interests import (
    EXPLANATIONS,
    SCALE,
    InterestItemsError,
    NotEnoughAnswers,
    ThemeScores,
    load_items,
    result_for,
    retake,
    score,
    tie_note,
    unmatched_note,
)
from careerkit.ui.kit import buttons, lean
from careerkit.ui.kit.a11y import Chart
from careerkit.ui.kit.autosave import Saver
from careerkit.ui.kit.callbacks import guarded, quietly
from careerkit.ui.kit.fields import choices, choices_style, show
from careerkit.ui.kit.fold import fold, retitle, unfold
from careerkit.ui.kit.kernel import later
from careerkit.ui.kit.messages import message_html

SECTION = "dream_job"
CHOICES = [(label.capitalize(), points) for label, points in SCALE.items()]
HEADER = ("Theme", "Score", "What it means")
CHART_DELAY = 0.4  # seconds without a new answer before the chart is redrawn
INTRO = (
    "<p>Would you enjoy doing each of these activities? Don't think about whether you have "
    "the training or whether it pays well: just <b>like</b>, <b>unsure</b> or <b>dislike</b>. "
    "You can skip some; answer at least a dozen.</p>"
)
BUTTON_80, QUESTION = {"button_width": "80px"}, {"width": "470px"}  # shared (ui.lean)


def _result_html(scored: ThemeScores) -> str:
    names = ", ".join(THEMES[t] for t in scored.code)
    parts = [
        f"<h4>Your interest code: {scored.code}</h4>",
        f"<p>{names} (from {scored.answered} answers).</p>",
    ]
    note = tie_note(scored)
    if note:
        parts.append(message_html(note, "warn"))
    order = top_themes(scored.scores, n=len(LETTERS))
    rows = "".join(
        f"<tr><td><b>{THEMES[t]}</b></td><td{cards.label(HEADER[1])}>"
        f"{score_text(scored.scores[t])}</td><td>{html.escape(EXPLANATIONS[t])}</td></tr>"
        for t in order
    )
    header = "".join(f'<th style="text-align:left">{h}</th>' for h in HEADER)
    table = f"<table class='{cards.CARDS}' style='border-spacing:10px 2px'>"  # cards on a phone
    parts.append(f"{table}<tr>{header}</tr>{rows}</table>")
    return "".join(parts)


class InterestQuiz(w.VBox):
    """The interest questionnaire: answers save as they are given; scores show once enough.

    Reusable: 07_review builds it ``folded`` (the questions are built only when "Take it
    again" is pressed), so the person can retake it; "Take it again" moves the current
    result into ``dream_job.interest_history``. ``follow`` runs a function after each change.
    """

    def __init__(
        self,
        plan: Plan,
        items: pd.DataFrame | None = None,
        saver: Saver | None = None,
        folded: bool = False,
    ) -> None:
        self.plan, self.saver = plan, saver or Saver(plan)
        self.items = load_items() if items is None else items
        self.errors = lean.output()
        self.toggles: dict[str, w.ToggleButtons] = {}  # item -> its answer, once unfolded
        self.questions = lean.vbox()
        self.progress, self.unmatched = lean.html(), lean.html()  # unmatched: items gone
        self.result, self.notice, self.history = lean.html(), lean.html(), lean.html()
        self.chart = Chart(  # an Image with a text alternative; its own layout: it hides
            alt="Chart: your interest profile", layout=w.Layout(display="none", width="576px")
        )
        self.retake_button = buttons.secondary(
            description="Take it again",
            icon="refresh",
            tooltip="Start afresh; this result is kept in your history",
            layout=w.Layout(width="auto"),  # its own: hidden while nothing is answered
        )
        self.quiet = False
        self._followers: list[Callable[[], None]] = []
        self._charted: dict[str, float] | None = None
        self._chart_timer: asyncio.TimerHandle | None = None
        results = [self.progress, self.unmatched, self.saver.status, self.result]
        results += [self.chart, self.notice, self.history, self.retake_button, self.errors]
        current = plan.dream_job.interests
        taken = current is not None and bool(current.code)  # the result is what matters now
        self.fold = fold("", self.questions, folded=taken, hides=True)
        super().__init__([choices_style(), self.fold, *results], layout=lean.layout())
        self.retake_button.on_click(guarded(self.errors)(self._retake))
        if not folded:
            self.unfold()
        self._show()
        self._draw_chart()

    def unfold(self) -> None:
        """Build the questions (once), each showing its saved answer."""
        if self.toggles:
            return
        saved, answered = self._saved_answers(), guarded(self.errors)(self._answered)
        for item in self.items.index:
            self.toggles[item] = choices(options=CHOICES, value=saved.get(item), style=BUTTON_80)
            self.toggles[item].observe(answered, names="value")
        texts = enumerate(self.items["text"], start=1)
        rows = [
            lean.hbox([lean.html(f"{n}. {html.escape(text)}", layout=QUESTION), toggle])
            for (n, text), toggle in zip(texts, self.toggles.values(), strict=True)
        ]
        self.questions.children = [lean.html(INTRO), *rows]

    def follow(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` after each answer the person gives and after "Take it again"."""
        self._followers.append(fn)

    def _saved_answers(self) -> dict[str, int]:
        current = self.plan.dream_job.interests
        answers = {} if current is None else current.answers
        return {k: v for k, v in answers.items() if v in SCALE.values()}  # skip hand-made typos

    def _answers(self) -> dict[str, int]:
        """Saved answers to items not shown (all while folded), plus the answers shown."""
        kept = {k: v for k, v in self._saved_answers().items() if k not in self.toggles}
        shown = {k: t.value for k, t in self.toggles.items() if t.value is not None}
        return {**kept, **shown}

    def _answered(self, _change: dict) -> None:
        if self.quiet:
            return
        self.plan.dream_job.interests = result_for(self._answers(), self.items)
        self.notice.value = ""
        self.saver.request(SECTION)
        self._show()
        self._schedule_chart()
        for fn in self._followers:
            fn()

    def _retake(self, _button: w.Button) -> None:
        moved = retake(self.plan.dream_job)
        self.unfold()  # a folded questionnaire is built now, without answers
        unfold(self.fold)
        with quietly(self):
            for toggle in self.toggles.values():
                toggle.value = None
        self.saver.request(SECTION)
        if moved is not None:
            self.notice.value = message_html(
                f"Your earlier result ({moved.code or 'unfinished'}, {long_date(moved.taken)}) "
                "is kept in your history. Answer the activities afresh above.",
                "good",
            )
        self._show()
        self._draw_chart()
        for fn in self._followers:
            fn()

    def _show(self) -> None:
        answers = self._answers()
        shown = sum(item in answers for item in self.items.index)
        self.progress.value = f"<b>{shown} of {len(self.items)}</b> activities answered."
        retitle(self.fold, f"The {len(self.items)} activities: {shown} answered")
        show(self.fold, bool(self.toggles))  # 07: nothing to fold before "Take it again"
        note = unmatched_note(self._saved_answers(), self.items)
        self.unmatched.value = message_html(note, "warn") if note else ""
        try:
            scored = score(answers, self.items)
        except NotEnoughAnswers as err:
            self.result.value = message_html(str(err), "info")
        else:
            self.result.value = _result_html(scored)
        show(self.retake_button, bool(answers))
        self.history.value = self._history_html()

    def _schedule_chart(self) -> None:
        """Redraw the chart once answering pauses (drawing takes longer than a click)."""
        draw = guarded(self.errors)(self._draw_chart)
        self._chart_timer = later(CHART_DELAY, draw, self._chart_timer)

    def _draw_chart(self) -> None:
        """Show the saved scores' chart, or hide it while there is no code."""
        self._chart_timer = None
        current = self.plan.dream_job.interests
        scores = current.scores if current is not None and current.code else None
        if scores and scores != self._charted:
            self.chart.draw(interest_chart(scores), interest_chart(scores, narrow=True))
        self._charted = scores
        show(self.chart, bool(scores))

    def _history_html(self) -> str:
        earlier = self.plan.dream_job.interest_history[::-1]
        if not earlier:
            return ""
        results = "; ".join(f"{r.code or 'unfinished'} ({long_date(r.taken)})" for r in earlier)
        return f"<p><small>Earlier results, newest first: {html.escape(results)}</small></p>"


def interest_quiz(plan: Plan, folded: bool = False) -> w.Widget:
    """The interest questionnaire with its result (its questions built only when "Take it
    again" is pressed if ``folded``); an unreadable item file gets a message."""
    try:
        return InterestQuiz(plan, folded=folded)
    except InterestItemsError as err:
        return lean.html(
            message_html(f"The questionnaire cannot be shown: {err}", "error")
            + message_html("Fix the item file (or ask your coach), then open this step again.")
        )
