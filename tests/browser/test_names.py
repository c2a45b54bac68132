"""What a screen reader announces for every control on every step, in JupyterLab and in
Voila: Chromium's computed accessible name (its accessibility tree, read through the
DevTools protocol) is never empty or "null", and a slider handle's value text is the value
shown beside it (a rating's words, not the index of the slider's stop). axe-core checks that
a name exists; it takes a tooltip of "null" for a name and does not read value texts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.conftest import (
    NEXT_FRAME_JS,
    Lab,
    Notebook,
    expect,
    open_fold,
    screenshot_path,
)
from tests.browser.test_workbook import MAIN_WIDGETS

if TYPE_CHECKING:
    from playwright.sync_api import CDPSession, Page

pytestmark = pytest.mark.browser

# The roles of what a person operates: each must carry a name.
CONTROLS = {
    "button",
    "checkbox",
    "combobox",
    "date",
    "DateTime",
    "InputTime",
    "listbox",
    "menuitem",
    "radio",
    "searchbox",
    "slider",
    "spinbutton",
    "switch",
    "tab",
    "textbox",
    "toggleButton",
}
# A folded section's header (an ipywidgets Accordion's), and the section that is open.
FOLD_HEADER = ".jupyter-widget-Collapse-header"
OPEN_FOLD = ".jupyter-widget-Collapse-open"
# 03's rating sliders: their tooltip says whose rating they hold.
RATING_SLIDER = '.widget-slider:has(> .widget-label[title*="your rating of"])'
# What a screen reader does not say: zero-width spaces and joiners (JupyterLab's ipywidgets
# stylesheet puts one before a button without words, `:empty:before`, and Chromium takes it
# for the button's name) and the private-use glyphs of icon fonts (FontAwesome's "\uf067").
SILENT = re.compile("[\u200b-\u200d\u2060\ufeff\ue000-\uf8ff\U000f0000-\U0010ffff]")
# careerkit's output areas: JupyterLab's own chrome (menus, toolbars, cell editors) is not ours.
OUTPUTS = ".jp-OutputArea-output"
# The value shown for a slider handle: its readout, one end of it for a range slider
# (ipywidgets writes "low – high"); a hidden readout still holds the text a person would see.
SHOWN_JS = """function () {
  const slider = this.closest('.widget-slider');
  const readout = slider && slider.querySelector('.widget-readout');
  const handles = slider ? Array.from(slider.querySelectorAll('.noUi-handle[role="slider"]')) : [];
  let shown = readout ? readout.textContent.trim() : null;
  if (shown !== null && handles.length === 2) {
    shown = shown.split(/\\s+[\\u2013-]\\s+/)[handles.indexOf(this)] ?? shown;
  }
  return {valuetext: this.getAttribute('aria-valuetext'), shown};
}"""


def _controls(cdp: CDPSession, scope: str) -> list[dict[str, Any]]:
    """The accessibility tree's controls under the elements matching ``scope``, not ignored."""
    document = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    roots = cdp.send("DOM.querySelectorAll", {"nodeId": document, "selector": scope})["nodeIds"]
    wanted = {cdp.send("DOM.describeNode", {"nodeId": n})["node"]["backendNodeId"] for n in roots}
    tree = cdp.send("Accessibility.getFullAXTree")["nodes"]
    by_id = {node["nodeId"]: node for node in tree}
    found: list[dict[str, Any]] = []
    todo = [node for node in tree if node.get("backendDOMNodeId") in wanted]
    seen: set[str] = set()
    while todo:
        node = todo.pop()
        if node["nodeId"] in seen:
            continue
        seen.add(node["nodeId"])
        role = node.get("role", {}).get("value")
        if role in CONTROLS and not node.get("ignored"):
            found.append(node)
        todo.extend(by_id[child] for child in node.get("childIds", []) if child in by_id)
    return found


def _html(cdp: CDPSession, node: dict[str, Any]) -> str:
    """The start of a control's HTML, to find it by (its widget's classes)."""
    if "backendDOMNodeId" not in node:
        return "(no element)"
    found = cdp.send("DOM.getOuterHTML", {"backendNodeId": node["backendDOMNodeId"]})
    return found["outerHTML"][:160]


def problems(page: Page, scope: str) -> tuple[int, list[str]]:
    """How many controls there are under ``scope``, and what is wrong with their names and
    slider value texts."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("Accessibility.enable")
        controls = _controls(cdp, scope)
        found = []
        for node in controls:
            role = node["role"]["value"]
            name = SILENT.sub("", node.get("name", {}).get("value") or "").strip()
            where = f"a {role} named {name!r}" if name else f"a {role}"
            if not name or re.search(r"\bnull\b", name, re.IGNORECASE):
                found.append(f"{where}: no name a screen reader can announce: {_html(cdp, node)}")
            if role != "slider" or "backendDOMNodeId" not in node:
                continue
            handle = cdp.send("DOM.resolveNode", {"backendNodeId": node["backendDOMNodeId"]})
            texts = cdp.send(
                "Runtime.callFunctionOn",
                {
                    "objectId": handle["object"]["objectId"],
                    "functionDeclaration": SHOWN_JS,
                    "returnByValue": True,
                },
            )["result"]["value"]
            if texts["shown"] is None:
                continue  # not an ipywidgets slider: nothing shown to compare with
            if (texts["valuetext"] or "").strip() != texts["shown"]:
                found.append(
                    f"{where}: value text {texts['valuetext']!r}, but the page shows "
                    f"{texts['shown']!r}"
                )
        return len(controls), found
    finally:
        cdp.detach()


def settled(page: Page) -> None:
    """Wait until the page's namer (careerkit.ui.kit.a11y) is installed, where something needs
    it, and has had its animation frame."""
    page.wait_for_function(
        "() => window.careerkitNames || !document.querySelector("
        "'.noUi-handle, .widget-text input[title], .widget-textarea textarea[title]')"
    )
    page.evaluate(NEXT_FRAME_JS)


def every_fold(page: Page, scope: str) -> tuple[int, list[str]]:
    """:func:`problems` of the page as it opens, then with each folded section shown (02's
    options, whose forms are built when opened; 01's done parts) open in turn."""
    count, found = problems(page, scope)
    headers = page.locator(scope).locator(FOLD_HEADER)
    for i in range(headers.count()):
        header = headers.nth(i)
        if not header.is_visible() or header.get_attribute("aria-expanded") == "true":
            continue  # 07's questionnaire before "Take it again"; a part open already
        header.click()
        contents = header.locator(f"xpath=parent::*[contains(@class, '{OPEN_FOLD[1:]}')]")
        # 02's forms are built as they open; 03's chart and stones are words and a picture.
        shown = "textarea, input, button, select, .widget-html, .widget-image"
        expect(contents.locator(shown).first).to_be_visible()
        settled(page)
        more, also = problems(page, scope)
        count += more
        found += [problem for problem in also if problem not in found]
    return count, found


NO_CONTROL = "no control found in the accessibility tree"


def named_in_jupyterlab(notebook: Notebook) -> list[str]:
    """What is wrong with the names and value texts of a step's controls in JupyterLab (its
    cells run, its main widgets shown), 02's folded forms opened in turn: see
    tests/browser/test_every_step.py, which opens each step once for every concern."""
    settled(notebook.page)
    count, found = every_fold(notebook.page, f"[id='{notebook.id}'] {OUTPUTS}")
    return found if count else [NO_CONTROL]


def named_in_voila(page: Page, name: str) -> list[str]:
    """The same in Voila, on the whole page of step ``name`` (open, its main widgets shown);
    a picture of the page when something is wrong."""
    settled(page)
    count, found = every_fold(page, "body")
    if found:
        page.screenshot(path=screenshot_path(f"names-voila-{Path(name).stem}.png"))
    return found if count else [NO_CONTROL]


@pytest.mark.timeout(240)
def test_a_rating_moved_with_the_keyboard_reads_its_new_value(lab: Lab) -> None:
    name = "03_compare.ipynb"
    with lab.notebook(name) as notebook:
        notebook.wait_for_widgets(MAIN_WIDGETS[name])
        settled(notebook.page)
        open_fold(notebook.cell("board.ratings_panel"), "Your ratings")  # rated: folded
        slider = notebook.locator(RATING_SLIDER).first
        handle, readout = slider.locator(".noUi-handle"), slider.locator(".widget-readout")
        before = readout.inner_text()
        at_top = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        handle.focus()
        handle.press("ArrowLeft" if at_top else "ArrowRight")
        expect(readout).not_to_have_text(before)
        expect(handle).to_have_attribute("aria-valuetext", readout.inner_text())
        expect(handle).to_have_attribute("aria-label", re.compile(r"your rating of"))
