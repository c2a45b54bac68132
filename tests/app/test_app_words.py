"""What the app shows of the notebooks asks nothing technical of a person (issue 24 §3).

Markdown cells the app shows (all but ``remove-cell`` / ``jupyterlab-only``) never ask to run
a command, set a variable or restart a kernel: that is for JupyterLab's own cells.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

TECHNICAL = re.compile(
    r"make (app|lab)|CAREERKIT_\w+|pip install|restart the kernel|run all cells|Shift\+Enter"
    r"|\.venv|a terminal|reopen this notebook",
    re.IGNORECASE,
)
LAB_ONLY = {"remove-cell", "jupyterlab-only"}
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_app_shows_no_technical_instructions(notebook: Path) -> None:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    shown = [
        "".join(c["source"])
        for c in cells
        if c["cell_type"] == "markdown" and not LAB_ONLY & set(c["metadata"].get("tags", []))
    ]
    found = [m.group(0) for text in shown for m in TECHNICAL.finditer(text)]
    assert found == [], f"{notebook.name} shows the app: {found}"
