"""A workbook notebook opened in JupyterLab and not changed is not marked modified (no ● on
its tab, no "Save your changes?" on closing): once its kernel has told JupyterLab its
language, the document still equals the file."""

from __future__ import annotations

import pytest

from tests.browser.conftest import CLOSE_JS, KERNEL_IDLE_JS, OPEN_JS, Lab, notebook_names

pytestmark = pytest.mark.browser

FIND = "Array.from(window.jupyterapp.shell.widgets('main')).find(w => w.id === id)"
# The kernel's language details reached the document (JupyterLab writes them on connecting).
KERNEL_LANGUAGE_JS = f"(id) => !!{FIND}.context.model.getMetadata('language_info')?.version"
DIRTY_JS = f"(id) => {FIND}.context.model.dirty"
TAB_JS = f"(id) => {FIND}.title.className"


@pytest.mark.parametrize("name", [*notebook_names(), "coach/cohort_summary.ipynb"])
def test_a_notebook_opened_and_not_changed_is_not_modified(lab: Lab, name: str) -> None:
    widget_id = lab.page.evaluate(OPEN_JS, name)
    try:
        lab.page.wait_for_function(KERNEL_IDLE_JS, arg=widget_id)
        lab.page.wait_for_function(KERNEL_LANGUAGE_JS, arg=widget_id)
        assert lab.page.evaluate(DIRTY_JS, widget_id) is False, name
        assert "jp-mod-dirty" not in lab.page.evaluate(TAB_JS, widget_id), name
    finally:
        lab.page.evaluate(CLOSE_JS, widget_id)
