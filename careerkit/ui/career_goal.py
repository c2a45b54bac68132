"""Notebook 05's "A career goal you can say": the interview answer and the résumé objective.

"Draft from my answers" fills both boxes from the plan (:mod:`careerkit.steps.career_goal`);
the person edits them, and what they type is saved as they go (``Saver("long_term")``). A
redraft never replaces a text the person has edited: the new draft is shown beside it,
with "Use this draft" and "Keep mine". Under each box, the vague-word check with its hints.
"""

from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd

from careerkit import palette
from careerkit.plan import Plan
from careerkit.steps import career_goal as rules
from careerkit.steps.career_goal import FIELDS, LABELS, CareerGoalInputError, Field
from careerkit.steps.short_term.goals import direction_title
from careerkit.ui.kit import buttons, lean
from careerkit.ui.kit.autosave import Saver
from careerkit.ui.kit.callbacks import guarded, quietly
from careerkit.ui.kit.fields import WIDE, show, text_area
from careerkit.ui.kit.fold import fold
from careerkit.ui.kit.messages import message_html
from careerkit.ui.kit.plan_signal import plan_changed

SECTION = "long_term"
PLACEHOLDERS = {
    "interview": "e.g. In five years I see myself working as a registered nurse on a cardiac "
    "unit. Six years as a retail sales supervisor taught me...",
    "objective": "e.g. Retail sales supervisor with 6 years of experience that taught me to "
    "lead a team, seeking a role as a registered nurse.",
}
ROWS = {"interview": 6, "objective": 2}
#: The bar over the drafting controls once both texts are written (they are then optional).
REDRAFT_TITLE = "Draft again from your answers (optional: both texts are written)"


def advice_html(text: str, field: Field) -> str:
    """The live check under a box: what to change (vague words with their hint, notes
    left in [brackets], the length), or that it reads clearly."""
    if not text.strip():
        return message_html("Write it in your own words, or start from a draft.")
    tips = rules.advice(text, field)
    if not tips:
        return message_html(
            "Clear and concrete. Read it aloud once: it should sound like you.", "good"
        )
    items = "".join(f"<li>{html.escape(tip)}</li>" for tip in tips)
    return f'<div style="color:{palette.WARN}"><b>Make it more concrete:</b><ul>{items}</ul></div>'


class Offer(w.VBox):
    """A new draft shown beside the person's own text, with "Use this draft" and "Keep mine"."""

    def __init__(self) -> None:
        self.text = ""
        self.quote = lean.html()
        self.use = buttons.secondary(description="Use this draft", icon="check")
        self.keep = buttons.secondary(description="Keep mine", icon="times")
        super().__init__(
            [self.quote, lean.hbox([self.use, self.keep])], layout=w.Layout(display="none")
        )

    def offer(self, text: str) -> None:
        self.text = text
        self.quote.value = (
            message_html(
                "You have changed this text, so it is kept. A new draft from your answers:",
                "info",
            )
            + f'<blockquote style="border-left:3px solid {palette.GREY};margin:4px 0;'
            f'padding:2px 10px">{html.escape(text)}</blockquote>'
        )
        show(self, True)

    def withdraw(self) -> None:
        self.text = ""
        show(self, False)


class CareerGoalPanel(w.VBox):
    """Two texts to say where you are going, drafted from the plan and edited by the person.

    Once both are written, the drafting controls open folded: the person's texts come first.
    """

    def __init__(self, plan: Plan, catalog: pd.DataFrame) -> None:
        self.plan, self.catalog = plan, catalog
        self.saver = Saver(plan)
        self.out = lean.output()
        self.quiet = False
        chosen = list(plan.comparison.chosen)
        self.direction = lean.make(
            w.Dropdown,
            options=[(direction_title(plan, c, catalog), c) for c in chosen],
            description="Draft for",
            style=WIDE,
            layout=w.Layout(display="" if len(chosen) > 1 else "none"),
        )
        self.notice = lean.html(self._notice())
        self.draft_button = buttons.primary(description="Draft from my answers", icon="pencil")
        self.message = lean.html()
        goal = plan.long_term.career_goal
        self.boxes: dict[Field, w.Textarea] = {
            f: text_area(getattr(goal, f), "", PLACEHOLDERS[f], rows=ROWS[f], name=LABELS[f])
            for f in FIELDS
        }
        self.checks = {f: lean.html(advice_html(getattr(goal, f), f)) for f in FIELDS}
        self.offers = {f: Offer() for f in FIELDS}
        written = all(getattr(goal, f).strip() for f in FIELDS)
        drafting = [self.direction, lean.hbox([self.draft_button])]
        self.drafting = fold(REDRAFT_TITLE, *drafting, folded=True) if written else None
        parts: list[w.Widget] = [
            self.notice,
            *([self.drafting] if self.drafting else drafting),
            self.message,
        ]
        for f in FIELDS:
            label = lean.html(f"<b>{html.escape(LABELS[f])}</b>")
            parts += [label, self.boxes[f], self.offers[f], self.checks[f]]
        super().__init__([*parts, self.saver.status, self.out], layout=lean.layout())
        self._wire()

    def _notice(self) -> str:
        if self.plan.comparison.chosen:
            return ""
        return message_html(
            "No direction chosen yet: choose one in 03. Until then the draft leaves a note "
            "where the job you are aiming for goes.",
            "warn",
        )

    def _wire(self) -> None:
        self.draft_button.on_click(guarded(self.out)(lambda _b: self.draft()))
        for f in FIELDS:
            self.boxes[f].observe(
                guarded(self.out)(lambda ch, f=f: self._typed(f, ch["new"])), names="value"
            )
            self.offers[f].use.on_click(guarded(self.out)(lambda _b, f=f: self.use_offer(f)))
            self.offers[f].keep.on_click(
                guarded(self.out)(lambda _b, f=f: self.offers[f].withdraw())
            )

    @property
    def code(self) -> str:
        """The direction the draft is for ("" when none is chosen)."""
        return str(self.direction.value or "")

    def draft(self) -> None:
        """Draft both texts; a text the person has edited is kept, the draft shown beside it."""
        drafts = rules.draft(self.plan, self.catalog, self.code or None)
        offers = rules.redraft(self.plan, drafts)
        self._show_saved()
        for f in FIELDS:
            if f in offers:
                self.offers[f].offer(offers[f])
            else:
                self.offers[f].withdraw()
        self.message.value = message_html(
            "Your own text is kept; the new draft is below it: use it, or keep yours."
            if offers
            else "Drafted from your answers. Now make both texts yours: change any word.",
            "info",
        )
        self._save()

    def use_offer(self, field: Field) -> None:
        """The person takes the new draft offered for ``field`` in place of their text."""
        rules.use_draft(self.plan, field, self.offers[field].text)
        self.offers[field].withdraw()
        self._show_saved()
        self._save()

    def _show_saved(self) -> None:
        goal = self.plan.long_term.career_goal
        with quietly(self):
            for f in FIELDS:
                self.boxes[f].value = getattr(goal, f)
                self.checks[f].value = advice_html(getattr(goal, f), f)

    def _typed(self, field: Field, text: str) -> None:
        self.checks[field].value = advice_html(text, field)
        if self.quiet:
            return
        try:
            rules.set_text(self.plan, field, text)
        except CareerGoalInputError as err:
            self.message.value = message_html(f"Not saved: {err}", "error")
            return
        self.message.value = ""
        self._save()

    def _save(self) -> None:
        self.saver.request(SECTION)
        plan_changed(self.plan, SECTION)


def panel(plan: Plan, catalog: pd.DataFrame) -> CareerGoalPanel:
    """The "A career goal you can say" panel for notebook 05."""
    return CareerGoalPanel(plan, catalog)


__all__ = ["CareerGoalPanel", "panel", "advice_html"]
