"""The other tables of a catalogue folder: sources, skill ratings, titles, related, area pay.

Each is optional (a single CSV catalogue has none of them) and read once per change of
the file. Missing tables read as empty; the workbook then says "unknown".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from careerkit.catalog.load import catalog_dir, readable_exists
from careerkit.catalog.schema import (
    AREA_WAGES,
    AREAS,
    RELATED,
    SKILL_RATINGS,
    SOURCES,
    CatalogError,
)


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


def _folder(where: Path | None) -> Path:
    where = where or catalog_dir()
    return where if where.is_dir() else where.parent


def _stamp(file: Path) -> int:
    return file.stat().st_mtime_ns if readable_exists(file) else 0


def catalog_info(where: Path | None = None) -> CatalogInfo:
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


#: Every other title of each occupation (O*NET's reported, short and alternate titles).
TITLES = "titles.csv.gz"


def search_titles(where: Path | None = None) -> pd.DataFrame:
    """Every other title people use for each occupation (``code, title``), for search."""
    file = _folder(where) / TITLES
    return _read(file, _stamp(file), ("code", "title"))


def skill_ratings(where: Path | None = None) -> pd.DataFrame:
    """Importance (1-5) and level (0-7) of each occupation's main skills, indexed by code."""
    file = _folder(where) / SKILL_RATINGS
    return _read(file, _stamp(file), ("code", "skill", "importance", "level")).set_index("code")


def related(where: Path | None = None) -> pd.DataFrame:
    """O*NET's related occupations: code, related_code, tier, rank."""
    file = _folder(where) / RELATED
    return _read(file, _stamp(file), ("code", "related_code", "tier", "rank"))


def areas(where: Path | None = None) -> pd.DataFrame:
    """The areas with pay figures, indexed by BLS area code: type (N, S, M), name, state."""
    file = _folder(where) / AREAS
    columns = ("area_code", "area_type", "area_name", "state_fips")
    return _read(file, _stamp(file), columns).set_index("area_code")


def area_wages(where: Path | None = None) -> pd.DataFrame:
    """Pay by area and SOC code (employment, percentiles, BLS's note), indexed by both."""
    file = _folder(where) / AREA_WAGES
    columns = ("area_code", "soc_code", "employment", "median_wage", "median_note")
    return _read(file, _stamp(file), columns).set_index(["area_code", "soc_code"])


@lru_cache(maxsize=8)
def _read(file: Path, _stamp: int, columns: tuple[str, ...]) -> pd.DataFrame:
    if not file.exists():
        return pd.DataFrame(columns=list(columns))
    text = {"area_code": str, "state_fips": str, "soc_code": str, "median_note": str}
    try:
        frame = pd.read_csv(file, dtype=text, keep_default_na=False, na_values=[""])
    except (OSError, ValueError) as error:
        raise CatalogError(f"{file} cannot be read ({error}); import the catalog again.") from None
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise CatalogError(f"{file}: missing column(s) {missing}; import the catalog again.")
    return frame
