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
        # The coach's file is read once a page view, and each direction's stones are found
        # once for the jobs and skills they came from: ticking another direction redraws
        # without finding the others' again (each takes about 0.3 s).
        self.coach_problem = ""
        try:
            self.coach_paths = ss.read_coach_paths(ss.coach_file(), catalog)
        except ss.SteppingStonesError as problem:
            self.coach_paths, self.coach_problem = [], str(problem)
        self._drawn: dict[tuple[object, ...], str] = {}
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
        if self.coach_problem:
            parts.append(message_html(self.coach_problem, "warn"))
        area = area_name(self.plan.profile.area, self.catalog)
        jobs = past_codes(self.plan, self.catalog)
        if not jobs:  # said once, not per direction
            said = ss.OWN_TITLES_ONLY if self.plan.dream_job.past_jobs else ss.NO_JOBS
            return "".join([*parts, message_html(said, "info")])
        levels = tuple((k.name, k.level) for k in self.plan.dream_job.skills)
        for target in chosen:
            key = (target, tuple(jobs), levels)
            if key not in self._drawn:
                self._drawn[key] = self._direction(target, jobs)
            parts.append(self._drawn[key])
        parts.append(
            note_html(f"Pay is for {area}. The rule: {RULE} In 04 you can make one a goal.")
        )
        return "".join(parts)

    def _direction(self, target: str, jobs: list[str]) -> str:
        """The stones toward ``target`` as HTML, or a line saying why there are none."""
        try:
            found = ss.for_plan(self.plan, self.catalog, target, self.coach_paths)
        except CatalogError as problem:
            return message_html(str(problem), "warn")
        part = message_html(found.message, "info") if found.message else ""
        if len(found.stones):
            part += path_html(
                found.now,
                found.title,
                found.stones,
                _figures(self.catalog, jobs[0]),
                _figures(self.catalog, target),
            )
        return part


RULE = (
    "a stepping stone is an occupation O*NET relates to your target or your jobs (or to "
    "one of those), closer in skills to both than they are to each other, needing no more "
    "preparation (job zone) than the target, and paying at least 90% of what your most "
    "recent job pays and at most 125% of the target's; a job zone or pay the data does not "
    "give is said “unknown”."
)
