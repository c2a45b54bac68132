"""The workbook's look (careerkit.ui.kit.theme): the stylesheet comes with every step's banner,
applies only where it is shown, and the steps' buttons are of its two kinds (a warning, such
as "Reload my plan", and a danger, such as "Yes, remove it", keep their own colors)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import ipywidgets as w
import pandas as pd
from ipywidgets.widgets.widget import _instances

from careerkit.plan import Plan
from careerkit.ui import (
    action_plan,
    dream_job,
    interest_quiz,
    short_term,
    vision_banner,
    workshop_banner,
)
from careerkit.ui.kit import buttons
from careerkit.ui.kit.theme import (
    ICON_CLASS,
    PRIMARY_CLASS,
    SCOPE,
    SECONDARY_CLASS,
    THEME_CLASS,
    stylesheet,
)

KINDS = {PRIMARY_CLASS, SECONDARY_CLASS}


def shown(widget: w.Widget) -> w.Widget:
    """The widget a notebook shows for ``widget`` (a banner shows a box around itself)."""
    bundle = widget._repr_mimebundle_()
    model_id = bundle["application/vnd.jupyter.widget-view+json"]["model_id"]
    return _instances[model_id]


def tree(widget: w.Widget) -> Iterator[w.Widget]:
    """The widget and every widget inside it."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from tree(child)


def test_every_banner_brings_the_stylesheet_once(plan: Plan) -> None:
    for banner in (vision_banner(plan), workshop_banner()):
        themes = [x for x in tree(shown(banner)) if THEME_CLASS in x._dom_classes]
        assert len(themes) == 1
        (theme,) = themes
        assert theme.value == f"<style>{stylesheet()}</style>"
        assert theme.layout.display == "none"


def test_every_rule_applies_only_where_the_stylesheet_is_shown() -> None:
    css = stylesheet()
    rules = re.findall(r"([^{}]+)\{[^{}]*\}", css.replace("@media", "\n@media"))
    selectors = [s.strip() for s in rules if not s.strip().startswith("@media")]
    assert len(selectors) > 20
    assert all(s.startswith(SCOPE) for s in selectors), [s for s in selectors if SCOPE not in s]
    assert f".{THEME_CLASS}" in SCOPE


def test_prose_boxes_get_the_page_font_and_phones_get_44_px_targets() -> None:
    css = stylesheet()
    assert re.search(r"textarea[^{]*\{[^}]*font-family: var\(--jp-content-font-family", css)
    phone = css[css.index("@media (max-width:") :]
    assert "min-height: 44px !important" in phone and "flex-wrap: wrap" in phone


def test_a_button_is_primary_or_secondary_and_an_icon_alone_is_marked() -> None:
    go = buttons.primary(description="Add this goal", icon="plus")
    assert PRIMARY_CLASS in go._dom_classes and go.button_style == "primary"
    back = buttons.secondary(description="Keep it")
    assert SECONDARY_CLASS in back._dom_classes and ICON_CLASS not in back._dom_classes
    trash = buttons.secondary(icon="trash", tooltip="Remove")
    assert {SECONDARY_CLASS, ICON_CLASS} <= set(trash._dom_classes)


def test_the_steps_buttons_are_of_the_two_kinds(persona: Plan, catalog: pd.DataFrame) -> None:
    panels = [
        dream_job.skills(persona, catalog),
        dream_job.vision(persona, catalog),
        interest_quiz.interest_quiz(persona),
        short_term.goal_editor(persona, catalog),
        action_plan.action_plan(persona),
    ]
    found = [x for panel in panels for x in tree(panel) if type(x) is w.Button]
    assert len(found) > 10
    plain = [x for x in found if x.button_style not in ("warning", "danger")]
    unkind = [x.description or x.icon for x in plain if not KINDS & set(x._dom_classes)]
    assert not unkind
