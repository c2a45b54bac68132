"""Proof, run by hand, that the whole-page checks of test_every_step see what a designer sees.

Not part of the suite (the name does not start with ``test_``, and it starts servers of its
own); run it explicitly, one step or more::

    pytest -s tests/browser/prove_checks.py -k 04_short_term

It copies a step's notebook into a temporary folder with a cell added near its top and one
at its end, each showing a faint hint (``#ccc`` on white), a faint button and a button with
no text, opens it in JupyterLab and in Voila as test_every_step does, and fails unless the
axe and names checks report each of them (both copies: one scrolled out of sight above, one
below the window).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.axe import axe_missing, violations
from tests.browser.conftest import (
    NEXT_FRAME_JS,
    NOTEBOOKS,
    VIEWPORT,
    Lab,
    lab_args,
    notebook_names,
    running,
    server_environment,
    tall_page,
    voila_args,
)
from tests.browser.test_look import NARROW_PX, PHONE, UNFOLD_JS, open_step, unreadable
from tests.browser.test_names import named_in_jupyterlab, named_in_voila
from tests.browser.test_workbook import ANY_WIDGET, MAIN_WIDGETS

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

BREAKS = """import ipywidgets as w
from IPython.display import display
display(w.HTML('<style>.ck-faint{color:#ccc !important; background:#fff !important}</style>'))
display(w.HTML('<small style="color:#ccc">A faint hint WHERE</small>'))
display(w.Button(description="A faint button WHERE").add_class("ck-faint"))
display(w.Button(description=""))
"""


def broken_copy(name: str, folder: Path) -> Path:
    """The step's notebook with the breaking cell after its first code cell and at its end."""
    notebook = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))

    def cell(where: str) -> dict:
        source = BREAKS.replace("WHERE", where)
        return {
            "cell_type": "code",
            "execution_count": None,
            "metadata": {},
            "outputs": [],
            "source": source,
        }

    cells = notebook["cells"]
    first = next(i for i, c in enumerate(cells) if c["cell_type"] == "code")
    cells.insert(first + 1, cell("at the top"))
    cells.append(cell("at the end"))
    path = folder / name
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


def seen(axe: str, names: list[str]) -> list[str]:
    """What the checks missed of the breaks."""
    missed = []
    for where in ("at the top", "at the end"):
        for what in (f"A faint hint {where}", f"A faint button {where}"):
            if what not in axe:
                missed.append(f"axe did not report {what!r}")
    if axe.count('title=""></button>') < 2:
        missed.append(f"axe did not report both buttons without text:\n{axe}")
    if sum("a button: no name" in problem for problem in names) < 2:
        missed.append(f"names did not report both buttons without text: {names}")
    return missed


def axe_text(found: list[dict]) -> str:
    return "\n".join(f"{v['id']}: {n['html']}" for v in found for n in v["nodes"])


@pytest.mark.timeout(600)
@pytest.mark.parametrize("name", notebook_names())
def test_the_checks_see_breaks(
    browser: Browser, server_env: dict[str, str], tmp_path: Path, name: str
) -> None:
    assert not axe_missing(), axe_missing()
    root = tmp_path / "notebooks"
    root.mkdir()
    broken_copy(name, root)
    missed = []
    args = lab_args(root, tmp_path / "lab")
    with running("lab-proof", args, server_env, "--IdentityProvider.token", "/api/status") as lab:
        page = browser.new_page(viewport=VIEWPORT)
        try:
            with Lab(page, lab).notebook(name) as notebook:
                notebook.wait_for_widgets(MAIN_WIDGETS.get(name, ANY_WIDGET))
                notebook.wait_for_widgets({".ck-faint": 2})
                with notebook.tall_window():
                    axe = axe_text(violations(page, f"[id='{notebook.id}']"))
                names = named_in_jupyterlab(notebook)
                missed += [f"JupyterLab: {m}" for m in seen(axe, names)]
        finally:
            page.close()
    with running(
        "voila-proof", voila_args(root), server_env, "--Voila.token", "/voila/static/"
    ) as voila:
        page = browser.new_page(viewport=VIEWPORT)
        try:
            open_step(page, voila, name)
            page.locator(".ck-faint").nth(1).wait_for()
            with tall_page(page):
                axe = axe_text(violations(page))
            names = named_in_voila(page, name)
            missed += [f"Voila: {m}" for m in seen(axe, names)]
        finally:
            page.close()
    assert not missed, "\n".join(missed)


# --- long real values: no text cut, nothing out of its card ---------------------------------

LONGEST = "51-4033.00"  # the longest O*NET title (105 characters)
LONG_TITLES = {
    "41-1012.00": "First-Line Supervisors of Non-Retail Sales Workers",
    "41-3091.00": "Sales Representatives of Services, Except Advertising, Insurance, "
    "Financial Services, and Travel",
    "25-3011.00": "Adult Basic Education, Adult Secondary Education, and English as a Second "
    "Language Instructors",
}
LONG_AREA = "Professional memberships, associations and networking events"
LONG_GOAL = (
    "Enroll in the part-time Post-baccalaureate certificate in Healthcare Administration and "
    "Health Information Management at the community college, pass its first four modules "
    "with 80% or more and present my capstone project to the hiring committee by 30 June 2027"
)


def long_plan() -> dict:
    """The sample persona with long real values: the longest titles shortlisted, chosen and
    served by goals, a long area, goal and measure, a past job of the longest title."""
    plan = json.loads((NOTEBOOKS.parent / "data" / "examples" / "persona.json").read_text())
    options = plan["exploration"]["options"]
    for code, title in LONG_TITLES.items():
        options.append({**options[0], "code": code, "title": title, "added": "2026-09-26"})
    plan["comparison"]["chosen"] = list(LONG_TITLES)[1:]  # two at most
    for code in LONG_TITLES:
        plan["long_term"]["objectives"][code] = {
            **plan["long_term"]["objectives"]["11-9111.00"],
            "role_5y": f"Senior {LONG_TITLES[code]} in a regional healthcare group",
        }
    goals = plan["short_term_goals"]
    goals["areas"].append(LONG_AREA)
    statuses = ["not started", "in progress", "done", "dropped"]
    for i, goal in enumerate(goals["goals"]):
        goal["direction"] = list(LONG_TITLES)[i % len(LONG_TITLES)]
        goal["status"] = statuses[i % len(statuses)]
    goals["goals"][0].update(
        text=LONG_GOAL,
        area=LONG_AREA,
        measure="Four modules passed with 80% or more and a capstone shown",
    )
    plan["dream_job"]["past_jobs"].append(
        {
            "id": "job-longest",
            "code": LONGEST,
            "title": "Grinding, Lapping, Polishing, and "
            "Buffing Machine Tool Setters, Operators, and Tenders, Metal and Plastic",
            "years": 2,
        }
    )
    return plan


# Every dropdown showing its longest option (only on screen: nothing reaches the kernel).
LONGEST_CHOICE_JS = """() => {
  for (const select of document.querySelectorAll('#rendered_cells .widget-dropdown select')) {
    const lengths = Array.from(select.options, o => o.text.length);
    select.selectedIndex = lengths.indexOf(Math.max(...lengths));
  }
}"""


@pytest.mark.timeout(900)
def test_long_values_are_read_whole(browser: Browser, tmp_path: Path) -> None:
    home = tmp_path / "careerkit"
    home.mkdir()
    (home / "plan.json").write_text(json.dumps(long_plan()), encoding="utf-8")
    env = server_environment(tmp_path, home)
    args = voila_args(NOTEBOOKS)
    found = []
    with running("voila-long", args, env, "--Voila.token", "/voila/static/") as voila:
        for name in notebook_names():
            page = browser.new_page(viewport=VIEWPORT)
            try:
                open_step(page, voila, name)
                for longest in (False, True):
                    if longest:  # and every fold opened (02's filters, 04's done goals...)
                        page.evaluate(UNFOLD_JS)
                        page.evaluate(LONGEST_CHOICE_JS)
                    for width in (VIEWPORT["width"], NARROW_PX, PHONE["width"]):
                        page.set_viewport_size({**VIEWPORT, "width": width})
                        page.evaluate(NEXT_FRAME_JS)
                        what = "unfolded, longest choices" if longest else "chosen"
                        found += [
                            f"{name} at {width} px ({what}): {problem}"
                            for problem in unreadable(page)
                        ]
            finally:
                page.close()
    assert not found, "\n".join(found)
