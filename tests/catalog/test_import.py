"""Importing an O*NET release and BLS files into a catalogue folder (careerkit.catalog.sources).

Part (a) builds small synthetic releases in every official O*NET format (tab-delimited
text, 30.x CSV, Excel, and each as a zip) from one table of known figures and checks
what the import makes of them: exact interest scores and job zones, skills chosen by
importance with their levels, O*NET's Recommend Suppress and Not Relevant flags, repeated
rows, and the errors a damaged or wrong release gives. Part (b) joins BLS wages, pay by
area and projections. Part (c) imports the real releases in ../shared (skipped without
them); each real import takes about ten seconds, so each is made once per module.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import re
import types
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from careerkit.catalog import CatalogError, load_catalog, outlook_label, zone_words
from careerkit.catalog import tables as catalog_tables
from careerkit.catalog.sources import build
from careerkit.catalog.sources.bls import BlsError, read_projections
from careerkit.catalog.sources.build import import_onet
from careerkit.catalog.sources.release import ReleaseError, open_release
from tests.conftest import ROOT, SHARED

# --- a synthetic release --------------------------------------------------------------

A, B, C, D = "11-1011.00", "15-1252.00", "13-1021.00", "35-2014.00"
PARTIAL = "11-9199.00"  # five of the six interest scores: left out
NO_INTERESTS = "11-9199.02"  # a job zone but no interest scores: left out
NO_ZONE = "11-2011.00"  # interest scores but no job zone: left out
KEPT = (A, B, C, D)
TITLES = {
    A: "Chief Executives",
    B: "Software Developers",
    C: "Buyers and Purchasing Agents, Farm Products",
    D: "Cooks, Restaurant",
    PARTIAL: "Managers, All Other",
    NO_INTERESTS: "Compliance Managers",
    NO_ZONE: "Advertising and Promotions Managers",
}
#: O*NET's own description sentences (a comma and a double quote test the quoting).
ONET_TEXT = {
    code: f'Synthetic "{title}" description, for the import tests.'
    for code, title in TITLES.items()
}
THEME_NAMES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}
#: OI scores, R I A S E C; written with two decimals as O*NET does.
INTERESTS = {
    A: (1.26, 3.05, 2.16, 3.54, 6.96, 4.97),
    B: (2.61, 6.53, 3.27, 2.14, 2.72, 4.53),
    C: (2.50, 3.10, 1.40, 2.90, 5.85, 6.33),
    D: (5.44, 1.80, 2.95, 3.12, 3.30, 3.05),
    NO_ZONE: (1.50, 2.00, 5.50, 3.00, 6.00, 3.50),
}
ZONES = {A: 5, B: 4, C: 3, D: 1, PARTIAL: 2, NO_INTERESTS: 3}
ZONE_NAMES_5 = ("One: Little or No", "Two: Some", "Three: Medium", "Four: Considerable")
#: (code, skill, importance, level, flag); flag: suppress_im, suppress_lv, not_relevant
SKILL_SPEC = [
    (A, "Judgment and Decision Making", 4.75, 5.38, ""),
    (A, "Complex Problem Solving", 4.38, 4.88, ""),
    (A, "Critical Thinking", 4.38, 4.75, ""),
    (A, "Writing", 4.50, 4.25, "suppress_im"),  # importance unknown: left out
    (A, "Speaking", 4.25, 5.00, ""),
    (A, "Monitoring", 4.12, 4.50, "suppress_lv"),  # kept, level unknown
    (A, "Programming", 3.75, 1.25, "not_relevant"),  # left out
    (A, "Coordination", 4.00, 4.62, ""),
    (A, "Negotiation", 3.88, 4.12, ""),
    (A, "Systems Analysis", 3.50, 4.00, ""),
    (A, "Systems Evaluation", 3.50, 4.12, ""),
    (A, "Mathematics", 2.75, 3.12, ""),  # below importance 3 after the first three
    (A, "Science", 1.25, 0.25, "not_relevant"),
    (B, "Programming", 4.62, 5.12, ""),
    (B, "Critical Thinking", 3.88, 4.25, ""),
    (B, "Mathematics", 2.88, 3.62, ""),  # kept: every occupation keeps three
    (B, "Science", 2.50, 3.00, ""),
    (B, "Writing", 2.12, 2.75, ""),
    *[
        (C, skill, 4.88 - 0.125 * i, 4.38 - 0.125 * i, "")
        for i, skill in enumerate(
            [
                "Reading Comprehension",
                "Active Listening",
                "Writing",
                "Speaking",
                "Mathematics",
                "Critical Thinking",
                "Active Learning",
                "Monitoring",
                "Coordination",
                "Persuasion",
                "Negotiation",  # 11th and 12th: over the ten kept
                "Time Management",
            ]
        )
    ],
    (PARTIAL, "Speaking", 4.0, 4.0, ""),
]
#: The skills the import must keep: most important first, ties by level; level None = unknown.
EXPECTED_SKILLS = {
    A: [
        ("Judgment and Decision Making", 4.75, 5.38),
        ("Complex Problem Solving", 4.38, 4.88),
        ("Critical Thinking", 4.38, 4.75),
        ("Speaking", 4.25, 5.00),
        ("Monitoring", 4.12, None),
        ("Coordination", 4.00, 4.62),
        ("Negotiation", 3.88, 4.12),
        ("Systems Evaluation", 3.50, 4.12),
        ("Systems Analysis", 3.50, 4.00),
    ],
    B: [
        ("Programming", 4.62, 5.12),
        ("Critical Thinking", 3.88, 4.25),
        ("Mathematics", 2.88, 3.62),
    ],
    C: [(s, round(im, 2), round(lv, 2)) for c, s, im, lv, _ in SKILL_SPEC if c == C][:10],
}
#: O*NET 30.x splits Skills: the ten basic skills are "essential", the other 25 "transferable".
ESSENTIAL = {
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
}
#: (code, related code, tier, index); the pair with NO_INTERESTS is left out.
RELATED = [
    (A, B, "Primary-Short", 1),
    (A, C, "Primary-Short", 2),
    (A, NO_INTERESTS, "Primary-Long", 3),
    (B, A, "Primary-Short", 1),
    (C, D, "Supplemental", 1),
    (C, A, "Supplemental", 2),
    (D, C, "Primary-Long", 1),
]
#: (code, reported title, shown in My Next Move)
REPORTED = [
    (A, "Chief Diversity Officer (CDO)", "N"),  # after the one shown in My Next Move
    (A, "CEO (Chief Executive Officer)", "Y"),
    (B, "Software Engineer", "Y"),
    (B, "Application Developer", "N"),
]
#: (code, alternate title, short title)
ALTERNATE = [
    (A, "Chief Executive Officer", "CEO"),
    (A, "ceo (chief executive officer)", ""),  # same as a reported title: once
    (A, "President", ""),
    (A, "Executive Director; Operations", ""),  # ";" separates titles in the catalogue
    (B, "Software Developer", ""),
    (B, "Application Developer", ""),
    (D, "Line Cook", "Cook"),
]
EXPECTED_ALT_TITLES = {
    A: "CEO (Chief Executive Officer);Chief Diversity Officer (CDO);CEO;"
    "Chief Executive Officer;President;Executive Director, Operations",
    B: "Software Engineer;Application Developer;Software Developer",
    C: None,
    D: "Cook;Line Cook",
}
RL_CATEGORIES = {
    "1": "Less than a High School Diploma",
    "2": "High School Diploma - or the equivalent (for example, GED)",
    "5": "Associate's Degree (or other 2-year degree)",
    "6": "Bachelor's Degree",
    "8": "Master's Degree",
}
#: (code, scale, category, value, recommend suppress)
EDUCATION = [
    (A, "RL", "1", 0.0, "N"),
    (A, "RL", "2", 5.0, "N"),
    (A, "RL", "6", 40.0, "N"),
    (A, "RL", "8", 55.0, "Y"),  # the largest share, flagged: still the largest (issue 19)
    (A, "RW", "1", 99.0, "N"),  # another scale: ignored
    (B, "RL", "5", 20.0, "N"),
    (B, "RL", "6", 70.0, "N"),
    (C, "RL", "2", 65.0, "N"),
    (C, "RL", "5", 35.0, "N"),
    (D, "RL", "1", 0.0, "N"),
    (D, "RL", "2", 0.0, "N"),
]
#: code -> (short name of the largest share, its percent, note): never the next one.
EXPECTED_EDUCATION = {
    A: ("Master's Degree", 55.0, "less reliable"),
    B: ("Bachelor's Degree", 70.0, None),
    C: ("High School Diploma", 65.0, None),  # O*NET's gloss left out
    D: (None, None, None),
}

RATING_COLUMNS = [
    "O*NET-SOC Code",
    "Title",
    "Element ID",
    "Element Name",
    "Scale ID",
    "Scale Name",
    "Data Value",
    "N",
    "Standard Error",
    "Lower CI Bound",
    "Upper CI Bound",
    "Recommend Suppress",
    "Not Relevant",
    "Date",
    "Domain Source",
]
#: Table -> file name: the 29.x text and Excel names, and the 30.x CSV names.
TEXT_NAMES = {
    "occupations": "Occupation Data",
    "interests": "Interests",
    "job_zones": "Job Zones",
    "job_zone_reference": "Job Zone Reference",
    "skills": "Skills",
    "alternate_titles": "Alternate Titles",
    "reported_titles": "Sample of Reported Titles",
    "related": "Related Occupations",
    "education": "Education, Training, and Experience",
    "education_categories": "Education, Training, and Experience Categories",
}
CSV_NAMES = {
    "occupations": "occupation_data",
    "interests": "career_interest_types",
    "job_zones": "job_zones",
    "job_zone_reference": "job_zone_reference",
    "skills": "essential_skills",  # and transferable_skills
    "alternate_titles": "alternate_titles",
    "reported_titles": "sample_of_reported_titles",
    "related": "related_occupations",
    "education": "education",
    "education_categories": "education_categories",
}
#: Columns O*NET's Excel files store as numbers.
NUMERIC = {
    "Data Value",
    "Job Zone",
    "Index",
    "Category",
    "N",
    "Standard Error",
    "Lower CI Bound",
    "Upper CI Bound",
}
XLSX_WRITER = next((m for m in ("openpyxl", "xlsxwriter") if importlib.util.find_spec(m)), None)
DESCRIPTIONS = pd.read_csv(ROOT / "data" / "descriptions.csv", dtype=str).set_index("code")


def frame(rows: list[list[str]], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns, dtype=str)


def release_tables(four_levels: bool = False) -> dict[str, pd.DataFrame]:
    """The synthetic release as text tables, keyed by careerkit's table names."""
    zones = dict(ZONES, **({D: 2} if four_levels else {}))
    interests = []
    for code, values in INTERESTS.items():
        for i, (name, value) in enumerate(zip(THEME_NAMES.values(), values, strict=True)):
            element = f"1.B.1.{'abcdef'[i]}"
            interests.append([code, TITLES[code], element, name, "OI", "Occupational Interests"])
            interests[-1] += [f"{value:.2f}", "02/2026", "Machine Learning/Expert"]
        for i, place in enumerate(("First", "Second", "Third")):
            interests.append([code, TITLES[code], f"1.B.1.{'ghi'[i]}"])
            interests[-1] += [f"{place} Interest High-Point", "IH"]
            interests[-1] += ["Occupational Interest High-Point", f"{i + 1}.00", "02/2026", "ML"]
    for i, name in enumerate(list(THEME_NAMES.values())[:5]):  # the sixth score is missing
        interests.append([PARTIAL, TITLES[PARTIAL], f"1.B.1.{'abcdef'[i]}", name, "OI"])
        interests[-1] += ["Occupational Interests", "3.00", "02/2026", "Machine Learning/Expert"]
    skills = []
    for code, skill, importance, level, flag in SKILL_SPEC:
        for scale, name, value in (("IM", "Importance", importance), ("LV", "Level", level)):
            suppress = "Y" if flag == f"suppress_{scale.lower()}" else "N"
            relevant = "" if scale == "IM" else ("Y" if flag == "not_relevant" else "N")
            skills.append([code, TITLES[code], f"2.X.{skill[:4]}", skill, scale, name])
            skills[-1] += [f"{value:.2f}", "8", "0.1250", "3.8800", "4.3700", suppress, relevant]
            skills[-1] += ["08/2023", "Analyst"]
    if four_levels:
        reference = [["2", "Job Zone 1-2: Very Little to Some Preparation Needed"]]
        reference += [[str(z), f"Job Zone {ZONE_NAMES_5[z - 1]}"] for z in (3, 4)]
    else:
        reference = [[str(z), f"Job Zone {ZONE_NAMES_5[z - 1]}"] for z in (1, 2, 3, 4)]
    reference += [["5", "Job Zone Five: Extensive Preparation Needed"]]
    education = []
    for code, scale, category, value, suppress in EDUCATION:
        what = ("2.D.1", "Required Level of Education", "RL", "Required Level Of Education")
        if scale == "RW":
            what = ("3.A.1", "Related Work Experience", "RW", "Related Work Experience")
        education.append([code, TITLES[code], *what, category, f"{value:.2f}", "28", "1.0"])
        education[-1] += ["", "", suppress, "08/2023", "Incumbent"]
    categories = [["2.D.1", "Required Level of Education", "RL", "Required Level Of Education"]]
    categories = [categories[0] + [k, v] for k, v in RL_CATEGORIES.items()]
    categories += [["3.A.1", "Related Work Experience", "RW", "Related Work Experience"]]
    categories[-1] += ["1", "None"]
    code_title = ["O*NET-SOC Code", "Title"]
    return {
        "occupations": frame(
            [[c, t, ONET_TEXT[c]] for c, t in TITLES.items()], [*code_title, "Description"]
        ),
        "interests": frame(
            interests,
            [*code_title, "Element ID", "Element Name", "Scale ID", "Scale Name"]
            + ["Data Value", "Date", "Domain Source"],
        ),
        "job_zones": frame(
            [[c, TITLES[c], str(z), "08/2023", "Analyst"] for c, z in zones.items()],
            [*code_title, "Job Zone", "Date", "Domain Source"],
        ),
        "job_zone_reference": frame(
            [
                [z, name, "Experience.", "Education.", "Training.", "Examples.", "(1.0)"]
                for z, name in reference
            ],
            ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples"]
            + ["SVP Range"],
        ),
        "skills": frame(skills, RATING_COLUMNS),
        "alternate_titles": frame(
            [[c, TITLES[c], t, s, "Incumbent"] for c, t, s in ALTERNATE],
            [*code_title, "Alternate Title", "Short Title", "Source(s)"],
        ),
        "reported_titles": frame(
            [[c, TITLES[c], t, y] for c, t, y in REPORTED],
            [*code_title, "Reported Job Title", "Shown in My Next Move"],
        ),
        "related": frame(
            [[c, TITLES[c], r, TITLES[r], t, str(i)] for c, r, t, i in RELATED],
            [*code_title, "Related O*NET-SOC Code", "Related Title", "Relatedness Tier"]
            + ["Index"],
        ),
        "education": frame(
            education,
            [*code_title, "Element ID", "Element Name", "Scale ID", "Scale Name", "Category"]
            + RATING_COLUMNS[6:12]
            + ["Date", "Domain Source"],
        ),
        "education_categories": frame(
            categories,
            ["Element ID", "Element Name", "Scale ID", "Scale Name", "Category"]
            + ["Category Description"],
        ),
    }


def write_table(path: Path, table: pd.DataFrame) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".txt":  # tab-delimited, no quoting, LF
        lines = ["\t".join(table.columns), *("\t".join(row) for row in table.to_numpy())]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif path.suffix == ".csv":
        table.to_csv(path, index=False, lineterminator="\n")
    else:
        if XLSX_WRITER is None:
            pytest.skip("no xlsx writer (openpyxl or xlsxwriter) installed to build Excel files")
        table = table.copy()
        for column in NUMERIC.intersection(table.columns):  # Excel stores numbers as numbers
            table[column] = [float(v) if v else None for v in table[column]]
        table.to_excel(path, index=False, sheet_name=path.stem[:31], engine=XLSX_WRITER)


def write_release(
    folder: Path, kind: str, tables: dict[str, pd.DataFrame], readme: str | None = "30.3"
) -> Path:
    """The tables as one official format: ``txt`` and ``xlsx`` 29.x names, ``csv`` 30.x."""
    for key, table in tables.items():
        if kind == "csv" and key == "skills":  # 30.x: essential_skills + transferable_skills
            basic = table["Element Name"].isin(ESSENTIAL)
            write_table(folder / "essential_skills.csv", table[basic])
            write_table(folder / "transferable_skills.csv", table[~basic])
        else:
            name = (CSV_NAMES if kind == "csv" else TEXT_NAMES)[key]
            write_table(folder / f"{name}.{kind}", table)
    if readme:
        (folder / "Read Me.txt").write_text(f"O*NET {readme} Database\nMay 2026 Release\n")
    return folder


def zip_release(folder: Path, path: Path, top: str) -> Path:
    """The folder zipped under a top folder, with the litter of a Mac's zip."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, f"{top}/{file.relative_to(folder).as_posix()}")
        archive.writestr(f"__MACOSX/{top}/._Interests.txt", b"\x00\x05\x16\x07 not a table")
        archive.writestr(f"{top}/.DS_Store", b"\x00\x00\x00\x01Bud1")
    return path


FORMATS = ("txt", "csv", "xlsx", "zip-txt", "zip-csv", "zip-xlsx")


def make_release(
    where: Path,
    fmt: str,
    tables: dict[str, pd.DataFrame] | None = None,
    readme: str | None = "30.3",
) -> Path:
    """A release in ``where``: a folder, or a zip for the ``zip-...`` formats."""
    kind = fmt.removeprefix("zip-")
    tables = release_tables() if tables is None else tables
    folder = write_release(where / f"release-{kind}", kind, tables, readme)
    if fmt.startswith("zip-"):
        return zip_release(folder, where / f"release-{kind}.zip", top=f"db_30_3_{kind}")
    return folder


def text_frame(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The synthetic release imported from each format (once per format and module)."""
    done: dict[str, Path] = {}

    def get(fmt: str) -> Path:
        if fmt not in done:
            where = tmp_path_factory.mktemp(fmt)
            import_onet(make_release(where, fmt), out=where / "catalog", progress=False)
            done[fmt] = where / "catalog"
        return done[fmt]

    return get


# --- (a) the release's figures, in every format -----------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_gives_the_exact_figures(imported: Callable[[str], Path], fmt: str) -> None:
    catalog = load_catalog(imported(fmt))
    assert sorted(catalog.index) == sorted(KEPT)  # PARTIAL, NO_INTERESTS, NO_ZONE left out
    for code in KEPT:
        row = catalog.loc[code]
        assert [row[letter] for letter in THEME_NAMES] == [
            float(f"{v:.2f}") for v in INTERESTS[code]
        ], code
        assert row["job_zone"] == ZONES[code]
        assert row["title"] == TITLES[code]
        assert row["onet_description"] == ONET_TEXT[code]
        assert row["description"] == DESCRIPTIONS.at[code, "description"]
        expected_skills = [s for s, _, _ in EXPECTED_SKILLS.get(code, [])]
        assert (row["skills"].split(";") if pd.notna(row["skills"]) else []) == expected_skills
        education = ["onet_education", "onet_education_pct", "onet_education_note"]
        got = tuple(None if pd.isna(row[c]) else row[c] for c in education)
        assert got == EXPECTED_EDUCATION[code], code
        assert (row["alt_titles"] if pd.notna(row["alt_titles"]) else None) == (
            EXPECTED_ALT_TITLES[code]
        )
    no_bls = ["median_wage", "employment", "wage_soc", "wage_year", "outlook_pct", "outlook"]
    assert catalog[no_bls].isna().all().all()


@pytest.mark.parametrize("fmt", FORMATS)
def test_skills_ordered_by_importance_with_level_kept(
    imported: Callable[[str], Path], fmt: str
) -> None:
    """The important skills (the catalog's list) lead each occupation's ratings, in order."""
    ratings = catalog_tables.skill_ratings(imported(fmt))
    assert set(ratings.index) == set(EXPECTED_SKILLS)  # D has no ratings; PARTIAL is not kept
    for code, expected in EXPECTED_SKILLS.items():
        rows = ratings.loc[[code]].set_index("skill").loc[[s for s, _, _ in expected]]
        got = [
            (s, i, None if pd.isna(v) else v)
            for s, i, v in zip(rows.index, rows["importance"], rows["level"], strict=True)
        ]
        assert got == expected, code


#: Every rated skill as the matrix must hold it: Recommend Suppress -> unknown (None);
#: a level marked Not Relevant kept as published.
EXPECTED_MATRIX = {
    (code, skill): (
        None if flag == "suppress_im" else round(importance, 2),
        None if flag == "suppress_lv" else round(level, 2),
    )
    for code, skill, importance, level, flag in SKILL_SPEC
    if code in KEPT
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_rated_skill_is_in_the_matrix_as_published(
    imported: Callable[[str], Path], fmt: str
) -> None:
    """skills.csv.gz holds every (occupation, skill) the release rates, not only the top."""
    ratings = catalog_tables.skill_ratings(imported(fmt)).reset_index()
    got = {
        (c, s): (None if pd.isna(i) else i, None if pd.isna(v) else v)
        for c, s, i, v in ratings[["code", "skill", "importance", "level"]].itertuples(index=False)
    }
    assert got == EXPECTED_MATRIX
    assert not (imported(fmt) / "skills.csv").exists()  # the old file's name is not written
    order = ratings.assign(i=ratings["importance"].fillna(-1), v=ratings["level"].fillna(-1))
    for code, rows in order.groupby("code", sort=False):  # most important first, then level
        keys = list(zip(-rows["i"], -rows["v"], strict=True))
        assert keys == sorted(keys), code


def test_an_old_catalogue_with_top_skills_only_is_still_read(
    imported: Callable[[str], Path], tmp_path: Path
) -> None:
    """A catalogue imported before issue 23 has skills.csv (top skills only): still read."""
    old = tmp_path / "old"
    old.mkdir()
    for name in ("occupations.csv", "related.csv", "sources.json"):
        (old / name).write_bytes((imported("txt") / name).read_bytes())
    top = catalog_tables.skill_ratings(imported("txt")).reset_index()
    top = top[top["skill"].isin([s for rows in EXPECTED_SKILLS.values() for s, _, _ in rows])]
    top.to_csv(old / "skills.csv", index=False)
    ratings = catalog_tables.skill_ratings(old)
    assert len(ratings) == len(top) and set(ratings.index) == set(EXPECTED_SKILLS)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"code,skill,importance,level\nA,Writing,high,3\n", "column 'importance': 'high'"),
        (b"code,skill,importance,level\nA,Writing,4,9.5\n", "column 'level'"),
        (b"code,skill,importance,level\nA,Typing,4,3\n", "column 'skill': 'Typing'"),
        (b"code,skill,level\nA,Writing,3\n", "missing column(s) ['importance']"),
    ],
)
def test_a_bad_skills_matrix_is_named_with_what_to_do(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    (tmp_path / "skills.csv.gz").write_bytes(gzip.compress(content))
    with pytest.raises(CatalogError) as error:
        catalog_tables.skill_ratings(tmp_path)
    message = str(error.value)
    assert message.startswith(str(tmp_path / "skills.csv.gz")) and expected in message
    assert "import the catalog again" in message


def test_a_skills_matrix_cut_short_is_named(tmp_path: Path) -> None:
    data = gzip.compress(b"code,skill,importance,level\n" + b"A,Writing,4,3\n" * 200)
    (tmp_path / "skills.csv.gz").write_bytes(data[: len(data) // 2])
    with pytest.raises(CatalogError, match="cannot be read.*import the catalog again"):
        catalog_tables.skill_ratings(tmp_path)


@pytest.mark.parametrize("fmt", FORMATS)
def test_related_occupations_within_the_catalogue(
    imported: Callable[[str], Path], fmt: str
) -> None:
    related = catalog_tables.related(imported(fmt))
    got = list(related[["code", "related_code", "tier", "rank"]].itertuples(index=False))
    expected = [r for r in RELATED if r[1] in KEPT]
    assert sorted(got) == sorted(expected)
    assert got == sorted(got, key=lambda r: (r[0], r[3]))  # by code, most related first


@pytest.mark.parametrize("fmt", FORMATS[1:])
def test_every_format_writes_the_same_files_as_text(
    imported: Callable[[str], Path], fmt: str
) -> None:
    for name in ("occupations.csv", "skills.csv.gz", "related.csv"):
        assert (imported(fmt) / name).read_bytes() == (imported("txt") / name).read_bytes(), name


@pytest.mark.parametrize(
    ("fmt", "files"),
    [
        ("txt", {"interests": "Interests.txt", "skills": "Skills.txt"}),
        (
            "csv",
            {
                "interests": "career_interest_types.csv",
                "essential_skills": "essential_skills.csv",
                "transferable_skills": "transferable_skills.csv",
                "education_rl": "education.csv",
            },
        ),
        (
            "zip-xlsx",
            {"interests": "db_30_3_xlsx/Interests.xlsx", "skills": "db_30_3_xlsx/Skills.xlsx"},
        ),
    ],
)
def test_sources_record_the_release_and_its_files(
    imported: Callable[[str], Path], fmt: str, files: dict[str, str]
) -> None:
    sources = json.loads((imported(fmt) / "sources.json").read_text(encoding="utf-8"))
    assert sources["onet_release"] == "30.3"
    assert sources["job_zone_levels"] == 5
    for table, file in files.items():
        assert sources["tables"][table] == {"file": file, "release": "30.3"}
    assert "O*NET 30.3 Database" in sources["attribution"]
    assert sources["counts"]["occupations"] == len(KEPT)
    assert sources["counts"]["with_skills"] == len(EXPECTED_SKILLS)
    assert sources["counts"]["related_pairs"] == len([r for r in RELATED if r[1] in KEPT])
    info = catalog_tables.catalog_info(imported(fmt))
    assert info.job_zone_levels == 5 and info.occupations == len(KEPT)
    assert zone_words(1, info.job_zone_levels) == "little or no preparation"


def test_tables_in_sub_folders_shallowest_then_text_first(
    imported: Callable[[str], Path], tmp_path: Path
) -> None:
    """Like the real 29.3 set: text files, Skills and Alternate Titles only as Excel."""
    tables = release_tables()
    folder = write_release(tmp_path / "release", "txt", tables)
    for key in ("skills", "alternate_titles"):
        (folder / f"{TEXT_NAMES[key]}.txt").unlink()
        write_table(folder / "excel" / f"{TEXT_NAMES[key]}.xlsx", tables[key])
    # Decoys: another Interests table deeper down and one beside in a later-preferred format.
    other = tables["interests"].assign(**{"Data Value": "7.00"})
    write_table(folder / "excel" / "Interests.xlsx", other)
    write_table(folder / "Interests.csv", other)

    release = open_release(folder)
    assert release.file("interests") == "Interests.txt"
    assert release.file("skills") == "excel/Skills.xlsx"
    assert release.table_release("interests") == "30.3"
    assert release.table_release("skills") is None  # no Read Me in excel/: not recorded
    summary = import_onet(folder, out=tmp_path / "catalog", progress=False)
    assert summary.sources["tables"]["skills"] == {"file": "excel/Skills.xlsx", "release": None}
    for name in ("occupations.csv", "skills.csv.gz", "related.csv"):
        assert (tmp_path / "catalog" / name).read_bytes() == (imported("txt") / name).read_bytes()


@pytest.mark.parametrize("kind", ["txt", "csv"])
def test_rows_repeated_exactly_are_read_once(
    imported: Callable[[str], Path], tmp_path: Path, kind: str
) -> None:
    tables = release_tables()
    for key in ("occupations", "interests", "job_zones", "skills", "related", "education"):
        tables[key] = pd.concat([tables[key], tables[key].iloc[::3]], ignore_index=True)
    import_onet(make_release(tmp_path, kind, tables), out=tmp_path / "catalog", progress=False)
    for name in ("occupations.csv", "skills.csv.gz", "related.csv"):
        expected = text_frame(imported("txt") / name)
        pd.testing.assert_frame_equal(text_frame(tmp_path / "catalog" / name), expected)


def with_conflict(key: str, match: dict[str, str], column: str, value: str):
    """The release tables with one row repeated, ``column`` changed to ``value``."""
    tables = release_tables()
    table = tables[key]
    hit = table[(table[list(match)] == pd.Series(match)).all(axis=1)]
    assert len(hit) == 1, match
    tables[key] = pd.concat([table, hit.assign(**{column: value})], ignore_index=True)
    return tables


CONFLICTS = [
    pytest.param(
        "txt",
        ("interests", {"O*NET-SOC Code": A, "Element Name": "Realistic"}, "Data Value", "6.50"),
        "Interests.txt",
        id="interests-txt",
    ),
    pytest.param(
        "csv",
        ("job_zones", {"O*NET-SOC Code": A}, "Job Zone", "2"),
        "job_zones.csv",
        id="job-zones-csv",
    ),
    pytest.param(
        "xlsx",
        ("skills", {"O*NET-SOC Code": B, "Element Name": "Programming", "Scale ID": "IM"})
        + ("Data Value", "1.00"),
        "Skills.xlsx",
        id="skills-xlsx",
    ),
    pytest.param(
        "csv",
        ("skills", {"O*NET-SOC Code": A, "Element Name": "Speaking", "Scale ID": "LV"})
        + ("Data Value", "1.00"),
        "essential_skills.csv",
        id="essential-skills-csv",
    ),
    pytest.param(
        "csv",
        ("skills", {"O*NET-SOC Code": A, "Element Name": "Coordination", "Scale ID": "IM"})
        + ("Data Value", "1.00"),
        "transferable_skills.csv",
        id="transferable-skills-csv",
    ),
    pytest.param(
        "zip-txt",
        ("related", {"O*NET-SOC Code": A, "Related O*NET-SOC Code": B}, "Index", "7"),
        "Related Occupations.txt",
        id="related-zip",
    ),
]


@pytest.mark.parametrize(("fmt", "conflict", "file"), CONFLICTS)
def test_one_key_with_two_values_names_the_file(
    tmp_path: Path, fmt: str, conflict: tuple, file: str
) -> None:
    release = make_release(tmp_path, fmt, with_conflict(*conflict))
    with pytest.raises(ReleaseError) as error:
        import_onet(release, out=tmp_path / "catalog", progress=False)
    message = str(error.value)
    assert file in message
    assert conflict[1]["O*NET-SOC Code"] in message  # the key that clashes
    assert not (tmp_path / "catalog").exists()


@pytest.mark.parametrize(
    ("kind", "conflict", "column"),
    [
        ("txt", ("job_zones", {"O*NET-SOC Code": A}, "Job Zone", "2"), "Job Zone"),
        (
            "txt",
            ("related", {"O*NET-SOC Code": A, "Related O*NET-SOC Code": B}, "Index", "7"),
            "Index",
        ),
    ],
)
def test_a_clash_names_the_column_that_differs(
    tmp_path: Path, kind: str, conflict: tuple, column: str
) -> None:
    release = make_release(tmp_path, kind, with_conflict(*conflict))
    with pytest.raises(ReleaseError) as error:
        import_onet(release, out=tmp_path / "catalog", progress=False)
    assert f"'{column}'" in str(error.value)
    assert "'Data Value'" not in str(error.value)


@pytest.mark.parametrize(
    ("fmt", "removed", "named"),
    [
        ("txt", "Job Zones.txt", "Job Zones"),
        ("csv", "job_zones.csv", "job_zones"),
        ("txt", "Skills.txt", "Skills"),
        ("csv", "transferable_skills.csv", "transferable_skills"),
        ("csv", "essential_skills.csv", "essential_skills"),
        ("txt", "Occupation Data.txt", "Occupation Data"),
        ("csv", "career_interest_types.csv", "career_interest_types"),
    ],
)
def test_a_missing_file_is_named(tmp_path: Path, fmt: str, removed: str, named: str) -> None:
    folder = make_release(tmp_path, fmt)
    (folder / removed).unlink()
    with pytest.raises(ReleaseError) as error:
        import_onet(folder, out=tmp_path / "catalog", progress=False)
    assert named in str(error.value)
    assert not (tmp_path / "catalog").exists()


@pytest.mark.parametrize(
    ("fmt", "key", "column", "file"),
    [
        ("txt", "interests", "Data Value", "Interests.txt"),
        ("csv", "job_zones", "Job Zone", "job_zones.csv"),
        ("csv", "skills", "Scale ID", "essential_skills.csv"),
        ("xlsx", "related", "Relatedness Tier", "Related Occupations.xlsx"),
        ("zip-txt", "occupations", "Title", "Occupation Data.txt"),
    ],
)
def test_a_changed_column_names_file_and_column(
    tmp_path: Path, fmt: str, key: str, column: str, file: str
) -> None:
    tables = release_tables()
    tables[key] = tables[key].rename(columns={column: f"{column} (new)"})
    with pytest.raises(ReleaseError) as error:
        import_onet(make_release(tmp_path, fmt, tables), out=tmp_path / "out", progress=False)
    message = str(error.value)
    assert file in message and repr(column) in message


def test_mac_litter_is_never_read_as_a_table(tmp_path: Path) -> None:
    """Copies made by macOS (``__MACOSX/``, ``._`` files) do not stand in for a table."""
    folder = make_release(tmp_path, "txt")
    zones = folder / "Job Zones.txt"
    (folder / "__MACOSX").mkdir()
    zones.rename(folder / "__MACOSX" / "Job Zones.txt")
    (folder / ".Job Zones.txt").write_bytes((folder / "__MACOSX" / "Job Zones.txt").read_bytes())
    release = open_release(folder)
    assert not release.has("job_zones")
    with pytest.raises(ReleaseError, match="Job Zones"):
        import_onet(folder, out=tmp_path / "catalog", progress=False)


def test_a_zip_of_another_product_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "oews_2025.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("oews/national_2025.csv", "soc_code,title,employment\n")
        archive.writestr("oews/Read Me.txt", "OEWS May 2025\n")
        archive.writestr("oews/interests_survey.csv", "id,answer\n")
    with pytest.raises(ReleaseError) as error:
        import_onet(path, out=tmp_path / "catalog", progress=False)
    message = str(error.value)
    assert str(path) in message
    assert "does not look like an O*NET database release" in message
    assert "Occupation Data" in message and "Interests" in message
    assert not (tmp_path / "catalog").exists()


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("national_2025.csv", "soc_code,title\n", "neither a folder nor a zip"),
        ("nowhere", None, "does not exist"),
    ],
)
def test_a_path_that_is_no_release(
    tmp_path: Path, name: str, content: str | None, said: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(ReleaseError, match=said):
        open_release(path)


# --- job zones in five or four levels -------------------------------------------------


def test_four_level_zones_from_the_reference(tmp_path: Path) -> None:
    tables = release_tables(four_levels=True)
    release = make_release(tmp_path, "csv", tables, readme=None)
    import_onet(release, out=tmp_path / "catalog", progress=False)
    sources = json.loads((tmp_path / "catalog" / "sources.json").read_text(encoding="utf-8"))
    assert sources["job_zone_levels"] == 4
    assert sources["onet_release"] is None  # no Read Me: not recorded, and said so
    assert "(release not recorded)" in sources["name"]
    info = catalog_tables.catalog_info(tmp_path / "catalog")
    catalog = load_catalog(tmp_path / "catalog")
    assert info.job_zone_levels == 4
    assert catalog.at[D, "job_zone"] == 2 and not (catalog["job_zone"] == 1).any()
    assert zone_words(catalog.at[D, "job_zone"], info.job_zone_levels) == (
        "little or some preparation"
    )


@pytest.mark.parametrize(("readme", "levels"), [("30.1", 4), ("29.3", 5)])
def test_zone_levels_without_a_reference_follow_the_release(
    tmp_path: Path, readme: str, levels: int
) -> None:
    """No Job Zone Reference and no zone 1: from release 30 on that means four levels."""
    tables = release_tables(four_levels=True)
    del tables["job_zone_reference"]
    summary = import_onet(
        make_release(tmp_path, "txt", tables, readme=readme),
        out=tmp_path / "catalog",
        progress=False,
    )
    assert summary.sources["onet_release"] == readme
    assert summary.sources["job_zone_levels"] == levels


# --- a failed import leaves the catalogue as it was -------------------------------------


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    """A working catalogue folder from an earlier import, in a folder of its own."""
    out = tmp_path / "workspace-copy" / "catalog"
    import_onet(make_release(tmp_path, "txt"), out=out, progress=False)
    return out


def test_a_failed_release_leaves_the_catalogue_untouched(existing: Path, tmp_path: Path) -> None:
    before, siblings = snapshot(existing), sorted(existing.parent.iterdir())
    tables = with_conflict(
        "interests", {"O*NET-SOC Code": B, "Element Name": "Social"}, "Data Value", "1.00"
    )
    broken = make_release(tmp_path / "broken", "txt", tables)
    with pytest.raises(ReleaseError):
        import_onet(broken, out=existing, progress=False)
    assert snapshot(existing) == before
    assert sorted(existing.parent.iterdir()) == siblings


def test_a_bad_bls_file_leaves_the_catalogue_untouched(existing: Path, tmp_path: Path) -> None:
    before, siblings = snapshot(existing), sorted(existing.parent.iterdir())
    wages = tmp_path / "national_2025.csv"
    wages.write_text(
        "soc_code,title,employment,annual_median_wage_usd\n15-1252,Software Developers,many,1\n"
    )
    with pytest.raises(BlsError, match="employment"):
        import_onet(make_release(tmp_path / "new", "csv"), wages=wages, out=existing)
    assert snapshot(existing) == before
    assert sorted(existing.parent.iterdir()) == siblings


def test_a_failure_while_writing_leaves_the_catalogue_untouched(
    existing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, siblings = snapshot(existing), sorted(existing.parent.iterdir())

    def disk_full(*args: object, **kwargs: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build, "json", types.SimpleNamespace(dumps=disk_full))
    with pytest.raises(OSError, match="No space left"):
        import_onet(make_release(tmp_path / "new", "csv"), out=existing, progress=False)
    assert snapshot(existing) == before
    assert sorted(existing.parent.iterdir()) == siblings  # no half-written folder left


def test_a_failed_move_into_place_keeps_the_old_catalogue(
    existing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(existing)

    class Locked(type(Path())):  # the new folder cannot be moved into place
        def rename(self, target: Path) -> Path:
            if self.name.startswith(f".{existing.name}.") and not self.name.endswith(".old"):
                raise PermissionError(13, "Permission denied", str(self))
            return super().rename(target)

    monkeypatch.setattr(build, "Path", Locked)
    with pytest.raises(PermissionError):
        import_onet(make_release(tmp_path / "new", "csv"), out=existing, progress=False)
    assert existing.is_dir() and snapshot(existing) == before


def test_a_folder_of_other_files_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "notes"
    out.mkdir()
    (out / "plan.json").write_text("{}")
    before = snapshot(out)
    with pytest.raises(CatalogError, match="not empty"):
        import_onet(make_release(tmp_path, "txt"), out=out, progress=False)
    assert snapshot(out) == before


def test_a_new_import_replaces_the_catalogue_whole(existing: Path, tmp_path: Path) -> None:
    siblings = sorted(existing.parent.iterdir())
    tables = release_tables(four_levels=True)
    import_onet(make_release(tmp_path / "new", "csv", tables), out=existing, progress=False)
    assert load_catalog(existing).at[D, "job_zone"] == 2
    assert sorted(existing.parent.iterdir()) == siblings  # no temporary or old folder left


# --- (b) BLS wages, pay by area and projections ------------------------------------------

NATIONAL = """\
soc_code,title,employment,annual_median_wage_usd,annual_mean_wage_usd
11-1011,Chief Executives,204350,213990,269630
13-1020,Buyers and Purchasing Agents,491430,77710,83770
15-1252,Software Developers,1687890,135980,148100
"""
#: BLS's O*NET-SOC -> National Employment Matrix codes; A is not listed (its SOC is used).
CROSSWALK = """\
onet_code,nem_code
13-1021.00,13-1020
15-1252.00,15-1252
35-2014.00,35-2014
"""
AREAS = """\
area_type,area_code,area_name,state_fips,soc_code,title,soc_level,employment,\
annual_p10_usd,annual_p25_usd,annual_median_usd,annual_p75_usd,annual_p90_usd,\
annual_mean_usd,hourly_median_usd,median_note
N,0000000,National,00,00-0000,All Occupations,0,155495730,30000,37000,49500,77000,115000,\
65000,23.80,
N,0000000,National,00,11-1011,Chief Executives,3,204350,75700,129540,213990,,,269630,102.88,
N,0000000,National,00,13-1020,Buyers and Purchasing Agents,3,491430,48380,60800,77710,100820,\
128870,83770,37.36,
N,0000000,National,00,15-1252,Software Developers,3,1687890,82460,105210,135980,171980,214670,\
148100,65.38,
S,3900000,Ohio,39,15-1252,Software Developers,3,35000,70000,90000,115000,140000,170000,118000,55.29,
S,3900000,Ohio,39,13-1020,Buyers and Purchasing Agents,3,14000,45000,55000,70000,90000,110000,\
73000,33.65,
S,3900000,Ohio,39,99-9999,Not In The Catalogue,3,100,1,2,3,4,5,3,1.0,
M,0010420,"Akron, OH",39,15-1252,Software Developers,3,,,,,,,,,not released
"""
PERCENTILES = ("wage_p10", "wage_p25", "median_wage", "wage_p75", "wage_p90")
#: Percentiles of the nation's rows above (None: not published).
NATION = {
    A: (75700, 129540, 213990, None, None),
    B: (82460, 105210, 135980, 171980, 214670),
    C: (48380, 60800, 77710, 100820, 128870),
}


def bls_files(folder: Path, national: str = NATIONAL) -> dict[str, Path]:
    files = {
        "wages": folder / "national_2025.csv",
        "areas": folder / "areas_2025.csv",
        "crosswalk": folder / "crosswalk.csv",
    }
    for (_, path), text in zip(files.items(), (national, AREAS, CROSSWALK), strict=True):
        path.write_text(text, encoding="utf-8")
    return files


def value(cell: object) -> object:
    return None if pd.isna(cell) else cell


def test_wages_join_by_soc_and_through_the_crosswalk(tmp_path: Path) -> None:
    files = bls_files(tmp_path)
    summary = import_onet(
        make_release(tmp_path, "txt"),
        wages=files["wages"],
        crosswalk=files["crosswalk"],
        out=tmp_path / "catalog",
        progress=False,
    )
    catalog = load_catalog(tmp_path / "catalog")
    columns = ["wage_soc", "wage_title", "median_wage", "employment", "wage_year"]
    got = {code: [value(v) for v in catalog.loc[code, columns]] for code in KEPT}
    assert got == {
        A: ["11-1011", "Chief Executives", 213990, 204350, 2025],  # 11-1011.00 -> 11-1011
        B: ["15-1252", "Software Developers", 135980, 1687890, 2025],  # 15-1252.00 -> 15-1252
        C: ["13-1020", "Buyers and Purchasing Agents", 77710, 491430, 2025],  # BLS aggregate
        D: [None, None, None, None, None],  # not in the wages file
    }
    assert catalog[["wage_p10", "wage_p90"]].isna().all().all()  # not in a national file
    assert summary.sources["wages"] == {
        "file": "national_2025.csv",
        "label": "BLS OEWS May 2025",
        "year": 2025,
    }
    assert summary.counts["with_wages"] == 3
    assert not (tmp_path / "catalog" / "areas.csv").exists()


def test_an_exact_soc_comes_before_the_crosswalk_aggregate(tmp_path: Path) -> None:
    national = (
        NATIONAL + '13-1021,"Buyers and Purchasing Agents, Farm Products",10840,72000,80000\n'
    )
    files = bls_files(tmp_path, national)
    import_onet(
        make_release(tmp_path, "csv"),
        wages=files["wages"],
        crosswalk=files["crosswalk"],
        out=tmp_path / "catalog",
        progress=False,
    )
    catalog = load_catalog(tmp_path / "catalog")
    assert catalog.at[C, "wage_soc"] == "13-1021"
    assert catalog.at[C, "median_wage"] == 72000


def test_a_wages_file_without_titles(tmp_path: Path) -> None:
    files = bls_files(tmp_path)
    wages = pd.read_csv(files["wages"], dtype=str).drop(columns=["title"])
    wages.to_csv(files["wages"], index=False)
    try:
        import_onet(
            make_release(tmp_path, "txt"),
            wages=files["wages"],
            crosswalk=files["crosswalk"],
            out=tmp_path / "catalog",
            progress=False,
        )
    except BlsError as error:  # also acceptable: a clear message naming file and column
        assert "national_2025.csv" in str(error) and "title" in str(error)
        return
    catalog = load_catalog(tmp_path / "catalog")
    assert catalog.at[B, "median_wage"] == 135980 and catalog["wage_title"].isna().all()


@pytest.mark.parametrize("national", [True, False], ids=["wages-and-areas", "areas-only"])
def test_percentiles_and_pay_by_area_from_the_areas_file(tmp_path: Path, national: bool) -> None:
    files = bls_files(tmp_path)
    summary = import_onet(
        make_release(tmp_path, "txt"),
        wages=files["wages"] if national else None,
        areas=files["areas"],
        crosswalk=files["crosswalk"],
        out=tmp_path / "catalog",
        progress=False,
    )
    out = tmp_path / "catalog"
    catalog = load_catalog(out)
    for code, expected in NATION.items():
        assert [value(v) for v in catalog.loc[code, list(PERCENTILES)]] == list(expected), code
    assert catalog.loc[D, list(PERCENTILES)].isna().all()
    assert catalog.at[C, "wage_soc"] == "13-1020"
    assert catalog.at[B, "employment"] == 1687890 and catalog.at[B, "wage_year"] == 2025
    assert summary.sources["wages"]["file"] == (
        "national_2025.csv" if national else "areas_2025.csv"
    )
    assert summary.sources["areas"]["label"] == "BLS OEWS May 2025 by state and area"

    areas = catalog_tables.areas(out)
    assert areas.loc["0000000", "area_type"] == "N"  # codes keep their leading zeros
    assert areas.loc["3900000", ["area_name", "state_fips"]].tolist() == ["Ohio", "39"]
    assert areas.loc["0010420", "area_name"] == "Akron, OH"
    pay = catalog_tables.area_wages(out)
    assert pay.loc[("3900000", "15-1252"), "median_wage"] == 115000
    assert pay.loc[("3900000", "13-1020"), "wage_p90"] == 110000
    akron = pay.loc[("0010420", "15-1252")]
    assert pd.isna(akron["median_wage"]) and akron["median_note"] == "not released"
    used = set(catalog["wage_soc"].dropna())
    assert set(pay.index.get_level_values("soc_code")) == used  # 99-9999 and 00-0000 left out


def test_area_types_keep_nation_and_states_only(tmp_path: Path) -> None:
    files = bls_files(tmp_path)
    summary = import_onet(
        make_release(tmp_path, "csv"),
        wages=files["wages"],
        areas=files["areas"],
        crosswalk=files["crosswalk"],
        area_types="NS",
        out=tmp_path / "catalog",
        progress=False,
    )
    areas = catalog_tables.areas(tmp_path / "catalog")
    assert sorted(areas.index) == ["0000000", "3900000"]
    assert summary.sources["areas"]["areas"] == 2
    pay = catalog_tables.area_wages(tmp_path / "catalog")
    assert set(pay.index.get_level_values("area_code")) == {"0000000", "3900000"}
    with gzip.open(tmp_path / "catalog" / "area_wages.csv.gz", "rt") as file:
        assert "0010420" not in file.read()


def test_an_areas_file_without_percentiles(tmp_path: Path) -> None:
    files = bls_files(tmp_path)
    areas = pd.read_csv(files["areas"], dtype=str, keep_default_na=False)
    areas = areas.drop(columns=["annual_p10_usd", "annual_p25_usd", "annual_p75_usd"])
    areas.drop(columns=["annual_p90_usd"]).to_csv(files["areas"], index=False)
    try:
        import_onet(
            make_release(tmp_path, "txt"),
            wages=files["wages"],
            areas=files["areas"],
            crosswalk=files["crosswalk"],
            out=tmp_path / "catalog",
            progress=False,
        )
    except BlsError as error:  # also acceptable: a clear message naming the columns
        assert "annual_p10_usd" in str(error)
        return
    catalog = load_catalog(tmp_path / "catalog")
    assert catalog.at[B, "median_wage"] == 135980
    assert catalog["wage_p10"].isna().all()


#: BLS's words for a projected change (../shared/bls-ep/SOURCE.md), fastest first.
BLS_WORDS = (
    "much faster than average",
    "faster than average",
    "as fast as average",
    "slower than average",
    "little or no change",
    "decline",
)
PROJECTION_HEADER = [
    "2024 National Employment Matrix title",
    "2024 National Employment Matrix code",
    "Occupation type",
    "Employment, 2024",
    "Employment, 2034",
    "Employment change, numeric, 2024–34",
    "Employment change, percent, 2024–34",
    "Percent self employed, 2024",
    "Occupational openings, 2024–34 annual average",
    "Median annual wage, dollars, 2024[1]",
    "Typical education needed for entry",
    "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation",
]


def projections_csv(path: Path, average: str) -> Path:
    rows = [
        ["Total, all occupations", "00-0000", "Summary", "100", "110", "10", average, "9"]
        + ["18863.3", "49500", "—", "—", "—"],
        ["Business operations specialists", "13-1000", "Summary", "1", "2", "1", "99.0", "1"]
        + ["1", "1", "—", "—", "—"],
        ["Chief executives", "11-1011", "Line item", "100", "108", "8", "8.0", "20"]
        + ["22.2", "206680", "Bachelor's degree", "5 years or more", "None"],
        ["Buyers and purchasing agents", "13-1020", "Line item", "1", "1", "0", "-5.2", "2"]
        + ["50.1", "71950", "Bachelor's degree", "None", "Moderate-term on-the-job training"],
        ["Software developers", "15-1252", "Line item", "1", "2", "1", "15.8", "5"]
        + ["129.2", "133080", "Bachelor's degree", "None", "None"],
        ["Cooks, restaurant", "35-2014", "Line item", "1", "1", "0", "0.4", "1"]
        + ["250.0", "36460", "No formal educational credential", "Less than 5 years"]
        + ["Moderate-term on-the-job training"],
    ]
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows([PROJECTION_HEADER, *rows])
    return path


def test_projections_put_into_bls_words_around_the_files_average(tmp_path: Path) -> None:
    """An average of 10% (not BLS's 3.1) shows the file's own average is used."""
    files = bls_files(tmp_path)
    summary = import_onet(
        make_release(tmp_path, "txt"),
        projections=projections_csv(tmp_path / "projections.csv", average="10.0"),
        crosswalk=files["crosswalk"],
        out=tmp_path / "catalog",
        progress=False,
    )
    catalog = load_catalog(tmp_path / "catalog")
    # By the documented rule around an average of 10: 14 or more much faster, 12-13 faster,
    # 9-11 as fast, 1-8 slower, -1 to 0 little or no change, -2 or less decline.
    assert catalog["outlook"].to_dict() == {
        A: "slower than average",  # 8.0 (A by its SOC: not in the crosswalk)
        B: "much faster than average",  # 15.8
        C: "decline",  # -5.2, through the aggregate 13-1020
        D: "little or no change",  # 0.4
    }
    assert set(catalog["outlook"]) <= set(BLS_WORDS)
    assert catalog["outlook_pct"].to_dict() == {A: 8.0, B: 15.8, C: -5.2, D: 0.4}
    assert catalog["openings"].to_dict() == {A: 22200, B: 129200, C: 50100, D: 250000}
    assert catalog.at[A, "education"] == "Bachelor's degree"
    assert catalog.at[B, "training"] == "None"  # a BLS category, not a missing value
    assert catalog.at[D, "experience"] == "Less than 5 years"
    assert summary.sources["projections"] == {
        "file": "projections.csv",
        "label": "BLS Employment Projections 2024-34",
        "years": "2024-34",
        "average_pct": 10.0,
    }
    assert summary.sources["name"].endswith("BLS Employment Projections 2024-34")


@pytest.mark.parametrize(
    ("pct", "words"),
    [
        (14.0, "much faster than average"),
        (13.4, "faster than average"),
        (12.0, "faster than average"),
        (11.4, "as fast as average"),
        (8.5, "as fast as average"),  # rounds to 9
        (8.4, "slower than average"),
        (0.5, "slower than average"),  # rounds to 1
        (0.4, "little or no change"),
        (-1.4, "little or no change"),
        (-1.6, "decline"),  # rounds to -2
    ],
)
def test_outlook_words_around_another_average(pct: float, words: str) -> None:
    assert outlook_label(pct, 10.0) == words
    assert words in BLS_WORDS


# --- (c) the real releases in ../shared ---------------------------------------------------

ONET_29 = SHARED / "onet"
ONET_30 = SHARED / "onet-30.3"
NATIONAL_FILE = SHARED / "oews" / "national_2025.csv"
AREAS_FILE = SHARED / "oews" / "areas_2025.csv"
PROJECTIONS_FILE = SHARED / "bls-ep" / "occupation.xlsx"
CROSSWALK_FILE = SHARED / "crosswalks" / "nem-onet-to-soc-crosswalk_asof_2024-08-29.xlsx"


def need(*paths: Path) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"real data not available (see ../shared/README.md): {', '.join(missing)}")


def tab_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def credit(release: str) -> str:
    """O*NET's suggested CC BY credit, as ../shared/onet/SOURCE.md quotes it for 29.3."""
    text = (ONET_29 / "SOURCE.md").read_text(encoding="utf-8")
    sentence = re.search(r'Suggested credit: "([^"]+)"', text)
    assert sentence, "SOURCE.md no longer quotes O*NET's suggested credit"
    assert "O*NET 29.3 Database" in sentence.group(1)
    return sentence.group(1).replace("29.3", release)


def interest_table(rows: list[dict[str, str]]) -> dict[str, list[float]]:
    scores: dict[str, dict[str, float]] = {}
    for row in rows:
        if row["Scale ID"] == "OI":
            scores.setdefault(row["O*NET-SOC Code"], {})[row["Element Name"]] = float(
                row["Data Value"]
            )
    return {code: [s[name] for name in THEME_NAMES.values()] for code, s in scores.items()}


@pytest.fixture(scope="module")
def real_29(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """O*NET 29.3 (text, Excel in excel/) with national wages: one import per module."""
    need(ONET_29, NATIONAL_FILE)
    out = tmp_path_factory.mktemp("real-29") / "catalog"
    import_onet(ONET_29, wages=NATIONAL_FILE, out=out, progress=False)
    return out


@pytest.fixture(scope="module")
def real_30(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """O*NET 30.3 (CSV, 30.x Excel in excel-30.x/) with every BLS file: one import."""
    need(ONET_30, NATIONAL_FILE, AREAS_FILE, PROJECTIONS_FILE, CROSSWALK_FILE)
    out = tmp_path_factory.mktemp("real-30") / "catalog"
    import_onet(
        ONET_30,
        wages=NATIONAL_FILE,
        areas=AREAS_FILE,
        projections=PROJECTIONS_FILE,
        crosswalk=CROSSWALK_FILE,
        area_types="NS",  # metropolitan areas add time, not coverage (synthetic tests have M)
        out=out,
        progress=False,
    )
    return out


def test_real_29_gives_923_occupations_with_exact_interests(real_29: Path) -> None:
    catalog = load_catalog(real_29)
    zones = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in tab_rows(ONET_29 / "Job Zones.txt")}
    assert len(catalog) == 923 == len(zones)  # SOURCE.md: 923 of the 1,016 codes have data
    assert set(catalog.index) == set(zones)
    assert catalog["job_zone"].to_dict() == zones
    interests = interest_table(tab_rows(ONET_29 / "Interests.txt"))
    sample = sorted(catalog.index)[::7] + ["15-1252.00", "11-1011.00", "29-1141.00"]
    for code in sample:
        assert catalog.loc[code, list(THEME_NAMES)].tolist() == interests[code], code
    sources = json.loads((real_29 / "sources.json").read_text(encoding="utf-8"))
    assert sources["onet_release"] == "29.3"
    assert sources["job_zone_levels"] == 5
    assert credit("29.3") in sources["attribution"]
    assert sources["tables"]["skills"] == {"file": "excel/Skills.xlsx", "release": None}


def test_real_29_wages_by_soc_and_by_bls_aggregate(real_29: Path) -> None:
    catalog = load_catalog(real_29)
    national = {r["soc_code"]: r for r in csv_rows(NATIONAL_FILE)}
    assert catalog.at["15-1252.00", "wage_soc"] == "15-1252"
    assert catalog.at["15-1252.00", "median_wage"] == float(
        national["15-1252"]["annual_median_wage_usd"]
    )
    assert "13-1021" not in national  # BLS publishes Buyers only as the aggregate 13-1020
    assert catalog.at["13-1021.00", "wage_soc"] == "13-1020"
    assert catalog.at["13-1021.00", "employment"] == int(national["13-1020"]["employment"])
    with_wage = catalog[catalog["wage_soc"].notna()]
    for code, row in with_wage.iterrows():
        published = national[row["wage_soc"]]
        assert row["employment"] == int(published["employment"]), code
        median = published["annual_median_wage_usd"]
        assert value(row["median_wage"]) == (float(median) if median else None), code
        if code[:7] in national:
            assert row["wage_soc"] == code[:7], code


def test_real_30_records_release_and_four_zone_levels(real_30: Path) -> None:
    sources = json.loads((real_30 / "sources.json").read_text(encoding="utf-8"))
    assert sources["onet_release"] == "30.3"
    assert sources["job_zone_levels"] == 4
    assert credit("30.3") in sources["attribution"]
    assert sources["name"].startswith("O*NET 30.3")
    # The 30.x Excel files in excel-30.x/ carry no Read Me: their release is not claimed.
    assert sources["tables"]["skills"] == {"file": "excel-30.x/Skills.xlsx", "release": None}
    assert sources["tables"]["interests"] == {
        "file": "career_interest_types.csv",
        "release": "30.3",
    }
    info = catalog_tables.catalog_info(real_30)
    assert info.job_zone_levels == 4 and credit("30.3") in info.attribution
    catalog = load_catalog(real_30)
    zones = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in csv_rows(ONET_30 / "job_zones.csv")}
    assert catalog["job_zone"].to_dict() == zones
    assert set(zones.values()) == {2, 3, 4, 5}
    interests = interest_table(csv_rows(ONET_30 / "career_interest_types.csv"))
    for code in sorted(catalog.index)[::11]:
        assert catalog.loc[code, list(THEME_NAMES)].tolist() == interests[code], code


def test_real_30_percentiles_and_aggregate_from_the_real_files(real_30: Path) -> None:
    catalog = load_catalog(real_30)
    with AREAS_FILE.open(encoding="utf-8", newline="") as file:
        nation = {r["soc_code"]: r for r in csv.DictReader(file) if r["area_type"] == "N"}
    columns = dict(zip(PERCENTILES, ("p10", "p25", "median", "p75", "p90"), strict=True))
    for code in ("13-1021.00", "15-1252.00", "29-1141.00"):
        published = nation[catalog.at[code, "wage_soc"]]
        for column, short in columns.items():
            cell = published[f"annual_{short}_usd"]
            assert value(catalog.at[code, column]) == (float(cell) if cell else None), code
    assert catalog.at["13-1021.00", "wage_soc"] == "13-1020"
    pay = catalog_tables.area_wages(real_30)
    areas = catalog_tables.areas(real_30)
    assert set(areas["area_type"]) == {"N", "S"} and len(areas) == 1 + 54  # SOURCE.md
    assert pay.loc[("0000000", "15-1252"), "median_wage"] == catalog.at["15-1252.00", "median_wage"]


def test_real_30_projections_in_bls_words(real_30: Path) -> None:
    catalog = load_catalog(real_30)
    sources = json.loads((real_30 / "sources.json").read_text(encoding="utf-8"))
    assert sources["projections"]["label"] == "BLS Employment Projections 2024-34"
    average = sources["projections"]["average_pct"]
    assert average == 3.1  # SOURCE.md: all occupations +3.1%
    assert set(catalog["outlook"].dropna()) <= set(BLS_WORDS)
    known = catalog[catalog["outlook_pct"].notna()]
    assert len(known) == len(catalog)  # the crosswalk covers every occupation with data
    for code, row in known.iterrows():
        assert row["outlook"] == outlook_label(row["outlook_pct"], average), code
    assert catalog.at["15-1252.00", "outlook_pct"] == 15.8  # SOURCE.md: software developers
    assert catalog.at["15-1252.00", "outlook"] == "much faster than average"


def test_real_projection_table_read_from_excel() -> None:
    need(PROJECTIONS_FILE)
    table, average, years = read_projections(PROJECTIONS_FILE)
    # ../shared/bls-ep/SOURCE.md: 832 line items, +3.1% overall, 2024-34, NP +40.1%.
    assert (average, years, len(table)) == (3.1, "2024-34", 832)
    assert table.at["29-1171", "outlook_pct"] == 40.1
    assert table.at["15-1252", "outlook_pct"] == 15.8
    assert table["training"].eq("None").any()  # a BLS category, kept as text
