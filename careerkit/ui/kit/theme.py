"""The workbook's look: one stylesheet for careerkit's widgets, in JupyterLab and in the app.

Shown once per page by the banner every step shows (:class:`careerkit.ui.Banner`), it applies
only to a notebook (or Voila page) that shows it: every rule starts with :data:`SCOPE`, which
finds the invisible element carrying :data:`THEME_CLASS`. It gives

- prose boxes (where a person writes) the page's font, not a code font;
- one primary and one secondary button look (:mod:`careerkit.ui.kit.buttons` adds the
  classes; ipywidgets' own button styles are drawn the same way), with the same size rules;
- one type scale: widget text the size of the page's text, hints at least 13 px in a grey
  of at least 4.5:1 contrast on white;
- rows that wrap instead of running off the right edge, labels that wrap instead of being
  cut, controls no wider than their card; every dropdown as wide as its longest option
  (the browser measures it), at most its column, its label above it when both do not fit
  on one line (a long occupation title whole wherever the column holds it);
- folds (:mod:`careerkit.ui.kit.fold`) whose title bars read as buttons;
- on a phone (:data:`PHONE_PX` wide or less): one column, dropdowns the column's width
  (a title longer than the screen is cut there; the native picker shows it whole), tap
  targets at least 44 px tall,
  labels above their controls, charts and tables within the screen (a chart drawn for a
  phone as well shows that drawing, its text readable; tables of many columns as cards,
  :mod:`careerkit.report.cards`), slider handles whole at either end.
"""

from __future__ import annotations

import ipywidgets as w

from careerkit import palette
from careerkit.report.cards import CARDS, FACTS, KEEP
from careerkit.ui.kit import lean
from careerkit.ui.kit.a11y import NARROW_CHART, WIDE_CHART

THEME_CLASS = "ck-theme"
PRIMARY_CLASS = "ck-primary"
SECONDARY_CLASS = "ck-secondary"
ICON_CLASS = "ck-icon"  # a button showing only its icon (its tooltip names it)
#: A notebook (JupyterLab) or the app's page (Voila) that shows the stylesheet's widget.
SCOPE = f":where(.jp-Notebook, #rendered_cells):has(.{THEME_CLASS})"
#: Widest screen that gets the phone layout (CSS px; a phone held upright is 360-430).
PHONE_PX = 640
TAP_PX = 44  # smallest tap target on a phone (WCAG 2.5.5)
# A widget's width, its margins (ipywidgets' 2 px each side) taken off, so boxes never scroll.
FULL_WIDTH = "calc(100% - 2 * var(--jp-widgets-margin, 2px))"

PRIMARY_BLUE = palette.BUTTON  # white on it: 5.8:1
HINT_GREY = palette.DARK_GREY  # on white: 7.5:1
BORDER = f"border: 1px solid {PRIMARY_BLUE}"
FONT = "var(--jp-content-font-family, system-ui, -apple-system, 'Segoe UI', sans-serif)"
SIZE = "var(--jp-content-font-size1, 14px)"
# Buttons drawn as primary: careerkit's class and ipywidgets' button styles that mean "do it".
PRIMARY = (
    f".{PRIMARY_CLASS}, .jupyter-button:is(.mod-primary, .mod-success, .mod-info)"
    ":not(.widget-toggle-button)"
)
# Every other plain button (not a row of choices, not a warning or a danger).
SECONDARY = (
    f".{SECONDARY_CLASS}, .jupyter-button:not(.widget-toggle-button, .mod-primary, .mod-success,"
    f" .mod-info, .mod-warning, .mod-danger, .{PRIMARY_CLASS})"
)
BUTTON = ".jupyter-button:not(.widget-toggle-button)"
CONTROLS = (
    ":is(button, .jupyter-button, .widget-text input, .widget-textarea textarea,"
    " .widget-dropdown select, .widget-datepicker input, .widget-combobox input,"
    " .widget-select select)"
)

# (selector under the scope, declarations); "" is the scope itself.
RULES: list[tuple[str, str]] = [
    ("", f"--jp-widgets-font-size: {SIZE}"),
    (
        ":is(.widget-textarea textarea, .widget-text input)",
        f"font-family: {FONT}; font-size: {SIZE}; line-height: 1.45",
    ),
    (".widget-html-content small", f"font-size: max(13px, 0.9em); color: {HINT_GREY}"),
    (
        BUTTON,
        "width: auto; height: auto; min-height: 32px; line-height: 1.25; padding: 6px 14px;"
        " border-radius: 4px; white-space: normal; font-weight: 600",
    ),
    (f".jupyter-button.{ICON_CLASS}", "padding: 6px 8px; min-width: 36px"),
    (f".jupyter-button.{ICON_CLASS} i.fa", "margin-right: 0"),
    (".widget-box > .jupyter-button", "align-self: flex-start"),
    (
        PRIMARY,
        f"background: {PRIMARY_BLUE}; color: {palette.WHITE}; border: 1px solid {PRIMARY_BLUE}",
    ),
    (
        SECONDARY,
        f"background: {palette.WHITE}; color: {PRIMARY_BLUE}; border: 1px solid {PRIMARY_BLUE}",
    ),
    (f":is({PRIMARY}):hover:enabled", f"background: {palette.BUTTON_HOVER}; box-shadow: none"),
    (f":is({SECONDARY}):hover:enabled", f"background: {palette.BUTTON_LIGHT}; box-shadow: none"),
    (
        ".widget-toggle-buttons .widget-toggle-button",
        "width: auto; min-width: 4em; max-width: 100%; overflow: visible; text-overflow: clip",
    ),
    (".widget-toggle-buttons .btn-group", "display: flex; flex-wrap: wrap; gap: 2px 0"),
    (".widget-hbox", "flex-wrap: wrap"),
    (".jupyter-widgets", "max-width: 100%"),
    # A dropdown is as wide as its longest option, whatever width its code gave it (a share
    # of the row or pixels sized for typical values cut the longest real ones: 02's
    # education filter showed "High school diplo" in 101 px), at most its column; its label
    # goes above when the two do not fit on one line. A form that lines its fields up
    # gives the dropdown a ``min_width`` of "min(640px, 100%)" (00's).
    (
        ".widget-dropdown",
        "width: fit-content !important; max-width: 100%; height: auto; flex-wrap: wrap",
    ),
    (
        ".widget-dropdown > select",
        "flex: 1 1 auto; width: auto; min-width: 0; max-width: 100%;"
        " height: var(--jp-widgets-inline-height); padding-right: 24px",  # text clear of arrow
    ),
    # A checkbox's words wrap instead of being cut (03's long occupation titles at 800 px).
    (".widget-checkbox", "height: auto; min-height: var(--jp-widgets-inline-height)"),
    (".widget-checkbox .widget-label-basic", "white-space: normal; height: auto"),
    ("img", "max-width: 100%; height: auto"),
    # A fold's title bar (careerkit.ui.kit.fold): a full-width button in the page's type,
    # blue like the secondary buttons, its focus ring seen.
    (
        ".jupyter-widget-Collapse-header",
        f"font-size: {SIZE}; font-weight: 600; color: {PRIMARY_BLUE}; cursor: pointer;"
        " padding: 8px 12px; min-height: 24px; line-height: 1.4",
    ),
    (".jupyter-widget-Collapse-header:focus-visible", f"outline: 2px solid {PRIMARY_BLUE}"),
    (
        ".jupyter-widget-Collapse-open > .jupyter-widget-Collapse-header",
        f"cursor: pointer; color: {PRIMARY_BLUE}",
    ),
    # Folded static text (HTML <details>): its summary reads as the same kind of bar.
    ("details > summary", f"cursor: pointer; color: {PRIMARY_BLUE}; padding: 6px 0"),
]
# On a phone: everything in one column, nothing wider than the screen, fingertip-sized controls.
PHONE_RULES: list[tuple[str, str]] = [
    (
        "",
        f"--jp-widgets-inline-height: {TAP_PX}px; --jp-widgets-inline-width: {FULL_WIDTH}",
    ),
    (".jupyter-widgets", f"max-width: {FULL_WIDTH} !important; min-width: 0 !important"),
    (".widget-box", "max-width: 100% !important"),
    # Dropdowns the column's width: a finger-wide target; one whose title is longer than
    # the screen is cut at the edge, and the phone's own picker opens to show it whole.
    (".widget-dropdown", f"width: {FULL_WIDTH} !important"),
    # Text indented to line up with the controls beside the labels: the labels are above now.
    (":is(.widget-html, .widget-htmlmath)", "margin-left: var(--jp-widgets-margin) !important"),
    (":is(.jp-OutputArea-output, .widget-html-content)", "overflow-wrap: anywhere"),
    (".widget-html-content", "line-height: 1.5"),
    (
        ".widget-inline-hbox:not(.widget-checkbox)",
        f"flex-wrap: wrap; width: {FULL_WIDTH}; height: auto !important",
    ),
    (
        ".widget-inline-hbox:not(.widget-checkbox) > .widget-label",
        "width: 100% !important; max-width: 100%; text-align: left; height: auto;"
        " line-height: 1.4; padding-top: 6px; white-space: normal",
    ),
    (CONTROLS, f"min-height: {TAP_PX}px !important; height: auto; max-width: 100%"),
    (".widget-inline-hbox > :is(select, input, textarea)", "flex: 1 1 auto; min-width: 0"),
    # Room for half a (bigger) handle at each end: a handle at the lowest or highest value
    # stays whole on screen instead of half cut by the slider's edge.
    (
        ".widget-slider .slider-container",
        "flex: 1 1 auto; min-width: 0; width: auto; margin-left: 22px !important;"
        " margin-right: 22px !important",
    ),
    (".widget-slider .noUi-handle", "width: 28px !important; height: 28px !important"),
    (".widget-checkbox", f"height: auto; min-height: {TAP_PX}px; width: {FULL_WIDTH}"),
    (
        ".widget-checkbox :is(label, span)",
        f"white-space: normal; height: auto; min-height: {TAP_PX}px; align-items: center",
    ),
    (":is(table, .rendered_html table)", "max-width: 100%; table-layout: auto; font-size: 13px"),
    (":is(td, th)", "overflow-wrap: anywhere; white-space: normal !important"),
    (".widget-output pre", "white-space: pre-wrap; overflow-wrap: anywhere"),
    # Tables of many columns as cards (careerkit.report.cards): one line per cell, its
    # column's name before its value, no header row; words are never broken.
    (
        f".{CARDS}, .{CARDS} > tbody, .{CARDS} tr, .{CARDS} td",
        "display: block; width: auto !important",
    ),
    (f".{CARDS} tr > th:not(.{KEEP})", "display: none"),
    (
        f".{CARDS} tr:has(> td)",
        f"border: 1px solid {palette.PALE_GREY}; border-radius: 6px; margin: 0 0 8px;"
        " padding: 6px 10px",
    ),
    (
        f".{CARDS} tr > td",
        "border: 0 !important; padding: 2px 0 !important; text-align: left !important;"
        " overflow-wrap: normal",
    ),
    (
        f".{CARDS} td[data-label]::before",
        "content: attr(data-label) ': '; font-weight: 600",  # the cell's own ink (heat map)
    ),
    (f".{CARDS} > caption", "display: block; text-align: left"),
    (f".{FACTS}, .{FACTS} > tbody, .{FACTS} tr, .{FACTS} th, .{FACTS} td", "display: block"),
    (f".{FACTS} th", "padding: 8px 0 0 !important; white-space: normal"),
    (
        ":is(.jupyter-widget-Collapse-header, details > summary)",
        f"min-height: {TAP_PX}px; box-sizing: border-box",
    ),
    (".jupyter-widget-Collapse-contents", "padding: 6px 4px"),
    # A chart drawn for a phone as well (careerkit.ui.kit.a11y.ChartImage) shows that one.
    (f"img.{WIDE_CHART}", "display: none"),
    (f"img.{NARROW_CHART}", "display: block !important"),
]


def _css(rules: list[tuple[str, str]]) -> str:
    return "\n".join(
        f"{SCOPE}{_under(selector)} {{ {declarations} }}" for selector, declarations in rules
    )


def _under(selector: str) -> str:
    """The selector under the scope; a pseudo-element (``::before``) cannot be in ``:is()``."""
    if not selector:
        return ""
    if "::" in selector:
        return f" {selector}"
    return f" :is({selector})"


def stylesheet() -> str:
    """The whole stylesheet: the rules for every screen, then the phone's."""
    return f"{_css(RULES)}\n@media (max-width: {PHONE_PX}px) {{\n{_css(PHONE_RULES)}\n}}"


def theme() -> w.HTML:
    """The invisible widget that brings the stylesheet (show it once per page)."""
    return lean.html(f"<style>{stylesheet()}</style>", layout={"display": "none"}).add_class(
        THEME_CLASS
    )
