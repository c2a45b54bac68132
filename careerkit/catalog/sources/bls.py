"""BLS files: OEWS wages (national and by area), Employment Projections, and the crosswalk.

Every reader returns plain figures as BLS published them (numbers as floats, empty where
BLS published none) and raises :class:`BlsError` naming the file and column otherwise.
O*NET-SOC codes join BLS's 2018 SOC codes by their first 7 characters (``15-1252.00`` ->
``15-1252``); where BLS publishes only a combined code (``13-1020``), BLS's O*NET-SOC to
National Employment Matrix crosswalk gives it.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import cast

import numpy as np
import pandas as pd

from careerkit.catalog.sources.archive import read_workbook

#: OEWS column -> catalogue column (national file, or the areas file's percentiles).
WAGE_COLUMNS = {
    "employment": "employment",
    "annual_p10_usd": "wage_p10",
    "annual_p25_usd": "wage_p25",
    "annual_median_wage_usd": "median_wage",
    "annual_median_usd": "median_wage",
    "annual_p75_usd": "wage_p75",
    "annual_p90_usd": "wage_p90",
    "hourly_median_usd": "hourly_median_wage",  # BLS's only pay figure for a few occupations
}
AREA_COLUMNS = ("area_type", "area_code", "area_name", "state_fips", "soc_code")
#: Employment Projections, Table 1.2: column (its start; years follow) -> catalogue column.
PROJECTION_COLUMNS = {
    "National Employment Matrix title": "projection_title",
    "National Employment Matrix code": "projection_code",
    "Occupation type": "type",
    "Employment change, percent,": "outlook_pct",
    "Occupational openings,": "openings",
    "Typical education needed for entry": "education",
    "Work experience in a related occupation": "experience",
    "Typical on-the-job training needed": "training",
}
CROSSWALK_COLUMNS = ("O*NET-SOC Code", "NEM Code")


class BlsError(ValueError):
    """A BLS file lacks the columns needed, or a figure is not a number."""


def _numbers(frame: pd.DataFrame, columns: list[str], path: Path) -> pd.DataFrame:
    for column in columns:
        text = frame[column].astype(str).str.strip().str.replace(",", "", regex=False)
        text = text.replace({"—": "", "-": "", "nan": "", "None": ""})
        numbers = pd.to_numeric(text.replace("", None), errors="coerce")
        bad = numbers.isna() & (text != "") | ~np.isfinite(numbers.fillna(0))
        if bad.any():
            row = int(bad.to_numpy().argmax())
            raise BlsError(
                f"{path}, row {row + 2}, column {column!r}: "
                f"value {frame[column].iat[row]!r} is not a number."
            )
        frame[column] = numbers.astype(float)
    return frame


def _read_csv(path: Path) -> pd.DataFrame:
    """The file's cells as text; the same file is parsed once (an import reads the 31 MB
    areas file for its nation rows and for its areas). Callers select, never modify."""
    try:
        stat = path.stat()
    except OSError:
        stat = None
    return _parse_csv(path, stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0)


@lru_cache(maxsize=1)
def _parse_csv(path: Path, _mtime: int, _size: int) -> pd.DataFrame:
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        detail = " ".join(str(error).split())
        raise BlsError(
            f"{path} is not a CSV table of BLS figures ({detail}); give the BLS file in the "
            "layout data/README.md describes."
        ) from error


def read_wages(path: str | os.PathLike[str]) -> pd.DataFrame:
    """National wages by SOC code: ``employment``, ``median_wage`` and the percentiles.

    ``path`` is the national OEWS file or the file by area (its nation rows are used).
    Percentile, hourly median and ``median_note`` columns are present only where the
    file has them.
    """
    path = Path(path)
    raw = _read_csv(path)
    if "area_type" in raw.columns:
        raw = raw[(raw["area_type"] == "N")]
    wanted = [c for c in WAGE_COLUMNS if c in raw.columns]
    if "soc_code" not in raw.columns or "employment" not in wanted or len(wanted) < 2:
        raise BlsError(
            f"{path}: expected a BLS OEWS file with columns soc_code, employment and "
            f"annual_median_wage_usd (or annual_median_usd); found {list(raw.columns)}."
        )
    titles = ["title"] if "title" in raw.columns else []
    frame = _numbers(raw[["soc_code", *titles, *wanted]].copy(), wanted, path)
    frame = frame.rename(columns=WAGE_COLUMNS | {"title": "wage_title"})
    if "median_note" in raw.columns:
        frame["median_note"] = raw["median_note"].to_numpy()
    repeated = frame["soc_code"][frame["soc_code"].duplicated()]
    if len(repeated):
        raise BlsError(f"{path}: soc_code {repeated.iat[0]!r} appears more than once.")
    return frame.set_index("soc_code")


def read_areas(path: str | os.PathLike[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The areas (code, type, name, state) and their wages by area and SOC code.

    Wages hold ``employment``, the five percentiles and BLS's ``median_note``.
    """
    path = Path(path)
    raw = _read_csv(path)
    needed = [*AREA_COLUMNS, "annual_median_usd", "employment"]
    missing = [c for c in needed if c not in raw.columns]
    if missing:
        raise BlsError(
            f"{path}: missing column(s) {missing}; expected BLS OEWS figures by area "
            "(see the data README)."
        )
    areas = (
        raw[["area_code", "area_type", "area_name", "state_fips"]]
        .drop_duplicates("area_code")
        .set_index("area_code")
    )
    wanted = [c for c in WAGE_COLUMNS if c in raw.columns]
    wages = _numbers(raw[["area_code", "soc_code", *wanted]].copy(), wanted, path)
    wages = wages.rename(columns=WAGE_COLUMNS)
    wages["median_note"] = raw["median_note"] if "median_note" in raw else ""
    return areas, wages


def read_projections(path: str | os.PathLike[str]) -> tuple[pd.DataFrame, float, str]:
    """BLS Employment Projections by matrix code, the all-occupations percent change, years.

    ``path`` is BLS's ``occupation.xlsx`` (sheet "Table 1.2") or a CSV of that table.
    ``openings`` is in jobs a year (BLS publishes thousands); years read e.g. "2024-34".
    """
    path = Path(path)
    try:
        if path.suffix.lower() == ".xlsx":  # checked first: text, HTML, a zip bomb
            options = {"sheet_name": "Table 1.2", "header": 1, "keep_default_na": False}
            raw = read_workbook(path.read_bytes(), str(path), **options)
        else:
            raw = _read_csv(path)
    except (OSError, ValueError) as error:
        raise BlsError(
            f"{path}: cannot read the projections table 'Table 1.2' ({error}); expected BLS's "
            "Employment Projections occupation.xlsx."
        ) from error
    columns = {}
    for start, name in PROJECTION_COLUMNS.items():
        found = [c for c in map(str, raw.columns) if start in c]
        if not found and name == "projection_title":  # optional: the group is then unnamed
            continue
        if not found:
            raise BlsError(f"{path}: no column starting {start!r} in the projections table.")
        columns[found[0]] = name
    years = re.search(r"(\d{4})[–-](\d\d)", next(c for c in columns if "percent" in c))
    raw = raw[list(columns)].rename(columns=columns).fillna("")
    if "projection_title" not in raw:
        raw["projection_title"] = ""
    raw = raw.apply(lambda col: col.astype(str).str.strip())
    frame = _numbers(raw.copy(), ["outlook_pct", "openings"], path)
    total = frame.loc[frame["projection_code"] == "00-0000", "outlook_pct"]
    frame = frame[frame["type"] == "Line item"].drop(columns="type")
    frame["openings"] = (frame["openings"] * 1000).round()
    mean = float(cast(float, total.iat[0])) if len(total) else np.nan
    span = f"{years.group(1)}-{years.group(2)}" if years else "years not stated"
    return frame.set_index("projection_code"), mean, span


def read_crosswalk(path: str | os.PathLike[str]) -> pd.Series:
    """O*NET-SOC code -> BLS National Employment Matrix code.

    ``path`` is BLS's crosswalk workbook (header on row 5) or a CSV with columns
    ``onet_code`` and ``nem_code`` (the compact copy bundled in ``data/``).
    """
    path = Path(path)
    try:
        if path.suffix.lower() == ".xlsx":
            raw = pd.read_excel(path, header=4, dtype=str, engine="calamine").fillna("")
            raw = raw.rename(
                columns=dict(zip(CROSSWALK_COLUMNS, ("onet_code", "nem_code"), strict=True))
            )
        else:
            raw = _read_csv(path)
    except (OSError, ValueError) as error:
        raise BlsError(f"{path}: cannot be read as the BLS crosswalk ({error}).") from error
    if "onet_code" not in raw.columns or "nem_code" not in raw.columns:
        raise BlsError(
            f"{path}: expected BLS's O*NET-SOC to NEM crosswalk (columns "
            f"{list(CROSSWALK_COLUMNS)}) or a CSV with onet_code and nem_code."
        )
    raw = raw[(raw["onet_code"].str.strip() != "") & (raw["nem_code"].str.strip() != "")]
    return raw.drop_duplicates("onet_code").set_index("onet_code")["nem_code"].str.strip()
