"""Charts that scale on a phone (issue 24 §2 and §5): at 390 px wide, a chart's text is read
at its size in the PNG times the width it is shown at over the PNG's own width (an image
scaled to the screen shrinks its text). 05's skills chart is drawn for a phone as well
(:class:`careerkit.ui.kit.a11y.ChartImage`), and that drawing is the one shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import Server
from tests.browser.test_look import PHONE, open_step

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

READABLE_PX = 11  # the smallest chart text, in CSS px, at a phone's width
#: matplotlib's own text size (10 pt at 96 dpi): a chart that does not say the size of its
#: smallest text is taken to draw none smaller, which is kind to it.
DEFAULT_TEXT_PX = 10 * 96 / 72
# Every chart shown: its text alternative, the text size it states (data-text-px), its PNG's
# width and the width it is shown at.
SHOWN_CHARTS_JS = """() => Array.from(document.querySelectorAll('img[alt^="Chart"]'))
  .filter(img => img.checkVisibility() && img.naturalWidth > 0)
  .map(img => ({alt: img.alt, stated: img.dataset.textPx || null,
                natural: img.naturalWidth, shown: img.getBoundingClientRect().width}))"""


def shown_text_px(page: Page) -> dict[str, float]:
    """Each chart on the page (by its text alternative): its smallest text as shown, in px."""
    return {
        chart["alt"]: float(chart["stated"] or DEFAULT_TEXT_PX) * chart["shown"] / chart["natural"]
        for chart in page.evaluate(SHOWN_CHARTS_JS)
    }


@pytest.mark.timeout(240)
def test_05s_skills_chart_is_readable_on_a_phone(browser: Browser, voila_tree: Server) -> None:
    page = browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        open_step(page, voila_tree, "05_long_term.ipynb")
        bar = page.locator(".jupyter-widget-Collapse-header", has_text="Skills to acquire")
        if bar.count():  # folded once written: opened as a person would
            bar.click()
        skills = page.locator('img[alt^="Chart: Skills"]:visible')
        skills.first.wait_for()
        sizes = shown_text_px(page)
        width = skills.first.evaluate("img => img.getBoundingClientRect().right")
    finally:
        page.close()
    found = {alt: px for alt, px in sizes.items() if alt.startswith("Chart: Skills")}
    assert len(found) == 1, f"one skills chart shown at {PHONE['width']} px: {sizes}"
    ((alt, px),) = found.items()
    assert px >= READABLE_PX, f"{alt!r}: its smallest text is {px:.1f} px on a phone"
    assert width <= PHONE["width"], f"the skills chart runs past the screen ({width:.0f} px)"
