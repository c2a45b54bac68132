"""Fewer widget models per page: widgets share the Layout and Style objects they never change.

Every ipywidget brings its own ``Layout`` model and (most kinds) its own ``Style`` model
unless one is passed in, and the browser creates and renders every model when a step
opens: a row of an HTML text and toggle buttons is 7 models, or 3 when its layouts and
styles are shared. The widgets built here share one Layout per set of layout settings and
one Style per style class and settings (created on first use, in each kernel).

The rule: **a shared Layout or Style is never changed afterwards**, because the change
would show on every widget sharing it (``x.layout.display = "none"`` would hide them all).
A widget whose layout code changes later (hidden and shown, resized) gets one of its own:
``layout=w.Layout(...)``. The shared objects refuse changes (:class:`Frozen`), so a slip
fails at once in the tests instead of hiding half a page.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, TypeVar

import ipywidgets as w

W = TypeVar("W", bound=w.DOMWidget)
#: Settings of a shared Layout or Style, e.g. ``{"width": "auto"}``.
Settings = dict[str, Any]


class Frozen:
    """Mixed into the shared Layout and Style classes: a setting cannot change once made."""

    _frozen = False

    def __setattr__(self, name: str, value: Any) -> None:
        if self._frozen and not name.startswith("_") and name in self.keys:  # type: ignore[attr-defined]
            raise AttributeError(
                f"{name} of a {type(self).__name__} cannot change: it would change on "
                "every widget sharing it; give the widget its own (see careerkit.ui.kit.lean)"
            )
        super().__setattr__(name, value)


@functools.cache
def _frozen_class(cls: type[w.Widget]) -> type[w.Widget]:
    return type(f"Shared{cls.__name__}", (Frozen, cls), {"__module__": __name__})


_SHARED: dict[tuple[type, tuple[tuple[str, Any], ...]], w.Widget] = {}


def _shared(cls: type, settings: Settings) -> Any:
    key = (cls, tuple(sorted(settings.items())))
    found = _SHARED.get(key)
    if found is None or found.comm is None:  # none yet, or closed (``Widget.close_all``)
        found = _SHARED[key] = _frozen_class(cls)(**settings)
        found._frozen = True
    return found


def layout(**settings: Any) -> w.Layout:
    """The shared Layout with these settings (never change it: see the module's rule)."""
    return _shared(w.Layout, settings)


def style(kind: type[w.Style], **settings: Any) -> w.Style:
    """The shared Style of class ``kind`` with these settings."""
    return _shared(kind, settings)


def make(
    cls: type[W],
    *args: Any,
    layout: w.Layout | Settings | None = None,
    style: w.Style | Settings | None = None,
    **kwargs: Any,
) -> W:
    """``cls(*args, **kwargs)`` with a shared Layout and (if its kind has one) Style.

    ``layout`` and ``style`` given as settings (a dict, as ipywidgets accepts them) are the
    shared objects with those settings; a ``w.Layout`` or Style object is used as it is
    (pass ``w.Layout(...)`` for a layout that changes later).
    """
    shared_layout = _shared(w.Layout, layout or {}) if not isinstance(layout, w.Layout) else layout
    trait = cls.class_traits().get("style")
    if trait is not None:
        kwargs["style"] = style if isinstance(style, w.Style) else _shared(trait.klass, style or {})
    return cls(*args, layout=shared_layout, **kwargs)


def html(value: str = "", **kwargs: Any) -> w.HTML:
    """An ``HTML`` text with the shared layout and style."""
    return make(w.HTML, value, **kwargs)


def button(**kwargs: Any) -> w.Button:
    """A ``Button`` with a shared layout (e.g. ``layout={"width": "auto"}``) and style."""
    return make(w.Button, **kwargs)


def hbox(children: Sequence[w.Widget] = (), **kwargs: Any) -> w.HBox:
    return make(w.HBox, list(children), **kwargs)


def vbox(children: Sequence[w.Widget] = (), **kwargs: Any) -> w.VBox:
    return make(w.VBox, list(children), **kwargs)


def output() -> w.Output:
    """An ``Output`` area (a panel's errors) with the shared layout."""
    return make(w.Output)


def wrap(**settings: Any) -> w.Layout:
    """The shared layout of a row of controls that wraps when the notebook is narrow."""
    return layout(display="flex", flex_flow="row wrap", **settings)
