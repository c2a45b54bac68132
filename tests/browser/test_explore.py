"""Step 02 in a real browser: a row of the occupations table clicked, or its title reached
with Tab and pressed with Enter or Space, shows that occupation's card and is chosen in the
picker, in JupyterLab and in Voila; an option of the questions opened shows its form."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from careerkit.steps.explore import occupation as occ
from tests.browser.conftest import WAIT_MS, Lab, Server, expect, screenshot_path

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.browser

ROWS = "table.careerkit-table tr[data-key]"
FIRST_OPTION = "Medical and Health Services Managers"  # the sample persona's, with answers


def shows(scope: Page | Locator, row: Locator) -> None:
    """The card's heading names the occupation of ``row``, the picker has chosen it and the
    table marks it as the picked row."""
    code, title = row.get_attribute("data-key"), row.locator("button").inner_text()
    expect(scope.locator("h4", has_text=f"({code})")).to_contain_text(title)
    picker = scope.locator(".widget-dropdown", has_text="See the profile of").locator("select")
    expect(picker).to_have_count(1)
    expect(picker.locator("option:checked")).to_have_text(title)  # spaces there are &nbsp;
    expect(row.locator("button")).to_have_attribute("aria-current", "true")
    expect(scope.locator(f"{ROWS} button[aria-current]")).to_have_count(1)


def click_and_press(scope: Page | Locator) -> None:
    """Click one row (not on its title), then pick two others with the keyboard."""
    rows = scope.locator(ROWS)
    expect(rows.nth(3)).to_be_visible(timeout=WAIT_MS)
    rows.nth(1).locator("td").nth(2).click()  # the first row is already on the card
    shows(scope, rows.nth(1))
    keyboard = rows.page.keyboard
    rows.nth(2).locator("button").focus()
    keyboard.press("Enter")
    shows(scope, rows.nth(2))
    keyboard.press("Tab")  # the next row's title is the next stop
    expect(rows.nth(3).locator("button")).to_be_focused()
    keyboard.press("Space")
    shows(scope, rows.nth(3))


@pytest.mark.timeout(180)
def test_a_row_picked_in_jupyterlab_shows_its_profile(lab: Lab) -> None:
    with lab.notebook("02_explore.ipynb") as notebook:
        cell = notebook.cell("explore.browser(")
        click_and_press(cell)
        with notebook.tall_window():
            cell.screenshot(path=screenshot_path("02_row_picked.png"))
        notebook.assert_clean()


@pytest.mark.timeout(180)
def test_a_row_picked_in_voila_shows_its_profile(page: Page, voila_tree: Server) -> None:
    page.goto(voila_tree.address("/voila/render/02_explore.ipynb"))
    click_and_press(page)
    page.locator(ROWS).nth(3).scroll_into_view_if_needed()
    page.screenshot(path=screenshot_path("02_row_picked_voila.png"))


@pytest.mark.timeout(180)
def test_an_option_opened_in_jupyterlab_shows_its_questions(lab: Lab) -> None:
    """The forms are built when an option is opened, not with the page."""
    with lab.notebook("02_explore.ipynb") as notebook:
        cell = notebook.cell("explore.questions(")
        header = cell.locator(".jupyter-widget-Collapse-header", has_text=FIRST_OPTION)
        expect(header).to_be_visible(timeout=WAIT_MS)
        expect(cell.locator("textarea")).to_have_count(0)
        header.click()
        boxes = cell.locator(".jupyter-widget-Collapse-open textarea")
        expect(boxes).to_have_count(len(occ.QUESTIONS) + 1, timeout=WAIT_MS)  # and the notes
        inspiring = [q.id for q in occ.QUESTIONS].index("inspiring")
        expect(boxes.nth(inspiring)).to_have_value("Running a clinic so patients are seen on time.")
        with notebook.tall_window():
            cell.screenshot(path=screenshot_path("02_questions_opened.png"))
        notebook.assert_clean()
