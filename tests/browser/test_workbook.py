"""Every notebook of the workbook runs in JupyterLab, in a real browser, without an error."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Lab, Notebook, docs_path, notebook_names, screenshot_path

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
    "02_explore.ipynb": {TEXTAREA: 1, ".widget-dropdown": 1, ".widget-button": 1},
    "03_compare.ipynb": {".widget-slider": 2},
    "04_short_term.ipynb": {
        TEXTAREA: 7,  # the add form and the persona's six goals
        ".widget-datepicker": 1,
        ".widget-button": 1,
        ".widget-output img": 1,  # the timeline
    },
    "05_long_term.ipynb": {TEXTAREA: 1, ".widget-output img": 1},
    "06_action_plan.ipynb": {TEXTAREA: 1, ".widget-datepicker": 1, ".widget-button": 1},
    "07_review.ipynb": {TEXTAREA: 1, ".widget-toggle-buttons": 12, ".widget-image": 1},
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


@pytest.mark.timeout(180)  # the first test also starts JupyterLab and the browser
@pytest.mark.parametrize("name", notebook_names())
def test_notebook_runs_in_jupyterlab(lab: Lab, name: str) -> None:
    with lab.notebook(name) as notebook:
        notebook.wait_for_widgets(MAIN_WIDGETS.get(name, ANY_WIDGET))
        notebook.assert_clean()
        with notebook.tall_window():
            notebook.page.screenshot(path=screenshot_path(name.replace(".ipynb", ".png")))
        docs_pictures(notebook)
