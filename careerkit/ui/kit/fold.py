"""Folded parts: what is done or optional closes under a title, so a step shows what to do now.

A fold is an ipywidgets ``Accordion`` of one part: its title bar opens and closes it in the
browser, without a round trip to Python. ipywidgets 8 draws that bar as a plain ``<div>``;
:mod:`careerkit.ui.kit.a11y` makes it a button a keyboard and a screen reader reach (Tab,
Enter or Space, "collapsed"/"expanded"), and :mod:`careerkit.ui.kit.theme` draws it.
What is inside stays on the page while folded (hidden), so answers are kept as they are.
"""

from __future__ import annotations

import ipywidgets as w

from careerkit.ui.kit import lean

FOLD_CLASS = "ck-fold"


def fold(title: str, *parts: w.Widget, folded: bool, hides: bool = False) -> w.Accordion:
    """``parts`` under ``title``, closed when ``folded`` (done or optional), else open.

    A fold that ``hides`` (shown and hidden later, ``fields.show``) gets a layout of its own.
    """
    body = parts[0] if len(parts) == 1 else lean.vbox(parts)
    return lean.make(
        w.Accordion,
        [body],
        titles=(title,),
        selected_index=None if folded else 0,
        layout=w.Layout() if hides else None,
    ).add_class(FOLD_CLASS)


def unfold(part: w.Accordion) -> None:
    """Open the fold (e.g. when the person starts over what is inside)."""
    part.selected_index = 0


def is_folded(part: w.Accordion) -> bool:
    """Whether the fold is closed (on screen: the person may have opened it since)."""
    return part.selected_index is None


def retitle(part: w.Accordion, title: str) -> None:
    """Say on the fold's bar what is inside now (e.g. after an answer)."""
    if part.titles != (title,):
        part.titles = (title,)
