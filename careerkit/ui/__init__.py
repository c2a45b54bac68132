"""Widgets for the notebooks: one module per workbook step (named by the notebook's slug),
the banners every step shows, and shared machinery in :mod:`.kit`.

Import the step's module in its notebook, e.g. ``from careerkit.ui import dream_job``.
"""

from __future__ import annotations

import html
import warnings
from importlib import import_module
from types import ModuleType
from typing import Any

import ipywidgets as w
import pandas as pd

from careerkit import palette, paths, workshop
from careerkit.catalog import CatalogError, tables_of
from careerkit.catalog.local_pay import area_name
from careerkit.dates import long_date
from careerkit.plan import Plan
from careerkit.ui.kit import lean
from careerkit.ui.kit.a11y import page_names
from careerkit.ui.kit.theme import theme
from careerkit.workbook import catalog_for


class Banner(w.HTML):
    """The banner at the top of a step. Shown, it brings along the invisible widgets that
    give the page's slider handles their names for screen readers (see ``ui/kit/a11y``) and
    its look (the stylesheet of ``ui/kit/theme``)."""

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return lean.vbox([self, page_names(), theme()])._repr_mimebundle_(**kwargs)


def vision_banner(plan: Plan, *, writing_it_here: bool = False) -> Banner:
    """The person's vision statement and its date, shown at the top of a step.

    On step 01, where the vision is written, pass ``writing_it_here=True``: a missing vision
    then points to the end of this page, not to the page the person is on.
    """
    job = plan.dream_job
    if not job.vision.strip() and writing_it_here:
        text = "<i>No vision statement yet: you write it at the end of this page.</i>"
    elif not job.vision.strip():
        text = "<i>No vision statement yet: write it in <b>01 Define your dream job</b>.</i>"
    else:
        when = f" <small>(written {long_date(job.vision_date)})</small>" if job.vision_date else ""
        text = f"<b>Your vision</b>{when}<br><q>{html.escape(job.vision)}</q>"
    name = html.escape(plan.profile.name) if plan.profile.name else "your plan"
    where = html.escape(paths.shown(plan.path))
    group = workshop_line()
    return lean.make(
        Banner,
        f'<div style="border-left:4px solid {palette.DONE};padding:6px 12px;'
        f'background:{palette.DONE_BACK}">'
        f"<small>Plan of {name} &middot; saved in <code>{where}</code></small>"
        + (f"<br><small>{group}</small>" if group else "")
        + f"<br>{text}</div>",
    )


def workshop_line() -> str:
    """Which workshop file is in force, as HTML: its title and path; "" when there is none.

    A file that cannot be read is named with what is wrong, in red (careerkit's defaults
    are used meanwhile).
    """
    file = paths.workshop_file()
    if not file.is_file():
        return ""
    where = html.escape(paths.shown(file))
    try:
        details = workshop.read_details(file)
    except workshop.WorkshopError as err:
        return (
            f"<span style='color:{palette.ERROR}'>Workshop file <code>{where}</code> "
            "cannot be used: "
            f"{html.escape(str(err))}</span>"
        )
    title = f"<b>{html.escape(details.title)}</b>" if details.title else "a workshop"
    coach = f" with {html.escape(details.coach)}" if details.coach else ""
    return f"Workshop: {title}{coach} &middot; its settings come from <code>{where}</code>"


def workshop_banner() -> w.HTML:
    """The workshop file in force (title, coach, path), or a short line saying there is none."""
    line = workshop_line() or (
        "No workshop file: careerkit's own defaults are used. (A coach's "
        f"<code>{paths.WORKSHOP_FILE}</code> in your workspace would set them.)"
    )
    return lean.make(Banner, f"<small>{line}</small>")  # a Banner: it brings the page's look


def catalog_banner(plan: Plan, catalog: pd.DataFrame | None = None) -> w.HTML:
    """Which catalogue is in use, where its pay figures are for, and its attribution.

    ``catalog`` is the step's (``careerkit.catalog_for(plan)``); without it, the catalogue
    in force is loaded, as the step's own board does.
    """
    try:
        catalog = catalog_for(plan) if catalog is None else catalog
        info = tables_of(catalog).info()
        place = area_name(plan.profile.area, catalog)
    except CatalogError as err:
        return lean.html(f"<div style='color:{palette.ERROR}'>{html.escape(str(err))}</div>")
    local = (
        f"Pay is for <b>{html.escape(place)}</b> where BLS publishes it, else for its state, "
        "else national"
        if plan.profile.area
        else "Pay is national; choose your state or area in <b>00 Start here</b> to see local pay"
    )
    credit = html.escape(info.attribution)
    return lean.html(
        f"<div style='border-left:4px solid {palette.INFO};padding:4px 12px;"
        f"background:{palette.INFO_BACK}'>"
        f"<small>{html.escape(info.line())} {local}."
        + (f"<br><span style='color:{palette.DARK_GREY}'>{credit}</span>" if credit else "")
        + "</small></div>"
    )


#: Widget modules renamed to their notebook's slug (issue 22), and the name they had.
RENAMED = {
    "dream": "dream_job",
    "goals": "short_term",
    "longterm": "long_term",
    "action": "action_plan",
}


def __getattr__(name: str) -> ModuleType:
    """A coach's notebook written before the rename still runs, and is told what to change."""
    if name in RENAMED:
        new = RENAMED[name]
        warnings.warn(
            f"careerkit.ui.{name} is now careerkit.ui.{new}: in your notebook, write "
            f"`from careerkit.ui import {new}` and `{new}.` where it says `{name}.`.",
            FutureWarning,
            stacklevel=2,
        )
        return import_module(f"careerkit.ui.{new}")
    raise AttributeError(f"module 'careerkit.ui' has no attribute {name!r}")
