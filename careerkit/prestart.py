"""Pages of the app started before the person opens them.

``make app`` keeps one kernel per step ready (Voila's pre-heated kernels): each runs its
notebook up to the moment the plan is read, and waits there. The slow part (starting
Python, importing pandas, matplotlib and the widgets, reading the catalogue) is over before
the person asks for the page; what is theirs (the plan, the workshop file) is read only once
they open it, so a page never shows answers older than the file.
"""

from __future__ import annotations

import os

#: Set by Voila in the environment of a kernel started ahead of time.
PREHEATED = "VOILA_PREHEAT"


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
