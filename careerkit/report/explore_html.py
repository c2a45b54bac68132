"""Step 2 as HTML: the occupations table, the occupation card and its interest-theme bars.

Every text is escaped. Drawn in HTML, not matplotlib, so the table and the card appear
at once: a figure takes ~100 ms to draw.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import pandas as pd

from careerkit import palette
from careerkit.catalog import THEMES
from careerkit.catalog.fit import LETTERS
from careerkit.report.cards import CARDS, FACTS, label
from careerkit.report.why_html import HEADING as WHY_HEADING
from careerkit.report.why_html import why_card_html, why_line_html
from careerkit.steps import job_skills
from careerkit.steps.explore.occupation import (
    fit_reason,
    missing,
    pay_short,
    shared_themes,
    value_or,
)
from careerkit.steps.explore.why import Why


def table_html(
    rows: pd.DataFrame,
    scores: Mapping[str, float] | None = None,
    why: Mapping[str, Why] | None = None,
) -> str:
    """Occupations (already filtered, sorted and cut to the rows to show) as an HTML table.

    Shows the fit and its reason when ``rows`` has a ``fit`` column and ``scores`` are
    given, and the skills match when it has a ``skills_match`` column ("not rated" for
    NaN), and each row's one-line reason when ``why`` (by code) is given; missing pay,
    outlook or hours read "unknown"; every text is escaped. Each row carries its code
    (``data-key``) and its title is a button, so ``ui.row_table`` can let a person pick a
    row with a click or the keyboard.
    """
    e = html.escape
    columns: dict[str, list[str]] = {
        "Occupation": [
            f"<button type='button' class='ck-pick'>{e(t)}</button> "
            f"<small style='color:{palette.DARK_GREY}'>{e(c)}</small>"
            for t, c in zip(rows["title"], rows.index, strict=True)
        ]
    }
    if why is not None:
        columns[WHY_HEADING] = [why_line_html(why.get(code)) for code in rows.index]
    if scores and "fit" in rows:
        codes = rows["interest_code"] if "interest_code" in rows else [None] * len(rows)
        profiles = [
            {**dict(zip(LETTERS, v, strict=True)), "interest_code": code}  # orders ties
            for v, code in zip(rows[LETTERS].to_numpy(), codes, strict=True)
        ]
        columns["Fit"] = [
            f"<b title='{e(fit_reason(scores, p))}'>{v:.0f}</b>"
            for v, p in zip(rows["fit"], profiles, strict=True)
        ]
        columns["Your top themes it shares"] = [
            ", ".join(THEMES[t] for t in shared_themes(scores, p)) or "none" for p in profiles
        ]
    if "skills_match" in rows:  # NaN: O*NET gives the occupation no skills, never 0
        columns["Skills match"] = [
            "<i>not rated</i>" if pd.isna(v) else f"{v:.0f}" for v in rows["skills_match"]
        ]
    columns |= {
        "Job zone": [str(z) for z in rows["job_zone"]],
        "Education": [e(value_or(x, "unknown")) for x in rows["education"]],
        "Median pay": [pay_short(row) for _, row in rows.iterrows()],
        "Outlook": [
            _outlook_short(v, label)
            for v, label in zip(rows["outlook_pct"], rows["outlook"], strict=True)
        ],
    }
    week = ("weekly_hours", "hours_per_week", "schedule")
    if rows[list(week)].notna().any().any():
        columns["Work week"] = [
            _week(h, w, s) for h, w, s in zip(*(rows[c] for c in week), strict=True)
        ]
    head = "".join(f"<th>{k}</th>" for k in columns)
    labels = [label(k) if i else "" for i, k in enumerate(columns)]  # the title heads the card
    body = "".join(
        f"<tr data-key='{e(code)}'>"
        + "".join(f"<td{label}>{v}</td>" for label, v in zip(labels, values, strict=True))
        + "</tr>"
        for code, *values in zip(rows.index, *columns.values(), strict=True)
    )
    return f"{_TABLE_STYLE}<table class='careerkit-table {CARDS}'><tr>{head}</tr>{body}</table>"


_TABLE_STYLE = (
    "<style>.careerkit-table{border-collapse:collapse;font-size:90%;line-height:1.3}"
    ".careerkit-table td,.careerkit-table th{padding:3px 8px;text-align:left;"
    f"vertical-align:top;border-bottom:1px solid {palette.PALE_GREY}}}"
    f".careerkit-table th{{border-bottom:2px solid {palette.GREY}}}"
    # A row can be picked: its title is a button that reads as a link; the picked row is
    # bold as well as shaded (not by colour alone).
    ".careerkit-table tr[data-key]{cursor:pointer}"
    f".careerkit-table tr[data-key]:hover{{background:{palette.ROW_HOVER}}}"
    f".careerkit-table tr.ck-picked{{background:{palette.ROW_PICKED}}}"
    f".careerkit-table .ck-pick{{font:inherit;color:{palette.LINK};background:none;border:0;"
    "padding:0;text-align:left;text-decoration:underline;cursor:pointer}"
    f".careerkit-table .ck-pick:focus-visible{{outline:2px solid {palette.LINK};"
    "outline-offset:2px}"
    ".careerkit-table tr.ck-picked .ck-pick{font-weight:bold}</style>"
)


def card_html(card: Mapping[str, Any], why: Why | None = None) -> str:
    """The occupation card as HTML, with why it is suggested when ``why`` is given; every
    text is escaped."""
    e = html.escape
    skills = ", ".join(f"<b>{e(s)}</b> ✓" if has else e(s) for s, has in card["skills"])
    have = sum(has for _, has in card["skills"])
    fit = (
        f"<b>{card['fit']:.0f}</b>/100 — {e(card['fit_reason'])}"
        if card["fit"] is not None
        else "<i>take the interest quiz in 01 to see your fit</i>"
    )
    pay = e(card["pay"]) + f"<br><small>Range: {e(card['pay_range'])}</small>"
    if card["pay_basis"]:
        pay += f"<br><small>{e(card['pay_basis'])}</small>"
    facts = [
        ("Interest fit", fit),
        ("Job zone", f"{card['job_zone']}: {e(card['job_zone_text'])}"),
        ("Typical education", e(card["education"])),
        ("Experience", e(card["experience"])),
        ("Training", e(card["training"])),
        ("Median pay", pay),
        ("Outlook", e(card["outlook"])),
        *([("Employment", e(card["employment"]))] if card.get("employment") else []),
        ("Work-life", e(card["work_life"])),
        ("Top skills", _skills_cell(card, skills, have)),
    ]
    others = card["alt_titles"]
    if others and len(others) <= ALSO_CALLED_SHOWN:
        facts.insert(0, ("Also called", e(", ".join(others))))
    rows = "".join(
        f"<tr><th style='text-align:left;padding:2px 12px 2px 0;vertical-align:top;"
        f"white-space:nowrap'>{k}</th><td style='padding:2px 0'>{v}</td></tr>"
        for k, v in facts
    )
    return (
        f"<h4 style='margin:4px 0'>{e(card['title'])} <small>({e(card['code'])})</small></h4>"
        "<div style='display:flex;flex-wrap:wrap;gap:8px 32px'>"
        f"<div style='flex:1 1 32em'>{_about(card)}{_also_called(others)}{why_card_html(why)}"
        f"<table class='{FACTS}'>{rows}</table></div>"
        f"<div style='flex:0 0 260px'>{theme_bars_html(card)}</div></div>"
    )


#: Other titles of an occupation the card lists in full; more fold under the first few.
ALSO_CALLED_SHOWN = 3


def _also_called(others: list[str]) -> str:
    """A long list of other titles folded under its first few (O*NET gives up to ~15)."""
    if len(others) <= ALSO_CALLED_SHOWN:
        return ""  # none, or a short list among the facts
    e = html.escape
    first = ", ".join(e(t) for t in others[:ALSO_CALLED_SHOWN])
    rest = len(others) - ALSO_CALLED_SHOWN
    return (
        f"<details class='ck-also-called'><summary><b>Also called</b> {first} and {rest} "
        f"more</summary><p style='margin:2px 0 6px'>{e(', '.join(others))}</p></details>"
    )


def _skills_cell(card: Mapping[str, Any], skills: str, have: int) -> str:
    """The card's skills, or O*NET's lack of ratings said plainly (never "(0 of 0)")."""
    if not card["skills"]:
        note = card.get("skills_note") or "unknown"
        return (
            f"<i>{html.escape(note)}</i><br><small>Shortlist it and list the skills you learn "
            "from job postings or people in the job (step 2's questions).</small>"
        )
    if card.get("skills_other_names"):  # her own words: not "0 of 10", we cannot tell
        return (
            f"{skills}<br><small>{html.escape(job_skills.OTHER_NAMES)} with these. To see "
            f"which you have, {html.escape(job_skills.PICK_NAMES)}.</small>"
        )
    if card.get("skills_listed") is False:
        return f"{skills}<br><small>List your skills in 01 to see which you have.</small>"
    return f"{skills}<br><small>✓ = you already list it ({have} of {len(card['skills'])})</small>"


def theme_bars_html(card: Mapping[str, Any]) -> str:
    """The occupation's six-theme profile beside the person's, as small HTML bars.

    Both on one 0-100 scale (the catalogue's 1-7 scale is stretched to it). Drawn in
    HTML, not matplotlib, so the card appears at once: a figure takes ~100 ms to draw.
    """
    mine = card["person_themes"]
    rows = []
    for letter in LETTERS:
        bars = _bar((card["themes"][letter] - 1) / 6 * 100, _JOB_COLOUR, "this occupation")
        if mine:
            bars = _bar(mine.get(letter, 0), _YOU_COLOUR, "you") + bars
        rows.append(f"<tr><td>{THEMES[letter]}</td><td style='width:150px'>{bars}</td></tr>")
    you = f"<span style='color:{_YOU_COLOUR}'>■</span> you &nbsp;" if mine else ""
    legend = f"<small>{you}<span style='color:{_JOB_COLOUR}'>■</span> this occupation</small>"
    return f"<b>Interest themes</b><table style='font-size:90%'>{''.join(rows)}</table>{legend}"


_YOU_COLOUR, _JOB_COLOUR = palette.YOU, palette.JOB


def _bar(value: float, colour: str, label: str) -> str:
    return (
        f"<div title='{label}: {value:.0f} of 100' style='background:{colour};height:7px;"
        f"width:{max(value, 1):.0f}%;margin:1px 0'></div>"
    )


def _outlook_short(pct: float | None, label: str | None) -> str:
    if missing(pct):
        return "unknown"
    return f"{pct:+.1f}%" + ("" if missing(label) else f", {label}")


def _about(card: Mapping[str, Any]) -> str:
    """Our one-line description, O*NET's own when imported, and the O*NET OnLine link."""
    e = html.escape
    parts = [f"<p>{e(card['description'])}</p>"] if not missing(card["description"]) else []
    if card["onet_description"]:
        parts.append(f"<p><small>O*NET: {e(card['onet_description'])}</small></p>")
    if card["onet_url"]:
        parts.append(
            f"<p><small><a href='{e(card['onet_url'])}' target='_blank' rel='noopener'>"
            "More on O*NET OnLine</a> (tasks, tools, wages by state)</small></p>"
        )
    return "".join(parts)


def _week(hours: Any, week: Any, schedule: Any) -> str:
    """A number of hours, else O*NET's category ("more than 40 h"), with the schedule."""
    if missing(hours) and missing(week):
        return "unknown"
    words = f"{hours:.0f} h" if not missing(hours) else f"{week} h"
    return words + ("" if missing(schedule) else f", {schedule}")
