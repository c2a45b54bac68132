"""The bundled catalogue (data/catalog/): up to date with the real data, in our own words.

``python -m careerkit.catalog.sources.bundle`` generates it from ../shared (O*NET 30.3 with the
30.x Excel Skills and Alternate Titles, BLS OEWS May 2025, Employment Projections 2024-34
and BLS's crosswalk). These tests import the same files afresh and compare, and check
what the bundle promises: our own one-line descriptions (no O*NET description sentences),
BLS's figures and words, and the columns the workbook loads.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from careerkit import workbook
from careerkit.catalog import COLUMNS, load_catalog, outlook_label, tables
from careerkit.catalog.sources import bls, build, bundle
from tests.conftest import ROOT, SHARED

BUNDLED = ROOT / "data" / "catalog"
DESCRIPTIONS = ROOT / "data" / "descriptions.csv"
BUNDLED_CROSSWALK = ROOT / "data" / "nem_crosswalk.csv"
NATIONAL = SHARED / "oews" / "national_2025.csv"
ONET_DESCRIPTIONS = SHARED / "onet-30.3" / "occupation_data.csv"
#: BLS's words for a projected change (../shared/bls-ep/SOURCE.md).
BLS_WORDS = {
    "much faster than average",
    "faster than average",
    "as fast as average",
    "slower than average",
    "little or no change",
    "decline",
}
#: Everything bundle() reads from ../shared.
SHARED_FILES = (
    SHARED / "onet-30.3",
    SHARED / "oews" / "national_2025.csv",
    SHARED / "oews" / "areas_2025.csv",
    SHARED / "bls-ep" / "occupation.xlsx",
    SHARED / bundle.CROSSWALK_SOURCE,
)


def need(*paths: Path) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"real data not available (see ../shared/README.md): {', '.join(missing)}")


def text_frame(data: bytes) -> pd.DataFrame:
    """A CSV as text cells, so that a changed digit or an empty cell is a difference."""
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)


def raw_occupations() -> pd.DataFrame:
    return text_frame((BUNDLED / "occupations.csv").read_bytes())


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle rebuilt from ../shared into a temporary folder (about ten seconds).

    bundle() also rewrites data/nem_crosswalk.csv: here it writes a temporary copy instead,
    and the import reads that copy, so nothing in the repository changes.
    """
    need(*SHARED_FILES)
    where = tmp_path_factory.mktemp("fresh-bundle")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bundle, "CROSSWALK", where / BUNDLED_CROSSWALK.name)
        patch.setattr(build, "CROSSWALK", where / BUNDLED_CROSSWALK.name)
        bundle.bundle(SHARED, out=where / "catalog")
    return where


@pytest.mark.parametrize(
    "name",
    [
        "occupations.csv",
        "skills.csv.gz",
        "related.csv",
        "areas.csv",
        "area_wages.csv.gz",
        "titles.csv.gz",
    ],
)
def test_bundle_equals_a_fresh_import(fresh: Path, name: str) -> None:
    def read(path: Path) -> pd.DataFrame:
        data = path.read_bytes()
        return text_frame(gzip.decompress(data) if name.endswith(".gz") else data)

    pd.testing.assert_frame_equal(read(BUNDLED / name), read(fresh / "catalog" / name))


def test_bundle_sources_equal_a_fresh_import(fresh: Path) -> None:
    bundled = json.loads((BUNDLED / "sources.json").read_text(encoding="utf-8"))
    rebuilt = json.loads((fresh / "catalog" / "sources.json").read_text(encoding="utf-8"))
    assert bundled == rebuilt
    assert "created" not in bundled  # bundle(): the bundle changes only when its data does
    assert bundled["onet_release"] == "30.3" and bundled["job_zone_levels"] == 4


def test_bundled_crosswalk_equals_bls_workbook(fresh: Path) -> None:
    assert BUNDLED_CROSSWALK.read_bytes() == (fresh / BUNDLED_CROSSWALK.name).read_bytes()
    nem = bls.read_crosswalk(BUNDLED_CROSSWALK)
    assert nem["13-1021.00"] == "13-1020"  # SOURCE.md: 13-1021/22/23 -> 13-1020
    assert nem["25-2059.01"] == "25-2059"


# --- our own descriptions -------------------------------------------------------------


def test_every_code_has_our_own_description() -> None:
    own = text_frame(DESCRIPTIONS.read_bytes())
    assert list(own.columns) == ["code", "description"]
    assert len(own) == 923 and own["code"].is_unique
    assert (own["description"].str.strip() == own["description"]).all()
    assert (own["description"].str.len() > 20).all()
    raw = raw_occupations()
    assert len(raw) == 923
    assert sorted(raw["code"]) == sorted(own["code"])
    joined = raw.set_index("code")["description"]
    assert joined.to_dict() == own.set_index("code")["description"].to_dict()


def five_word_sequences(text: str) -> set[tuple[str, ...]]:
    words = re.sub(r"[^\w\s]", "", text.lower()).split()
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def test_no_description_shares_five_words_in_a_row_with_onet() -> None:
    need(ONET_DESCRIPTIONS)
    with ONET_DESCRIPTIONS.open(encoding="utf-8-sig", newline="") as file:
        onet = {r["O*NET-SOC Code"]: r["Description"] for r in csv.DictReader(file)}
    own = text_frame(DESCRIPTIONS.read_bytes()).set_index("code")["description"]
    assert set(own.index) <= set(onet)
    shared = {
        code: sorted(
            " ".join(s) for s in five_word_sequences(text) & five_word_sequences(onet[code])
        )
        for code, text in own.items()
    }
    shared = {code: seqs for code, seqs in shared.items() if seqs}
    assert not shared, f"descriptions repeating O*NET's words: {shared}"


def test_onet_descriptions_are_not_bundled() -> None:
    raw = raw_occupations()
    assert "onet_description" in raw.columns
    assert (raw["onet_description"] == "").all()
    assert load_catalog(BUNDLED)["onet_description"].isna().all()


# --- BLS figures and words ---------------------------------------------------------------


def test_every_wage_equals_the_national_oews_file() -> None:
    need(NATIONAL)
    with NATIONAL.open(encoding="utf-8", newline="") as file:
        national = {r["soc_code"]: r for r in csv.DictReader(file)}
    catalog = load_catalog(BUNDLED)
    exact = catalog[catalog.index.str[:7].isin(list(national))]
    assert len(exact) > 800
    for code, row in catalog.iterrows():
        if code[:7] in national:
            assert row["wage_soc"] == code[:7], code
        if pd.isna(row["wage_soc"]):
            assert row[["median_wage", "employment", "wage_year"]].isna().all(), code
            continue
        published = national[row["wage_soc"]]  # exact SOC, or BLS's aggregate
        median = published["annual_median_wage_usd"]
        expected = float(median) if median else None
        assert (None if pd.isna(row["median_wage"]) else row["median_wage"]) == expected, code
        assert row["employment"] == int(published["employment"]), code
        assert row["wage_title"] == published["title"], code
        assert row["wage_year"] == 2025, code


def test_outlook_labels_are_bls_words_for_the_projected_change() -> None:
    sources = json.loads((BUNDLED / "sources.json").read_text(encoding="utf-8"))
    average = sources["projections"]["average_pct"]
    raw = raw_occupations()
    assert set(raw["outlook"]) <= BLS_WORDS | {""}
    catalog = load_catalog(BUNDLED)
    assert set(catalog["outlook"].dropna()) <= BLS_WORDS
    assert (catalog["outlook"].isna() == catalog["outlook_pct"].isna()).all()
    for code, row in catalog[catalog["outlook_pct"].notna()].iterrows():
        assert row["outlook"] == outlook_label(row["outlook_pct"], average), code


# --- loading the bundle ----------------------------------------------------------------


def test_load_catalog_of_the_bundle_is_indexed_by_code_with_column_types() -> None:
    for catalog in (load_catalog(BUNDLED), workbook.load_catalog()):  # the default: the bundle
        assert catalog.index.name == "code"
        assert str(catalog.index.dtype) == COLUMNS["code"]
        assert catalog.index.is_unique and len(catalog) == 923
        assert list(catalog.columns) == [c for c in COLUMNS if c != "code"]
        wrong = {c: str(t) for c, t in catalog.dtypes.items() if str(t) != COLUMNS[c]}
        assert not wrong, wrong


def test_bundle_tables_agree_with_each_other() -> None:
    catalog = load_catalog(BUNDLED)
    ratings = tables.skill_ratings(BUNDLED)
    assert set(ratings.index) == set(catalog["skills"].dropna().index)
    related = tables.related(BUNDLED)
    assert set(related["code"]) | set(related["related_code"]) <= set(catalog.index)
    pay = tables.area_wages(BUNDLED)
    assert set(pay.index.get_level_values("soc_code")) <= set(catalog["wage_soc"].dropna())
    areas = tables.areas(BUNDLED)
    assert set(pay.index.get_level_values("area_code")) <= set(areas.index)
    assert set(areas["area_type"]) == {"N", "S"}  # bundle(): nation and states only
    info = tables.catalog_info(BUNDLED)
    assert info.occupations == len(catalog) and info.job_zone_levels == 4
    assert "O*NET 30.3 Database" in info.attribution and "CC BY 4.0" in info.attribution
