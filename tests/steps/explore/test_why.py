"""Why 02 suggests an occupation (issue 23 §2): the figures behind the one line and the card.

Each figure is recomputed here the long way from the bundled catalog (its interest
scores, the skills matrix, job zones and pay), never copied from an output; the persona
is the issue's: a retail sales supervisor with the sample plan's interests.
"""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd
import pytest

import careerkit
from careerkit.catalog import THEMES, TOP_CODED, CatalogError, tables_of
from careerkit.catalog.fit import top_themes
from careerkit.catalog.local_pay import local_pay
from careerkit.plan import PastJob, Plan, Skill
from careerkit.report import explore_html
from careerkit.report.why_html import why_card_html, why_line_html
from careerkit.steps import past_jobs
from careerkit.steps.explore import filters as flt
from careerkit.steps.explore import why
from careerkit.steps.similar_jobs import similar_occupations

RETAIL, SALES_MANAGERS = "41-1011.00", "11-2022.00"
OHIO = "3900000"


@pytest.fixture
def supervisor(persona: Plan, catalog: pd.DataFrame) -> Plan:
    """The sample persona's interests, a retail sales supervisor for six years, and the
    skills list pre-filled from that job (01's button), as the issue's persona."""
    persona.dream_job.past_jobs = [PastJob(code=RETAIL, years=6)]
    persona.dream_job.skills = []
    past_jobs.fill_skills(persona, catalog)
    return persona


def by_hand(code: str, plan: Plan, catalog: pd.DataFrame) -> dict:
    """The module's rules, worked out row by row from the catalog's tables."""
    ratings = tables_of(catalog).skill_ratings()
    mine = {s.name.casefold(): s.level * 7 / 5 for s in plan.dream_job.skills}
    rows = ratings[ratings.index == code]
    important = rows[(rows["importance"] >= 3) & rows["level"].notna()]
    have, short = 0, []
    for skill, importance, level in important[["skill", "importance", "level"]].itertuples(
        index=False
    ):
        yours = mine.get(skill.casefold())
        if level - (yours or 0) >= 1:
            short.append((importance * (level - (yours or 0)), skill, yours, level))
        else:
            have += 1
    scores = plan.dream_job.interests.scores
    row = catalog.loc[code]
    return {
        "important": len(important),
        "have": have,
        "gaps": short,
        "agree": [t for t in top_themes(scores) if t in top_themes(row)],
        "zone": int(row["job_zone"]),
        "your_zone": int(catalog.at[plan.dream_job.past_jobs[0].code, "job_zone"]),
    }


@pytest.mark.parametrize("sort_by", ["fit", "skills_match"])
def test_the_persona_top_ten_say_true_things(
    supervisor: Plan, catalog: pd.DataFrame, sort_by: str
) -> None:
    fit, skills = flt.fit_for(supervisor, catalog), flt.skills_for(supervisor, catalog)
    top = flt.apply_filters(catalog, flt.Filters(sort_by=sort_by), fit, skills).head(10)
    found = why.explain_all(top.index, supervisor, catalog)
    assert list(found) == list(top.index)
    assert any(r.gap for r in found.values()) or sort_by == "skills_match"
    for code, reason in found.items():
        expected = by_hand(code, supervisor, catalog)
        assert reason.important == expected["important"] and reason.have == expected["have"]
        assert list(reason.agree) == expected["agree"]
        assert reason.job_zone == expected["zone"] and reason.your_zone == expected["your_zone"]
        line = reason.line
        if expected["important"]:  # Models: O*NET rates none of its skills 3 or more
            assert f"you have {expected['have']} of {expected['important']} important" in line
        else:
            assert "Skills: none rated important" in line
        agree = ", ".join(THEMES[t] for t in expected["agree"])
        verb = "agrees" if len(expected["agree"]) == 1 else "agree"
        assert f"Interests: {agree} {verb}" in line
        same = expected["zone"] == expected["your_zone"]
        zone = "= yours" if same else f"yours {expected['your_zone']}"
        assert f"Prep: job zone {expected['zone']} ({zone})" in line
        median, hourly = catalog.loc[code, ["median_wage", "hourly_median_wage"]]
        pay = f"${hourly:,.2f}/hour" if pd.isna(median) else f"${median / 1000:,.0f}k"
        assert f"Pay: {pay} U.S." in line  # no area chosen: national
        if expected["gaps"]:  # the biggest importance x gap, O*NET's level as published
            _, skill, yours, level = max(expected["gaps"], key=lambda g: g[0])
            assert reason.gap is not None and reason.gap.skill == skill
            assert reason.gap.level == level and reason.gaps == len(expected["gaps"])
            assert f"gap: {skill} " in line and f"→{level:.2f}" in line  # O*NET's decimals
        else:
            assert reason.gap is None and "gap" not in line
        assert len(reason.parts()) <= 5 and all(len(p) <= 60 for p in reason.parts())


def test_the_card_says_it_in_full(supervisor: Plan, catalog: pd.DataFrame) -> None:
    reason = why.why_suggested(SALES_MANAGERS, supervisor, catalog)
    details = dict(reason.details())
    assert list(details) == ["Interests", "Skills", "Preparation", "Pay"]
    expected = by_hand(SALES_MANAGERS, supervisor, catalog)
    assert f"You have {expected['have']} of the {expected['important']} skills" in details["Skills"]
    title = catalog.at[RETAIL, "title"]
    assert f"more than {title} (job zone {expected['your_zone']})" in details["Preparation"]
    assert catalog.at[SALES_MANAGERS, "education"] in details["Preparation"]
    assert f"${catalog.at[SALES_MANAGERS, 'median_wage']:,.0f} a year" in details["Pay"]
    assert reason.fit == round(float(flt.fit_for(supervisor, catalog)[SALES_MANAGERS]), 1)
    figures = reason.figures()
    assert figures["have"] == expected["have"] and figures["line"] == reason.line


def test_the_public_name_returns_the_same_figures(supervisor: Plan, catalog: pd.DataFrame) -> None:
    assert careerkit.why_suggested(SALES_MANAGERS, supervisor, catalog) == why.why_suggested(
        SALES_MANAGERS, supervisor, catalog
    )
    with pytest.raises(CatalogError, match="not an occupation of the catalog"):
        careerkit.why_suggested("99-9999.00", supervisor, catalog)


def test_from_jobs_the_gap_is_the_similar_views_first_gap(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    persona.dream_job.past_jobs = [PastJob(code=RETAIL, years=6)]
    table = similar_occupations([RETAIL], catalog, person_levels=flt.person_levels(persona))
    found = why.explain_all(table["code"], persona, catalog, from_jobs=True)
    gappy = table[table["gaps"] != ""]
    assert len(gappy)
    for code, gaps in zip(gappy["code"], gappy["gaps"], strict=True):
        gap = found[code].gap
        assert gap is not None and gaps.startswith(f"{gap.skill} ")
        assert f"-> {gap.level:.2f}" in gaps.split(";")[0]
        # the same two figures on the same row, as the table gives them (not rounded apart)
        first = gaps.split(";")[0].removeprefix(f"{gap.skill} ")
        assert f"gap: {gap.skill} {first.replace(' -> ', '→')}" in found[code].line


def test_the_card_counts_the_other_gaps_in_words(supervisor: Plan, catalog: pd.DataFrame) -> None:
    reason = why.why_suggested(SALES_MANAGERS, supervisor, catalog)
    others = by_hand(SALES_MANAGERS, supervisor, catalog)["gaps"][1:]
    assert reason.gap is not None and others, "Sales Managers has more than one gap"
    skills = dict(reason.details())["Skills"]
    assert f"its level {reason.gap.level:.2f} (and {len(others)} other skill" in skills
    assert "more below its level" not in skills


def test_not_rated_unknown_and_before_the_quiz_never_read_as_zero(
    plan: Plan, catalog: pd.DataFrame
) -> None:
    unrated = catalog.index[catalog["skills"].isna()][0]
    no_pay = catalog.index[catalog["median_wage"].isna() & catalog["hourly_median_wage"].isna()]
    reason = why.explain_all([unrated, no_pay[-1]], plan, catalog)
    line = reason[unrated].line
    assert "Skills: not rated" in line and reason[unrated].important is None
    assert "Interests: take the quiz in 01" in line and reason[unrated].fit is None
    assert "Pay: unknown" in reason[no_pay[-1]].line
    assert "0 of" not in line and "no gap" not in line
    # rated, but the person lists no skill under O*NET's names: unknown, not 0 of N
    plan.dream_job.skills = [Skill(name="Inventory software", level=4)]
    rated = why.why_suggested(SALES_MANAGERS, plan, catalog)
    assert rated.have is None and rated.gap is None and "list yours in 01" in rated.line
    assert "List your skills in 01" in dict(rated.details())["Skills"]


def test_a_skill_not_listed_is_not_shown_as_level_zero(
    supervisor: Plan, catalog: pd.DataFrame
) -> None:
    supervisor.dream_job.skills = [Skill(name="Speaking", level=5)]
    reason = why.why_suggested(SALES_MANAGERS, supervisor, catalog)
    assert reason.gap is not None and reason.gap.yours is None
    assert f"{reason.gap.skill} (not listed)→" in reason.line and " 0.0→" not in reason.line
    assert "not in your list" in dict(reason.details())["Skills"]


def test_unknown_job_zone_top_coded_and_hourly_pay(plan: Plan, catalog: pd.DataFrame) -> None:
    changed = catalog.copy()
    changed.loc[SALES_MANAGERS, "job_zone"] = np.nan
    changed.loc[SALES_MANAGERS, "wage_note"] = TOP_CODED
    reason = why.why_suggested(SALES_MANAGERS, plan, changed)
    median = catalog.at[SALES_MANAGERS, "median_wage"]
    assert "Prep: job zone unknown" in reason.line and "Job zone unknown" in reason.details()[2][1]
    assert f"Pay: at least ${median / 1000:,.0f}k U.S." in reason.line
    hourly = catalog.index[catalog["median_wage"].isna() & catalog["hourly_median_wage"].notna()]
    rate = catalog.at[hourly[0], "hourly_median_wage"]
    assert f"Pay: ${rate:,.2f}/hour U.S." in why.why_suggested(hourly[0], plan, catalog).line


def test_pay_where_the_person_lives_says_here(plan: Plan, catalog: pd.DataFrame) -> None:
    plan.profile.area = OHIO
    ohio = local_pay(catalog, OHIO)
    reason = why.why_suggested(SALES_MANAGERS, plan, ohio)
    assert ohio.at[SALES_MANAGERS, "pay_area"] == "Ohio" and reason.here
    assert f"Pay: ${ohio.at[SALES_MANAGERS, 'median_wage'] / 1000:,.0f}k here" in reason.line
    assert "in Ohio" in dict(reason.details())["Pay"]
    assert careerkit.why_suggested(SALES_MANAGERS, plan).here  # catalog_for(plan) by default


def test_the_html_escapes_every_text_and_keeps_parts_whole(
    supervisor: Plan, catalog: pd.DataFrame
) -> None:
    reason = why.why_suggested(SALES_MANAGERS, supervisor, catalog)
    bad = why.Why(**{**reason.__dict__, "title": "<b>x</b>", "pay": "<script>alert(1)</script>"})
    card = why_card_html(bad)
    assert "<script>" not in card and "&lt;script&gt;" in card
    line = why_line_html(reason)
    assert line.count("ck-why-part") == len(reason.parts())
    assert html.unescape(line).count("Interests:") == 1
    assert why_line_html(None) == "" and why_card_html(None) == ""
    rows = catalog.loc[[SALES_MANAGERS, RETAIL]]
    table = explore_html.table_html(rows, None, {SALES_MANAGERS: reason})
    assert "Why it is suggested" in table and html.escape(reason.parts()[0]) in table
    assert "Why it is suggested" not in explore_html.table_html(rows)  # as before without


def test_the_cards_headings_never_break_inside_a_word(
    supervisor: Plan, catalog: pd.DataFrame
) -> None:
    """Seen on a phone: the theme lets table cells break anywhere, and the headings came out
    as "Int/er/ests", "Sk/ill/s"; each heading says it keeps its words whole."""
    card = why_card_html(why.why_suggested(SALES_MANAGERS, supervisor, catalog))
    headings = re.findall(r"<th style='([^']*)'>([^<]*)</th>", card)
    assert [head for _, head in headings] == ["Interests", "Skills", "Preparation", "Pay"]
    assert all("overflow-wrap:normal" in style for style, _ in headings)
