"""Hours and schedule from O*NET's Work Context (issue 19 §3), in the text, CSV and Excel layouts.

The fixture is a small Work Context table in O*NET's own layout (the 29.x/30.x columns,
the CT mean and CTP category rows of Duration of Typical Work Week, 4.C.3.d.8, and Work
Schedules, 4.C.3.d.4, beside another element), added to the synthetic release of
tests/catalog/test_import.py. The element ids and categories are checked against the real
Work Context Categories tables in ../shared (skipped without them).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from careerkit.catalog import HOURS, SCHEDULES, load_catalog
from careerkit.catalog.sources import onet
from careerkit.catalog.sources.build import import_onet
from careerkit.catalog.sources.release import ReleaseError, open_release
from tests.catalog.test_import import TITLES, XLSX_WRITER, A, B, C, D, make_release
from tests.conftest import SHARED

COLUMNS = [
    "O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Scale Name",
    "Category", "Data Value", "N", "Standard Error", "Lower CI Bound", "Upper CI Bound",
    "Recommend Suppress", "Not Relevant", "Date", "Domain Source",
]  # fmt: skip
WEEK = ("4.C.3.d.8", "Duration of Typical Work Week")
SCHEDULE = ("4.C.3.d.4", "Work Schedules")
#: code -> element -> (CT mean, [(category share, suppressed), ...] for categories 1-3)
SPEC = {
    A: {WEEK: (1.99, [(17.03, "N"), (66.56, "N"), (16.41, "N")]),  # O*NET's own example
        SCHEDULE: (1.25, [(80.0, "N"), (15.0, "N"), (5.0, "N")])},
    B: {WEEK: (2.50, [(10.0, "N"), (30.0, "N"), (60.0, "Y")]),  # the largest is suppressed
        SCHEDULE: (1.90, [(20.0, "N"), (70.0, "N"), (10.0, "N")])},
    C: {WEEK: (1.65, [(45.0, "N"), (45.0, "N"), (10.0, "N")]),  # a tie for the largest
        SCHEDULE: (2.70, [(10.0, "N"), (10.0, "N"), (80.0, "Y")])},
}  # D: no Work Context rows  # fmt: skip
EXPECTED = {  # code -> hours_per_week, hours_pct, schedule, schedule_pct
    A: ("40", 66.56, "regular", 80.0),
    B: (None, None, "irregular", 70.0),
    C: (None, None, None, None),
    D: (None, None, None, None),
}
NAMES = {"txt": "Work Context.txt", "csv": "work_context.csv", "xlsx": "Work Context.xlsx"}


def work_context(other_element: bool = True) -> pd.DataFrame:
    """The Work Context table: CT then CTP rows per element, as O*NET lists them."""
    rows = []
    for code, elements in SPEC.items():
        title = TITLES[code]
        if other_element:  # Time Pressure, a CX element with five categories: not read
            rows.append([code, title, "4.C.3.d.1", "Time Pressure", "CX", "Context", "n/a"])
            rows[-1] += ["4.10", "20", "0.20", "3.7", "4.5", "N", "n/a", "08/2025", "Incumbent"]
            for category in range(1, 6):
                rows.append([code, title, "4.C.3.d.1", "Time Pressure", "CXP"])
                rows[-1] += ["Context (Categories 1-5)", str(category), "20.00", "20", "9.0"]
                rows[-1] += ["5.0", "50.0", "N", "n/a", "08/2025", "Incumbent"]
        for (element, name), (mean, shares) in elements.items():
            rows.append([code, title, element, name, "CT", "Context", "n/a", f"{mean:.2f}"])
            rows[-1] += ["20", "0.2281", "1.5163", "2.4712", "N", "n/a", "08/2025", "Incumbent"]
            for category, (share, suppress) in enumerate(shares, start=1):
                rows.append([code, title, element, name, "CTP", "Context (Categories 1-3)"])
                rows[-1] += [str(category), f"{share:.2f}", "20", "17.7643", "1.4564"]
                rows[-1] += ["74.0353", suppress, "n/a", "08/2025", "Incumbent"]
    return pd.DataFrame(rows, columns=COLUMNS, dtype=str)


def write(table: pd.DataFrame, path: Path) -> None:
    """In O*NET's layout: tab-delimited text, quoted CSV, or Excel with numbers as numbers."""
    if path.suffix == ".txt":
        lines = ["\t".join(table.columns), *("\t".join(row) for row in table.to_numpy())]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif path.suffix == ".csv":
        table.to_csv(path, index=False, lineterminator="\n")
    else:
        if XLSX_WRITER is None:
            pytest.skip("no xlsx writer (openpyxl or xlsxwriter) installed to build Excel files")
        table = table.copy().astype(object)
        for column in ("Category", "Data Value", "N", "Standard Error", "Lower CI Bound"):
            table[column] = [v if v == "n/a" else float(v) for v in table[column]]
        table.to_excel(path, index=False, sheet_name="Work Context", engine=XLSX_WRITER)


def with_work_context(where: Path, kind: str, table: pd.DataFrame | None = None) -> Path:
    folder = make_release(where, kind)
    write(work_context() if table is None else table, folder / NAMES[kind])
    return folder


@pytest.mark.parametrize("kind", ["txt", "csv", "xlsx"])
def test_hours_and_schedule_from_work_context(tmp_path: Path, kind: str) -> None:
    out = tmp_path / "catalog"
    summary = import_onet(with_work_context(tmp_path, kind), out=out, progress=False)
    catalog = load_catalog(out)
    for code, expected in EXPECTED.items():
        got = catalog.loc[code, ["hours_per_week", "hours_pct", "schedule", "schedule_pct"]]
        assert [None if pd.isna(v) else v for v in got] == list(expected), code
    sources = json.loads((out / "sources.json").read_text(encoding="utf-8"))
    assert sources["tables"]["work_context"] == {"file": NAMES[kind], "release": "30.3"}
    assert summary.counts["with_hours"] == 1 and summary.counts["with_schedule"] == 2


def test_without_work_context_hours_and_schedule_stay_unknown(tmp_path: Path) -> None:
    out = tmp_path / "catalog"
    import_onet(make_release(tmp_path, "txt"), out=out, progress=False)
    catalog = load_catalog(out)
    assert catalog[["hours_per_week", "hours_pct", "schedule", "schedule_pct"]].isna().all().all()
    assert "work_context" not in json.loads((out / "sources.json").read_text())["tables"]


def test_a_bad_category_row_is_named(tmp_path: Path) -> None:
    table = work_context()
    hit = (table["Element ID"] == WEEK[0]) & (table["Scale ID"] == "CTP")
    row = int(table.index[hit][1])
    table.loc[row, "Category"] = "abc"
    with pytest.raises(ReleaseError) as error:
        import_onet(with_work_context(tmp_path, "txt", table), out=tmp_path / "out")
    assert f"Work Context.txt, line {row + 2}, column 'Category'" in str(error.value)


def test_changed_categories_are_refused(tmp_path: Path) -> None:
    folder = with_work_context(tmp_path, "txt")
    header = "Element ID\tElement Name\tScale ID\tScale Name\tCategory\tCategory Description\n"
    row = f"{WEEK[0]}\t{WEEK[1]}\tCTP\tContext (Categories 1-3)\t"
    text = header + row + "1\tMore than 40 hours\n" + row + "2\t40 hours\n"
    (folder / "Work Context Categories.txt").write_text(text + row + "3\tLess than 40 hours\n")
    with pytest.raises(ReleaseError, match="category 1 of 4.C.3.d.8 is 'More than 40 hours'"):
        import_onet(folder, out=tmp_path / "out", progress=False)


@pytest.mark.parametrize("release", ["onet-30.3", "onet"])
def test_element_ids_and_categories_match_onet(release: str) -> None:
    """The real Work Context Categories and Content Model Reference of 30.3 and 29.3."""
    if not (SHARED / release).is_dir():
        pytest.skip(f"{SHARED / release} is absent: the real O*NET tables are not here")
    found = open_release(SHARED / release)
    onet._check_week_categories(found)  # raises if categories differ from careerkit's
    assert found.has("work_context_categories")
    names = {"onet-30.3": "content_model_reference.csv", "onet": "Content Model Reference.txt"}
    sep = "," if release == "onet-30.3" else "\t"
    model = pd.read_csv(SHARED / release / names[release], sep=sep, dtype=str)
    model = model.set_index("Element ID")["Element Name"]
    assert model[onet.HOURS_ELEMENT] == "Duration of Typical Work Week"
    assert model[onet.SCHEDULE_ELEMENT] == "Work Schedules"
    assert set(onet.HOURS.values()) == set(HOURS)
    assert set(onet.SCHEDULES.values()) <= set(SCHEDULES)
