"""Widgets for the notebooks: one module per workbook step, plus shared pieces.

Import the step's module in its notebook, e.g. ``from careerkit.ui import dream``.
"""

from __future__ import annotations

import html

import ipywidgets as w

from careerkit import paths
from careerkit.plan import Plan


def vision_banner(plan: Plan) -> w.HTML:
    """The person's vision statement and its date, shown at the top of later notebooks."""
    job = plan.dream_job
    if not job.vision.strip():
        text = "<i>No vision statement yet: write it in <b>01 Define your dream job</b>.</i>"
    else:
        when = f" <small>(written {job.vision_date:%d %B %Y})</small>" if job.vision_date else ""
        text = f"<b>Your vision</b>{when}<br><q>{html.escape(job.vision)}</q>"
    name = html.escape(plan.profile.name) if plan.profile.name else "your plan"
    where = html.escape(paths.shown(plan.path))
    return w.HTML(
        f'<div style="border-left:4px solid #2e7d32;padding:6px 12px;background:#f4f9f4">'
        f"<small>Plan of {name} &middot; saved in <code>{where}</code></small>"
        f"<br>{text}</div>"
    )
