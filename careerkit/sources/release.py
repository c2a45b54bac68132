"""An O*NET release on disk: find its tables in a folder or a zip, in any official format.

O*NET publishes each release as tab-delimited text (``Interests.txt``), Excel
(``Interests.xlsx``) and CSV (``interests.csv``, lower-case with underscores; 30.x renamed
some tables, e.g. ``career_interest_types.csv``). The columns are the same in all three,
so a table is found by any of its known names and read into strings, whatever the format.
Sub-folders are searched too (a release with a few files from another format beside it).
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pandas as pd

#: Table -> its file names in the releases we know (without extension), newest last.
TABLES: dict[str, tuple[str, ...]] = {
    "occupations": ("Occupation Data", "occupation_data"),
    "interests": ("Interests", "interests", "Career Interest Types", "career_interest_types"),
    "job_zones": ("Job Zones", "job_zones"),
    "job_zone_reference": ("Job Zone Reference", "job_zone_reference"),
    "skills": ("Skills", "skills"),
    "essential_skills": ("Essential Skills", "essential_skills"),
    "transferable_skills": ("Transferable Skills", "transferable_skills"),
    "alternate_titles": ("Alternate Titles", "alternate_titles", "Job Titles", "job_titles"),
    "reported_titles": ("Sample of Reported Titles", "sample_of_reported_titles"),
    "related": ("Related Occupations", "related_occupations"),
    "education": ("Education, Training, and Experience", "education_training_and_experience"),
    "education_rl": ("education",),  # 30.x: the required-level part on its own
    "education_categories": (
        "Education, Training, and Experience Categories",
        "education_training_and_experience_categories",
        "education_categories",
    ),
}
#: Columns each table must have (the rest are optional).
NEEDS: dict[str, tuple[str, ...]] = {
    "occupations": ("O*NET-SOC Code", "Title", "Description"),
    "interests": ("O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"),
    "job_zones": ("O*NET-SOC Code", "Job Zone"),
    "job_zone_reference": ("Job Zone", "Name"),
    "skills": ("O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"),
    "essential_skills": ("O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"),
    "transferable_skills": ("O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"),
    "alternate_titles": ("O*NET-SOC Code",),
    "reported_titles": ("O*NET-SOC Code", "Reported Job Title"),
    "related": ("O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"),
    "education": ("O*NET-SOC Code", "Scale ID", "Category", "Data Value"),
    "education_rl": ("O*NET-SOC Code", "Scale ID", "Category", "Data Value"),
    "education_categories": ("Scale ID", "Category", "Category Description"),
}
_FORMATS = (".txt", ".csv", ".xlsx")  # preferred first when one table comes in several
_README = re.compile(r"O\*NET\s+(\d+\.\d+)\s+Database", re.IGNORECASE)


class ReleaseError(ValueError):
    """The release cannot be read: missing file, changed columns, not an O*NET release."""


@dataclass
class Release:
    """The tables of one O*NET release, found by name; read on demand."""

    path: Path
    release: str | None  # e.g. "30.3", from the release's "Read Me.txt"
    _files: dict[str, str] = field(default_factory=dict)  # table -> member path
    _readmes: dict[str, str] = field(default_factory=dict)  # folder -> release

    def has(self, table: str) -> bool:
        return table in self._files

    def file(self, table: str) -> str:
        """The table's file, relative to the release (e.g. ``excel/Skills.xlsx``)."""
        return self._files[table]

    def table_release(self, table: str) -> str | None:
        """The release named by a "Read Me.txt" in the table's own folder, if any."""
        return self._readmes.get(str(PurePosixPath(self._files[table]).parent))

    def read(self, table: str) -> pd.DataFrame:
        """The whole table as strings (empty cells are ""), its columns checked."""
        if table not in self._files:
            names = " or ".join(f"'{n}'" for n in TABLES[table])
            raise ReleaseError(
                f"{self.path}: no {names} file (.txt, .csv or .xlsx) found; it is needed "
                "for the import. Is this a complete O*NET database release?"
            )
        member = self._files[table]
        data = self._bytes(member)
        suffix = PurePosixPath(member).suffix.lower()
        where = f"{self.path / member}"
        try:
            if suffix == ".xlsx":
                frame = pd.read_excel(io.BytesIO(data), dtype=str, engine="calamine")
            else:
                text = io.StringIO(data.decode("utf-8-sig", errors="replace"))
                tabbed = {"sep": "\t", "quoting": csv.QUOTE_NONE} if suffix == ".txt" else {}
                frame = pd.read_csv(text, dtype=str, keep_default_na=False, **tabbed)
        except (ValueError, pd.errors.ParserError) as error:
            raise ReleaseError(f"{where}: cannot be read as a table ({error}).") from error
        frame = frame.fillna("").astype(str)
        frame.columns = [str(c).strip() for c in frame.columns]
        missing = [c for c in NEEDS.get(table, ()) if c not in frame.columns]
        if missing:
            raise ReleaseError(
                f"{where}: column(s) {missing} not found (columns are {list(frame.columns)}); "
                "the file's layout has changed or it is not an O*NET table."
            )
        return frame.apply(lambda col: col.str.strip())

    def _bytes(self, member: str) -> bytes:
        if self.path.is_dir():
            return (self.path / member).read_bytes()
        with zipfile.ZipFile(self.path) as archive:
            return archive.read(member)


def open_release(path: str | os.PathLike[str]) -> Release:
    """Find the tables of the O*NET release at ``path`` (a folder or a ``.zip``)."""
    path = Path(path).expanduser()
    if path.is_dir():
        members = [p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()]
    elif path.is_file() and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [n for n in archive.namelist() if not n.endswith("/")]
    elif path.exists():
        raise ReleaseError(f"{path} is neither a folder nor a zip file; give an O*NET release.")
    else:
        raise ReleaseError(f"{path} does not exist; give the folder or zip of an O*NET release.")
    release = Release(path, None)
    by_name: dict[str, list[str]] = {}
    for member in members:
        pure = PurePosixPath(member)
        if pure.name.startswith(("._", ".")) or "__MACOSX" in pure.parts:
            continue
        by_name.setdefault(pure.stem.casefold(), []).append(member)
        if pure.name.casefold() == "read me.txt":
            match = _README.search(release._bytes(member)[:400].decode("utf-8", "replace"))
            if match:
                release._readmes[str(pure.parent)] = match.group(1)
    for table, names in TABLES.items():
        found = [m for n in names for m in by_name.get(n.casefold(), [])]
        found = [m for m in found if PurePosixPath(m).suffix.lower() in _FORMATS]
        if found:  # shallowest first, then text, CSV, Excel
            found.sort(key=lambda m: (m.count("/"), _FORMATS.index(PurePosixPath(m).suffix)))
            release._files[table] = found[0]
    if not release.has("occupations") or not release.has("interests"):
        raise ReleaseError(
            f"{path} does not look like an O*NET database release: no 'Occupation Data' and "
            "'Interests' (or 'career_interest_types') tables were found in it."
        )
    top = sorted(release._readmes.items(), key=lambda item: item[0].count("/"))
    release.release = top[0][1] if top else None
    return release
