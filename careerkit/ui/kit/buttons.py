"""The workbook's two kinds of button: primary (the one thing to do next) and secondary."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from careerkit.ui.kit import lean
from careerkit.ui.kit.theme import PRIMARY_CLASS, SECONDARY_CLASS


def primary(**kwargs: Any) -> w.Button:
    """The step's main action (one a panel): a blue button. Options as for ``lean.button``."""
    kwargs.setdefault("button_style", "primary")  # the same look where no stylesheet is shown
    return lean.button(**kwargs).add_class(PRIMARY_CLASS)


def secondary(**kwargs: Any) -> w.Button:
    """Any other action: a white button with a blue outline, the same size as a primary one."""
    return lean.button(**kwargs).add_class(SECONDARY_CLASS)
