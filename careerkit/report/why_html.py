"""Why an occupation is suggested, as HTML: the one line of a table cell and the card's part.

The figures are :class:`careerkit.steps.explore.why.Why`'s; every text is escaped. The
line's parts are inline blocks: a cell wraps between them, and within one only when it is
wider than the cell (a phone's).
"""

from __future__ import annotations

import html

from careerkit import palette
from careerkit.steps.explore.why import SEPARATOR, WHY_RULE, Why

#: The heading of the table column and of the card's part.
HEADING = "Why it is suggested"
#: The bar the card's long rule folds under (its reasons stay open above it).
RULE_SUMMARY = "How these reasons are worked out"


def why_line_html(why: Why | None, max_width: str | None = "30em") -> str:
    """The one line (interests · skills · preparation · pay), small; "" for None.
    ``max_width`` keeps it to about three lines in a table cell; None lets it run as wide
    as its box (a list with room, such as "Similar to the jobs you have done")."""
    if why is None:
        return ""
    texts = why.parts()
    dots = [SEPARATOR.rstrip()] * (len(texts) - 1) + [""]  # a dot never starts a line
    parts = (
        f"<span class='ck-why-part' style='display:inline-block'>{html.escape(p + dot)}</span>"
        for p, dot in zip(texts, dots, strict=True)
    )
    style = "display:block" + (f";max-width:{max_width}" if max_width else "")
    return f"<small class='ck-why' style='{style}'>{' '.join(parts)}</small>"


def why_card_html(why: Why | None) -> str:
    """The card's part: each reason in full, under its heading; "" for None. A heading is
    never broken inside a word (a phone's tables may break cells anywhere: "Sk/ill/s")."""
    if why is None:
        return ""
    rows = "".join(
        f"<tr><th style='text-align:left;padding:2px 12px 2px 0;vertical-align:top;"
        f"white-space:nowrap;overflow-wrap:normal'>{html.escape(head)}</th>"
        f"<td style='padding:2px 0'>{html.escape(text)}</td></tr>"
        for head, text in why.details()
    )
    return (
        f"<div class='ck-why-card' style='border-left:3px solid {palette.INFO};"
        f"padding:2px 0 2px 10px;margin:6px 0'><b>{HEADING}</b>"
        f"<table>{rows}</table><details><summary><small>{RULE_SUMMARY}</small></summary>"
        f"<small style='color:{palette.DARK_GREY}'>{html.escape(WHY_RULE)}</small>"
        "</details></div>"
    )
