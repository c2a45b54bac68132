"""Loading a catalog: ``occupations.csv`` (and a coach's extra CSV files) read and checked.

A catalog is a folder (``data/catalog/`` bundled, or one made by
``careerkit catalog import-onet``) whose ``occupations.csv`` has one row per occupation in
the columns of :mod:`careerkit.catalog.schema` (documented in ``data/README.md``), beside
the skill ratings, related occupations, pay by area and a record of sources
(:mod:`careerkit.catalog.tables`). A coach's local occupations go in extra CSV files with
the same columns, merged at load. The loader is handed which catalog to read: which one
is in force (the environment, the workspace, a workshop's choice) is decided by
:mod:`careerkit.workbook`, which also adds the workspace's ``local_occupations.csv``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from careerkit.catalog.schema import (
    CODE,
    COLUMNS,
    EDUCATION,
    HOURS,
    JOB_ZONES,
    LESS_RELIABLE,
    OCCUPATIONS,
    OUTLOOKS,
    REQUIRED,
    SCHEDULES,
    THEMES,
    WAGE_NOTES,
    CatalogError,
)
from careerkit.catalog.skills import SKILLS
from careerkit.catalog.tables import with_tables
from careerkit.catalog.text_table import read_text_table, readable_exists
from careerkit.catalog.values import outlook_label


def occupations_file(where: Path) -> Path:
    """The occupations CSV of a catalogue folder, or the CSV itself."""
    return where / OCCUPATIONS if where.is_dir() else where


def load_catalog(
    path: str | os.PathLike[str], extra: Iterable[str | os.PathLike[str]] = ()
) -> pd.DataFrame:
    """Load and check the occupation catalogue at ``path``, indexed by O*NET-SOC code.

    ``path`` is a catalogue folder or CSV; the frame carries that folder's other tables
    (:func:`careerkit.catalog.tables.tables_of`). ``extra`` CSV files (same columns) are
    appended. Raises :class:`CatalogError` naming the file, row and column of the first
    problem found. ``careerkit.load_catalog()`` (:mod:`careerkit.workbook`) loads the
    catalogue in force.
    """
    where = Path(path).expanduser()
    files = [occupations_file(where), *map(Path, extra)]
    frames = [_load_file(f, f.stat().st_mtime_ns if readable_exists(f) else 0) for f in files]
    catalog = pd.concat(frames) if len(frames) > 1 else frames[0]
    dupes = catalog.index[catalog.index.duplicated()].unique()
    if len(dupes):
        raise CatalogError(
            f"Occupation code {dupes[0]!r} appears more than once across "
            f"{', '.join(map(str, files))}; each code may appear only once "
            "(give a local occupation its own 'local-...' code)."
        )
    return with_tables(catalog.copy(), where)


@lru_cache(maxsize=8)
def _load_file(file: Path, _mtime: int) -> pd.DataFrame:
    raw = read_text_table(file)
    missing = [c for c in REQUIRED if c not in raw.columns]
    if missing:
        raise CatalogError(
            f"{file}: missing column(s) {missing}; the header row must name at least "
            f"{list(REQUIRED)} (see data/README.md)."
        )
    raw = raw.reindex(columns=list(COLUMNS), fill_value="").apply(lambda col: col.str.strip())
    for column in REQUIRED:
        _check(file, raw, column, raw[column] != "", "is empty")
    code_ok = raw["code"].str.match(CODE)
    _check(file, raw, "code", code_ok, "is not an O*NET-SOC code like 15-1252.00")
    dupes = raw["code"].duplicated(keep="first")
    _check(file, raw, "code", ~dupes, "repeats a code used on an earlier row")
    frame = pd.DataFrame(index=pd.Index(raw["code"], name="code", dtype="string"))
    for column, dtype in COLUMNS.items():
        if column == "code":
            continue
        if dtype == "string":
            frame[column] = raw[column].replace("", None).to_numpy()
            frame[column] = frame[column].astype("string")
        else:
            numbers = pd.to_numeric(raw[column].replace("", None), errors="coerce")
            bad = numbers.isna() & (raw[column] != "")
            _check(file, raw, column, ~bad, "is not a number")
            _check(file, raw, column, ~np.isinf(numbers), "is not a finite number")
            if dtype == "Int64":
                whole = numbers.isna() | (numbers % 1 == 0)
                _check(file, raw, column, whole, "is not a whole number")
            frame[column] = numbers.to_numpy()
            frame[column] = frame[column].astype(dtype)
    _check_values(file, raw, frame)
    missing_label = frame["outlook"].isna() & frame["outlook_pct"].notna()
    frame.loc[missing_label, "outlook"] = [
        outlook_label(p) for p in frame.loc[missing_label, "outlook_pct"]
    ]
    return frame


def _check_values(file: Path, raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    letters = frame[list(THEMES)]
    for letter in THEMES:
        ok = letters[letter].between(1, 7).to_numpy()
        _check(file, raw, letter, ok, "is outside the interest scale 1-7")
    _check(file, raw, "job_zone", frame["job_zone"].isin(JOB_ZONES).to_numpy(), "is not 1-5")
    ok_education = raw["education"].isin((*EDUCATION, ""))
    _check(file, raw, "education", ok_education, f"is not one of BLS's {EDUCATION}")
    ok_outlook = raw["outlook"].isin((*OUTLOOKS, ""))
    _check(file, raw, "outlook", ok_outlook, f"is not one of BLS's {OUTLOOKS}")
    ok_schedule = raw["schedule"].isin((*SCHEDULES, ""))
    _check(file, raw, "schedule", ok_schedule, f"is not one of {SCHEDULES}")
    ok_hours = raw["hours_per_week"].isin((*HOURS, ""))
    _check(file, raw, "hours_per_week", ok_hours, f"is not one of O*NET's {HOURS}")
    for column in ("hours_pct", "schedule_pct"):
        share = frame[column]
        _check(file, raw, column, (share.isna() | share.between(0, 100)).to_numpy(), "is not 0-100")
    ok_reliable = raw["onet_education_note"].isin((LESS_RELIABLE, ""))
    _check(file, raw, "onet_education_note", ok_reliable, f"is not {LESS_RELIABLE!r} or empty")
    ok_note = raw["wage_note"].isin((*WAGE_NOTES, ""))
    _check(file, raw, "wage_note", ok_note, f"is not one of {WAGE_NOTES} or empty")
    ok_code = raw["interest_code"].str.fullmatch(r"(?!.*(.).*\1)[RIASEC]{0,6}")
    _check(file, raw, "interest_code", ok_code, "is not a code of RIASEC letters like SCR")
    for column in (
        "median_wage",
        "wage_p10",
        "wage_p25",
        "wage_p75",
        "wage_p90",
        "hourly_median_wage",
    ):
        wage = frame[column]
        _check(file, raw, column, (wage.isna() | (wage > 0)).to_numpy(), "is not positive")
    for i, cell in enumerate(raw["skills"]):
        unknown = [s for s in _split(cell) if s not in SKILLS]
        if unknown:
            raise CatalogError(
                f"{file}, row {i + 2} ({raw['code'].iat[i]}), column 'skills': unknown skill "
                f"{unknown[0]!r}; use O*NET skill names such as {SKILLS[0]!r}, separated by ';'."
            )


def _check(file: Path, raw: pd.DataFrame, column: str, ok, problem: str) -> None:
    ok = pd.Series(ok, index=raw.index).fillna(False).astype(bool)
    if not ok.all():
        i = int((~ok).to_numpy().argmax())
        raise CatalogError(
            f"{file}, row {i + 2} ({raw['code'].iat[i] or 'no code'}), column {column!r}: "
            f"value {raw[column].iat[i]!r} {problem}."
        )


def _split(cell: Any) -> list[str]:
    return [] if pd.isna(cell) else [s.strip() for s in str(cell).split(";") if s.strip()]


def skills_of(catalog: pd.DataFrame, code: str) -> list[str]:
    """The occupation's most important skills, most important first."""
    return _split(catalog.at[code, "skills"])
