"""The ``careerkit`` command: ``careerkit catalog import-onet`` and ``catalog download``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from careerkit import __version__, catalog
from careerkit.sources.bls import BlsError
from careerkit.sources.build import import_onet
from careerkit.sources.download import DownloadError, download
from careerkit.sources.release import ReleaseError

#: Failures reported as one "error: ..." line (exit status 1) instead of a traceback.
ERRORS = (ReleaseError, BlsError, catalog.CatalogError, DownloadError, OSError)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: a group of commands per topic (``catalog``; later ``workshop``)."""
    parser = argparse.ArgumentParser(prog="careerkit", description="careerkit from the shell.")
    parser.add_argument("--version", action="version", version=f"careerkit {__version__}")
    groups = parser.add_subparsers(required=True)
    commands = groups.add_parser(
        "catalog", help="build the occupation catalogue from O*NET and BLS files"
    ).add_subparsers(required=True)

    imp = commands.add_parser(
        "import-onet",
        help="import an O*NET release with BLS figures into a catalogue",
        description="Import an O*NET database release (folder or zip) into a catalogue folder.",
    )
    imp.add_argument("path", type=Path, metavar="PATH", help="O*NET release, folder or zip")
    imp.add_argument("--wages", type=Path, metavar="FILE", help="BLS OEWS national CSV")
    imp.add_argument("--areas", type=Path, metavar="FILE", help="BLS OEWS CSV by state and area")
    imp.add_argument("--projections", type=Path, metavar="FILE", help="BLS occupation.xlsx")
    imp.add_argument("--crosswalk", type=Path, metavar="FILE", help="O*NET-SOC to NEM crosswalk")
    imp.add_argument("--wage-year", type=int, metavar="N", help="OEWS survey year (e.g. 2025)")
    imp.add_argument("--out", type=Path, metavar="DIR", help="catalogue folder to write")
    imp.set_defaults(run=_import_onet)

    get = commands.add_parser(
        "download",
        help="download O*NET and BLS files (needs internet), then import them",
        description="Download the current O*NET release and BLS files, then import them.",
    )
    get.add_argument("--dest", type=Path, metavar="DIR", help="folder for the downloads")
    get.add_argument("--out", type=Path, metavar="DIR", help="catalogue folder to write")
    get.add_argument("--wages", type=Path, metavar="FILE", help="BLS OEWS national CSV")
    get.add_argument("--wage-year", type=int, metavar="N", help="OEWS survey year (e.g. 2025)")
    get.set_defaults(run=_download)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command in ``argv`` (default: the command line); returns the exit status."""
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], str] = args.run
    try:
        print(run(args))
        return 0
    except ERRORS as error:
        message, status = _message(error), 1
    except KeyboardInterrupt:
        message, status = "interrupted; the catalogue in use was not replaced.", 130
    # Leaving the except clause freed the traceback, so an open progress bar has closed.
    print(f"error: {message}", file=sys.stderr)
    return status


def _message(error: Exception) -> str:
    if isinstance(error, OSError) and error.filename and error.strerror:
        text = f"{error.filename}: {error.strerror}; check the path and that you may use it."
    else:
        text = str(error) or type(error).__name__
    return " ".join(text.split())


def _progress() -> bool:
    return sys.stderr.isatty()


def _import_onet(args: argparse.Namespace) -> str:
    summary = import_onet(
        args.path,
        wages=args.wages,
        areas=args.areas,
        projections=args.projections,
        crosswalk=args.crosswalk,
        wage_year=args.wage_year,
        out=args.out,
        progress=_progress(),
    )
    catalog.load_catalog(summary.out)  # the workbook can read what was written
    return str(summary)


def _download(args: argparse.Namespace) -> str:
    done = download(
        args.dest, args.out, wages=args.wages, wage_year=args.wage_year, progress=_progress()
    )
    catalog.load_catalog(done.summary.out)
    return str(done)
