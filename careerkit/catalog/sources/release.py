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
from typing import Any

import pandas as pd

from careerkit.catalog.sources import archive
from careerkit.errors import ForThePerson

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
    "work_context": ("Work Context", "work_context"),
    "work_context_categories": ("Work Context Categories", "work_context_categories"),
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
    "work_context": ("O*NET-SOC Code", "Element ID", "Scale ID", "Category", "Data Value"),
    "work_context_categories": ("Element ID", "Scale ID", "Category", "Category Description"),
}
#: Columns that hold O*NET-SOC codes, checked on every row of every table.
CODE_COLUMNS = ("O*NET-SOC Code", "Related O*NET-SOC Code")
SOC_CODE = r"\d\d-\d{4}\.\d\d"
_FORMATS = (".txt", ".csv", ".xlsx")  # preferred first when one table comes in several
_README = re.compile(r"O\*NET\s+(\d+\.\d+)\s+Database", re.IGNORECASE)


class ReleaseError(ForThePerson, ValueError):
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
        where = self.where(table)
        try:
            if suffix == ".xlsx":
                frame = archive.read_workbook(data, where)
            else:
                text = io.StringIO(_text(data, where))
                tabbed: dict[str, Any] = (
                    {"sep": "\t", "quoting": csv.QUOTE_NONE} if suffix == ".txt" else {}
                )
                frame = pd.read_csv(
                    text, dtype=str, keep_default_na=False, skip_blank_lines=False, **tabbed
                )
        except archive.ArchiveError as error:
            raise ReleaseError(str(error)) from None
        except (ValueError, pd.errors.ParserError) as error:
            raise ReleaseError(
                f"{where}: cannot be read as a table ({error}). Use the release's original "
                "file: download the release again."
            ) from None
        frame = frame.fillna("").astype(str)
        frame.columns = [str(c).strip() for c in frame.columns]
        missing = [c for c in NEEDS.get(table, ()) if c not in frame.columns]
        if missing:
            raise ReleaseError(
                f"{where}: column(s) {missing} not found (columns are {list(frame.columns)}); "
                "the file's layout has changed or it is not an O*NET table."
            )
        frame = frame.apply(lambda col: col.str.strip())
        frame = frame[(frame != "").any(axis=1)]  # blank lines; the index keeps line numbers
        for column in CODE_COLUMNS:
            if column in frame.columns:
                bad = ~frame[column].str.fullmatch(SOC_CODE)
                if bad.any():
                    raise self.bad_cell(table, frame, column, bad, "is not an O*NET-SOC code")
        return frame

    def bad_cell(
        self, table: str, frame: pd.DataFrame, column: str, bad: pd.Series, problem: str
    ) -> ReleaseError:
        """The error for the first row marked ``bad``: file, line, column, value, problem."""
        index = frame.index[int(bad.to_numpy().argmax())]
        value = str(frame.at[index, column])
        shown = repr(value if len(value) <= 40 else value[:40] + "...")
        return ReleaseError(
            f"{self.where(table, index)}, column {column!r}: {shown} {problem}. Rows cannot "
            "be read when cells are out of place or changed; use the release's original file "
            "(download it again)."
        )

    def where(self, table: str, index: int | None = None) -> str:
        """The table's file, and ``index``'s line (text) or row (Excel) in it."""
        member = self._files[table]
        place = f"{self.path / member}" if self.path.is_dir() else f"{self.path}: {member}"
        if index is None:
            return place
        line = "row" if member.lower().endswith(".xlsx") else "line"
        return f"{place}, {line} {int(index) + 2}"

    def _bytes(self, member: str) -> bytes:
        if self.path.is_dir():
            file = self.path / member
            if file.stat().st_size > archive.MAX_BYTES:
                raise ReleaseError(
                    f"{file} is larger than the {archive.MAX_BYTES // 2**20} MB careerkit reads "
                    "from one table; this is not an O*NET table as published."
                )
            return file.read_bytes()
        try:
            with archive.open_zip(self.path) as zipped:
                return archive.read_member(zipped, member, f"{self.path}: {member}")
        except archive.ArchiveError as error:
            raise ReleaseError(str(error)) from None


def _text(data: bytes, where: str) -> str:
    """The file as UTF-8 text; other bytes are reported with their line, never replaced."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ReleaseError(
            f"{where}, line {line}: the file is not UTF-8 text (byte {data[error.start]:#x}); "
            "O*NET publishes its tables in UTF-8, so this file was changed or comes from "
            "elsewhere. Use the release's original file: download the release again."
        ) from None


def open_release(path: str | os.PathLike[str]) -> Release:
    """Find the tables of the O*NET release at ``path`` (a folder or a ``.zip``)."""
    path = Path(path).expanduser()
    if path.is_dir():
        members = [p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()]
    elif path.is_file() and _looks_like_zip(path):
        try:
            members = archive.members(path)
        except archive.ArchiveError as error:
            raise ReleaseError(str(error)) from None
    elif path.exists():
        raise ReleaseError(
            f"{path} is neither a folder nor a zip file (or a zip cut short); give an O*NET "
            "release as its zip or unzipped folder."
        )
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


def _looks_like_zip(path: Path) -> bool:
    """A zip by its name or its first bytes (a zip cut short has no end record)."""
    with path.open("rb") as file:
        return file.read(4) == b"PK\x03\x04" or zipfile.is_zipfile(path)
