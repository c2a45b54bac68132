"""Widget callbacks made safe: an error shown where the person sees it, and the code's own
changes to widget values kept from the observers."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import ipywidgets as w

from careerkit.ui.kit.messages import message_html


@contextmanager
def quietly(owner: Any) -> Iterator[None]:
    """Set widget values from code without ``owner``'s observers acting on them.

    Sets ``owner.quiet`` for the duration (nesting is fine); observers that must not
    react to the code's own changes return early while ``self.quiet`` is true.
    """
    before = getattr(owner, "quiet", False)
    owner.quiet = True
    try:
        yield
    finally:
        owner.quiet = before


def guarded(out: w.Output) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a widget callback so an unexpected error is shown in ``out``, not lost."""

    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def guarded_fn(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except Exception as err:  # noqa: BLE001 - shown to the person, not swallowed
                text = f"{type(err).__name__}: {err}"
                out.append_display_data(w.HTML(message_html(text, "error")))
                return None

        return guarded_fn

    return wrap
