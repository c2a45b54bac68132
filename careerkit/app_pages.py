"""The app's pages under load: a few kernels start at once, a page left frees its kernel.

Used by :mod:`careerkit.app`. Starting a page (a kernel, then its notebook's cells) takes a
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

#: Set by Voila in a kernel's environment: "True" for a page prepared ahead of time.
PREHEAT_VARIABLE = "VOILA_PREHEAT"
#: Seconds a kernel prepared ahead may take to reach the point where it waits for the person
#: (careerkit.prestart) before it stops counting as "starting".
PREPARE_WITHIN_S = 120.0
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
    """At most ``limit`` pages starting at once; people's pages go before prepared ones."""

    def __init__(self, limit: int) -> None:
        self.limit = max(limit, 0)
        self.starting = 0
        self.people_waiting = 0
        self._changed = asyncio.Condition()

    def _free(self, person: bool) -> bool:
        return self.starting < self.limit and (person or self.people_waiting == 0)

    async def acquire(self, person: bool, timeout: float | None = None) -> bool:
        """Wait for a free place; False if ``timeout`` seconds passed first."""
        async with self._changed:
            self.people_waiting += person
            try:
                await asyncio.wait_for(self._changed.wait_for(lambda: self._free(person)), timeout)
            except TimeoutError:
                return False
            finally:
                self.people_waiting -= person
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

    async def start_kernel(self, **kwargs: Any) -> str:
        """Pages opened by a person hold their place in :class:`PageHandler`; a kernel
        prepared ahead holds one from here until :meth:`prepared`."""
        if kwargs.get("env", {}).get(PREHEAT_VARIABLE) != "True":
            return await super().start_kernel(**kwargs)
        await self.limiter.acquire(person=False)
        try:
            kernel_id = await super().start_kernel(**kwargs)
        except BaseException:
            await self.limiter.release()
            raise
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
        """Whether a page of ``notebook`` is prepared (its kernel started) and unused."""
        pool = getattr(self, "_pools", {}).get(notebook, [])  # Voila's prepared pages
        return bool(pool) and pool[0].done() and not pool[0].cancelled() and not pool[0].exception()

    async def shutdown_kernel(self, kernel_id: str, *args: Any, **kwargs: Any) -> None:
        self.prepared(kernel_id)
        await super().shutdown_kernel(kernel_id, *args, **kwargs)

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


class PageHandler(TornadoVoilaHandler):
    """A step's page: its place to start taken in turn, nothing loaded from other hosts."""

    @web.authenticated
    async def get(self, path: str | None = None) -> None:
        self.xsrf_token  # noqa: B018  sets the _xsrf cookie that "page left" sends back
        manager = self.kernel_manager
        limiter: StartLimiter | None = getattr(manager, "limiter", None)
        notebook = self.notebook_path or path
        place = False
        if limiter is not None and not manager.pool_ready(notebook):
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
            if place:
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

    def initialize(self, allowlist: list[str], denylist: list[str], path: str) -> None:
        self.allowlist, self.denylist = allowlist, denylist
        super().initialize(path=path)

    def get_absolute_path(self, root: str, path: str) -> str:
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
