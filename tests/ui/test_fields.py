"""Every answer a panel saves by itself reaches the kernel as it is typed (saved after a
pause), so text typed and never left is not lost when the page is reloaded."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import ipywidgets as w
import pandas as pd
import pytest

from careerkit.plan import Plan
from careerkit.ui import action_plan, dream_job, explore, long_term, review, short_term, start
from tests.steps.test_goals import tiny_catalog

# Form fields that wait for their button ("Add"): not answers saved by themselves. (02's
# shortlist and narrowing-down panels hold only such fields.)
BUTTON_FORMS = {"Skill", "New area of growth"}

PANELS: dict[str, Callable[[Plan, pd.DataFrame], w.Widget]] = {
    "00 profile": lambda plan, _: start.ProfileForm(plan),
    "01 reflection": lambda plan, _: dream_job.reflection(plan),
    "01 skills": lambda plan, cat: dream_job.skills(plan, cat),
    "01 vision": lambda plan, _: dream_job.vision(plan),
    "02 questions": lambda plan, cat: explore.questions(plan, cat),
    "04 goals": lambda plan, _: short_term.goal_editor(plan, tiny_catalog()),
    "05 objectives": lambda plan, _: long_term.objectives(plan, tiny_catalog()),
    "06 actions": lambda plan, _: action_plan.action_plan(plan),
    "07 progress": lambda plan, _: review.progress(plan),
    "07 review": lambda plan, _: review.review_entry(plan),
}


def text_fields(widget: w.Widget) -> Iterator[w.Text | w.Textarea]:
    if isinstance(widget, (w.Text, w.Textarea)):
        yield widget
    for child in getattr(widget, "children", ()):
        yield from text_fields(child)


@pytest.mark.parametrize("name", PANELS)
def test_text_is_sent_as_it_is_typed(name: str, persona: Plan, catalog: pd.DataFrame) -> None:
    panel = PANELS[name](persona, catalog)
    if name == "02 questions":  # the forms sit in a closed accordion
        panel.accordion.selected_index = 0
    fields = [
        f for f in text_fields(panel) if {f.description, f.placeholder}.isdisjoint(BUTTON_FORMS)
    ]
    assert fields, f"{name}: no text fields found"
    waiting = [f.description or f.placeholder for f in fields if not f.continuous_update]
    assert not waiting, f"{name}: saved only when the box is left: {waiting}"
