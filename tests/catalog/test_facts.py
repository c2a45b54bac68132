"""Issue 19 (§1, §4): the facts a card states, checked for every occupation against ../shared.

Each data test reads the published files in ../shared with plain csv/pandas (not careerkit's
importer) and checks what the bundled catalogue and the card say for all 923 occupations:
education "most often", figures of a broader BLS group, openings under 50, top-coded state
medians, hourly-only pay, the order of tied interest themes and the job zones offered.
They skip, saying why, where ../shared is absent. The wording tests need no data.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from careerkit import catalog as cat
from careerkit.catalog import CatalogError, load_catalog, tables_of
from careerkit.catalog.fit import LETTERS, interest_fit, top_themes
from careerkit.catalog.local_pay import local_pay
from careerkit.plan import Option, Plan
from careerkit.report import compare_words
from careerkit.steps.compare import scoring
from careerkit.steps.explore import filters as flt
from careerkit.steps.explore import occupation as occ
from tests.conftest import SHARED

ONET = SHARED / "onet-30.3"
AREAS = SHARED / "oews" / "areas_2025.csv"
PROJECTIONS = SHARED / "bls-ep" / "occupation.xlsx"
CROSSWALK = SHARED / "crosswalks" / "nem-onet-to-soc-crosswalk_asof_2024-08-29.xlsx"
#: O*NET's twelve required-level categories (RL) by their short names, as a person reads them.
SHORT_NAMES = {
    "1": "Less than a High School Diploma",
    "2": "High School Diploma",
    "3": "Post-Secondary Certificate",
    "4": "Some College Courses",
    "5": "Associate's Degree",
    "6": "Bachelor's Degree",
    "7": "Post-Baccalaureate Certificate",
    "8": "Master's Degree",
    "9": "Post-Master's Certificate",
    "10": "First Professional Degree",
    "11": "Doctoral Degree",
    "12": "Post-Doctoral Training",
}


def need(*paths: Path) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"real data not available (see ../shared/README.md): {', '.join(missing)}")


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


@pytest.fixture(scope="module")
def cards(catalog: pd.DataFrame) -> dict[str, dict]:
    """The card of every bundled occupation, national pay, for a person without a quiz."""
    plan, national = Plan(), local_pay(catalog, "")
    return {code: occ.profile_card(national, code, plan) for code in catalog.index}


@pytest.fixture(scope="module")
def projections() -> pd.DataFrame:
    """BLS's Table 1.2 line items by matrix code: title, openings (thousands)."""
    need(PROJECTIONS)
    raw = pd.read_excel(PROJECTIONS, "Table 1.2", header=1, dtype=str, engine="calamine")
    raw = raw[raw["Occupation type"] == "Line item"]
    return pd.DataFrame(
        {
            "title": raw["2024 National Employment Matrix title"].str.strip().to_numpy(),
            "openings": pd.to_numeric(
                raw["Occupational openings, 2024–34 annual average"]
            ).to_numpy(),
        },
        index=raw["2024 National Employment Matrix code"].to_numpy(),
    )


@pytest.fixture(scope="module")
def nem() -> dict[str, str]:
    """BLS's crosswalk: O*NET-SOC code -> National Employment Matrix code."""
    need(CROSSWALK)
    raw = pd.read_excel(CROSSWALK, header=4, dtype=str, engine="calamine").dropna()
    return dict(zip(raw["O*NET-SOC Code"], raw["NEM Code"], strict=True))


# --- §1 education "most often" --------------------------------------------------------------


def test_education_most_often_is_the_largest_onet_share_for_every_occupation(
    catalog: pd.DataFrame, cards: dict[str, dict]
) -> None:
    need(ONET / "education.csv", ONET / "education_categories.csv")
    glosses = {
        r["Category"]: r["Category Description"]
        for r in rows_of(ONET / "education_categories.csv")
        if r["Scale ID"] == "RL"
    }
    assert all(glosses[k].startswith(v) for k, v in SHORT_NAMES.items())  # O*NET's own names
    shares: dict[str, list[tuple[float, str, bool]]] = defaultdict(list)
    for r in rows_of(ONET / "education.csv"):
        if r["Scale ID"] == "RL":
            shares[r["O*NET-SOC Code"]].append(
                (float(r["Data Value"]), r["Category"], r["Recommend Suppress"] == "Y")
            )
    checked = suppressed = 0
    for code in catalog.index:
        text = cards[code]["education"]
        assert "for example" not in text and " - " not in text, (code, text)  # no gloss
        top = max((v for v, _, _ in shares.get(code, [])), default=0)
        if top == 0:
            assert "most often" not in text, (code, text)
            continue
        largest = [(c, s) for v, c, s in shares[code] if v == top]
        names = " or ".join(SHORT_NAMES[c] for c, _ in sorted(largest, key=lambda x: int(x[0])))
        assert f"most often asked for: {names} (" in text, (code, text)
        less_reliable = any(s for _, s in largest)
        assert ("less reliable" in text) == less_reliable, (code, text)
        checked += 1
        suppressed += less_reliable
    assert checked > 800 and suppressed > 0
    assert "Bachelor's Degree" in cards["29-1141.00"]["education"]  # Registered Nurses
    assert "Post-Secondary Certificate" not in cards["29-1141.00"]["education"]


# --- §4 figures of a broader group, openings ------------------------------------------------


def test_outlook_and_openings_name_a_broader_group_for_every_occupation(
    catalog: pd.DataFrame, cards: dict[str, dict], projections: pd.DataFrame, nem: dict
) -> None:
    broader = 0
    for code, row in catalog.iterrows():
        group = nem.get(code, code[:7])
        text = cards[code]["outlook"]
        if group not in projections.index:
            assert text == "unknown", code
            continue
        title = projections.at[group, "title"]
        assert "in the U.S." in text, (code, text)  # national, beside pay that may be local
        if title.casefold() == row["title"].casefold():
            assert "for all" not in text, (code, text)
        else:
            assert "for all “" in text and f"({group})" in text, (code, text)
            broader += 1
        thousands = projections.at[group, "openings"]
        if thousands < 0.05:  # BLS's "0.0": fewer than 50, never "about 0"
            assert "fewer than 50 openings a year" in text, (code, text)
        else:
            assert f"about {round(thousands * 1000):,} openings a year" in text, (code, text)
        assert "about 0 " not in text, (code, text)
    assert broader > 0
    nurse = cards["29-1141.01"]["outlook"]  # Acute Care Nurses
    assert "for all “Registered Nurses” (29-1141)" in nurse


def test_employment_names_the_bls_group_it_counts(
    catalog: pd.DataFrame, cards: dict[str, dict], nem: dict
) -> None:
    need(SHARED / "oews" / "national_2025.csv")
    national = {r["soc_code"]: r for r in rows_of(SHARED / "oews" / "national_2025.csv")}
    for code, row in catalog.iterrows():
        soc = code[:7] if code[:7] in national else nem.get(code)
        said = occ.prefilled_answers(catalog, Option(code=code, title=row["title"]))
        if soc not in national:
            assert "people" not in said["development"], code
            continue
        people = f"About {int(national[soc]['employment']):,} people in the U.S. "
        assert people in said["development"], (code, said["development"])
        same = national[soc]["title"].casefold() == row["title"].casefold()
        assert ("BLS's group" not in said["development"]) == same, code


# --- §4 top-coded state medians, hourly-only pay --------------------------------------------


def test_top_coded_state_medians_say_at_least(catalog: pd.DataFrame) -> None:
    need(AREAS)
    top_coded = [
        r
        for r in rows_of(AREAS)
        if r["area_type"] == "S" and r["median_note"].startswith("top-coded")
    ]
    by_soc = catalog.groupby("wage_soc").groups
    shown = 0
    by_area: dict[str, list[dict]] = defaultdict(list)
    for r in top_coded:
        by_area[r["area_code"]].append(r)
    for area, found in by_area.items():
        local = local_pay(catalog, area)
        for r in found:
            for code in by_soc.get(r["soc_code"], []):
                least = float(r["median_note"].split(">=")[1])
                assert local.at[code, "median_wage"] == least, code
                assert local.at[code, "pay_area"] == r["area_name"], code
                pay = occ.profile_card(local, code, Plan())["pay"]
                assert pay == f"at least ${least:,.0f} a year in {r['area_name']} (2025)", pay
                shown += 1
    assert shown > 0
    kept = tables_of(catalog).area_wages()["median_note"].fillna("").str.startswith("top-coded")
    assert kept.sum() == len(
        {(r["area_code"], r["soc_code"]) for r in top_coded}
        & set(tables_of(catalog).area_wages().index)
    )  # the flag is in the catalogue


def test_hourly_only_pay_is_shown_hourly_and_not_rated(
    catalog: pd.DataFrame, cards: dict[str, dict]
) -> None:
    need(AREAS)
    hourly = {
        r["soc_code"]: float(r["hourly_median_usd"])
        for r in rows_of(AREAS)
        if r["area_type"] == "N" and r["median_note"].startswith("hourly only")
    }
    codes = [c for c in catalog.index if catalog.at[c, "wage_soc"] in hourly]
    assert "27-2011.00" in codes  # Actors
    for code in codes:
        rate = hourly[catalog.at[code, "wage_soc"]]
        assert cards[code]["pay"].startswith(f"${rate:,.2f} an hour in the United States"), code
    for code in catalog.index.difference(codes):
        assert " an hour" not in cards[code]["pay"], code
    options = [Option(code=c, title=catalog.at[c, "title"]) for c in codes]
    assert scoring.hourly_only(options, catalog) == codes
    assert scoring.data_ratings(options, catalog, None, [])["pay"].isna().all()
    shown = flt.apply_filters(catalog, flt.Filters(pay=(0, 1_000_000)))
    assert not set(codes) & set(shown.index)  # no yearly median: left out of a pay range...
    shown = flt.apply_filters(catalog, flt.Filters(pay=(0, 1_000_000), unknown_pay=True))
    assert set(codes) <= set(shown.index)  # ...unless asked for


# --- §4 interest themes, job zones ----------------------------------------------------------


def test_tied_themes_follow_onets_high_point_code_for_every_occupation(
    catalog: pd.DataFrame,
) -> None:
    need(ONET / "career_interest_types.csv")
    points: dict[str, dict[str, int]] = defaultdict(dict)
    for r in rows_of(ONET / "career_interest_types.csv"):
        if r["Scale ID"] == "IH":
            points[r["O*NET-SOC Code"]][r["Element Name"].split()[0]] = int(float(r["Data Value"]))
    assert set(points) == set(catalog.index)
    for code, row in catalog.iterrows():
        high = "".join(
            "RIASEC"[points[code][p] - 1] for p in ("First", "Second", "Third") if points[code][p]
        )
        assert "".join(top_themes(row))[: len(high)] == high, (code, high)
    assert top_themes(catalog.loc["29-1131.00"])[0] == "I"  # Veterinarians: R and I tie
    assert "".join(top_themes(catalog.loc["29-2061.00"])) == "SCR"  # Licensed Practical Nurses
    said = occ.prefilled_answers(catalog, Option(code="29-1131.00", title="Veterinarians"))
    assert "Interests: mostly Investigative, Realistic" in said["skills_interests"]


def test_job_zone_slider_offers_the_zones_of_the_release(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    need(ONET / "job_zones.csv")
    published = sorted({int(r["Job Zone"]) for r in rows_of(ONET / "job_zones.csv")})
    from careerkit.ui import explore as ui

    browser = ui.browser(persona, catalog)
    assert (browser.zone.min, browser.zone.max) == (published[0], published[-1])
    assert list(cat.zones_present(catalog)) == published  # 30.x: 2, 3, 4, 5
    assert browser.zone.value == (published[0], published[-1])
    assert browser.filters.job_zone == flt.Filters().job_zone  # the whole slider: no filter
    notes = [c.value for c in browser.filter_fold.children[0].children if hasattr(c, "value")]
    legend = next(note for note in notes if "Job zone is" in note)  # folded with the filters
    assert "1 = " not in legend and "2 = little or some preparation" in legend


# --- wording, no data needed -----------------------------------------------------------------


def test_openings_wording() -> None:
    assert occ.openings_text(0) == "fewer than 50 openings a year"
    assert occ.openings_text(100) == "about 100 openings a year"
    assert occ.openings_text(189_100) == "about 189,100 openings a year"
    assert occ.openings_text(None) == ""
    assert occ.outlook_text(1.0, "slower than average", 0) == (
        "+1.0% over ten years (slower than average), fewer than 50 openings a year in the U.S."
    )
    assert occ.outlook_text(4.9, None, 189_100, "“Registered Nurses” (29-1141)") == (
        "+4.9% over ten years, about 189,100 openings a year in the U.S., "
        "for all “Registered Nurses” (29-1141)"
    )
    assert occ.outlook_text(None, None, 5) == "unknown"


def test_pay_wording_top_coded_and_hourly() -> None:
    assert occ.pay_text(239_200, 2025, "Ohio", "top-coded") == (
        "at least $239,200 a year in Ohio (2025)"
    )
    assert occ.pay_text(61_230, 2025, "Ohio") == "$61,230 a year in Ohio (2025)"
    hourly = occ.pay_text(None, 2025, "the United States", "hourly only", 29.05)
    assert hourly.startswith("$29.05 an hour in the United States (2025); BLS publishes no ")
    assert occ.pay_text(None, 2025, None, None, None) == "unknown"
    rows = pd.DataFrame(
        {
            "median_wage": [239_200.0, np.nan, 50_000.0, np.nan],
            "wage_note": ["top-coded", "hourly only", None, None],
            "hourly_median_wage": [np.nan, 29.05, np.nan, np.nan],
        }
    )
    cells = [occ.pay_short(row) for _, row in rows.iterrows()]
    assert cells == ["at least $239,200", "$29.05/hour", "$50,000", "unknown"]


def test_education_wording() -> None:
    row = {
        "education": "Bachelor's degree",
        "onet_education": "Bachelor's Degree",
        "onet_education_pct": 55.92,
        "onet_education_note": "less reliable",
    }
    assert occ.education_text(row) == (
        "Bachelor's degree (BLS); most often asked for: Bachelor's Degree (O*NET, 56% of the "
        "workers surveyed said it is needed; O*NET marks this estimate as less reliable)"
    )
    tie = row | {"onet_education": "Bachelor's Degree or Master's Degree"}
    tie |= {"onet_education_pct": 50.0, "onet_education_note": None}
    assert "(O*NET, 50% of the workers surveyed each said it is needed)" in occ.education_text(tie)
    assert occ.education_text({"education": None, "onet_education": None}) == "unknown"


def test_employment_wording() -> None:
    row = {"title": "Acute Care Nurses", "employment": 3_379_720}
    group = row | {"wage_title": "Registered Nurses", "wage_soc": "29-1141"}
    assert occ.employment_text(row) == "About 3,379,720 people in the U.S. do it"
    assert "work in BLS's group “Registered Nurses” (29-1141)" in occ.employment_text(group)
    assert occ.employment_text({"title": "X", "employment": None}) == ""


def test_ties_use_the_code_given_else_riasec_order() -> None:
    tied = dict.fromkeys(LETTERS, 1.0) | {"R": 6.0, "I": 6.0, "S": 3.0}
    assert top_themes(tied) == ["R", "I", "S"]  # a person's scores: R-I-A-S-E-C
    assert top_themes(tied | {"interest_code": "IR"}) == ["I", "R", "S"]
    third = dict.fromkeys(LETTERS, 1.0) | {"S": 6.0, "R": 5.0, "E": 4.0, "C": 4.0}
    jobs = pd.DataFrame([third, third], index=["riasec", "onet"])
    jobs["interest_code"] = [None, "SRC"]  # O*NET puts C before E
    person = dict.fromkeys(LETTERS, 1.0) | {"C": 7.0, "A": 5.0, "I": 4.0}
    fit = interest_fit(person, jobs)
    assert fit["onet"] > fit["riasec"]  # C is among "onet"'s top three themes only


def test_catalog_checks_the_new_columns(tmp_path: Path) -> None:
    header = "code,title,R,I,A,S,E,C,job_zone,wage_note,interest_code,onet_education_note\n"
    good = "11-0001.00,A,1,2,3,4,5,6,2,top-coded,SCR,less reliable\n"
    (tmp_path / "good.csv").write_text(header + good, encoding="utf-8")
    assert load_catalog(tmp_path / "good.csv").at["11-0001.00", "interest_code"] == "SCR"
    for column, bad in (
        ("wage_note", "11-0001.00,A,1,2,3,4,5,6,2,capped,SCR,\n"),
        ("interest_code", "11-0001.00,A,1,2,3,4,5,6,2,,SSX,\n"),
        ("onet_education_note", "11-0001.00,A,1,2,3,4,5,6,2,,,maybe\n"),
    ):
        (tmp_path / "bad.csv").write_text(header + bad, encoding="utf-8")
        with pytest.raises(CatalogError, match=f"column '{column}'"):
            load_catalog(tmp_path / "bad.csv")


def test_bls_notes_read_as_flags() -> None:
    assert cat.wage_note("top-coded: >= 239200") == "top-coded"
    assert cat.top_code("top-coded: >= 239200") == 239_200
    assert cat.wage_note("hourly only: not year-round full time") == "hourly only"
    assert cat.wage_note("not released") is None and cat.wage_note(None) is None
    assert cat.top_code("not released") is None


def test_pay_note_in_03() -> None:
    assert compare_words.hourly_pay_notes([]) == []
    [(text, kind)] = compare_words.hourly_pay_notes(["Actors"])
    assert "'Pay' is not rated for 'Actors'" in text and kind == "info"


def test_import_keeps_hourly_only_and_top_coded_medians(tmp_path: Path) -> None:
    from careerkit.catalog.sources.build import import_onet
    from tests.catalog.test_import import AREAS as SYNTHETIC_AREAS
    from tests.catalog.test_import import CROSSWALK as SYNTHETIC_CROSSWALK
    from tests.catalog.test_import import A, B, C, make_release

    areas = SYNTHETIC_AREAS.replace(  # Software Developers: hourly only, nationally
        "N,0000000,National,00,15-1252,Software Developers,3,1687890,82460,105210,135980,"
        "171980,214670,148100,65.38,",
        "N,0000000,National,00,15-1252,Software Developers,3,1687890,,,,,,,65.38,"
        "hourly only: not year-round full time",
    ).replace(  # Buyers in Ohio: top-coded
        "S,3900000,Ohio,39,13-1020,Buyers and Purchasing Agents,3,14000,45000,55000,70000,"
        "90000,110000,73000,33.65,",
        "S,3900000,Ohio,39,13-1020,Buyers and Purchasing Agents,3,14000,,,,,,,,"
        "top-coded: >= 239200",
    )
    assert areas != SYNTHETIC_AREAS and areas.count("hourly only") == 1
    assert areas.count("top-coded") == 1
    (tmp_path / "areas_2025.csv").write_text(areas, encoding="utf-8")
    (tmp_path / "crosswalk.csv").write_text(SYNTHETIC_CROSSWALK, encoding="utf-8")
    out = tmp_path / "catalog"
    import_onet(
        make_release(tmp_path, "txt"),
        areas=tmp_path / "areas_2025.csv",
        crosswalk=tmp_path / "crosswalk.csv",
        out=out,
        progress=False,
    )
    catalog = load_catalog(out)
    assert pd.isna(catalog.at[B, "median_wage"]) and catalog.at[B, "hourly_median_wage"] == 65.38
    assert catalog.at[B, "wage_note"] == "hourly only"
    assert catalog[["hourly_median_wage", "wage_note"]].drop(index=B).isna().all().all()
    ohio = local_pay(catalog, "3900000")
    assert ohio.at[C, "median_wage"] == 239_200 and ohio.at[C, "wage_note"] == "top-coded"
    assert ohio.at[C, "pay_area"] == "Ohio" and pd.isna(ohio.at[C, "wage_p90"])
    assert occ.pay_short(ohio.loc[C]) == "at least $239,200"
    assert ohio.at[A, "pay_area"] == "the United States"  # no Ohio row: national, named
