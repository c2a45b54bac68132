"""Stepping stones drawn as paths, now -> stepping stone -> target, with what each step adds.

HTML with inline styles (no script), so the same piece shows in a notebook, the app and a
saved page: three boxes joined by arrows that wrap onto new lines at a phone's 390 px,
in an ordered list whose label and hidden words ("then") read the path aloud.
"""

from __future__ import annotations

import html

import pandas as pd

from careerkit import palette
from careerkit.catalog.values import money

LEVELS_NOTE = (
    "Skill levels are O*NET's, on its 0-7 scale: yours (your rating in 01 x 7/5, else the "
    "level of the jobs you have done) → the level the job uses."
)
NO_STEP_GAP = "no skill it uses is 1 level or more above yours."
NOTHING_ADDED = "none of the target's skills you are 1 level or more short of."
NOTHING_LEFT = "no skill 1 level or more below the target's."
HIDDEN = (
    "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap"
)
_BOX = (
    "display:inline-block;margin:2px 0;padding:3px 8px;border-radius:6px;max-width:100%;"
    "box-sizing:border-box;overflow-wrap:anywhere;line-height:1.3;"
    "border:1px solid {border};background:{back}"
)


def _box(kind: str, title: str, border: str, back: str, strong: bool = False) -> str:
    style = _BOX.format(border=border, back=back)
    label = f'<span style="color:{palette.DARK_GREY};font-size:0.85em">{html.escape(kind)}'
    if not strong:  # a path's end: its name is in the heading above, read aloud only here
        read = f'<span style="{HIDDEN}">: {html.escape(title)}</span>'
        return f'<span style="{style}">{label}{read}</span></span>'
    return f'<span style="{style}">{label}:</span> <b>{html.escape(title)}</b></span>'


def _arrow() -> str:
    shown = f'<span aria-hidden="true" style="color:{palette.INK};padding:0 4px">→</span>'
    return shown + f'<span style="{HIDDEN}">then </span>'


def skills_words(text: str) -> str:
    """A skills column ("Skill 1.50 -> 2.50 (target 2.88); ...") for reading, escaped."""
    return html.escape(text).replace(" -&gt; ", " → ")


def figures_words(zone: object, pay: object) -> str:
    """ "job zone 3, median pay $64,400 a year" ("unknown" where the data has none)."""
    pay_text = pay if isinstance(pay, str) else money(float(pay))  # type: ignore[arg-type]
    per_year = "" if pay_text == "unknown" else " a year"
    return f"job zone {zone}, median pay {pay_text}{per_year}"


def _line(label: str, value: str) -> str:
    return f"<div><b>{html.escape(label)}</b> {value}</div>"


def _item(row: pd.Series, now: str, target: str) -> str:
    """One stone as a list item: the path's three boxes, then why and what each step adds."""
    coach = bool(row["coach"])
    kind = "Your coach's stepping stone" if coach else "Stepping stone"
    boxes = (
        _box("Now", now, palette.LIGHT_GREY, "#ffffff")
        + _arrow()
        + _box(
            kind,
            str(row["title"]),
            palette.GOOD if coach else palette.INFO,
            palette.GOOD_BACK if coach else palette.INFO_BACK,
            strong=True,
        )
        + _arrow()
        + _box("Target", target, palette.LIGHT_GREY, "#ffffff")
    )
    figures = html.escape(figures_words(row["job_zone"], row["median_pay"]))
    why = f"{html.escape(str(row['why']))}. <b>Its figures:</b> {figures}."
    lines = [_line("Why:", why)]  # one line: the path's ends are named in the heading
    if row["note"]:
        lines.append(_line("Your coach's note:", html.escape(str(row["note"]))))
    steps = (
        ("Step 1, to get there, build:", row["to_get_there"], NO_STEP_GAP),
        ("What it adds toward the target:", row["adds"], NOTHING_ADDED),
        ("Step 2, still to build for the target:", row["still_to_build"], NOTHING_LEFT),
    )
    lines += [_line(label, skills_words(text) or html.escape(none)) for label, text, none in steps]
    return (
        f'<li style="margin:0 0 12px 0"><div>{boxes}</div>'
        f'<div style="font-size:0.95em;margin-top:2px">{"".join(lines)}</div></li>'
    )


def _list(now: str, target: str, stones: pd.DataFrame, start: int) -> str:
    items = "".join(_item(row, now, target) for _, row in stones.iterrows())
    first = f' start="{start}"' if start != 1 else ""
    return f'<ol{first} style="padding-left:1.4em;margin:0">{items}</ol>'


def path_html(
    now: str, target: str, stones: pd.DataFrame, now_figures: str, target_figures: str
) -> str:
    """The stones of :func:`careerkit.steps.stepping_stones.stepping_stones` as paths from
    the job ``now`` (its title) to ``target``; ``*_figures`` say their zone and pay. The
    skill levels' scale is said once under all the directions (:data:`LEVELS_NOTE`)."""
    heading = f"From {now} to {target}"
    label = html.escape(f"Jobs on the way: {heading}")
    return (
        f'<section aria-label="{label}" style="max-width:100%">'
        f"<p><b>{html.escape(heading)}</b><br>"
        f'<span style="color:{palette.DARK_GREY}">Now: {html.escape(now_figures)}. '
        f"Target: {html.escape(target_figures)}.</span></p>"
        f"{_list(now, target, stones, 1)}</section>"
    )


def more_html(now: str, target: str, stones: pd.DataFrame, start: int) -> str:
    """More stones toward ``target`` (shown folded under the first ones), numbered on from
    ``start``."""
    label = html.escape(f"More jobs on the way from {now} to {target}")
    return (
        f'<section aria-label="{label}" style="max-width:100%">'
        f"{_list(now, target, stones, start)}</section>"
    )
