"""Downloads from a local HTTP server: retries, Range resumes, checksums, plain errors."""

from __future__ import annotations

import hashlib
import io
import json
import socket
import struct
import threading
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from careerkit import load_catalog
from careerkit.catalog.sources import download as dl
from careerkit.catalog.sources.download import DownloadError, download, fetch
from careerkit.cli import main
from tests.test_cli import OCCUPATIONS, write_release

BODY = bytes(range(256)) * 1000  # 256,000 bytes: several reads of 64 KiB
HALF = len(BODY) // 2


class Server(HTTPServer):
    """Serves ``files``: path -> (bytes, mode); logs each request's path and Range header."""

    files: dict[str, tuple[bytes, str]]
    requests: list[tuple[str, str | None]]


class Handler(BaseHTTPRequestHandler):
    """Modes: ``ranges`` (accepts Range), ``plain`` (ignores it), ``break-once`` and
    ``break-once-plain`` (the first answer stops half-way), ``reset-once`` (the first
    answer ends in a TCP reset), ``always-break``; any other path is 404."""

    server: Server

    def do_GET(self) -> None:
        self.server.requests.append((self.path, self.headers.get("Range")))
        if self.path not in self.server.files:
            self.send_error(404)
            return
        body, mode = self.server.files[self.path]
        first = [p for p, _ in self.server.requests].count(self.path) == 1
        ranges = mode in ("ranges", "break-once", "reset-once")
        asked = self.headers.get("Range", "")
        start = int(asked.removeprefix("bytes=").removesuffix("-")) if ranges and asked else 0
        self.send_response(206 if start else 200)
        if ranges:
            self.send_header("Accept-Ranges", "bytes")
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        self.send_header("Content-Length", str(len(body) - start))
        self.end_headers()
        if mode == "always-break" or (first and mode.startswith(("break-once", "reset-once"))):
            self.wfile.write(body[start:][: (len(body) - start) // 2])
            if mode == "reset-once":  # close with RST instead of a clean end of stream
                linger = struct.pack("ii", 1, 0)
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
            return
        self.wfile.write(body[start:])

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    """A server on 127.0.0.1 (random port) in a thread; retries do not wait."""
    monkeypatch.setattr(dl, "RETRY_WAIT", 0.0)
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.files, httpd.requests = {}, []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture
def serve(server: Server) -> Callable[..., str]:
    """Put bytes at a path on the server; returns its address."""

    def put(path: str, body: bytes = BODY, mode: str = "ranges") -> str:
        server.files[path] = (body, mode)
        return f"http://127.0.0.1:{server.server_port}{path}"

    return put


@pytest.fixture
def dest(tmp_path: Path) -> Path:
    """The download folder (created by fetch); tmp_path also holds the test's workspace."""
    return tmp_path / "downloads"


def requests_for(server: Server, path: str) -> list[str | None]:
    """The Range header of each request for ``path``, in order."""
    return [asked for p, asked in server.requests if p == path]


def test_fetch_writes_the_file(dest: Path, serve, server: Server):
    target = fetch(serve("/a.bin"), dest / "a.bin", progress=False)
    assert target.read_bytes() == BODY
    assert [p.name for p in dest.iterdir()] == ["a.bin"]
    assert requests_for(server, "/a.bin") == [None]


def test_broken_download_resumes_with_range(dest: Path, serve, server: Server):
    target = fetch(serve("/a.bin", mode="break-once"), dest / "a.bin", progress=False)
    assert target.read_bytes() == BODY
    assert requests_for(server, "/a.bin") == [None, f"bytes={HALF}-"]  # resumed, not restarted
    assert [p.name for p in dest.iterdir()] == ["a.bin"]


def test_connection_reset_is_retried(dest: Path, serve, server: Server):
    # How much of the first half arrives before the reset varies: only the result is fixed.
    target = fetch(serve("/a.bin", mode="reset-once"), dest / "a.bin", progress=False)
    assert target.read_bytes() == BODY
    assert len(requests_for(server, "/a.bin")) == 2
    assert [p.name for p in dest.iterdir()] == ["a.bin"]


def test_broken_download_restarts_without_range_support(dest: Path, serve, server: Server):
    target = fetch(serve("/a.bin", mode="break-once-plain"), dest / "a.bin", progress=False)
    assert target.read_bytes() == BODY
    assert requests_for(server, "/a.bin") == [None, None]
    assert [p.name for p in dest.iterdir()] == ["a.bin"]


def test_server_that_ignores_range_gives_the_whole_file_once(dest: Path, serve):
    target = fetch(serve("/a.bin", mode="plain"), dest / "a.bin", progress=False)
    assert target.read_bytes() == BODY


def test_always_broken_fails_plainly_and_leaves_no_partial_file(dest: Path, serve, server: Server):
    url = serve("/a.bin", mode="always-break")
    dest.mkdir()
    target = dest / "a.bin"
    target.write_bytes(b"the previous, complete download")
    with pytest.raises(DownloadError) as error:
        fetch(url, target, progress=False)
    message = str(error.value)
    assert message.startswith(f"{url}: the download failed {dl.RETRIES + 1} times")
    assert "No internet" in message and "careerkit catalog import-onet" in message
    assert f"{HALF:,} of {len(BODY):,} bytes" in message
    assert len(requests_for(server, "/a.bin")) == dl.RETRIES + 1
    assert target.read_bytes() == b"the previous, complete download"
    assert [p.name for p in dest.iterdir()] == ["a.bin"]


def test_404_fails_at_once_with_what_to_do(dest: Path, serve, server: Server):
    url = serve("/a.bin").replace("/a.bin", "/gone.zip")
    with pytest.raises(DownloadError) as error:
        fetch(url, dest / "gone.zip", progress=False, setting="CAREERKIT_URL_ONET")
    message = str(error.value)
    assert message.startswith(f"{url}: the server answered 404")
    assert "CAREERKIT_URL_ONET" in message and "careerkit catalog import-onet" in message
    assert requests_for(server, "/gone.zip") == [None]  # not retried
    assert list(dest.iterdir()) == []


def test_no_server_at_all(dest: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(dl, "RETRY_WAIT", 0.0)
    with socket.socket() as sock:  # a port that nobody listens on
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/a.bin"
    with pytest.raises(DownloadError, match="No internet"):
        fetch(url, dest / "a.bin", progress=False)
    assert list(dest.iterdir()) == []


def test_source_urls_argument_then_environment_then_default(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CAREERKIT_URL_OEWS", "https://example.org/oews.zip")
    monkeypatch.setenv("CAREERKIT_URL_ONET", "https://example.org/env.zip")
    urls = dl.source_urls({"onet": "https://example.org/arg.zip"})
    assert urls == {
        "onet": "https://example.org/arg.zip",
        "oews": "https://example.org/oews.zip",
        "projections": dl.SOURCES["projections"],
    }
    assert dl.SOURCES["onet"] == "https://www.onetcenter.org/dl_files/database/db_30_3_text.zip"
    with pytest.raises(DownloadError, match="unknown source"):
        dl.source_urls({"wages": "https://example.org/x.csv"})


def release_zip(folder: Path) -> bytes:
    """The fake release as a zip with one top folder, as O*NET ships it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for file in sorted(write_release(folder).iterdir()):
            archive.write(file, f"db_29_3_text/{file.name}")
    return buffer.getvalue()


PROJECTIONS = (  # BLS's Table 1.2, the columns an import reads
    'National Employment Matrix code,Occupation type,"Employment change, percent, 2024–34",'
    '"Occupational openings, 2024–34 annual average",Typical education needed for entry,'
    "Work experience in a related occupation,"
    "Typical on-the-job training needed to attain competency in the occupation\n"
    "00-0000,Summary,3.1,18863.3,—,—,—\n"
    "15-1252,Line item,15.8,115.2,Bachelor's degree,None,None\n"
    "29-1141,Line item,5.2,189.1,Bachelor's degree,None,None\n"
    "47-2111,Line item,9.5,81.0,High school diploma or equivalent,None,Apprenticeship\n"
)


@pytest.fixture
def sources(tmp_path: Path, serve, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """All three sources on the local server, set through CAREERKIT_URL_* variables."""
    files = {
        "onet": ("/db_29_3_text.zip", release_zip(tmp_path / "release")),
        "oews": ("/oesm25nat.zip", b"PK not really a zip, only recorded"),
        "projections": ("/occupation.csv", PROJECTIONS.encode()),
    }
    for name, (path, body) in files.items():
        monkeypatch.setenv(f"CAREERKIT_URL_{name.upper()}", serve(path, body))
    return {name: body for name, (_, body) in files.items()}


def test_download_records_and_imports(tmp_path: Path, sources: dict[str, bytes]):
    dest, out = tmp_path / "downloads", tmp_path / "catalog"
    done = download(dest, out, progress=False)
    recorded = json.loads((dest / "downloads.json").read_text(encoding="utf-8"))
    assert set(recorded) == {"onet", "oews", "projections"}
    for name, body in sources.items():
        entry = recorded[name]
        assert entry["size"] == len(body)
        assert entry["sha256"] == hashlib.sha256(body).hexdigest()
        assert (dest / entry["file"]).read_bytes() == body
        assert entry["url"].startswith("http://127.0.0.1:") and entry["url"].endswith(entry["file"])
        assert entry["downloaded"] == date.today().isoformat()
    assert not list(dest.glob("*.part"))
    table = load_catalog(out)
    assert sorted(table.index) == sorted(OCCUPATIONS)
    assert table.loc["15-1252.00", "outlook_pct"] == 15.8
    assert table["median_wage"].notna().all()  # the bundled national figures
    assert set(table["wage_year"]) == {2025}
    used = json.loads((out / "sources.json").read_text(encoding="utf-8"))
    assert used["wages"]["file"] == "oews_national_2025_from_bundled_catalog.csv"
    assert used["projections"]["file"] == "occupation.csv"
    assert "oews: oesm25nat.zip" in str(done) and "recorded only" in str(done)


def test_record_keeps_other_entries_and_updates_its_own(tmp_path: Path):
    first, second = tmp_path / "a.bin", tmp_path / "b.bin"
    first.write_bytes(b"one")
    second.write_bytes(b"two!")
    dl.record(tmp_path, "a", "https://example.org/a.bin", first)
    dl.record(tmp_path, "b", "https://example.org/b.bin", second)
    first.write_bytes(b"one, newer")
    dl.record(tmp_path, "a", "https://example.org/a.bin", first)
    recorded = json.loads((tmp_path / "downloads.json").read_text(encoding="utf-8"))
    assert recorded["a"]["size"] == 10
    assert recorded["a"]["sha256"] == hashlib.sha256(b"one, newer").hexdigest()
    assert recorded["b"]["sha256"] == hashlib.sha256(b"two!").hexdigest()


def test_download_command(tmp_path: Path, sources, capsys: pytest.CaptureFixture[str]):
    dest, out = tmp_path / "downloads", tmp_path / "catalog"
    assert main(["catalog", "download", "--dest", str(dest), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"Downloaded to {dest}" in printed and f"Catalog written to {out}" in printed
    assert len(load_catalog(out)) == len(OCCUPATIONS)


def test_download_command_404_is_one_line(
    tmp_path: Path, sources, serve, monkeypatch: pytest.MonkeyPatch, capsys
):
    url = serve("/x").replace("/x", "/oesm26nat.zip")
    monkeypatch.setenv("CAREERKIT_URL_OEWS", url)
    out = tmp_path / "catalog"
    assert main(["catalog", "download", "--dest", str(tmp_path), "--out", str(out)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {url}: the server answered 404")
    assert "CAREERKIT_URL_OEWS" in lines[0]
    assert not out.exists()  # nothing imported
