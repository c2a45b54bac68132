"""Step 2 widgets: "Similar to the jobs I have done", each occupation one click to shortlist."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w
import pandas as pd

from careerkit import palette
from careerkit.catalog import CatalogError, money
from careerkit.catalog.local_pay import area_name
from careerkit.plan import Plan
from careerkit.report.why_html import why_line_html
from careerkit.steps import past_jobs as pj
from careerkit.steps import similar_jobs as sj
from careerkit.steps.explore import filters as flt
from careerkit.steps.explore import shortlist as sl
from careerkit.steps.explore import why
from careerkit.ui.explore_panel import Panel, add_code
from careerkit.ui.kit import lean
from careerkit.ui.kit.callbacks import guarded
from careerkit.ui.kit.fold import fold, retitle
from careerkit.ui.kit.messages import message_html, note_html

#: Occupations listed.
SHOWN = 15
NO_JOBS = (
    "Add the jobs you have done in 01 (“Jobs I have done”, above your skills list) to see "
    "the occupations closest in skills to them here."
)
OWN_JOBS_ONLY = (
    "The jobs you added in 01 are under your own titles, which have no O*NET skill figures: "
    "add the catalog occupation closest to each in 01 (“Jobs I have done”) to see this list."
)
SIMILARITY_RULE = (
    "Closest in skills: each occupation's O*NET skills (importance x level) compared with "
    "those of your jobs (cosine, 0-100). Gaps are the skill, your level → its level, on "
    "O*NET's 0-7 scale (yours: your rating in 01 x 7/5, else your jobs' level)."
)


def zone_words(change: Any) -> str:
    """A job-zone change in words: "+1 (more preparation)", "same", "unknown"."""
    if pd.isna(change):
        return "unknown"
    change = int(change)
    if change == 0:
        return "same preparation"
    more = "more" if change > 0 else "less"
    return f"{change:+d} ({more} preparation)"


def pay_words(change: Any) -> str:
    """A median pay change in words: "+$5,000 a year", "unknown"."""
    if change == sj.UNKNOWN or pd.isna(change):
        return "unknown"
    sign = "+" if change >= 0 else "−"
    return f"{sign}{money(abs(float(change)))} a year"


class SimilarJobs(Panel):
    """The occupations whose skills are closest to the jobs the person has done (01), with
    what carries over, the biggest gaps and the change in preparation and local pay."""

    def __init__(self, plan: Plan, catalog: pd.DataFrame, n: int = SHOWN) -> None:
        super().__init__(plan, catalog)
        self.buttons: dict[str, w.Button] = {}
        self.intro, self.list = lean.html(), lean.vbox()
        self.table = self._similar(n)
        # Optional: folded once the person has a shortlist (open until then, as a start);
        # without a list (no jobs done, or no figures) its message is shown open.
        folded = bool(plan.exploration.options)
        self.fold = fold(self._title(), self.intro, self.list, folded=folded)
        shown = self.fold if self.table is not None else self.intro
        self.children = [shown, self.message, self.saver.status, self.errors]
        self._fill()
        self.render()

    def _title(self) -> str:
        """The fold's bar: how many occupations it lists, and how many are shortlisted."""
        if self.table is None:
            return ""
        on_list = sum(sl.find_option(self.plan, str(c)) is not None for c in self.table["code"])
        listed = flt.counted(len(self.table), "occupation")
        title = f"{listed} closest in skills to the jobs you have done"
        return title + (f" ({on_list} on your shortlist)" if on_list else "")

    def _similar(self, n: int) -> pd.DataFrame | None:
        """The table of similar occupations, or None (and a message saying why)."""
        codes = pj.past_codes(self.plan, self.catalog)
        if not codes:
            jobs = self.plan.dream_job.past_jobs
            self.intro.value = message_html(OWN_JOBS_ONLY if jobs else NO_JOBS, "info")
            return None
        try:
            table = sj.similar_occupations(
                codes, self.catalog, person_levels=flt.person_levels(self.plan), n=n
            )
        except CatalogError as err:
            self.intro.value = message_html(str(err), "warn")
            return None
        if table.empty:
            self.intro.value = message_html(
                "O*NET gives your jobs no skill figures, so no occupation can be compared "
                "with them; browse the table above instead.",
                "info",
            )
            return None
        titles = [str(self.catalog.at[c, "title"]) for c in codes]
        place = area_name(self.plan.profile.area, self.catalog)
        self.intro.value = (
            f"<b>Closest in skills to the jobs you have done</b> "
            f"<small>({html.escape(', '.join(titles))})</small>. Job zone and pay changes "
            f"are from {html.escape(titles[0])}, your current or most recent job; pay is the "
            f"median for {html.escape(place)}. Click + to add one to your shortlist.<br>"
            + note_html(SIMILARITY_RULE)
            + "<br>"  # two rules, two paragraphs (not "...level).Why it is...")
            + note_html(why.WHY_RULE)
        )
        return table

    def _fill(self) -> None:
        if self.table is None:
            return
        rows = []
        # the gaps of the line count the jobs done, as the table's own gaps do
        reasons = why.explain_all(self.table["code"], self.plan, self.catalog, from_jobs=True)
        for row in self.table.itertuples(index=False):
            code = str(row.code)
            button = lean.button(
                icon="plus",
                tooltip=f"Add {row.title} to your shortlist",
                layout={"width": "44px"},
            )
            add = lambda _, code=code: self._try(lambda: add_code(self, code))  # noqa: E731
            button.on_click(guarded(self.errors)(add))
            self.buttons[code] = button
            line = _line(row) + "<br>" + why_line_html(reasons.get(code), max_width=None)
            # the text takes the room beside the button and wraps there (never below it)
            text = lean.html(line, layout={"flex": "1 1 0%", "min_width": "0"})
            rows.append(lean.hbox([button, text], layout={"flex_flow": "row nowrap"}))
        self.list.children = rows

    def render(self) -> None:
        """Mark the occupations already on the shortlist, and count them on the fold's bar."""
        retitle(self.fold, self._title())
        for code, button in self.buttons.items():
            on_list = sl.find_option(self.plan, code) is not None
            button.disabled = on_list
            button.icon = "check" if on_list else "plus"


def _line(row: Any) -> str:
    """One similar occupation as HTML: title, similarity, carries over, gaps, changes."""
    e = html.escape
    nowrap = "<span style='white-space:nowrap'>"  # "Job zone: +2 (...)" not split at a space
    return (
        f"<b>{e(row.title)}</b> <small style='color:{palette.DARK_GREY};white-space:nowrap'>"
        f"{e(row.code)}</small> · "
        f"similarity <b>{row.similarity:.1f}</b><br><small>"
        f"<b>Carries over:</b> {e(row.carries_over or 'none of the skills that matter most')}"
        f" · <b>Biggest gaps:</b> {e(row.gaps.replace(' -> ', '→') if row.gaps else 'none')}"
        f" · {nowrap}<b>Job zone:</b> {e(zone_words(row.job_zone_change))}</span>"
        f" · {nowrap}<b>Pay:</b> {e(pay_words(row.pay_change))}</span></small>"
    )
