"""Answer boxes that send their text as the person types; saving waits for a typing pause."""

from __future__ import annotations

import ipywidgets as w

from careerkit.ui.common import text_area


def answer_box(value: str, description: str, placeholder: str = "", rows: int = 3) -> w.Textarea:
    """A full-width answer box (as :func:`careerkit.ui.common.text_area`) whose text reaches
    the kernel as it is typed: the panels' savers wait for a pause, so text typed and never
    left (the tab closed, the page reloaded) is saved too."""
    box = text_area(value, description, placeholder, rows)
    box.continuous_update = True
    return box


__all__ = ["answer_box"]
