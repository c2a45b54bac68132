"""The written-down plan's building blocks: paragraphs, fields, tables and charts.

:mod:`careerkit.report.export` builds the plan from these and renders them as HTML, and
:mod:`careerkit.report.export_markdown` as Markdown. A chart is drawn once per key (what it
shows), so a plan written down again, or drawn ahead when step 06 opens, redraws nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from careerkit.report import charts

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass
class Para:
    text: str


@dataclass
class Note:
    """Our own hint, e.g. which step to fill in first; shown in italics."""

    text: str


@dataclass
class Fields:
    pairs: list[tuple[str, str]]
    run_in: bool = False  # each label run in before its text, as in a card (a paragraph each)
    columns: bool = False  # long texts run in, printed down two columns: shorter lines


@dataclass
class Items:
    items: list[str]


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    kind: str = ""  # names its printed layout (an HTML class), e.g. "names": a wide first column


def table(header: list[str], rows: list[list[str]], kind: str = "") -> Table:
    """A table without the columns that are empty in every row (e.g. "Done" when none is)."""
    keep = [i for i in range(len(header)) if any(str(r[i]).strip() for r in rows)] or [0]
    return Table([header[i] for i in keep], [[r[i] for i in keep] for r in rows], kind)


@dataclass
class Chart:
    alt: str
    draw: Callable[[], Figure]
    key: Callable[[], str] = lambda: ""  # what it shows: the same key, the same picture
    narrow: bool = False  # shown at half the page's width
    dpi: int = 100  # pixels per inch: shown at its drawn size (96 CSS pixels an inch)


@dataclass
class Sub:
    """A sub-heading inside a section."""

    title: str


@dataclass
class Cards:
    """Groups of blocks that each belong together (one option, one direction, one review):
    printed side by side in two columns, none split across a page break."""

    cards: list[list[Block]]


@dataclass
class ScreenOnly:
    """Blocks for the plan read on screen that a printed page leaves out: what is due this
    month would be stale on paper a month later, and every action is printed beside it."""

    blocks: list[Block]


Block = Para | Note | Fields | Items | Table | Chart | Sub | Cards | ScreenOnly


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)


_PNGS: dict[str, bytes] = {}  # chart key -> PNG: a plan written down again redraws nothing
_DRAWING = threading.Lock()  # one chart drawn at a time (and never twice at once)


def png_width(data: bytes) -> int:
    """A PNG's width in pixels (from its header)."""
    return int.from_bytes(data[16:20], "big")


def chart_png(chart: Chart) -> bytes:
    """The chart as PNG, drawn once per key: a second export of an unchanged plan, or one
    after :func:`prepare_charts`, reuses the picture (drawing one takes most of a second)."""
    with _DRAWING:
        key = chart.key()
        if key and key in _PNGS:
            return _PNGS[key]
        data = charts.png(chart.draw(), dpi=chart.dpi)
        if key and chart.key() == key:  # the plan did not change while it was drawn
            while len(_PNGS) >= 8:
                _PNGS.pop(next(iter(_PNGS)))
            _PNGS[key] = data
        return data
