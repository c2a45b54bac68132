"""The coach's cohort summary widgets: the group's charts and tables, names on or off, export.

The workshop's plans are read once, read-only (:mod:`careerkit.coach.cohort`); the charts are
drawn once. Switching names on or off only redraws the tables that name people.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from pathlib import Path

import ipywidgets as w

from careerkit import paths
from careerkit.coach import cohort
from careerkit.report import cohort_page
from careerkit.ui.kit import buttons
from careerkit.ui.kit.callbacks import guarded
from careerkit.ui.kit.fields import show
from careerkit.ui.kit.file_links import FileLink, FileLinks
from careerkit.ui.kit.messages import message_html, note_html

_YES = {"true", "yes", "y", "on", "1", "show"}
_NO = {"false", "no", "n", "off", "0", "hide", "", "none"}
_NAMED = ("origins", "due", "people", "unreadable")  # the parts whose tables name participants


def names_wanted(value: object) -> tuple[bool, str]:
    """``SHOW_NAMES`` as the coach wrote it: True/False, or a word; anything else hides names.

    Returns whether names show, and a note when the value was not understood.
    """
    if isinstance(value, bool):
        return value, ""
    word = str(value).strip().casefold() if isinstance(value, (str, int)) else None
    if word in _YES:
        return True, ""
    if word in _NO:
        return False, ""
    return False, (
        f"SHOW_NAMES is {value!r}; write True to show names or False to hide them. "
        "Names are hidden."
    )


class CohortBoard:
    """Reads the workshop and holds one widget per part of the summary."""

    def __init__(
        self, workshop: object = None, show_names: object = False, today: date | None = None
    ) -> None:
        wanted, problem = names_wanted(show_names)
        self.names = w.Checkbox(value=wanted, description="Show participants' names", indent=False)
        self.header = w.HTML()
        self.notes = [message_html(problem, "warn")] if problem else []
        self.summary: cohort.Summary | None = None
        self.pngs: dict[str, bytes] = {}
        self.tables = {part.key: w.HTML() for part in cohort_page.PARTS}
        self.panels = {part.key: w.VBox() for part in cohort_page.PARTS}
        self.errors = w.Output()
        self.path = w.Text(
            placeholder="default: the workshop folder",
            description="Save as",
            layout=w.Layout(width="60%"),
        )
        self.button = buttons.primary(description="Export as HTML", icon="download", disabled=True)
        self.written = w.HTML()
        self.page_link = FileLinks()
        self.export_panel = w.VBox(
            [w.HBox([self.path, self.button]), self.page_link, self.written, self.errors]
        )
        # The tables' borders and padding, which JupyterLab does not give a widget's table.
        self.style = w.HTML(f"<style>{cohort_page.TABLE_CSS}</style>")
        show(self.style, False)
        self.header_panel = w.VBox([self.style, self.header, self.names])
        self._read(workshop, today)
        self.names.observe(self._names_changed, "value")
        self.button.on_click(guarded(self.errors)(self._export))

    def _read(self, workshop: object, today: date | None) -> None:
        try:
            folder = cohort.find_workshop(workshop)
        except cohort.CohortError as err:
            self._nothing(message_html(str(err), "error"))
            return
        if folder is None:
            self._nothing(
                message_html(
                    "No workshop folder was found, so there is nothing to summarize. Set "
                    "WORKSHOP in the cell above to the folder `careerkit workshop new` made "
                    '(e.g. WORKSHOP = "~/spring"), or set the CAREERKIT_WORKSHOP environment '
                    "variable, or open this notebook from inside the workshop folder.",
                    "warn",
                )
            )
            return
        self.summary = cohort.summarise(cohort.read_cohort(folder), today)
        self.pngs = cohort_page.chart_pngs(self.summary)
        for part in cohort_page.PARTS:
            image = [w.Image(value=self.pngs[part.key])] if part.key in self.pngs else []
            self.panels[part.key].children = (*image, self.tables[part.key])
        self._placeholder()
        self.button.disabled = False
        self._render()

    def _nothing(self, message: str) -> None:
        self.header.value = "".join(self.notes) + message
        show(self.names, False)

    def _render(self, only: tuple[str, ...] = ()) -> None:
        summary, show = self.summary, self.names.value
        if summary is None:
            return
        self.header.value = "".join(self.notes) + cohort_page.header_html(summary, show)
        for part in cohort_page.PARTS:
            if not only or part.key in only:
                self.tables[part.key].value = part.table(summary, show)

    def _placeholder(self) -> None:
        if self.summary is not None:
            where = cohort_page.default_path(self.summary, self.names.value)
            self.path.placeholder = f"default: {where}"

    def _names_changed(self, _change: dict) -> None:
        self._render(only=_NAMED)
        self._placeholder()
        self.written.value = ""  # an earlier export was made with the other setting
        self.page_link.files = []

    def part(self, key: str) -> w.VBox:
        """One part's chart and table: steps, interests, origins, occupations, areas,
        smart, due, people, unreadable (see :data:`careerkit.report.cohort_page.PARTS`)."""
        return self.panels[key]

    def _export(self, _button: w.Button | None = None) -> Path | None:
        if self.summary is None:
            return None
        typed = self.path.value.strip()
        target = None
        if typed:
            target = Path(typed).expanduser()
            if not target.is_absolute():
                target = self.summary.cohort.folder / target
        try:
            written = cohort_page.write_page(self.summary, target, self.names.value, self.pngs)
        except OSError as err:
            where = (
                err.filename or target or cohort_page.default_path(self.summary, self.names.value)
            )
            self.written.value = message_html(
                f"Not exported: {where} could not be written ({err.strerror or err}). "
                "Choose another folder in 'Save as', one you may write to.",
                "error",
            )
            return None
        names = "with names" if self.names.value else "names hidden"
        self.page_link.show([FileLink(written, "Cohort summary (opens in a new tab)", "", True)])
        self.written.value = (
            note_html(f"({names}), written at {datetime.now():%H:%M} to ")
            + f"<code>{html.escape(paths.shown(written))}</code>"
        )
        return written


def board(workshop: object = None, show_names: object = False) -> CohortBoard:
    """Read the workshop (``WORKSHOP``, else ``$CAREERKIT_WORKSHOP``, else the one this
    notebook is in) and build the summary's widgets."""
    return CohortBoard(workshop, show_names)
