"""Tables that turn into cards on a phone: the class names the app's stylesheet styles.

On a narrow screen (``careerkit.ui.kit.theme.PHONE_PX``) a table of many columns squeezes
each to a few letters and breaks words letter by letter. A table of class :data:`CARDS`
shows each row as a card instead: one line per cell, the cell's ``data-label`` (its
column's name) before its value; the header row is left out, except a header cell of class
:data:`KEEP` (e.g. a legend). A table of class :data:`FACTS` (names in ``th``, values in
``td``) shows each name above its value.
"""

from __future__ import annotations

import html

CARDS = "ck-cards"
KEEP = "ck-keep"
FACTS = "ck-facts"


def label(column: str) -> str:
    """The attribute naming a cell's column on its card, e.g. `` data-label='Pay'``."""
    return f" data-label='{html.escape(column, quote=True)}'"
