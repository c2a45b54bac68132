"""The workbook's notebooks carry the language details their kernel reports, so JupyterLab
does not mark one modified when it opens (tests/browser/test_untouched.py in a browser)."""

from __future__ import annotations

import json

from ipykernel.ipkernel import IPythonKernel

from tests.conftest import ROOT


def test_each_notebook_holds_ipykernels_language_info() -> None:
    books = sorted((ROOT / "notebooks").rglob("*.ipynb"))
    assert books
    for path in books:
        metadata = json.loads(path.read_text(encoding="utf-8"))["metadata"]
        assert metadata["language_info"] == IPythonKernel.language_info, path.name
        assert metadata["kernelspec"]["name"] == "python3", path.name
