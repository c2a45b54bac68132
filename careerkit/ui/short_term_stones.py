"""Step 4 widget: "a job on the way" to a chosen direction, offered as a short-term goal.

Each chosen direction's first stepping stones (:func:`careerkit.steps.stepping_stones.stone_drafts`)
as a goal text the person can edit before adding it; added, it is a normal goal (with its
stone saved on it), appended through 04's goal editor, never replacing one.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

import ipywidgets as w
import pandas as pd

from careerkit import palette
from careerkit.catalog import CatalogError
from careerkit.plan import Goal, Plan
from careerkit.steps import stepping_stones as ss
from careerkit.steps.past_jobs import past_codes
from careerkit.steps.short_term.goals import direction_title
from careerkit.ui.kit import buttons, lean
from careerkit.ui.kit.callbacks import guarded
from careerkit.ui.kit.messages import message_html

HEADING = "A job on the way"
INTRO = (
    "A stepping stone from 03: a job that builds the skills of your target and pays about "
    "what you earn now. Edit the goal in your own words, then add it; it joins your goals "
    "above like any other."
)
NOTHING = "No job on the way to offer: {why}"


class JobOnTheWay(w.VBox):
    """The drafts, each an editable text with an "Add as my goal" button.

    ``add(**fields)`` adds a goal (04's editor: checked, shown, saved) or returns None,
    with ``problem()`` saying why."""

    def __init__(
        self,
        plan: Plan,
        catalog: pd.DataFrame,
        add: Callable[..., Goal | None],
        problem: Callable[[], str],
        today: date | None = None,
    ) -> None:
        self.plan, self.add_goal, self.problem = plan, add, problem
        self.out = lean.output()
        said, paths = [], []
        try:
            paths = ss.read_coach_paths(ss.coach_file(), catalog)
        except ss.SteppingStonesError as mistake:
            said.append(lean.html(message_html(str(mistake), "warn")))
        failed = False
        try:
            self.drafts = ss.stone_drafts(plan, catalog, paths, today)
        except CatalogError as problem:  # e.g. a catalog imported with top skills only
            said.append(lean.html(message_html(str(problem), "warn")))
            self.drafts, failed = [], True
        self.texts = [
            lean.make(
                w.Textarea,
                value=draft.text,
                tooltip="A job on the way, as your goal",
                layout=w.Layout(width="95%", height="5em"),  # as every box (100% overflows)
            )
            for draft in self.drafts
        ]
        self.buttons = [
            buttons.secondary(description="Add as my goal", icon="plus") for _ in self.drafts
        ]
        self.messages = [lean.html() for _ in self.drafts]
        items = [
            self._item(*parts)
            for parts in zip(self.drafts, self.texts, self.buttons, self.messages, strict=True)
        ]
        if not self.drafts and not failed:
            said.append(lean.html(message_html(NOTHING.format(why=self._why_none(catalog)))))
        head = lean.html(f"<h4>{HEADING}</h4>" + (message_html(INTRO) if self.drafts else ""))
        super().__init__([head, *said, *items, self.out], layout=lean.layout())
        for i, button in enumerate(self.buttons):
            button.on_click(guarded(self.out)(lambda _b, i=i: self.accept(i)))

    def _why_none(self, catalog: pd.DataFrame) -> str:
        if not self.plan.comparison.chosen:
            return "choose a direction in 03 first."
        if not past_codes(self.plan, catalog):
            said = ss.OWN_TITLES_ONLY if self.plan.dream_job.past_jobs else ss.NO_JOBS
            return said[0].lower() + said[1:]
        if any(g.stone for g in self.plan.short_term_goals.goals if g.status != "dropped"):
            return "your goals already name the stepping stones 03 found."
        return "03 found no stepping stone toward your chosen directions."

    def _item(self, draft: Goal, text: w.Textarea, button: w.Button, said: w.HTML) -> w.VBox:
        toward = direction_title(self.plan, draft.direction)
        note = (
            f"<small style='color:{palette.DARK_GREY}'>{html.escape(draft.area)} · due "
            f"in {draft.horizon_months} months · for {html.escape(toward)} · measure: "
            f"{html.escape(draft.measure)}</small>"
        )
        return lean.vbox([text, lean.html(note), lean.hbox([button, said])])

    def accept(self, i: int) -> Goal | None:
        """Add draft ``i``, with the person's edited text, as a new goal."""
        draft, button = self.drafts[i], self.buttons[i]
        fields = draft.model_dump(
            include={"area", "horizon_months", "due", "measure", "direction", "stone"}
        )
        goal = self.add_goal(text=self.texts[i].value, **fields)
        if goal is None:
            self.messages[i].value = self.problem()
            return None
        button.disabled, button.description, button.icon = True, "Added", "check"
        self.texts[i].disabled = True
        self.messages[i].value = message_html("Added to your goals above.", "good")
        return goal
