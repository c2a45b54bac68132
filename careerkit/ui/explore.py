"""Step 2 widgets: browse the catalogue, keep a shortlist, answer the exploring questions.

Each function takes the plan and the catalogue and returns a panel. The panels of one
plan keep each other up to date: an occupation added in the browser appears at once in
the shortlist, the questions, the narrowing-down list and the chart.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w
import pandas as pd

from careerkit import palette
from careerkit.catalog import money
from careerkit.plan import Option, Plan
from careerkit.report.charts import shortlist_figure
from careerkit.steps import job_skills
from careerkit.steps.explore import filters as flt
from careerkit.steps.explore import occupation as occ
from careerkit.steps.explore import shortlist as sl
from careerkit.ui.explore_browser import Browser
from careerkit.ui.explore_panel import EMPTY_SHORTLIST, NO_FIT, Panel, RelatedList
from careerkit.ui.explore_similar import SimilarJobs
from careerkit.ui.kit import lean
from careerkit.ui.kit.a11y import Chart
from careerkit.ui.kit.callbacks import guarded
from careerkit.ui.kit.fields import WIDE, text_area
from careerkit.ui.kit.fold import fold
from careerkit.ui.kit.kernel import later
from careerkit.ui.kit.messages import message_html, note_html

SIXTY = {"width": "60%"}  # a shared layout (careerkit.ui.kit.lean)

# --- the shortlist -------------------------------------------------------------------------


class Shortlist(Panel):
    """Add catalogue occupations by title, add your own, and remove ones added by mistake."""

    def __init__(self, plan: Plan, catalog: pd.DataFrame) -> None:
        super().__init__(plan, catalog)
        titles = catalog["title"].astype(str)
        repeated = titles.duplicated(keep=False)
        labels = titles.where(~repeated, titles + " (" + catalog.index.astype(str) + ")")
        self.codes = dict(zip(labels, catalog.index, strict=True))
        self.find = lean.make(
            w.Combobox,
            options=tuple(sorted(self.codes, key=str.casefold)),
            placeholder="start typing a title, then pick it from the list",
            description="Occupation",
            style=WIDE,
            layout=SIXTY,
        )
        self.add = lean.button(description="Add to shortlist", icon="plus", button_style="success")
        self.title = lean.make(
            w.Text, description="Title", placeholder="e.g. Clinic operations coordinator"
        )
        self.pay = lean.make(
            w.Text, description="Rough yearly pay ($)", placeholder="e.g. 52000", style=WIDE
        )
        self.notes = lean.make(
            w.Text,
            description="Notes",
            placeholder="where you saw it, why it interests you",
            layout=SIXTY,
        )
        self.add_own = lean.button(
            description="Add my own occupation", icon="plus", layout={"width": "auto"}
        )
        self.summary, self.items = lean.html(), lean.vbox()
        self.similar = RelatedList(self, "More like this (O*NET), one click to shortlist:")
        # Optional: folded; what it adds and what goes wrong is said below it, in the open.
        self.own = fold(
            "Not in the catalog? Add an occupation you have seen yourself",
            lean.hbox([self.title, self.pay]),
            lean.hbox([self.notes, self.add_own]),
            folded=True,
        )
        self.children = [
            lean.hbox([self.find, self.add]),
            self.own,
            self.message,
            self.summary,
            self.items,
            self.similar,
            self.saver.status,
            self.errors,
        ]
        self.add.on_click(guarded(self.errors)(lambda _: self._try(self._add)))
        self.add_own.on_click(guarded(self.errors)(lambda _: self._try(self._add_own)))
        self.render()

    def render(self) -> None:
        summary = sl.shortlist_summary(self.plan)
        if not self.plan.exploration.options:
            summary += " Add occupations from the table above, or your own here."
        self.summary.value = f"<b>{html.escape(summary)}</b>"
        self.items.children = [self._row(o) for o in self.plan.exploration.options]
        self.similar.refresh()

    def _row(self, option: Option) -> w.HBox:
        remove = lean.button(description="Remove", icon="trash", layout={"width": "auto"})
        remove.on_click(
            guarded(self.errors)(lambda _: self._try(lambda: self._remove(option.code)))
        )
        parts = [remove]
        if option.code in self.catalog.index:
            more = lean.button(description="More like this", icon="search", layout=remove.layout)
            more.on_click(guarded(self.errors)(lambda _: self.similar.show(option.code)))
            parts.append(more)
        return lean.hbox([*parts, lean.html(_option_line(option, self.catalog))])

    def _add(self) -> str:
        label = self.find.value.strip()
        if not label:
            raise sl.ShortlistError("Type a title and pick it from the list first.")
        if label not in self.codes:
            raise sl.ShortlistError(
                f"No occupation in the catalog is called “{label}”. Pick a title from the "
                "list as you type, or add it below as your own occupation."
            )
        option = sl.add_option(self.plan, sl.catalog_option(self.catalog, self.codes[label]))
        self.find.value = ""
        return f"Added “{option.title}” to your shortlist."

    def _add_own(self) -> str:
        taken = [o.code for o in self.plan.exploration.options]
        option = sl.custom_option(self.title.value, self.pay.value, self.notes.value, taken)
        sl.add_option(self.plan, option)
        self.title.value = self.pay.value = self.notes.value = ""
        return f"Added your own occupation “{option.title}” to your shortlist."

    def _remove(self, code: str) -> str:
        return f"Removed “{sl.remove_option(self.plan, code).title}” from your shortlist."


# --- the exploring questions -------------------------------------------------------------------


class Questions(Panel):
    """For each remaining option: what the data knows, and the person's own answers.

    An option's form is filled when it is first opened: the accordion opens closed, and
    a page of 5 options' forms built ahead would be some 250 widget models.
    """

    def __init__(self, plan: Plan, catalog: pd.DataFrame) -> None:
        super().__init__(plan, catalog)
        self.accordion = lean.make(w.Accordion)
        self.shown: list[str] = []  # codes of the options in the accordion, in order
        self.forms: dict[str, w.VBox] = {}  # kept, so a change elsewhere rebuilds nothing
        # The count comes from the questions themselves, as each option's "(n of N answered)".
        self.heading = lean.html(
            f"<b>{len(occ.QUESTIONS)} questions for each option</b> on your shortlist: "
            "open one to answer them."
        )
        parts = [self.heading, self.message, self.accordion, self.saver.status, self.errors]
        self.children = parts
        self.accordion.observe(guarded(self.errors)(self._opened), names="selected_index")
        self.render()

    def render(self) -> None:
        index = self.accordion.selected_index
        open_code = self.shown[index] if index is not None else None
        options = [o for o in self.plan.exploration.options if not o.dropped]
        self.message.value = "" if options else message_html(EMPTY_SHORTLIST, "info")
        self.shown = [o.code for o in options]
        self.forms = {o.code: self.forms.get(o.code, lean.vbox()) for o in options}
        self.accordion.children = list(self.forms.values())
        self.accordion.titles = tuple(_progress_title(o) for o in options)
        self.accordion.selected_index = (
            self.shown.index(open_code) if open_code in self.shown else None
        )

    def _opened(self, change: dict[str, Any]) -> None:
        """Fill the form of the option just opened, the first time it is opened."""
        if change["new"] is None:
            return
        code = self.shown[change["new"]]
        option = sl.find_option(self.plan, code)
        if option is not None and not self.forms[code].children:
            self.forms[code].children = self._fields(option)

    def _fields(self, option: Option) -> list[w.Widget]:
        skills = [s.name for s in self.plan.dream_job.skills]
        facts = occ.prefilled_answers(self.catalog, option, skills)
        parts: list[w.Widget] = []
        for question in occ.QUESTIONS:
            fact = facts.get(question.id)
            known = (
                f"<br><span style='color:{palette.INFO}'>{html.escape(fact)}</span>" if fact else ""
            )
            parts.append(lean.html(f"<b>{html.escape(question.text)}</b>{known}"))
            box = text_area(
                option.answers.get(question.id, ""), "", question.hint, name=question.text
            )
            box.observe(guarded(self.errors)(self._saver_for(option.code, question.id)), "value")
            parts.append(box)
            if question.id == "skills_interests" and self._needs_own_skills(option):
                parts += self._own_skills(option)
        notes = text_area(option.notes, "", "anything else about this option", name="Notes")
        notes.observe(guarded(self.errors)(self._saver_for(option.code, None)), "value")
        return [*parts, lean.html("<b>Notes</b>"), notes]

    def _needs_own_skills(self, option: Option) -> bool:
        """Whether the person lists this option's skills: O*NET has none for it."""
        return option.custom or not job_skills.onet_skills(self.catalog, option.code)

    def _own_skills(self, option: Option) -> list[w.Widget]:
        """A box for the skills the job needs, as the person learns them; saved in the plan."""
        note = lean.html(
            f"<b>Skills this job needs</b> <small>{html.escape(job_skills.INVITE)}</small>"
        )
        box = text_area(
            "\n".join(option.skills),
            "",
            "one skill per line, e.g. user research",
            name="Skills this job needs",
        )

        def keep(change: dict[str, Any]) -> None:
            found = sl.find_option(self.plan, option.code)
            if found is None:
                return
            found.skills = job_skills.parse(change["new"])
            self.saver.request("exploration")

        box.observe(guarded(self.errors)(keep), "value")
        return [note, box]

    def _saver_for(self, code: str, question: str | None) -> Callable[[dict[str, Any]], None]:
        """A handler that keeps one answer (or the notes, when ``question`` is None)."""

        def keep(change: dict[str, Any]) -> None:
            option = sl.find_option(self.plan, code)
            if option is None:
                self.message.value = message_html(
                    "This option is no longer on the shortlist.", "warn"
                )
                return
            if question is None:
                option.notes = change["new"]
            elif change["new"].strip():
                option.answers[question] = change["new"]
            else:
                option.answers.pop(question, None)
            self.saver.request("exploration")
            if code in self.shown:
                self.accordion.set_title(self.shown.index(code), _progress_title(option))

        return keep


# --- narrowing down ---------------------------------------------------------------------------


class NarrowDown(Panel):
    """Drop options with a reason (they stay visible) or bring them back."""

    def __init__(self, plan: Plan, catalog: pd.DataFrame) -> None:
        super().__init__(plan, catalog)
        self.summary, self.items = lean.html(), lean.vbox()
        self.similar = RelatedList(self, "More like this (O*NET), one click to shortlist:")
        self.children = [self.summary, self.items, self.message, self.saver.status, self.errors]
        self.render()

    def render(self) -> None:
        options = self.plan.exploration.options
        summary = sl.shortlist_summary(self.plan)
        if options and not any(o.dropped for o in options) and len(options) >= 4:
            summary += ". Research often cuts a list by half: drop what did not survive yours."
        self.summary.value = f"<b>{html.escape(summary)}</b>"
        if not options:
            self.summary.value = message_html(EMPTY_SHORTLIST, "info")
        self.items.children = [self._row(o) for o in options]

    def _row(self, option: Option) -> w.HBox:
        line = lean.html(_option_line(option, self.catalog), layout={"width": "45%"})
        if option.dropped:
            restore = lean.button(description="Restore", icon="undo", layout={"width": "auto"})
            restore.on_click(
                guarded(self.errors)(lambda _: self._try(lambda: self._restore(option.code)))
            )
            return lean.hbox([line, restore])
        reason = lean.make(
            w.Text,
            placeholder="why you are dropping it",
            tooltip=f"Why you are dropping {option.title}",  # its name (careerkit.ui.kit.a11y)
            layout={"width": "35%"},
        )
        drop = lean.button(description="Drop", icon="times", layout={"width": "auto"})
        drop.on_click(
            guarded(self.errors)(lambda _: self._try(lambda: self._drop(option.code, reason.value)))
        )
        return lean.hbox([line, reason, drop])

    def _drop(self, code: str, reason: str) -> str:
        return f"Dropped “{sl.drop_option(self.plan, code, reason).title}”; it stays listed here."

    def _restore(self, code: str) -> str:
        return f"“{sl.restore_option(self.plan, code).title}” is back on your shortlist."


# --- the chart ---------------------------------------------------------------------------------


class ShortlistChart(Panel):
    """Pay against interest fit for the remaining options; redrawn when the shortlist changes."""

    def __init__(self, plan: Plan, catalog: pd.DataFrame) -> None:
        super().__init__(plan, catalog)
        self.chart = Chart(  # an Image with a text alternative; its own layout: it hides
            alt="Chart: your shortlist, pay against interest fit", layout=w.Layout(width="720px")
        )
        self.note = lean.html()
        self.children = [self.message, self.chart, self.note, self.errors]
        self.render()

    def shortlist_changed(self) -> None:
        """Redraw after the other panels have updated: drawing takes over 100 ms."""
        later(0, super().shortlist_changed)

    def render(self) -> None:
        points = sl.shortlist_frame(self.plan, self.catalog)
        self.chart.layout.display = "none" if points.empty else None
        self.message.value = message_html(EMPTY_SHORTLIST, "info") if points.empty else ""
        if points.empty:
            return
        self.chart.draw(shortlist_figure(points), shortlist_figure(points, narrow=True))
        notes = []
        if flt.person_scores(self.plan) is None:
            notes.append(NO_FIT)
        no_pay = points.loc[points["pay"].isna(), "title"]
        if len(no_pay):
            notes.append(
                f"Not shown, no yearly median pay (unknown or hourly only): {', '.join(no_pay)}."
            )
        self.note.value = "<br>".join(note_html(n) for n in notes)


def _option_line(option: Option, catalog: pd.DataFrame) -> str:
    """One option as a line of HTML: title, where it comes from, pay, dropped reason."""
    e = html.escape
    if option.custom:
        source, pay = "your own", money(option.median_wage)
    else:
        known = option.code in catalog.index
        pay = occ.pay_short(catalog.loc[option.code]) if known else "unknown"
        source = option.code if known else f"{option.code}, no longer in the catalog"
    text = f"<b>{e(option.title)}</b> <small>({e(source)}; median pay {e(pay)})</small>"
    if option.dropped:
        return f"<s>{text}</s> <i>dropped: {e(option.drop_reason)}</i>"
    return text


def _progress_title(option: Option) -> str:
    return f"{option.title} ({occ.answered(option)} of {len(occ.QUESTIONS)} answered)"


# --- what the notebook calls ----------------------------------------------------------------


def browser(plan: Plan, catalog: pd.DataFrame) -> Browser:
    """The catalogue table with filters, sorting and an occupation's profile card."""
    return Browser(plan, catalog)


def similar_jobs(plan: Plan, catalog: pd.DataFrame) -> SimilarJobs:
    """Occupations closest in skills to the jobs done in 01, each one click to shortlist."""
    return SimilarJobs(plan, catalog)


def shortlist(plan: Plan, catalog: pd.DataFrame) -> Shortlist:
    """Add occupations (from the catalogue or your own) to the shortlist, or remove them."""
    return Shortlist(plan, catalog)


def questions(plan: Plan, catalog: pd.DataFrame) -> Questions:
    """The exploring questions for each option on the shortlist."""
    return Questions(plan, catalog)


def narrow_down(plan: Plan, catalog: pd.DataFrame) -> NarrowDown:
    """Drop options with a reason, or restore them."""
    return NarrowDown(plan, catalog)


def shortlist_chart(plan: Plan, catalog: pd.DataFrame) -> ShortlistChart:
    """The remaining options' pay against interest fit."""
    return ShortlistChart(plan, catalog)
