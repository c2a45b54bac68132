"""The written-down plan as Markdown: the HTML report's document, escaped for CommonMark.

Charts are left out; every text the person typed goes through :func:`_m`, so nothing they
wrote becomes a heading, a list, a link or markup.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from careerkit.dates import long_date
from careerkit.plan import Plan
from careerkit.report.blocks import (
    Block,
    Cards,
    Chart,
    Fields,
    Items,
    Note,
    Para,
    ScreenOnly,
    Sub,
    Table,
)
from careerkit.report.export import heading, plan_document, sources_line

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|#~!])")
_MD_LINE_START = re.compile(r"^(\s*)([-+]|\d+\.)(\s)", re.MULTILINE)


def _m(text: str) -> str:
    """Escape the person's text for Markdown (CommonMark backslash escapes), on one line.

    Every kind of line break (CR LF, a bare CR, U+2028...) becomes ``\\n`` first, so
    the escaping sees each line's start and no break reaches the Markdown.
    """
    lines = text.splitlines()
    text = "\n".join(lines)
    text = _MD_LINE_START.sub(r"\1\\\2\3", _MD_SPECIAL.sub(r"\\\1", text))
    return "<br>".join(line.strip() for line in text.split("\n")) if len(lines) > 1 else text


def report_markdown(plan: Plan, catalog: pd.DataFrame, today: date | None = None) -> str:
    """The same plan as the HTML report, as Markdown (charts left out)."""
    today = today or date.today()
    title = heading(plan)
    parts = [
        f"# {_m(title)}",
        f"_Written down on {long_date(today)} with the careerkit workbook._",
    ]
    for section in plan_document(plan, catalog, today):
        parts.append(f"## {_m(section.title)}")
        parts += [text for text in map(_md_block, section.blocks) if text]
    parts.append(f"_{_m(sources_line(catalog))}_")
    return "\n\n".join(parts) + "\n"


def _md_block(block: Block) -> str:
    match block:
        case Para(text):
            return _m(text)
        case Note(text):
            return f"_{_m(text)}_"
        case Sub(title):
            return f"### {_m(title)}"
        case Fields(pairs, run_in=True):  # a paragraph each, its label run in
            return "\n\n".join(f"**{_m(k)}:** {_m(v)}" for k, v in pairs)
        case Fields(pairs):
            return "\n".join(f"- **{_m(k)}:** {_m(v)}" for k, v in pairs)
        case Items(items):
            return "\n".join(f"- {_m(i)}" for i in items)
        case Table(header, rows):
            lines = [
                list(map(_m, header)),
                ["---"] * len(header),
                *(list(map(_m, r)) for r in rows),
            ]
            return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)
        case Cards(cards):
            return "\n\n".join(text for card in cards for text in map(_md_block, card) if text)
        case ScreenOnly(blocks):
            return "\n\n".join(text for text in map(_md_block, blocks) if text)
        case Chart():
            return ""
    raise TypeError(f"Unknown report block {block!r}")
