"""A catalog's other tables (sources, skill ratings, titles, related, area pay), bound to it.

Why the tables travel with the occupations: a notebook's catalog is one value, so the
table in 02, its card's related occupations, 04's skill ratings and the job-zone words
must come from one folder. :func:`careerkit.catalog.load_catalog` puts a
:class:`CatalogTables` (the folder its occupations came from) in the loaded frame's
``attrs`` under :data:`TABLES`; pandas carries ``attrs`` through copies, selections, sorts
and added columns, so every frame cut from a catalog still knows its folder, and
:func:`tables_of` gives them back. Nothing here asks which catalog is in force (that is
:mod:`careerkit.workbook`'s business). The occupations stay a plain DataFrame because every
step, chart and coach's cell already takes one; a wrapper object would change them all.

A frame that never came from a catalog folder (built by hand, or a concat with such a
frame) has no other tables: they read as empty, so the workbook says "unknown". Each
table is optional (a single CSV catalog has none) and read once per change of its file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from careerkit.catalog.schema import (
    AREA_WAGES,
    AREAS,
    OLD_SKILL_RATINGS,
    RELATED,
    SKILL_RATINGS,
    SOURCES,
    CatalogError,
)
from careerkit.catalog.skills import SKILLS
from careerkit.catalog.text_table import readable_exists

#: The key of a catalog frame's ``attrs`` that holds its :class:`CatalogTables`.
TABLES = "careerkit_catalog"

#: Every other title of each occupation (O*NET's reported, short and alternate titles).
TITLES = "titles.csv.gz"


@dataclass(frozen=True)
class CatalogInfo:
    """What a catalogue is made of, from its ``sources.json``."""

    name: str
    occupations: int | None = None
    attribution: str = ""
    job_zone_levels: int = 5
    sources: dict = field(default_factory=dict, repr=False, compare=False)

    def line(self) -> str:
        """One line for the top of a notebook."""
        count = f"{self.occupations:,} occupations" if self.occupations else "occupations"
        return f"Catalog: {count} from {self.name}."


@dataclass(frozen=True)
class CatalogTables:
    """The other tables of the catalog folder ``folder`` (None: a catalog without them)."""

    folder: Path | None

    def info(self) -> CatalogInfo:
        """The catalogue's name, size, attribution and job-zone levels."""
        if self.folder is None:
            return CatalogInfo(name="unknown sources")
        return catalog_info(self.folder)

    def titles(self) -> pd.DataFrame:
        """Every other title people use for each occupation (``code, title``), for search."""
        return search_titles(self.folder)

    def skill_ratings(self) -> pd.DataFrame:
        """Importance (1-5) and level (0-7) of each occupation's main skills, by code."""
        return skill_ratings(self.folder)

    def related(self) -> pd.DataFrame:
        """O*NET's related occupations: code, related_code, tier, rank."""
        return related(self.folder)

    def areas(self) -> pd.DataFrame:
        """The areas with pay figures, indexed by BLS area code: type, name, state."""
        return areas(self.folder)

    def area_wages(self) -> pd.DataFrame:
        """Pay by area and SOC code, indexed by both."""
        return area_wages(self.folder)

    def __deepcopy__(self, memo: dict[int, Any]) -> CatalogTables:
        return self  # immutable; pandas deep-copies ``attrs`` on every operation


def tables_of(catalog: pd.DataFrame | pd.Series) -> CatalogTables:
    """The other tables of the catalog ``catalog`` (a frame or row cut from it)."""
    found = catalog.attrs.get(TABLES)
    return found if isinstance(found, CatalogTables) else CatalogTables(None)


def with_tables(catalog: pd.DataFrame, where: Path | None) -> pd.DataFrame:
    """``catalog`` bound to the tables of the folder ``where`` (or a CSV's folder)."""
    catalog.attrs[TABLES] = CatalogTables(None if where is None else _folder(where))
    return catalog


def _folder(where: Path) -> Path:
    return where if where.is_dir() else where.parent


def _stamp(file: Path) -> int:
    return file.stat().st_mtime_ns if readable_exists(file) else 0


def catalog_info(where: Path) -> CatalogInfo:
    """The catalogue's name, size, attribution and job-zone levels."""
    file = _folder(where) / SOURCES
    return _info(file, _stamp(file))


@lru_cache(maxsize=4)
def _info(file: Path, _stamp: int) -> CatalogInfo:
    if not file.exists():
        return CatalogInfo(name=f"{file.parent.name} (no record of its sources)")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CatalogError(f"{file} cannot be read ({error}); import the catalog again.") from None
    return CatalogInfo(
        name=str(data.get("name", "unknown sources")),
        occupations=data.get("counts", {}).get("occupations"),
        attribution=str(data.get("attribution", "")),
        job_zone_levels=int(data.get("job_zone_levels", 5)),
        sources=data,
    )


def search_titles(where: Path | None) -> pd.DataFrame:
    """Every other title people use for each occupation (``code, title``), for search."""
    return _table(where, TITLES, ("code", "title"))


def skill_ratings(where: Path | None) -> pd.DataFrame:
    """Importance (1-5) and level (0-7) of each occupation's skills, indexed by code.

    All 35 skills of each rated occupation (``skills.csv.gz``), most important first; a
    catalogue imported before careerkit bundled them has only each occupation's important
    skills (``skills.csv``), read as before. NaN: unknown (O*NET suppresses the value).
    """
    columns = ("code", "skill", "importance", "level")
    if where is None:  # a frame that never came from a folder: no ratings, never another's
        return pd.DataFrame(columns=list(columns)).set_index("code")
    folder = _folder(where)
    file = folder / SKILL_RATINGS
    if not readable_exists(file) and readable_exists(folder / OLD_SKILL_RATINGS):
        file = folder / OLD_SKILL_RATINGS
    return _checked_ratings(file, _stamp(file))


#: The range of each skill-rating column (O*NET's IM and LV scales).
RATING_RANGES = {"importance": (1.0, 5.0), "level": (0.0, 7.0)}


@lru_cache(maxsize=4)
def _checked_ratings(file: Path, _stamp: int) -> pd.DataFrame:
    """The skill ratings with every figure checked: a bad one names file, row and column."""
    frame = _read(file, _stamp, ("code", "skill", "importance", "level")).copy()
    unknown = ~frame["skill"].isin(SKILLS)
    if unknown.any():
        i = int(unknown.to_numpy().argmax())
        raise CatalogError(
            f"{file}, row {i + 2} ({frame['code'].iat[i]}), column 'skill': "
            f"{frame['skill'].iat[i]!r} is not one of O*NET's 35 skills; import the catalog again."
        )
    for column, (low, high) in RATING_RANGES.items():
        values = pd.to_numeric(frame[column], errors="coerce")
        bad = (values.isna() & frame[column].notna()) | (values < low) | (values > high)
        if bad.any():
            i = int(bad.to_numpy().argmax())
            raise CatalogError(
                f"{file}, row {i + 2} ({frame['code'].iat[i]}, {frame['skill'].iat[i]}), "
                f"column {column!r}: {frame[column].iat[i]!r} is not a number from {low:g} "
                f"to {high:g}; import the catalog again."
            )
        frame[column] = values.astype(float)
    return frame.set_index("code")


def related(where: Path | None) -> pd.DataFrame:
    """O*NET's related occupations: code, related_code, tier, rank."""
    return _table(where, RELATED, ("code", "related_code", "tier", "rank"))


def areas(where: Path | None) -> pd.DataFrame:
    """The areas with pay figures, indexed by BLS area code: type (N, S, M), name, state."""
    columns = ("area_code", "area_type", "area_name", "state_fips")
    return _table(where, AREAS, columns).set_index("area_code")


def area_wages(where: Path | None) -> pd.DataFrame:
    """Pay by area and SOC code (employment, percentiles, BLS's note), indexed by both."""
    columns = ("area_code", "soc_code", "employment", "median_wage", "median_note")
    return _table(where, AREA_WAGES, columns).set_index(["area_code", "soc_code"])


def _table(where: Path | None, name: str, columns: tuple[str, ...]) -> pd.DataFrame:
    if where is None:
        return pd.DataFrame(columns=list(columns))
    file = _folder(where) / name
    return _read(file, _stamp(file), columns)


@lru_cache(maxsize=8)
def _read(file: Path, _stamp: int, columns: tuple[str, ...]) -> pd.DataFrame:
    if not file.exists():
        return pd.DataFrame(columns=list(columns))
    text = {"area_code": str, "state_fips": str, "soc_code": str, "median_note": str}
    try:
        frame = pd.read_csv(file, dtype=text, keep_default_na=False, na_values=[""])
    except (OSError, ValueError, EOFError) as error:  # EOFError: a gzip file cut short
        raise CatalogError(f"{file} cannot be read ({error}); import the catalog again.") from None
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise CatalogError(f"{file}: missing column(s) {missing}; import the catalog again.")
    return frame
