"""The written-down plan: a printable HTML report and the same as Markdown.

The report is first built as a small document (sections of paragraphs, fields, lists,
tables and charts) and then rendered twice, so the HTML and the Markdown always hold the
same content. Every text goes through one escaping function per format, so nothing a
person typed can become markup. The files are written by ``careerkit.report.export_files``.
"""

from __future__ import annotations

import base64
import html
import re
from datetime import date
from string import Template
from typing import cast

import pandas as pd

from careerkit import palette
from careerkit.catalog import THEMES, CatalogError, money, tables_of
from careerkit.catalog.fit import top_themes
from careerkit.catalog.local_pay import NATION_NAME
from careerkit.dates import long_date
from careerkit.plan import Goal, Option, Plan
from careerkit.report import charts
from careerkit.report.blocks import (
    Block,
    Cards,
    Chart,
    Fields,
    Items,
    Note,
    Para,
    ScreenOnly,
    Section,
    Sub,
    Table,
    chart_png,
    png_width,
    table,
)
from careerkit.steps import job_skills
from careerkit.steps.action_plan import next_review_due, this_month
from careerkit.steps.compare import scoring
from careerkit.steps.compare.criteria import ScoringError, label_for
from careerkit.steps.compare.setup import scoring_setup
from careerkit.steps.explore.occupation import IN_US, missing, pay_short
from careerkit.steps.explore.occupation import QUESTIONS as EXPLORING
from careerkit.steps.past_jobs import held_label
from careerkit.steps.plan_changes import criterion_labels
from careerkit.steps.short_term.smart import NAMES as SMART_NAMES
from careerkit.steps.short_term.smart import SmartResult, smart_check
from careerkit.text import join_words, shorten

FILE_STEM = "career-plan"
# Kept on one line: "September 30, 2027", "$69,280", "$52,000 (your own estimate)"
ONE_LINE = re.compile(r"[A-Z][a-z]+ \d{1,2}, \d{4}|[$\d.,%]+|\$[\d,]+ \(your own estimate\)")
PRINT_DPI = 192  # the printed roadmap's pixels per inch: sharp on paper
QUESTIONS = {q.id: q.text for q in EXPLORING}
ROADMAP = {"dream_job", "exploration", "comparison", "short_term_goals", "long_term"}  # drawn
REFLECTIONS = dict(at_ease="Moments at ease", drawn_to="Always drawn to")  # step 01's
REFLECTIONS |= dict(still_love="Still love doing", asked_for="People come to me for")

# --- the document -------------------------------------------------------------------------


def plan_document(plan: Plan, catalog: pd.DataFrame, today: date | None = None) -> list[Section]:
    """The whole plan as sections, in the order of the workbook's steps."""
    today = today or date.today()
    titles = _titles(plan, catalog)
    return [
        _dream_section(plan),
        _shortlist_section(plan, catalog),
        _comparison_section(plan, catalog, titles),
        _goals_section(plan, titles, today),
        _long_term_section(plan, catalog, titles, today),
        _action_section(plan, today),
        _reviews_section(plan),
    ]


def _titles(plan: Plan, catalog: pd.DataFrame) -> dict[str, str]:
    """Occupation code -> title: the person's own shortlist first, then the catalogue."""
    # The catalogue's index holds occupation codes, str.
    known = (
        cast("dict[str, str]", catalog["title"].astype(str).to_dict()) if "title" in catalog else {}
    )
    return known | {o.code: o.title for o in plan.exploration.options}


def _dream_section(plan: Plan) -> Section:
    dream = plan.dream_job
    blocks: list[Block] = []
    if dream.vision:  # the date run in before it: a line less than a field of its own
        written = f"written on {long_date(dream.vision_date)}" if dream.vision_date else "no date"
        blocks.append(Fields([(f"My vision ({written})", dream.vision)], run_in=True))
    else:
        blocks.append(Note("No vision written yet: write it down in step 01 (Dream job)."))
    answered = [
        (REFLECTIONS.get(k, k.replace("_", " ").capitalize()), v)
        for k, v in dream.reflections.items()
        if v.strip()
    ]
    held = ", ".join(held_label(j) for j in dream.past_jobs)
    jobs = [("Jobs I have done", held)] if held else []
    side: list[list[Block]] = []  # printed side by side
    if answered:  # the jobs done beside the interest chart, in the room its height leaves
        side.append([Sub("Reflections"), Fields(answered + jobs)])
        jobs = []
    if dream.interests and dream.interests.scores:
        scores = dream.interests.scores
        themes = ", ".join(THEMES[t] for t in top_themes(scores))
        side.append([
            Sub("Interests"),
            Fields([("Taken on", long_date(dream.interests.taken)), ("Top themes", themes)]),
            Chart(
                "Interest profile on the six RIASEC themes",
                lambda: charts.interest_chart(scores),
                lambda: f"interests {sorted(scores.items())}",
                narrow=True,
            ),
        ])  # fmt: skip
    if side:
        blocks.append(Cards(side))
    if jobs:
        blocks += [Fields(jobs)]
    if dream.skills:
        kinds = [
            (f"{kind.capitalize()} skills (level 1-5)", [s for s in dream.skills if s.kind == kind])
            for kind in ("hard", "soft")
        ]
        pairs = [(k, ", ".join(f"{s.name} {s.level}" for s in found)) for k, found in kinds]
        blocks += [Sub("Skills you bring"), Fields([(k, v) for k, v in pairs if v])]
    if dream.skills_use:
        blocks += [Fields([("How they could serve", dream.skills_use)])]
    return Section("Dream job", blocks)


def _shortlist_section(plan: Plan, catalog: pd.DataFrame) -> Section:
    options = plan.exploration.options
    if not options:
        return Section("Shortlist", [Note("No options yet: build a shortlist in step 02.")])
    rows = [
        [o.title, _pay(o, catalog), f"Dropped: {o.drop_reason}" if o.dropped else "Kept"]
        for o in options
    ]
    header = ["Occupation", "Median pay a year", "Kept or dropped"]
    blocks: list[Block] = [table(header, rows, kind="names")]
    cards: list[list[Block]] = []
    for o in options:
        notes = [(_question(k), v) for k, v in o.answers.items() if v]
        notes += [("Notes", o.notes)] if o.notes else []
        if o.skills or job_skills.lacks_ratings(catalog, o.code):
            notes.append(("Skills it needs", ", ".join(o.skills) or job_skills.NO_RATINGS))
        if notes:
            cards.append([Sub(o.title), Fields(notes)])
    if cards:
        blocks.append(Cards(cards))
    return Section("Shortlist", blocks)


def _question(question_id: str) -> str:
    """An exploring question's wording (without its number), for an answer's id."""
    text = QUESTIONS.get(question_id, question_id.replace("_", " ").capitalize())
    return re.sub(r"^\d+\.\s*", "", text)


def _pay(option: Option, catalog: pd.DataFrame) -> str:
    """An option's median pay a year and the place it is for, as the screens say it (issue
    19 §4): "$97,550 in the U.S.", "at least $239,200 in Ohio", "$29.05/hour in the U.S."
    (BLS gives only an hourly figure), "$52,000 (your own estimate)" or "unknown"."""
    own, code = option.median_wage, option.code
    if own is not None or code not in catalog.index or "median_wage" not in catalog:
        return "unknown" if own is None else f"{money(own)} (your own estimate)"
    row = catalog.loc[code]
    pay = pay_short(row)
    # catalog_for(plan) names each row's place (the area's, its state's or the nation's);
    # a catalogue without local pay holds BLS's national figures.
    place = row.get("pay_area") if "pay_area" in catalog else NATION_NAME
    if pay == money(None) or missing(place):
        return pay
    return f"{pay} {IN_US}" if place == NATION_NAME else f"{pay} in {place}"


def _comparison_section(plan: Plan, catalog: pd.DataFrame, titles: dict[str, str]) -> Section:
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
    blocks += _ranking(plan, catalog, titles)
    if comp.weights:
        labels = criterion_labels()
        weights = ", ".join(f"{label_for(k, labels)} {v:g}" for k, v in comp.weights.items())
        blocks.append(Fields([("Weights of your criteria (0-5)", weights)]))
    return Section("Comparison", blocks)


def _ranking(plan: Plan, catalog: pd.DataFrame, titles: dict[str, str]) -> list[Block]:
    """Step 03's ranking: each option kept, its score (0-10) and rank, and the gut check."""
    options = [o for o in plan.exploration.options if not o.dropped]
    gut = plan.comparison.gut
    if not options:
        return []
    scores: pd.DataFrame | None = None
    problem = ""
    try:
        criteria = scoring_setup().criteria
        scores = scoring.plan_scores(plan, catalog, options, criteria)
    except (ScoringError, CatalogError, KeyError, ValueError) as err:
        problem = f"The scores could not be worked out here ({err}); step 03 shows them."
    rows = []
    for option in options:
        score = place = float("nan")
        if scores is not None and option.code in scores.index:
            score = cast(float, scores.at[option.code, "score"])
            place = cast(float, scores.at[option.code, "rank"])
        answers = gut.get(option.code)
        rows.append(
            [
                f"{place:.0f}" if place == place else "unknown",
                titles.get(option.code, option.title),
                f"{score:.1f}" if score == score else "unknown",
                (answers.feels_right if answers else None) or "",
                (answers.want_to_grow if answers else None) or "",
            ]
        )
    rows.sort(key=lambda r: (not r[0].isdigit(), int(r[0]) if r[0].isdigit() else 0))
    header = ["Rank", "Option", "Score (0-10)", "Feels right?", "Want to grow in it?"]
    blocks: list[Block] = [Sub("Ranking and gut check"), table(header, rows)]
    blocks.append(Note(problem or SCORED_BY))
    return blocks


SCORED_BY = (
    "Scores are the weighted average of your ratings (your own, else the occupation data) "
    "with the weights below; a coach's own scoring formula in step 03 may rank differently."
)


def _goals_section(plan: Plan, titles: dict[str, str], today: date) -> Section:
    goals = plan.short_term_goals.goals
    if not goals:
        return Section("Short-term goals", [Note("No goals yet: set them in step 04.")])
    areas = ", ".join(plan.short_term_goals.areas)
    header = ["Goal", "Area", "Due", "Measure", "Serves", "Status", "S.M.A.R.T. check"]
    rows, missing = [], []
    for goal in goals:
        result = smart_check(goal, plan, today=today)
        text = goal.text or "(goal without text)"
        rows.append([text, *(v for _, v in _goal_fields(goal, titles)), _smart_summary(result)])
        missing += [
            [shorten(text, 70), SMART_NAMES.get(k, k), c.reason, c.suggestion]
            for k, c in result.letters.items()
            if not c.ok
        ]
    blocks: list[Block] = [Fields([("Areas of growth", areas)]), table(header, rows)]
    if missing:
        blocks += [
            Sub("S.M.A.R.T. letters not met yet"),
            table(["Goal", "Letter", "Why", "To improve"], missing),
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
    if not objectives:
        blocks.append(Note("No long-term objectives yet: plan five to ten years in step 05."))
    cards: list[list[Block]] = []
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
        cards.append([Sub(titles.get(code, code)), Fields([(k, v) for k, v in pairs if v])])
    if cards:
        blocks.append(Cards(cards))
    blocks += _career_goal_blocks(plan)
    # After the objectives in words: the picture of them with the goals leading there.
    if plan.short_term_goals.goals or objectives:
        blocks.append(
            Chart(
                "Roadmap from short-term goals to long-term objectives",
                lambda: charts.roadmap_chart(plan, catalog, today, charts.ROADMAP_PRINT),
                lambda: (
                    f"print roadmap {today} {len(catalog)} {plan.model_dump_json(include=ROADMAP)}"
                ),
                dpi=PRINT_DPI,
            )
        )
    return Section("Long-term objectives", blocks)


def _career_goal_blocks(plan: Plan) -> list[Block]:
    """The career goal the person can say (05): their interview answer and résumé objective,
    each label run in before its text (a line less than a heading each). The answer, three
    to five sentences, is printed down two columns (lines of 60-70 characters, not 130);
    the objective, one line for a résumé, across the page."""
    goal = plan.long_term.career_goal
    answer, objective = goal.interview.strip(), goal.objective.strip()
    if not (answer or objective):
        return [Note("No career goal to say yet: draft one at the end of step 05.")]
    blocks: list[Block] = [Sub("A career goal I can say")]
    if answer:
        label = "Where I see myself in five years (for an interview)"
        blocks.append(Fields([(label, answer)], run_in=True, columns=True))
    if objective:
        blocks.append(Fields([("Career objective (for my résumé)", objective)], run_in=True))
    return blocks


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
    due_now = [  # this_month gives only dated actions
        f"{long_date(cast(date, a.due))}: {a.text} (for '{shorten(g.text, 50)}')"
        for g, a in this_month(plan, today)
    ]
    blocks += [
        ScreenOnly(
            [
                Sub(f"This month ({today:%B %Y}) and overdue"),
                Items(due_now) if due_now else Note("Nothing due this month."),
            ]
        ),
    ]
    resources, actions = [], []
    for goal_id, item in items.items():
        goal = goals[goal_id]
        name = shorten(goal.text, 70) + (" (goal dropped)" if goal.status == "dropped" else "")
        if item.people or item.tools or item.programs:
            resources.append([name, item.people, item.tools, item.programs])
        actions += [
            [name, a.text, long_date(a.due) if a.due else "no date", "done" if a.done else ""]
            for a in item.actions
        ]
    if resources:
        header = ["Goal", "People", "Online tools", "Programs at work"]
        blocks += [Sub("Resources"), table(header, resources)]
    if actions:
        blocks += [Sub("Next actions"), table(["Goal", "Next action", "Date", "Done"], actions)]
    return Section("Action plan", blocks)


def _reviews_section(plan: Plan) -> Section:
    if not plan.reviews:  # progress on each goal: the goals table's Status column
        return Section("Reviews", [Note("No reviews yet: look back and adjust in step 07.")])
    cards: list[list[Block]] = []
    for r in reversed(plan.reviews):
        pairs = [
            ("What went well", r.went_well),
            ("What changed", r.changed),
            ("What to adjust", r.adjust),
        ]
        cards.append(
            [Sub(f"Review of {long_date(r.reviewed)}"), Fields([(k, v) for k, v in pairs if v])]
        )
    return Section("Reviews", [Cards(cards)])


# --- HTML -----------------------------------------------------------------------------------

CSS = Template("""
body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 48rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.4; color: $text; }
h1 { margin-bottom: 0.2rem; }
h2 { border-bottom: 1px solid $rule; padding-bottom: 0.2rem; margin: 1.6rem 0 0.4rem; }
h3 { margin: 1rem 0 0.3rem; }
p { margin: 0.3rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0; }
th, td { border: 1px solid $rule; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
dl { display: grid; grid-template-columns: fit-content(35%) 1fr; gap: 0.1rem 0.8rem;
     margin: 0.3rem 0; }
dt { font-weight: bold; }
dd { margin: 0; }
ul { margin: 0.3rem 0; }
.note { font-style: italic; color: $note; }
img { max-width: 100%; }
figure { margin: 0.5rem 0; }
figure.narrow img { width: 60%; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
         gap: 0 1.5rem; align-items: start; }
.card:only-child { grid-column: 1 / -1; }
.card > h3:first-child { margin-top: 0.4rem; }
.card dl, dl.run-in { display: block; }  /* run-in: the label, then the answer on its line */
.card :is(dt, dd), dl.run-in :is(dt, dd) { display: inline; }
.card dt, dl.run-in dt { margin-right: 0.3em; }
.card dt:not(.asks)::after, dl.run-in dt:not(.asks)::after { content: ":"; }
.card dd::after, dl.run-in dd::after { content: ""; display: block; margin-bottom: 0.25rem; }
.card figure.narrow img { width: 100%; }
@page { size: auto; margin: 12mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 9.25pt; line-height: 1.18;
         font-family: Georgia, 'DejaVu Serif Condensed', serif; }
  header p { font-size: 8pt; margin: 0.1rem 0 0; }
  h1 { font-size: 16pt; margin: 0; }
  h2 { font-size: 12pt; margin: 0.5rem 0 0.2rem; padding-bottom: 0.1rem; }
  h3 { font-size: 10pt; margin: 0.35rem 0 0.05rem; }
  h2, h3 { break-after: avoid; }
  table { font-size: 8pt; margin: 0.25rem 0; line-height: 1.15; }
  th, td { padding: 0.05rem 0.3rem; }
  td.short { white-space: nowrap; }
  th:first-child { width: 30%; }  /* the goal or option: fewer, longer lines beside it */
  table.names th:first-child { width: 45%; }  /* occupations: a title on a line, if it fits */
  table:has(td.short:first-child) th:first-child { width: auto; }  /* ranks, dates */
  dl { grid-template-columns: fit-content(30%) 1fr; gap: 0 0.8rem; margin: 0.2rem 0; }
  /* cards flow down two columns (no row left short beside a longer card), each kept whole */
  .cards { display: block; columns: 2; column-gap: 7mm; }
  .cards:has(> .card:only-child) { columns: auto; }
  .card { break-inside: avoid; padding-top: 0.35rem; }
  .card > h3:first-child { margin-top: 0; }  /* each column's first card starts at its top */
  .card dd::after, dl.run-in dd::after { margin-bottom: 0.1rem; }
  figure { margin: 0.3rem 0; break-inside: avoid; }
  figure img { max-width: 100%; height: auto; }  /* at its drawn size: its type legible */
  figcaption { display: none; }  /* each chart has a title of its own; alt says the rest */
  li, tr, tbody, dt, dd { break-inside: avoid; }  /* tbody: a goal's rows, its cell spanning them */
  dl:not(.run-in) { break-inside: avoid; }  /* a few fields, as a grid: read together */
  dl.columns { columns: 2; column-gap: 7mm; break-inside: avoid; }  /* not on two pages */
  dt { break-after: avoid; }
  section.empty, .screen-only { display: none; }  /* only our hint that a step is still to do */
  footer { font-size: 7pt; }
  a { color: inherit; text-decoration: none; }
}
""").substitute(text=palette.TEXT, rule=palette.GREY, note=palette.DARK_GREY)


def _h(text: str) -> str:
    """Escape the person's text for HTML; line breaks they typed are kept."""
    return html.escape(text, quote=True).replace("\n", "<br>")


def report_html(plan: Plan, catalog: pd.DataFrame, today: date | None = None) -> str:
    """The whole plan as one self-contained, printable HTML page (charts inlined as PNG)."""
    today = today or date.today()
    title = heading(plan)
    body = "\n".join(_html_section(s) for s in plan_document(plan, catalog, today))
    sources = _h(sources_line(catalog))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_h(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{_h(title)}</h1><p class="note">Written down on {long_date(today)} '
        "with the careerkit workbook.</p></header>\n"
        f'{body}\n<footer><p class="note">{sources}</p></footer>\n</body>\n</html>\n'
    )


def sources_line(catalog: pd.DataFrame) -> str:
    """The occupation data used (``catalog``'s), with the attribution its licence asks for."""
    info = tables_of(catalog).info()
    return f"{info.line()} {info.attribution}".strip()


def heading(plan: Plan) -> str:
    return f"{plan.profile.name}: career plan" if plan.profile.name else "My career plan"


def _html_section(section: Section) -> str:
    inner = "\n".join(_html_block(b) for b in section.blocks)
    # A section with only our hints (e.g. "no goals yet") is shown on screen, not printed.
    empty = ' class="empty"' if all(isinstance(b, Note) for b in section.blocks) else ""
    return f"<section{empty}>\n<h2>{_h(section.title)}</h2>\n{inner}\n</section>"


def _asks(label: str) -> str:
    """A class for a label that is a question: no colon follows it when run in."""
    return ' class="asks"' if label.rstrip().endswith("?") else ""


def _short(cell: str) -> str:
    """A class for a date or a figure: kept on one line."""
    return ' class="short"' if ONE_LINE.fullmatch(cell) else ""


def _html_rows(rows: list[list[str]]) -> str:
    """Table bodies: a first cell repeated in the rows below (the same goal) written once,
    spanning them, those rows a body of their own (printed on one page)."""
    bodies, i = [], 0
    while i < len(rows):
        end = i + 1
        while end < len(rows) and len(rows[i]) > 1 and rows[end][0] == rows[i][0]:
            end += 1
        span = f' rowspan="{end - i}"' if end - i > 1 else ""
        lines = []
        for n, row in enumerate(rows[i:end]):
            first = f"<td{span}{_short(row[0])}>{_h(row[0])}</td>" if n == 0 else ""
            rest = "".join(f"<td{_short(c)}>{_h(c)}</td>" for c in row[1:])
            lines.append(f"<tr>{first}{rest}</tr>")
        bodies.append(f"<tbody>{''.join(lines)}</tbody>")
        i = end
    return "".join(bodies)


def _html_block(block: Block) -> str:
    match block:
        case Para(text):
            return f"<p>{_h(text)}</p>"
        case Note(text):
            return f'<p class="note">{_h(text)}</p>'
        case Sub(title):
            return f"<h3>{_h(title)}</h3>"
        case Fields(pairs, run_in=run_in, columns=columns):
            rows = "".join(f"<dt{_asks(k)}>{_h(k)}</dt><dd>{_h(v)}</dd>" for k, v in pairs)
            kinds = " ".join(k for k, on in (("run-in", run_in), ("columns", columns)) if on)
            return (f'<dl class="{kinds}">' if kinds else "<dl>") + f"{rows}</dl>" if pairs else ""
        case Items(items):
            return "<ul>" + "".join(f"<li>{_h(i)}</li>" for i in items) + "</ul>"
        case Table(header, rows, kind=kind):
            head = "".join(f"<th>{_h(c)}</th>" for c in header)
            css = f' class="{_h(kind)}"' if kind else ""
            return f"<table{css}><thead><tr>{head}</tr></thead>{_html_rows(rows)}</table>"
        case Cards(cards):
            inner = "".join(
                '<div class="card">' + "\n".join(map(_html_block, card)) + "</div>"
                for card in cards
            )
            return f'<div class="cards">{inner}</div>'
        case ScreenOnly(blocks):
            inner = "\n".join(map(_html_block, blocks))
            return f'<div class="screen-only">{inner}</div>'
        case Chart(alt, narrow=narrow, dpi=dpi):
            png = chart_png(block)
            data = base64.b64encode(png).decode("ascii")
            kind = ' class="narrow"' if narrow else ""
            width = round(png_width(png) * 96 / dpi)  # its drawn size: its type at its points
            return (
                f'<figure{kind}><img alt="{_h(alt)}" width="{width}" '
                f'src="data:image/png;base64,{data}">'
                f"<figcaption>{_h(alt)}</figcaption></figure>"
            )
    raise TypeError(f"Unknown report block {block!r}")


def prepare_charts(plan: Plan, catalog: pd.DataFrame, today: date | None = None) -> None:
    """Draw the report's charts ahead (e.g. in a thread when step 06 opens), so that
    writing the plan down later takes a fraction of a second."""
    for section in plan_document(plan, catalog, today):
        for block in section.blocks:
            inside = [b for card in block.cards for b in card] if isinstance(block, Cards) else []
            for chart in (b for b in [block, *inside] if isinstance(b, Chart)):
                chart_png(chart)
