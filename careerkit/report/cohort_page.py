"""The cohort summary as HTML: its tables, and one self-contained page written atomically.

Everything the participants typed (names, occupation titles of their own, goal areas,
goals, actions) and every reason a plan could not be read goes through :func:`_h`, so
nothing in a plan file becomes markup. Names show only when the coach asks for them;
otherwise each participant is "Participant N"
(see :meth:`careerkit.coach.cohort.Participant.label`).
"""

from __future__ import annotations

import base64
import html
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from careerkit import files, palette, paths
from careerkit.coach.cohort import DUE_DAYS, NO_FAMILY, NOT_IN_CATALOG, Summary, common_stones
from careerkit.dates import long_date
from careerkit.report.charts import cohort as charts
from careerkit.report.charts.style import png
from careerkit.text import shorten

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FILE_STEM = "cohort-summary"
TOP = 15  # rows of the occupations and codes tables


@dataclass(frozen=True)
class Part:
    """One part of the summary: a heading, a chart (its key in the PNGs) and a table."""

    key: str
    title: str
    table: Callable[[Summary, bool], str]
    chart: Callable[[Summary], Figure] | None


def _h(text: object) -> str:
    """Escape any text for HTML (participants' text, file reasons, numbers)."""
    return html.escape(str(text), quote=True)


def _table(header: Sequence[str], rows: Sequence[Sequence[object]], empty: str = "") -> str:
    if not rows:
        return f"<p><i>{_h(empty)}</i></p>" if empty else ""
    head = "".join(f"<th>{_h(c)}</th>" for c in header)
    body = "".join("<tr>" + "".join(f"<td>{_h(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="cohort"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _names(summary: Summary, show_names: bool) -> dict[int, str]:
    return summary.cohort.labels(show_names)


# --- the parts ----------------------------------------------------------------------------


def header_html(summary: Summary, show_names: bool) -> str:
    """The workshop's title, how many plans were read, and whether names are shown."""
    cohort = summary.cohort
    total, read = len(cohort.participants), len(cohort.read)
    bad = total - read
    counts = f"{total} participants: {read} plans read" + (
        f", {bad} could not be read (listed at the end)" if bad else ""
    )
    names = (
        "Names are shown: this summary holds personal information; share it with care."
        if show_names
        else "Names are hidden: participants are numbered in the order of their folders."
    )
    notes = "".join(f"<p class='note'>{_h(n)}</p>" for n in cohort.notes)
    return (
        f"<h2>{_h(cohort.title)}</h2><p><b>{_h(counts)}</b>. Read on "
        f"{_h(long_date(summary.today))} from <code>{_h(cohort.folder)}</code>, without "
        f"changing any file.</p><p class='note'>{_h(names)}</p>{notes}"
    )


def steps_html(summary: Summary, _show_names: bool) -> str:
    rows = [(f"{n} {t}".strip(), c) for n, t, c in summary.steps.itertuples()]
    return _table(["step reached", "participants"], rows)


def themes_html(summary: Summary, _show_names: bool) -> str:
    rows = [(f"{t} ({x})", f, c) for x, t, f, c in summary.themes.itertuples()]
    codes = [(code, n) for code, n in summary.codes.head(TOP).items()]
    note = f"{summary.no_interests} participant(s) have not taken the questionnaire yet."
    return (
        _table(["theme", "first letter of the code", "in the code"], rows)
        + _table(["interest code", "participants"], codes, "No interest codes yet.")
        + (f"<p class='note'>{_h(note)}</p>" if summary.no_interests else "")
    )


def origins_html(summary: Summary, show_names: bool) -> str:
    """Where the group comes from: the occupation families (SOC major groups) of the jobs
    the participants have done, with who (numbered unless names are shown)."""
    names = _names(summary, show_names)
    rows = [
        (
            family,
            f"{group}-0000" if group not in (NOT_IN_CATALOG, NO_FAMILY) else "",
            people,
            jobs,
            shorten(", ".join(names[n] for n in numbers), 200),
        )
        for group, family, people, jobs, numbers in summary.families.itertuples()
    ]
    header = ["occupation family", "SOC group", "participants", "jobs", "who"]
    read = len(summary.cohort.read)
    note = (
        f"{summary.no_jobs} of {read} participant(s) have not listed a job they have done "
        "(step 1, “Jobs I have done”). A job under their own title counts as "
        f"“{NOT_IN_CATALOG}”; a participant with jobs in two families counts in both."
    )
    table = _table(header, rows, "No participant has listed a job they have done yet.")
    return table + f"<p class='note'>{_h(note)}</p>"


def occupations_html(summary: Summary, _show_names: bool) -> str:
    top = summary.occupations.head(TOP)
    rows = [
        (shorten(t, 80) + (" (their own)" if own else ""), code if not own else "", s, c)
        for code, t, own, s, c in top.itertuples()
    ]
    more = len(summary.occupations) - len(top)
    tail = f"<p class='note'>and {more} more.</p>" if more > 0 else ""
    header = ["occupation", "O*NET code", "on a shortlist", "chosen"]
    return _table(header, rows, "No occupations shortlisted yet.") + tail


def stones_html(summary: Summary, show_names: bool) -> str:
    """The most common stepping stones chosen as goals (issue 23), a section of its own;
    who chose each by label (names only when the coach switches them on)."""
    stones = common_stones(summary.cohort).head(TOP)
    names = _names(summary, show_names)
    rows = [
        (shorten(t, 80), code, "; ".join(shorten(x, 60) for x in toward) or "–", n,
         ", ".join(names[x] for x in who))
        for code, t, toward, n, who in stones.itertuples()
    ]  # fmt: skip
    header = ["stepping stone", "O*NET code", "toward", "participants", "who"]
    empty = "No one has made a job on the way (04) one of their goals yet."
    return _table(header, rows, empty)


def areas_html(summary: Summary, _show_names: bool) -> str:
    rows = [(shorten(a, 80), p, g) for a, p, g in summary.areas.itertuples()]
    return _table(["goal area", "participants with a goal in it", "goals"], rows)


def smart_html(summary: Summary, _show_names: bool) -> str:
    rows = [
        (f"{name} ({x})" if x != "all" else name, f"{p} of {g}", f"{s:.0%}")
        for x, name, p, g, s in summary.smart.itertuples()
    ]
    return _table(["letter", "goals passing", "share"], rows if summary.goals else [], "No goals.")


def due_html(summary: Summary, show_names: bool) -> str:
    names = _names(summary, show_names)
    rows = [
        (long_date(d), f"in {n} days" if n else "today", names[p], k, shorten(w, 90))
        for p, k, w, d, n in summary.due.itertuples(index=False)
    ]
    header = ["due", "when", "participant", "what", "text"]
    return _table(header, rows, f"Nothing falls due in the next {DUE_DAYS} days.")


def people_html(summary: Summary, show_names: bool) -> str:
    """One row per plan read: the step reached, interest code, options and goals."""
    names = _names(summary, show_names)
    titles = dict(zip(summary.steps.index, summary.steps["title"], strict=True))
    rows = [
        (names[n], f"{step} {titles.get(step, '')}".strip(), code or "–", s, c, g)
        for n, step, code, s, c, g in summary.people.itertuples()
    ]
    header = ["participant", "step reached", "interest code", "shortlisted", "chosen", "goals"]
    return _table(header, rows, "No plan could be read.")


def unreadable_html(summary: Summary, show_names: bool) -> str:
    """The "could not read" table: who, and why; the folder only when names are shown."""
    bad, names = summary.cohort.unreadable, _names(summary, show_names)
    rows: list[tuple[str, ...]]
    if not show_names:
        rows = [(names[p.number], p.problem) for p in bad]
        table = _table(["participant", "why"], rows, "Every plan could be read.")
        hint = "Switch names on to see each one's folder." if bad else ""
    else:
        file = f"{paths.PARTICIPANTS}/{{}}/{paths.PLAN_FILE}"
        rows = [(names[p.number], file.format(p.folder), p.problem) for p in bad]
        table = _table(["participant", "file", "why"], rows, "Every plan could be read.")
        hint = "Nothing was changed; fix or restore those files in the participants' folders."
    return table + (f"<p class='note'>{_h(hint)}</p>" if bad else "")


PARTS = (
    Part("steps", "Step reached", steps_html, lambda s: charts.steps_chart(s.steps)),
    Part(
        "interests",
        "Interest codes",
        themes_html,
        lambda s: charts.themes_chart(s.themes, s.no_interests),
    ),
    Part("origins", "Where the group comes from", origins_html, None),
    Part(
        "occupations",
        "Shortlisted and chosen occupations",
        occupations_html,
        lambda s: charts.occupations_chart(s.occupations),
    ),
    Part("stones", "Most common stepping stones", stones_html, None),
    Part("areas", "Goal areas covered", areas_html, lambda s: charts.areas_chart(s.areas)),
    Part("smart", "S.M.A.R.T. goals", smart_html, lambda s: charts.smart_chart(s.smart)),
    Part(
        "due",
        f"Due in the next {DUE_DAYS} days",
        due_html,
        lambda s: charts.due_chart(s.due, s.today, DUE_DAYS),
    ),
    Part("people", "Each participant", people_html, None),
    Part("unreadable", "Plans that could not be read", unreadable_html, None),
)


def chart_pngs(summary: Summary) -> dict[str, bytes]:
    """Every part's chart as PNG bytes, keyed by the part's key."""
    with warnings.catch_warnings():  # an emoji in a typed title is drawn as a box, quietly
        warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
        return {
            part.key: png(part.chart(summary), tight=False)
            for part in PARTS
            if part.chart is not None
        }


def image_html(data: bytes, alt: str) -> str:
    """A PNG embedded in the page (base64), with its text alternative."""
    encoded = base64.b64encode(data).decode("ascii")
    return f'<img alt="{_h(alt)}" src="data:image/png;base64,{encoded}">'


# --- the page -------------------------------------------------------------------------------

#: The tables' look, in the page and in the notebook (JupyterLab gives a widget's table no
#: padding or borders, so its headers ran together).
TABLE_CSS = Template("""
table.cohort { border-collapse: collapse; margin: 0.5rem 0 1rem; }
table.cohort th, table.cohort td { border: 1px solid $rule; padding: 0.2rem 0.5rem;
  text-align: left; vertical-align: top; }
table.cohort th { font-weight: bold; background: $head; }
""").substitute(rule=palette.LIGHT_GREY, head=palette.FAINT_GREY)

CSS = Template("""
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; color: $text;
  padding: 0 1rem; line-height: 1.4; }
h1 { margin-bottom: 0; } h2 { border-bottom: 1px solid $rule; margin-top: 2rem; }
.note { color: $note; font-size: 0.9em; }
img { max-width: 100%; }
@media print { h2 { break-after: avoid; } figure, table { break-inside: avoid; } }
""").substitute(text=palette.TEXT, rule=palette.LIGHT_GREY, note=palette.DARK_GREY)


def cohort_page(
    summary: Summary, show_names: bool = False, pngs: dict[str, bytes] | None = None
) -> str:
    """The whole summary as one self-contained HTML page (charts inlined as PNG)."""
    pngs = chart_pngs(summary) if pngs is None else pngs
    parts = []
    for part in PARTS:
        chart = image_html(pngs[part.key], part.title) if part.key in pngs else ""
        parts.append(f"<section><h2>{_h(part.title)}</h2>{chart}{part.table(summary, show_names)}")
        parts[-1] += "</section>"
    title = f"Cohort summary: {summary.cohort.title}"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_h(title)}</title>\n<style>{CSS}{TABLE_CSS}</style>\n</head>\n<body>\n"
        f"<h1>Cohort summary</h1>\n{header_html(summary, show_names)}\n"
        + "\n".join(parts)
        + '\n<footer><p class="note">Made with the careerkit workbook.</p></footer>\n'
        "</body>\n</html>\n"
    )


def default_path(summary: Summary, show_names: bool = False) -> Path:
    """Where the page goes unless the coach chooses: the workshop folder, dated; the page
    with names has a name of its own, so it never replaces the one without."""
    names = "-with-names" if show_names else ""
    return summary.cohort.folder / f"{FILE_STEM}-{summary.today.isoformat()}{names}.html"


def write_page(
    summary: Summary,
    path: Path | None = None,
    show_names: bool = False,
    pngs: dict[str, bytes] | None = None,
) -> Path:
    """Write :func:`cohort_page` to ``path`` (default :func:`default_path`), atomically:
    a temporary file beside it, then a rename, so a reader never sees half a page. A
    ``path`` not ending in ``.html`` is a folder (made if need be) for the dated file,
    named ``...-with-names.html`` when names are shown.
    """
    dated = default_path(summary, show_names)
    path = Path(path).expanduser() if path is not None else dated
    if path.is_dir() or path.suffix.lower() not in (".html", ".htm"):  # a folder
        path = path / dated.name
    data = cohort_page(summary, show_names, pngs).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    files.write_atomic(path, data)  # atomic and private: nobody opens half a page
    return path


__all__ = [
    "PARTS",
    "TABLE_CSS",
    "Part",
    "chart_pngs",
    "cohort_page",
    "default_path",
    "header_html",
    "image_html",
    "unreadable_html",
    "write_page",
]
