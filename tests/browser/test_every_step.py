"""Every step, opened once in Voila and once in JupyterLab, under every check of a whole page.

A step's page takes a kernel and all its cells to open, the longest part of the browser suite,
so each is opened once for all the concerns it is checked for; each concern's check is a
function of the file of that concern:

- axe-core over careerkit's output (``axe.py``): no serious or critical finding (a control
  without a label a screen reader announces, text too faint...), in Voila over the whole page
  and in JupyterLab over the notebook's output areas;
- the accessible names (``test_names.py``): Chromium's accessibility tree names every control,
  and a slider handle's value text is what its readout shows;
- in Voila, the visual language at 1280 and 800 px and the page's height for a returning
  person (``test_look.py``; the phone's size is another page load there, as a phone loads at
  its own size);
- in JupyterLab, the notebook runs without an error (``test_workbook.py``).

The problems of every concern are gathered, each labelled with its concern ("axe:", "names:",
"look at 800 px:", "runs:"), and asserted once at the end, so one failure does not hide
another. The order keeps each check on the page as it was checked alone: what only looks comes
first, and the names check, which opens 02's folded forms, last.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.axe import axe_missing, report, violations
from tests.browser.conftest import Lab, Server, notebook_names, screenshot_path
from tests.browser.test_look import one_visual_language, open_step, too_tall
from tests.browser.test_names import named_in_jupyterlab, named_in_voila
from tests.browser.test_workbook import ANY_WIDGET, MAIN_WIDGETS, notebook_runs

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

LOOK_LINES = 25  # at most this many of the visual language's problems in the message


@pytest.fixture(scope="module")
def axe_reason() -> str | None:
    """Why axe-core cannot run here (after trying to install it), or None."""
    return axe_missing()


def axe_problems(page: Page, scope: str | None, reason: str | None) -> list[str]:
    """axe-core's findings in careerkit's output areas (inside ``scope``), as one problem."""
    if reason:
        return []
    try:
        found = violations(page, scope)
    except AssertionError as error:  # nothing to check: a problem of its own
        return [str(error)]
    return [report(found)] if found else []


def labelled(label: str, problems: list[str]) -> list[str]:
    return [f"{label}: {problem}" for problem in problems]


def conclude(where: str, problems: list[str], axe_reason: str | None) -> None:
    """Fail with every problem found; else skip, saying so, if axe-core could not run."""
    assert not problems, f"{where}:\n" + "\n".join(problems)
    if axe_reason:
        pytest.skip(f"every check passed but axe-core's, which did not run: {axe_reason}")


@pytest.mark.timeout(480)
@pytest.mark.parametrize("name", notebook_names())
def test_every_step_in_voila(
    page: Page, voila_tree: Server, axe_reason: str | None, name: str
) -> None:
    open_step(page, voila_tree, name)  # at 1280 px
    axe = axe_problems(page, None, axe_reason)
    if axe:
        page.screenshot(path=screenshot_path(f"axe-voila-{Path(name).stem}.png"))
    problems = labelled("axe", axe)
    look = [f"look {problem}" for problem in one_visual_language(page)]
    problems += look[:LOOK_LINES]
    problems += labelled("folds", too_tall(page, name))
    problems += labelled("names", named_in_voila(page, name))
    conclude(f"{name} in Voila", problems, axe_reason)


@pytest.mark.timeout(480)  # the first test also starts JupyterLab and the browser
@pytest.mark.parametrize("name", notebook_names())
def test_every_step_in_jupyterlab(lab: Lab, axe_reason: str | None, name: str) -> None:
    with lab.notebook(name) as notebook:
        notebook.wait_for_widgets(MAIN_WIDGETS.get(name, ANY_WIDGET))
        problems = labelled("runs", notebook_runs(notebook))
        problems += labelled(
            "axe", axe_problems(notebook.page, f"[id='{notebook.id}']", axe_reason)
        )
        problems += labelled("names", named_in_jupyterlab(notebook))
    conclude(f"{name} in JupyterLab", problems, axe_reason)
