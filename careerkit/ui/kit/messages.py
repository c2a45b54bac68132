"""One-line messages shown to the person as HTML: a note, a "Not saved" error, a colored box."""

from __future__ import annotations

import html

from careerkit import palette

#: The colour of a :func:`message_html` of each kind.
MESSAGE_COLOURS = {
    "info": palette.INFO,
    "good": palette.GOOD,
    "warn": palette.WARN,
    "error": palette.ERROR,
}


def note_html(text: str) -> str:
    return f'<span style="color:{palette.DARK_GREY}">{html.escape(text)}</span>'


def error_html(text: str) -> str:
    return f'<div style="color:{palette.ERROR}"><b>Not saved:</b> {html.escape(text)}</div>'


def message_html(text: str, kind: str = "info") -> str:
    """A one-line message box; ``kind`` is info, good, warn or error."""
    return f'<div style="color:{MESSAGE_COLOURS[kind]}">{html.escape(text)}</div>'
