"""The bundled occupation catalogue, the loader's checks and the OEWS wage refresh."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from careerkit import catalog as cat
from careerkit import oews
from careerkit.catalog import COLUMNS, SKILLS, THEMES, CatalogError, load_catalog
from tests.conftest import PERSONA, ROOT, SHARED

BUNDLED = ROOT / "data" / "occupations.csv"
OEWS_FILE = SHARED / "oews" / "national_2025.csv"
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


def test_every_theme_is_the_clear_top_theme_of_8_or_more(catalog: pd.DataFrame) -> None:
    scores = catalog[list(THEMES)]
    second, first = np.sort(scores.to_numpy(), axis=1)[:, -2:].T
    assert (first > second).all(), "every occupation needs a single top theme"
    counts = scores.idxmax(axis=1).value_counts()
    assert all(counts.get(theme, 0) >= 8 for theme in THEMES), counts.to_dict()


def test_every_job_zone_has_8_or_more(catalog: pd.DataFrame) -> None:
    counts = catalog["job_zone"].value_counts()
    assert all(counts.get(zone, 0) >= 8 for zone in cat.JOB_ZONES), counts.to_dict()


def test_skills_come_from_the_vocabulary(catalog: pd.DataFrame) -> None:
    lists = catalog["skills"].str.split(";")
    used = {s for skills in lists for s in skills}
    assert used <= set(SKILLS)
    assert lists.str.len().between(4, 6).all()
    assert (lists.map(lambda s: len(set(s))) == lists.str.len()).all(), "a skill repeats"


def test_text_columns_are_filled_in(catalog: pd.DataFrame) -> None:
    assert catalog["alt_titles"].str.split(";").str.len().between(2, 4).all()
    assert catalog["description"].str.endswith(".").all()
    assert catalog[["weekly_hours", "outlook_pct", "schedule"]].notna().all().all()


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


def test_missing_column_is_named(tmp_path: Path) -> None:
    path = write(raw_rows().drop(columns="weekly_hours"), tmp_path / "no_hours.csv")
    with pytest.raises(CatalogError) as error:
        load_catalog(path)
    assert str(path) in str(error.value)
    assert "weekly_hours" in str(error.value)


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("median_wage", "about 60k", "is not a number"),
        ("S", "9", "outside the interest scale 1-7"),
        ("skills", "Speaking;Juggling", "unknown skill 'Juggling'"),
        ("education", "PhD", "is not one of"),
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


def test_duplicate_code_across_files_is_rejected(tmp_path: Path) -> None:
    code = raw_rows(1).at[0, "code"]
    extra = write(local_row(code), tmp_path / "clash.csv")
    with pytest.raises(CatalogError) as error:
        load_catalog(BUNDLED, extra=[extra])
    assert repr(code) in str(error.value)
    assert str(extra) in str(error.value)


# --- outlook labels ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pct", "label"),
    [
        (-25, "declining"),
        (-1.1, "declining"),
        (-1, "little or no change"),
        (1.9, "little or no change"),
        (2, "about average"),
        (4.9, "about average"),
        (5, "faster than average"),
        (8.9, "faster than average"),
        (9, "much faster than average"),
        (40, "much faster than average"),
        (None, "unknown"),
        (float("nan"), "unknown"),
        (pd.NA, "unknown"),
    ],
)
def test_outlook_label_thresholds(pct: float | None, label: str) -> None:
    assert cat.outlook_label(pct) == label


# --- OEWS wages --------------------------------------------------------------------------


def small_oews(path: Path) -> Path:
    path.write_text(
        "soc_code,title,employment,annual_median_wage_usd,annual_mean_wage_usd\n"
        "11-1011,Chief Executives,200000,210000,260000\n"
        "27-2011,Actors,55000,,\n"
    )
    return path


def test_fill_wages_matches_on_soc_and_blanks_the_rest(tmp_path: Path) -> None:
    rows = pd.concat([raw_rows(1), local_row()], ignore_index=True)
    rows.loc[:, ["median_wage", "wage_year", "employment"]] = ["1", "1999", "1"]
    path = write(rows, tmp_path / "catalogue.csv")
    assert rows.at[0, "code"] == "11-1011.00"

    assert oews.fill_wages(path, small_oews(tmp_path / "oews.csv"), 2030) == 1
    after = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert after.loc[0, ["median_wage", "employment", "wage_year"]].tolist() == [
        "210000",
        "200000",
        "2030",
    ]
    assert after.loc[1, ["median_wage", "employment", "wage_year"]].tolist() == ["", "", ""]
    others = [c for c in rows.columns if c not in oews.WAGE_COLUMNS]
    assert after[others].equals(rows[others])


def test_read_oews_keeps_unpublished_wage_as_na(tmp_path: Path) -> None:
    table = oews.read_oews(small_oews(tmp_path / "oews.csv"))
    assert table.loc["11-1011", "median_wage"] == 210000
    assert pd.isna(table.loc["27-2011", "median_wage"])
    assert str(table["employment"].dtype) == "Int64"


def test_read_oews_rejects_a_file_without_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("code,wage\n11-1011,1\n")
    with pytest.raises(oews.OewsError) as error:
        oews.read_oews(path)
    assert str(path) in str(error.value)
    assert "annual_median_wage_usd" in str(error.value) and "soc_code" in str(error.value)


def test_read_oews_rejects_a_non_number(tmp_path: Path) -> None:
    path = small_oews(tmp_path / "oews.csv")
    path.write_text(path.read_text().replace("210000", "n/a"))
    with pytest.raises(oews.OewsError, match=r"row 2, column 'median_wage'"):
        oews.read_oews(path)


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(raw_rows(2), tmp_path / "catalogue.csv")
    source = small_oews(tmp_path / "oews.csv")
    assert oews.main([str(path), str(source), "--year", "2030"]) == 0
    assert "1 occupations updated" in capsys.readouterr().out
    assert oews.main([str(path), str(path), "--year", "2030"]) == 1
    assert "missing column(s)" in capsys.readouterr().err


needs_oews = pytest.mark.skipif(
    not OEWS_FILE.exists(), reason=f"shared OEWS file {OEWS_FILE} is not available"
)


@needs_oews
def test_catalogue_wages_equal_the_oews_file(catalog: pd.DataFrame) -> None:
    table = oews.read_oews(OEWS_FILE)
    soc = catalog.index.str[:7]
    assert soc.isin(table.index).all(), "every bundled occupation maps to an OEWS row"
    expected = table.reindex(soc)
    assert catalog["median_wage"].astype("Int64").tolist() == expected["median_wage"].tolist()
    assert catalog["employment"].tolist() == expected["employment"].tolist()
    assert (catalog["wage_year"] == 2025).all()


@needs_oews
def test_fill_wages_reproduces_the_committed_catalogue(tmp_path: Path) -> None:
    copy = tmp_path / "occupations.csv"
    shutil.copy(BUNDLED, copy)
    blank = pd.read_csv(copy, dtype=str, keep_default_na=False)
    blank[list(oews.WAGE_COLUMNS)] = ""
    write(blank, copy)
    assert oews.fill_wages(copy, OEWS_FILE, 2025) == len(blank)
    assert copy.read_bytes() == BUNDLED.read_bytes()


@pytest.mark.skipif(
    not CONTENT_MODEL.exists(), reason=f"shared O*NET file {CONTENT_MODEL} is not available"
)
def test_skills_equal_onet_content_model() -> None:
    model = pd.read_csv(CONTENT_MODEL, sep="\t", dtype=str)
    level4 = model["Element ID"].str.fullmatch(r"2\.[AB]\.\d+\.[a-z]")
    assert model.loc[level4, "Element Name"].tolist() == list(SKILLS)
