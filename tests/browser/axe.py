"""axe-core for the browser tests: the local copy, loaded into a page, and its findings.

axe-core is the npm package pinned in ``tests/browser/package.json``, installed into
``tests/browser/node_modules`` (git-ignored) by ``.ci/run``, or here on first use when npm
is on the machine. Nothing is fetched by the page itself: the script is added from disk.

axe-core measures the contrast only of text it takes for shown on screen; what it takes for
hidden is skipped silently (not even "incomplete"). Two things hid careerkit's text in
JupyterLab: its ``<body>`` is 0 px tall with ``overflow: hidden`` (the run gives it the
window's height meanwhile), and text scrolled out of the notebook's panel or Voila's page
lies outside an ``overflow: hidden`` box (callers make the window as tall as the content:
``Notebook.tall_window``, ``conftest.tall_page``). :func:`violations` also reports, as
problems of their own, checked elements still outside the window and a run that measured
no text at all. Text axe-core could not measure ("incomplete": every dropdown, whose arrow
is a background image, and text boxes a neighbour overlaps) is not a failure.
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
  // What axe-core would skip as hidden: shown elements outside the window.
  const outside = include.filter(el => {
    if (!el.checkVisibility()) return false;
    const box = el.getBoundingClientRect();
    return box.height > 0 && (box.top < -1 || box.bottom > window.innerHeight + 1);
  }).map(el => `${el.className.split(' ').slice(-2).join('.')} at ${Math.round(
    el.getBoundingClientRect().top)}-${Math.round(el.getBoundingClientRect().bottom)} px`);
  // JupyterLab's <body> is 0 px tall with overflow hidden (its shell is laid over it): axe-core
  // takes that for hiding everything in it and measures no text's contrast at all.
  const body = document.body, height = body.style.height;
  if (body.getBoundingClientRect().height < 2) body.style.height = '100vh';
  let result;
  try {
    result = await axe.run(include, {resultTypes: ['violations']});
  } finally {
    body.style.height = height;
  }
  const nodes = v => v.nodes.map(n => ({
    target: n.target.join(' '), html: n.html.slice(0, 200),
    why: [...n.any, ...n.all, ...n.none].map(c => c.message).filter(Boolean).join('; '),
  }));
  const found = result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: nodes(v)}));
  const text = include.some(el => el.checkVisibility() && el.innerText.trim());
  if (text && result.inapplicable.some(v => v.id === 'color-contrast')) {
    found.push({id: 'color-contrast (nothing measured)', impact: 'serious',
      help: 'axe-core took all the text for hidden and measured no contrast', nodes: []});
  }
  if (outside.length) {
    found.push({id: 'outside the window', impact: 'serious',
      help: 'axe-core skips what is not on screen: make the window as tall as the content',
      nodes: outside.map(what => ({target: what, html: '', why: ''}))});
  }
  return found;
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
    ``scope`` element, else the whole page), elements outside the window (which it would
    skip) and a run that measured no text: see the module's docstring."""
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
        for n in v["nodes"][:5]:
            why = f" ({n['why'][:160]})" if n["why"] else ""
            lines.append(f"    {n['target']}: {n['html']}{why}")
    return "\n".join(lines)
