"""How many widget models a step sends to the browser when it opens (issue 12 §7).

Every ipywidget (and every Layout and Style object behind it) is one model the browser
creates and renders before the step's forms are usable. :func:`step_models` runs a
notebook's code cells in this process, as its kernel would, and counts the models made.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest.mock import patch

import ipywidgets as w
import nbformat

from careerkit.ui.kit import lean

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def _models() -> dict[str, w.Widget]:
    with warnings.catch_warnings():  # ipywidgets 8 marks the registry as deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        return dict(w.Widget._active_widgets)


@contextmanager
def counting() -> Iterator[Counter[str]]:
    """Counts the models created inside the block, by class name (``.total()`` for all).

    As in a fresh kernel, the shared layouts and styles (``careerkit.ui.kit.lean``) are made
    anew inside the block, and count.
    """
    before = set(_models())
    made: Counter[str] = Counter()
    with patch.dict(lean._SHARED, clear=True):
        yield made
    made.update(type(model).__name__ for key, model in _models().items() if key not in before)


def step_models(step: str) -> Counter[str]:
    """The models made by running notebook ``step``'s code cells (e.g. "01"), by kind.

    The cells run as the notebook runs them, against the plan in the test's workspace;
    ``display`` shows nothing. Cell magics (03's coach cells) are not supported.
    """
    (path,) = NOTEBOOKS.glob(f"{step}_*.ipynb")
    cells = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    assert cells and not any(c.startswith("%%") for c in cells), f"{path.name}: cannot run here"
    namespace: dict[str, Any] = {"display": _show_nothing}
    with counting() as made:
        for source in cells:
            exec(compile(source, f"{path.name}", "exec"), namespace)  # noqa: S102 - our notebook
    return made


def _show_nothing(*_objects: object) -> None:
    pass


def models_made(build: Callable[[], object]) -> int:
    """How many models ``build()`` makes."""
    with counting() as made:
        build()
    return made.total()
