"""An import never takes the person's good catalogue or the machine's memory (issue 21 §2).

Zip bombs are refused before they inflate; an import that yields no occupations (or far
fewer than the release lists) is refused and the old catalogue stays; a row that cannot be
read is reported with file, line and column; damaged zips, workbooks that are not
workbooks and web pages served as files end in one plain line; the catalogue folder
follows the person's umask, and one they may not read is said plainly.
"""

from __future__ import annotations

import os
import stat
import tracemalloc
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from careerkit import workbook
from careerkit.catalog import CatalogError, load_catalog
from careerkit.catalog import tables as catalog_tables
from careerkit.catalog.sources import archive
from careerkit.catalog.sources.build import import_onet
from careerkit.catalog.sources.release import ReleaseError
from careerkit.cli import main
from tests.catalog import test_import
from tests.catalog.test_download import PROJECTIONS, release_zip, serve, server  # noqa: F401 (fixtures)
from tests.catalog.test_import import B, make_release, release_tables, snapshot, write_table
from tests.test_cli import error_line

#: One real row of the synthetic Interests table, repeated to make a file that packs tightly.
ROW = "11-1011.00\tChief Executives\t1.B.1.a\tRealistic\tOI\tOccupational Interests\t1.26\t"
ROW += "02/2026\tMachine Learning/Expert\n"


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    """A working catalogue from an earlier import."""
    out = tmp_path / "workspace-copy" / "catalog"
    import_onet(make_release(tmp_path / "first", "txt"), out=out, progress=False)
    return out


def rezip(folder: Path, path: Path, replace: dict[str, bytes] | None = None) -> Path:
    """The release folder as a zip, some members' bytes replaced."""
    replace = replace or {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped:
        for file in sorted(folder.rglob("*")):
            name = file.relative_to(folder).as_posix()
            if file.is_file():
                zipped.writestr(f"db/{name}", replace.get(name, file.read_bytes()))
    return path


# --- zip bombs ----------------------------------------------------------------------------


def test_a_member_that_inflates_far_beyond_its_packed_size_is_refused_unread(
    existing: Path, tmp_path: Path
) -> None:
    """10 MB of one repeated (valid) row packs into ~30 KB: refused before it inflates."""
    folder = make_release(tmp_path / "bomb", "txt")
    header = (folder / "Interests.txt").read_text().splitlines()[0]
    bomb = (header + "\n" + ROW * 100_000).encode()
    path = rezip(folder, tmp_path / "bomb.zip", {"Interests.txt": bomb})
    before = snapshot(existing)
    tracemalloc.start()
    try:
        with pytest.raises(ReleaseError) as error:
            import_onet(path, out=existing, progress=False)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    message = str(error.value)
    assert "db/Interests.txt" in message and "times its packed size" in message
    assert peak < len(bomb) / 2  # the member was never inflated into memory
    assert snapshot(existing) == before


def test_a_member_larger_than_the_stated_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive, "MAX_BYTES", 50_000)  # the real limit is 256 MB
    folder = make_release(tmp_path / "big", "txt")
    (folder / "Sample of Reported Titles.txt").write_bytes(os.urandom(60_000).hex().encode())
    path = rezip(folder, tmp_path / "big.zip")
    with pytest.raises(ReleaseError, match=r"Sample of Reported Titles.txt would unpack to"):
        import_onet(path, out=tmp_path / "catalog", progress=False)


def test_a_workbook_whose_sheet_inflates_hugely_is_refused(tmp_path: Path) -> None:
    folder = make_release(tmp_path / "xlsx-bomb", "txt")
    (folder / "Skills.txt").unlink()
    with zipfile.ZipFile(folder / "Skills.xlsx", "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("xl/workbook.xml", "<workbook/>")
        book.writestr("xl/worksheets/sheet1.xml", b" " * (20 * 2**20))
    with pytest.raises(ReleaseError) as error:
        import_onet(folder, out=tmp_path / "catalog", progress=False)
    assert "Skills.xlsx (part xl/worksheets/sheet1.xml)" in str(error.value)
    assert "times its packed size" in str(error.value)


# --- an import that yields no or too few occupations ------------------------------------


@pytest.mark.parametrize("kept", [0, 1])
def test_an_emptied_or_cut_interests_table_keeps_the_old_catalogue(
    existing: Path, tmp_path: Path, kept: int
) -> None:
    tables = release_tables()
    interests = tables["interests"]
    codes = list(dict.fromkeys(interests["O*NET-SOC Code"]))[:kept]
    tables["interests"] = interests[interests["O*NET-SOC Code"].isin(codes)]
    before, siblings = snapshot(existing), sorted(existing.parent.iterdir())
    with pytest.raises(ReleaseError) as error:
        import_onet(make_release(tmp_path / "cut", "txt", tables), out=existing, progress=False)
    message = str(error.value)
    assert f"only {kept} of the 7 occupations listed in Occupation Data.txt" in message
    assert "Interests.txt has scores for" in message and "not changed" in message
    assert snapshot(existing) == before and sorted(existing.parent.iterdir()) == siblings


# --- rows that cannot be read -------------------------------------------------------------


def swapped(table: pd.DataFrame, row: int, first: str, second: str) -> pd.DataFrame:
    table = table.copy()
    table.loc[row, [first, second]] = table.loc[row, [second, first]].to_numpy()
    return table


def _ih_row(tables: dict[str, pd.DataFrame]) -> int:
    frame = tables["interests"]
    return int(frame.index[(frame["Scale ID"] == "IH") & (frame["O*NET-SOC Code"] == B)][0])


BAD_ROWS = [
    # (table, change, column named)
    ("interests", lambda t, i: swapped(t, i, "Scale ID", "Element Name"), "Scale ID"),
    ("interests", lambda t, i: t.assign(**{"Data Value": t["Data Value"].mask(t.index == i, "abc")}), "Data Value"),  # noqa: E501
    ("interests", lambda t, i: t.assign(**{"Element Name": t["Element Name"].mask(t.index == 0, "Realistik")}), "Element Name"),  # noqa: E501
    ("interests", lambda t, i: t.assign(**{"Data Value": t["Data Value"].mask(t.index == 2, "9.50")}), "Data Value"),  # noqa: E501
    ("job_zones", lambda t, i: t.assign(**{"Job Zone": t["Job Zone"].mask(t.index == 1, "abc")}), "Job Zone"),  # noqa: E501
    ("related", lambda t, i: t.assign(Index=t["Index"].mask(t.index == 3, "abc")), "Index"),
    ("related", lambda t, i: swapped(t, 2, "O*NET-SOC Code", "Title"), "O*NET-SOC Code"),
]  # fmt: skip


@pytest.mark.parametrize("kind", ["txt", "csv", "xlsx"])
@pytest.mark.parametrize(("key", "change", "column"), BAD_ROWS)
def test_a_row_that_cannot_be_read_is_named_by_file_line_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, key: str, change, column: str
) -> None:
    monkeypatch.setattr(test_import, "NUMERIC", set())  # Excel cells as text: "abc" too
    tables = release_tables()
    tables[key] = change(tables[key], _ih_row(tables))
    original = release_tables()[key]
    changed = (tables[key].astype(str) != original.astype(str)).any(axis=1)
    line = int(changed.to_numpy().argmax()) + 2  # the header is line 1
    with pytest.raises(ReleaseError) as error:
        import_onet(make_release(tmp_path, kind, tables), out=tmp_path / "out", progress=False)
    message = str(error.value)
    word = "row" if kind == "xlsx" else "line"
    assert f", {word} {line}, column {column!r}" in message, message
    assert not (tmp_path / "out").exists()


def test_a_file_that_is_not_utf8_is_reported_not_replaced(tmp_path: Path) -> None:
    folder = make_release(tmp_path, "txt")
    data = (folder / "Occupation Data.txt").read_text(encoding="utf-8").splitlines()
    data[3] = data[3].replace("Buyers", "Acheteurs à")
    (folder / "Occupation Data.txt").write_bytes("\n".join(data).encode("latin-1"))
    with pytest.raises(ReleaseError) as error:
        import_onet(folder, out=tmp_path / "out", progress=False)
    message = str(error.value)
    assert "Occupation Data.txt, line 4: the file is not UTF-8 text (byte 0xe0)" in message


# --- one plain line for a damaged zip or workbook -----------------------------------------


def flag_encrypted(path: Path, member: str) -> None:
    """Mark ``member`` encrypted (bit 0 of its flags) in both of its zip headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zipped:
        data[zipped.getinfo(member).header_offset + 6] |= 0x1  # local file header
    central = data.find(b"PK\x01\x02")
    while central != -1:  # central directory entries: the name at 46, its length at 28
        length = int.from_bytes(data[central + 28 : central + 30], "little")
        if data[central + 46 : central + 46 + length] == member.encode():
            data[central + 8] |= 0x1
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def corrupted(path: Path, member: str) -> None:
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zipped:
        info = zipped.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 20, start + info.compress_size - 20, 7):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


def middle_cut_out(path: Path, member: str) -> None:
    data = path.read_bytes()
    third = len(data) // 3
    path.write_bytes(data[:third] + data[2 * third :])


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (flag_encrypted, "db/Interests.txt is encrypted"),
        (corrupted, "db/Interests.txt is damaged inside the zip"),
        (middle_cut_out, "damaged"),
    ],
    ids=["encrypted", "corrupted", "middle-cut-out"],
)
def test_a_damaged_zip_is_one_plain_line_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage, said: str
) -> None:
    folder = make_release(tmp_path / "release", "txt")
    big = release_tables()["interests"]
    write_table(folder / "Interests.txt", pd.concat([big] * 20, ignore_index=True))
    path = rezip(folder, tmp_path / "db_30_3_text.zip")
    damage(path, "db/Interests.txt")
    out = tmp_path / "catalog"
    assert main(["catalog", "import-onet", str(path), "--out", str(out)]) == 1
    line = error_line(capsys)
    assert str(path) in line and said in line, line
    assert "Errno" not in line
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"O*NET-SOC Code\tElement Name\n15-1252.00\tProgramming\n", "is not an Excel workbook"),
        (b"", "is empty"),
        (b"<!DOCTYPE html><html><body>Not found</body></html>", "it is a web page"),
        (None, "is a zip file but not an Excel workbook"),
    ],
    ids=["text", "empty", "html", "another-zip"],
)
def test_an_xlsx_that_is_no_workbook_is_one_plain_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, said: str
) -> None:
    folder = make_release(tmp_path / "release", "txt")
    (folder / "Skills.txt").unlink()
    book = folder / "Skills.xlsx"
    if content is None:
        with zipfile.ZipFile(book, "w") as other:
            other.writestr("Skills.txt", "O*NET-SOC Code\n")
    else:
        book.write_bytes(content)
    assert main(["catalog", "import-onet", str(folder), "--out", str(tmp_path / "out")]) == 1
    line = error_line(capsys)
    assert str(book) in line and said in line, line


def test_a_projections_workbook_that_is_text_is_one_plain_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    projections = tmp_path / "occupation.xlsx"
    projections.write_text(PROJECTIONS)
    release = make_release(tmp_path, "txt")
    args = ["catalog", "import-onet", str(release), "--projections", str(projections)]
    assert main([*args, "--out", str(tmp_path / "out")]) == 1
    line = error_line(capsys)
    assert str(projections) in line and "is not an Excel workbook" in line


def test_a_web_page_served_for_a_file_is_one_plain_line(
    tmp_path: Path,
    serve,  # noqa: F811 (the fixture of tests/catalog/test_download.py)
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Sites answer 200 with a notice page; the download says so and keeps nothing."""
    page = b"\n<!DOCTYPE html>\n<html><head><title>Access Denied</title></head></html>\n"
    files = {
        "onet": serve("/db_29_3_text.zip", release_zip(tmp_path / "release")),
        "oews": serve("/oesm25nat.zip", b"PK recorded only"),
        "projections": serve("/occupation.xlsx", page),
    }
    for name, url in files.items():
        monkeypatch.setenv(f"CAREERKIT_URL_{name.upper()}", url)
    dest, out = tmp_path / "downloads", tmp_path / "catalog"
    assert main(["catalog", "download", "--dest", str(dest), "--out", str(out)]) == 1
    line = error_line(capsys)
    assert files["projections"] in line and "sent a web page, not the file" in line
    assert "CAREERKIT_URL_PROJECTIONS" in line
    assert not (dest / "occupation.xlsx").exists() and not list(dest.glob("*.part"))
    assert not out.exists()


# --- who may read the catalogue -------------------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o755), (0o027, 0o750), (0o077, 0o700)])
def test_the_catalogue_folder_follows_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        import_onet(make_release(tmp_path, "txt"), out=tmp_path / "catalog", progress=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "catalog").stat().st_mode) == mode
    for file in (tmp_path / "catalog").iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o666 & ~umask


@pytest.fixture
def locked(existing: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The catalogue folder as a person without read permission sees it (monkeypatched:
    the tests run as root, for whom permission bits do not apply)."""
    real_stat, real_open = Path.stat, Path.open

    def refuse(path: Path) -> None:
        if existing in Path(path).parents:
            raise PermissionError(13, "Permission denied", str(path))

    def stat_(self: Path, **kwargs: object) -> os.stat_result:
        refuse(self)
        return real_stat(self, **kwargs)

    def open_(self: Path, *args: object, **kwargs: object):
        refuse(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat_)
    monkeypatch.setattr(Path, "open", open_)
    return existing


def test_a_catalogue_one_may_not_read_is_said_plainly(
    locked: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(CatalogError) as error:
        load_catalog(locked)
    assert str(locked) in str(error.value) and "not allowed to open" in str(error.value)
    with pytest.raises(CatalogError, match="not allowed to open"):
        catalog_tables.skill_ratings(locked)
    monkeypatch.setenv("CAREERKIT_HOME", str(locked.parent))  # the workspace's own import
    monkeypatch.delenv("CAREERKIT_CATALOG", raising=False)
    with pytest.raises(CatalogError, match="chmod -R g\\+rX"):
        workbook.load_catalog()


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="runs as root, for whom permission bits do not apply (the monkeypatched test "
    "above covers it)",
)
def test_a_catalogue_without_read_permission_is_said_plainly(existing: Path) -> None:
    existing.chmod(0)
    try:
        with pytest.raises(CatalogError, match="not allowed to open"):
            load_catalog(existing)
    finally:
        existing.chmod(0o755)
