"""The IPython kernel this code runs in: its event loop, and timers that wait for a pause."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from IPython import get_ipython


def kernel_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop of the IPython kernel running this code, or None (tests, scripts).

    Only a kernel's loop counts: another library's running loop (a test's browser
    driver, say) would never run our timers while a test waits.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    shell = get_ipython()
    return loop if getattr(shell, "kernel", None) is not None else None


def later(
    delay: float, fn: Callable[[], Any], pending: asyncio.TimerHandle | None = None
) -> asyncio.TimerHandle | None:
    """Run ``fn`` once changes pause for ``delay`` seconds in a kernel, else at once.

    ``pending`` (the handle returned by the previous call) is cancelled first.
    """
    if pending:
        pending.cancel()
    loop = kernel_loop()
    if loop is None:
        fn()
        return None
    return loop.call_later(delay, fn)
