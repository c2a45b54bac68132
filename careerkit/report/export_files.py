"""The written-down plan's files: report, Markdown and calendar, replaced atomically, private.

:func:`write_exports` makes all three in memory first, then replaces each file through a
temporary file and a rename, readable by the person only (like the plan): a broken
character or a full disk leaves the files written before as they were, and says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from careerkit import files, paths
from careerkit.errors import ForThePerson
from careerkit.plan import Plan
from careerkit.report.export import FILE_STEM, report_html
from careerkit.report.export_markdown import report_markdown
from careerkit.report.reminders import calendar_ics

FILE_MODE = files.PRIVATE  # like the plan: the person's notes, readable by them only


class ExportError(ForThePerson, Exception):
    """The plan could not be written down; the message says why and what to do."""


@dataclass(frozen=True)
class Exports:
    html: Path
    markdown: Path
    ics: Path


def write_exports(plan: Plan, catalog: pd.DataFrame, folder: Path | None = None) -> Exports:
    """Write the report (HTML and Markdown) and the calendar file; return their paths.

    All three are made first and each then replaces its file atomically (a temporary
    file, then a rename), readable by the person only: a failure leaves the files
    written before as they were, and raises :class:`ExportError` saying why.
    """
    folder = folder or paths.exports_dir()
    today = date.today()
    made = Exports(
        folder / f"{FILE_STEM}.html", folder / f"{FILE_STEM}.md", folder / f"{FILE_STEM}.ics"
    )
    kept = f"The files written before in {folder} are kept as they were."
    bad = _broken_text(plan.model_dump(mode="python"), "")
    if bad is not None:
        raise ExportError(
            f"Not written down: the answer at {bad} holds a broken character (half of an "
            "emoji or symbol, often pasted from another program). Retype that answer, then "
            f"press the button again. {kept}"
        )
    try:
        contents = [
            (made.html, report_html(plan, catalog, today).encode("utf-8")),
            (made.markdown, report_markdown(plan, catalog, today).encode("utf-8")),
            (made.ics, calendar_ics(plan)),
        ]
    except UnicodeEncodeError as err:  # e.g. a catalogue title with a broken character
        raise ExportError(
            f"Not written down: some text cannot be written as UTF-8 ({err.reason}). {kept}"
        ) from err
    where = folder
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # private, like the files
        for where, data in contents:
            files.write_atomic(where, data, FILE_MODE)
    except OSError as err:
        why = files.why_not_written(where, err, again="press the button again")
        raise ExportError(
            f"Not written down: {where} could not be written because {why}. {kept}"
        ) from err
    return made


def _broken_text(value: object, where: str) -> str | None:
    """Where in the plan a text is that UTF-8 cannot hold (a lone surrogate); None if none."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return where or "top"
        return None
    if isinstance(value, dict):
        items = [(k, f"{where}.{k}".lstrip(".")) for k in value] + [
            (v, f"{where}.{k}".lstrip(".")) for k, v in value.items()
        ]
    elif isinstance(value, (list, tuple)):
        items = [(v, f"{where}.{i}".lstrip(".")) for i, v in enumerate(value)]
    else:
        return None
    return next((found for v, at in items if (found := _broken_text(v, at))), None)
