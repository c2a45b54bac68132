"""Every notebook of the workbook runs in JupyterLab, in a real browser, without an error
(:func:`notebook_runs`, run by test_every_step.py), and its forms fit beside the side panel."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from careerkit.steps.start import route
from tests.browser.conftest import (
    CLOSE_JS,
    Lab,
    Notebook,
    docs_path,
    expect,
    screenshot_path,
    wait_for_plan,
)

pytestmark = pytest.mark.browser

TEXTAREA = ".widget-textarea textarea"
# Each step's main widgets, for the sample persona: selector -> how many at least.
MAIN_WIDGETS = {
    "00_start.ipynb": {".widget-text input": 3},
    "01_dream_job.ipynb": {
        TEXTAREA: 4,  # the reflection prompts
        ".widget-toggle-buttons": 12,  # the interest questionnaire
        ".widget-slider": 1,  # skill levels
        ".widget-image": 1,  # the interest profile chart
    },
    # 02's answer boxes are built when an option of its questions is opened.
    "02_explore.ipynb": {".widget-text input": 1, ".widget-dropdown": 1, ".widget-button": 1},
    "03_compare.ipynb": {".widget-slider": 2},
    "04_short_term.ipynb": {
        TEXTAREA: 7,  # the add form and the persona's six goals
        ".widget-datepicker": 1,
        ".widget-button": 1,
        ".widget-output img": 1,  # the timeline
    },
    "05_long_term.ipynb": {TEXTAREA: 1, ".widget-output img": 1},
    "06_action_plan.ipynb": {TEXTAREA: 1, ".widget-datepicker": 1, ".widget-button": 1},
    # 07's finished questionnaire opens folded: its toggle buttons come with "Take it again".
    "07_review.ipynb": {TEXTAREA: 1, ".widget-slider": 1, ".widget-image": 1},
}
ANY_WIDGET = {".jupyter-widgets": 1}


def docs_pictures(notebook: Notebook) -> None:
    """README pictures, when ``make screenshots`` asks for them."""
    if notebook.name == "00_start.ipynb":
        first = notebook.locator(".jp-Cell").first
        notebook.picture(docs_path("00_start.png"), first, notebook.cell("setup_check()"))
    elif notebook.name == "01_dream_job.ipynb":
        result = notebook.locator(".widget-html", has_text="Your interest code").first
        chart = notebook.locator(".widget-image").first
        notebook.picture(docs_path("01_interests.png"), result, chart)


def notebook_runs(notebook: Notebook) -> list[str]:
    """What went wrong running a step's notebook in JupyterLab (cells, error output, widgets
    that failed to show; then the browser console's last errors), its main widgets shown;
    and its picture. tests/browser/test_every_step.py runs it with the other checks."""
    problems = notebook.problems()
    console = notebook.lab.console[-10:]
    if problems and console:
        problems.append("the browser console's last errors:\n" + "\n".join(console))
    with notebook.tall_window():
        notebook.page.screenshot(path=screenshot_path(notebook.name.replace(".ipynb", ".png")))
    docs_pictures(notebook)
    return problems


CURRENT_JS = (
    "() => { const w = window.jupyterapp.shell.currentWidget; return [w.id, w.context?.path]; }"
)


@pytest.mark.timeout(180)
def test_a_step_of_00s_route_opens_in_a_jupyterlab_tab(lab: Lab) -> None:
    target = route()[4]
    with lab.notebook("00_start.ipynb") as notebook:
        listed = notebook.locator(".jp-MarkdownCell p", has_text="▶ 00 Start here")
        notebook.page.evaluate("() => { window.careerkitBeforeClick = true; }")
        # JupyterLab rewrites the href it resolves; the link keeps its text.
        listed.get_by_role("link", name=f"{target.number} {target.title}").click()
        notebook.page.wait_for_function(
            f"() => window.jupyterapp.shell.currentWidget?.context?.path === '{target.file}'"
        )
        opened, path = notebook.page.evaluate(CURRENT_JS)
        same_page = notebook.page.evaluate("() => window.careerkitBeforeClick === true")
        notebook.page.evaluate(CLOSE_JS, opened)  # stop the kernel it started
    assert path == target.file and same_page  # a new tab of JupyterLab, not a page load


# --- layout at 1280 px with JupyterLab's side panel open -----------------------------------

# Texts of the careerkit output areas that do not fit their box (cut or hidden), and
# output areas wider than the notebook (a horizontal scrollbar hides what is on the right).
CLIPPED_JS = """(root) => {
  const found = [];
  const outputs = document.querySelector(root).querySelectorAll('.jp-OutputArea-output');
  for (const out of outputs) {
    if (out.scrollWidth > out.clientWidth + 1) found.push(`output wider than the notebook`);
    const texts = out.querySelectorAll('.widget-label, .widget-readout');
    for (const el of texts) {
      if (el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
        found.push(`cut off: "${el.innerText.trim().slice(0, 60)}" ` +
          `(${el.className}: ${el.scrollWidth} > ${el.clientWidth} px)`);
    }
    for (const input of out.querySelectorAll('input[type=text], input:not([type])')) {
      if (input.offsetParent !== null && input.scrollWidth > input.clientWidth + 1)
        found.push(`text too long for its box: "${input.value.slice(0, 60)}"`);
    }
  }
  return found;
}"""


@contextmanager
def side_panel_open(lab: Lab) -> Iterator[None]:
    """JupyterLab's file browser open on the left, as a person usually has it."""
    lab.page.evaluate("() => window.jupyterapp.shell.expandLeft()")
    try:
        yield
    finally:
        lab.page.evaluate("() => window.jupyterapp.shell.collapseLeft()")


def clipped(notebook: Notebook) -> list[str]:
    return notebook.page.evaluate(CLIPPED_JS, f"[id='{notebook.id}']")


@pytest.mark.timeout(180)
def test_start_form_lines_up_and_saves_while_typing(lab: Lab, careerkit_home: Path) -> None:
    workshop = "Spring career-change group 2026, Tuesday evenings"
    with side_panel_open(lab), lab.notebook("00_start.ipynb") as notebook:
        form = notebook.cell("ProfileForm(")
        inputs = form.locator(".widget-text input")
        expect(inputs).to_have_count(3)
        boxes = [inputs.nth(i).bounding_box() for i in range(3)]
        boxes.append(form.locator(".widget-dropdown select").bounding_box())
        assert all(boxes)
        assert len({round(b["x"]) for b in boxes}) == 1, boxes  # one column of boxes
        assert min(b["width"] for b in boxes) >= 400, boxes
        box = inputs.nth(2)  # the workshop, typed and never left
        box.fill(workshop)
        expect(form).to_contain_text("Saved at")
        wait_for_plan(careerkit_home, lambda p: p["profile"]["workshop"] == workshop)
        assert not clipped(notebook), clipped(notebook)
        form.screenshot(path=screenshot_path("00_form_side_panel.png"))


@pytest.mark.timeout(180)
def test_explore_fits_beside_the_side_panel(lab: Lab) -> None:
    with side_panel_open(lab), lab.notebook("02_explore.ipynb") as notebook:
        cell = notebook.cell("explore.browser(")
        filters = cell.locator(".jupyter-widget-Collapse-header", has_text="Filter and sort")
        filters.click()  # folded: optional; opened, they must fit too
        expect(cell.locator(".widget-html", has_text="Job outlook:")).to_be_visible()
        pick = cell.locator(".widget-dropdown", has_text="See the profile of")
        table = cell.locator("table").first
        expect(table).to_be_visible()
        assert pick.bounding_box()["y"] < table.bounding_box()["y"]  # picker above the table
        readout = cell.locator(".widget-html", has_text=" – $").first
        expect(readout).to_contain_text(re.compile(r"\$[\d,]+ – \$[\d,]{7}"))  # $250,000 in full
        with notebook.tall_window():
            cell.screenshot(path=screenshot_path("02_browser_side_panel.png"))
        problems = clipped(notebook)
        assert not problems, problems


@pytest.mark.timeout(180)
def test_goal_cards_fit_beside_the_side_panel(lab: Lab) -> None:
    with side_panel_open(lab), lab.notebook("04_short_term.ipynb") as notebook:
        cell = notebook.cell("goal_editor(")
        status = cell.locator(".widget-dropdown", has_text="Status").first
        expect(status).to_be_visible()
        area = cell.locator(".jp-OutputArea-output").first.bounding_box()
        box = status.bounding_box()
        assert box["x"] + box["width"] <= area["x"] + area["width"], (box, area)
        with notebook.tall_window():
            cell.screenshot(path=screenshot_path("04_goals_side_panel.png"))
        problems = clipped(notebook)
        assert not problems, problems
