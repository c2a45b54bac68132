"""Fewer widget models per step: each model costs the browser time when a step opens.

Layouts and styles are shared where no code changes them (``careerkit.ui.kit.lean``), and
what is folded on the first view is built when it is opened.
"""

from __future__ import annotations

import ipywidgets as w
import pytest

from careerkit.plan import Plan
from careerkit.ui.kit import lean
from tests.widget_models import models_made, step_models

# Models each step made for the sample persona before sharing and folding: 01 590, 02 617,
# 04 403, 06 342, 07 518. A budget is about half of that, or less where folding saved more.
# 02 grew by its "Similar to the jobs you have done" rows (a + button and a line each) once
# the persona listed the jobs they have done (issue 23): 229. 06 grew by a fold a goal (its
# resources and later actions, issue 24), built with the page: 186.
BUDGETS = {"01": 300, "02": 250, "04": 220, "06": 200, "07": 140}


@pytest.mark.parametrize("step", BUDGETS)
def test_a_step_opens_with_few_widget_models(step: str, persona: Plan) -> None:
    made = step_models(step)
    assert made.total() <= BUDGETS[step], made.most_common(8)


def test_widgets_share_layouts_and_styles() -> None:
    first = lean.make(w.Dropdown, description="a", style={"description_width": "initial"})
    second = lean.make(w.DatePicker, description="b", style={"description_width": "initial"})
    assert first.style is second.style and first.layout is second.layout
    assert lean.html("a").layout is first.layout and lean.html("b").style is lean.html().style
    wide = lean.button(layout={"width": "auto"})
    assert wide.layout is lean.button(layout={"width": "auto"}).layout
    assert wide.layout is not first.layout and wide.layout.width == "auto"
    # Ten texts: ten models, one layout and one style (30 models without sharing).
    assert models_made(lambda: [lean.html(str(n)) for n in range(10)]) == 12


def test_a_shared_layout_or_style_cannot_change() -> None:
    """The change would show on every widget sharing it: such a widget needs its own."""
    text, other = lean.html("a"), lean.html("b")
    with pytest.raises(AttributeError, match="every widget sharing it"):
        text.layout.display = "none"
    with pytest.raises(AttributeError, match="every widget sharing it"):
        text.style.font_size = "20px"
    assert other.layout.display is None and other.style.font_size is None
    own = lean.html("c", layout=w.Layout(width="auto"))
    own.layout.display = "none"  # its own: free to change
    assert own.layout.display == "none" and other.layout.display is None


def test_a_closed_shared_layout_is_made_again() -> None:
    old = lean.layout(width="13px")
    old.close()
    assert lean.layout(width="13px") is not old and lean.layout(width="13px").comm is not None
