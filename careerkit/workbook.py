"""The workbook in force for a notebook: the person's plan and the catalog, opened for a step.

What a notebook's first cells call (through ``careerkit.open_plan`` and
``careerkit.catalog_for``): the plan at :func:`careerkit.paths.plan_path`, started with the
workshop file's values when it is new (:func:`careerkit.workshop.start_new_plan`), and the
catalog in force (:func:`catalog_in_force`: ``$CAREERKIT_CATALOG``, the workspace's
imported catalog, the workshop file's choice, else the bundled one) with pay for the
plan's area. The catalog package is handed the folder; this module is the one place that
decides which folder it is. The loaded catalog carries its other tables, so whatever a
step cuts from it stays that catalog's (:mod:`careerkit.catalog.tables`).

Pages of the app are started before the person opens them: ``make app`` keeps one kernel
per step ready (Voila's pre-heated kernels), each running its notebook up to the moment
the plan is read, and waiting there. The slow part (starting Python, importing pandas,
matplotlib and the widgets, reading the catalog) is over before the person asks for the
page; what is theirs (the plan, the workshop file) is read only once they open it, so a
page never shows answers older than the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from careerkit import paths, workshop
from careerkit.plan import Plan, read_raw
from careerkit.plan import open_plan as open_plan_file

if TYPE_CHECKING:
    import pandas as pd

#: The sample persona's plan, bundled for coaches to try the steps on.
SAMPLE_PLAN = paths.DATA_DIR / "examples" / "persona.json"

#: A coach's own occupations, in the workspace: merged into whichever catalog is in force.
LOCAL_OCCUPATIONS = "local_occupations.csv"

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
    from careerkit.catalog import CatalogError  # pandas: only paid here

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


def sample_plan() -> Plan:
    """The sample persona's plan (``data/examples/persona.json``), in memory only: it has
    no file, so nothing done to it is ever saved (a coach previews a step on it)."""
    raw = read_raw(SAMPLE_PLAN)  # checked and upgraded as any plan
    return Plan.model_validate({key: value for key, value in raw.items() if key != "saved"})


# The catalog package (and pandas) is imported in the functions below, when a step first
# asks for its catalog: opening a plan does not pay for it.


def catalog_in_force() -> Path:
    """The catalogue folder (or CSV) in use: ``$CAREERKIT_CATALOG``, an import in the
    workspace (``catalog/``), the workshop file's ``catalog`` (see
    :mod:`careerkit.workshop`), else the bundled one.
    """
    from careerkit.catalog import OCCUPATIONS, readable_exists

    env = os.environ.get("CAREERKIT_CATALOG")
    if env:
        return Path(env).expanduser()
    imported = paths.workspace() / "catalog"
    if readable_exists(imported / OCCUPATIONS):
        return imported
    return _workshop_catalog() or paths.DATA_DIR / "catalog"


def _workshop_catalog() -> Path | None:
    """The catalogue the workshop file in force chose, checked; None for the bundled one.

    A workshop file that cannot be read gives the bundled catalogue: every notebook's
    banner names the file and what is wrong, and the person can go on meanwhile.
    """
    from careerkit.catalog import OCCUPATIONS, CatalogError, occupations_file

    try:
        found = workshop.in_force()
    except workshop.WorkshopError:
        return None
    chosen = workshop.chosen_catalog(*found) if found else None
    if found and chosen and not occupations_file(chosen).is_file():
        raise CatalogError(
            f"The workshop file {found[0]} chooses the catalog {chosen} "
            f"(catalog = {found[1].catalog!r}), which has no {OCCUPATIONS}: import one "
            f"there with `careerkit catalog import-onet PATH --out {chosen}`, or write "
            'catalog = "bundled".'
        )
    return chosen


def load_catalog(
    path: str | os.PathLike[str] | None = None, extra: Iterable[str | os.PathLike[str]] = ()
) -> pd.DataFrame:
    """The occupation catalogue, indexed by O*NET-SOC code, with national pay.

    ``path`` is a catalogue folder or CSV (default: :func:`catalog_in_force`). ``extra``
    CSV files (same columns) are appended, and so is ``local_occupations.csv`` in the
    workspace when it exists. Raises :class:`careerkit.catalog.CatalogError` naming the
    file, row and column of the first problem found. A step's notebook calls
    :func:`catalog_for` instead, which adds the pay where the person lives.
    """
    from careerkit import catalog

    where = Path(path).expanduser() if path else catalog_in_force()
    files = [Path(f) for f in extra]
    local = paths.workspace() / LOCAL_OCCUPATIONS
    known = [catalog.occupations_file(where), *files]
    if catalog.readable_exists(local) and local not in known:
        files.append(local)
    return catalog.load_catalog(where, files)


def catalog_for(plan: Plan, path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The catalogue in use (see :func:`load_catalog`), with pay for the area the person
    chose in 00: what every step's notebook works from."""
    from careerkit.catalog.local_pay import local_pay

    return local_pay(load_catalog(path), plan.profile.area)
