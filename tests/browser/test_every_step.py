"""Every step, opened once in Voila and once in JupyterLab, under every check of a whole page.

A step's page takes a kernel and all its cells to open, the longest part of the browser suite,
so each is opened once for all the concerns it is checked for; each concern's check is a
function of the file of that concern:

- axe-core over careerkit's output (``axe.py``): no serious or critical finding (a control
  without a label a screen reader announces, text too faint...), in Voila over the whole page
  and in JupyterLab over the notebook's output areas, each with the window as tall as the
  content (axe-core skips what is off screen);
- the accessible names (``test_names.py``): Chromium's accessibility tree names every control,
  and a slider handle's value text is what its readout shows;
- in Voila, the visual language at 1280 and 800 px and the page's height for a returning
  person (``test_look.py``; the phone's size is another page load there, as a phone loads at
  its own size);
- in JupyterLab, the notebook runs without an error (``test_workbook.py``).

On the last step, after its own checks, a deliberate break is put at the end of its page (a
faint hint, a faint button and a button without words, drawn as ipywidgets draws them; in
Voila also a label cut short and a dropdown out of its card) and the axe, names and look
checks must report each part: the JupyterLab checks once missed all of the first three.

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
from tests.browser.conftest import Lab, Server, notebook_names, screenshot_path, tall_page
from tests.browser.test_look import (
    one_visual_language,
    open_step,
    too_tall,
    unfolded_unreadable,
    unreadable,
)
from tests.browser.test_names import named_in_jupyterlab, named_in_voila
from tests.browser.test_names import problems as name_problems
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


# The break, put in the last output area: its parts drawn as ipywidgets draws them.
BREAK_JS = """(scope) => {
  const outputs = (scope ? document.querySelector(scope) : document)
    .querySelectorAll('.jp-OutputArea-output');
  const probe = document.createElement('div');
  probe.className = 'ck-break';
  probe.innerHTML = '<div class="widget-html-content"><small style="color: #ccc">'
    + 'A deliberately faint hint</small></div>'
    + '<button class="jupyter-button widget-button" style="color: #ccc; background: #fff">'
    + 'A deliberately faint button</button>'
    + '<button class="jupyter-button widget-button ck-wordless" title=""></button>'
    + '<div class="widget-box" style="display: flex; width: 240px">'
    + '<div style="width: 70px; height: 20px; overflow: hidden; white-space: nowrap;'
    + ' text-overflow: ellipsis">Bachelor&#39;s degree</div><select style="width: 300px;'
    + ' flex: none"><option>Post-baccalaureate certificate</option></select></div>';
  outputs[outputs.length - 1].appendChild(probe);
}"""
UNBREAK_JS = "() => document.querySelectorAll('.ck-break').forEach(el => el.remove())"


def unseen_break(page: Page, scope: str | None) -> list[str]:
    """What the axe and names checks miss of a deliberate break at the end of the page (the
    window as tall as the content, as for the step's own checks), and in Voila (no
    ``scope``) what the look check misses of a label cut short and a dropdown sticking out
    of its card."""
    page.evaluate(BREAK_JS, scope)
    try:
        axe = report(violations(page, scope))
        names = name_problems(page, f"{scope or 'body'} .ck-break")[1]
        look = [] if scope else unreadable(page)
    finally:
        page.evaluate(UNBREAK_JS)
    missed = [
        f"axe did not report {part!r}"
        for part in ("A deliberately faint hint", "A deliberately faint button", "ck-wordless")
        if part not in axe
    ]
    if not any("a button: no name" in problem for problem in names):
        missed.append("names did not report the button without words")
    if not scope and not any("Bachelor's degree" in p and "is cut" in p for p in look):
        missed.append(f"look did not report the label cut short: {look}")
    if not scope and not any("Post-baccalaureate" in p and "out of" in p for p in look):
        missed.append(f"look did not report the dropdown out of its card: {look}")
    return missed


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
    with tall_page(page):
        axe = axe_problems(page, None, axe_reason)
    if axe:
        page.screenshot(path=screenshot_path(f"axe-voila-{Path(name).stem}.png"))
    problems = labelled("axe", axe)
    look = [f"look {problem}" for problem in one_visual_language(page)]
    problems += look[:LOOK_LINES]
    problems += labelled("folds", too_tall(page, name))
    problems += labelled("names", named_in_voila(page, name))
    problems += [f"look {problem}" for problem in unfolded_unreadable(page)][:LOOK_LINES]
    if name == notebook_names()[-1] and not axe_reason:
        with tall_page(page):
            problems += labelled("the deliberate break", unseen_break(page, None))
    conclude(f"{name} in Voila", problems, axe_reason)


@pytest.mark.timeout(480)  # the first test also starts JupyterLab and the browser
@pytest.mark.parametrize("name", notebook_names())
def test_every_step_in_jupyterlab(lab: Lab, axe_reason: str | None, name: str) -> None:
    with lab.notebook(name) as notebook:
        notebook.wait_for_widgets(MAIN_WIDGETS.get(name, ANY_WIDGET))
        problems = labelled("runs", notebook_runs(notebook))
        with notebook.tall_window():
            axe = axe_problems(notebook.page, f"[id='{notebook.id}']", axe_reason)
        problems += labelled("axe", axe)
        problems += labelled("names", named_in_jupyterlab(notebook))
        if name == notebook_names()[-1] and not axe_reason:
            with notebook.tall_window():
                missed = unseen_break(notebook.page, f"[id='{notebook.id}']")
            problems += labelled("the deliberate break", missed)
    conclude(f"{name} in JupyterLab", problems, axe_reason)
