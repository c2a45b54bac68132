"""Widgets for 00_start: the set-up check, and the person's plan details."""

from __future__ import annotations

import html

import ipywidgets as w

from careerkit import paths
from careerkit.catalog import CatalogError
from careerkit.catalog.local_pay import area_choices
from careerkit.plan import Plan, earlier_versions
from careerkit.steps.start import check_setup
from careerkit.ui.kit import lean
from careerkit.ui.kit.autosave import Saver
from careerkit.ui.kit.callbacks import guarded
from careerkit.workbook import in_app, load_catalog

#: One label column and one field width for every line of the form, so the boxes line up
#: and a workshop's name such as "Spring career-change group 2026" fits.
LABEL_WIDTH = "190px"
FIELD = {"width": "640px", "max_width": "100%"}


def setup_check() -> w.HTML:
    """A table of set-up checks, each with what to do when it fails."""
    checks = check_setup()
    rows = "".join(
        f"<tr><td>{'&#10004;' if c.ok else '&#10008;'}</td>"
        f"<td style='overflow-wrap:normal'>{html.escape(c.name)}</td>"  # whole words on a phone
        f"<td>{html.escape(c.detail)}</td></tr>"
        for c in checks
    )
    note = ""
    if in_app() and not all(c.ok for c in checks):  # the fix is for whoever runs the app
        note = (
            "<p>Something is not set up yet. Show this page to your coach or to whoever "
            "started this app: the notes above tell them what to do.</p>"
        )
    return lean.html(f"<table>{rows}</table>{note}")


class ProfileForm(w.VBox):
    """The person's name, where they live (for pay), and in a workshop their coach; saved."""

    def __init__(self, plan: Plan, saver: Saver | None = None) -> None:
        self.plan, self.saver = plan, saver or Saver(plan)
        profile = plan.profile
        # Text is saved once typing pauses (the saver waits), not only when the box is left.
        self.name = self._text(profile.name, "Your name")
        self.coach = self._text(profile.coach, "Coach (optional)")
        self.workshop = self._text(profile.workshop, "Workshop (optional)")
        self.area = lean.make(
            w.Dropdown,
            description="Where you live (for pay)",
            style={"description_width": LABEL_WIDTH},
            # as wide as the text boxes at least, its longest option whole (ui/kit/theme)
            layout={"min_width": f"min({FIELD['width']}, 100%)"},
        )
        self.area_note = lean.html(layout={"margin": f"0 0 4px {LABEL_WIDTH}"})
        self._fill_areas(profile.area)
        self.errors = lean.output()
        for field in (self.name, self.coach, self.workshop, self.area):
            field.observe(guarded(self.errors)(self._changed), names="value")
        super().__init__(
            [self.name, self.area, self.area_note, self.coach, self.workshop]
            + [self.saver.status, self.errors],
            layout=lean.layout(),
        )

    @staticmethod
    def _text(value: str, description: str) -> w.Text:
        return lean.make(
            w.Text,
            value,
            description=description,
            continuous_update=True,
            style={"description_width": LABEL_WIDTH},
            layout=FIELD,
        )

    def _fill_areas(self, saved: str) -> None:
        try:
            choices = area_choices(load_catalog())  # the areas of the catalog in force
        except CatalogError as err:
            choices, self.area_note.value = [], f"<small>{html.escape(str(err))}</small>"
        codes = [code for _, code in choices]
        if saved and saved not in codes:  # e.g. a metropolitan area of another catalogue
            choices.append((f"area {saved} (not in this catalog: national pay shown)", saved))
        self.area.options = choices or [("the United States (national figures)", "")]
        self.area.value = saved if saved in [c for _, c in self.area.options] else ""
        if not self.area_note.value:
            metro = (
                "Metropolitan areas are listed when the catalog was imported with them "
                "(your coach can do that)."
                if in_app()
                else "Metropolitan areas are listed after an import with <code>--areas</code> "
                "(see docs/data.md)."
            )
            self.area_note.value = (
                "<small>Pay in 02 and 03 is shown for this state or area where BLS publishes "
                f"it, else for its state, else national. {metro}</small>"
            )

    def _changed(self, _change: dict) -> None:
        profile = self.plan.profile
        profile.name = self.name.value.strip()
        profile.coach = self.coach.value.strip()
        profile.workshop = self.workshop.value.strip()
        profile.area = self.area.value or ""
        self.saver.request("profile")


def where_saved(plan: Plan) -> w.HTML:
    """Where the plan lives, how many earlier versions are kept, and how to back it up."""
    copies = len(earlier_versions(plan.path))
    path = html.escape(paths.shown(plan.path))
    return lean.html(
        f"Your plan is saved in <code>{path}</code> "
        f"({copies} earlier version{'s' if copies != 1 else ''} kept in the "
        f"<code>history</code> folder beside it).<br>"
        "To back it up, copy that file (or the whole folder) somewhere safe, e.g. a USB stick "
        "or your cloud drive. "
        + (
            "To move to another computer, copy it to the same place there."
            if in_app()
            else "To move to another computer, copy it there and set "
            "<code>CAREERKIT_PLAN</code> to its path."
        )
    )
