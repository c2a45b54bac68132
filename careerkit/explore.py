"""Step 2, exploring: filter and sort the catalogue, describe one occupation, keep a shortlist.

Everything here is plain functions over the catalogue DataFrame (see ``careerkit.catalog``)
and the plan model; the widgets in ``careerkit.ui.explore`` only call them. Filtering is
vectorised: one boolean mask per active filter, combined with numpy, so a change of any
filter costs a few milliseconds even on a thousand occupations.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from careerkit import catalog_files
from careerkit.catalog import EDUCATION, THEMES, money, onet_url, skills_of, zone_words
from careerkit.catalog import OUTLOOKS as BLS_OUTLOOKS
from careerkit.fit import LETTERS, interest_fit, theme_names, top_themes
from careerkit.plan import Option, Plan
from careerkit.wording import shorten

#: Outlook categories, fastest first, in BLS's words (``careerkit.catalog.OUTLOOKS``).
OUTLOOKS = (*BLS_OUTLOOKS, "unknown")

#: Columns the table can be sorted by -> their heading.
SORTS = {
    "fit": "Interest fit",
    "title": "Title",
    "median_wage": "Median pay",
    "outlook_pct": "Outlook",
    "job_zone": "Job zone",
    "education": "Education",
    "weekly_hours": "Hours a week",
    "employment": "People employed",
}

#: How each filter is named when suggesting which one to loosen.
FILTER_NAMES = {
    "search": "the search words",
    "fit": "the minimum interest fit",
    "job_zone": "the job zone range",
    "education": "the education limit",
    "pay": "the pay range",
    "outlook": "the outlook choices",
}

SCHEDULE_WORDS = {
    "regular": "regular hours",
    "shifts": "shift work",
    "irregular": "irregular hours",
    "seasonal": "seasonal work",
}


class Question(NamedTuple):
    """One exploring question: its id in ``Option.answers``, its wording, a hint."""

    id: str
    text: str
    hint: str  # placeholder for the person's own answer


#: The six exploring questions (method step 2), plus what research turned up.
QUESTIONS = (
    Question(
        "skills_interests",
        "1. What skills and interests are required?",
        "Anything to add, e.g. what a job posting or someone in the job told you (optional)",
    ),
    Question(
        "inspiring",
        "2. What makes this occupation inspiring to me?",
        "What would make you glad to go to work? Be concrete.",
    ),
    Question(
        "development",
        "3. What career development and professional opportunities will I get?",
        "Where could it lead in a few years? Training, promotion, specialising...",
    ),
    Question(
        "requirements",
        "4. What are the standard requirements for successful candidates?",
        "Degrees, licences, experience you saw asked for (optional)",
    ),
    Question(
        "salary",
        "5. What is the typical salary?",
        "What you found locally, or what you would need (optional)",
    ),
    Question(
        "work_life",
        "6. Is work-life balance well preserved?",
        "Hours, shifts, travel, stress: how would it fit your life? (optional)",
    ),
    Question(
        "surprising",
        "Anything surprising you found in your research?",
        "Surprises often decide whether an option stays on the list",
    ),
)


#: The questions the catalogue can help answer (see ``prefilled_answers``).
FACTS = ("skills_interests", "development", "requirements", "salary", "work_life")


class ShortlistError(ValueError):
    """A shortlist change was refused; the message says why and what to do."""


# --- filtering and sorting -----------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """What to show from the catalogue, and in which order. Defaults show everything."""

    search: str = ""  # every word must appear in the title, other titles or description
    min_fit: float = 0  # used only when an interest fit is given
    job_zone: tuple[int, int] = (1, 5)
    max_education: str | None = None  # one of catalog.EDUCATION
    pay: tuple[float | None, float | None] = (None, None)  # median pay from, to (USD a year)
    unknown_pay: bool = False  # keep occupations without pay data when a pay range is set
    outlooks: frozenset[str] = field(default_factory=lambda: frozenset(OUTLOOKS))
    sort_by: str = "fit"  # a key of SORTS; "fit" without a fit sorts by title
    ascending: bool = False


def outlook_labels(rows: pd.DataFrame) -> pd.Series:
    """Each occupation's outlook in BLS's words, "unknown" where there is no projection."""
    return rows["outlook"].fillna("unknown")


def education_rank(education: pd.Series) -> pd.Series:
    """Position of each education level in ``EDUCATION`` (0 = no formal credential)."""
    return education.map({e: i for i, e in enumerate(EDUCATION)}).astype("Int64")


def filter_masks(
    catalog: pd.DataFrame, filters: Filters, fit: pd.Series | None = None
) -> dict[str, np.ndarray]:
    """One boolean array per active filter (keys as in ``FILTER_NAMES``)."""
    masks: dict[str, np.ndarray] = {}
    words = filters.search.split()
    if words:
        text = catalog["title"].str.cat(catalog[["alt_titles", "description"]], sep=" ", na_rep="")
        found = [text.str.contains(word, case=False, regex=False) for word in words]
        masks["search"] = np.logical_and.reduce([f.to_numpy(bool, na_value=False) for f in found])
    if fit is not None and filters.min_fit > 0:
        masks["fit"] = (
            fit.reindex(catalog.index).to_numpy(float, na_value=np.nan) >= filters.min_fit
        )
    if tuple(filters.job_zone) != (1, 5):
        low, high = filters.job_zone
        masks["job_zone"] = catalog["job_zone"].between(low, high).to_numpy(bool, na_value=False)
    if filters.max_education is not None:
        limit = EDUCATION.index(filters.max_education)
        masks["education"] = (education_rank(catalog["education"]) <= limit).to_numpy(
            bool, na_value=False
        )
    low, high = filters.pay
    if low is not None or high is not None:
        low, high = (-np.inf if low is None else low), (np.inf if high is None else high)
        wage = catalog["median_wage"].to_numpy(float, na_value=np.nan)
        masks["pay"] = ((wage >= low) & (wage <= high)) | (np.isnan(wage) & filters.unknown_pay)
    if set(filters.outlooks) != set(OUTLOOKS):
        masks["outlook"] = outlook_labels(catalog).isin(filters.outlooks).to_numpy(bool)
    return masks


def apply_filters(
    catalog: pd.DataFrame, filters: Filters, fit: pd.Series | None = None
) -> pd.DataFrame:
    """The occupations that pass every filter, sorted; with a ``fit`` column when given."""
    masks = filter_masks(catalog, filters, fit)
    rows = catalog[_all(masks.values(), len(catalog))] if masks else catalog
    if fit is not None:
        rows = rows.assign(fit=fit.reindex(rows.index))
    return sort_rows(rows, filters.sort_by, filters.ascending)


def sort_rows(rows: pd.DataFrame, by: str, ascending: bool) -> pd.DataFrame:
    """Sort by a ``SORTS`` column, missing values last; ties stay in title order."""
    if by not in SORTS:
        raise ValueError(f"Cannot sort by {by!r}; choose one of {list(SORTS)}.")
    if by not in rows.columns:  # "fit" when the person has no interest scores yet
        by, ascending = "title", True
    rows = rows.sort_values("title", key=lambda s: s.str.casefold(), kind="stable")
    if by == "title":
        return rows if ascending else rows.iloc[::-1]
    key = education_rank if by == "education" else None
    return rows.sort_values(by, ascending=ascending, na_position="last", kind="stable", key=key)


def loosen_hint(catalog: pd.DataFrame, filters: Filters, fit: pd.Series | None = None) -> str:
    """Say plainly that nothing matches, and which one filter to loosen to get results."""
    masks = filter_masks(catalog, filters, fit)
    if not masks:
        return "The catalogue is empty, so there is nothing to show."
    counts = {
        name: int(_all([m for other, m in masks.items() if other != name], len(catalog)).sum())
        for name in masks
    }
    best = max(counts, key=counts.__getitem__)
    if counts[best] == 0:
        return (
            "No occupation matches all these filters, and loosening any single one is not "
            "enough. Press “Reset filters” and narrow down one filter at a time."
        )
    return (
        f"No occupation matches all these filters. Try loosening {FILTER_NAMES[best]}: "
        f"without that filter, {_count(counts[best], 'occupation')} "
        f"{'matches' if counts[best] == 1 else 'match'}."
    )


def count_text(shown: int, matching: int, total: int) -> str:
    """E.g. "Showing 40 of 312 matching occupations (1,016 in the catalogue)"."""
    if matching == 0:
        return f"No occupation matches these filters ({total:,} in the catalogue)."
    if matching == total:
        return f"Showing {shown:,} of {_count(total, 'occupation')}."
    if shown == matching:
        return (
            f"Showing all {_count(matching, 'matching occupation')} ({total:,} in the catalogue)."
        )
    return f"Showing {shown:,} of {matching:,} matching occupations ({total:,} in the catalogue)."


def table_html(rows: pd.DataFrame, scores: Mapping[str, float] | None = None) -> str:
    """Occupations (already filtered, sorted and cut to the rows to show) as an HTML table.

    Shows the fit and its reason when ``rows`` has a ``fit`` column and ``scores`` are
    given; missing pay, outlook or hours read "unknown"; every text is escaped.
    """
    e = html.escape
    columns: dict[str, list[str]] = {
        "Occupation": [
            f"{e(t)} <small style='color:#777'>{e(c)}</small>"
            for t, c in zip(rows["title"], rows.index, strict=True)
        ]
    }
    if scores and "fit" in rows:
        profiles = [dict(zip(LETTERS, v, strict=True)) for v in rows[LETTERS].to_numpy()]
        columns["Fit"] = [
            f"<b title='{e(fit_reason(scores, p))}'>{v:.0f}</b>"
            for v, p in zip(rows["fit"], profiles, strict=True)
        ]
        columns["Your top themes it shares"] = [
            ", ".join(THEMES[t] for t in shared_themes(scores, p)) or "none" for p in profiles
        ]
    columns |= {
        "Job zone": [str(z) for z in rows["job_zone"]],
        "Education": [e(_or(x, "unknown")) for x in rows["education"]],
        "Median pay": [money(v) for v in rows["median_wage"]],
        "Outlook": [
            _outlook_short(v, label)
            for v, label in zip(rows["outlook_pct"], rows["outlook"], strict=True)
        ],
    }
    if rows["weekly_hours"].notna().any() or rows["schedule"].notna().any():
        columns["Work week"] = [
            _week(h, s) for h, s in zip(rows["weekly_hours"], rows["schedule"], strict=True)
        ]
    head = "".join(f"<th>{k}</th>" for k in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>"
        for values in zip(*columns.values(), strict=True)
    )
    return f"{_TABLE_STYLE}<table class='careerkit-table'><tr>{head}</tr>{body}</table>"


_TABLE_STYLE = (
    "<style>.careerkit-table{border-collapse:collapse;font-size:90%;line-height:1.3}"
    ".careerkit-table td,.careerkit-table th{padding:3px 8px;text-align:left;"
    "vertical-align:top;border-bottom:1px solid #e4e4e4}"
    ".careerkit-table th{border-bottom:2px solid #999}</style>"
)


def shared_themes(scores: Mapping[str, float], occupation: Mapping[str, Any]) -> list[str]:
    """The person's top three themes that are also among the occupation's, theirs first."""
    theirs = top_themes(occupation)
    return [t for t in top_themes(scores) if t in theirs]


def fit_reason(scores: Mapping[str, float], occupation: Mapping[str, Any]) -> str:
    """One line on why the interest fit is high or low, from both profiles' top themes."""
    mine, theirs = top_themes(scores), top_themes(occupation)
    shared = shared_themes(scores, occupation)
    if len(shared) >= 2:
        return f"Your top themes {theme_names(shared)} match this occupation's top themes."
    if shared:
        return (
            f"Your top theme {THEMES[shared[0]]} is one of this occupation's top themes "
            f"({theme_names(theirs)})."
        )
    return (
        f"This occupation's top themes ({theme_names(theirs)}) are not among yours "
        f"({theme_names(mine)})."
    )


def person_scores(plan: Plan) -> dict[str, float] | None:
    """The person's saved interest scores, or None before the quiz in 01."""
    interests = plan.dream_job.interests
    return dict(interests.scores) if interests and interests.scores else None


def fit_for(plan: Plan, catalog: pd.DataFrame) -> pd.Series | None:
    """Interest fit of every occupation for this person, or None before the quiz."""
    scores = person_scores(plan)
    return interest_fit(scores, catalog) if scores else None


# --- facts about one occupation -------------------------------------------------------


def outlook_text(pct: float | None, label: str | None = None, openings: float | None = None) -> str:
    """E.g. "+5.2% over ten years (faster than average), about 12,300 openings a year"."""
    if _missing(pct):
        return "unknown"
    text = f"{pct:+.1f}% over ten years" + ("" if _missing(label) else f" ({label})")
    return text + ("" if _missing(openings) else f", about {openings:,.0f} openings a year")


def pay_text(wage: float | None, year: int | None, where: str | None = None) -> str:
    """E.g. "$61,230 a year in Ohio (2025)", or "unknown"."""
    if _missing(wage):
        return "unknown"
    place = "" if _missing(where) else f" in {where}"
    return f"{money(wage)} a year{place}" + ("" if _missing(year) else f" ({year})")


def pay_range_text(row: Mapping[str, Any]) -> str:
    """E.g. "$41,000 to $98,000 (10th to 90th percentile)", or "unknown"."""
    low, high = row.get("wage_p10"), row.get("wage_p90")
    if _missing(low) or _missing(high):
        return "unknown"
    return f"{money(low)} to {money(high)} (10th to 90th percentile)"


def education_text(row: Mapping[str, Any]) -> str:
    """BLS's typical entry education beside O*NET's most common required level."""
    bls = _or(row.get("education"), "unknown")
    onet = row.get("onet_education")
    return bls if _missing(onet) else f"{bls} (BLS); most often asked for: {onet} (O*NET)"


def related_occupations(catalog: pd.DataFrame, code: str, limit: int = 10) -> pd.DataFrame:
    """O*NET's related occupations of ``code`` that are in the catalogue, most related first.

    Columns: title, tier (O*NET's "Primary-Short", "Primary-Long", "Supplemental").
    """
    table = catalog_files.related()
    found = table[(table["code"] == code) & table["related_code"].isin(catalog.index)]
    found = found.sort_values("rank").head(limit)
    return pd.DataFrame(
        {
            "title": catalog["title"].reindex(found["related_code"]).to_numpy(),
            "tier": found["tier"].to_numpy(),
        },
        index=pd.Index(found["related_code"], name="code", dtype="string"),
    )


def work_life_text(hours: float | None, schedule: str | None) -> str:
    """E.g. "about 42 hours a week, shift work"; parts not known say "unknown"."""
    week = "hours a week unknown" if _missing(hours) else f"about {hours:.0f} hours a week"
    return f"{week}, {SCHEDULE_WORDS.get(_or(schedule, ''), 'schedule unknown')}"


def profile_card(catalog: pd.DataFrame, code: str, plan: Plan) -> dict[str, Any]:
    """Everything the occupation card shows, as plain data (no HTML)."""
    row = catalog.loc[code]
    scores = person_scores(plan)
    have = {s.name.casefold() for s in plan.dream_job.skills}
    skills = skills_of(catalog, code)
    return {
        "code": code,
        "title": row["title"],
        "alt_titles": [t.strip() for t in str(_or(row["alt_titles"], "")).split(";") if t.strip()],
        "description": row["description"],
        "themes": {t: float(row[t]) for t in LETTERS},
        "person_themes": scores,
        "fit": float(interest_fit(scores, catalog.loc[[code]]).iloc[0]) if scores else None,
        "fit_reason": fit_reason(scores, row) if scores else None,
        "onet_description": _or(row.get("onet_description"), None),
        "onet_url": onet_url(code),
        "job_zone": int(row["job_zone"]),
        "job_zone_text": zone_words(row["job_zone"], catalog_files.catalog_info().job_zone_levels),
        "education": education_text(row),
        "experience": _or(row.get("experience"), "unknown"),
        "training": _or(row.get("training"), "unknown"),
        "pay": pay_text(row["median_wage"], row["wage_year"], row.get("pay_area")),
        "pay_range": pay_range_text(row),
        "pay_basis": _pay_basis(row),
        "outlook": outlook_text(row["outlook_pct"], row.get("outlook"), row.get("openings")),
        "skills": [(s, s.casefold() in have) for s in skills],
        "work_life": work_life_text(row["weekly_hours"], row["schedule"]),
        "related": list(related_occupations(catalog, code).itertuples(name=None)),
    }


def _pay_basis(row: Mapping[str, Any]) -> str | None:
    """Which BLS occupation the pay is for, when it is not this one exactly."""
    title = row.get("wage_title")
    if _missing(title) or str(title).casefold() == str(row["title"]).casefold():
        return None
    return (
        f"BLS publishes pay for “{title}” ({row.get('wage_soc')}), which includes this occupation"
    )


def card_html(card: Mapping[str, Any]) -> str:
    """The occupation card as HTML; every text is escaped."""
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
        ("Work-life", e(card["work_life"])),
        (
            "Top skills",
            f"{skills}<br><small>✓ = you already list it ({have} of {len(card['skills'])})</small>",
        ),
    ]
    if card["alt_titles"]:
        facts.insert(0, ("Also called", e(", ".join(card["alt_titles"]))))
    rows = "".join(
        f"<tr><th style='text-align:left;padding:2px 12px 2px 0;vertical-align:top;"
        f"white-space:nowrap'>{k}</th><td style='padding:2px 0'>{v}</td></tr>"
        for k, v in facts
    )
    return (
        f"<h4 style='margin:4px 0'>{e(card['title'])} <small>({e(card['code'])})</small></h4>"
        "<div style='display:flex;flex-wrap:wrap;gap:8px 32px'>"
        f"<div style='flex:1 1 32em'>{_about(card)}<table>{rows}</table></div>"
        f"<div style='flex:0 0 260px'>{theme_bars_html(card)}</div></div>"
    )


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


_YOU_COLOUR, _JOB_COLOUR = "#ff7f0e", "#1f77b4"


def _bar(value: float, colour: str, label: str) -> str:
    return (
        f"<div title='{label}: {value:.0f} of 100' style='background:{colour};height:7px;"
        f"width:{max(value, 1):.0f}%;margin:1px 0'></div>"
    )


def prefilled_answers(
    catalog: pd.DataFrame, option: Option, person_skills: Iterable[str] = ()
) -> dict[str, str]:
    """What the data already says for the exploring questions it can answer, by question id."""
    if option.custom or option.code not in catalog.index:
        where = "your own occupation" if option.custom else "no longer in the catalogue"
        facts = dict.fromkeys(FACTS, f"Not in the catalogue ({where}): find out in your research.")
        if option.custom:
            facts["salary"] = f"{pay_text(option.median_wage, None)} (your own estimate)"
        return facts
    row = catalog.loc[option.code]
    have = {s.casefold() for s in person_skills}
    skills = skills_of(catalog, option.code)
    yours = [s for s in skills if s.casefold() in have]
    people = "" if _missing(row["employment"]) else f" About {row['employment']:,} people do it."
    outlook = outlook_text(row["outlook_pct"], row.get("outlook"), row.get("openings"))
    return {
        "skills_interests": (
            f"Top skills: {', '.join(skills[:6])}. "
            f"You already list: {', '.join(yours) or 'none of these'}. "
            f"Interests: mostly {theme_names(top_themes(row))}."
        ),
        "requirements": (
            f"Job zone {row['job_zone']}: "
            f"{zone_words(row['job_zone'], catalog_files.catalog_info().job_zone_levels)}. "
            f"Typical education: {education_text(row)}. "
            f"Experience: {_or(row.get('experience'), 'unknown')}; "
            f"training: {_or(row.get('training'), 'unknown')}."
        ),
        "salary": (
            f"Median pay: {pay_text(row['median_wage'], row['wage_year'], row.get('pay_area'))}; "
            f"range {pay_range_text(row)}."
        ),
        "work_life": _sentence(work_life_text(row["weekly_hours"], row["schedule"])),
        "development": f"Jobs outlook: {outlook}.{people}",
    }


def answered(option: Option) -> int:
    """How many of the exploring questions the person has answered for this option."""
    ids = {q.id for q in QUESTIONS}
    return sum(bool(text.strip()) for qid, text in option.answers.items() if qid in ids)


# --- the shortlist ---------------------------------------------------------------------


def find_option(plan: Plan, code: str) -> Option | None:
    """The shortlisted option with this code, dropped or not."""
    return next((o for o in plan.exploration.options if o.code == code), None)


def catalog_option(catalog: pd.DataFrame, code: str) -> Option:
    """A shortlist entry for a catalogue occupation."""
    if code not in catalog.index:
        raise ShortlistError(f"There is no occupation with code {code!r} in the catalogue.")
    return Option(code=code, title=str(catalog.at[code, "title"]))


def parse_pay(value: str | float) -> float:
    """A yearly pay typed as 52000, "52,000", "$52,000" or "52k"; ShortlistError if not."""
    text = str(value).strip().replace(",", "").replace("$", "").replace(" ", "")
    if not text:
        raise ShortlistError("Enter a rough yearly pay, e.g. 52000 (a guess is fine).")
    thousands = text[-1:].casefold() == "k"
    try:
        pay = float(text[:-1] if thousands else text) * (1000 if thousands else 1)
    except ValueError:
        raise ShortlistError(
            f"“{str(value).strip()}” is not a number: enter the yearly pay in dollars, e.g. 52000."
        ) from None
    if not np.isfinite(pay) or pay <= 0:
        raise ShortlistError("The yearly pay must be a positive number, e.g. 52000.")
    if pay < 1000:
        raise ShortlistError(
            f"{pay:g} looks like an hourly or monthly rate: enter the yearly pay, e.g. 52000."
        )
    return pay


def slug(title: str) -> str:
    """A short, plain ASCII id for a title: "Clinic Ops (Local)" -> "clinic-ops-local"."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.casefold())[:40].strip("-") or "occupation"


def custom_option(
    title: str, pay: str | float, notes: str = "", taken: Iterable[str] = ()
) -> Option:
    """A person's own occupation (not in the catalogue), checked; code ``custom:<slug>``.

    ``taken`` are codes already in use; a clash gets a number added ("-2", "-3"...).
    """
    title = " ".join(title.split())
    if not title:
        raise ShortlistError("Give your occupation a title, e.g. “Clinic operations coordinator”.")
    if len(title) > 120:
        raise ShortlistError("Keep the title under 120 characters; put the details in the notes.")
    wage = parse_pay(pay)
    base, taken, number = f"custom:{slug(title)}", set(taken), 1
    code = base
    while code in taken:
        number += 1
        code = f"{base}-{number}"
    return Option(code=code, title=title, custom=True, median_wage=wage, notes=notes.strip())


def add_option(plan: Plan, option: Option) -> Option:
    """Put an option on the shortlist; ShortlistError if it is already there."""
    existing = find_option(plan, option.code)
    if existing is not None:
        if existing.dropped:
            raise ShortlistError(
                f"“{existing.title}” is already on your shortlist as dropped; restore it "
                "instead of adding it again (your answers are kept)."
            )
        raise ShortlistError(f"“{existing.title}” is already on your shortlist.")
    plan.exploration.options.append(option)
    return option


def remove_option(plan: Plan, code: str) -> Option:
    """Take an option off the shortlist, unless the person has written answers for it."""
    option = _option(plan, code)
    if answered(option):
        raise ShortlistError(
            f"“{option.title}” has your answers to the exploring questions, so it was not "
            "removed. Drop it with a reason instead: dropped options stay visible, with answers."
        )
    plan.exploration.options.remove(option)
    return option


def drop_option(plan: Plan, code: str, reason: str) -> Option:
    """Mark an option dropped, with the person's reason (required). It stays on the list."""
    option = _option(plan, code)
    reason = reason.strip()
    if not reason:
        raise ShortlistError(
            f"Write why you are dropping “{option.title}” first (e.g. “night shifts do not fit "
            "my family”). Nothing was changed."
        )
    option.dropped, option.drop_reason = True, reason
    return option


def restore_option(plan: Plan, code: str) -> Option:
    """Bring a dropped option back onto the shortlist."""
    option = _option(plan, code)
    option.dropped, option.drop_reason = False, ""
    return option


def shortlist_summary(plan: Plan) -> str:
    """E.g. "4 options remain, 1 dropped"."""
    options = plan.exploration.options
    if not options:
        return "Your shortlist is empty."
    dropped = sum(o.dropped for o in options)
    remain = len(options) - dropped
    text = f"{_count(remain, 'option')} {'remains' if remain == 1 else 'remain'}"
    return f"{text}, {dropped} dropped" if dropped else text


def shortlist_frame(plan: Plan, catalog: pd.DataFrame) -> pd.DataFrame:
    """The remaining options with pay, interest fit and outlook; custom ones use their own pay."""
    options = [o for o in plan.exploration.options if not o.dropped]
    frame = pd.DataFrame(
        {
            "title": [o.title for o in options],
            "custom": [o.custom for o in options],
            "own_pay": [o.median_wage for o in options],
        },
        index=pd.Index([o.code for o in options], name="code", dtype="string"),
    )
    known = catalog.reindex(frame.index)
    fit = fit_for(plan, catalog)
    catalog_pay = known["median_wage"].to_numpy(float, na_value=np.nan)
    frame["pay"] = np.where(frame["custom"], frame["own_pay"].astype(float), catalog_pay)
    frame["fit"] = np.nan if fit is None else fit.reindex(frame.index).astype(float)
    frame["outlook"] = outlook_labels(known)
    return frame.drop(columns="own_pay")


_OUTLOOK_SIZE = dict(zip(OUTLOOKS, (320, 230, 150, 90, 60, 30, 80), strict=True))


def shortlist_figure(points: pd.DataFrame) -> Figure:
    """Pay against interest fit for the remaining options; marker size shows the outlook.

    Options without a fit (custom ones, or before the interest quiz) sit in a column at
    the left marked "no fit"; options without pay are listed under the chart instead.
    """
    fig = Figure(figsize=(7.5, 4.2))
    fig.subplots_adjust(left=0.14, right=0.74, bottom=0.12, top=0.92)  # fixed: quicker to draw
    ax = fig.add_subplot()
    shown = points[points["pay"].notna()].sort_values("pay")
    fits = shown["fit"].dropna()
    low = 0 if fits.empty else max(0, int(fits.min() // 10) * 10 - 10)  # zoom in on the fits
    gap = (103 - low) * 0.12  # width of the "no fit" column
    x = shown["fit"].fillna(low - gap)
    sizes = shown["outlook"].map(_OUTLOOK_SIZE).astype(float)
    colours = np.where(shown["custom"], "#ff7f0e", "#1f77b4")
    ax.scatter(x, shown["pay"], s=sizes, c=colours, alpha=0.75, edgecolors="black", linewidths=0.6)
    pay = shown["pay"].to_numpy(float)
    step = max(np.ptp(pay), pay.max() * 0.2) * 0.08 if len(pay) else 1  # one label's height
    heights = _spread(pay, step)
    for xi, yi, label_y, title in zip(x, pay, heights, shown["title"], strict=True):
        left = xi > (low + 100) / 2  # labels point inwards
        ax.annotate(
            shorten(title, 32), (xi, yi), xytext=(xi + (-2.5 if left else 2.5), label_y),
            ha="right" if left else "left", va="center", fontsize=8,
            arrowprops={"arrowstyle": "-", "color": "#999", "linewidth": 0.6},
        )  # fmt: skip
    if len(pay):
        ax.set_ylim(min(pay.min(), heights.min()) - step, max(pay.max(), heights.max()) + step)
    ticks = list(range(low, 101, 10 if low >= 50 else 20))
    ax.set_xticks([low - gap, *ticks], ["no fit", *map(str, ticks)])
    ax.set_xlim(low - 1.8 * gap, 103)
    ax.axvline(low - gap / 2, color="#bbb", linewidth=0.8)
    ax.set_xlabel("Interest fit (0-100)")
    ax.set_ylabel("Median pay, USD a year")
    ax.yaxis.set_major_formatter(lambda v, _: f"${v:,.0f}")
    ax.set_title(
        "Your shortlist: bigger marker = better job outlook; orange = your own", fontsize=10
    )
    for label in OUTLOOKS[:-1]:
        ax.scatter([], [], s=_OUTLOOK_SIZE[label], c="#ccc", edgecolors="black", label=label)
    ax.legend(
        title="Outlook",
        fontsize=7,
        title_fontsize=8,
        labelspacing=1.3,
        borderpad=1,
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
    )
    if shown.empty:
        ax.text(0.5, 0.5, "No option with a known pay to show", transform=ax.transAxes, ha="center")
    return fig


# --- small helpers -------------------------------------------------------------------------


def _spread(values: np.ndarray, gap: float) -> np.ndarray:
    """Label heights for ascending ``values``, moved up where needed to keep ``gap`` apart."""
    heights = values.astype(float).copy()
    for i in range(1, len(heights)):
        heights[i] = max(heights[i], heights[i - 1] + gap)
    return heights


def _all(masks: Iterable[np.ndarray], n: int) -> np.ndarray:
    """Rows that pass every mask (all ``n`` rows when there is none)."""
    return np.logical_and.reduce([np.ones(n, bool), *masks])


def _option(plan: Plan, code: str) -> Option:
    option = find_option(plan, code)
    if option is None:
        raise ShortlistError(f"{code!r} is not on your shortlist.")
    return option


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _missing(value: Any) -> bool:
    return value is None or bool(pd.isna(value))


def _or(value: Any, default: Any) -> Any:
    return default if _missing(value) else value


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _outlook_short(pct: float | None, label: str | None) -> str:
    if _missing(pct):
        return "unknown"
    return f"{pct:+.1f}%" + ("" if _missing(label) else f", {label}")


def _about(card: Mapping[str, Any]) -> str:
    """Our one-line description, O*NET's own when imported, and the O*NET OnLine link."""
    e = html.escape
    parts = [f"<p>{e(card['description'])}</p>"] if not _missing(card["description"]) else []
    if card["onet_description"]:
        parts.append(f"<p><small>O*NET: {e(card['onet_description'])}</small></p>")
    if card["onet_url"]:
        parts.append(
            f"<p><small><a href='{e(card['onet_url'])}' target='_blank' rel='noopener'>"
            "More on O*NET OnLine</a> (tasks, tools, wages by state)</small></p>"
        )
    return "".join(parts)


def _week(hours: Any, schedule: Any) -> str:
    if _missing(hours):
        return "unknown"
    return f"{hours:.0f} h" + ("" if _missing(schedule) else f", {schedule}")
