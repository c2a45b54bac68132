"""Memory per user for the hub's sizing: each workbook notebook run in its own kernel.

Runs every numbered notebook (Run All, with nbclient) on the sample persona in a fresh
kernel, and reads the kernel's memory afterwards (RSS and USS, with psutil); then starts a
Jupyter server the way a user's hub server starts and reads its memory once it serves the
contents API. Run from the repository:
``.venv/bin/python docs/deploy/jupyterhub/measure_memory.py``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import nbformat
import psutil
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[3]
MB = 1024 * 1024


def kernel_memory(notebook: Path, workspace: Path) -> tuple[float, float]:
    """(RSS, USS) in MB of the kernel after running ``notebook`` top to bottom."""
    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(nb, timeout=300, resources={"metadata": {"path": str(notebook.parent)}})
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        pid = client.km.provisioner.process.pid  # type: ignore[union-attr]
        info = psutil.Process(pid).memory_full_info()
    return info.rss / MB, info.uss / MB


def server_memory(home: Path) -> float:
    """RSS in MB of a Jupyter server (no kernel) once it has served the contents API."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter_server", "--no-browser", f"--ServerApp.port={port}",
         "--IdentityProvider.token=t", f"--ServerApp.root_dir={home}",
         "--ServerApp.allow_root=True"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents?token=t").read()
                break
            except OSError:
                time.sleep(0.5)
        return psutil.Process(server.pid).memory_info().rss / MB
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder) / "workspace"
        workspace.mkdir()
        shutil.copy(ROOT / "data" / "examples" / "persona.json", workspace / "plan.json")
        os.environ["CAREERKIT_HOME"] = str(workspace)
        os.environ["MPLBACKEND"] = "Agg"
        for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
            rss, uss = kernel_memory(notebook, workspace)
            print(f"{notebook.name:22} kernel RSS {rss:6.0f} MB  USS {uss:6.0f} MB")
        print(f"{'Jupyter server':22} RSS {server_memory(Path(folder)):6.0f} MB")


if __name__ == "__main__":
    main()
