"""Step 2, one occupation: the facts its card shows, related occupations, prefilled answers.

Plain data, no HTML: ``careerkit.report.explore_html`` renders the card and the widgets in
``careerkit.ui.explore`` show it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple, TypeAlias

import pandas as pd

from careerkit.catalog import (
    LESS_RELIABLE,
    THEMES,
    TOP_CODED,
    money,
    onet_url,
    skills_of,
    tables_of,
    zone_words,
)
from careerkit.catalog.fit import LETTERS, interest_fit, other_names_only, theme_names, top_themes
from careerkit.plan import Option, Plan
from careerkit.steps import job_skills
from careerkit.steps.explore.filters import person_scores

# One occupation's row of the catalog: ``catalog.loc[code]``, or a plain mapping.
Row: TypeAlias = "Mapping[str, Any] | pd.Series[Any]"

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
        "Degrees, licenses, experience you saw asked for (optional)",
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


def shared_themes(scores: Mapping[str, float], occupation: Row) -> list[str]:
    """The person's top three themes that are also among the occupation's, theirs first."""
    theirs = top_themes(occupation)
    return [t for t in top_themes(scores) if t in theirs]


def fit_reason(scores: Mapping[str, float], occupation: Row) -> str:
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


#: Where national figures are for, said beside pay that may be local.
IN_US = "in the U.S."


def openings_text(openings: float | None) -> str:
    """BLS's openings a year (published in thousands, one decimal) in words.

    "0.0" thousand means fewer than 50: never "about 0".
    """
    if openings is None or missing(openings):
        return ""
    if openings < 50:
        return "fewer than 50 openings a year"
    return f"about {openings:,.0f} openings a year"


def outlook_text(
    pct: float | None,
    label: str | None = None,
    openings: float | None = None,
    group: str | None = None,
) -> str:
    """E.g. "+5.2% over ten years (faster than average), about 12,300 openings a year in
    the U.S."; ``group`` names BLS's broader group the figures are for, if any."""
    if missing(pct):
        return "unknown"
    text = f"{pct:+.1f}% over ten years" + ("" if missing(label) else f" ({label})")
    jobs = openings_text(openings)
    text += f", {jobs} {IN_US}" if jobs else f" {IN_US}"
    return text + ("" if group is None else f", for all {group}")


def broader_group(row: Row, which: str = "projection") -> str | None:
    """BLS's group a figure is for when it is broader than this occupation, else None.

    ``which``: "projection" (outlook and openings) or "wage" (pay and employment). E.g.
    Acute Care Nurses: “Registered Nurses” (29-1141).
    """
    title, soc = row.get(f"{which}_title"), row.get(f"{which}_soc")
    if missing(title) or str(title).casefold() == str(row["title"]).casefold():
        return None
    if which == "projection" and not missing(row.get("wage_title")) and soc == row.get("wage_soc"):
        title = row["wage_title"]  # OEWS's title case for the same group
    return f"“{title}”" + ("" if missing(soc) else f" ({soc})")


def employment_text(row: Row) -> str:
    """E.g. "About 3,379,720 people do it in the U.S.", naming a broader group; or ""."""
    if missing(row.get("employment")):
        return ""
    group = broader_group(row, "wage")
    who = "do it" if group is None else f"work in BLS's group {group}, which includes this one"
    return f"About {row['employment']:,} people {IN_US} {who}"


def pay_text(
    wage: float | None,
    year: int | None,
    where: str | None = None,
    note: str | None = None,
    hourly: float | None = None,
) -> str:
    """E.g. "$61,230 a year in Ohio (2025)", "at least $239,200 a year in Ohio (2025)",
    "$29.05 an hour in the United States (2025)", or "unknown".

    ``note`` is the catalogue's ``wage_note``: "top-coded" (BLS publishes only that the
    median is at least ``wage``) or "hourly only" (BLS publishes only ``hourly``).
    """
    place = "" if missing(where) else f" in {where}"
    when = "" if missing(year) else f" ({year})"
    if missing(wage) and not missing(hourly):
        return (
            f"${hourly:,.2f} an hour{place}{when}; BLS publishes no yearly figure, as this "
            "work is often not full time all year"
        )
    if missing(wage):
        return "unknown"
    least = "at least " if value_or(note, None) == TOP_CODED else ""
    return f"{least}{money(wage)} a year{place}{when}"


def pay_short(row: Row, amount: Callable[[float], str] = money) -> str:
    """A catalogue row's median pay in a few words: "$97,550", "at least $239,200",
    "$29.05/hour" (BLS publishes only an hourly median) or "unknown"; ``amount`` writes
    the yearly figure (02's why line: "$98k")."""
    wage, hourly = row.get("median_wage"), row.get("hourly_median_wage")
    if wage is None or missing(wage):
        return money(None) if missing(hourly) else f"${hourly:,.2f}/hour"
    least = "at least " if value_or(row.get("wage_note"), None) == TOP_CODED else ""
    return least + amount(float(wage))


def pay_range_text(row: Row) -> str:
    """E.g. "$41,000 to $98,000 (10th to 90th percentile)", or "unknown"."""
    low, high = row.get("wage_p10"), row.get("wage_p90")
    if missing(low) or missing(high):
        return "unknown"
    return f"{money(low)} to {money(high)} (10th to 90th percentile)"


def education_text(row: Row) -> str:
    """BLS's typical entry education beside O*NET's largest required level.

    O*NET's level is named "most often" only as the largest share; where O*NET
    recommends suppressing that share, the sentence says it is less reliable.
    """
    bls = value_or(row.get("education"), "unknown")
    onet = row.get("onet_education")
    if onet is None or missing(onet):
        return bls
    share = row.get("onet_education_pct")
    detail = ["O*NET"]
    if not missing(share):
        each = " each" if " or " in onet else ""
        detail = [f"O*NET, {share:.0f}% of the workers surveyed{each} said it is needed"]
    if value_or(row.get("onet_education_note"), None) == LESS_RELIABLE:
        detail.append("O*NET marks this estimate as less reliable")
    return f"{bls} (BLS); most often asked for: {onet} ({'; '.join(detail)})"


def related_occupations(catalog: pd.DataFrame, code: str, limit: int = 10) -> pd.DataFrame:
    """O*NET's related occupations of ``code`` that are in the catalogue, most related first.

    Columns: title, tier (O*NET's "Primary-Short", "Primary-Long", "Supplemental").
    """
    table = tables_of(catalog).related()
    found = table[(table["code"] == code) & table["related_code"].isin(catalog.index)]
    found = found.sort_values("rank").head(limit)
    return pd.DataFrame(
        {
            "title": catalog["title"].reindex(found["related_code"]).to_numpy(),
            "tier": found["tier"].to_numpy(),
        },
        index=pd.Index(found["related_code"], name="code", dtype="string"),
    )


def work_life_text(hours: float | None, schedule: str | None, week: str | None = None) -> str:
    """E.g. "about 42 hours a week, shift work" or, from O*NET Work Context's category
    (``week``), "usually more than 40 hours a week, regular hours"; parts not known say
    "unknown"."""
    if not missing(hours):
        words = f"about {hours:.0f} hours a week"
    elif not missing(week):
        words = f"usually {week} hours a week"
    else:
        words = "hours a week unknown"
    return f"{words}, {SCHEDULE_WORDS.get(value_or(schedule, ''), 'schedule unknown')}"


#: What to find out about work-life balance where the catalogue has no hours or schedule.
WORK_LIFE_PROMPT = (
    "Not in the data: find out the hours in job postings, shifts, on-call and travel, "
    "and ask someone in the job"
)


def has_data(catalog: pd.DataFrame, column: str) -> bool:
    """True when ``column`` has a figure for at least one occupation of the catalogue."""
    return column in catalog.columns and bool(catalog[column].notna().any())


def has_hours(catalog: pd.DataFrame) -> bool:
    """True when the catalogue knows hours or schedule for some occupation."""
    return any(has_data(catalog, c) for c in ("weekly_hours", "hours_per_week", "schedule"))


def work_life_fact(catalog: pd.DataFrame, row: Row) -> str:
    """Hours and schedule with their source, or what to find out when the catalogue has none."""
    if not has_hours(catalog):
        return WORK_LIFE_PROMPT
    hours, schedule, week = (row.get(c) for c in ("weekly_hours", "schedule", "hours_per_week"))
    return f"{work_life_text(hours, schedule, week)} (O*NET Work Context)"


def profile_card(catalog: pd.DataFrame, code: str, plan: Plan) -> dict[str, Any]:
    """Everything the occupation card shows, as plain data (no HTML)."""
    row = catalog.loc[code]
    scores = person_scores(plan)
    have = {s.name.casefold() for s in plan.dream_job.skills}
    skills = skills_of(catalog, code)
    return {
        "code": code,
        "title": row["title"],
        "alt_titles": [
            t.strip() for t in str(value_or(row["alt_titles"], "")).split(";") if t.strip()
        ],
        "description": row["description"],
        "themes": {t: float(row[t]) for t in LETTERS},
        "person_themes": scores,
        "fit": float(interest_fit(scores, catalog.loc[[code]]).iloc[0]) if scores else None,
        "fit_reason": fit_reason(scores, row) if scores else None,
        "onet_description": value_or(row.get("onet_description"), None),
        "onet_url": onet_url(code),
        "job_zone": int(row["job_zone"]),
        "job_zone_text": zone_words(row["job_zone"], tables_of(catalog).info().job_zone_levels),
        "education": education_text(row),
        "experience": bls_requirement(row.get("experience")),
        "training": bls_requirement(row.get("training")),
        "pay": row_pay_text(row),
        "pay_range": pay_range_text(row),
        "pay_basis": _pay_basis(row),
        "outlook": row_outlook_text(row),
        "employment": employment_text(row),
        "skills": [(s, s.casefold() in have) for s in skills],
        "work_life": work_life_fact(catalog, row),
        "skills_note": None if skills else job_skills.NO_RATINGS,
        "skills_listed": bool(plan.dream_job.skills),
        "skills_other_names": other_names_only(s.name for s in plan.dream_job.skills),
        "related": list(related_occupations(catalog, code).itertuples(name=None)),
    }


def row_pay_text(row: Row) -> str:
    """:func:`pay_text` of a catalogue row (its median, year, area, note, hourly figure)."""
    return pay_text(
        row["median_wage"],
        row["wage_year"],
        row.get("pay_area"),
        row.get("wage_note"),
        row.get("hourly_median_wage"),
    )


def row_outlook_text(row: Row) -> str:
    """:func:`outlook_text` of a catalogue row, naming BLS's broader group if any."""
    return outlook_text(
        row["outlook_pct"], row.get("outlook"), row.get("openings"), broader_group(row)
    )


def _pay_basis(row: Row) -> str | None:
    """Which BLS occupation the pay is for, when it is not this one exactly."""
    title = row.get("wage_title")
    if missing(title) or str(title).casefold() == str(row["title"]).casefold():
        return None
    return (
        f"BLS publishes pay for “{title}” ({row.get('wage_soc')}), which includes this occupation"
    )


def prefilled_answers(
    catalog: pd.DataFrame, option: Option, person_skills: Iterable[str] = ()
) -> dict[str, str]:
    """What the data already says for the exploring questions it can answer, by question id."""
    if option.custom or option.code not in catalog.index:
        where = "your own occupation" if option.custom else "no longer in the catalog"
        facts = dict.fromkeys(FACTS, f"Not in the catalog ({where}): find out in your research.")
        if option.custom:
            facts["salary"] = f"{pay_text(option.median_wage, None)} (your own estimate)"
        return facts
    row = catalog.loc[option.code]
    have = {s.casefold() for s in person_skills}
    skills = skills_of(catalog, option.code)
    yours = [s for s in skills if s.casefold() in have]
    people = employment_text(row)
    people = f" {people}." if people else ""
    outlook = row_outlook_text(row)
    interests = f"Interests: mostly {theme_names(top_themes(row))}."
    if skills:
        skill_line = (
            f"Top skills: {', '.join(skills[:6])}. "
            f"You already list: {', '.join(yours) or 'none of these'}. "
        )
        if other_names_only(person_skills):
            skill_line = (
                f"Top skills: {', '.join(skills[:6])}. {job_skills.OTHER_NAMES} with these. "
                f"To see which you have, {job_skills.PICK_NAMES}. "
            )
    else:
        skill_line = f"{job_skills.NO_RATINGS}: list the skills postings ask for below. "
    return {
        "skills_interests": skill_line + interests,
        "requirements": (
            f"Job zone {row['job_zone']}: "
            f"{zone_words(row['job_zone'], tables_of(catalog).info().job_zone_levels)}. "
            f"Typical education: {education_text(row)}. "
            f"Experience: {bls_requirement(row.get('experience'))}; "
            f"training: {bls_requirement(row.get('training'))}."
        ),
        "salary": (f"Median pay: {row_pay_text(row)}; range {pay_range_text(row)}."),
        "work_life": _sentence(work_life_fact(catalog, row)),
        "development": f"Jobs outlook: {outlook.removesuffix('.')}.{people}",
    }


def answered(option: Option) -> int:
    """How many of the exploring questions the person has answered for this option."""
    ids = {q.id for q in QUESTIONS}
    return sum(bool(text.strip()) for qid, text in option.answers.items() if qid in ids)


def bls_requirement(value: Any) -> str:
    """BLS's typical work experience or on-the-job training, as a person reads it: BLS's
    "None" is "none needed", an absent figure "unknown"."""
    if missing(value):
        return "unknown"
    return "none needed" if str(value).strip().casefold() == "none" else str(value)


def missing(value: Any) -> bool:
    return value is None or bool(pd.isna(value))


def value_or(value: Any, default: Any) -> Any:
    return default if missing(value) else value


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."
