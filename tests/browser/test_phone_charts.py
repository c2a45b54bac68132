"""Charts that scale on a phone (issue 24 §2 and §5): at 390 px wide, a chart's text is read
at its size in the PNG times the width it is shown at over the PNG's own width (an image
scaled to the screen shrinks its text). 01's interest chart, 02's shortlist, 04's timeline,
05's skills chart and roadmap and 07's progress are drawn for a phone as well
(:class:`careerkit.ui.kit.a11y.ChartImage` and :class:`~careerkit.ui.kit.a11y.Chart`), and
that drawing is the one shown. One page load a step (each costs about 15 s)."""

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

RIGHTMOST_CHART_JS = """() => Math.max(0,
  ...Array.from(document.querySelectorAll('img[alt^="Chart"]'))
    .filter(img => img.checkVisibility()).map(img => img.getBoundingClientRect().right))"""


def shown_text_px(page: Page) -> list[tuple[str, float]]:
    """Each chart shown (its text alternative) with its smallest text as shown, in px."""
    return [
        (
            chart["alt"],
            float(chart["stated"] or DEFAULT_TEXT_PX) * chart["shown"] / chart["natural"],
        )
        for chart in page.evaluate(SHOWN_CHARTS_JS)
    ]


@pytest.mark.timeout(240)
def test_05s_charts_are_readable_on_a_phone(browser: Browser, voila_tree: Server) -> None:
    page = browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        open_step(page, voila_tree, "05_long_term.ipynb")
        bar = page.locator(".jupyter-widget-Collapse-header", has_text="Skills to acquire")
        if bar.count():  # folded once written: opened as a person would
            bar.click()
        page.locator('img[alt^="Chart: Skills"]:visible').first.wait_for()
        sizes = shown_text_px(page)
        right = page.evaluate(RIGHTMOST_CHART_JS)
    finally:
        page.close()
    shown = sorted(alt.split(" ")[1] for alt, _ in sizes)  # one drawing of each chart
    assert shown == ["Skills", "Your"], f"05's charts shown at {PHONE['width']} px: {sizes}"
    small = [f"{alt}: {px:.1f} px" for alt, px in sizes if px < READABLE_PX]
    assert not small, f"charts whose smallest text is under {READABLE_PX} px on a phone: {small}"
    assert right <= PHONE["width"], f"a chart runs past the screen ({right:.0f} px)"


#: Each step whose charts are drawn for a phone (besides 05): the start of each chart's text
#: alternative, which the sample persona's page shows once loaded.
STEP_CHARTS = {
    "01_dream_job.ipynb": ["Chart: your interest profile"],
    "02_explore.ipynb": ["Chart: your shortlist"],
    "04_short_term.ipynb": ["Chart: Your short-term goals"],
    "07_review.ipynb": ["Chart: progress on your goals", "Chart: your interest profile"],
}


@pytest.mark.timeout(240)
@pytest.mark.parametrize("name", list(STEP_CHARTS))
def test_the_other_steps_charts_are_readable_on_a_phone(
    browser: Browser, voila_tree: Server, name: str
) -> None:
    page = browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        open_step(page, voila_tree, name)
        for alt in STEP_CHARTS[name]:
            page.locator(f'img[alt^="{alt}"]:visible').first.wait_for()
        sizes = shown_text_px(page)
        right = page.evaluate(RIGHTMOST_CHART_JS)
    finally:
        page.close()
    shown = sorted(alt for alt, _ in sizes)
    expected = STEP_CHARTS[name]
    assert [any(a.startswith(e) for a in shown) for e in expected] == [True] * len(expected)
    assert len(shown) == len(expected), f"one drawing of each chart at {PHONE['width']} px: {shown}"
    small = [f"{alt}: {px:.1f} px" for alt, px in sizes if px < READABLE_PX]
    assert not small, f"charts whose smallest text is under {READABLE_PX} px on a phone: {small}"
    assert right <= PHONE["width"], f"a chart runs past the screen ({right:.0f} px)"
