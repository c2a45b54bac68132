"""Widgets for 01_dream_job: reflection, transferable skills, the interest quiz, the vision.

Each panel is a ``VBox`` that shows the plan's ``dream_job`` section and saves every change
as the person goes (no Save button): :func:`reflection`, :func:`skills`,
:func:`interest_quiz` and :func:`vision`.
"""

from __future__ import annotations

import asyncio
import functools
import html
from collections.abc import Sequence
from datetime import date

import ipywidgets as w
import pandas as pd

from careerkit.catalog import SKILLS, THEMES
from careerkit.charts import interest_chart, png
from careerkit.dates import long_date
from careerkit.dream import (
    REFLECTION_PROMPTS,
    SKILLS_USE_PROMPT,
    VISION_PROMPTS,
    Prompt,
    draft_vision,
    new_skill,
)
from careerkit.fit import LETTERS, skill_matrix, top_themes
from careerkit.interests import (
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
from careerkit.plan import Plan, Skill
from careerkit.ui.a11y import Chart
from careerkit.ui.common import (
    WIDE,
    Saver,
    choices,
    choices_style,
    guarded,
    later,
    message_html,
    quietly,
    text_area,
)
from careerkit.wording import vagueness_advice

SECTION = "dream_job"
CHOICES = [(label.capitalize(), points) for label, points in SCALE.items()]
HIDDEN, SHOWN = "none", ""
HEADER = ("Theme", "Score", "What it means")
CHART_DELAY = 0.4  # seconds without a new answer before the chart is redrawn


def _question(prompt: Prompt) -> w.HTML:
    return w.HTML(f"<b>{html.escape(prompt.question)}</b>")


def _intro(text: str) -> w.HTML:
    return w.HTML(f"<p>{text}</p>")


# --- reflection ----------------------------------------------------------------------


class ReflectionPanel(w.VBox):
    """The reflection prompts; each answer is saved as it is written."""

    def __init__(
        self, plan: Plan, saver: Saver | None = None, prompts: Sequence[Prompt] = REFLECTION_PROMPTS
    ) -> None:
        self.plan, self.saver = plan, saver or Saver(plan)
        self.errors = w.Output()
        saved = plan.dream_job.reflections
        self.boxes = {p.id: text_area(saved.get(p.id, ""), "", p.hint, rows=3) for p in prompts}
        rows = [widget for p in prompts for widget in (_question(p), self.boxes[p.id])]
        super().__init__([*rows, self.saver.status, self.errors])
        changed = guarded(self.errors)(self._changed)
        for box in self.boxes.values():
            box.observe(changed, names="value")

    def _changed(self, _change: dict) -> None:
        typed = {key: box.value.strip() for key, box in self.boxes.items()}
        answers = {**self.plan.dream_job.reflections, **typed}
        self.plan.dream_job.reflections = {key: text for key, text in answers.items() if text}
        self.saver.request(SECTION)


# --- transferable skills -------------------------------------------------------------


class SkillRow(w.HBox):
    """One of the person's skills: its kind, its self-rated level, and a remove button."""

    def __init__(self, skill: Skill, note: str = "") -> None:
        self.skill_name = skill.name
        label = f"<b>{html.escape(skill.name)}</b>"
        if note:
            label += f'<br><small style="color:#555">{html.escape(note)}</small>'
        self.kind = choices(
            options=["soft", "hard"],
            value=skill.kind,
            tooltips=[
                "working with people, ideas and yourself",
                "know-how you learnt and can show",
            ],
            style={"button_width": "60px"},
        )
        self.level = w.IntSlider(
            skill.level, min=1, max=5, description="level", continuous_update=False, style=WIDE,
            tooltip=f"Your level in {skill.name}",  # the name a screen reader gives the handle
        )  # fmt: skip
        self.remove_button = w.Button(
            icon="trash", tooltip=f"Remove {skill.name}", layout=w.Layout(width="44px")
        )
        name = w.HTML(label, layout=w.Layout(width="330px"))
        super().__init__([name, self.kind, self.level, self.remove_button])

    def skill(self) -> Skill:
        return Skill(name=self.skill_name, kind=self.kind.value, level=self.level.value)


class SkillsPanel(w.VBox):
    """The person's soft and hard skills with levels, and how they could serve elsewhere.

    With a ``catalog``, each O*NET skill shows the share of its occupations that count it
    as important: a rough measure of how transferable it is.
    """

    def __init__(
        self, plan: Plan, catalog: pd.DataFrame | None = None, saver: Saver | None = None
    ) -> None:
        self.plan, self.saver = plan, saver or Saver(plan)
        self.errors = w.Output()
        self.share = (skill_matrix(catalog).mean() * 100).round() if catalog is not None else None
        self.picker = w.Combobox(
            placeholder="pick from the list, or type your own",
            ensure_option=False,
            description="Skill",
            style=WIDE,
            layout=w.Layout(width="430px"),
        )
        self.picker.on_msg(guarded(self.errors)(self._key))  # Enter adds, as the button does
        self.add_button = w.Button(description="Add", icon="plus", button_style="primary")
        self.message = w.HTML()
        self.rows = w.VBox()
        self.use = text_area(plan.dream_job.skills_use, "", SKILLS_USE_PROMPT.hint, rows=3)
        super().__init__(self._layout())
        self.add_button.on_click(guarded(self.errors)(self._add))
        self.use.observe(guarded(self.errors)(self._use_changed), names="value")
        self._render_rows()

    def _layout(self) -> list[w.Widget]:
        intro = _intro(
            "List what you can already do. Pick skills from the list (the same names the "
            "occupation catalogue uses, so later steps can compare) or type your own, such as "
            "a tool or a language. Mark each <b>soft</b> (how you work with people, ideas and "
            "yourself) or <b>hard</b> (know-how you learnt and can show), and rate it from "
            "1 (beginner) to 5 (expert)."
        )
        adder = w.HBox([self.picker, self.add_button])
        use = [_question(SKILLS_USE_PROMPT), self.use, self.saver.status, self.errors]
        return [choices_style(), intro, adder, self.message, self.rows, *use]  # style: soft/hard

    def _note(self, name: str) -> str:
        if name not in SKILLS:
            return "your own skill"
        if self.share is None:
            return ""
        return f"important in {self.share.get(name, 0):.0f}% of the catalogue's occupations"

    def _render_rows(self) -> None:
        rows = []
        for skill in self.plan.dream_job.skills:
            row = SkillRow(skill, self._note(skill.name))
            edited = guarded(self.errors)(functools.partial(self._edit, row))
            row.kind.observe(edited, names="value")
            row.level.observe(edited, names="value")
            row.remove_button.on_click(guarded(self.errors)(functools.partial(self._remove, row)))
            rows.append(row)
        self.rows.children = rows or [w.HTML("<i>No skills yet: add your first one above.</i>")]
        chosen = {s.name for s in self.plan.dream_job.skills}
        self.picker.options = [s for s in SKILLS if s not in chosen]

    def _add(self, _button: w.Button) -> None:
        try:
            skill = new_skill(self.picker.value, self.plan.dream_job.skills)
        except ValueError as err:
            self.message.value = message_html(str(err), "warn")
            return
        self.plan.dream_job.skills = [*self.plan.dream_job.skills, skill]
        self.picker.value = ""
        self.message.value = message_html(
            f"Added {skill.name} as a {skill.kind} skill at level {skill.level}; "
            "change either below.",
            "good",
        )
        self._render_rows()
        self.saver.request(SECTION)

    def _key(self, _widget: w.Widget, content: dict, _buffers: object) -> None:
        if content.get("event") == "submit":  # the browser's Enter in the skill box
            self._add(self.add_button)

    def _edit(self, row: SkillRow, _change: dict) -> None:
        new = row.skill()
        self.plan.dream_job.skills = [
            new if s.name == new.name else s for s in self.plan.dream_job.skills
        ]
        self.saver.request(SECTION)

    def _remove(self, row: SkillRow, _button: w.Button) -> None:
        skills = self.plan.dream_job.skills
        self.plan.dream_job.skills = [s for s in skills if s.name != row.skill_name]
        self.message.value = message_html(f"Removed {row.skill_name}.", "info")
        self._render_rows()
        self.saver.request(SECTION)

    def _use_changed(self, _change: dict) -> None:
        self.plan.dream_job.skills_use = self.use.value.strip()
        self.saver.request(SECTION)


# --- interest profile ------------------------------------------------------------------


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
        f"<tr><td><b>{THEMES[t]}</b></td><td>{scored.scores[t]:g}</td>"
        f"<td>{html.escape(EXPLANATIONS[t])}</td></tr>"
        for t in order
    )
    header = "".join(f'<th style="text-align:left">{h}</th>' for h in HEADER)
    parts.append(f'<table style="border-spacing:10px 2px"><tr>{header}</tr>{rows}</table>')
    return "".join(parts)


class InterestQuiz(w.VBox):
    """The interest questionnaire: answers save as they are given; scores show once enough.

    Reusable: 07_review builds it again so the person can retake the questionnaire;
    "Take it again" moves the current result into ``dream_job.interest_history``.
    """

    def __init__(
        self, plan: Plan, items: pd.DataFrame | None = None, saver: Saver | None = None
    ) -> None:
        self.plan, self.saver = plan, saver or Saver(plan)
        self.items = load_items() if items is None else items
        self.errors = w.Output()
        saved = self._saved_answers()
        self.toggles = {
            item: choices(options=CHOICES, value=saved.get(item), style={"button_width": "80px"})
            for item in self.items.index
        }
        self.progress = w.HTML()
        self.unmatched = w.HTML()  # saved answers whose item is no longer in the file
        self.result = w.HTML()
        self.chart = Chart(  # an Image with a text alternative
            alt="Chart: your interest profile", layout=w.Layout(display=HIDDEN, width="576px")
        )
        self.notice = w.HTML()
        self.history = w.HTML()
        self.retake_button = w.Button(
            description="Take it again",
            icon="refresh",
            tooltip="Start afresh; this result is kept in your history",
            layout=w.Layout(width="auto"),
        )
        self.quiet = False
        self._charted: dict[str, float] | None = None
        self._chart_timer: asyncio.TimerHandle | None = None
        super().__init__(self._layout())
        answered = guarded(self.errors)(self._answered)
        for toggle in self.toggles.values():
            toggle.observe(answered, names="value")
        self.retake_button.on_click(guarded(self.errors)(self._retake))
        self._show()
        self._draw_chart()

    def _layout(self) -> list[w.Widget]:
        intro = _intro(
            "Would you enjoy doing each of these activities? Don't think about whether you "
            "have the training or whether it pays well: just <b>like</b>, <b>unsure</b> or "
            "<b>dislike</b>. You can skip some; answer at least a dozen."
        )
        rows = [
            w.HBox([w.HTML(f"{n}. {html.escape(text)}", layout=w.Layout(width="470px")), toggle])
            for n, (text, toggle) in enumerate(
                zip(self.items["text"], self.toggles.values(), strict=True), start=1
            )
        ]
        self.questions = w.VBox([intro, *rows])  # 07 folds it away until "Take it again"
        results = [self.progress, self.unmatched, self.saver.status, self.result]
        results += [self.chart, self.notice, self.history, self.retake_button, self.errors]
        return [choices_style(), self.questions, *results]

    def _saved_answers(self) -> dict[str, int]:
        current = self.plan.dream_job.interests
        answers = {} if current is None else current.answers
        return {k: v for k, v in answers.items() if v in SCALE.values()}  # skip hand-made typos

    def _answers(self) -> dict[str, int]:
        """Saved answers to items not on this list, plus the answers shown."""
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

    def _retake(self, _button: w.Button) -> None:
        moved = retake(self.plan.dream_job)
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

    def _show(self) -> None:
        answers = self._answers()
        shown = sum(t.value is not None for t in self.toggles.values())
        self.progress.value = f"<b>{shown} of {len(self.toggles)}</b> activities answered."
        note = unmatched_note(self._saved_answers(), self.items)
        self.unmatched.value = message_html(note, "warn") if note else ""
        try:
            scored = score(answers, self.items)
        except NotEnoughAnswers as err:
            self.result.value = message_html(str(err), "info")
        else:
            self.result.value = _result_html(scored)
        self.retake_button.layout.display = SHOWN if answers else HIDDEN
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
            self.chart.value = png(interest_chart(scores))
        self._charted = scores
        self.chart.layout.display = SHOWN if scores else HIDDEN

    def _history_html(self) -> str:
        earlier = self.plan.dream_job.interest_history[::-1]
        if not earlier:
            return ""
        results = "; ".join(f"{r.code or 'unfinished'} ({long_date(r.taken)})" for r in earlier)
        return f"<p><small>Earlier results, newest first: {html.escape(results)}</small></p>"


# --- vision statement -----------------------------------------------------------------


def _advice_html(text: str) -> str:
    if not text.strip():
        return message_html("Write your statement in the box above, or start from a draft.")
    tips = vagueness_advice(text)
    if not tips:
        return message_html("Clear and concrete: well done. You can refine it any time.", "good")
    items = "".join(f"<li>{html.escape(tip)}</li>" for tip in tips)
    return f'<div style="color:#8a5300"><b>Make it more concrete:</b><ul>{items}</ul></div>'


class VisionPanel(w.VBox):
    """Guide prompts, then the dated vision statement with a live vagueness check."""

    def __init__(
        self, plan: Plan, saver: Saver | None = None, prompts: Sequence[Prompt] = VISION_PROMPTS
    ) -> None:
        self.plan, self.saver = plan, saver or Saver(plan)
        self.errors = w.Output()
        job = plan.dream_job
        self.prompts = {
            p.id: text_area(job.vision_prompts.get(p.id, ""), "", p.hint, rows=2) for p in prompts
        }
        self.draft_button = w.Button(
            description="Draft from my answers", icon="pencil", layout=w.Layout(width="auto")
        )
        self.draft_note = w.HTML()
        self.use_draft_button = w.Button(
            description="Replace my statement with this draft",
            layout=w.Layout(display=HIDDEN, width="auto"),
        )
        self.statement = text_area(
            job.vision, "", "e.g. In three years I work as ... at ... I spend my days ...", rows=6
        )
        self.advice = w.HTML(_advice_html(job.vision))
        self.dated = w.HTML(self._dated_html())
        self._draft = ""
        super().__init__(self._layout(prompts))
        prompt_changed = guarded(self.errors)(self._prompt_changed)
        for box in self.prompts.values():
            box.observe(prompt_changed, names="value")
        self.statement.observe(guarded(self.errors)(self._statement_changed), names="value")
        self.draft_button.on_click(guarded(self.errors)(self._make_draft))
        self.use_draft_button.on_click(guarded(self.errors)(self._use_draft))

    def _layout(self, prompts: Sequence[Prompt]) -> list[w.Widget]:
        guide = [widget for p in prompts for widget in (_question(p), self.prompts[p.id])]
        heading = w.HTML("<h4>Your vision statement</h4>")
        drafting = [self.draft_button, self.draft_note, self.use_draft_button]
        statement = [heading, self.statement, self.advice, self.dated]
        return [*guide, *drafting, *statement, self.saver.status, self.errors]

    def _dated_html(self) -> str:
        job = self.plan.dream_job
        if not (job.vision and job.vision_date):
            return ""
        return f"<small>Written on {long_date(job.vision_date)}.</small>"

    def _prompt_changed(self, _change: dict) -> None:
        typed = {key: box.value.strip() for key, box in self.prompts.items()}
        answers = {**self.plan.dream_job.vision_prompts, **typed}
        self.plan.dream_job.vision_prompts = {key: text for key, text in answers.items() if text}
        self.saver.request(SECTION)

    def _statement_changed(self, _change: dict) -> None:
        job, text = self.plan.dream_job, self.statement.value.strip()
        self.advice.value = _advice_html(text)
        if text == job.vision:
            return
        job.vision, job.vision_date = text, date.today() if text else None
        self.dated.value = self._dated_html()
        self.saver.request(SECTION)

    def _make_draft(self, _button: w.Button) -> None:
        self._draft = draft_vision(self.plan.dream_job.vision_prompts)
        if not self._draft:
            self.draft_note.value = message_html(
                "Answer some of the questions above first: the draft is built from them.", "warn"
            )
        elif not self.statement.value.strip():
            self.statement.value = self._draft
            self.draft_note.value = message_html(
                "Here is a draft built from your answers. Make it yours: name the job, and "
                "change anything that does not sound like you.",
                "good",
            )
        else:
            self.draft_note.value = (
                "<p>Your statement already has text, so here is the draft to borrow from:</p>"
                f"<blockquote>{html.escape(self._draft)}</blockquote>"
            )
            self.use_draft_button.layout.display = SHOWN

    def _use_draft(self, _button: w.Button) -> None:
        self.statement.value = self._draft
        self.draft_note.value = message_html(
            "Your statement is now the draft (the earlier text is in the plan's history).", "info"
        )
        self.use_draft_button.layout.display = HIDDEN


# --- what the notebook calls ---------------------------------------------------------------


def reflection(plan: Plan) -> ReflectionPanel:
    """The reflection prompts (moments at ease, what drew you, what you still love...)."""
    return ReflectionPanel(plan)


def skills(plan: Plan, catalog: pd.DataFrame | None = None) -> SkillsPanel:
    """The transferable-skills list; with a catalogue, how widely each skill is needed."""
    return SkillsPanel(plan, catalog)


def interest_quiz(plan: Plan) -> w.Widget:
    """The interest questionnaire with its result; an unreadable item file gets a message."""
    try:
        return InterestQuiz(plan)
    except InterestItemsError as err:
        return w.HTML(
            message_html(f"The questionnaire cannot be shown: {err}", "error")
            + message_html("Fix the item file (or ask your coach), then open this step again.")
        )


def vision(plan: Plan) -> VisionPanel:
    """The vision prompts, a draft button and the dated vision statement."""
    return VisionPanel(plan)
