"""Widgets for 01_dream_job: reflection, jobs done, transferable skills, interests, the vision.

Each panel is a ``VBox`` that shows the plan's ``dream_job`` section and saves every change
as the person goes (no Save button): :func:`reflection`, :func:`past_jobs`, :func:`skills`,
:func:`interest_quiz` (from :mod:`.interest_quiz`, which 07 uses too) and :func:`vision`.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Sequence
from datetime import date

import ipywidgets as w
import pandas as pd

from careerkit import palette
from careerkit.catalog import SKILLS
from careerkit.catalog.fit import skill_matrix
from careerkit.dates import long_date
from careerkit.plan import PastJob, Plan, Skill
from careerkit.steps import past_jobs as pj
from careerkit.steps.dream_job import (
    REFLECTION_PROMPTS,
    SKILLS_USE_PROMPT,
    VISION_PROMPTS,
    Prompt,
    draft_vision,
    names_a_role,
    new_skill,
    role_words,
)
from careerkit.text import vagueness_advice
from careerkit.ui.interest_quiz import InterestQuiz, interest_quiz
from careerkit.ui.kit import buttons, lean
from careerkit.ui.kit.autosave import Saver
from careerkit.ui.kit.callbacks import guarded
from careerkit.ui.kit.fields import WIDE, choices, choices_style, show, text_area
from careerkit.ui.kit.fold import fold, retitle
from careerkit.ui.kit.messages import message_html, note_html
from careerkit.ui.kit.plan_signal import follow, plan_changed

SECTION = "dream_job"


def _question(prompt: Prompt) -> w.HTML:
    return lean.html(f"<b>{html.escape(prompt.question)}</b>")


def _intro(text: str) -> w.HTML:
    return lean.html(f"<p>{text}</p>")


# --- reflection ----------------------------------------------------------------------


def _written(count: int, total: int) -> str:
    return f"{count} of {total} answered"


class ReflectionPanel(w.VBox):
    """The reflection prompts; each answer is saved as it is written. Once every prompt has
    an answer, they open folded (the person has done this part)."""

    def __init__(
        self, plan: Plan, saver: Saver | None = None, prompts: Sequence[Prompt] = REFLECTION_PROMPTS
    ) -> None:
        self.plan, self.saver = plan, saver or Saver(plan)
        self.errors = lean.output()
        saved = plan.dream_job.reflections
        self.boxes = {
            p.id: text_area(saved.get(p.id, ""), "", p.hint, rows=3, name=p.question)
            for p in prompts
        }
        rows = [widget for p in prompts for widget in (_question(p), self.boxes[p.id])]
        self.fold = fold(self._title(), *rows, folded=self._answered() == len(self.boxes))
        super().__init__([self.fold, self.saver.status, self.errors], layout=lean.layout())
        changed = guarded(self.errors)(self._changed)
        for box in self.boxes.values():
            box.observe(changed, names="value")

    def _answered(self) -> int:
        return sum(bool(box.value.strip()) for box in self.boxes.values())

    def _title(self) -> str:
        return f"Your answers: {_written(self._answered(), len(self.boxes))}"

    def _changed(self, _change: dict) -> None:
        typed = {key: box.value.strip() for key, box in self.boxes.items()}
        answers = {**self.plan.dream_job.reflections, **typed}
        self.plan.dream_job.reflections = {key: text for key, text in answers.items() if text}
        retitle(self.fold, self._title())
        self.saver.request(SECTION)


# --- jobs I have done -------------------------------------------------------------------

OWN_JOB = "__own__"  # the picker's choice "not listed: my own job" (a code is never this)


class PastJobsPanel(w.VBox):
    """The jobs the person has done, found by any title, with years in each; a button
    fills the skills list from them (their own ratings win). Nothing here is required, so
    it opens folded; its title says how many jobs it holds."""

    def __init__(self, plan: Plan, catalog: pd.DataFrame, saver: Saver | None = None) -> None:
        self.plan, self.catalog, self.saver = plan, catalog, saver or Saver(plan)
        self.errors = lean.output()
        self.find = lean.make(
            w.Text,
            description="Job title",
            placeholder="e.g. store manager, cashier, RN",  # fits the box (Enter or Find)
            continuous_update=False,  # a search takes a moment: on Enter, not per keystroke
            style=WIDE,
            layout={"width": "430px"},
        )
        self.find_button = lean.button(description="Find", icon="search")
        self.pick = lean.make(w.Dropdown, description="Occupation", style=WIDE)
        self.years = lean.make(
            w.Text, description="Years in it", placeholder="e.g. 3", style=WIDE,
            layout={"width": "200px"},
        )  # fmt: skip
        self.add_button = lean.button(description="Add this job", icon="plus")
        self.message = lean.html()
        self.rows = lean.vbox()
        self.fill_button = lean.button(
            description="Fill my skills from these jobs", icon="magic", layout={"width": "auto"}
        )
        self.fold = fold(self._title(), *self._layout(), folded=True)
        super().__init__([self.fold, self.saver.status, self.errors], layout=lean.layout())
        self.find.observe(guarded(self.errors)(self._search), names="value")
        self.find_button.on_click(guarded(self.errors)(lambda _: self._search()))
        self.add_button.on_click(guarded(self.errors)(self._add))
        self.fill_button.on_click(guarded(self.errors)(self._fill))
        self._search()
        self._render_rows()

    def _title(self) -> str:
        count = len(self.plan.dream_job.past_jobs)
        added = f"{count} added" if count else "none yet"
        return f"Jobs I have done (optional): {added}"

    def _layout(self) -> list[w.Widget]:
        intro = _intro(
            "Type a job title the way you would say it and pick the occupation it belongs "
            "to, with the years you spent in it; a job the catalog does not have can be "
            "added under your own title."
        )
        rule = lean.html(note_html(pj.PREFILL_RULE))
        return [
            intro,
            lean.hbox([self.find, self.find_button]),
            self.pick,
            lean.hbox([self.years, self.add_button]),
            self.message,
            self.rows,
            self.fill_button,
            rule,
        ]

    def _search(self, _change: dict | None = None) -> None:
        typed = " ".join(self.find.value.split())
        found = pj.find_titles(self.catalog, typed)
        options = [(m.label, m.code) for m in found]
        if typed:
            options.append((f"Not listed: add “{typed}” as my own job", OWN_JOB))
        self.pick.options = options
        self.pick.value = options[0][1] if options else None
        if typed and not found:
            self.message.value = message_html(
                f"No occupation title has “{typed}”: try another word, or add it as your own job.",
                "info",
            )
        else:
            self.message.value = ""

    def _add(self, _button: w.Button) -> None:
        if self.pick.value is None:
            self.message.value = message_html("Type a job title above first.", "warn")
            return
        own = self.pick.value == OWN_JOB
        try:
            job = pj.add_past_job(
                self.plan,
                self.catalog,
                code="" if own else self.pick.value,
                title=self.find.value,  # a catalog job keeps the person's own title
                years=self.years.value,
            )
        except pj.PastJobError as err:
            self.message.value = message_html(str(err), "warn")
            return
        self.find.value = self.years.value = ""
        how = (
            "as your own job: add its skills by hand in the list below"
            if own
            else "; press “Fill my skills from these jobs” to start your skills list from it"
        )
        self.message.value = message_html(f"Added “{pj.held_label(job)}” {how}.", "good")
        self._render_rows()
        self.saver.request(SECTION)

    def _row(self, job: PastJob) -> w.HBox:
        # "Store manager (O*NET: First-Line Supervisors of Retail Sales Workers, 41-1011.00)";
        # the code is one word: "41-1011.00" never breaks at its hyphen
        where = (
            f"<span style='white-space:nowrap'>{html.escape(job.code)}</span>"
            if job.code
            else "your own job"
        )
        if job.own_title and job.code:
            where = f"O*NET: {html.escape(job.title)}, {where}"
        label = f"<b>{html.escape(job.own_title or job.title)}</b> <small>({where})</small>"
        name = job.own_title or job.title
        years = lean.make(
            w.Text, "" if job.years is None else f"{job.years:g}", description="years",
            placeholder="not said", continuous_update=False, tooltip=f"Years as {name}",
            layout={"width": "160px"},
        )  # fmt: skip
        remove = lean.button(icon="trash", tooltip=f"Remove {name}", layout={"width": "44px"})
        years.observe(guarded(self.errors)(functools.partial(self._years, job.id)), "value")
        remove.on_click(guarded(self.errors)(functools.partial(self._remove, job.id)))
        return lean.hbox([lean.html(label, layout={"width": "430px"}), years, remove])

    def _render_rows(self) -> None:
        jobs = self.plan.dream_job.past_jobs
        self.rows.children = [self._row(j) for j in jobs] or [
            lean.html("<i>No jobs yet: this part is optional.</i>")
        ]
        self.fill_button.disabled = not any(j.code for j in jobs)
        retitle(self.fold, self._title())

    def _years(self, job_id: str, change: dict) -> None:
        try:
            pj.set_years(self.plan, job_id, change["new"])
        except pj.PastJobError as err:
            self.message.value = message_html(str(err), "warn")
            return
        self.message.value = ""
        self.saver.request(SECTION)

    def _remove(self, job_id: str, _button: w.Button) -> None:
        gone = pj.remove_past_job(self.plan, job_id)
        self.message.value = message_html(f"Removed “{pj.held_label(gone)}”.", "info")
        self._render_rows()
        self.saver.request(SECTION)

    def _fill(self, _button: w.Button) -> None:
        try:
            added = pj.fill_skills(self.plan, self.catalog)
        except pj.PastJobError as err:
            self.message.value = message_html(str(err), "warn")
            return
        if not added:
            self.message.value = message_html(
                "Your skills list already has every skill these jobs call for; "
                "your ratings stay as they are.",
                "info",
            )
            return
        self.message.value = message_html(
            f"Added {len(added)} skills to your list below, rated from these jobs: "
            + ", ".join(f"{s.name} {s.level}" for s in added)
            + ". Change any rating that does not fit you.",
            "good",
        )
        self.saver.request(SECTION)
        plan_changed(self.plan, SECTION)  # the skills list shows them


# --- transferable skills -------------------------------------------------------------


class SkillRow(w.HBox):
    """One of the person's skills: its kind, its self-rated level, and a remove button."""

    def __init__(self, skill: Skill, note: str = "") -> None:
        self.skill_name = skill.name
        label = f"<b>{html.escape(skill.name)}</b>"
        if note:
            label += f'<br><small style="color:{palette.DARK_GREY}">{html.escape(note)}</small>'
        self.kind = choices(
            options=["soft", "hard"],
            value=skill.kind,
            tooltips=[
                "working with people, ideas and yourself",
                "know-how you learned and can show",
            ],
            style={"button_width": "60px"},
        )
        self.level = lean.make(
            w.IntSlider, skill.level, min=1, max=5, description="level", style=WIDE,
            continuous_update=False,
            tooltip=f"Your level in {skill.name}",  # the name a screen reader gives the handle
        )  # fmt: skip
        self.remove_button = buttons.secondary(
            icon="trash", tooltip=f"Remove {skill.name}", layout={"width": "44px"}
        )
        name = lean.html(label, layout={"width": "330px"})
        super().__init__([name, self.kind, self.level, self.remove_button], layout=lean.layout())

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
        self.errors = lean.output()
        self.share = (skill_matrix(catalog).mean() * 100).round() if catalog is not None else None
        self.picker = lean.make(
            w.Combobox,
            placeholder="pick from the list, or type your own",
            ensure_option=False,
            description="Skill",
            style=WIDE,
            layout={"width": "430px"},
        )
        self.picker.on_msg(guarded(self.errors)(self._key))  # Enter adds, as the button does
        self.add_button = buttons.primary(description="Add", icon="plus", button_style="primary")
        self.message = lean.html()
        self.rows = lean.vbox()
        self.use = text_area(
            plan.dream_job.skills_use,
            "",
            SKILLS_USE_PROMPT.hint,
            rows=3,
            name=SKILLS_USE_PROMPT.question,
        )
        super().__init__(self._layout(), layout=lean.layout())
        self.add_button.on_click(guarded(self.errors)(self._add))
        self.use.observe(guarded(self.errors)(self._use_changed), names="value")
        self._render_rows()
        follow(plan, self._refresh, SECTION)  # skills filled from the jobs done above

    def _refresh(self) -> None:
        """Show skills added elsewhere (01's "Fill my skills from these jobs")."""
        shown = [row.skill_name for row in self.rows.children if isinstance(row, SkillRow)]
        if shown != [s.name for s in self.plan.dream_job.skills]:
            guarded(self.errors)(self._render_rows)()

    def _layout(self) -> list[w.Widget]:
        intro = _intro(
            "List what you can already do. Pick skills from the list (the same names the "
            "occupation catalog uses, so later steps can compare) or type your own, such as "
            "a tool or a language. Mark each <b>soft</b> (how you work with people, ideas and "
            "yourself) or <b>hard</b> (know-how you learned and can show), and rate it from "
            "1 (beginner) to 5 (expert)."
        )
        adder = lean.hbox([self.picker, self.add_button])
        use = [_question(SKILLS_USE_PROMPT), self.use, self.saver.status, self.errors]
        return [choices_style(), intro, adder, self.message, self.rows, *use]  # style: soft/hard

    def _note(self, name: str) -> str:
        if name not in SKILLS:
            return "your own skill"
        if self.share is None:
            return ""
        return f"important in {self.share.get(name, 0):.0f}% of the catalog's occupations"

    def _render_rows(self) -> None:
        rows = []
        for skill in self.plan.dream_job.skills:
            row = SkillRow(skill, self._note(skill.name))
            edited = guarded(self.errors)(functools.partial(self._edit, row))
            row.kind.observe(edited, names="value")
            row.level.observe(edited, names="value")
            row.remove_button.on_click(guarded(self.errors)(functools.partial(self._remove, row)))
            rows.append(row)
        self.rows.children = rows or [lean.html("<i>No skills yet: add your first one above.</i>")]
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


# --- vision statement -----------------------------------------------------------------


def _advice_html(text: str, roles: frozenset[str] = frozenset()) -> str:
    """The live check under the vision statement; ``roles`` (job words from the catalog's
    titles) lets it ask for the job when the statement names none."""
    if not text.strip():
        return message_html("Write your statement in the box above, or start from a draft.")
    tips = vagueness_advice(text)
    if roles and not names_a_role(text, roles):
        tips.append(
            "It does not name a job yet: say which role you see yourself in, e.g. "
            "'I work as a registered nurse' or 'as a UX designer'."
        )
    if not tips:
        return message_html("Clear and concrete: well done. You can refine it any time.", "good")
    items = "".join(f"<li>{html.escape(tip)}</li>" for tip in tips)
    return f'<div style="color:{palette.WARN}"><b>Make it more concrete:</b><ul>{items}</ul></div>'


class VisionPanel(w.VBox):
    """Guide prompts, then the dated vision statement with a live vagueness check. Once a
    statement is written, the prompts and the draft button open folded above it."""

    def __init__(
        self,
        plan: Plan,
        saver: Saver | None = None,
        prompts: Sequence[Prompt] = VISION_PROMPTS,
        roles: frozenset[str] = frozenset(),
    ) -> None:
        self.plan, self.saver = plan, saver or Saver(plan)
        self.roles = roles
        self.errors = lean.output()
        job = plan.dream_job
        self.prompts = {
            p.id: text_area(job.vision_prompts.get(p.id, ""), "", p.hint, rows=2, name=p.question)
            for p in prompts
        }
        self.draft_button = buttons.secondary(
            description="Draft from my answers", icon="pencil", layout={"width": "auto"}
        )
        self.draft_note = lean.html()
        self.use_draft_button = buttons.primary(
            description="Replace my statement with this draft",
            layout=w.Layout(display="none", width="auto"),  # its own: shown with a draft
        )
        self.statement = text_area(
            job.vision,
            "",
            "e.g. In three years I work as ... at ... I spend my days ...",
            rows=6,
            name="Your vision statement",
        )
        self.advice = lean.html(_advice_html(job.vision, roles))
        self.dated = lean.html(self._dated_html())
        self._draft = ""
        super().__init__(self._layout(prompts), layout=lean.layout())
        prompt_changed = guarded(self.errors)(self._prompt_changed)
        for box in self.prompts.values():
            box.observe(prompt_changed, names="value")
        self.statement.observe(guarded(self.errors)(self._statement_changed), names="value")
        self.draft_button.on_click(guarded(self.errors)(self._make_draft))
        self.use_draft_button.on_click(guarded(self.errors)(self._use_draft))

    def _layout(self, prompts: Sequence[Prompt]) -> list[w.Widget]:
        guide = [widget for p in prompts for widget in (_question(p), self.prompts[p.id])]
        drafting = [self.draft_button, self.draft_note, self.use_draft_button]
        written = bool(self.plan.dream_job.vision.strip())
        self.fold = fold(self._title(), *guide, *drafting, folded=written)
        heading = lean.html("<h4>Your vision statement</h4>")
        statement = [heading, self.statement, self.advice, self.dated]
        return [self.fold, *statement, self.saver.status, self.errors]

    def _title(self) -> str:
        answered = sum(bool(box.value.strip()) for box in self.prompts.values())
        return f"The questions behind your statement: {_written(answered, len(self.prompts))}"

    def _dated_html(self) -> str:
        job = self.plan.dream_job
        if not (job.vision and job.vision_date):
            return ""
        return f"<small>Written on {long_date(job.vision_date)}.</small>"

    def _prompt_changed(self, _change: dict) -> None:
        typed = {key: box.value.strip() for key, box in self.prompts.items()}
        answers = {**self.plan.dream_job.vision_prompts, **typed}
        self.plan.dream_job.vision_prompts = {key: text for key, text in answers.items() if text}
        retitle(self.fold, self._title())
        self.saver.request(SECTION)

    def _statement_changed(self, _change: dict) -> None:
        job, text = self.plan.dream_job, self.statement.value.strip()
        self.advice.value = _advice_html(text, self.roles)
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
            show(self.use_draft_button)

    def _use_draft(self, _button: w.Button) -> None:
        self.statement.value = self._draft
        self.draft_note.value = message_html(
            "Your statement is now the draft (the earlier text is in the plan's history).", "info"
        )
        show(self.use_draft_button, False)


# --- what the notebook calls ---------------------------------------------------------------


def reflection(plan: Plan) -> ReflectionPanel:
    """The reflection prompts (moments at ease, what drew you, what you still love...)."""
    return ReflectionPanel(plan)


def past_jobs(plan: Plan, catalog: pd.DataFrame) -> PastJobsPanel:
    """Jobs I have done: find each by any title, with years in it, and fill the skills
    list from them (optional)."""
    return PastJobsPanel(plan, catalog)


def skills(plan: Plan, catalog: pd.DataFrame | None = None) -> SkillsPanel:
    """The transferable-skills list; with a catalogue, how widely each skill is needed."""
    return SkillsPanel(plan, catalog)


def vision(plan: Plan, catalog: pd.DataFrame | None = None) -> VisionPanel:
    """The vision prompts, a draft button and the dated vision statement; with a catalog,
    its check also asks for the job when the statement names none."""
    roles = role_words(catalog["title"]) if catalog is not None else frozenset()
    return VisionPanel(plan, roles=roles)


# The interest questionnaire lives in ui/interest_quiz.py (07 retakes it); 01 shows it from here.
__all__ = [
    "InterestQuiz",
    "PastJobsPanel",
    "ReflectionPanel",
    "SkillsPanel",
    "VisionPanel",
    "interest_quiz",
    "past_jobs",
    "reflection",
    "skills",
    "vision",
]
