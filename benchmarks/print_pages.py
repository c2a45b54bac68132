"""How many pages the printed plan takes: the sample persona's plan printed by Chromium.

Builds the printable plan (``careerkit.report.export.report_html``, what step 06's "Write
down my plan" writes) for the sample persona cut to ``--goals`` short-term goals, with 05's
career goal left empty, drafted or edited (``--career-goal``), prints it with headless Debian
Chromium (Playwright, nothing downloaded) on US Letter and A4 paper, and
prints a Markdown table: paper, pages. ``--out DIR`` keeps the HTML and the PDFs there, and
with ``--png`` one PNG per page (``pdftoppm``, poppler-utils) to look at. Run with
``.venv/bin/python benchmarks/print_pages.py [--goals 3] [--career-goal edited]
[--out /tmp/print] [--png]``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAPERS = ("Letter", "A4")
TODAY = date(2026, 11, 22)  # a fixed day: the same "this month" list in every run
CAREER_GOALS = ("none", "draft", "edited")
#: The persona's five-year answer as a person edits step 05's draft: five sentences, in her
#: own words, longer than the draft (about 700 characters against 630).
EDITED_ANSWER = (
    "In five years I see myself running the day-to-day operations of an outpatient clinic, "
    "making sure patients are seen on time and the staff have what they need. "
    "Over nine years in retail, six of them as a sales supervisor, I have scheduled a team of "
    "twelve, calmed upset customers and kept a store's budget on target. "
    "Those are the same skills a clinic's front office depends on every day. "
    "This spring I am finishing an online course in medical terminology, and I build a monthly "
    "budget report for my store to sharpen my numbers. "
    "My plan is to start as a practice coordinator and grow into managing a clinic's operations."
)


def page_count(pdf: bytes) -> int:
    """The pages of a PDF that Chromium wrote (each page object says ``/Type /Page``)."""
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def persona_html(folder: Path, goals: int, career_goal: str = "none") -> Path:
    """The sample persona's printable plan with its first ``goals`` goals, in ``folder``
    beside the plan it shows (``plan.json``); ``career_goal``: 05's two texts left empty
    ("none"), as drafted ("draft"), or the draft's objective with the answer edited
    (``EDITED_ANSWER``, "edited")."""
    from careerkit import open_plan
    from careerkit.report import export
    from careerkit.steps import career_goal as drafting
    from careerkit.workbook import load_catalog

    shutil.copy(ROOT / "data" / "examples" / "persona.json", folder / "plan.json")
    plan = open_plan(folder / "plan.json")
    catalog = load_catalog()
    plan.short_term_goals.goals = plan.short_term_goals.goals[:goals]
    if career_goal != "none":
        drafts = drafting.draft(plan, catalog)
        answer = EDITED_ANSWER if career_goal == "edited" else drafts.interview
        drafting.set_text(plan, "interview", answer)
        drafting.set_text(plan, "objective", drafts.objective)
    plan.save()
    page = folder / "career-plan.html"
    page.write_text(export.report_html(plan, catalog, TODAY), "utf-8")
    return page


def print_pdfs(page: Path, papers: tuple[str, ...] = PAPERS) -> dict[str, bytes]:
    """``page`` printed by headless Chromium on each paper size."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page()
            tab.goto(page.as_uri())
            return {paper: tab.pdf(format=paper) for paper in papers}
        finally:
            browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--goals", type=int, default=3, help="short-term goals kept (3)")
    parser.add_argument(
        "--career-goal", choices=CAREER_GOALS, default="none", help="05's two texts (none)"
    )
    parser.add_argument("--out", type=Path, help="keep the HTML, PDFs (and PNGs) here")
    parser.add_argument("--png", action="store_true", help="also one PNG per page (pdftoppm)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CAREERKIT_HOME"] = tmp  # never the person's own workspace
        os.environ.pop("CAREERKIT_PLAN", None)
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        pdfs = print_pdfs(persona_html(Path(tmp), args.goals, args.career_goal))
        if args.out:
            shutil.copy(Path(tmp) / "career-plan.html", out / "career-plan.html")
        print(
            f"Sample persona, {args.goals} goals, career goal {args.career_goal}, "
            "printed by headless Chromium\n"
        )
        print("| paper | pages |\n|---|---|")
        for paper, pdf in pdfs.items():
            print(f"| {paper} | {page_count(pdf)} |")
            if args.out:
                (out / f"career-plan-{paper}.pdf").write_bytes(pdf)
                if args.png:
                    subprocess.run(
                        ["pdftoppm", "-png", "-r", "60", f"career-plan-{paper}.pdf", paper],
                        cwd=out,
                        check=True,
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
