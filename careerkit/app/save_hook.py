"""A Jupyter server pre-save hook: the workbook's notebooks are saved without answers or outputs.

Each workbook notebook carries ``metadata.careerkit.private_outputs = true``. Whenever the
Jupyter server saves such a notebook (autosave, Ctrl+S, Save All, "Save" on closing), the
hook empties every code cell's outputs and execution count, drops the widget state
(``metadata.widgets``) and what JupyterLab adds on a run (cell timings), so the file on disk
stays the repository's template: nothing a person typed or saw lands in a tracked file, and
reopening never shows "model not found". A person's answers live in their plan file. Other
notebooks and files are saved as they are.

``metadata.language_info`` is kept as the kernel reported it: JupyterLab writes the
kernel's into the open notebook and marks it modified when it differs from the file, so
the notebooks carry ipykernel's, and a notebook opened and not changed stays unmodified.

``careerkit/app/jupyter-config/jupyter_server_config.json`` sets the hook; ``careerkit lab``
and ``careerkit app`` (:mod:`careerkit.app.launch`, also run by ``make lab`` / ``make app``)
and the browser tests put that folder on ``JUPYTER_CONFIG_PATH``.
"""

from __future__ import annotations

from typing import Any

FLAG = "private_outputs"  # in the notebook's metadata.careerkit
# Cell metadata JupyterLab writes when a cell runs or its output is collapsed or scrolled.
RUN_METADATA = ("execution", "collapsed", "scrolled", "ExecuteTime")


def is_private(model: dict[str, Any]) -> bool:
    """Whether a contents model is a workbook notebook (it carries the careerkit flag)."""
    content = model.get("content")
    if model.get("type") != "notebook" or not isinstance(content, dict):
        return False
    careerkit = (content.get("metadata") or {}).get("careerkit")
    return isinstance(careerkit, dict) and careerkit.get(FLAG) is True


def strip_notebook(notebook: dict[str, Any]) -> None:
    """Empty outputs and execution counts, drop widget state and run details, in place."""
    metadata = notebook.setdefault("metadata", {})
    metadata.pop("widgets", None)
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        for key in RUN_METADATA:
            (cell.get("metadata") or {}).pop(key, None)


def pre_save_hook(model: dict[str, Any], **_context: Any) -> None:
    """``ContentsManager.pre_save_hook``: strip a workbook notebook's model before it is saved
    (called with ``model``, ``path`` and ``contents_manager``; anything else is left alone)."""
    if is_private(model):
        strip_notebook(model["content"])
