"""Step 2 logic: filtering, sorting, occupation facts and the shortlist (no widgets)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from careerkit.catalog import load_catalog, outlook_label, tables_of
from careerkit.catalog.fit import interest_fit
from careerkit.plan import InterestResult, Option, Plan, Skill
from careerkit.report import charts
from careerkit.report import explore_html as render
from careerkit.steps.explore import filters as flt
from careerkit.steps.explore import occupation as occ
from careerkit.steps.explore import shortlist as sl
from careerkit.steps.similar_jobs import skills_match_all
from tests.synthetic import synthetic_catalog

SCORES = {"R": 10, "I": 20, "A": 30, "S": 90, "E": 80, "C": 40}  # top themes S, E, C


@pytest.fixture
def tiny() -> pd.DataFrame:
    """Five occupations with known values; the gardeners have no pay and no outlook."""
    cat = synthetic_catalog(5, seed=1)
    cat.index = pd.Index(
        ["11-0001.00", "29-0002.00", "37-0003.00", "15-0004.00", "39-0005.00"],
        name="code",
        dtype="string",
    )
    values = {
        "title": ["Clinic Managers", "Nurses", "Gardeners", "Software Developers", "Tour Guides"],
        "alt_titles": ["Practice Manager", "RN;Staff Nurse", "Landscaper", "Programmer", "Docent"],
        "description": [
            "Plan and direct medical services.",
            "Care for patients in hospitals.",
            "Keep parks and gardens tidy.",
            "Write software for hospitals and banks.",
            "Lead visitors around museums (and towns).",
        ],
        # theme profiles: S-E-C, S-I-C, R-C-E, I-C-R, S-E-A
        "R": [1.5, 2.0, 6.5, 3.0, 1.0],
        "I": [3.0, 5.0, 1.5, 6.8, 1.5],
        "A": [1.5, 1.5, 1.0, 2.0, 4.0],
        "S": [6.5, 6.8, 1.2, 1.5, 6.5],
        "E": [6.0, 2.0, 3.0, 2.0, 5.5],
        "C": [5.0, 4.0, 5.0, 5.0, 1.2],
        "job_zone": [4, 3, 1, 4, 2],
        "education": [
            "Bachelor's degree",
            "Associate's degree",
            "No formal educational credential",
            "Bachelor's degree",
            "High school diploma or equivalent",
        ],
        "median_wage": [110_000, 86_000, None, 130_000, 35_000],
        "wage_p10": [70_000, 50_000, None, 90_000, 22_000],
        "wage_p90": [180_000, 120_000, None, 200_000, 50_000],
        "outlook_pct": [29.0, 6.0, None, 17.0, -2.0],
        "outlook": [None if p is None else outlook_label(p) for p in (29.0, 6.0, None, 17.0, -2.0)],
        "skills": [
            "Coordination;Speaking;Management of Financial Resources",
            "Active Listening;Service Orientation;Monitoring",
            "Equipment Maintenance;Operation and Control",
            "Programming;Critical Thinking;Systems Analysis",
            "Speaking;Service Orientation",
        ],
        "weekly_hours": [45.0, 38.0, None, 41.0, 30.0],
        "schedule": ["regular", "shifts", "seasonal", "regular", "irregular"],
    }
    for column, column_values in values.items():
        cat[column] = pd.array(column_values, dtype=cat[column].dtype)
    return cat


def person(scores: dict[str, float] | None = SCORES, skills: tuple[str, ...] = ()) -> Plan:
    plan = Plan()
    if scores:
        plan.dream_job.interests = InterestResult(scores=scores)
    plan.dream_job.skills = [Skill(name=s) for s in skills]
    return plan


def codes(frame: pd.DataFrame) -> list[str]:
    return list(frame.index)


# --- filters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pct", "label"),
    [
        (30, "much faster than average"),
        (6.5, "much faster than average"),  # 7 after rounding: the average 3 plus 4
        (6.4, "faster than average"),
        (5, "faster than average"),
        (4.4, "as fast as average"),
        (1.5, "as fast as average"),
        (1.4, "slower than average"),
        (0.4, "little or no change"),
        (-1.4, "little or no change"),
        (-1.6, "decline"),
        (None, "unknown"),
    ],
)
def test_outlook_label_uses_bls_words_around_the_average(pct: float | None, label: str) -> None:
    assert outlook_label(pct, average=3.1) == label


def test_outlook_labels_come_from_the_catalogue_column(tiny: pd.DataFrame) -> None:
    tiny.loc["11-0001.00", "outlook"] = "decline"  # the column wins over the percent
    labels = flt.outlook_labels(tiny)
    assert labels["11-0001.00"] == "decline" and labels["37-0003.00"] == "unknown"
    assert set(labels) <= set(flt.OUTLOOKS)


def test_default_filters_keep_everything(tiny: pd.DataFrame) -> None:
    assert flt.filter_masks(tiny, flt.Filters()) == {}
    assert set(codes(flt.apply_filters(tiny, flt.Filters()))) == set(tiny.index)


@pytest.mark.parametrize(
    ("search", "found"),
    [
        ("HOSPITAL", ["29-0002.00", "15-0004.00"]),  # case-insensitive, in descriptions
        ("staff nurse", ["29-0002.00"]),  # alternative titles; every word must appear
        ("software hospitals", ["15-0004.00"]),
        ("(zebra[", []),  # punctuation is ignored, never read as a regular expression
        ("zebra", []),
    ],
)
def test_search_looks_in_titles_alt_titles_and_descriptions(
    tiny: pd.DataFrame, search: str, found: list[str]
) -> None:
    assert set(codes(flt.apply_filters(tiny, flt.Filters(search=search)))) == set(found)


def test_each_filter_narrows_as_documented(tiny: pd.DataFrame) -> None:
    fit = interest_fit(SCORES, tiny)

    def run(**filters: object) -> set[str]:
        return set(codes(flt.apply_filters(tiny, flt.Filters(**filters), fit)))

    assert run(min_fit=70) == set(fit.index[fit >= 70]) and 0 < len(run(min_fit=70)) < 5
    assert run(job_zone=(3, 4)) == {"11-0001.00", "29-0002.00", "15-0004.00"}
    assert run(max_education="Associate's degree") == {"29-0002.00", "37-0003.00", "39-0005.00"}
    assert run(pay=(80_000, 120_000)) == {"11-0001.00", "29-0002.00"}
    assert run(pay=(80_000, None), unknown_pay=True) == {
        "11-0001.00",
        "29-0002.00",
        "15-0004.00",
        "37-0003.00",
    }
    assert run(outlooks=frozenset({"decline", "unknown"})) == {"39-0005.00", "37-0003.00"}
    assert run(job_zone=(4, 4), search="hospitals") == {"15-0004.00"}


def test_fit_filter_is_ignored_without_a_fit(tiny: pd.DataFrame) -> None:
    assert len(flt.apply_filters(tiny, flt.Filters(min_fit=99))) == len(tiny)


def test_a_combination_matching_nothing_names_the_filter_to_loosen(tiny: pd.DataFrame) -> None:
    filters = flt.Filters(search="hospitals", pay=(None, 50_000))
    assert flt.apply_filters(tiny, filters).empty
    hint = flt.loosen_hint(tiny, filters)
    assert hint.startswith("No occupation matches all these filters.")
    # without the pay limit the two hospital jobs match; without the search, the guides
    assert "the pay range: without that filter, 2 occupations match." in hint


def test_hint_when_no_single_filter_is_enough(tiny: pd.DataFrame) -> None:
    filters = flt.Filters(search="zebra", job_zone=(5, 5))
    hint = flt.loosen_hint(tiny, filters)
    assert "loosening any single one is not enough" in hint and "Reset filters" in hint


def test_count_text() -> None:
    assert flt.count_text(40, 312, 1016) == (
        "Showing 40 of 312 matching occupations (1,016 in the catalog)."
    )
    assert flt.count_text(40, 1016, 1016) == "Showing 40 of 1,016 occupations."
    assert flt.count_text(3, 3, 10) == "Showing all 3 matching occupations (10 in the catalog)."
    assert flt.count_text(0, 0, 10).startswith("No occupation matches these filters")


# --- sorting -------------------------------------------------------------------------------


def test_sort_by_pay_puts_unknown_pay_last_in_both_orders(tiny: pd.DataFrame) -> None:
    high = codes(flt.apply_filters(tiny, flt.Filters(sort_by="median_wage")))
    low = codes(flt.apply_filters(tiny, flt.Filters(sort_by="median_wage", ascending=True)))
    assert high == ["15-0004.00", "11-0001.00", "29-0002.00", "39-0005.00", "37-0003.00"]
    assert low == ["39-0005.00", "29-0002.00", "11-0001.00", "15-0004.00", "37-0003.00"]


def test_sort_by_education_follows_the_ladder_not_the_alphabet(tiny: pd.DataFrame) -> None:
    rows = flt.apply_filters(tiny, flt.Filters(sort_by="education", ascending=True))
    assert list(rows["education"])[:3] == [
        "No formal educational credential",
        "High school diploma or equivalent",
        "Associate's degree",
    ]


def test_sort_by_fit_falls_back_to_title_without_a_fit(tiny: pd.DataFrame) -> None:
    rows = flt.apply_filters(tiny, flt.Filters(sort_by="fit"))
    assert list(rows["title"]) == sorted(tiny["title"])
    with_fit = flt.apply_filters(tiny, flt.Filters(sort_by="fit"), interest_fit(SCORES, tiny))
    assert with_fit["fit"].is_monotonic_decreasing
    with pytest.raises(ValueError, match="Cannot sort by 'salary'"):
        flt.apply_filters(tiny, flt.Filters(sort_by="salary"))


def test_every_sort_column_works(tiny: pd.DataFrame) -> None:
    fit = interest_fit(SCORES, tiny)
    for key in flt.SORTS:
        for ascending in (True, False):
            rows = flt.apply_filters(tiny, flt.Filters(sort_by=key, ascending=ascending), fit)
            assert set(rows.index) == set(tiny.index)


# --- the table and the card ---------------------------------------------------------------


def test_table_shows_unknown_never_nan_and_escapes_titles(tiny: pd.DataFrame) -> None:
    tiny.loc["37-0003.00", "title"] = "<script>alert(1)</script> Gardeners"
    fit = interest_fit(SCORES, tiny)
    text = render.table_html(flt.apply_filters(tiny, flt.Filters(), fit), SCORES)
    gardeners = next(row for row in text.split("<tr") if "Gardeners" in row)
    assert gardeners.count(">unknown<") == 3  # pay, outlook, work week
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert not any(bad in text for bad in ("nan", "NaN", "<NA>", "None"))
    assert "<th>Fit</th>" in text and "match this occupation" in text


def test_each_row_carries_its_code_and_a_button_named_by_its_title(tiny: pd.DataFrame) -> None:
    tiny = tiny.rename(index={"37-0003.00": "37-0003.00' onclick='x"})
    tiny.loc["37-0003.00' onclick='x", "title"] = "<i>Gardeners</i>"
    text = render.table_html(flt.apply_filters(tiny, flt.Filters()))
    rows = text.split("<tr")[2:]  # after the head
    assert len(rows) == len(tiny) and all(row.startswith(" data-key='") for row in rows)
    gardeners = next(row for row in rows if "Gardeners" in row)
    assert gardeners.startswith(" data-key='37-0003.00&#x27; onclick=&#x27;x'>")
    button = "<button type='button' class='ck-pick'>&lt;i&gt;Gardeners&lt;/i&gt;</button>"
    assert button in gardeners


def test_table_without_scores_has_no_fit_column(tiny: pd.DataFrame) -> None:
    text = render.table_html(flt.apply_filters(tiny, flt.Filters()))
    assert "<th>Fit</th>" not in text and "<th>Median pay</th>" in text


def test_fit_reason_names_the_shared_top_themes() -> None:
    occupation = {"R": 1, "I": 2, "A": 1, "S": 7, "E": 6, "C": 1}  # S, E, I
    assert occ.fit_reason(SCORES, occupation) == (
        "Your top themes Social and Enterprising match this occupation's top themes."
    )
    one = {"R": 7, "I": 6, "A": 1, "S": 5, "E": 1, "C": 1}  # R, I, S
    assert occ.fit_reason(SCORES, one).startswith("Your top theme Social is one of")
    none = {"R": 7, "I": 6, "A": 5, "S": 1, "E": 1, "C": 1}
    assert occ.fit_reason(SCORES, none) == (
        "This occupation's top themes (Realistic, Investigative and Artistic) are not among "
        "yours (Social, Enterprising and Conventional)."
    )


def test_profile_card_marks_the_skills_the_person_has(tiny: pd.DataFrame) -> None:
    plan = person(skills=("speaking", "Juggling"))
    card = occ.profile_card(tiny, "11-0001.00", plan)
    assert card["skills"] == [
        ("Coordination", False),
        ("Speaking", True),
        ("Management of Financial Resources", False),
    ]
    assert card["job_zone_text"] == "considerable preparation"
    assert card["pay"] == "$110,000 a year (2024)" and card["outlook"].startswith("+29.0%")
    assert card["work_life"] == "about 45 hours a week, regular hours (O*NET Work Context)"
    assert 0 <= card["fit"] <= 100 and "Social" in card["fit_reason"]
    text = render.card_html(card)
    assert "1 of 3" in text and "Practice Manager" in text and "■</span> you" in text


def test_card_for_missing_data_and_no_quiz_says_so(tiny: pd.DataFrame) -> None:
    tiny.loc["37-0003.00", "description"] = 'Tidy "parks" & <gardens>'
    card = occ.profile_card(tiny, "37-0003.00", person(scores=None))
    assert card["fit"] is None and card["person_themes"] is None
    assert (card["pay"], card["outlook"]) == ("unknown", "unknown")
    assert card["work_life"] == "hours a week unknown, seasonal work (O*NET Work Context)"
    text = render.card_html(card)
    assert "take the interest quiz in 01 to see your fit" in text
    assert "&lt;gardens&gt;" in text and "<gardens>" not in text
    assert text.count(">unknown</td>") == 3  # outlook, experience, training
    assert "unknown<br><small>Range: unknown</small>" in text  # pay
    assert "■</span> you" not in text


def test_prefilled_answers_for_catalogue_and_custom_options(tiny: pd.DataFrame) -> None:
    facts = occ.prefilled_answers(tiny, Option(code="29-0002.00", title="Nurses"), ["Monitoring"])
    assert set(facts) == set(occ.FACTS)
    assert "You already list: Monitoring." in facts["skills_interests"]
    assert "Social, Investigative and Conventional" in facts["skills_interests"]
    assert facts["requirements"] == (
        "Job zone 3: medium preparation. Typical education: Associate's degree. "
        "Experience: unknown; training: unknown."
    )
    assert facts["salary"] == (
        "Median pay: $86,000 a year (2024); range $50,000 to $120,000 (10th to 90th percentile)."
    )
    assert facts["work_life"] == "About 38 hours a week, shift work (O*NET Work Context)."
    assert facts["development"].startswith("Jobs outlook: +6.0% over ten years")
    custom = sl.custom_option("Clinic coordinator", "52k")
    own = occ.prefilled_answers(tiny, custom)
    assert own["salary"] == "$52,000 a year (your own estimate)"
    assert "Not in the catalog" in own["requirements"]
    gone = occ.prefilled_answers(tiny, Option(code="99-9999.00", title="Old job"))
    assert "no longer in the catalog" in gone["salary"]


def test_prefilled_answers_cover_only_known_question_ids(tiny: pd.DataFrame) -> None:
    ids = {q.id for q in occ.QUESTIONS}
    assert set(occ.prefilled_answers(tiny, Option(code="11-0001.00", title="x"))) < ids
    assert {"inspiring", "development", "surprising"} <= ids and len(occ.QUESTIONS) == 7


# --- the shortlist -------------------------------------------------------------------------


def test_add_refuses_duplicates_and_points_to_restore(tiny: pd.DataFrame) -> None:
    plan = person()
    sl.add_option(plan, sl.catalog_option(tiny, "29-0002.00"))
    with pytest.raises(sl.ShortlistError, match="already on your shortlist."):
        sl.add_option(plan, sl.catalog_option(tiny, "29-0002.00"))
    sl.drop_option(plan, "29-0002.00", "shifts")
    with pytest.raises(sl.ShortlistError, match="restore it"):
        sl.add_option(plan, sl.catalog_option(tiny, "29-0002.00"))
    with pytest.raises(sl.ShortlistError, match="no occupation with code"):
        sl.catalog_option(tiny, "00-0000.00")
    assert len(plan.exploration.options) == 1


def test_drop_needs_a_reason_and_changes_nothing_without_one(tiny: pd.DataFrame) -> None:
    plan = person()
    option = sl.add_option(plan, sl.catalog_option(tiny, "29-0002.00"))
    option.answers["inspiring"] = "Helping people"
    before = plan.model_dump()
    with pytest.raises(sl.ShortlistError, match="Write why you are dropping “Nurses” first"):
        sl.drop_option(plan, "29-0002.00", "   ")
    assert plan.model_dump() == before
    sl.drop_option(plan, "29-0002.00", "  Night shifts  ")
    assert (option.dropped, option.drop_reason) == (True, "Night shifts")
    assert sl.shortlist_summary(plan) == "0 options remain, 1 dropped"
    sl.restore_option(plan, "29-0002.00")
    assert (option.dropped, option.drop_reason, option.answers) == (
        False,
        "",
        {"inspiring": "Helping people"},
    )
    assert sl.shortlist_summary(plan) == "1 option on your shortlist"


def test_remove_is_refused_once_answers_are_written(tiny: pd.DataFrame) -> None:
    plan = person()
    sl.add_option(plan, sl.catalog_option(tiny, "11-0001.00"))
    sl.add_option(plan, sl.catalog_option(tiny, "29-0002.00")).answers["surprising"] = "Nights"
    sl.remove_option(plan, "11-0001.00")
    with pytest.raises(sl.ShortlistError, match="Drop it with a reason instead"):
        sl.remove_option(plan, "29-0002.00")
    with pytest.raises(sl.ShortlistError, match="not on your shortlist"):
        sl.remove_option(plan, "11-0001.00")
    assert [o.code for o in plan.exploration.options] == ["29-0002.00"]


def test_summary_counts() -> None:
    plan = person()
    assert sl.shortlist_summary(plan) == "Your shortlist is empty."
    plan.exploration.options = [Option(code=f"c{i}", title="t", dropped=i == 0) for i in range(5)]
    assert sl.shortlist_summary(plan) == "4 options remain, 1 dropped"


@pytest.mark.parametrize(
    ("typed", "pay"),
    [("52000", 52000), ("52,000", 52000), ("$52,000", 52000), ("52k", 52000), (61500.5, 61500.5)],
)
def test_pay_formats_people_type(typed: str | float, pay: float) -> None:
    assert sl.parse_pay(typed) == pay


@pytest.mark.parametrize(
    ("title", "pay", "message"),
    [
        ("  ", "52000", "Give your occupation a title"),
        ("Clinic coordinator", "", "Enter a rough yearly pay"),
        ("Clinic coordinator", "lots", "“lots” is not a number"),
        ("Clinic coordinator", "-5000", "must be a positive number"),
        ("Clinic coordinator", "nan", "must be a positive number"),
        ("Clinic coordinator", "25", "looks like an hourly or monthly rate"),
        ("x" * 121, "52000", "under 120 characters"),
    ],
)
def test_custom_option_validation(title: str, pay: str, message: str) -> None:
    with pytest.raises(sl.ShortlistError, match=message):
        sl.custom_option(title, pay)


def test_custom_option_codes_are_unique_plain_slugs() -> None:
    first = sl.custom_option("  Clinic  Operations (Local) ", "52,000", " posting ")
    assert (first.code, first.title, first.custom, first.median_wage, first.notes) == (
        "custom:clinic-operations-local",
        "Clinic Operations (Local)",
        True,
        52000.0,
        "posting",
    )
    taken = [first.code, first.code + "-2"]
    assert sl.custom_option("Clinic operations, local", "1e5", taken=taken).code == (
        "custom:clinic-operations-local-3"
    )
    assert sl.custom_option("Técnico de café", "40000").code == "custom:tecnico-de-cafe"
    assert sl.custom_option("!!!", "40000").code == "custom:occupation"


def test_shortlist_frame_and_chart(tiny: pd.DataFrame) -> None:
    plan = person()
    for code in ("11-0001.00", "37-0003.00", "39-0005.00"):
        sl.add_option(plan, sl.catalog_option(tiny, code))
    sl.add_option(plan, sl.custom_option("Clinic coordinator", "52000"))
    sl.drop_option(plan, "39-0005.00", "low pay")
    frame = sl.shortlist_frame(plan, tiny)
    assert list(frame.index) == ["11-0001.00", "37-0003.00", "custom:clinic-coordinator"]
    assert frame.loc["custom:clinic-coordinator", "pay"] == 52000
    assert np.isnan(frame.loc["custom:clinic-coordinator", "fit"])
    assert np.isnan(frame.loc["37-0003.00", "pay"])
    assert frame.loc["11-0001.00", "fit"] == interest_fit(SCORES, tiny)["11-0001.00"]
    assert list(frame["outlook"]) == ["much faster than average", "unknown", "unknown"]
    fig = charts.shortlist_figure(frame)
    labels = {t.get_text() for t in fig.axes[0].texts}
    assert labels == {"Clinic Managers", "Clinic coordinator"}  # gardeners: pay unknown
    assert charts.png(fig).startswith(b"\x89PNG")


def test_empty_shortlist_frame_draws(tiny: pd.DataFrame) -> None:
    frame = sl.shortlist_frame(person(scores=None), tiny)
    assert frame.empty
    assert charts.png(charts.shortlist_figure(frame)).startswith(b"\x89PNG")


# --- the synthetic catalogue ----------------------------------------------------------


def test_synthetic_catalog_loads_like_the_real_one(tmp_path) -> None:
    cat = synthetic_catalog(300, seed=3)
    cat.to_csv(tmp_path / "synthetic.csv")
    pd.testing.assert_frame_equal(load_catalog(tmp_path / "synthetic.csv"), cat)
    assert cat["median_wage"].isna().any() and cat["outlook_pct"].isna().any()
    pd.testing.assert_frame_equal(synthetic_catalog(300, seed=3), cat)
    assert not synthetic_catalog(300, seed=4).equals(cat)


# --- skills match of every occupation (issue 23 §2) -------------------------------------


def test_skills_match_is_a_column_a_sort_and_a_minimum(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    skills = flt.skills_for(persona, catalog)
    assert skills is not None and skills.notna().sum() > 100 and skills.isna().any()
    ratings = tables_of(catalog).skill_ratings()
    assert skills.equals(skills_match_all(flt.person_levels(persona), ratings, catalog.index))
    assert "skills_match" not in flt.sorts_for(catalog, True)
    assert "skills_match" in flt.sorts_for(catalog, True, with_skills=True)

    least = float(skills.quantile(0.75))
    shown = flt.apply_filters(
        catalog, flt.Filters(min_skills=least, sort_by="skills_match"), skills=skills
    )
    assert len(shown) == (skills >= least).sum()  # "not rated" never passes a minimum
    assert shown["skills_match"].is_monotonic_decreasing
    everything = flt.apply_filters(catalog, flt.Filters(sort_by="skills_match"), skills=skills)
    assert everything["skills_match"].tail(int(skills.isna().sum())).isna().all()  # last

    html = render.table_html(everything.tail(3))
    assert "<th>Skills match</th>" in html and html.count("not rated") == 3  # never 0
    hint = flt.loosen_hint(catalog, flt.Filters(min_skills=100, search="nurse"), skills=skills)
    assert "the minimum skills match" in hint


def test_no_skills_match_before_a_skill_onet_rates(plan: Plan, catalog: pd.DataFrame) -> None:
    assert flt.skills_for(plan, catalog) is None
    plan.dream_job.skills = [Skill(name="Knitting", kind="hard", level=4)]
    assert flt.skills_for(plan, catalog) is None
    plan.dream_job.skills.append(Skill(name="Speaking", kind="soft", level=4))
    assert flt.skills_for(plan, catalog) is not None
