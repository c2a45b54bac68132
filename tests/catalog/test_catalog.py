"""The bundled occupation catalogue, the loader's checks, local pay and local occupations."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from careerkit import catalog as cat
from careerkit.catalog import COLUMNS, SKILLS, THEMES, CatalogError, local_pay
from careerkit.plan import Plan
from careerkit.workbook import catalog_for, catalog_in_force, load_catalog
from tests.conftest import PERSONA, ROOT, SHARED

BUNDLED = ROOT / "data" / "catalog" / "occupations.csv"
CONTENT_MODEL = SHARED / "onet" / "Content Model Reference.txt"
PERSONA_CODES = (
    "11-9111.00",
    "13-1151.00",
    "13-1071.00",
    "21-1012.00",
    "29-1141.00",
    "21-1091.00",
    "15-1252.00",
    "27-2011.00",
)
ACTORS = "27-2011.00"


def raw_rows(n: int = 3) -> pd.DataFrame:
    """The first ``n`` rows of the bundled catalogue, every cell as text."""
    return pd.read_csv(BUNDLED, dtype=str, keep_default_na=False).head(n)


def write(frame: pd.DataFrame, path: Path) -> Path:
    frame.to_csv(path, index=False)
    return path


def local_row(code: str = "local-clinic-operations-coordinator") -> pd.DataFrame:
    row = raw_rows(1)
    row.loc[0, ["code", "title", "median_wage", "wage_year", "employment"]] = [
        code,
        "Clinic Operations Coordinator",
        "",
        "",
        "",
    ]
    return row


# --- the bundled catalogue ---------------------------------------------------------------


def test_bundled_catalogue_loads_by_default() -> None:
    catalog = load_catalog()
    assert catalog.index.name == "code"
    assert len(catalog) == len(raw_rows(10_000))


def test_dtypes_are_as_declared(catalog: pd.DataFrame) -> None:
    assert str(catalog.index.dtype) == COLUMNS["code"]
    assert list(catalog.columns) == [c for c in COLUMNS if c != "code"]
    assert {c: str(catalog[c].dtype) for c in catalog.columns} == {
        c: d for c, d in COLUMNS.items() if c != "code"
    }


def test_at_least_100_occupations(catalog: pd.DataFrame) -> None:
    assert len(catalog) >= 100
    assert catalog.index.is_unique


def test_every_theme_tops_some_occupations(catalog: pd.DataFrame) -> None:
    counts = catalog[list(THEMES)].idxmax(axis=1).value_counts()
    assert all(counts.get(theme, 0) >= 8 for theme in THEMES), counts.to_dict()


def test_job_zones_use_the_four_levels_of_onet_30(catalog: pd.DataFrame) -> None:
    counts = catalog["job_zone"].value_counts()
    assert set(counts.index) == {2, 3, 4, 5} and counts.min() >= 8, counts.to_dict()
    assert cat.zone_words(2, 4) == "little or some preparation"
    assert cat.zone_words(2, 5) == "some preparation" and cat.zone_words(None) == "unknown"


def test_skills_come_from_the_vocabulary(catalog: pd.DataFrame) -> None:
    lists = catalog["skills"].dropna().str.split(";")
    used = {s for skills in lists for s in skills}
    assert used <= set(SKILLS)
    assert lists.str.len().between(3, 10).all()
    assert (lists.map(lambda s: len(set(s))) == lists.str.len()).all(), "a skill repeats"


def test_no_invented_columns(catalog: pd.DataFrame) -> None:
    """Hours and schedule have no real source in the bundled data: empty, never made up."""
    assert catalog[["weekly_hours", "schedule"]].isna().all().all()
    assert catalog["onet_description"].isna().all()  # O*NET's sentences are not bundled
    assert catalog["description"].str.endswith(".").all()
    assert set(catalog["outlook"].dropna()) <= set(cat.OUTLOOKS)


def test_persona_codes_are_present(catalog: pd.DataFrame) -> None:
    in_persona = set(re.findall(r"\b\d\d-\d{4}\.\d\d\b", PERSONA.read_text(encoding="utf-8")))
    assert in_persona, "the persona should mention some occupation codes"
    assert set(PERSONA_CODES) | in_persona <= set(catalog.index)
    assert catalog.at["11-9111.00", "title"] == "Medical and Health Services Managers"


def test_actors_wage_is_unknown(catalog: pd.DataFrame) -> None:
    assert pd.isna(catalog.at[ACTORS, "median_wage"])
    assert cat.money(catalog.at[ACTORS, "median_wage"]) == "unknown"
    assert catalog.at[ACTORS, "employment"] > 0
    assert cat.money(catalog.at["15-1252.00", "median_wage"]).startswith("$")


# --- the loader's error messages ---------------------------------------------------------


def test_missing_required_column_is_named(tmp_path: Path) -> None:
    path = write(raw_rows().drop(columns="job_zone"), tmp_path / "no_zone.csv")
    with pytest.raises(CatalogError) as error:
        load_catalog(path)
    assert str(path) in str(error.value)
    assert "job_zone" in str(error.value)


def test_optional_columns_may_be_left_out(tmp_path: Path) -> None:
    rows = raw_rows().drop(columns=["weekly_hours", "schedule", "wage_p10", "outlook"])
    loaded = load_catalog(write(rows, tmp_path / "short.csv"))
    assert list(loaded.columns) == [c for c in COLUMNS if c != "code"]
    assert loaded["weekly_hours"].isna().all()
    assert loaded["outlook"].notna().all()  # put into words from outlook_pct


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "is empty"),
        (b"  \n\n", "is empty"),
        ("code,title\n11-1011.00,Caf\u00e9 owner\n".encode("latin-1"), "not UTF-8"),
    ],
)
def test_unreadable_files_get_a_plain_message(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "local.csv"
    path.write_bytes(content)
    with pytest.raises(CatalogError, match=problem) as error:
        load_catalog(path)
    assert str(path) in str(error.value)


def test_empty_local_file_in_the_workspace_names_itself(workspace: Path) -> None:
    (workspace / "local_occupations.csv").write_text("")
    with pytest.raises(CatalogError, match="local_occupations.csv is empty"):
        load_catalog()


def test_an_extra_field_points_at_its_own_row(tmp_path: Path) -> None:
    path = write(raw_rows(), tmp_path / "shifted.csv")
    lines = path.read_text().splitlines()
    lines[2] += ",stray"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(CatalogError, match=r"row 3: \d+ fields where the header has") as error:
        load_catalog(path)
    assert "double quotes" in str(error.value)


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("median_wage", "about 60k", "is not a number"),
        ("median_wage", "inf", "is not a finite number"),
        ("job_zone", "2.5", "is not a whole number"),
        ("employment", "1200.5", "is not a whole number"),
        ("outlook", "booming", "is not one of BLS's"),
        ("S", "9", "outside the interest scale 1-7"),
        ("skills", "Speaking;Juggling", "unknown skill 'Juggling'"),
        ("education", "PhD", "is not one of BLS's"),
        ("code", "15-1252", "is not an O*NET-SOC code"),
    ],
)
def test_bad_value_names_file_row_and_column(
    tmp_path: Path, column: str, value: str, problem: str
) -> None:
    rows = raw_rows()
    rows.loc[1, column] = value
    path = write(rows, tmp_path / "broken.csv")
    with pytest.raises(CatalogError) as error:
        load_catalog(path)
    message = str(error.value)
    assert str(path) in message
    assert "row 3 " in message  # data row 2 is line 3 of the file, after the header
    assert f"column '{column}'" in message
    assert problem in message


def test_duplicate_code_in_one_file(tmp_path: Path) -> None:
    rows = raw_rows()
    rows.loc[2, "code"] = rows.loc[0, "code"]
    path = write(rows, tmp_path / "twice.csv")
    with pytest.raises(CatalogError) as error:
        load_catalog(path)
    message = str(error.value)
    assert str(path) in message and "row 4 " in message and "column 'code'" in message
    assert "repeats a code" in message


# --- local occupations -------------------------------------------------------------------


def test_extra_csv_is_merged(tmp_path: Path, catalog: pd.DataFrame) -> None:
    extra = write(local_row(), tmp_path / "coach.csv")
    merged = load_catalog(BUNDLED, extra=[extra])
    assert len(merged) == len(catalog) + 1
    local = merged.loc["local-clinic-operations-coordinator"]
    assert local["title"] == "Clinic Operations Coordinator"
    assert pd.isna(local["median_wage"])
    assert merged.dtypes.equals(catalog.dtypes)


def test_local_occupations_in_workspace_are_picked_up(
    workspace: Path, catalog: pd.DataFrame
) -> None:
    write(local_row("local-peer-support-lead"), workspace / "local_occupations.csv")
    merged = load_catalog()
    assert "local-peer-support-lead" in merged.index
    assert len(merged) == len(catalog) + 1


def test_replacement_catalogue_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(raw_rows(2), tmp_path / "small.csv")
    monkeypatch.setenv("CAREERKIT_CATALOG", str(path))
    assert list(load_catalog().index) == list(raw_rows(2)["code"])
    folder = tmp_path / "folder"
    folder.mkdir()
    write(raw_rows(3), folder / "occupations.csv")
    monkeypatch.setenv("CAREERKIT_CATALOG", str(folder))
    assert list(load_catalog().index) == list(raw_rows(3)["code"])


def test_an_import_in_the_workspace_is_used_before_the_bundled_one(workspace: Path) -> None:
    assert catalog_in_force() == ROOT / "data" / "catalog"
    (workspace / "catalog").mkdir()
    write(raw_rows(4), workspace / "catalog" / "occupations.csv")
    assert catalog_in_force() == workspace / "catalog"
    assert len(load_catalog()) == 4


def test_duplicate_code_across_files_is_rejected(tmp_path: Path) -> None:
    code = raw_rows(1).at[0, "code"]
    extra = write(local_row(code), tmp_path / "clash.csv")
    with pytest.raises(CatalogError) as error:
        load_catalog(BUNDLED, extra=[extra])
    assert repr(code) in str(error.value)
    assert str(extra) in str(error.value)


@pytest.mark.skipif(
    not CONTENT_MODEL.exists(), reason=f"shared O*NET file {CONTENT_MODEL} is not available"
)
def test_skills_equal_onet_content_model() -> None:
    model = pd.read_csv(CONTENT_MODEL, sep="\t", dtype=str)
    level4 = model["Element ID"].str.fullmatch(r"2\.[AB]\.\d+\.[a-z]")
    assert model.loc[level4, "Element Name"].tolist() == list(SKILLS)


@pytest.mark.skipif(
    not CONTENT_MODEL.exists(), reason=f"shared O*NET file {CONTENT_MODEL} is not available"
)
def test_skills_table_groups_equal_onet_content_model() -> None:
    model = pd.read_csv(CONTENT_MODEL, sep="\t", dtype=str)
    level4 = model[model["Element ID"].str.fullmatch(r"2\.[AB]\.\d+\.[a-z]")]
    groups = level4["Element ID"].str[:3].map({"2.A": "basic", "2.B": "cross-functional"})
    table = pd.read_csv(cat.SKILLS_FILE, dtype=str, keep_default_na=False)
    assert list(zip(table["name"], table["group"], strict=True)) == list(
        zip(level4["Element Name"], groups, strict=True)
    )


def test_skills_table_is_the_one_source_of_skill_names_kinds_and_learning() -> None:
    from careerkit.steps.dream_job import DEFAULT_KINDS
    from careerkit.steps.short_term.goals import PRACTICE_SKILLS

    assert len(SKILLS) == 35 and SKILLS[0] == "Reading Comprehension"
    assert list(DEFAULT_KINDS) == list(SKILLS)
    assert DEFAULT_KINDS["Speaking"] == "soft" and DEFAULT_KINDS["Programming"] == "hard"
    assert PRACTICE_SKILLS < set(SKILLS) and "Negotiation" in PRACTICE_SKILLS
    assert "Programming" not in PRACTICE_SKILLS


def test_every_skill_has_plain_words_without_onet_jargon() -> None:
    assert list(cat.PLAIN_SKILLS) == list(SKILLS) and len(SKILLS) == 35
    for name, words in cat.PLAIN_SKILLS.items():
        assert words and words == words.strip() and words[0].islower(), name
        if " " in name:  # O*NET's terms ("Reading Comprehension"), not one everyday word
            assert name.casefold() not in words.casefold(), name


SKILLS_HEADER = "name,group,kind,learnt_by,plain,practice\n"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            "Writing,basic,hard,course,w,p\n,basic,hard,course,w,p\n",
            "row 3 (no name), column 'name'",
        ),
        (
            "Writing,basic,hard,course,w,p\nWriting,basic,soft,course,w,p\n",
            "row 3 (Writing), column 'name': repeats",
        ),
        ("Writing,basic,firm,course,w,p\n", "row 2 (Writing), column 'kind': value 'firm' is not"),
        ("Writing,basics,hard,course,w,p\n", "row 2 (Writing), column 'group'"),
        ("Writing,basic,hard,reading,w,p\n", "row 2 (Writing), column 'learnt_by'"),
        ("Writing,basic,hard,course,,p\n", "row 2 (Writing), column 'plain': say the skill"),
        ("Writing,basic,hard,course,w,\n", "row 2 (Writing), column 'practice': say what"),
        ("Writing,basic,hard\n", "row 2: 3 fields where the header has 6"),
    ],
)
def test_a_bad_skills_table_is_named_by_file_row_and_column(
    tmp_path: Path, rows: str, expected: str
) -> None:
    file = tmp_path / "skills.csv"
    file.write_text(SKILLS_HEADER + rows, encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        cat.read_skills(file)
    assert str(error.value).startswith(str(file)) and expected in str(error.value)


def test_a_skills_table_without_a_column_says_which(tmp_path: Path) -> None:
    file = tmp_path / "skills.csv"
    file.write_text("name,group,kind,learnt_by\nWriting,basic,hard,course\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"missing column\(s\) \['plain', 'practice'\]"):
        cat.read_skills(file)


# --- pay where the person lives -----------------------------------------------------------

OHIO = "3900000"


def test_area_choices_start_with_the_nation_then_states(catalog: pd.DataFrame) -> None:
    choices = local_pay.area_choices(catalog)
    assert choices[0][1] == ""
    names = [name for name, code in choices if code.endswith("00000") and code != "0000000"]
    assert "Ohio" in names and len(names) >= 50


def test_state_pay_replaces_national_pay_row_by_row(catalog: pd.DataFrame) -> None:
    wages = pd.read_csv(ROOT / "data" / "catalog" / "area_wages.csv.gz", dtype=str)
    ohio = wages[wages["area_code"] == OHIO].set_index("soc_code")
    local = local_pay.local_pay(catalog, OHIO)
    code = "15-1252.00"
    assert local.at[code, "median_wage"] == float(ohio.at["15-1252", "median_wage"])
    assert local.at[code, "wage_p90"] == float(ohio.at["15-1252", "wage_p90"])
    assert local.at[code, "pay_area"] == "Ohio"
    national = local["pay_area"] == local_pay.NATION_NAME
    assert national.any(), "occupations BLS has no Ohio figure for keep the national pay"
    assert (local.loc[national, "median_wage"] == catalog.loc[national, "median_wage"]).all()
    no_pay = catalog["median_wage"].isna() & catalog["hourly_median_wage"].isna()
    assert local["pay_area"].isna().equals(no_pay)  # an hourly-only median is a figure too


def test_no_area_or_an_unknown_one_keeps_national_pay(catalog: pd.DataFrame) -> None:
    for area in ("", "9999999"):
        local = local_pay.local_pay(catalog, area)
        assert local["median_wage"].equals(catalog["median_wage"])
    assert local_pay.area_name("9999999", catalog) == "unknown area 9999999"


def test_catalog_for_uses_the_plan_area(workspace: Path) -> None:
    plan = Plan()
    plan.profile.area = OHIO
    assert (catalog_for(plan)["pay_area"] == "Ohio").sum() > 500
