"""Issue 23 in the app (Voila), as a retail sales supervisor walks it: 01's "Jobs I have
done" finds the job by the title people say and fills the skills list from it; 02's
"Similar to the jobs you have done" says why on every row and the card says it in full;
05's career goal drafts appear, and the person's edit survives a redraft and a reload.

One Voila server for the module (the sample persona's plan), one page load per step, in
the order a person goes. With CAREERKIT_SCREENSHOTS set, the README's pictures
docs/img/02_similar.png and docs/img/05_career_goal.png are made here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from careerkit import load_catalog
from careerkit.catalog import tables_of
from careerkit.steps.past_jobs import prefill_levels
from careerkit.steps.similar_jobs import similar_occupations
from careerkit.ui.explore_similar import SHOWN
from tests.browser.conftest import (
    NEXT_FRAME_JS,
    PERSONA,
    TALLEST_PX,
    VIEWPORT,
    WAIT_MS,
    Server,
    docs_path,
    expect,
    read_plan,
    screenshot_path,
    wait_for_plan,
)

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.browser

RETAIL = "41-1011.00"  # First-Line Supervisors of Retail Sales Workers
SIMILAR = '.widget-vbox:has(> .widget-html:has-text("Closest in skills to the jobs"))'
# 05's career goal panel, by its résumé box's label (its drafting folds once both are written)
GOAL = '.widget-vbox:has(> .widget-html:has-text("Career objective (one line"))'
ROWS = "table.careerkit-table tr[data-key]"
PICTURED = 6  # similar jobs in the README's picture
FOLD_BAR = ".jupyter-widget-Collapse-header"


@pytest.fixture(scope="module")
def voila_tree_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample persona before they add the jobs they have done (test_01 adds one): this
    module's Voila server (conftest's ``voila_tree``) runs on it."""
    home = tmp_path_factory.mktemp("voila-tree-home-no-jobs")
    plan = json.loads(PERSONA.read_text(encoding="utf-8"))
    assert plan["dream_job"].pop("past_jobs", None), "the persona lists the jobs they have done"
    (home / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    return home


def open_step(page: Page, server: Server, notebook: str) -> None:
    """A step's page, once Voila has run it and shown its widgets."""
    page.goto(server.address(f"/voila/render/{notebook}"))
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=WAIT_MS)
    page.wait_for_load_state("networkidle", timeout=WAIT_MS)


def field(scope: Page | Locator, label: str, control: str = "input") -> Locator:
    return scope.locator(f'.widget-inline-hbox:has(.widget-label:text-is("{label}")) {control}')


def picture(page: Page, first: Locator, last: Locator, name: str, margin: int = 8) -> None:
    """A picture from the top of ``first`` to the bottom of ``last``, in a window tall enough
    to hold both (Voila scrolls a panel: a part out of view would come out blank); the
    README's too when CAREERKIT_SCREENSHOTS asks for them."""
    before = page.viewport_size or VIEWPORT
    page.set_viewport_size({"width": before["width"], "height": TALLEST_PX // 2})
    page.evaluate(NEXT_FRAME_JS)
    try:
        first.scroll_into_view_if_needed()
        page.evaluate(NEXT_FRAME_JS)
        top, bottom = first.bounding_box(), last.bounding_box()
        assert top and bottom, f"nothing to picture for {name}"
        clip = {
            "x": 0,
            "y": max(top["y"] - margin, 0),
            "width": before["width"],
            "height": bottom["y"] + bottom["height"] + 2 - max(top["y"] - margin, 0),
        }
        for path in (screenshot_path(name), docs_path(name)):
            if path is not None:
                page.screenshot(path=path, clip=clip)
    finally:
        page.set_viewport_size(before)


@pytest.mark.timeout(300)
def test_01_a_job_done_fills_the_skills_list(
    page: Page, voila_tree: Server, voila_tree_home: Path
) -> None:
    catalog = load_catalog()
    before = {s["name"]: s["level"] for s in read_plan(voila_tree_home)["dream_job"]["skills"]}
    expected = prefill_levels([RETAIL], tables_of(catalog).skill_ratings(), before)
    assert set(expected) - set(before), "the job adds skills the persona does not list"
    open_step(page, voila_tree, "01_dream_job.ipynb")
    bar = page.locator(FOLD_BAR, has_text="Jobs I have done")  # optional: it opens folded
    expect(bar).to_have_attribute("aria-expanded", "false")
    bar.click()
    expect(bar).to_have_attribute("aria-expanded", "true")
    find = field(page, "Job title")
    find.fill("retail supervisor")  # as a person says it, not O*NET's title
    find.press("Enter")
    title = str(catalog.at[RETAIL, "title"])
    picked = field(page, "Occupation", "select").locator("option:checked")
    expect(picked).to_have_text(title.replace(" ", "\xa0"))  # the dropdown shows &nbsp;
    field(page, "Years in it").fill("6")
    page.locator('button:has-text("Add this job")').click()
    wait_for_plan(
        voila_tree_home,
        lambda plan: (
            [(j["code"], j["years"]) for j in plan["dream_job"].get("past_jobs", [])]
            == [(RETAIL, 6.0)]
        ),
    )
    page.locator('button:has-text("Fill my skills from these jobs")').click()
    added = sorted(set(expected) - set(before))
    expect(page.get_by_text(f"Added {len(added)} skills to your list below")).to_be_visible()
    plan = wait_for_plan(voila_tree_home, lambda p: len(p["dream_job"]["skills"]) > len(before))
    assert {s["name"]: s["level"] for s in plan["dream_job"]["skills"]} == expected
    # the list below shows them at once; the person moves one up a step
    row = page.locator(f'.widget-hbox:has(> .widget-html b:text-is("{added[0]}"))')
    expect(row).to_be_visible()
    handle = row.locator(".noUi-handle")
    handle.focus()
    handle.press("ArrowRight")
    raised = min(expected[added[0]] + 1, 5)
    wait_for_plan(
        voila_tree_home,
        lambda p: {s["name"]: s["level"] for s in p["dream_job"]["skills"]}[added[0]] == raised,
    )
    row.screenshot(path=screenshot_path("01_past_job_filled.png"))


@pytest.mark.timeout(300)
def test_02_similar_jobs_say_why_and_the_card_in_full(
    page: Page, voila_tree: Server, voila_tree_home: Path
) -> None:
    jobs = read_plan(voila_tree_home)["dream_job"]["past_jobs"]
    assert [j["code"] for j in jobs] == [RETAIL], "test_01 adds the job done first"
    open_step(page, voila_tree, "02_explore.ipynb")
    bar = page.locator(FOLD_BAR, has_text="closest in skills to the jobs you have done")
    expect(bar).to_have_attribute("aria-expanded", "false")  # she has a shortlist: optional
    bar.click()
    similar = page.locator(SIMILAR)
    expect(similar).to_be_visible(timeout=WAIT_MS)
    table = similar_occupations([RETAIL], load_catalog(), n=3)
    for title in table["title"]:
        expect(similar.get_by_text(title, exact=True).first).to_be_visible()
    lines = similar.locator(".ck-why")
    expect(lines.first).to_contain_text("Skills: you have")
    assert lines.count() == SHOWN  # one why line a row, beside its + button
    expect(similar.locator(".widget-hbox:has(> button):has(.ck-why)")).to_have_count(SHOWN)
    # every row's text lies beside its + button, never under it
    first = similar.locator(".widget-hbox").first
    button, text = first.locator("button").bounding_box(), first.locator(".ck-why").bounding_box()
    assert button and text and text["x"] > button["x"] + button["width"]
    rows = similar.locator(".widget-hbox:has(> button):has(.ck-why)")
    picture(page, similar, rows.nth(PICTURED - 1), "02_similar.png")

    rows = page.locator(ROWS)  # the occupations table above
    rows.nth(1).locator("td").nth(2).click()
    code = rows.nth(1).get_attribute("data-key")
    card = page.locator(".ck-why-card")
    expect(page.locator("h4", has_text=f"({code})")).to_be_visible()
    expect(card).to_contain_text("Why it is suggested")
    for head in ("Interests", "Skills", "Preparation", "Pay"):
        expect(card.locator("th", has_text=head)).to_be_visible()
    expect(card).to_contain_text("skills O*NET rates important here")


def objective_of(plan: dict) -> str | None:
    """The résumé objective saved in a plan file (None before the first draft)."""
    return plan["long_term"].get("career_goal", {}).get("objective")


@pytest.mark.timeout(300)
def test_05_drafts_appear_and_an_edit_survives_a_redraft_and_a_reload(
    page: Page, voila_tree: Server, voila_tree_home: Path
) -> None:
    open_step(page, voila_tree, "05_long_term.ipynb")
    panel = page.locator(GOAL)
    draft = panel.locator('button:has-text("Draft from my answers")')
    draft.click()
    interview, objective = panel.locator("textarea").nth(0), panel.locator("textarea").nth(1)
    expect(interview).not_to_have_value("")
    expect(objective).not_to_have_value("")
    drafted = objective.input_value()
    mine = drafted.rstrip(".") + ", starting with night shifts."
    objective.fill(mine)
    objective.blur()
    wait_for_plan(voila_tree_home, lambda p: objective_of(p) == mine)
    draft.click()  # a redraft offers its text beside the person's, never over it
    expect(panel.get_by_text("You have changed this text, so it is kept")).to_be_visible()
    expect(panel.locator("blockquote")).to_have_text(drafted)
    expect(objective).to_have_value(mine)
    picture(
        page, panel, panel.locator('button:visible:has-text("Keep mine")'), "05_career_goal.png"
    )

    page.reload()
    page.wait_for_load_state("networkidle", timeout=WAIT_MS)
    expect(page.locator(GOAL).locator("textarea").nth(1)).to_have_value(mine, timeout=WAIT_MS)
    assert objective_of(read_plan(voila_tree_home)) == mine
