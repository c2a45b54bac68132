"""``make app``: the workbook as a no-code app (Voila) that opens at step 00.

Every step's page is started ahead of time (Voila's pre-heated kernels): Python, the
libraries and the catalogue are loaded before the person asks for the page, and the plan
is read when they open it (:mod:`careerkit.workbook`). A token guards every address, as
JupyterLab's does, and the app prints its address with the token and lists itself where
``jupyter server list`` looks. A page left releases its kernel; a kernel left without a word
is culled; only a few pages start at once (:mod:`careerkit.app.pages`). Ctrl+C or SIGTERM
stops it, kernels included. Run ``python -m careerkit.app NOTEBOOKS [VOILA OPTIONS]``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import socket
import sys
import threading
import webbrowser
from pathlib import Path
from types import FrameType
from typing import Any

import voila.app
from jupyter_core.paths import jupyter_runtime_dir
from jupyter_server.utils import url_path_join
from tornado.web import RedirectHandler
from voila.app import Voila
from voila.request_info_handler import RequestInfoSocketHandler
from voila.static_file_handler import AllowListFileHandler
from voila.tornado.handler import TornadoVoilaHandler

from careerkit.app.pages import FilesHandler, PageHandler, PreparedHandler, in_order

FIRST_STEP = "00_start.ipynb"
#: Seconds a kernel may sit idle, its page closed without a word (a crash, a lost
#: connection), before the app shuts it down; a page still open is never culled.
CULL_AFTER_S = 600
CULL_EVERY_S = 60
#: Seconds the app gives its kernels to stop before it ends them and exits anyway.
STOP_WITHIN_S = 20

#: Voila's options for the app; one the person gives too (in ``APP_ARGS``) replaces ours.
OPTIONS = [
    "--preheat_kernel=True",
    "--pool_size=1",  # one page ready per step; a used one is replaced a second later
    "--VoilaKernelManager.preheat_denylist=['coach']",  # the coach's pages start on demand
    # A problem the person can fix (a broken plan file, say) shows its message, which says
    # what to do (careerkit.errors), instead of Voila's "There was an error ... cell [2]".
    "--show_tracebacks=True",
    # Kernels start a few at a time (careerkit.app.pages.BoundedKernelManager).
    "--VoilaConfiguration.multi_kernel_manager_class=careerkit.app.pages.BoundedKernelManager",
    f"--MappingKernelManager.cull_idle_timeout={CULL_AFTER_S}",
    f"--MappingKernelManager.cull_interval={CULL_EVERY_S}",
]
#: A random token guards the app unless the person gives one (``--Voila.token=...``).
AUTO_TOKEN = "--Voila.auto_token=True"  # not the flag --token: it takes the next word


class WorkbookApp(Voila):
    """Voila serving the notebooks folder, with its address leading to the first step."""

    name = "careerkit-app"
    _stopping = False

    def initialize(self, argv: list[str] | None = None) -> None:
        super().initialize(argv)
        # Voila stops the loop on SIGTERM wherever it is (tracebacks, kernels left running)
        # and leaves Ctrl+C to a KeyboardInterrupt: both now shut the kernels down first.
        signal.signal(signal.SIGTERM, self._on_stop_signal)
        signal.signal(signal.SIGINT, self._on_stop_signal)

    def init_settings(self) -> dict[str, Any]:
        # Voila builds its kernel manager class in here: the prepared pages go in step order.
        factory = voila.app.voila_kernel_manager_factory
        voila.app.voila_kernel_manager_factory = in_order(factory)
        try:
            return super().init_settings()
        finally:
            voila.app.voila_kernel_manager_factory = factory

    def init_handlers(self) -> list[Any]:
        first = url_path_join(self.server_url, "voila/render", FIRST_STEP)
        replacements = {
            TornadoVoilaHandler: PageHandler,
            AllowListFileHandler: FilesHandler,
            RequestInfoSocketHandler: PreparedHandler,
        }
        handlers = [
            (pattern, replacements.get(handler, handler), *rest)
            for pattern, handler, *rest in super().init_handlers()
        ]
        return [(self.server_url, RedirectHandler, {"url": first}), *handlers]

    # --- the address --------------------------------------------------------------------

    @property
    def display_url(self) -> str:
        """The address to open, with the token (Voila's own hides even a generated one).
        A token the person chose is shown as ``...``, as JupyterLab does."""
        host = self.ip if self.ip not in ("", "0.0.0.0", "::") else socket.gethostname()
        token = self.identity_provider.token
        if not token:
            return self._url(host)
        shown = "..." if self.token else token
        return f"{self._url(host)}?token={shown}"

    @property
    def info_file(self) -> Path:
        return Path(jupyter_runtime_dir()) / f"jpserver-{os.getpid()}.json"

    def server_info(self) -> dict[str, Any]:
        """What ``jupyter server list`` reads: the same keys as a Jupyter server's file."""
        from voila import __version__

        return {
            "url": self.connection_url,
            "hostname": self.ip or "localhost",
            "port": self.port,
            "sock": "",
            "secure": False,
            "base_url": self.base_url,
            "token": self.identity_provider.token,
            "root_dir": os.path.abspath(self.root_dir),
            "password": False,
            "pid": os.getpid(),
            "version": f"voila {__version__}",
        }

    def write_server_info_file(self) -> None:
        """List the app where ``jupyter server list`` looks, readable by its owner only."""
        path = self.info_file
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                json.dump(self.server_info(), file, indent=2, sort_keys=True)
        except OSError as error:
            self.log.warning("Could not list the app for `jupyter server list`: %s", error)

    def launch_browser(self) -> None:
        """Open the first step, token included (Voila's own opens a login page instead)."""
        token = self.identity_provider.token
        webbrowser.open(self.connection_url + (f"?token={token}" if token else ""))

    def listen(self) -> None:
        # Voila's listen() prints the address, opens the browser and runs the loop until
        # stopped; the info file is written once the port is known (the loop's first turn).
        asyncio.get_event_loop().call_soon(self.write_server_info_file)
        super().listen()

    # --- stopping ----------------------------------------------------------------------

    def _on_stop_signal(self, signum: int, frame: FrameType | None) -> None:
        if self._stopping:  # asked twice: stop now
            self._stop_now(signum)
        self._stopping = True
        watchdog = threading.Timer(STOP_WITHIN_S, self._stop_now, args=(signum,))
        watchdog.daemon = True
        watchdog.start()
        loop = getattr(self, "ioloop", None)
        if loop is None:  # still starting: no kernel runs yet
            raise SystemExit(0)
        self.log.info("Stopping the app: shutting its pages' kernels down...")
        loop.add_callback_from_signal(self._stop_gracefully)

    async def _stop_gracefully(self) -> None:
        # What follows the shutdown (pages' sockets closing, renders cut short) is expected:
        # no warnings or tracebacks about it.
        for name in ("asyncio", "tornado", "traitlets", self.log.name):
            logging.getLogger(name).setLevel(logging.CRITICAL)
        self.log.setLevel(logging.CRITICAL)
        manager = self.kernel_manager
        with contextlib.suppress(Exception):
            await asyncio.wait_for(manager.stop_everything(), STOP_WITHIN_S - 5)
        self.ioloop.stop()

    def _stop_now(self, signum: int) -> None:
        """End every kernel process and exit without waiting any longer."""
        with contextlib.suppress(Exception):
            self.kernel_manager.kill_processes()
        with contextlib.suppress(OSError):
            self.info_file.unlink()
        os._exit(128 + signum)

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.info_file.unlink()
        if not self._stopping:  # the loop ended some other way: Voila's own shutdown
            super().stop()
            return
        import shutil

        shutil.rmtree(self.connection_dir, ignore_errors=True)
        with contextlib.suppress(Exception):
            self.kernel_manager.kill_processes()  # any that did not stop when asked


def _name(option: str) -> str:
    return option.split("=", 1)[0]


def main(argv: list[str] | None = None) -> None:
    """Start the app: ``argv`` is ``[NOTEBOOKS_FOLDER, *VOILA_OPTIONS]`` (sys.argv by
    default); an option also in :data:`OPTIONS` replaces ours."""
    args = sys.argv[1:] if argv is None else argv
    given = {_name(a) for a in args if a.startswith("--")}
    # traitlets refuses an option given twice: the person's replaces ours.
    ours = [o for o in OPTIONS if _name(o) not in given]
    own_token = given & {"--Voila.token", "--token"}
    WorkbookApp.launch_instance(argv=[*ours, *([] if own_token else [AUTO_TOKEN]), *args])
