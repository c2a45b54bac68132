"""The Jupyter pre-save hook: workbook notebooks are saved without outputs, counts or widget
state; other notebooks and files are saved as they are; every way of starting uses it."""

from __future__ import annotations

import copy
import json
from typing import Any

import nbformat
from traitlets.config import Config

from careerkit.app import save_hook
from tests.conftest import ROOT

CONFIG = ROOT / "careerkit" / "app" / "jupyter-config" / "jupyter_server_config.json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def run_notebook(private: bool = True) -> dict[str, Any]:
    """A notebook as JupyterLab sends it to be saved after a run and some typing."""
    metadata: dict[str, Any] = {
        "kernelspec": {
            "display_name": "Python 3 (ipykernel)",
            "language": "python",
            "name": "python3",
        },
        "language_info": {"name": "python", "version": "3.11.7", "mimetype": "text/x-python"},
        "widgets": {WIDGET_VIEW: {"state": {"abc": {"state": {"value": "Ana, nurse by 2027"}}}}},
    }
    if private:
        metadata["careerkit"] = {"private_outputs": True}
    output = {"output_type": "display_data", "data": {WIDGET_VIEW: {"model_id": "abc"}}}
    return {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": metadata,
        "cells": [
            {"cell_type": "markdown", "id": "0", "metadata": {}, "source": "# Start"},
            {
                "cell_type": "code",
                "id": "1",
                "metadata": {"execution": {"iopub.status.idle": "2026-12-01"}, "scrolled": True},
                "source": "start.details()",
                "execution_count": 3,
                "outputs": [output, {"output_type": "stream", "name": "stdout", "text": "Ana"}],
            },
            {
                "cell_type": "code",
                "id": "2",
                "metadata": {"tags": ["coach"]},
                "source": "x = 1",
                "execution_count": 4,
                "outputs": [],
            },
        ],
    }


def saved(model: dict[str, Any]) -> dict[str, Any]:
    save_hook.pre_save_hook(model=model, path="notebooks/00_start.ipynb", contents_manager=None)
    return model


def test_a_workbook_notebook_is_saved_without_answers_or_outputs() -> None:
    model = saved({"type": "notebook", "format": "json", "content": run_notebook()})
    notebook = model["content"]
    assert "Ana" not in json.dumps(notebook)
    assert "widgets" not in notebook["metadata"]
    # As the kernel reported it: JupyterLab marks the notebook modified when it differs.
    assert notebook["metadata"]["language_info"] == run_notebook()["metadata"]["language_info"]
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    assert notebook["metadata"]["careerkit"] == {"private_outputs": True}  # stays on next save
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert [(c["outputs"], c["execution_count"]) for c in code] == [([], None), ([], None)]
    assert [c["metadata"] for c in code] == [{}, {"tags": ["coach"]}]
    assert notebook["cells"][0]["source"] == "# Start"
    nbformat.validate(nbformat.from_dict(notebook))  # still a valid notebook


def test_a_notebook_outside_the_workbook_is_left_alone() -> None:
    model = {"type": "notebook", "format": "json", "content": run_notebook(private=False)}
    before = copy.deepcopy(model)
    assert saved(model) == before
    assert not save_hook.is_private(model)


def test_a_flag_that_is_not_true_does_not_count() -> None:
    content = run_notebook()
    content["metadata"]["careerkit"] = {"private_outputs": "no"}
    assert not save_hook.is_private({"type": "notebook", "content": content})


def test_files_and_folders_are_untouched() -> None:
    for model in (
        {"type": "file", "format": "text", "content": '{"metadata": {"careerkit": 1}}'},
        {"type": "file", "format": "base64", "content": "AAAA"},
        {"type": "directory", "content": None},
        {"type": "notebook", "content": None},  # a rename: no content
    ):
        before = copy.deepcopy(model)
        assert saved(model) == before


def test_every_workbook_notebook_carries_the_flag() -> None:
    for path in sorted((ROOT / "notebooks").rglob("*.ipynb")):  # the coach's ones too
        model = {"type": "notebook", "content": json.loads(path.read_text(encoding="utf-8"))}
        assert save_hook.is_private(model), path.name


def test_the_jupyter_config_sets_the_hook_for_any_contents_manager() -> None:
    from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager

    config = Config(json.loads(CONFIG.read_text(encoding="utf-8")))
    manager = AsyncLargeFileManager(config=config, root_dir=str(ROOT))
    assert manager.pre_save_hook is save_hook.pre_save_hook


def test_every_way_of_starting_the_workbook_uses_the_config() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    browser = (ROOT / "tests" / "browser" / "conftest.py").read_text(encoding="utf-8")
    # make lab / make app run careerkit lab / app, which set the config (tests/app/test_launch.py).
    assert "$(BIN)/careerkit lab " in makefile and "$(BIN)/careerkit app " in makefile
    assert "`careerkit lab`" in readme and "`careerkit app`" in readme
    assert 'JUPYTER_CONFIG = ROOT / "careerkit" / "app" / "jupyter-config"' in browser
    attributes = (ROOT / ".gitattributes").read_text(encoding="utf-8")
    assert "notebooks/*.ipynb filter=nbstripout" in attributes
