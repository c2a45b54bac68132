"""Step 2 widgets: the catalogue browser (filters, the occupations table, the occupation card)."""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

import ipywidgets as w
import pandas as pd

from careerkit.catalog import (
    EDUCATION,
    JOB_ZONES,
    JOB_ZONES_4,
    money,
    search,
    tables_of,
    zones_present,
)
from careerkit.plan import Plan
from careerkit.report import explore_html as render
from careerkit.steps.explore import filters as flt
from careerkit.steps.explore import occupation as occ
from careerkit.steps.explore import shortlist as sl
from careerkit.steps.explore import why
from careerkit.text import join_words
from careerkit.ui.explore_panel import NO_FIT, NO_SKILLS, WRAP, Panel, RelatedList
from careerkit.ui.kit import lean
from careerkit.ui.kit.callbacks import guarded, quietly
from careerkit.ui.kit.fields import WIDE
from careerkit.ui.kit.fold import fold, retitle
from careerkit.ui.kit.messages import message_html, note_html
from careerkit.ui.kit.row_table import RowTable

ROWS_SHOWN = 40
#: The table scrolls inside a box this tall, so the profile picker above it and the card
#: below it stay close to each other.
TABLE_HEIGHT = "420px"
#: A text that keeps its full width in a row of controls (a Label would be cut to 80 px).
WHOLE = lean.layout(width="auto", flex="0 0 auto")  # shared: never change it
#: What a returning person (a shortlist) does next, said above the search.
RETURNING_NEXT = (
    "Next: answer each option's questions, drop the ones your research rules out, then go "
    "on to 03 Compare your options; search here to find more."
)
#: Where the profile shows until a row is picked.
PICK_HINT = (
    "Click an occupation in the table (or choose it in See the profile of) to see its "
    "profile here, with related occupations to shortlist."
)
#: The folded filters' bar when none is set (the search stays open above it).
FILTERS_TITLE = "Filter and sort: interest fit, skills match, job zone, education, pay, outlook"


def scrolling(content: str, name: str) -> str:
    """``content`` in a box of at most TABLE_HEIGHT that scrolls; it takes the keyboard focus
    (arrow keys scroll it) and a screen reader names it ``name``."""
    return (
        f'<div class="ck-scroll" tabindex="0" role="region" aria-label="{html.escape(name)}" '
        f'style="max-height:{TABLE_HEIGHT};overflow:auto">{content}</div>'
    )


class Browser(Panel):
    """Filter and sort the catalogue, see one occupation's card, add it to the shortlist."""

    def __init__(self, plan: Plan, catalog: pd.DataFrame, rows: int = ROWS_SHOWN) -> None:
        super().__init__(plan, catalog)
        self.rows = rows  # rows shown at first, and added by "Show more"
        self.shown = rows
        self.scores = flt.person_scores(plan)
        self.fit = flt.fit_for(plan, catalog)
        self.skills = flt.skills_for(plan, catalog)  # skills match of every occupation, or None
        self.code: str | None = None  # the occupation on the card
        self.quiet = False  # True while widgets are set from code: no re-render per change
        self._build()
        self._lay_out()
        self._wire()
        self.render()
        self.where.value = self._where()
        # A person starting sees the first row's profile, as an example; a returning person
        # (a shortlist) came back for it, not for a profile they did not ask for.
        if self.pick.options and not plan.exploration.options:
            self.pick.index = 0
        else:
            self.card.value = note_html(PICK_HINT)

    def _build(self) -> None:
        wages = self.catalog["median_wage"].dropna()
        low = int(wages.min() // 10_000 * 10_000) if len(wages) else 0
        high = int(-(-wages.max() // 10_000) * 10_000) if len(wages) else 10_000
        wide = {"width": "460px", "max_width": "100%", "flex": "0 0 auto"}  # label and track
        slider = {"style": WIDE, "continuous_update": False, "layout": wide}
        self.search = lean.make(
            w.Text,
            description="Search",
            placeholder="words from a title or description, e.g. clinic schedule",
            style=WIDE,
            layout={"width": "60%"},
        )
        self.min_fit = lean.make(
            w.IntSlider, value=0, min=0, max=100, step=5, description="Interest fit at least",
            **slider,
        )  # fmt: skip
        self.min_skills = lean.make(
            w.IntSlider, value=0, min=0, max=100, step=5, description="Skills match at least",
            **slider,
        )  # fmt: skip
        self.zones = zones_present(self.catalog) or (1, 5)  # 30.x: 2-5 (zones 1 and 2 merged)
        first, last = self.zones[0], self.zones[-1]
        self.zone = lean.make(
            w.IntRangeSlider, value=(first, last), min=first, max=last, description="Job zone",
            **slider,
        )  # fmt: skip
        self.education = lean.make(
            w.Dropdown,
            options=[("any", ""), *((e, e) for e in EDUCATION)],  # None would show blank
            description="Education needed, at most",
            style=WIDE,
        )
        self.pay = lean.make(
            w.IntRangeSlider, value=(low, high), min=low, max=high, step=5_000, readout=False,
            readout_format="$,d",  # the handles' value texts (careerkit.ui.kit.a11y): "$50,000"
            description="Median pay a year", **slider,
        )  # fmt: skip
        self.pay_readout = lean.html(layout=WHOLE)  # the slider's own readout cuts "$250,000"
        self.unknown_pay = lean.make(
            w.Checkbox,
            False,
            description="also show occupations without a yearly median (unknown, or hourly only)",
            indent=False,
            layout={"width": "auto", "margin": "0 0 0 24px"},
        )
        self.outlooks = {
            label: lean.make(
                w.Checkbox, True, description=label, indent=False, layout={"width": "auto"}
            )
            for label in flt.OUTLOOKS
        }
        sorts = [
            (name, key)
            for key, name in flt.sorts_for(
                self.catalog, self.fit is not None, self.skills is not None
            ).items()
        ]
        self.sort = lean.make(w.Dropdown, options=sorts, description="Sort by", style=WIDE)
        self.order = lean.make(
            w.Dropdown,
            options=[("high to low, Z to A", False), ("low to high, A to Z", True)],
            value=self.fit is None,
            description="Order",
            style=WIDE,
        )
        self.reset = lean.button(description="Reset filters", icon="undo")
        self.count = lean.html()
        # A click on a row (or Enter on its title) picks it.
        self.table = RowTable(layout=lean.layout())
        self.table_box = lean.make(w.Box, [self.table], layout={"width": "100%"})
        self.more = lean.button(icon="angle-down", layout=w.Layout(width="auto"))  # it hides
        self.pick = lean.make(w.Dropdown, description="See the profile of", style=WIDE)
        self.add = lean.button(description="Add to shortlist", icon="plus", button_style="success")
        self.card = lean.html()
        self.where = lean.html()
        self.related = RelatedList(self, "Related occupations (O*NET), one click to shortlist:")

    def _lay_out(self) -> None:
        levels = tables_of(self.catalog).info().job_zone_levels
        words = JOB_ZONES_4 if levels == 4 else JOB_ZONES
        zones = "; ".join(f"{z} = {words.get(z, 'unknown')}" for z in self.zones)
        if levels == 4:
            zones += " (this O*NET release merges zones 1 and 2 into one level, shown as 2)"
        fit: list[w.Widget] = [self.min_fit] if self.fit is not None else []
        nudges = [] if self.fit is not None else [lean.html(message_html(NO_FIT, "info"))]
        if self.skills is not None:
            fit += [self.min_skills, lean.html(note_html(flt.SKILLS_MATCH_RULE))]
        else:
            nudges.append(lean.html(message_html(NO_SKILLS, "info")))
        fit.append(lean.html(note_html(why.WHY_RULE)))
        outlook = lean.html("Job outlook:", layout=WHOLE)
        # Optional, and never saved: folded for everyone, its bar says which filters are set.
        self.filter_fold = fold(
            FILTERS_TITLE,
            lean.hbox(fit, layout=WRAP),
            lean.hbox([self.zone, self.education], layout=WRAP),
            lean.html(note_html(f"Job zone is the preparation needed: {zones}.")),
            lean.hbox([self.pay, self.pay_readout, self.unknown_pay], layout=WRAP),
            lean.hbox([outlook, *self.outlooks.values()], layout=WRAP),
            lean.hbox([self.sort, self.order, self.reset], layout=WRAP),
            folded=True,
        )
        self.children = [
            self.where,  # a returning person: where the shortlist is, and what to do next
            self.search,
            *nudges,  # no quiz or no skills yet: said open, it is something to do in 01
            self.filter_fold,
            self.count,
            lean.hbox([self.pick, self.add], layout=WRAP),  # above the table, not 40 rows below
            self.table_box,
            self.more,
            self.message,
            self.card,
            self.related,
            self.saver.status,
            self.errors,
        ]

    def _wire(self) -> None:
        controls = [self.search, self.min_fit, self.min_skills, self.zone, self.education]
        controls.append(self.pay)
        controls += [self.unknown_pay, *self.outlooks.values(), self.sort, self.order]
        for control in controls:
            control.observe(guarded(self.errors)(self._on_filter), names="value")
        self.pick.observe(guarded(self.errors)(self._on_pick), names="value")
        self.table.observe(guarded(self.errors)(self._on_row), names="picked")
        self.add.on_click(guarded(self.errors)(lambda _: self._try(self._add)))
        self.reset.on_click(guarded(self.errors)(lambda _: self.reset_filters()))
        self.more.on_click(guarded(self.errors)(lambda _: self._show_more()))

    @property
    def filters(self) -> flt.Filters:
        """The filters as the widgets show them."""
        low, high = self.pay.value
        zone = self.zone.value  # the whole slider (the zones the catalogue has): no filter
        zone = flt.Filters().job_zone if zone == (self.zone.min, self.zone.max) else zone
        return flt.Filters(
            search=self.search.value,
            min_fit=self.min_fit.value,
            min_skills=self.min_skills.value,
            job_zone=zone,
            max_education=self.education.value or None,
            pay=(low if low > self.pay.min else None, high if high < self.pay.max else None),
            unknown_pay=self.unknown_pay.value,
            outlooks=frozenset(label for label, box in self.outlooks.items() if box.value),
            sort_by=self.sort.value,
            ascending=self.order.value,
        )

    def _on_filter(self, _: dict[str, Any]) -> None:
        if not self.quiet:
            self.shown = self.rows  # a new search or filter starts at the first rows again
            self.render()

    def _show_more(self) -> None:
        self.shown += self.rows
        self.render()

    def render(self) -> None:
        """Filter, sort and show the table; the card follows it (cleared when its row goes)."""
        low, high = self.pay.value
        self.pay_readout.value = f"{money(low)} – {money(high)}"
        filters = self.filters
        retitle(self.filter_fold, self._filters_title(filters))
        rows = flt.apply_filters(self.catalog, filters, self.fit, self.skills)
        spelling = ""
        if rows.empty and (nearer := search.nearest_words(self.catalog, filters.search)):
            found = flt.apply_filters(
                self.catalog, replace(filters, search=nearer), self.fit, self.skills
            )
            if not found.empty:
                rows = found
                spelling = (
                    f"No occupation has “{filters.search.strip()}”; showing those for "
                    f"“{nearer}”, the nearest title words."
                )
        top = rows.head(self.shown)
        count = flt.count_text(len(top), len(rows), len(self.catalog))
        self.count.value = f"<b>{html.escape(count)}</b>" + (
            message_html(spelling, "info") if spelling else ""
        )
        more = min(self.rows, len(rows) - len(top))
        self.more.description = f"Show {more} more ({len(rows) - len(top):,} not shown)"
        self.more.layout.display = None if more > 0 else "none"
        if rows.empty:
            hint = flt.loosen_hint(self.catalog, filters, self.fit, self.skills)
            self.table.value = message_html(hint, "warn")
        else:
            reasons = why.explain_all(top.index, self.plan, self.catalog, fit=self.fit)
            table = render.table_html(top, self.scores, reasons)
            self.table.value = scrolling(table, "Occupations")
        self._set_choices(top)

    def _where(self) -> str:
        """The shortlist's count and what to do next, once there is a shortlist ("" before)."""
        if not self.plan.exploration.options:
            return ""
        summary = html.escape(sl.shortlist_summary(self.plan))
        return f"<b>Your shortlist: {summary}</b> (further down). " + html.escape(RETURNING_NEXT)

    def _filters_title(self, filters: flt.Filters) -> str:
        """The folded filters' bar: which are set (a filter hidden in a fold still narrows)."""
        unsearched = replace(filters, search="")  # the search box is shown above the fold
        names = [
            flt.FILTER_NAMES[key].removeprefix("the ")
            for key in flt.filter_masks(self.catalog, unsearched, self.fit, self.skills)
        ]
        if not names:
            return FILTERS_TITLE
        return f"Filter and sort ({flt.counted(len(names), 'filter')} set: {join_words(names)})"

    def _set_choices(self, top: pd.DataFrame) -> None:
        keep = self.pick.value
        with quietly(self):
            self.pick.options = list(zip(top["title"], top.index, strict=True))
            self.pick.value = keep if keep in top.index else None
        self.table.picked = self.pick.value
        if self.code is not None and self.code not in top.index:
            self._clear_card()

    def _clear_card(self) -> None:
        """The shown occupation left the table: clear its card and say so."""
        title = self.catalog.at[self.code, "title"] if self.code in self.catalog.index else ""
        self.code = None
        self.card.value = ""
        self.related.show(None)
        self.message.value = note_html(
            f"The profile of “{title}” was closed: the search and filters no longer show it. "
            "Pick a row to see its profile."
        )
        self.shortlist_changed()

    def _on_row(self, change: dict[str, Any]) -> None:
        """A row clicked in the table: pick it as the picker would."""
        if change["new"] in (code for _, code in self.pick.options):  # not a row since gone
            self.pick.value = change["new"]

    def _on_pick(self, change: dict[str, Any]) -> None:
        if self.quiet or change["new"] is None:
            return
        self.code = self.table.picked = change["new"]
        card = occ.profile_card(self.catalog, self.code, self.plan)
        reason = why.explain_all([self.code], self.plan, self.catalog, fit=self.fit)[self.code]
        self.card.value = render.card_html(card, reason)
        self.message.value = ""
        self.related.show(self.code)
        self.shortlist_changed()

    def shortlist_changed(self) -> None:
        self.related.refresh()
        self.where.value = self._where()
        on_list = self.code is not None and sl.find_option(self.plan, self.code) is not None
        self.add.disabled = self.code is None or on_list
        self.add.description = "On your shortlist" if on_list else "Add to shortlist"
        title = self.catalog.at[self.code, "title"] if self.code in self.catalog.index else ""
        self.add.tooltip = (  # names the occupation the button is about
            f"{title} is on your shortlist"
            if on_list
            else f"Add {title} to your shortlist"
            if title
            else "Pick an occupation first"
        )

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
            self.min_skills.value = 0
            self.zone.value = (self.zone.min, self.zone.max)
            self.education.value = ""
            self.pay.value = (self.pay.min, self.pay.max)
            self.unknown_pay.value = False
            for box in self.outlooks.values():
                box.value = True
            self.sort.value = self.sort.options[0][1]
            self.order.value = self.fit is None
        self.shown = self.rows
        self.render()
