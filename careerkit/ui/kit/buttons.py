"""The workbook's two kinds of button: primary (the one thing to do next) and secondary."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from careerkit.ui.kit import lean
from careerkit.ui.kit.theme import ICON_CLASS, PRIMARY_CLASS, SECONDARY_CLASS


def primary(**kwargs: Any) -> w.Button:
    """The step's main action (one a panel): a blue button. Options as for ``lean.button``."""
    kwargs.setdefault("button_style", "primary")  # the same look where no stylesheet is shown
    return _classed(lean.button(**kwargs), PRIMARY_CLASS)


def secondary(**kwargs: Any) -> w.Button:
    """Any other action: a white button with a blue outline, the same size as a primary one."""
    return _classed(lean.button(**kwargs), SECONDARY_CLASS)


def _classed(button: w.Button, kind: str) -> w.Button:
    """The button with its kind's class, and the icon-only class when it has no words."""
    button.add_class(kind)
    return button if button.description else button.add_class(ICON_CLASS)
