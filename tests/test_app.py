"""The workbook as a no-code app (``make app``) and in JupyterLab (``make lab``): cell tags,
"Next" links and the servers' settings."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import nbformat
import pytest
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor
from traitlets.config import Config

from careerkit.start import route
from tests.conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
CONFIG = ROOT / "careerkit" / "jupyter-config"
LAB_ONLY, COACH = "jupyterlab-only", "coach"
# Text that only makes sense where cells can be run or edited: the app runs no code.
LAB_WORDS = ("Run the cells", "Run All", "Shift</kbd>+<kbd>Enter", "Edit this cell")
LAB_WORDS += ("restore_plan(", "in a cell", "run this cell", "run the cell")


def notebooks() -> list[Path]:
    found = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    assert found, f"no notebooks in {NOTEBOOKS}"
    return found


def tags(cell: nbformat.NotebookNode) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_jupyterlab_shows_first_one_line_saying_run_all(path: Path) -> None:
    first = nbformat.read(path, as_version=4).cells[0]
    assert first.cell_type == "markdown" and tags(first) == {LAB_ONLY}
    assert "▶▶" in first.source  # the toolbar's "restart and run all" symbol
    assert "Run All Cells" in first.source
    assert "\n" not in first.source.strip()


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_text_for_jupyterlab_or_coaches_is_tagged(path: Path) -> None:
    for cell in nbformat.read(path, as_version=4).cells:
        for words in LAB_WORDS:
            if words in cell.source:
                assert tags(cell) & {LAB_ONLY, COACH}, f"{path.name}: untagged {words!r}"


def test_each_step_links_to_the_next_and_every_link_works() -> None:
    steps = route()
    assert steps, "no steps"
    for step, following in zip(steps, [*steps[1:], None], strict=True):
        text = "\n".join(c.source for c in nbformat.read(NOTEBOOKS / step.file, as_version=4).cells)
        links = re.findall(r"\]\(([^)#]+\.ipynb)\)", text)
        if following:  # relative links: Voila's /voila/render/ and JupyterLab both resolve them
            assert f"[{following.number} {following.title}]({following.file})" in text, step.file
        assert all((NOTEBOOKS / link).is_file() and "/" not in link for link in links), links


def tag_settings(name: str) -> dict:
    return json.loads((CONFIG / name).read_text(encoding="utf-8"))["TagRemovePreprocessor"]


def test_voila_alone_and_as_a_server_extension_hide_the_same_cells() -> None:
    """Standalone Voila reads voila.json; Voila inside a Jupyter server (make app, and the
    "Render with Voila" button in JupyterLab) hands the server's config to its exporter."""
    settings = tag_settings("voila.json")
    assert settings == tag_settings("jupyter_server_config.json")
    assert settings["remove_cell_tags"] == [LAB_ONLY] and settings["remove_input_tags"] == [COACH]


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_the_app_leaves_out_lab_text_but_keeps_coach_code_to_run(path: Path) -> None:
    """What Voila's exporter (an nbconvert HTML exporter) does with the settings."""
    nb = nbformat.read(path, as_version=4)
    config = Config({"TagRemovePreprocessor": tag_settings("voila.json")})
    html, _ = HTMLExporter(config=config, template_name="lab").from_notebook_node(nb)
    for cell in nb.cells:
        if tags(cell) & {LAB_ONLY, COACH} and cell.cell_type == "markdown":
            assert cell.source.splitlines()[0] not in html, f"{path.name} shows {cell.source!r}"
    for words in LAB_WORDS:
        assert words not in html, f"{path.name} shows {words!r} in the app"
    # The cells Voila then runs: coach code stays (hidden), so its definitions take effect.
    ran, _ = TagRemovePreprocessor(config=config, enabled=True).preprocess(copy.deepcopy(nb), {})
    coach_code = [c.source for c in nb.cells if c.cell_type == "code" and COACH in tags(c)]
    assert all(any(c.source == code for c in ran.cells) for code in coach_code)
    if path.name == "03_compare.ipynb":
        assert len(coach_code) == 2, "03's CRITERIA and score() cells are tagged coach"


def test_make_lab_and_make_app_start_at_00() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lab = makefile.split("\nlab:")[1].split("\n\n")[0]
    app = makefile.split("\napp:")[1].split("\n\n")[0]
    # careerkit lab on the whole folder, so workspace/ shows in the file browser; it opens
    # notebooks/00_start (careerkit/launch.py, tests/test_launch.py).
    assert 'careerkit lab "$(CURDIR)"' in lab
    assert "$(LAB_ARGS)" in lab and "LAB_ARGS ?=" in makefile
    # careerkit app -> careerkit.app serves the notebooks folder; its address leads to 00.
    assert 'careerkit app "$(CURDIR)/notebooks"' in app
    assert "$(APP_ARGS)" in app
