"""The app's pages under load: a few kernels start at once, a page left frees its kernel.

Used by :mod:`careerkit.app.voila`. Starting a page (a kernel, then its notebook's cells) takes a
few seconds of processor time; twenty at once on two cores time out half-way
("Timeout waiting for IOPub output"). So at most ``starting_limit`` pages start at once, a
person's page before one prepared ahead, and a page that waited ``start_wait`` seconds in
vain says so and offers to try again. The page sets the ``_xsrf`` cookie that Voila's "page
left" request (a beacon on ``beforeunload``) sends back, so that request is no longer
refused and the kernel is shut down.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import os
import re
import signal
from collections.abc import Callable
from typing import Any

from jupyter_client.multikernelmanager import AsyncMultiKernelManager
from jupyter_server.base.handlers import AuthenticatedFileHandler
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from traitlets import Float, Integer, default
from voila.request_info_handler import RequestInfoSocketHandler
from voila.tornado.handler import TornadoVoilaHandler

from careerkit.workbook import PREHEATED

#: Seconds a kernel prepared ahead may take to reach the point where it waits for the person
#: (careerkit.workbook) before it stops counting as "starting".
PREPARE_WITHIN_S = 120.0
#: The notebook whose page is being prepared, in the task preparing it (see InOrder).
PREPARING: contextvars.ContextVar[str] = contextvars.ContextVar("preparing", default="")
# Voila's lab template links Font Awesome from a CDN; the same icons are in its own bundle.
EXTERNAL_STYLESHEET = re.compile(r'<link rel="stylesheet" href="https?://[^"]*"[^>]*>\s*')

BUSY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Busy: try again</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.5">
<h1>This page could not start yet</h1>
<p>Many pages are opening at once on this server, and this one waited {seconds} seconds
without its turn. Nothing is lost: your plan is saved as it was.</p>
<p><button type="button" onclick="window.location.reload()">Try again</button></p>
</body></html>
"""


class StartLimiter:
    """At most ``limit`` pages starting at once; people's pages go before prepared ones,
    and prepared ones in the order of their ``rank`` (step 00 first)."""

    def __init__(self, limit: int) -> None:
        self.limit = max(limit, 0)
        self.starting = 0
        self.people_waiting = 0
        self.prepared_waiting: list[str] = []
        self._changed = asyncio.Condition()

    def _free(self, person: bool, rank: str) -> bool:
        if self.starting >= self.limit:
            return False
        return person or (self.people_waiting == 0 and rank == min(self.prepared_waiting))

    async def acquire(self, person: bool, timeout: float | None = None, rank: str = "") -> bool:
        """Wait for a free place; False if ``timeout`` seconds passed first."""
        waiting = [] if person else self.prepared_waiting
        async with self._changed:
            self.people_waiting += person
            waiting.append(rank)
            try:
                await asyncio.wait_for(
                    self._changed.wait_for(lambda: self._free(person, rank)), timeout
                )
            except TimeoutError:
                return False
            finally:
                self.people_waiting -= person
                waiting.remove(rank)
                self._changed.notify_all()
            self.starting += 1
            return True

    async def release(self) -> None:
        async with self._changed:
            self.starting = max(self.starting - 1, 0)
            self._changed.notify_all()


class BoundedKernelManager(AsyncMappingKernelManager):
    """Voila's kernel manager (it adds the prepared pages on top) starting pages a few at a
    time; a prepared kernel counts as starting until it waits for its person."""

    starting_limit = Integer(
        help="How many pages may start at once (kernel and cells); default: the CPU count."
    ).tag(config=True)
    start_wait = Float(
        120.0, help="Seconds a page waits for its turn to start before saying it is busy."
    ).tag(config=True)

    @default("starting_limit")
    def _cpu_count(self) -> int:
        return os.cpu_count() or 1

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.limiter = StartLimiter(self.starting_limit)
        self._preparing: dict[str, asyncio.TimerHandle] = {}
        self._starting_steps: set[str] = set()  # notebooks whose prepared kernel is starting
        self._stopping: set[str] = set()  # kernels being shut down (a page left, the culler)

    # jupyter_client types the sync manager's start_kernel; this async manager's is awaited.
    async def start_kernel(self, **kwargs: Any) -> str:  # type: ignore[override]
        """Pages opened by a person hold their place in :class:`PageHandler`; a kernel
        prepared ahead holds one from here until :meth:`prepared`."""
        if kwargs.get("env", {}).get(PREHEATED) != "True":
            return await super().start_kernel(**kwargs)
        step = PREPARING.get()
        await self.limiter.acquire(person=False, rank=step)
        self._starting_steps.add(step)
        try:
            kernel_id = await super().start_kernel(**kwargs)
        except BaseException:
            await self.limiter.release()
            raise
        finally:
            self._starting_steps.discard(step)
        loop = asyncio.get_running_loop()
        self._preparing[kernel_id] = loop.call_later(PREPARE_WITHIN_S, self.prepared, kernel_id)
        return kernel_id

    def prepared(self, kernel_id: str) -> None:
        """The prepared kernel waits for its person (or is gone): another may start."""
        timer = self._preparing.pop(kernel_id, None)
        if timer is not None:
            timer.cancel()
            asyncio.ensure_future(self.limiter.release())

    def pool_ready(self, notebook: str) -> bool:
        """Whether a page of ``notebook`` is prepared, or its kernel already starting (sooner
        ready than a new one), and unused."""
        pool = getattr(self, "_pools", {}).get(notebook, [])  # Voila's prepared pages
        if not pool:
            return False
        if not pool[0].done():
            return notebook in self._starting_steps
        return not pool[0].cancelled() and not pool[0].exception()

    async def wait_prepared(self, notebook: str) -> None:
        """Until the prepared page of ``notebook`` being started has its kernel (Voila uses
        a prepared page only then)."""
        pool = getattr(self, "_pools", {}).get(notebook, [])
        if pool and not pool[0].done():
            with contextlib.suppress(Exception):
                await asyncio.shield(pool[0])

    # As start_kernel: jupyter_client types the sync manager's method.
    async def shutdown_kernel(  # type: ignore[override]
        self, kernel_id: str, *args: Any, **kwargs: Any
    ) -> None:
        self.prepared(kernel_id)
        self._stopping.add(kernel_id)
        try:
            await super().shutdown_kernel(kernel_id, *args, **kwargs)
        finally:
            self._stopping.discard(kernel_id)

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        """The culler lists the kernels, then checks them one by one, waiting for each idle
        one to stop: a page left meanwhile shut its kernel down (Jupyter's check then fails
        with a KeyError) or is doing so (it must not be shut down twice). Skip those."""
        if kernel_id not in self._kernels or kernel_id in self._stopping:
            return
        await super().cull_kernel_if_idle(kernel_id)

    async def stop_everything(self) -> None:
        """Stop the prepared pages' work and every kernel (the app is stopping)."""
        pools = getattr(self, "_pools", {})
        for pool in pools.values():
            for task in pool:
                if not task.done():
                    task.cancel()
                elif not task.cancelled() and not task.exception():
                    task.result()["task"].cancel()  # the render waiting for its person
        pools.clear()
        await AsyncMultiKernelManager.shutdown_all(self, now=True)

    def kill_processes(self) -> None:
        """End every kernel process at once (the app is stopping and they did not)."""
        for kernel_id in list(self._kernels):
            provisioner = getattr(self._kernels[kernel_id], "provisioner", None)
            pid = getattr(getattr(provisioner, "process", None), "pid", None)
            if pid:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)


class InOrder:
    """Mixed into Voila's kernel manager (above its pre-heating class): after a (re)start the
    steps' pages are prepared in step order, 00 first (Voila goes in the folder's order)."""

    def __init__(self, **kwargs: Any) -> None:
        self._deferred: list[dict[str, Any]] | None = []
        super().__init__(**kwargs)  # Voila asks for every step's page in here
        deferred, self._deferred = self._deferred or [], None
        for asked in sorted(deferred, key=lambda asked: str(asked.get("notebook_name"))):
            self.fill_if_needed(**asked)

    def fill_if_needed(self, **kwargs: Any) -> None:
        if self._deferred is not None:
            self._deferred.append(kwargs)
        else:
            super().fill_if_needed(**kwargs)  # type: ignore[misc]

    async def _initialize(self, notebook_path: str, *args: Any, **kwargs: Any) -> Any:
        PREPARING.set(notebook_path)  # this task's own context: read in start_kernel
        return await super()._initialize(notebook_path, *args, **kwargs)  # type: ignore[misc]


def in_order(factory: Callable[..., type]) -> Callable[..., type]:
    """Voila's ``voila_kernel_manager_factory``, its class with :class:`InOrder` on top."""

    def ordered(*args: Any, **kwargs: Any) -> type:
        made = factory(*args, **kwargs)
        return type(made.__name__, (InOrder, made), {}) if hasattr(made, "_initialize") else made

    return ordered


class PageHandler(TornadoVoilaHandler):
    """A step's page: its place to start taken in turn, nothing loaded from other hosts."""

    @web.authenticated
    async def get(self, path: str | None = None) -> None:
        self.xsrf_token  # noqa: B018  sets the _xsrf cookie that "page left" sends back
        manager = self.kernel_manager
        limiter: StartLimiter | None = getattr(manager, "limiter", None)
        notebook = self.notebook_path or path
        place = False
        if limiter is not None and manager.pool_ready(notebook):
            await manager.wait_prepared(notebook)
        elif limiter is not None:
            place = await limiter.acquire(person=True, timeout=manager.start_wait)
            if not place:
                self.set_status(503)
                self.finish(BUSY_PAGE.format(seconds=round(manager.start_wait)))
                return
        try:
            async for html in self.get_generator(path=path):
                self.write(EXTERNAL_STYLESHEET.sub("", html))
                self.flush()
        finally:
            if place and limiter is not None:
                await limiter.release()

    def should_use_rendered_notebook(self, *args: Any, **kwargs: Any) -> bool:
        # A prepared page still waiting for its turn to start would make the person wait
        # behind everyone: only a started one is used.
        ready: Callable[[str], bool] | None = getattr(self.kernel_manager, "pool_ready", None)
        notebook = self.notebook_path or self.path_args[0]
        usable = ready is None or ready(notebook)
        return usable and super().should_use_rendered_notebook(*args, **kwargs)


class FilesHandler(AuthenticatedFileHandler):
    """``/voila/files/``: only files the allowlist names, only with the token, and in a
    sandbox (an SVG's script never runs as the app). The workbook's pages need none."""

    # tornado hands initialize the route's own keywords (app/voila.py's handler list).
    def initialize(  # type: ignore[override]
        self, allowlist: list[str], denylist: list[str], path: str
    ) -> None:
        self.allowlist, self.denylist = allowlist, denylist
        super().initialize(path=path)

    # tornado calls it on the handler, so it may read this handler's lists (a classmethod there).
    def get_absolute_path(self, root: str, path: str) -> str:  # type: ignore[override]
        listed = any(re.fullmatch(p, path, re.IGNORECASE) for p in self.allowlist)
        if not listed or any(re.fullmatch(p, path, re.IGNORECASE) for p in self.denylist):
            raise web.HTTPError(403, "File not served by the app")
        return super().get_absolute_path(root, path)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        # Voila has no error page for the Jupyter server's handlers to render.
        self.set_header("Content-Type", "text/plain; charset=UTF-8")
        self.finish(f"{status_code}: {self._reason}\n")


class PreparedHandler(RequestInfoSocketHandler):
    """Where a prepared kernel waits for its person (Voila's ``/voila/query/``): reaching it
    ends the kernel's start."""

    def open(self, kernel_id: str) -> None:
        manager = self.settings["kernel_manager"]
        if hasattr(manager, "prepared"):
            manager.prepared(kernel_id)
        super().open(kernel_id)
