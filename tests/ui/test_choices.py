"""Rows of choices (``ToggleButtons``): the chosen button stands out in every step that has some,
white on dark blue rather than JupyterLab's grey on grey (see ``common.CHOICE_CSS``)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from careerkit.ui.kit.fields import CHOICE_CLASS, CHOICE_CSS, choices, choices_style
from tests.conftest import PERSONA, ROOT, execute_notebook

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
#: The steps that show rows of choices for the sample persona: soft/hard and the interest
#: questionnaire (01), the gut check (03), each goal's horizon (04), the review interval (06).
#: 07's questionnaire, finished, builds its rows only when taken again (tests/ui/test_review.py).
WITH_CHOICES = {"01", "03", "04", "06"}
UNCHOSEN = "#eeeeee"  # JupyterLab's grey for the buttons not chosen


def luminance(colour: str) -> float:
    rgb = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (#fff is written out as #ffffff)."""
    full = [c if len(c) == 7 else "#" + "".join(x * 2 for x in c[1:]) for c in (a, b)]
    high, low = sorted(map(luminance, full), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_chosen_button_is_readable_and_stands_out() -> None:
    rule = re.search(rf"\.{CHOICE_CLASS} \.jupyter-button\.mod-active\{{([^}}]*)\}}", CHOICE_CSS)
    assert rule, "no style for the chosen button"
    colours = dict(re.findall(r"(background|color):(#[0-9a-f]{3,6})", rule.group(1)))
    assert contrast(colours["background"], colours["color"]) >= 4.5  # WCAG AA, normal text
    assert contrast(colours["background"], UNCHOSEN) >= 3  # WCAG AA for a control's state


def test_choices_carry_the_class_and_the_style_takes_no_room() -> None:
    row = choices(options=["soft", "hard"], value="soft")
    assert CHOICE_CLASS in row._dom_classes and row.value == "soft"
    style = choices_style()
    assert style.value == CHOICE_CSS and style.layout.display == "none"  # a <style> still applies


def test_the_steps_with_choices_were_found() -> None:
    assert {path.name[:2] for path in NOTEBOOKS} >= WITH_CHOICES


@pytest.mark.timeout(180)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_row_of_choices_a_step_builds_stands_out(path: Path, workspace: Path) -> None:
    """Run the step as the sample persona, then look at every widget it made."""
    shutil.copy(PERSONA, workspace / "plan.json")
    nb = execute_notebook(nbformat.read(path, as_version=4))
    state = nb.metadata.widgets["application/vnd.jupyter.widget-state+json"]["state"]
    models = [model["state"] for model in state.values()]
    rows = [m for m in models if m["_model_name"] == "ToggleButtonsModel"]
    assert bool(rows) == (path.name[:2] in WITH_CHOICES), f"{path.name}: {len(rows)} rows"
    plain = [m["_options_labels"] for m in rows if CHOICE_CLASS not in m["_dom_classes"]]
    assert not plain, f"{path.name}: rows of choices without {CHOICE_CLASS}: {plain}"
    if rows:
        styles = [m for m in models if m["_model_name"] == "HTMLModel" and m["value"] == CHOICE_CSS]
        assert styles, f"{path.name} shows rows of choices without their style"
