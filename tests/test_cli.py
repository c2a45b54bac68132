"""The ``careerkit`` command: importing a release, and errors as one plain line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from careerkit import load_catalog
from careerkit.cli import main
from tests.conftest import ROOT, SHARED

#: A tiny O*NET 29.3-style release: code -> (title, RIASEC scores, job zone, skills).
OCCUPATIONS = {
    "15-1252.00": ("Software Developers", (2.0, 6.5, 3.0, 2.5, 3.5, 4.5), 4, "Programming"),
    "29-1141.00": ("Registered Nurses", (3.5, 4.5, 1.5, 7.0, 2.5, 3.5), 3, "Service Orientation"),
    "47-2111.00": ("Electricians", (6.5, 3.0, 1.5, 1.5, 2.0, 3.0), 3, "Troubleshooting"),
}
THEMES = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")
SKILL_COLUMNS = (
    "O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\tData Value\tN\t"
    "Standard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\t"
    "Domain Source"
)


def write_release(folder: Path) -> Path:
    """Write the four tables an import needs, with O*NET 29.3's real column headers."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Read Me.txt").write_text("O*NET 29.3 Database\nMay 2025 Release\n")
    data = ["O*NET-SOC Code\tTitle\tDescription"]
    data.append("11-9199.00\tManagers, All Other\tAll managers not listed separately.")
    interests = [
        "O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\tData Value\t"
        "Date\tDomain Source"
    ]
    zones = ["O*NET-SOC Code\tTitle\tJob Zone\tDate\tDomain Source"]
    skills = [SKILL_COLUMNS]
    for code, (title, scores, zone, top) in OCCUPATIONS.items():
        data.append(f"{code}\t{title}\tO*NET's own description of {title}.")
        for i, (theme, score) in enumerate(zip(THEMES, scores, strict=True)):
            row = f"{code}\t{title}\t1.B.1.{'abcdef'[i]}\t{theme}\tOI\tOccupational Interests"
            interests.append(f"{row}\t{score}\t11/2023\tMachine Learning")
        zones.append(f"{code}\t{title}\t{zone}\t08/2023\tAnalyst")
        for skill, importance in ((top, 4.5), ("Speaking", 3.5), ("Writing", 3.0)):
            for scale, name, value in (("IM", "Importance", importance), ("LV", "Level", 4.0)):
                skills.append(
                    f"{code}\t{title}\t2.A.1.x\t{skill}\t{scale}\t{name}\t{value}\t8\t0.1\t"
                    f"3.5\t4.5\tN\t{'n/a' if scale == 'IM' else 'N'}\t08/2023\tAnalyst"
                )
    tables = {
        "Occupation Data": data,
        "Interests": interests,
        "Job Zones": zones,
        "Skills": skills,
    }
    for name, lines in tables.items():
        (folder / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def error_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The one line the command wrote to stderr (fails if there are more)."""
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ")
    assert "Traceback" not in lines[0]
    return lines[0]


def test_import_onet_writes_the_catalogue(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    release = write_release(tmp_path / "release")
    out = tmp_path / "catalog"
    assert main(["catalog", "import-onet", str(release), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"Catalog written to {out}" in printed
    assert "occupations: 3" in printed  # 11-9199.00 has no interests, so it is left out
    table = load_catalog(out)
    assert sorted(table.index) == sorted(OCCUPATIONS)
    assert table.loc["29-1141.00", "S"] == 7.0
    assert table.loc["15-1252.00", "job_zone"] == 4
    assert table.loc["47-2111.00", "skills"].split(";")[0] == "Troubleshooting"
    assert table["median_wage"].isna().all()  # no wages file was given
    sources = json.loads((out / "sources.json").read_text(encoding="utf-8"))
    assert sources["onet_release"] == "29.3"


def test_import_onet_defaults_to_the_workspace_catalogue(tmp_path: Path, workspace: Path):
    assert main(["catalog", "import-onet", str(write_release(tmp_path / "release"))]) == 0
    assert len(load_catalog(workspace / "catalog")) == 3


def test_wages_file_and_wage_year_are_passed_on(tmp_path: Path):
    release = write_release(tmp_path / "release")
    pay = tmp_path / "pay.csv"  # no year in the name: --wage-year gives it
    pay.write_text(
        "soc_code,title,employment,annual_median_wage_usd\n"
        "15-1252,Software Developers,1654440,133080\n"
    )
    out = tmp_path / "catalog"
    args = ["catalog", "import-onet", str(release), "--wages", str(pay), "--out", str(out)]
    assert main([*args, "--wage-year", "2024"]) == 0
    table = load_catalog(out)
    assert table.loc["15-1252.00", "median_wage"] == 133080
    assert table.loc["15-1252.00", "wage_year"] == 2024
    assert table["median_wage"].notna().sum() == 1


def test_missing_wage_year_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    release = write_release(tmp_path / "release")
    pay = tmp_path / "pay.csv"
    pay.write_text("soc_code,title,employment,annual_median_wage_usd\n")
    assert main(["catalog", "import-onet", str(release), "--wages", str(pay)]) == 1
    line = error_line(capsys)
    assert str(pay) in line and "--wage-year" in line


def test_missing_release_is_one_line_with_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    missing = tmp_path / "no such release"
    assert main(["catalog", "import-onet", str(missing)]) == 1
    line = error_line(capsys)
    assert str(missing) in line and "does not exist" in line
    assert capsys.readouterr().out == ""


def test_unreadable_projections_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    release = write_release(tmp_path / "release")
    missing = tmp_path / "occupation.xlsx"
    assert main(["catalog", "import-onet", str(release), "--projections", str(missing)]) == 1
    assert str(missing) in error_line(capsys)


def test_out_that_is_not_a_catalogue_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "letter.txt").write_text("keep me")
    release = write_release(tmp_path / "release")
    assert main(["catalog", "import-onet", str(release), "--out", str(folder)]) == 1
    assert str(folder) in error_line(capsys)
    assert [p.name for p in folder.iterdir()] == ["letter.txt"]


def test_an_existing_catalogue_is_replaced(tmp_path: Path):
    release = write_release(tmp_path / "release")
    out = tmp_path / "catalog"
    assert main(["catalog", "import-onet", str(release), "--out", str(out)]) == 0
    (out / "stale.txt").write_text("from the last import")
    assert main(["catalog", "import-onet", str(release), "--out", str(out)]) == 0
    assert not (out / "stale.txt").exists()


def test_python_dash_m_careerkit(tmp_path: Path):
    missing = tmp_path / "nowhere"
    command = [sys.executable, "-m", "careerkit", "catalog", "import-onet", str(missing)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"error: {missing} does not exist; give the folder or zip of an O*NET release."
    ]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exit_:
        main(["catalog"])
    assert exit_.value.code == 2
    assert "import-onet" in capsys.readouterr().err


@pytest.mark.skipif(
    not (SHARED / "onet").is_dir() or not (SHARED / "oews" / "national_2025.csv").is_file(),
    reason=f"the real O*NET 29.3 release and OEWS file are not in {SHARED} on this machine",
)
def test_real_release_through_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "catalog"
    wages = SHARED / "oews" / "national_2025.csv"
    args = ["catalog", "import-onet", str(SHARED / "onet"), "--wages", str(wages)]
    assert main([*args, "--out", str(out)]) == 0
    assert "wages: national_2025.csv (BLS OEWS May 2025)" in capsys.readouterr().out
    table = load_catalog(out)
    assert len(table) == 923  # the occupations with interest data and a job zone in 29.3
    assert table.loc["15-1252.00", "title"] == "Software Developers"
    assert table["median_wage"].notna().sum() > 900
    assert set(table["wage_year"].dropna()) == {2025}
