"""Files read out of a zip (an O*NET release, or an Excel workbook) within stated limits.

A member is read as a stream, never more than :data:`MAX_BYTES`, and refused before it
is read when its declared size or compression ratio is out of bounds (a "zip bomb": a
small zip that inflates to gigabytes). A damaged, encrypted or cut zip, or a file that is
not the workbook its name says, becomes one :class:`ArchiveError` naming the file.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pandas as pd

#: A table (text, CSV or .xlsx file) larger than this uncompressed is refused. O*NET's
#: largest table read, Work Context, is about 45 MB as text (estimated from its 297,676
#: rows; no copy here to measure); reading 128 MB of text took about 1 GB of memory
#: (measured), so this bounds what an import may take.
MAX_BYTES = 128 * 2**20
#: The parts of one .xlsx together: its XML is about 5 times the text (Skills: 36 MB).
MAX_WORKBOOK_BYTES = 512 * 2**20
#: Uncompressed / compressed size above which a member is refused; O*NET's text tables
#: compress 3 to 20 times, an Excel sheet's XML about as much.
MAX_RATIO = 100
#: Members smaller than this are not held to MAX_RATIO (small files may compress well).
RATIO_FROM = 2**20
CHUNK = 2**20
WORKBOOK = "xl/workbook.xml"  # every .xlsx has it
AGAIN = "download the release again from O*NET"


class ArchiveError(ValueError):
    """A zip or workbook that cannot safely be read; the message names it and the fix."""


def _mb(size: int) -> str:
    return f"{size / 2**20:,.0f} MB"


def check_member(info: zipfile.ZipInfo, where: str, limit: int | None = None) -> None:
    """Refuse a member whose declared size (over ``limit``, default MAX_BYTES) or ratio is
    out of bounds, or that is encrypted."""
    limit = MAX_BYTES if limit is None else limit
    if info.flag_bits & 0x1:
        raise ArchiveError(
            f"{where} is encrypted (protected by a password); careerkit reads only the "
            f"release as published: {AGAIN}."
        )
    if info.file_size > limit:
        raise ArchiveError(
            f"{where} would unpack to {_mb(info.file_size)}, more than the {_mb(limit)} "
            "careerkit reads from one file; this is not an O*NET table as published (a "
            f"damaged or hostile zip?): {AGAIN}."
        )
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_FROM and ratio > MAX_RATIO:
        raise ArchiveError(
            f"{where} would unpack to {ratio:,.0f} times its packed size ({_mb(info.file_size)} "
            f"from {info.compress_size:,} bytes), more than the {MAX_RATIO} times a real table "
            f"compresses; this looks like a damaged or hostile zip: {AGAIN}."
        )


def read_member(archive: zipfile.ZipFile, name: str, where: str) -> bytes:
    """The member's bytes, streamed and stopped at MAX_BYTES whatever its header says."""
    try:
        info = archive.getinfo(name)
        check_member(info, where)
        out = io.BytesIO()
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                out.write(chunk)
                if out.tell() > MAX_BYTES:
                    raise ArchiveError(
                        f"{where} unpacks to more than {_mb(MAX_BYTES)} (more than its header "
                        f"says); this is not an O*NET table as published: {AGAIN}."
                    )
        return out.getvalue()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as error:
        raise ArchiveError(f"{where} is damaged inside the zip ({error}): {AGAIN}.") from None
    except NotImplementedError as error:
        raise ArchiveError(
            f"{where} is packed in a way Python cannot unpack ({error}): unzip it with your "
            "system's tool and give the folder, or download the release again."
        ) from None


def open_zip(path: Path) -> zipfile.ZipFile:
    """The zip at ``path``, or an ArchiveError saying it is cut short or damaged."""
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise ArchiveError(
            f"{path} is a damaged or incomplete zip ({_reason(error)}); was the download cut "
            "short? Download it again."
        ) from None


def members(path: Path) -> list[str]:
    """The file names in the zip at ``path`` (folders left out)."""
    with open_zip(path) as archive:
        try:
            return [n for n in archive.namelist() if not n.endswith("/")]
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise ArchiveError(f"{path} is a damaged zip ({_reason(error)}).") from None


def check_workbook(data: bytes, where: str) -> None:
    """Refuse bytes that are not an .xlsx workbook (text, empty, another zip, a bomb)."""
    if not data.strip():
        raise ArchiveError(
            f"{where} is empty; it should be an Excel workbook (.xlsx). Use the release's "
            "original file, or its text or CSV version."
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        looks = "a web page" if is_web_page(data) else "text or another kind of file"
        raise ArchiveError(
            f"{where} is not an Excel workbook (.xlsx): it is {looks}. Use the release's "
            "original file, or its text or CSV version."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            names = book.namelist()
            if WORKBOOK not in names:
                raise ArchiveError(
                    f"{where} is a zip file but not an Excel workbook (it has no {WORKBOOK}). "
                    "Use the release's original file, or its text or CSV version."
                )
            infos = book.infolist()
            for info in infos:
                check_member(info, f"{where} (part {info.filename})", MAX_WORKBOOK_BYTES)
            total = sum(info.file_size for info in infos)
            if total > MAX_WORKBOOK_BYTES:
                raise ArchiveError(
                    f"{where} would unpack to {_mb(total)}, more than the "
                    f"{_mb(MAX_WORKBOOK_BYTES)} careerkit reads from one workbook."
                )
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        if isinstance(error, ArchiveError):
            raise
        raise ArchiveError(f"{where} is a damaged workbook ({_reason(error)}).") from None


def read_workbook(data: bytes, where: str, **options: Any) -> pd.DataFrame:
    """A sheet of the .xlsx ``data`` as read by pandas, after :func:`check_workbook`."""
    from python_calamine import CalamineError  # pandas' engine for .xlsx, loaded when used

    check_workbook(data, where)
    try:
        return pd.read_excel(io.BytesIO(data), dtype=str, engine="calamine", **options)
    except CalamineError as error:
        raise ArchiveError(f"{where} cannot be read as an Excel workbook ({error}).") from None


def is_web_page(data: bytes) -> bool:
    """Whether the bytes start like an HTML page (what a site sends instead of a file)."""
    start = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html", b"<head", b"<!--"))


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
