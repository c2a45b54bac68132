"""axe-core for the browser tests: the local copy, loaded into a page, and its findings.

axe-core is the npm package pinned in ``tests/browser/package.json``, installed into
``tests/browser/node_modules`` (git-ignored) by ``.ci/run``, or here on first use when npm
is on the machine. Nothing is fetched by the page itself: the script is added from disk.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

HERE = Path(__file__).resolve().parent
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"
INSTALL = ["npm", "install", "--prefix", str(HERE), "--no-package-lock", "--no-audit", "--no-fund"]
SEVERE = ("serious", "critical")
# careerkit's output areas: JupyterLab's own chrome (menus, toolbars) is not ours to fix.
OUTPUTS = ".jp-OutputArea-output"

RUN_JS = """async ([scope, selector]) => {
  const root = scope ? document.querySelector(scope) : document;
  const include = Array.from(root.querySelectorAll(selector));
  if (!include.length) return null;
  const result = await axe.run(include, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200)})),
  }));
}"""


def axe_missing() -> str | None:
    """Why axe-core cannot be used here, after trying to install it; None when it can."""
    if AXE_JS.exists():
        return None
    if shutil.which("npm") is None:
        return f"{AXE_JS} is missing and npm is not installed (.ci/run installs both)"
    done = subprocess.run(INSTALL, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode or not AXE_JS.exists():
        return f"`{' '.join(INSTALL)}` failed: {(done.stderr or done.stdout)[-500:]}"
    return None


def violations(page: Page, scope: str | None = None, selector: str = OUTPUTS) -> list[dict]:
    """axe-core's serious and critical findings in the ``selector`` elements (inside the
    ``scope`` element, else the whole page)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    found: Any = page.evaluate(RUN_JS, [scope, selector])
    assert found is not None, f"no {selector} element to check in {scope or 'the page'}"
    return [v for v in found if v["impact"] in SEVERE]


def report(found: list[dict]) -> str:
    """The findings, one rule a paragraph with the first elements it failed on."""
    lines = []
    for v in found:
        lines.append(f"{v['impact']}: {v['id']} ({v['help']}), {len(v['nodes'])} element(s):")
        lines += [f"    {n['target']}: {n['html']}" for n in v["nodes"][:5]]
    return "\n".join(lines)
