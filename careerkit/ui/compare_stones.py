"""Step 3 widget: the stepping stones toward each chosen direction, drawn as paths.

Shown under 03's choice: once a direction is chosen, the jobs on the way from the jobs
the person has done (:mod:`careerkit.steps.stepping_stones`), each as now -> stone ->
target with what each step adds (:mod:`careerkit.report.stones_html`); else one line on
what to do first. A coach's stepping-stones file with a mistake is named with its line and
fix, and the rule's stones are shown meanwhile.
"""

from __future__ import annotations

import pandas as pd

from careerkit.catalog import CatalogError
from careerkit.catalog.local_pay import area_name
from careerkit.catalog.values import money
from careerkit.plan import Plan
from careerkit.report.stones_html import figures_words, path_html
from careerkit.steps import stepping_stones as ss
from careerkit.steps.past_jobs import past_codes
from careerkit.ui.kit import lean
from careerkit.ui.kit.messages import message_html, note_html

HEADING = "Jobs on the way"
CHOOSE_FIRST = (
    "Choose a direction above to see the jobs on the way to it from the jobs you have done."
)


def _figures(catalog: pd.DataFrame, code: str) -> str:
    """ "job zone 2, median pay $48,520 a year" from the catalog ("unknown" where none)."""
    zone = ss.job_zone(catalog, code)
    pay, top = ss.median_pay(catalog, code)
    pay_text = f"at least {money(pay)}" if top else money(pay)
    return figures_words("unknown" if zone is None else zone, pay_text)


class StonesPanel:
    """The stepping stones toward the plan's chosen directions; :meth:`update` redraws."""

    def __init__(self, plan: Plan, catalog: pd.DataFrame) -> None:
        self.plan, self.catalog = plan, catalog
        self.html = lean.html()
        self.box = lean.vbox([self.html])
        self.update()

    def update(self) -> None:
        """Redraw for the directions chosen now."""
        self.html.value = self.page()

    def page(self) -> str:
        parts = [f"<h3>{HEADING}</h3>"]
        chosen = list(self.plan.comparison.chosen)
        if not chosen:
            return "".join([*parts, note_html(CHOOSE_FIRST)])
        try:
            paths = ss.read_coach_paths(ss.coach_file(), self.catalog)
        except ss.SteppingStonesError as problem:
            parts.append(message_html(str(problem), "warn"))
            paths = []
        area = area_name(self.plan.profile.area, self.catalog)
        jobs = past_codes(self.plan, self.catalog)
        if not jobs:  # said once, not per direction
            said = ss.OWN_TITLES_ONLY if self.plan.dream_job.past_jobs else ss.NO_JOBS
            return "".join([*parts, message_html(said, "info")])
        for target in chosen:
            try:
                found = ss.for_plan(self.plan, self.catalog, target, paths)
            except CatalogError as problem:
                parts.append(message_html(str(problem), "warn"))
                continue
            if found.message:
                parts.append(message_html(found.message, "info"))
            if len(found.stones):
                parts.append(
                    path_html(
                        found.now,
                        found.title,
                        found.stones,
                        _figures(self.catalog, jobs[0]),
                        _figures(self.catalog, target),
                    )
                )
        parts.append(
            note_html(f"Pay is for {area}. The rule: {RULE} In 04 you can make one a goal.")
        )
        return "".join(parts)


RULE = (
    "a stepping stone is an occupation O*NET relates to your target or your jobs (or to "
    "one of those), closer in skills to both than they are to each other, needing no more "
    "preparation (job zone) than the target, and paying at least 90% of what your most "
    "recent job pays; a job zone or pay the data does not give is said “unknown”."
)
