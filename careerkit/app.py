"""``make app``: the workbook as a no-code app (Voila) that opens at step 00.

Every step's page is started ahead of time (Voila's pre-heated kernels): Python, the
libraries and the catalogue are loaded before the person asks for the page, and the plan
is read when they open it (:mod:`careerkit.prestart`). A token guards the server, as
JupyterLab's does. Run ``python -m careerkit.app NOTEBOOKS [VOILA OPTIONS]``.
"""

from __future__ import annotations

import sys
import webbrowser
from typing import Any

from jupyter_server.utils import url_path_join
from tornado.web import RedirectHandler
from voila.app import Voila

FIRST_STEP = "00_start.ipynb"

#: Voila's options for the app; one the person gives too (in ``APP_ARGS``) replaces ours.
OPTIONS = [
    "--preheat_kernel=True",
    "--pool_size=1",  # one page ready per step; a used one is replaced a second later
    "--VoilaKernelManager.preheat_denylist=['coach']",  # the coach's pages start on demand
    # A problem the person can fix (a broken plan file, say) shows its message, which says
    # what to do (careerkit.errors), instead of Voila's "There was an error ... cell [2]".
    "--show_tracebacks=True",
]
#: A random token guards the app unless the person gives one (``--Voila.token=...``).
AUTO_TOKEN = "--token"


class WorkbookApp(Voila):
    """Voila serving the notebooks folder, with its address leading to the first step."""

    name = "careerkit-app"

    def init_handlers(self) -> list[Any]:
        first = url_path_join(self.server_url, "voila/render", FIRST_STEP)
        return [(self.server_url, RedirectHandler, {"url": first}), *super().init_handlers()]

    def launch_browser(self) -> None:
        """Open the first step, token included (Voila's own opens a login page instead)."""
        token = self.identity_provider.token
        webbrowser.open(self.connection_url + (f"?token={token}" if token else ""))


def _name(option: str) -> str:
    return option.split("=", 1)[0]


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    given = {_name(a) for a in args if a.startswith("--")}
    # traitlets refuses an option given twice: the person's replaces ours.
    ours = [o for o in OPTIONS if _name(o) not in given]
    own_token = given & {"--Voila.token", "--token"}
    WorkbookApp.launch_instance(argv=[*ours, *([] if own_token else [AUTO_TOKEN]), *args])


if __name__ == "__main__":
    main()
