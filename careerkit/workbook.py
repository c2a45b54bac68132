"""The workbook in force for a notebook: the person's plan and the catalog, opened for a step.

What a notebook's first cell calls (:func:`open_plan`, through ``careerkit.open_plan``):
the plan at :func:`careerkit.paths.plan_path`, started with the workshop file's values
when it is new (:func:`careerkit.workshop.start_new_plan`).

Pages of the app are started before the person opens them: ``make app`` keeps one kernel
per step ready (Voila's pre-heated kernels), each running its notebook up to the moment
the plan is read, and waiting there. The slow part (starting Python, importing pandas,
matplotlib and the widgets, reading the catalog) is over before the person asks for the
page; what is theirs (the plan, the workshop file) is read only once they open it, so a
page never shows answers older than the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from careerkit import workshop
from careerkit.plan import Plan
from careerkit.plan import open_plan as open_plan_file

#: Set by Voila in the environment of a kernel started ahead of time.
PREHEATED = "VOILA_PREHEAT"


#: Set by Voila in every kernel it starts for a page (see voila.notebook_renderer).
APP_KERNEL = "VOILA_KERNEL_ID"


def in_app() -> bool:
    """Whether this notebook runs as a page of the no-code app (Voila), not in JupyterLab:
    the app then says what to do in its own terms, never "set a variable" or "run make"."""
    return APP_KERNEL in os.environ or PREHEATED in os.environ


def started_ahead() -> bool:
    """Whether this kernel was started ahead of time and nobody has opened its page yet."""
    return os.environ.get(PREHEATED) == "True"


def wait_for_person() -> None:
    """In a kernel started ahead of time, read the catalogue, then wait until the person
    opens the page; elsewhere (JupyterLab, Voila without pre-heating, tests) return at once."""
    if not started_ahead():
        return
    from careerkit.catalog import CatalogError, load_catalog  # pandas: only paid here

    try:
        load_catalog()  # cached by file and modification time: a later change is read again
    except CatalogError:
        pass  # reported to the person when the step loads it
    from voila.utils import wait_for_request  # only ever needed inside Voila

    wait_for_request()
    # Voila leaves the flag set after the request; later calls in this kernel must not wait.
    os.environ[PREHEATED] = "False"


def open_plan(path: str | os.PathLike[str] | None = None, *, name: str | None = None) -> Plan:
    """Open the person's plan, creating an empty one if there is none yet.

    ``path`` defaults to the person's plan (:func:`careerkit.paths.plan_path`); such a
    plan, when new, starts with the workshop file's settings (coach, workshop, area for pay,
    goal areas: :func:`careerkit.workshop.start_new_plan`). ``name`` sets the person's name
    on a new plan. Reading needs no write access; a plan written by an older careerkit is
    upgraded and saved back. In a page of the app started ahead, the plan is read when the
    person opens the page.
    """
    wait_for_person()
    start = None if path else workshop.start_new_plan
    return open_plan_file(Path(path).expanduser() if path else None, name=name, start=start)
