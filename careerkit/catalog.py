"""The occupation catalogue: a CSV with one row per occupation, checked at load.

The bundled starter catalogue is ``data/occupations.csv`` (columns documented in
``data/README.md``). A full catalogue imported from O*NET uses the same columns; point
``$CAREERKIT_CATALOG`` at it. A coach's local occupations go in extra CSV files with
the same columns, merged at load (``local_occupations.csv`` in the workspace is picked
up on its own).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from careerkit import paths

THEMES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}

#: O*NET's 35 basic and cross-functional skills (Content Model elements 2.A and 2.B).
SKILLS = (
    "Reading Comprehension",
    "Active Listening",
    "Writing",
    "Speaking",
    "Mathematics",
    "Science",
    "Critical Thinking",
    "Active Learning",
    "Learning Strategies",
    "Monitoring",
    "Social Perceptiveness",
    "Coordination",
    "Persuasion",
    "Negotiation",
    "Instructing",
    "Service Orientation",
    "Complex Problem Solving",
    "Operations Analysis",
    "Technology Design",
    "Equipment Selection",
    "Installation",
    "Programming",
    "Operations Monitoring",
    "Operation and Control",
    "Equipment Maintenance",
    "Troubleshooting",
    "Repairing",
    "Quality Control Analysis",
    "Judgment and Decision Making",
    "Systems Analysis",
    "Systems Evaluation",
    "Time Management",
    "Management of Financial Resources",
    "Management of Material Resources",
    "Management of Personnel Resources",
)

#: Typical entry education, least to most.
EDUCATION = (
    "No formal credential",
    "High school diploma",
    "Postsecondary certificate",
    "Some college",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
)

SCHEDULES = ("regular", "shifts", "irregular", "seasonal")

JOB_ZONES = {
    1: "little or no preparation",
    2: "some preparation",
    3: "medium preparation",
    4: "considerable preparation",
    5: "extensive preparation",
}

#: column -> pandas dtype after loading; "required" columns may not be empty.
COLUMNS = {
    "code": "string",
    "title": "string",
    "alt_titles": "string",
    "description": "string",
    **{letter: "float64" for letter in THEMES},
    "job_zone": "Int64",
    "education": "string",
    "median_wage": "Float64",
    "wage_year": "Int64",
    "employment": "Int64",
    "outlook_pct": "Float64",
    "skills": "string",
    "weekly_hours": "Float64",
    "schedule": "string",
}
REQUIRED = ("code", "title", "description", *THEMES, "job_zone", "education", "skills")
CODE = re.compile(r"^(\d\d-\d{4}\.\d\d|local-[a-z0-9-]+)$")


class CatalogError(ValueError):
    """A catalogue file has a missing column, a bad value or a duplicate code."""


def bundled_path() -> Path:
    """The catalogue in use: ``$CAREERKIT_CATALOG``, else the bundled starter CSV."""
    env = os.environ.get("CAREERKIT_CATALOG")
    return Path(env).expanduser() if env else paths.DATA_DIR / "occupations.csv"


def load_catalog(
    path: str | os.PathLike[str] | None = None, extra: Iterable[str | os.PathLike[str]] = ()
) -> pd.DataFrame:
    """Load and check the occupation catalogue, indexed by O*NET-SOC code.

    ``extra`` CSV files (same columns) are appended; so is ``local_occupations.csv``
    in the workspace when it exists. Raises :class:`CatalogError` naming the file,
    row and column of the first problem found.
    """
    files = [Path(path) if path else bundled_path(), *map(Path, extra)]
    local = paths.workspace() / "local_occupations.csv"
    if local.exists() and local not in files:
        files.append(local)
    frames = [_load_file(f, f.stat().st_mtime_ns if f.exists() else 0) for f in files]
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
    if not file.exists():
        raise CatalogError(f"Catalogue file {file} does not exist.")
    raw = pd.read_csv(file, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS if c not in raw.columns]
    if missing:
        raise CatalogError(f"{file}: missing column(s) {missing}; see data/README.md.")
    raw = raw[list(COLUMNS)].apply(lambda col: col.str.strip())
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
            frame[column] = raw[column].to_numpy()
            frame[column] = frame[column].astype("string")
        else:
            numbers = pd.to_numeric(raw[column].replace("", None), errors="coerce")
            bad = numbers.isna() & (raw[column] != "")
            _check(file, raw, column, ~bad, "is not a number")
            frame[column] = numbers.to_numpy()
            frame[column] = frame[column].astype(dtype)
    _check_values(file, raw, frame)
    return frame


def _check_values(file: Path, raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    letters = frame[list(THEMES)]
    for letter in THEMES:
        ok = letters[letter].between(1, 7).to_numpy()
        _check(file, raw, letter, ok, "is outside the interest scale 1-7")
    _check(file, raw, "job_zone", frame["job_zone"].isin(JOB_ZONES).to_numpy(), "is not 1-5")
    _check(file, raw, "education", raw["education"].isin(EDUCATION), f"is not one of {EDUCATION}")
    ok_schedule = raw["schedule"].isin((*SCHEDULES, ""))
    _check(file, raw, "schedule", ok_schedule, f"is not one of {SCHEDULES}")
    wage = frame["median_wage"]
    _check(file, raw, "median_wage", (wage.isna() | (wage > 0)).to_numpy(), "is not positive")
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


def outlook_label(pct: float | None) -> str:
    """Plain words for a projected 10-year employment change in percent."""
    if pct is None or pd.isna(pct):
        return "unknown"
    for limit, label in (
        (-1, "declining"),
        (2, "little or no change"),
        (5, "about average"),
        (9, "faster than average"),
    ):
        if pct < limit:
            return label
    return "much faster than average"


def money(value: float | None) -> str:
    """A wage as "$61,230", or "unknown"."""
    return "unknown" if value is None or pd.isna(value) else f"${value:,.0f}"
