"""Every step of the app (Voila) on a phone, 390 x 844 px: one column that never scrolls
sideways (the page, a panel inside it, or something sticking out past the screen's edge),
and every button and input a finger can hit (at least 44 px tall)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import (
    NEXT_FRAME_JS,
    WAIT_MS,
    Server,
    expect,
    notebook_names,
    screenshot_path,
    whole_page_picture,
)
from tests.browser.test_workbook import ANY_WIDGET, MAIN_WIDGETS

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}  # an iPhone 12-15's viewport in CSS pixels
TAP_PX = 44  # smallest tap target (WCAG 2.5.5, Apple's guidelines)

# How a problem names an element: its tag, classes and the start of its text.
DESCRIBE_JS = """function describe(el) {
  const classes = Array.from(el.classList).slice(0, 3).map(c => '.' + c).join('');
  const text = (el.innerText || el.value || el.getAttribute('aria-label') || '')
    .trim().replace(/\\s+/g, ' ').slice(0, 40);
  return `<${el.tagName.toLowerCase()}${classes}> "${text}"`;
}"""
# Sideways scrolling: the page's own width, boxes inside that scroll sideways (Voila scrolls a
# panel, not the document), and the outermost visible elements whose right edge is past the
# screen's (cut off, or pushing their box wider).
SIDEWAYS_JS = f"""() => {{ {DESCRIBE_JS}
  const width = window.innerWidth;
  const found = [];
  const page = document.scrollingElement.scrollWidth;
  if (page > width + 1) found.push(`the page is ${{page}} px wide`);
  const all = Array.from(document.body.querySelectorAll('*'))
    .filter(el => el.checkVisibility() && el.getBoundingClientRect().width > 0);
  for (const el of all) {{
    const overflow = getComputedStyle(el).overflowX;
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1) {{
      found.push(`${{describe(el)}} scrolls sideways (${{el.scrollWidth}} px in ${{el.clientWidth}})`);
    }}
  }}
  const past = [];
  for (const el of all) {{
    const right = el.getBoundingClientRect().right;
    if (right > width + 1 && !past.some(p => p.contains(el))) {{
      past.push(el);
      found.push(`${{describe(el)}} reaches ${{Math.round(right)}} px`);
    }}
  }}
  return found;
}}"""
# Buttons and inputs shorter than a fingertip; a checkbox is hit through its label.
SMALL_JS = f"""(least) => {{ {DESCRIBE_JS}
  const found = [];
  const controls = document.querySelectorAll(
    '#rendered_cells :is(button, input:not([type="hidden"]), select, textarea)');
  for (const control of controls) {{
    if (!control.checkVisibility()) continue;
    const target = control.type === 'checkbox' ? (control.closest('label') || control) : control;
    const box = target.getBoundingClientRect();
    if (box.width && box.height < least - 0.5) {{
      found.push(`${{describe(target)}} is ${{box.height.toFixed(1)}} px tall`);
    }}
  }}
  return found;
}}"""


@pytest.mark.timeout(240)
@pytest.mark.parametrize("name", notebook_names())
def test_every_step_fits_a_phone(browser: Browser, voila_tree: Server, name: str) -> None:
    page = browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.set_default_timeout(WAIT_MS)
    try:
        page.goto(voila_tree.address(f"/voila/render/{name}"))
        for selector, at_least in MAIN_WIDGETS.get(name, ANY_WIDGET).items():
            expect(page.locator(selector).nth(at_least - 1)).to_be_attached(timeout=WAIT_MS)
        page.wait_for_load_state("networkidle")
        page.evaluate(NEXT_FRAME_JS)
        sideways = page.evaluate(SIDEWAYS_JS)
        small = page.evaluate(SMALL_JS, TAP_PX)
        whole_page_picture(page, screenshot_path(f"phone-{Path(name).stem}.png"))
    finally:
        page.close()
    problems = [*sideways[:15], *small[:15]]
    counts = f"{len(sideways)} sideways, {len(small)} too small"
    assert not problems, f"{name} at {PHONE['width']} px ({counts}):\n" + "\n".join(problems)
