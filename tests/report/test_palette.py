"""One palette for HTML and charts: named once, loaded without matplotlib."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from careerkit import palette
from careerkit.report import compare_words
from careerkit.report.charts import style
from careerkit.steps.compare.criteria import default_criteria
from tests.conftest import ROOT

PACKAGE = ROOT / "careerkit"
#: The colours that say what a message means: typed in careerkit/palette.py only.
MEANINGS = ("ERROR", "WARN", "GOOD", "DONE", "INFO")


def modules_loaded_by(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return {name.split(".")[0] for name in done.stdout.split()}


@pytest.mark.parametrize(
    "module", ["careerkit.palette", "careerkit.report.compare_words", "careerkit.ui.kit.messages"]
)
def test_colours_for_html_do_not_load_matplotlib(module: str) -> None:
    assert "matplotlib" not in modules_loaded_by(f"import {module}")


def test_the_charts_draw_with_the_palettes_colours() -> None:
    assert style.COLOURS is palette.COLOURS and style.OKABE_ITO is palette.OKABE_ITO
    assert (style.GREY, style.LIGHT_GREY, style.DARK_GREY) == (
        palette.GREY,
        palette.LIGHT_GREY,
        palette.DARK_GREY,
    )


def hex_literals(path) -> set[str]:
    """The colour codes written as string constants in one module (lower case)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found |= {x.lower() for x in re.findall(r"#[0-9a-fA-F]{6}\b", node.value)}
    return found


@pytest.mark.parametrize("name", MEANINGS)
def test_each_meaning_colour_is_typed_once(name: str) -> None:
    colour = getattr(palette, name).lower()
    typed = sorted(
        str(p.relative_to(ROOT))
        for p in PACKAGE.rglob("*.py")
        if p.name != "palette.py" and colour in hex_literals(p)
    )
    assert typed == [], f"{colour} typed again instead of careerkit.palette.{name}"


def test_no_module_types_a_colour_of_its_own_but_the_palette() -> None:
    """Colours in Python code come from the palette (scripts in JavaScript excepted)."""
    short = re.compile(r"(?:color|background|solid)[:= ]*\"?'?#[0-9a-fA-F]{3,6}\b")
    typed = sorted(
        str(p.relative_to(ROOT))
        for p in PACKAGE.rglob("*.py")
        if p.name != "palette.py" and any(short.search(s) for s in _strings(p))
    )
    assert typed == []


def _strings(path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(one: str, other: str) -> float:
    """WCAG's contrast ratio of two '#rrggbb' colours."""
    lights = sorted((_luminance(one), _luminance(other)))
    return (lights[1] + 0.05) / (lights[0] + 0.05)


def test_every_heat_map_cell_is_written_in_a_readable_ink() -> None:
    """03's heat map writes each rating on its colour: 4.5:1 at least (WCAG AA), for every
    rating from 0 to 10 (white on the green of an 8.0 was 4.3:1)."""
    criteria = default_criteria()
    ratings = pd.DataFrame(
        [[rating] * len(criteria) for rating in np.arange(0, 10.01, 0.1)],
        columns=[c.id for c in criteria],
        index=[f"option {i}" for i in range(101)],
    )
    no_data = ratings * np.nan
    table = compare_words.heatmap_html(ratings, no_data, ratings, criteria)
    cells = re.findall(r"background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})[^>]*>([\d.]+)", table)
    assert len(cells) == ratings.size
    for back, ink, rating in cells:
        ratio = _contrast(back, ink)
        assert ratio >= 4.5, f"a rating of {rating}: {ink} on {back} is {ratio:.2f}:1"
