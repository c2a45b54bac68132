"""Step 2 widgets, shared: the panels' base class, their refreshing, related occupations.

The panels of one plan keep each other up to date (they follow the plan's "exploration"
section, :mod:`careerkit.ui.kit.plan_signal`): an occupation added in the browser appears at
once in the shortlist, the questions, the narrowing-down list and the chart.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as w
import pandas as pd

from careerkit.plan import Plan
from careerkit.steps.explore import occupation as occ
from careerkit.steps.explore import shortlist as sl
from careerkit.ui.kit import lean
from careerkit.ui.kit.autosave import Saver
from careerkit.ui.kit.callbacks import guarded
from careerkit.ui.kit.messages import message_html
from careerkit.ui.kit.plan_signal import follow, plan_changed

NO_FIT = "Take the interest quiz in 01 to see your fit: until then the table has no fit column."
NO_SKILLS = (
    "List your skills in 01 (from the catalog's list, or filled from the jobs you have done) "
    "to see how well they match each occupation."
)
EMPTY_SHORTLIST = "Shortlist some occupations first: use the table or the shortlist above."
WRAP = lean.wrap()  # shared: never change it


class Panel(w.VBox):
    """A panel of this step: the plan, the catalogue, a saver and an error area."""

    def __init__(self, plan: Plan, catalog: pd.DataFrame) -> None:
        super().__init__(layout=lean.layout(width="100%"))
        self.plan, self.catalog = plan, catalog
        self.saver = Saver(plan)
        self.errors = lean.output()
        self.message = lean.html()
        self._speaking = False  # this panel made the change being announced
        follow(plan, self.shortlist_changed, "exploration")

    def shortlist_changed(self) -> None:
        if not self._speaking:  # another panel changed the shortlist: this line is stale
            self.message.value = ""
        guarded(self.errors)(self.render)()

    def render(self) -> None:
        """Show the plan as it is now (each panel defines it)."""
        raise NotImplementedError

    def _changed(self, text: str = "") -> None:
        """Save the shortlist, say what happened, and refresh every panel of this plan."""
        self.message.value = message_html(text, "good") if text else ""
        self.saver.request("exploration")
        self._speaking = True
        try:
            plan_changed(self.plan, "exploration")
        finally:
            self._speaking = False

    def _try(self, action: Callable[[], str]) -> None:
        """Run a shortlist change; a refusal is shown as a message and nothing changes."""
        try:
            done = action()
        except sl.ShortlistError as err:
            self.message.value = message_html(str(err), "error")
            return
        self._changed(done)


# --- related occupations -------------------------------------------------------------


class RelatedList(w.VBox):
    """O*NET's related occupations of one occupation, each a button that shortlists it."""

    def __init__(self, panel: Panel, heading: str) -> None:
        super().__init__(layout=lean.layout())
        self.panel, self.heading = panel, heading
        self.code: str | None = None
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
        head = lean.html(f"<b>{html.escape(self.heading)}</b> <small>like {title}</small>")
        self.children = [head, lean.make(w.Box, list(self.buttons.values()), layout=WRAP)]
        self.refresh()

    def refresh(self) -> None:
        """Mark the ones already on the shortlist."""
        for code, button in self.buttons.items():
            on_list = sl.find_option(self.panel.plan, code) is not None
            button.disabled = on_list
            button.icon = "check" if on_list else "plus"

    def _button(self, code: str, title: str, tier: str) -> w.Button:
        button = lean.button(
            description=title,
            tooltip=f"{title} ({code}); O*NET relatedness: {tier}",
            layout={"width": "auto", "max_width": "100%"},
        )
        add = lambda _: self.panel._try(lambda: add_code(self.panel, code))  # noqa: E731
        button.on_click(guarded(self.panel.errors)(add))
        return button


def add_code(panel: Panel, code: str) -> str:
    """Shortlist a catalogue occupation; the message to show."""
    option = sl.add_option(panel.plan, sl.catalog_option(panel.catalog, code))
    return f"Added “{option.title}” to your shortlist."
