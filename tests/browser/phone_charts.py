"""Charts that scale on a phone (issue 24 §2 and §5): at 390 px wide, a chart's text is read
at its size in the PNG times the width it is shown at over the PNG's own width (an image
scaled to the screen shrinks its text). 01's interest chart, 02's shortlist, 04's timeline,
05's skills chart and roadmap and 07's progress are drawn for a phone as well
(:class:`careerkit.ui.kit.a11y.ChartImage` and :class:`~careerkit.ui.kit.a11y.Chart`), and
that drawing is the one shown. Checked on the phone test's one page load a step
(tests/browser/test_look.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

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


#: Each step's charts drawn for a phone: the start of each chart's text alternative, which
#: the sample persona's page shows once loaded; and the fold a chart is in, opened first.
STEP_CHARTS = {
    "01_dream_job.ipynb": ["Chart: your interest profile"],
    "02_explore.ipynb": ["Chart: your shortlist"],
    "04_short_term.ipynb": ["Chart: Your short-term goals"],
    "05_long_term.ipynb": ["Chart: Skills", "Chart: Your"],
    "07_review.ipynb": ["Chart: progress on your goals", "Chart: your interest profile"],
}
FOLDED_CHARTS = {"05_long_term.ipynb": "Skills to acquire"}  # folded once written


def phone_chart_problems(page: Page, name: str) -> list[str]:
    """At a phone's width, on step ``name`` open in Voila: each of its charts shown once, its
    smallest text at least READABLE_PX and nothing past the screen. Opens the chart's fold:
    tests/browser/test_look.py's phone test runs it last on its one page load a step."""
    expected = STEP_CHARTS.get(name, [])
    if bar_text := FOLDED_CHARTS.get(name):
        bar = page.locator(".jupyter-widget-Collapse-header", has_text=bar_text)
        if bar.count():  # opened as a person would
            bar.first.click()
    for alt in expected:
        page.locator(f'img[alt^="{alt}"]:visible').first.wait_for()
    sizes = shown_text_px(page)
    right = page.evaluate(RIGHTMOST_CHART_JS)
    shown = sorted(alt for alt, _ in sizes)
    problems = []
    if len(shown) != len(expected) or not all(
        any(a.startswith(e) for a in shown) for e in expected
    ):
        problems.append(f"charts shown {shown}, one drawing of each of {expected} expected")
    problems += [
        f"chart {alt}: smallest text {px:.1f} px, under {READABLE_PX} px"
        for alt, px in sizes
        if px < READABLE_PX
    ]
    if right > page.viewport_size["width"]:  # type: ignore[index]
        problems.append(f"a chart runs past the screen ({right:.0f} px)")
    return problems
