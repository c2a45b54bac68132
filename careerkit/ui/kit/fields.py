"""Answer fields every step uses: rows of choices whose chosen button stands out, full-width
text areas, and showing or hiding a field."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from careerkit import palette
from careerkit.ui.kit import lean

WIDE = {"description_width": "initial"}
#: The chosen button of a row of choices stands out: white on dark blue (contrast 8.7:1,
#: WCAG AA asks 4.5:1; 7.5:1 against the unchosen buttons' grey), not JupyterLab's grey on grey.
#: :func:`choices` puts the class on a ``ToggleButtons``; a panel holding some shows
#: :func:`choices_style` once (a ``<style>`` applies to the whole page).
CHOICE_CLASS = "ck-choices"
CHOICE_CSS = (
    f"<style>.{CHOICE_CLASS} .jupyter-button.mod-active"
    f"{{background:{palette.INFO};color:{palette.WHITE};font-weight:bold;box-shadow:none}}</style>"
)


def show(widget: w.DOMWidget, visible: bool = True) -> None:
    """Show or hide ``widget``, which needs a Layout of its own (see :mod:`.lean`)."""
    widget.layout.display = "" if visible else "none"


def choices(**options: Any) -> w.ToggleButtons:
    """A row of buttons to pick one of (``ToggleButtons``) whose chosen button stands out;
    its layout and style are shared (:mod:`careerkit.ui.kit.lean`)."""
    return lean.make(w.ToggleButtons, **options).add_class(CHOICE_CLASS)


def choices_style() -> w.HTML:
    """The style that makes the chosen button of :func:`choices` stand out (invisible)."""
    return lean.html(CHOICE_CSS, layout={"display": "none"})


def text_area(
    value: str,
    description: str,
    placeholder: str = "",
    rows: int = 3,
    *,
    hides: bool = False,
    name: str = "",
) -> w.Textarea:
    """A full-width multi-line answer box whose text reaches the kernel as it is typed: the
    panels' savers wait for a typing pause, so text typed and never left is saved too.

    A box without a ``description`` (its question shown above it) needs a ``name``, the
    question in a few words: its tooltip, which ``careerkit.ui.kit.a11y`` makes the name a
    screen reader announces.

    Its layout is shared (see :mod:`careerkit.ui.kit.lean`); one that ``hides`` (shown and
    hidden later) gets its own.
    """
    full = {"width": "95%"}
    return lean.make(
        w.Textarea,
        value=value,
        description=description,
        placeholder=placeholder,
        tooltip=name or None,
        rows=rows,
        continuous_update=True,
        layout=w.Layout(**full) if hides else full,
        style=WIDE,
    )
