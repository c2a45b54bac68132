"""Refresh the catalogue's wages and employment from a BLS OEWS national file.

The OEWS file is the national, cross-industry table described in ``data/README.md``:
one row per detailed occupation with ``soc_code`` (``NN-NNNN``), ``employment`` and
``annual_median_wage_usd``. An O*NET-SOC code such as ``15-1252.00`` matches the OEWS
row with the same first 7 characters (``15-1252``).

Command line::

    python -m careerkit.oews data/occupations.csv path/to/national_2026.csv --year 2026
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

import pandas as pd

#: OEWS column -> name used here.
OEWS_COLUMNS = {
    "soc_code": "soc_code",
    "employment": "employment",
    "annual_median_wage_usd": "median_wage",
}
WAGE_COLUMNS = ("median_wage", "employment", "wage_year")


class OewsError(ValueError):
    """The OEWS file or the catalogue lacks the columns this module needs."""


def read_oews(path: str | os.PathLike[str]) -> pd.DataFrame:
    """OEWS national figures indexed by ``soc_code``: ``employment`` and ``median_wage``.

    Both are nullable integers (``Int64``); a wage BLS does not publish is NA.
    """
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in OEWS_COLUMNS if c not in raw.columns]
    if missing:
        raise OewsError(
            f"{path}: missing column(s) {missing}; expected an OEWS national file with "
            f"columns {list(OEWS_COLUMNS)} (see data/README.md)."
        )
    frame = raw[list(OEWS_COLUMNS)].rename(columns=OEWS_COLUMNS)
    frame["soc_code"] = frame["soc_code"].str.strip()
    for column in ("employment", "median_wage"):
        text = frame[column].str.strip().str.replace(",", "", regex=False)
        numbers = pd.to_numeric(text.replace("", None), errors="coerce")
        bad = numbers.isna() & (text != "")
        if bad.any():
            row = int(bad.to_numpy().argmax())
            raise OewsError(
                f"{path}, row {row + 2}, column {column!r}: "
                f"value {frame[column].iat[row]!r} is not a number."
            )
        frame[column] = numbers.round().astype("Int64")
    repeated = frame["soc_code"][frame["soc_code"].duplicated()]
    if len(repeated):
        raise OewsError(f"{path}: soc_code {repeated.iat[0]!r} appears more than once.")
    return frame.set_index("soc_code")


def fill_wages(catalog_csv: Path, oews_csv: Path, year: int) -> int:
    """Rewrite median_wage, employment and wage_year in ``catalog_csv`` from ``oews_csv``.

    Rows are matched on the first 7 characters of the code. Rows with no OEWS match
    (local occupations, O*NET codes OEWS publishes only as an aggregate) get empty
    cells. Other columns are written back exactly as read. Returns the number of
    rows that matched an OEWS occupation.
    """
    oews = read_oews(oews_csv)
    catalog = pd.read_csv(catalog_csv, dtype=str, keep_default_na=False)
    missing = [c for c in ("code", *WAGE_COLUMNS) if c not in catalog.columns]
    if missing:
        raise OewsError(f"{catalog_csv}: missing column(s) {missing}; see data/README.md.")
    soc = catalog["code"].str.strip().str[:7]
    matched = soc.isin(oews.index)
    found = oews.reindex(soc)
    for column in ("median_wage", "employment"):
        catalog[column] = found[column].astype("string").fillna("").to_numpy()
    catalog["wage_year"] = matched.map({True: str(year), False: ""})
    catalog.to_csv(catalog_csv, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return int(matched.sum())


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m careerkit.oews",
        description="Refresh median_wage, employment and wage_year in a careerkit "
        "catalogue CSV from a BLS OEWS national file.",
    )
    parser.add_argument("catalog_csv", type=Path, help="catalogue CSV, rewritten in place")
    parser.add_argument("oews_csv", type=Path, help="OEWS national CSV (soc_code, ...)")
    parser.add_argument("--year", type=int, required=True, help="OEWS survey year, e.g. 2025")
    args = parser.parse_args(argv)
    try:
        count = fill_wages(args.catalog_csv, args.oews_csv, args.year)
    except (OSError, OewsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{args.catalog_csv}: {count} occupations updated from {args.oews_csv} ({args.year}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
