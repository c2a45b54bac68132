"""Download the O*NET database and BLS files from their publishers, then import them."""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pandas as pd
from tqdm.auto import tqdm

from careerkit import __version__, catalog, paths
from careerkit.catalog.sources.archive import is_web_page
from careerkit.catalog.sources.build import ImportSummary, import_onet

#: Every address ``careerkit catalog download`` uses, each on its publisher's own site.
#: Replace one with an environment variable (``CAREERKIT_URL_ONET``, ``CAREERKIT_URL_OEWS``,
#: ``CAREERKIT_URL_PROJECTIONS``) or the ``urls`` argument of :func:`download`.
SOURCES: dict[str, str] = {
    # The O*NET database, current release, tab-delimited text (CC BY 4.0): imported.
    "onet": "https://www.onetcenter.org/dl_files/database/db_30_3_text.zip",
    # BLS OEWS May 2025, national: the official zip (Excel workbooks inside). The import
    # reads OEWS figures only from a CSV in careerkit's layout (see data/README.md), so this
    # file is downloaded and recorded, not imported: the catalogue gets the national figures
    # bundled with careerkit unless such a CSV is given (``wages=``, ``--wages``).
    "oews": "https://www.bls.gov/oes/special-requests/oesm25nat.zip",
    # BLS Employment Projections, occupation table (sheet "Table 1.2"): imported.
    "projections": "https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx",
}
ENV_PREFIX = "CAREERKIT_URL_"
RECORD = "downloads.json"  # size, sha256, address and date of each file, in the folder
RETRIES = 3  # a broken transfer is tried again this many times
RETRY_WAIT = 2.0  # seconds before the first retry, doubled for each further one
TIMEOUT = 60.0  # seconds without data before a transfer counts as broken
USER_AGENT = f"careerkit/{__version__} (career workbook; Python urllib)"
BY_HAND = "download it by hand in a browser and run: careerkit catalog import-onet PATH"


class DownloadError(RuntimeError):
    """A file could not be downloaded; the message names the address, the problem, the fix."""


@dataclass
class Downloaded:
    """The files downloaded (as recorded in ``downloads.json``) and the import's summary."""

    dest: Path
    files: dict[str, dict]
    summary: ImportSummary

    def __str__(self) -> str:
        lines = [f"Downloaded to {paths.shown(self.dest)} (sizes and sha256 in {RECORD})"]
        for name, entry in self.files.items():
            note = " (recorded only, not imported)" if name == "oews" else ""
            lines.append(f"  {name}: {entry['file']}, {entry['size']:,} bytes{note}")
        return "\n".join([*lines, str(self.summary)])


def source_urls(urls: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each source's address: ``urls`` first, then ``CAREERKIT_URL_<NAME>``, then SOURCES."""
    urls = dict(urls or {})
    unknown = sorted(set(urls) - set(SOURCES))
    if unknown:
        raise DownloadError(f"unknown source(s) {unknown}; the sources are {list(SOURCES)}.")
    return {
        name: urls.get(name) or os.environ.get(ENV_PREFIX + name.upper()) or url
        for name, url in SOURCES.items()
    }


def download(
    dest: str | os.PathLike[str] | None = None,
    out: str | os.PathLike[str] | None = None,
    *,
    urls: Mapping[str, str] | None = None,
    wages: str | os.PathLike[str] | None = None,
    wage_year: int | None = None,
    progress: bool = True,
) -> Downloaded:
    """Download every source into ``dest``, then import O*NET with the projections.

    ``dest`` defaults to ``downloads/`` in the workspace and ``out`` to the workspace's
    catalogue. ``wages`` is a national OEWS CSV in careerkit's layout; without it the
    national figures bundled with careerkit are used (``wage_year`` as for import_onet).
    """
    folder = Path(dest).expanduser() if dest else paths.workspace() / "downloads"
    files = {}
    for name, url in source_urls(urls).items():
        target = folder / (PurePosixPath(urlsplit(url).path).name or name)
        fetch(url, target, progress=progress, setting=ENV_PREFIX + name.upper())
        files[name] = record(folder, name, url, target)
    if wages is None:
        wages, wage_year = bundled_wages(folder)
    summary = import_onet(
        folder / files["onet"]["file"],
        wages=wages,
        wage_year=wage_year,
        projections=folder / files["projections"]["file"],
        out=out,
        progress=progress,
    )
    return Downloaded(folder, files, summary)


def fetch(url: str, target: Path, *, progress: bool = True, setting: str = "") -> Path:
    """Download ``url`` to ``target`` by way of ``<target>.part``, renamed only when complete.

    A transfer cut short (connection dropped, fewer bytes than Content-Length) is tried
    again up to RETRIES times: from where it stopped (HTTP Range) when the server accepts
    ranges, else from the start. On failure the part file is removed and ``target`` is
    left as it was; so is it when the server sends a web page instead of the file.
    ``setting`` names the variable that replaces the address.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    transfer = _Transfer(url, target.with_name(target.name + ".part"))
    transfer.part.unlink(missing_ok=True)  # a leftover of another run: unknown content
    problem = ""
    bar = tqdm(desc=target.name, unit="B", unit_scale=True, unit_divisor=1024, disable=not progress)
    try:
        for attempt in range(RETRIES + 1):
            if attempt:
                time.sleep(RETRY_WAIT * 2 ** (attempt - 1))
            try:
                transfer.attempt(bar)
                break
            except urllib.error.HTTPError as error:
                error.close()
                if error.code < 500 and error.code not in (408, 416, 429):
                    raise DownloadError(_refused(url, error, setting)) from None
                if error.code == 416:  # the part file is no longer a prefix: start again
                    transfer.part.unlink(missing_ok=True)
                problem = f"the server answered {error.code} {error.reason}"
            except (OSError, http.client.HTTPException) as error:
                problem = str(error) or type(error).__name__
            except ValueError as error:  # not an http(s) address
                raise DownloadError(f"{url!r}: {error}; give an https:// address.") from None
        else:
            raise DownloadError(
                f"{url}: the download failed {RETRIES + 1} times (last: {problem}). No "
                f"internet, or a connection that keeps breaking? Try again later, or {BY_HAND}."
            )
        with transfer.part.open("rb") as file:
            if is_web_page(file.read(512)):
                where = f"set {setting} to its address" if setting else "use its address"
                raise DownloadError(
                    f"{url}: the server sent a web page, not the file (a notice, sign-in or "
                    f"error page; or the file has moved). Find the file on the publisher's "
                    f"site and {where}, or {BY_HAND}."
                )
        os.replace(transfer.part, target)
    finally:
        bar.close()
        transfer.part.unlink(missing_ok=True)
    return target


@dataclass
class _Transfer:
    url: str
    part: Path
    ranges: bool = False  # the server said "Accept-Ranges: bytes"

    def attempt(self, bar: tqdm) -> None:
        """One request, appending to the part file; raises OSError if it ends short."""
        done = self.part.stat().st_size if self.part.exists() and self.ranges else 0
        headers = {"User-Agent": USER_AGENT} | ({"Range": f"bytes={done}-"} if done else {})
        request = urllib.request.Request(self.url, headers=headers)
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            self.ranges |= response.headers.get("Accept-Ranges", "").lower() == "bytes"
            resumed = response.status == 206
            if resumed and not response.headers.get("Content-Range", "").startswith(
                f"bytes {done}-"
            ):
                self.part.unlink()
                raise OSError(f"the server resumed at the wrong place ({done:,} bytes wanted)")
            done = done if resumed else 0
            length = response.headers.get("Content-Length")
            total = done + int(length) if length and length.isdigit() else None
            bar.reset(total=total)
            bar.update(done)
            with self.part.open("ab" if resumed else "wb") as file:
                while chunk := response.read(1 << 16):
                    file.write(chunk)
                    bar.update(len(chunk))
        size = self.part.stat().st_size
        if total is not None and size < total:
            raise OSError(f"the connection closed after {size:,} of {total:,} bytes")


def _refused(url: str, error: urllib.error.HTTPError, setting: str) -> str:
    what = f"{url}: the server answered {error.code} {error.reason}."
    if error.code == 404:
        where = f" and set {setting} to its address" if setting else ""
        return (
            f"{what} The file may have moved: find it on the publisher's site{where}, or {BY_HAND}."
        )
    return f"{what} Some sites refuse downloads by programs: {BY_HAND}."


def sha256(path: Path) -> str:
    """The file's SHA-256 checksum, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def record(folder: Path, name: str, url: str, file: Path) -> dict:
    """Record ``file`` (address, size, sha256, date) under ``name`` in ``downloads.json``."""
    entry = {
        "url": url,
        "file": file.name,
        "size": file.stat().st_size,
        "sha256": sha256(file),
        "downloaded": date.today().isoformat(),
    }
    path = folder / RECORD
    try:
        recorded = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError as error:
        raise DownloadError(f"{path}: not valid JSON ({error}); delete it and run again.") from None
    recorded[name] = entry
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(recorded, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return entry


def bundled_wages(folder: Path) -> tuple[Path, int]:
    """The bundled catalogue's national OEWS figures as a CSV in careerkit's layout."""
    rows = pd.read_csv(
        paths.DATA_DIR / "catalog" / catalog.OCCUPATIONS, dtype=str, keep_default_na=False
    )
    rows = rows[rows["wage_soc"] != ""].drop_duplicates("wage_soc")
    year = int(float(rows["wage_year"].iloc[0]))
    columns = {"wage_soc": "soc_code", "wage_title": "title", "employment": "employment"}
    columns |= {"median_wage": "annual_median_wage_usd"}
    columns |= {f"wage_p{p}": f"annual_p{p}_usd" for p in (10, 25, 75, 90)}
    columns |= {"hourly_median_wage": "hourly_median_usd"}
    rows = rows.reindex(columns=[*columns, "wage_note"], fill_value="")
    # BLS's notes as the areas file words them, so the import reads them the same way
    top = rows["wage_note"] == catalog.TOP_CODED
    rows["median_note"] = rows["wage_note"].where(~top, "top-coded: >= " + rows["median_wage"])
    columns |= {"median_note": "median_note"}
    path = folder / f"oews_national_{year}_from_bundled_catalog.csv"
    rows[list(columns)].rename(columns=columns).to_csv(path, index=False, lineterminator="\n")
    return path, year
