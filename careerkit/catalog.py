"""The occupation catalogue and the skills table: CSV files read and checked at load.

A catalogue is a folder (``data/catalog/`` bundled, or one made by
``careerkit catalog import-onet``) whose ``occupations.csv`` has one row per occupation in
the columns below (documented in ``data/README.md``), beside the skill ratings, related
occupations, pay by area and a record of sources (``careerkit.catalog_files``). A coach's
local occupations go in extra CSV files with the same columns, merged at load
(``local_occupations.csv`` in the workspace is picked up on its own).

The skills table (``data/skills.csv``) lists O*NET's 35 skills with their group, suggested
kind and how each is usually learnt; :data:`SKILLS` and the sets derived from it come from it.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from careerkit import paths, workshop_details
from careerkit.errors import ForThePerson
from careerkit.workshop import WorkshopError

THEMES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}

#: BLS's categories of typical education needed for entry, least to most.
EDUCATION = (
    "No formal educational credential",
    "High school diploma or equivalent",
    "Postsecondary nondegree award",
    "Some college, no degree",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
)

SCHEDULES = ("regular", "shifts", "irregular", "seasonal")
#: O*NET Work Context's categories of the typical work week (Duration of Typical Work Week).
HOURS = ("less than 40", "40", "more than 40")
#: Why a median pay is not a plain figure: BLS top-coded it (``median_wage`` is then the
#: least it can be), or BLS publishes only an hourly median (``hourly_median_wage``).
TOP_CODED, HOURLY_ONLY = "top-coded", "hourly only"
WAGE_NOTES = (TOP_CODED, HOURLY_ONLY)
#: ``onet_education_note`` where O*NET recommends suppressing the largest education share.
LESS_RELIABLE = "less reliable"

JOB_ZONES = {
    1: "little or no preparation",
    2: "some preparation",
    3: "medium preparation",
    4: "considerable preparation",
    5: "extensive preparation",
}
#: From O*NET 30.x, zones 1 and 2 are one level, published as 2.
JOB_ZONES_4 = {2: "little or some preparation", 3: JOB_ZONES[3], 4: JOB_ZONES[4], 5: JOB_ZONES[5]}

#: BLS's words for a projected ten-year employment change, fastest first.
OUTLOOKS = (
    "much faster than average",
    "faster than average",
    "as fast as average",
    "slower than average",
    "little or no change",
    "decline",
)
#: Projected change for all occupations, BLS Employment Projections 2024-34 (percent).
AVERAGE_OUTLOOK_PCT = 3.1

#: column -> pandas dtype after loading; only REQUIRED columns must be in every file.
COLUMNS = {
    "code": "string",
    "title": "string",
    "alt_titles": "string",
    "description": "string",
    "onet_description": "string",
    **{letter: "float64" for letter in THEMES},
    "interest_code": "string",  # O*NET's high-point code, e.g. "SCR": orders tied themes
    "job_zone": "Int64",
    "education": "string",
    "onet_education": "string",
    "onet_education_pct": "Float64",
    "onet_education_note": "string",  # "less reliable": O*NET recommends suppressing it
    "experience": "string",
    "training": "string",
    "median_wage": "Float64",
    "wage_p10": "Float64",
    "wage_p25": "Float64",
    "wage_p75": "Float64",
    "wage_p90": "Float64",
    "hourly_median_wage": "Float64",
    "wage_note": "string",  # WAGE_NOTES: why median_wage is a bound or empty
    "wage_year": "Int64",
    "wage_soc": "string",
    "wage_title": "string",
    "employment": "Int64",
    "outlook_pct": "Float64",
    "outlook": "string",
    "openings": "Int64",
    "projection_soc": "string",
    "projection_title": "string",
    "skills": "string",
    "weekly_hours": "Float64",
    "hours_per_week": "string",
    "hours_pct": "Float64",
    "schedule": "string",
    "schedule_pct": "Float64",
}
REQUIRED = ("code", "title", *THEMES, "job_zone")
CODE = re.compile(r"^(\d\d-\d{4}\.\d\d|local-[a-z0-9-]+)$")

#: The files of a catalogue folder.
OCCUPATIONS = "occupations.csv"
SKILL_RATINGS = "skills.csv"
RELATED = "related.csv"
AREAS = "areas.csv"
AREA_WAGES = "area_wages.csv.gz"
SOURCES = "sources.json"


class CatalogError(ForThePerson, ValueError):
    """A catalogue file has a missing column, a bad value or a duplicate code."""


def catalog_dir() -> Path:
    """The catalogue in use: ``$CAREERKIT_CATALOG``, an import in the workspace, the
    workshop file's ``catalog`` (see :mod:`careerkit.workshop_details`), or bundled.

    ``$CAREERKIT_CATALOG`` may name a catalogue folder or a single occupations CSV.
    """
    env = os.environ.get("CAREERKIT_CATALOG")
    if env:
        return Path(env).expanduser()
    imported = paths.workspace() / "catalog"
    if readable_exists(imported / OCCUPATIONS):
        return imported
    return _workshop_catalog() or paths.DATA_DIR / "catalog"


def _workshop_catalog() -> Path | None:
    """The catalogue the workshop file in force chose, checked; None for the bundled one.

    A workshop file that cannot be read gives the bundled catalogue: every notebook's
    banner names the file and what is wrong, and the person can go on meanwhile.
    """
    try:
        found = workshop_details.in_force()
    except WorkshopError:
        return None
    chosen = workshop_details.chosen_catalog(*found) if found else None
    if found and chosen and not occupations_file(chosen).is_file():
        raise CatalogError(
            f"The workshop file {found[0]} chooses the catalog {chosen} "
            f"(catalog = {found[1].catalog!r}), which has no {OCCUPATIONS}: import one "
            f"there with `careerkit catalog import-onet PATH --out {chosen}`, or write "
            'catalog = "bundled".'
        )
    return chosen


def readable_exists(file: Path) -> bool:
    """Whether ``file`` exists; a folder one may not open is a CatalogError, said plainly."""
    try:
        return file.exists()
    except PermissionError:
        raise CatalogError(
            f"The catalog file {file} cannot be read: you are not allowed to open its folder "
            f"{file.parent}. Ask whoever imported it to make it readable for you (for a "
            f"workshop group: chmod -R g+rX {file.parent}), or import your own catalog."
        ) from None


def occupations_file(where: Path) -> Path:
    """The occupations CSV of a catalogue folder, or the CSV itself."""
    return where / OCCUPATIONS if where.is_dir() else where


def load_catalog(
    path: str | os.PathLike[str] | None = None, extra: Iterable[str | os.PathLike[str]] = ()
) -> pd.DataFrame:
    """Load and check the occupation catalogue, indexed by O*NET-SOC code.

    ``path`` is a catalogue folder or CSV (default: :func:`catalog_dir`). ``extra`` CSV
    files (same columns) are appended; so is ``local_occupations.csv`` in the workspace
    when it exists. Raises :class:`CatalogError` naming the file, row and column of the
    first problem found.
    """
    files = [occupations_file(Path(path) if path else catalog_dir()), *map(Path, extra)]
    local = paths.workspace() / "local_occupations.csv"
    if readable_exists(local) and local not in files:
        files.append(local)
    frames = [_load_file(f, f.stat().st_mtime_ns if readable_exists(f) else 0) for f in files]
    catalog = pd.concat(frames) if len(frames) > 1 else frames[0]
    dupes = catalog.index[catalog.index.duplicated()].unique()
    if len(dupes):
        raise CatalogError(
            f"Occupation code {dupes[0]!r} appears more than once across "
            f"{', '.join(map(str, files))}; each code may appear only once "
            "(give a local occupation its own 'local-...' code)."
        )
    return catalog.copy()


@lru_cache(maxsize=8)
def _load_file(file: Path, _mtime: int) -> pd.DataFrame:
    raw = _read_text_table(file)
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


def _read_text_table(file: Path) -> pd.DataFrame:
    """The CSV as text cells, after checking encoding, emptiness and the field count."""
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise CatalogError(f"Catalog file {file} does not exist.") from None
    except PermissionError:
        raise CatalogError(
            f"Catalog file {file} cannot be read: you are not allowed to open it. Ask "
            f"whoever made it to make it readable for you (chmod a+r {file})."
        ) from None
    except OSError as error:
        raise CatalogError(f"Catalog file {file} cannot be read: {error.strerror}.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CatalogError(
            f"{file}, line {line}: the file is not UTF-8 text (byte {data[error.start]:#x}). "
            'Save it as UTF-8 (in Excel: "CSV UTF-8") and load it again.'
        ) from None
    if not text.strip():
        raise CatalogError(
            f"{file} is empty. It needs a header row and one row per occupation "
            "(see data/README.md), or delete the file."
        )
    rows = list(csv.reader(io.StringIO(text)))
    width = len(rows[0])
    for number, row in enumerate(rows[1:], start=2):
        if row and len(row) != width:
            raise CatalogError(
                f"{file}, row {number}: {len(row)} fields where the header has {width}. "
                "A text containing a comma must be in double quotes."
            )
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


# --- the skills table -------------------------------------------------------------------

#: O*NET's 35 basic and cross-functional skills, one row each (documented in data/README.md).
SKILLS_FILE = paths.DATA_DIR / "skills.csv"
#: The skills table's columns and the values each may take (name: any O*NET skill name).
SKILL_VALUES: dict[str, tuple[str, ...]] = {
    "group": ("basic", "cross-functional"),  # O*NET Content Model 2.A and 2.B
    "kind": ("soft", "hard"),  # our suggested kind; the person can change it
    "learnt_by": ("practice", "course"),  # how a goal suggests building it
}
#: plain: the skill in everyday words; practice: a goal that builds it (what, where, how shown)
SKILL_COLUMNS = ("name", *SKILL_VALUES, "plain", "practice")


@dataclass(frozen=True)
class SkillInfo:
    """One row of the skills table."""

    name: str
    group: str
    kind: str
    learnt_by: str
    plain: str
    practice: str


def read_skills(file: Path = SKILLS_FILE) -> tuple[SkillInfo, ...]:
    """The skills table, in O*NET's order; :class:`CatalogError` names file, row and column."""
    raw = _read_text_table(file)
    missing = [c for c in SKILL_COLUMNS if c not in raw.columns]
    if missing:
        raise CatalogError(
            f"{file}: missing column(s) {missing}; the header row must be {list(SKILL_COLUMNS)}."
        )
    raw = raw.apply(lambda col: col.str.strip())
    for number, row in enumerate(raw.itertuples(index=False), start=2):
        where = f"{file}, row {number} ({row.name or 'no name'})"
        if not row.name:
            raise CatalogError(f"{where}, column 'name': the skill's name is empty.")
        if row.name in set(raw["name"].iloc[: number - 2]):
            raise CatalogError(f"{where}, column 'name': repeats a skill of an earlier row.")
        if not row.plain:
            raise CatalogError(f"{where}, column 'plain': say the skill in everyday words.")
        if not row.practice:
            raise CatalogError(f"{where}, column 'practice': say what to practice to build it.")
        for column, allowed in SKILL_VALUES.items():
            value = getattr(row, column)
            if value not in allowed:
                raise CatalogError(
                    f"{where}, column {column!r}: value {value!r} is not one of {allowed}."
                )
    return tuple(SkillInfo(*(row[c] for c in SKILL_COLUMNS)) for _, row in raw.iterrows())


SKILL_TABLE = read_skills()
#: O*NET's 35 basic and cross-functional skills (Content Model elements 2.A and 2.B).
SKILLS = tuple(skill.name for skill in SKILL_TABLE)
#: Skills best built by doing them at work, with feedback; the others by a course.
PRACTICE_SKILLS = frozenset(s.name for s in SKILL_TABLE if s.learnt_by == "practice")
#: Each skill in everyday words ("understanding written documents"), for suggested goals.
PLAIN_SKILLS = {s.name: s.plain for s in SKILL_TABLE}
#: A goal that builds each skill, as a person would say it (what, where, how to show it).
PRACTICE_GOALS = {s.name: s.practice for s in SKILL_TABLE}
#: Basic skills (O*NET 2.A: reading, writing, math...), which any schooling builds.
BASIC_SKILLS = frozenset(s.name for s in SKILL_TABLE if s.group == "basic")


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


def _split(cell: object) -> list[str]:
    return [] if pd.isna(cell) else [s.strip() for s in str(cell).split(";") if s.strip()]


def skills_of(catalog: pd.DataFrame, code: str) -> list[str]:
    """The occupation's most important skills, most important first."""
    return _split(catalog.at[code, "skills"])


def outlook_label(pct: float | None, average: float = AVERAGE_OUTLOOK_PCT) -> str:
    """BLS's words for a projected ten-year change in percent, or "unknown".

    Cut-offs on the whole percent, around the all-occupations average A (3 for 2024-34):
    A+4 or more much faster; A+2 to A+3 faster; A-1 to A+1 as fast as average; 1 up to
    A-2 slower; -1 to 0 little or no change; -2 or less decline.
    """
    if pct is None or pd.isna(pct):
        return "unknown"
    whole, mean = math.floor(float(pct) + 0.5), math.floor(float(average) + 0.5)
    if whole >= mean + 4:
        return "much faster than average"
    if whole >= mean + 2:
        return "faster than average"
    if whole >= mean - 1:
        return "as fast as average"
    if whole >= 1:
        return "slower than average"
    if whole >= -1:
        return "little or no change"
    return "decline"


def zones_present(catalog: pd.DataFrame) -> tuple[int, ...]:
    """The job zones the catalogue's occupations have, lowest first (O*NET 30.x: 2-5)."""
    return tuple(sorted(int(z) for z in catalog["job_zone"].dropna().unique()))


def zone_words(zone: int | None, levels: int = 5) -> str:
    """Plain words for a job zone, in the release's five or four levels."""
    if zone is None or pd.isna(zone):
        return "unknown"
    return (JOB_ZONES_4 if levels == 4 else JOB_ZONES).get(int(zone), "unknown")


def onet_url(code: str) -> str | None:
    """The occupation's page on O*NET OnLine (None for a local occupation)."""
    return None if code.startswith("local-") else f"https://www.onetonline.org/link/summary/{code}"


def wage_note(note: object) -> str | None:
    """BLS's ``median_note`` as one of WAGE_NOTES, or None (no note, or "not released")."""
    text = "" if note is None or pd.isna(note) else str(note).strip().casefold()
    return next((flag for flag in WAGE_NOTES if text.startswith(flag)), None)


def top_code(note: object) -> float | None:
    """The least value of a top-coded median, from BLS's note "top-coded: >= 239200"."""
    found = re.search(r">=\s*\$?([\d,]+)", "" if note is None or pd.isna(note) else str(note))
    return float(found.group(1).replace(",", "")) if found else None


def money(value: float | None) -> str:
    """A wage as "$61,230", or "unknown"."""
    return "unknown" if value is None or pd.isna(value) else f"${value:,.0f}"
