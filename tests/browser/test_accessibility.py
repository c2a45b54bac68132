"""axe-core over every notebook's careerkit output, in JupyterLab and in Voila: no serious or
critical finding (a control without a label a screen reader announces, text too faint...)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.axe import axe_missing, report, violations
from tests.browser.conftest import (
    WAIT_MS,
    Lab,
    Server,
    expect,
    notebook_names,
    screenshot_path,
)
from tests.browser.test_workbook import ANY_WIDGET, MAIN_WIDGETS

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def _needs_axe() -> None:
    reason = axe_missing()
    if reason:
        pytest.skip(f"accessibility tests need axe-core: {reason}")


@pytest.mark.timeout(180)
@pytest.mark.parametrize("name", notebook_names())
def test_jupyterlab_outputs_pass_axe(lab: Lab, name: str) -> None:
    with lab.notebook(name) as notebook:
        notebook.wait_for_widgets(MAIN_WIDGETS.get(name, ANY_WIDGET))
        found = violations(notebook.page, f"[id='{notebook.id}']")
        assert not found, f"{name} in JupyterLab:\n{report(found)}"


@pytest.mark.timeout(180)
@pytest.mark.parametrize("name", notebook_names())
def test_voila_page_passes_axe(page: Page, voila_tree: Server, name: str) -> None:
    page.goto(voila_tree.address(f"/voila/render/{name}"))
    for selector, at_least in MAIN_WIDGETS.get(name, ANY_WIDGET).items():
        expect(page.locator(selector).nth(at_least - 1)).to_be_attached(timeout=WAIT_MS)
    found = violations(page)
    if found:
        page.screenshot(path=screenshot_path(f"axe-voila-{Path(name).stem}.png"))
    assert not found, f"{name} in Voila:\n{report(found)}"
