"""The written-down plan: a printable HTML report, the same as Markdown, and the files written.

The report is first built as a small document (sections of paragraphs, fields, lists,
tables and charts) and then rendered twice, so the HTML and the Markdown always hold the
same content. Every text goes through one escaping function per format, so nothing a
person typed can become markup. The calendar reminders come from ``careerkit.reminders``.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from careerkit import catalog_files, charts, job_skills, paths
from careerkit.catalog import THEMES, money
from careerkit.criteria import label_for
from careerkit.dates import long_date
from careerkit.fit import top_themes
from careerkit.occupation import QUESTIONS as EXPLORING
from careerkit.plan import Goal, Plan
from careerkit.reminders import calendar_ics
from careerkit.review import criterion_labels, next_review_due, this_month
from careerkit.smart import SmartResult, smart_check
from careerkit.wording import join_words, shorten

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SMART_NAMES = {
    "S": "Specific",
    "M": "Measurable",
    "A": "Attainable",
    "R": "Relevant",
    "T": "Timely",
}
FILE_STEM = "career-plan"
QUESTIONS = {q.id: q.text for q in EXPLORING}

# --- the document -------------------------------------------------------------------------


@dataclass
class Para:
    text: str


@dataclass
class Note:
    """Our own hint, e.g. which step to fill in first; shown in italics."""

    text: str


@dataclass
class Fields:
    pairs: list[tuple[str, str]]


@dataclass
class Items:
    items: list[str]


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]


@dataclass
class Chart:
    alt: str
    draw: Callable[[], Figure]


@dataclass
class Sub:
    """A sub-heading inside a section."""

    title: str


Block = Para | Note | Fields | Items | Table | Chart | Sub


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)


def plan_document(plan: Plan, catalog: pd.DataFrame, today: date | None = None) -> list[Section]:
    """The whole plan as sections, in the order of the workbook's steps."""
    today = today or date.today()
    titles = _titles(plan, catalog)
    return [
        _dream_section(plan),
        _shortlist_section(plan, catalog),
        _comparison_section(plan, titles),
        _goals_section(plan, titles, today),
        _long_term_section(plan, catalog, titles, today),
        _action_section(plan, today),
        _reviews_section(plan),
    ]


def _titles(plan: Plan, catalog: pd.DataFrame) -> dict[str, str]:
    """Occupation code -> title: the person's own shortlist first, then the catalogue."""
    known = catalog["title"].astype(str).to_dict() if "title" in catalog else {}
    return known | {o.code: o.title for o in plan.exploration.options}


def _dream_section(plan: Plan) -> Section:
    dream = plan.dream_job
    blocks: list[Block] = []
    if dream.vision:
        written = long_date(dream.vision_date) if dream.vision_date else "no date"
        blocks += [Fields([("Written on", written)]), Para(dream.vision)]
    else:
        blocks.append(Note("No vision written yet: write it down in step 01 (Dream job)."))
    if dream.interests and dream.interests.scores:
        scores = dream.interests.scores
        themes = ", ".join(THEMES[t] for t in top_themes(scores))
        blocks += [
            Sub("Interests"),
            Fields([("Taken on", long_date(dream.interests.taken)), ("Top themes", themes)]),
            Chart(
                "Interest profile on the six RIASEC themes", lambda: charts.interest_chart(scores)
            ),
        ]
    if dream.skills:
        blocks += [
            Sub("Skills you bring"),
            Table(
                ["Skill", "Kind", "Level (1-5)"],
                [[s.name, s.kind, str(s.level)] for s in dream.skills],
            ),
        ]
    if dream.skills_use:
        blocks += [Fields([("How they could serve", dream.skills_use)])]
    return Section("Dream job", blocks)


def _shortlist_section(plan: Plan, catalog: pd.DataFrame) -> Section:
    options = plan.exploration.options
    if not options:
        return Section("Shortlist", [Note("No options yet: build a shortlist in step 02.")])
    rows = [
        [
            o.title,
            _wage(o.code, o.median_wage, catalog),
            f"Dropped: {o.drop_reason}" if o.dropped else "Kept",
        ]
        for o in options
    ]
    blocks: list[Block] = [Table(["Occupation", "Median pay (USD/year)", "Kept or dropped"], rows)]
    for o in options:
        notes = [(_question(k), v) for k, v in o.answers.items() if v]
        notes += [("Notes", o.notes)] if o.notes else []
        if o.skills or job_skills.lacks_ratings(catalog, o.code):
            notes.append(("Skills it needs", ", ".join(o.skills) or job_skills.NO_RATINGS))
        if notes:
            blocks += [Sub(o.title), Fields(notes)]
    return Section("Shortlist", blocks)


def _question(question_id: str) -> str:
    """An exploring question's wording (without its number), for an answer's id."""
    text = QUESTIONS.get(question_id, question_id.replace("_", " ").capitalize())
    return re.sub(r"^\d+\.\s*", "", text)


def _wage(code: str, own: float | None, catalog: pd.DataFrame) -> str:
    if own is None and code in catalog.index and "median_wage" in catalog:
        own = catalog.at[code, "median_wage"]
    return money(own)


def _comparison_section(plan: Plan, titles: dict[str, str]) -> Section:
    comp = plan.comparison
    blocks: list[Block] = []
    if comp.chosen:
        decided = long_date(comp.decided) if comp.decided else "no date"
        chosen = join_words(titles.get(c, c) for c in comp.chosen)
        blocks.append(
            Fields(
                [
                    ("Chosen direction", chosen),
                    ("Decided on", decided),
                    ("Why", comp.reason or "(no reason written)"),
                ]
            )
        )
    else:
        blocks.append(Note("No direction chosen yet: compare your options in step 03."))
    if comp.weights:
        labels = criterion_labels()
        rows = [[label_for(k, labels), f"{v:g}"] for k, v in comp.weights.items()]
        blocks += [Sub("Weights of your criteria"), Table(["Criterion", "Weight"], rows)]
    if comp.gut:
        rows = [
            [titles.get(c, c), g.feels_right or "-", g.want_to_grow or "-"]
            for c, g in comp.gut.items()
        ]
        blocks += [Sub("Gut check"), Table(["Option", "Feels right?", "Want to grow in it?"], rows)]
    return Section("Comparison", blocks)


def _goals_section(plan: Plan, titles: dict[str, str], today: date) -> Section:
    goals = plan.short_term_goals.goals
    if not goals:
        return Section("Short-term goals", [Note("No goals yet: set them in step 04.")])
    areas = ", ".join(plan.short_term_goals.areas)
    blocks: list[Block] = [Fields([("Areas of growth", areas)])]
    for goal in goals:
        result = smart_check(goal, plan, today=today)
        blocks += [
            Sub(goal.text or "(goal without text)"),
            Fields([*_goal_fields(goal, titles), ("S.M.A.R.T. check", _smart_summary(result))]),
            Table(
                ["S.M.A.R.T.", "Met?", "Why", "To improve"],
                [
                    [
                        SMART_NAMES.get(k, k),
                        "yes" if c.ok else "not yet",
                        c.reason,
                        "" if c.ok else c.suggestion,
                    ]
                    for k, c in result.letters.items()
                ],
            ),
        ]
    return Section("Short-term goals", blocks)


def _smart_summary(result: SmartResult) -> str:
    met = sum(check.ok for check in result.letters.values())
    return f"{result.summary} ({'all five met' if result.passed else f'{met} of 5 met'})"


def _goal_fields(goal: Goal, titles: dict[str, str]) -> list[tuple[str, str]]:
    status = f"{goal.status}, {goal.percent}% done"
    if goal.status == "dropped":
        status = f"dropped: {goal.drop_reason}"
    return [
        ("Area", goal.area),
        ("Due", long_date(goal.due) if goal.due else "no date yet"),
        ("Measure", goal.measure or "none yet"),
        ("Serves", titles.get(goal.direction, goal.direction) or "no direction named"),
        ("Status", status),
    ]


def _long_term_section(
    plan: Plan, catalog: pd.DataFrame, titles: dict[str, str], today: date
) -> Section:
    objectives = plan.long_term.objectives
    blocks: list[Block] = []
    if plan.short_term_goals.goals or objectives:
        blocks.append(
            Chart(
                "Roadmap from short-term goals to long-term objectives",
                lambda: charts.roadmap_chart(plan, catalog, today=today),
            )
        )
    if not objectives:
        blocks.append(Note("No long-term objectives yet: plan five to ten years in step 05."))
    for code, o in objectives.items():
        stay = f"{o.stay_years} years" if o.stay_years is not None else ""
        pairs = [
            ("Skills to acquire", ", ".join(o.skills_to_acquire + o.own_skills)),
            ("Experience to gain", o.experience),
            ("In five years", o.role_5y),
            ("In ten years", o.role_10y),
            ("Ambitions", o.ambitions),
            ("How long to stay", stay),
            ("What would make me leave", o.leave_when),
        ]
        blocks += [Sub(titles.get(code, code)), Fields([(k, v) for k, v in pairs if v])]
    return Section("Long-term objectives", blocks)


def _action_section(plan: Plan, today: date) -> Section:
    every = plan.action_plan.review_every_months
    blocks: list[Block] = [
        Fields(
            [
                ("Review the plan every", f"{every} months"),
                ("Next review due", long_date(next_review_due(plan))),
            ]
        )
    ]
    goals = {g.id: g for g in plan.short_term_goals.goals}
    items = {k: v for k, v in plan.action_plan.items.items() if k in goals}
    if not items:
        blocks.append(Note("No resources or actions yet: make your action plan in step 06."))
        return Section("Action plan", blocks)
    due_now = [
        f"{long_date(a.due)}: {a.text} (for '{shorten(g.text, 50)}')"
        for g, a in this_month(plan, today)
    ]
    blocks += [
        Sub(f"This month ({today:%B %Y}) and overdue"),
        Items(due_now) if due_now else Note("Nothing due this month."),
    ]
    for goal_id, item in items.items():
        goal = goals[goal_id]
        dropped = " (goal dropped)" if goal.status == "dropped" else ""
        blocks.append(Sub(f"{goal.text}{dropped}"))
        pairs = [
            ("People", item.people),
            ("Online tools", item.tools),
            ("Programs at work", item.programs),
        ]
        blocks.append(Fields([(k, v) for k, v in pairs if v]))
        rows = [
            [a.text, long_date(a.due) if a.due else "no date", "done" if a.done else ""]
            for a in item.actions
        ]
        if rows:
            blocks.append(Table(["Next action", "Date", "Done"], rows))
    return Section("Action plan", blocks)


def _reviews_section(plan: Plan) -> Section:
    goals = plan.short_term_goals.goals
    blocks: list[Block] = []
    if goals:
        blocks.append(Chart("Progress on each goal", lambda: charts.progress_chart(goals)))
    if not plan.reviews:
        blocks.append(Note("No reviews yet: look back and adjust in step 07."))
    for r in reversed(plan.reviews):
        pairs = [
            ("What went well", r.went_well),
            ("What changed", r.changed),
            ("What to adjust", r.adjust),
        ]
        blocks += [
            Sub(f"Review of {long_date(r.reviewed)}"),
            Fields([(k, v) for k, v in pairs if v]),
        ]
    return Section("Reviews", blocks)


# --- HTML -----------------------------------------------------------------------------------

CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 48rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.45; color: #111; }
h1 { margin-bottom: 0.2rem; }
h2 { border-bottom: 1px solid #999; padding-bottom: 0.2rem; margin-top: 2.2rem; }
h3 { margin: 1.4rem 0 0.4rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { border: 1px solid #999; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.8rem; margin: 0.4rem 0; }
dt { font-weight: bold; }
dd { margin: 0; }
.note { font-style: italic; color: #444; }
img { max-width: 100%; }
figure { margin: 0.8rem 0; }
@page { margin: 18mm; }
@media print {
  body { margin: 0; max-width: none; }
  section + section { break-before: page; }
  h2, h3 { break-after: avoid; }
  table, figure, dl, li, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def _h(text: str) -> str:
    """Escape the person's text for HTML; line breaks they typed are kept."""
    return html.escape(text, quote=True).replace("\n", "<br>")


def report_html(plan: Plan, catalog: pd.DataFrame, today: date | None = None) -> str:
    """The whole plan as one self-contained, printable HTML page (charts inlined as PNG)."""
    today = today or date.today()
    heading = _heading(plan)
    body = "\n".join(_html_section(s) for s in plan_document(plan, catalog, today))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_h(heading)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{_h(heading)}</h1><p class="note">Written down on {long_date(today)} '
        "with the careerkit workbook.</p></header>\n"
        f'{body}\n<footer><p class="note">{_h(sources_line())}</p></footer>\n</body>\n</html>\n'
    )


def sources_line() -> str:
    """The occupation data used, with the attribution its licence asks for."""
    info = catalog_files.catalog_info()
    return f"{info.line()} {info.attribution}".strip()


def _heading(plan: Plan) -> str:
    return f"{plan.profile.name}: career plan" if plan.profile.name else "My career plan"


def _html_section(section: Section) -> str:
    inner = "\n".join(_html_block(b) for b in section.blocks)
    return f"<section>\n<h2>{_h(section.title)}</h2>\n{inner}\n</section>"


def _html_block(block: Block) -> str:
    match block:
        case Para(text):
            return f"<p>{_h(text)}</p>"
        case Note(text):
            return f'<p class="note">{_h(text)}</p>'
        case Sub(title):
            return f"<h3>{_h(title)}</h3>"
        case Fields(pairs):
            rows = "".join(f"<dt>{_h(k)}</dt><dd>{_h(v)}</dd>" for k, v in pairs)
            return f"<dl>{rows}</dl>" if pairs else ""
        case Items(items):
            return "<ul>" + "".join(f"<li>{_h(i)}</li>" for i in items) + "</ul>"
        case Table(header, rows):
            head = "".join(f"<th>{_h(c)}</th>" for c in header)
            body = "".join("<tr>" + "".join(f"<td>{_h(c)}</td>" for c in r) + "</tr>" for r in rows)
            return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        case Chart(alt, draw):
            data = base64.b64encode(charts.png(draw(), dpi=100)).decode("ascii")
            return (
                f'<figure><img alt="{_h(alt)}" src="data:image/png;base64,{data}">'
                f"<figcaption>{_h(alt)}</figcaption></figure>"
            )
    raise TypeError(f"Unknown report block {block!r}")


# --- Markdown -------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|#~!])")
_MD_LINE_START = re.compile(r"^(\s*)([-+]|\d+\.)(\s)", re.MULTILINE)


def _m(text: str) -> str:
    """Escape the person's text for Markdown (CommonMark backslash escapes), on one line.

    Every kind of line break (CR LF, a bare CR, U+2028...) becomes ``\\n`` first, so
    the escaping sees each line's start and no break reaches the Markdown.
    """
    lines = text.splitlines()
    text = "\n".join(lines)
    text = _MD_LINE_START.sub(r"\1\\\2\3", _MD_SPECIAL.sub(r"\\\1", text))
    return "<br>".join(line.strip() for line in text.split("\n")) if len(lines) > 1 else text


def report_markdown(plan: Plan, catalog: pd.DataFrame, today: date | None = None) -> str:
    """The same plan as the HTML report, as Markdown (charts left out)."""
    today = today or date.today()
    heading = _heading(plan)
    parts = [
        f"# {_m(heading)}",
        f"_Written down on {long_date(today)} with the careerkit workbook._",
    ]
    for section in plan_document(plan, catalog, today):
        parts.append(f"## {_m(section.title)}")
        parts += [text for text in map(_md_block, section.blocks) if text]
    parts.append(f"_{_m(sources_line())}_")
    return "\n\n".join(parts) + "\n"


def _md_block(block: Block) -> str:
    match block:
        case Para(text):
            return _m(text)
        case Note(text):
            return f"_{_m(text)}_"
        case Sub(title):
            return f"### {_m(title)}"
        case Fields(pairs):
            return "\n".join(f"- **{_m(k)}:** {_m(v)}" for k, v in pairs)
        case Items(items):
            return "\n".join(f"- {_m(i)}" for i in items)
        case Table(header, rows):
            lines = [
                list(map(_m, header)),
                ["---"] * len(header),
                *(list(map(_m, r)) for r in rows),
            ]
            return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)
        case Chart():
            return ""
    raise TypeError(f"Unknown report block {block!r}")


# --- files ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Exports:
    html: Path
    markdown: Path
    ics: Path


def write_exports(plan: Plan, catalog: pd.DataFrame, folder: Path | None = None) -> Exports:
    """Write the report (HTML and Markdown) and the calendar file; return their paths."""
    folder = folder or paths.exports_dir()
    today = date.today()
    files = Exports(
        folder / f"{FILE_STEM}.html", folder / f"{FILE_STEM}.md", folder / f"{FILE_STEM}.ics"
    )
    files.html.write_text(report_html(plan, catalog, today), encoding="utf-8")
    files.markdown.write_text(report_markdown(plan, catalog, today), encoding="utf-8")
    files.ics.write_bytes(calendar_ics(plan))
    return files
