"""Step 2 widgets: browse the catalogue, keep a shortlist, answer the exploring questions.

Each function takes the plan and the catalogue and returns a panel. The panels of one
plan keep each other up to date: an occupation added in the browser appears at once in
the shortlist, the questions, the narrowing-down list and the chart.
"""

from __future__ import annotations

import html
import weakref
from collections.abc import Callable
from typing import Any

import ipywidgets as w
import pandas as pd

from careerkit import catalog_files
from careerkit import explore_html as render
from careerkit import filters as flt
from careerkit import occupation as occ
from careerkit import shortlist as sl
from careerkit.catalog import EDUCATION, JOB_ZONES, JOB_ZONES_4, money
from careerkit.charts import png, shortlist_figure
from careerkit.plan import Option, Plan
from careerkit.ui.common import (
    WIDE,
    Saver,
    guarded,
    later,
    message_html,
    note_html,
    quietly,
    text_area,
)

ROWS_SHOWN = 40
NO_FIT = "Take the interest quiz in 01 to see your fit: until then the table has no fit column."
EMPTY_SHORTLIST = "Shortlist some occupations first: use the table or the shortlist above."


# --- panels of one plan refresh each other when the shortlist changes --------------------

_PANELS: dict[int, weakref.WeakSet[Any]] = {}


def _follow(plan: Plan, panel: Any) -> None:
    """Call ``panel.shortlist_changed()`` whenever another panel changes this plan's shortlist."""
    key = id(plan)
    if key not in _PANELS:
        _PANELS[key] = weakref.WeakSet()
        weakref.finalize(plan, _PANELS.pop, key, None)
    _PANELS[key].add(panel)


def _shortlist_changed(plan: Plan) -> None:
    for panel in list(_PANELS.get(id(plan), ())):
        panel.shortlist_changed()


class _Panel(w.VBox):
    """A panel of this step: the plan, the catalogue, a saver and an error area."""

    def __init__(self, plan: Plan, catalog: pd.DataFrame) -> None:
        super().__init__(layout=w.Layout(width="100%"))
        self.plan, self.catalog = plan, catalog
        self.saver = Saver(plan)
        self.errors = w.Output()
        self.message = w.HTML()
        _follow(plan, self)

    def shortlist_changed(self) -> None:
        guarded(self.errors)(self.render)()

    def render(self) -> None:
        """Show the plan as it is now (each panel defines it)."""
        raise NotImplementedError

    def _changed(self, text: str = "") -> None:
        """Save the shortlist, say what happened, and refresh every panel of this plan."""
        self.message.value = message_html(text, "good") if text else ""
        self.saver.request("exploration")
        _shortlist_changed(self.plan)

    def _try(self, action: Callable[[], str]) -> None:
        """Run a shortlist change; a refusal is shown as a message and nothing changes."""
        try:
            done = action()
        except sl.ShortlistError as err:
            self.message.value = message_html(str(err), "error")
            return
        self._changed(done)


# --- browsing the catalogue -------------------------------------------------------------


class Browser(_Panel):
    """Filter and sort the catalogue, see one occupation's card, add it to the shortlist."""

    def __init__(self, plan: Plan, catalog: pd.DataFrame, rows: int = ROWS_SHOWN) -> None:
        super().__init__(plan, catalog)
        self.rows = rows
        self.scores = flt.person_scores(plan)
        self.fit = flt.fit_for(plan, catalog)
        self.code: str | None = None  # the occupation on the card
        self.quiet = False  # True while widgets are set from code: no re-render per change
        self._build()
        self._lay_out()
        self._wire()
        self.render()
        self.pick.index = 0 if self.pick.options else None

    def _build(self) -> None:
        wages = self.catalog["median_wage"].dropna()
        low = int(wages.min() // 10_000 * 10_000) if len(wages) else 0
        high = int(-(-wages.max() // 10_000) * 10_000) if len(wages) else 10_000
        slider = {"style": WIDE, "continuous_update": False, "layout": w.Layout(width="48%")}
        self.search = w.Text(
            description="Search",
            placeholder="words from a title or description, e.g. clinic schedule",
            style=WIDE,
            layout=w.Layout(width="60%"),
        )
        self.min_fit = w.IntSlider(
            value=0, min=0, max=100, step=5, description="Interest fit at least", **slider
        )
        self.zone = w.IntRangeSlider(value=(1, 5), min=1, max=5, description="Job zone", **slider)
        self.education = w.Dropdown(
            options=[("any", ""), *((e, e) for e in EDUCATION)],  # None would show blank
            description="Education needed, at most",
            style=WIDE,
        )
        self.pay = w.IntRangeSlider(
            value=(low, high), min=low, max=high, step=5_000, readout_format="$,",
            description="Median pay a year", **slider,
        )  # fmt: skip
        self.unknown_pay = w.Checkbox(
            False,
            description="also show occupations whose pay is unknown",
            indent=False,
            layout=w.Layout(width="auto", margin="0 0 0 24px"),
        )
        self.outlooks = {
            label: w.Checkbox(True, description=label, indent=False, layout=w.Layout(width="auto"))
            for label in flt.OUTLOOKS
        }
        sorts = [
            (name, key) for key, name in flt.SORTS.items() if key != "fit" or self.fit is not None
        ]
        self.sort = w.Dropdown(options=sorts, description="Sort by", style=WIDE)
        self.order = w.Dropdown(
            options=[("high to low, Z to A", False), ("low to high, A to Z", True)],
            value=self.fit is None,
            description="Order",
            style=WIDE,
        )
        self.reset = w.Button(description="Reset filters", icon="undo")
        self.count, self.table = w.HTML(), w.HTML()
        self.pick = w.Dropdown(
            description="See the profile of", style=WIDE, layout=w.Layout(width="70%")
        )
        self.add = w.Button(description="Add to shortlist", icon="plus", button_style="success")
        self.card = w.HTML()
        self.related = RelatedList(self, "Related occupations (O*NET), one click to shortlist:")

    def _lay_out(self) -> None:
        zones = "; ".join(f"{z} = {text}" for z, text in JOB_ZONES.items())
        if catalog_files.catalog_info().job_zone_levels == 4:
            zones = "; ".join(f"{z} = {text}" for z, text in JOB_ZONES_4.items())
            zones += " (this O*NET release merges zones 1 and 2 into one level, shown as 2)"
        fit = [self.min_fit] if self.fit is not None else [w.HTML(message_html(NO_FIT, "info"))]
        self.children = [
            self.search,
            w.HBox(fit),
            w.HBox([self.zone, self.education]),
            w.HTML(note_html(f"Job zone is the preparation needed: {zones}.")),
            w.HBox([self.pay, self.unknown_pay]),
            w.HBox([w.Label("Job outlook:"), *self.outlooks.values()]),
            w.HBox([self.sort, self.order, self.reset]),
            self.count,
            self.table,
            w.HBox([self.pick, self.add]),
            self.message,
            self.card,
            self.related,
            self.saver.status,
            self.errors,
        ]

    def _wire(self) -> None:
        controls = [self.search, self.min_fit, self.zone, self.education, self.pay]
        controls += [self.unknown_pay, *self.outlooks.values(), self.sort, self.order]
        for control in controls:
            control.observe(guarded(self.errors)(self._on_filter), names="value")
        self.pick.observe(guarded(self.errors)(self._on_pick), names="value")
        self.add.on_click(guarded(self.errors)(lambda _: self._try(self._add)))
        self.reset.on_click(guarded(self.errors)(lambda _: self.reset_filters()))

    @property
    def filters(self) -> flt.Filters:
        """The filters as the widgets show them."""
        low, high = self.pay.value
        return flt.Filters(
            search=self.search.value,
            min_fit=self.min_fit.value,
            job_zone=self.zone.value,
            max_education=self.education.value or None,
            pay=(low if low > self.pay.min else None, high if high < self.pay.max else None),
            unknown_pay=self.unknown_pay.value,
            outlooks=frozenset(label for label, box in self.outlooks.items() if box.value),
            sort_by=self.sort.value,
            ascending=self.order.value,
        )

    def _on_filter(self, _: dict[str, Any]) -> None:
        if not self.quiet:
            self.render()

    def render(self) -> None:
        """Filter, sort and show the table (and keep the card as it is)."""
        filters = self.filters
        rows = flt.apply_filters(self.catalog, filters, self.fit)
        top = rows.head(self.rows)
        self.count.value = f"<b>{flt.count_text(len(top), len(rows), len(self.catalog))}</b>"
        if rows.empty:
            hint = flt.loosen_hint(self.catalog, filters, self.fit)
            self.table.value = message_html(hint, "warn")
        else:
            self.table.value = render.table_html(top, self.scores)
        self._set_choices(top)

    def _set_choices(self, top: pd.DataFrame) -> None:
        keep = self.pick.value
        with quietly(self):
            self.pick.options = list(zip(top["title"], top.index, strict=True))
            self.pick.value = keep if keep in top.index else None

    def _on_pick(self, change: dict[str, Any]) -> None:
        if self.quiet or change["new"] is None:
            return
        self.code = change["new"]
        card = occ.profile_card(self.catalog, self.code, self.plan)
        self.card.value = render.card_html(card)
        self.message.value = ""
        self.related.show(self.code)
        self.shortlist_changed()

    def shortlist_changed(self) -> None:
        self.related.refresh()
        on_list = self.code is not None and sl.find_option(self.plan, self.code) is not None
        self.add.disabled = self.code is None or on_list
        self.add.description = "On your shortlist" if on_list else "Add to shortlist"

    def _add(self) -> str:
        if self.code is None:
            raise sl.ShortlistError("Pick an occupation to see its profile first.")
        option = sl.add_option(self.plan, sl.catalog_option(self.catalog, self.code))
        return f"Added “{option.title}” to your shortlist."

    def reset_filters(self) -> None:
        """Back to showing everything, best fit first."""
        with quietly(self):
            self.search.value = ""
            self.min_fit.value = 0
            self.zone.value = (1, 5)
            self.education.value = ""
            self.pay.value = (self.pay.min, self.pay.max)
            self.unknown_pay.value = False
            for box in self.outlooks.values():
                box.value = True
            self.sort.value = self.sort.options[0][1]
            self.order.value = self.fit is None
        self.render()


class RelatedList(w.VBox):
    """O*NET's related occupations of one occupation, each a button that shortlists it."""

    def __init__(self, panel: _Panel, heading: str) -> None:
        super().__init__()
        self.panel, self.heading, self.code = panel, heading, None
        self.buttons: dict[str, w.Button] = {}

    def show(self, code: str | None) -> None:
        """List the related occupations of ``code`` (nothing for None or a custom option)."""
        self.code = code
        related = occ.related_occupations(self.panel.catalog, code) if code else None
        if related is None or related.empty:
            self.buttons, self.children = {}, []
            return
        self.buttons = {c: self._button(c, t, tier) for c, t, tier in related.itertuples()}
        title = html.escape(str(self.panel.catalog.at[code, "title"]))
        head = w.HTML(f"<b>{html.escape(self.heading)}</b> <small>like {title}</small>")
        self.children = [head, w.Box(list(self.buttons.values()), layout=_WRAP)]
        self.refresh()

    def refresh(self) -> None:
        """Mark the ones already on the shortlist."""
        for code, button in self.buttons.items():
            on_list = sl.find_option(self.panel.plan, code) is not None
            button.disabled = on_list
            button.icon = "check" if on_list else "plus"

    def _button(self, code: str, title: str, tier: str) -> w.Button:
        button = w.Button(
            description=title,
            tooltip=f"{title} ({code}); O*NET relatedness: {tier}",
            layout=w.Layout(width="auto", max_width="100%"),
        )
        add = lambda _: self.panel._try(lambda: _add_code(self.panel, code))  # noqa: E731
        button.on_click(guarded(self.panel.errors)(add))
        return button


_WRAP = w.Layout(display="flex", flex_flow="row wrap")


def _add_code(panel: _Panel, code: str) -> str:
    option = sl.add_option(panel.plan, sl.catalog_option(panel.catalog, code))
    return f"Added “{option.title}” to your shortlist."


# --- the shortlist -------------------------------------------------------------------------


class Shortlist(_Panel):
    """Add catalogue occupations by title, add your own, and remove ones added by mistake."""

    def __init__(self, plan: Plan, catalog: pd.DataFrame) -> None:
        super().__init__(plan, catalog)
        titles = catalog["title"].astype(str)
        repeated = titles.duplicated(keep=False)
        labels = titles.where(~repeated, titles + " (" + catalog.index.astype(str) + ")")
        self.codes = dict(zip(labels, catalog.index, strict=True))
        self.find = w.Combobox(
            options=tuple(sorted(self.codes, key=str.casefold)),
            placeholder="start typing a title, then pick it from the list",
            description="Occupation",
            style=WIDE,
            layout=w.Layout(width="60%"),
        )
        self.add = w.Button(description="Add to shortlist", icon="plus", button_style="success")
        self.title = w.Text(description="Title", placeholder="e.g. Clinic operations coordinator")
        self.pay = w.Text(description="Rough yearly pay ($)", placeholder="e.g. 52000", style=WIDE)
        self.notes = w.Text(
            description="Notes",
            placeholder="where you saw it, why it interests you",
            layout=w.Layout(width="60%"),
        )
        self.add_own = w.Button(
            description="Add my own occupation", icon="plus", layout=w.Layout(width="auto")
        )
        self.summary, self.items = w.HTML(), w.VBox()
        self.similar = RelatedList(self, "More like this (O*NET), one click to shortlist:")
        self.children = [
            w.HBox([self.find, self.add]),
            w.HTML("<b>Not in the catalogue?</b> Add an occupation you have seen yourself:"),
            w.HBox([self.title, self.pay]),
            w.HBox([self.notes, self.add_own]),
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
        remove = w.Button(description="Remove", icon="trash", layout=w.Layout(width="auto"))
        remove.on_click(
            guarded(self.errors)(lambda _: self._try(lambda: self._remove(option.code)))
        )
        parts = [remove]
        if option.code in self.catalog.index:
            more = w.Button(description="More like this", icon="search", layout=remove.layout)
            more.on_click(guarded(self.errors)(lambda _: self.similar.show(option.code)))
            parts.append(more)
        return w.HBox([*parts, w.HTML(_option_line(option, self.catalog))])

    def _add(self) -> str:
        label = self.find.value.strip()
        if not label:
            raise sl.ShortlistError("Type a title and pick it from the list first.")
        if label not in self.codes:
            raise sl.ShortlistError(
                f"No occupation in the catalogue is called “{label}”. Pick a title from the "
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


# --- the six exploring questions -------------------------------------------------------------


class Questions(_Panel):
    """For each remaining option: what the data knows, and the person's own answers."""

    def __init__(self, plan: Plan, catalog: pd.DataFrame) -> None:
        super().__init__(plan, catalog)
        self.accordion = w.Accordion()
        self.shown: list[str] = []  # codes of the options in the accordion, in order
        self.forms: dict[str, w.VBox] = {}  # kept, so a change elsewhere rebuilds nothing
        self.children = [self.message, self.accordion, self.saver.status, self.errors]
        self.render()

    def render(self) -> None:
        index = self.accordion.selected_index
        open_code = self.shown[index] if index is not None else None
        options = [o for o in self.plan.exploration.options if not o.dropped]
        self.message.value = "" if options else message_html(EMPTY_SHORTLIST, "info")
        self.shown = [o.code for o in options]
        self.forms = {
            o.code: self.forms[o.code] if o.code in self.forms else self._form(o) for o in options
        }
        self.accordion.children = list(self.forms.values())
        self.accordion.titles = tuple(_progress_title(o) for o in options)
        self.accordion.selected_index = (
            self.shown.index(open_code) if open_code in self.shown else None
        )

    def _form(self, option: Option) -> w.VBox:
        skills = [s.name for s in self.plan.dream_job.skills]
        facts = occ.prefilled_answers(self.catalog, option, skills)
        parts: list[w.Widget] = []
        for question in occ.QUESTIONS:
            fact = facts.get(question.id)
            known = f"<br><span style='color:#1f4e79'>{html.escape(fact)}</span>" if fact else ""
            parts.append(w.HTML(f"<b>{html.escape(question.text)}</b>{known}"))
            box = text_area(option.answers.get(question.id, ""), "", question.hint)
            box.observe(guarded(self.errors)(self._saver_for(option.code, question.id)), "value")
            parts.append(box)
        notes = text_area(option.notes, "", "anything else about this option")
        notes.observe(guarded(self.errors)(self._saver_for(option.code, None)), "value")
        return w.VBox([*parts, w.HTML("<b>Notes</b>"), notes])

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


class NarrowDown(_Panel):
    """Drop options with a reason (they stay visible) or bring them back."""

    def __init__(self, plan: Plan, catalog: pd.DataFrame) -> None:
        super().__init__(plan, catalog)
        self.summary, self.items = w.HTML(), w.VBox()
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
        line = w.HTML(_option_line(option, self.catalog), layout=w.Layout(width="45%"))
        if option.dropped:
            restore = w.Button(description="Restore", icon="undo", layout=w.Layout(width="auto"))
            restore.on_click(
                guarded(self.errors)(lambda _: self._try(lambda: self._restore(option.code)))
            )
            return w.HBox([line, restore])
        reason = w.Text(placeholder="why you are dropping it", layout=w.Layout(width="35%"))
        drop = w.Button(description="Drop", icon="times", layout=w.Layout(width="auto"))
        drop.on_click(
            guarded(self.errors)(lambda _: self._try(lambda: self._drop(option.code, reason.value)))
        )
        return w.HBox([line, reason, drop])

    def _drop(self, code: str, reason: str) -> str:
        return f"Dropped “{sl.drop_option(self.plan, code, reason).title}”; it stays listed here."

    def _restore(self, code: str) -> str:
        return f"“{sl.restore_option(self.plan, code).title}” is back on your shortlist."


# --- the chart ---------------------------------------------------------------------------------


class ShortlistChart(_Panel):
    """Pay against interest fit for the remaining options; redrawn when the shortlist changes."""

    def __init__(self, plan: Plan, catalog: pd.DataFrame) -> None:
        super().__init__(plan, catalog)
        self.chart = w.Image(format="png", layout=w.Layout(width="720px"))
        self.note = w.HTML()
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
        self.chart.value = png(shortlist_figure(points))
        notes = []
        if flt.person_scores(self.plan) is None:
            notes.append(NO_FIT)
        no_pay = points.loc[points["pay"].isna(), "title"]
        if len(no_pay):
            notes.append(f"Not shown, pay unknown: {', '.join(no_pay)}.")
        self.note.value = "<br>".join(note_html(n) for n in notes)


def _option_line(option: Option, catalog: pd.DataFrame) -> str:
    """One option as a line of HTML: title, where it comes from, pay, dropped reason."""
    e = html.escape
    if option.custom:
        source, pay = "your own", money(option.median_wage)
    else:
        known = option.code in catalog.index
        pay = money(catalog.at[option.code, "median_wage"]) if known else "unknown"
        source = option.code if known else f"{option.code}, no longer in the catalogue"
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


def shortlist(plan: Plan, catalog: pd.DataFrame) -> Shortlist:
    """Add occupations (from the catalogue or your own) to the shortlist, or remove them."""
    return Shortlist(plan, catalog)


def questions(plan: Plan, catalog: pd.DataFrame) -> Questions:
    """The six exploring questions for each option on the shortlist."""
    return Questions(plan, catalog)


def narrow_down(plan: Plan, catalog: pd.DataFrame) -> NarrowDown:
    """Drop options with a reason, or restore them."""
    return NarrowDown(plan, catalog)


def shortlist_chart(plan: Plan, catalog: pd.DataFrame) -> ShortlistChart:
    """The remaining options' pay against interest fit."""
    return ShortlistChart(plan, catalog)
