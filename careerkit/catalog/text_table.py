"""A catalog CSV a coach may have edited, read as text, its encoding and fields checked."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from careerkit.catalog.schema import CatalogError


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


def read_text_table(file: Path) -> pd.DataFrame:
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
