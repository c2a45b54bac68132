"""The ``careerkit`` command: catalogue import, workshop set-up, the notebooks, lab and app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from careerkit import __version__, catalog, paths
from careerkit.app import launch
from careerkit.catalog.sources.bls import BlsError
from careerkit.catalog.sources.build import import_onet
from careerkit.catalog.sources.download import DownloadError, download
from careerkit.catalog.sources.release import ReleaseError
from careerkit.coach import gather, workshop_setup
from careerkit.plan import PlanError
from careerkit.steps import start
from careerkit.workshop import WorkshopError

#: Failures reported as one "error: ..." line (exit status 1) instead of a traceback.
ERRORS = (
    ReleaseError,
    BlsError,
    catalog.CatalogError,
    DownloadError,
    OSError,
    workshop_setup.WorkshopSetupError,
    WorkshopError,
    PlanError,
    launch.LaunchError,
    gather.GatherError,
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: a group of commands per topic (``catalog``, ``workshop``)."""
    parser = argparse.ArgumentParser(prog="careerkit", description="careerkit from the shell.")
    parser.add_argument("--version", action="version", version=f"careerkit {__version__}")
    groups = parser.add_subparsers(required=True)
    commands = groups.add_parser(
        "catalog", help="build the occupation catalog from O*NET and BLS files"
    ).add_subparsers(required=True)

    imp = commands.add_parser(
        "import-onet",
        help="import an O*NET release with BLS figures into a catalog",
        description="Import an O*NET database release (folder or zip) into a catalog folder.",
    )
    imp.add_argument("path", type=Path, metavar="PATH", help="O*NET release, folder or zip")
    imp.add_argument("--wages", type=Path, metavar="FILE", help="BLS OEWS national CSV")
    imp.add_argument("--areas", type=Path, metavar="FILE", help="BLS OEWS CSV by state and area")
    imp.add_argument("--projections", type=Path, metavar="FILE", help="BLS occupation.xlsx")
    imp.add_argument("--crosswalk", type=Path, metavar="FILE", help="O*NET-SOC to NEM crosswalk")
    imp.add_argument("--wage-year", type=int, metavar="N", help="OEWS survey year (e.g. 2025)")
    imp.add_argument("--out", type=Path, metavar="DIR", help="catalog folder to write")
    imp.set_defaults(run=_import_onet)

    get = commands.add_parser(
        "download",
        help="download O*NET and BLS files (needs internet), then import them",
        description="Download the current O*NET release and BLS files, then import them.",
    )
    get.add_argument("--dest", type=Path, metavar="DIR", help="folder for the downloads")
    get.add_argument("--out", type=Path, metavar="DIR", help="catalog folder to write")
    get.add_argument("--wages", type=Path, metavar="FILE", help="BLS OEWS national CSV")
    get.add_argument("--wage-year", type=int, metavar="N", help="OEWS survey year (e.g. 2025)")
    get.set_defaults(run=_download)
    _workshop_commands(groups)
    books = groups.add_parser(
        "notebooks",
        help="copy the workbook's notebooks into a folder, to open in JupyterLab",
        description="Copy the workbook's notebooks (00_start.ipynb ...) into DIR; a notebook "
        "already there is kept as it is.",
    )
    books.add_argument("dir", type=Path, metavar="DIR", help="the folder to copy them into")
    books.set_defaults(run=_notebooks)
    _server_commands(groups)
    return parser


def _server_commands(groups: argparse._SubParsersAction) -> None:
    """``lab`` and ``app``: options they do not know go to the server (``--port=9999``)."""
    for name, what, example in (
        ("lab", "JupyterLab", "00_start"),
        ("app", "the workbook as a no-code app (Voila)", "00_start's page"),
    ):
        server = groups.add_parser(
            name,
            help=f"open {what} with your answers kept out of the notebooks",
            description=f"Open {what} on FOLDER (a workspace, its notebooks/ folder"
            + (" or one notebook" if name == "lab" else "")
            + f"), starting at {example}, with careerkit's pre-save hook on. Other options "
            "go to the server, e.g. --port=9999 --no-browser.",
        )
        server.add_argument(
            "folder",
            type=Path,
            nargs="?",
            default=Path.cwd(),
            metavar="FOLDER",
            help="what to open (default: the current folder)",
        )
        server.set_defaults(run=_lab if name == "lab" else _app, server_options=True)


def _workshop_commands(groups: argparse._SubParsersAction) -> None:
    commands = groups.add_parser(
        "workshop", help="set up a workshop: one settings file, a workspace per participant"
    ).add_subparsers(required=True)
    new = commands.add_parser(
        "new",
        help="make a workshop folder with a workspace per participant",
        description="Make DIR with one workshop.toml for the group and, per participant, "
        "DIR/participants/<name>/ with their plan and their own copy of the notebooks.",
    )
    new.add_argument("dir", type=Path, metavar="DIR", help="the workshop folder (new or empty)")
    new.add_argument(
        "--participants",
        type=Path,
        metavar="FILE",
        required=True,
        help="CSV with a name (or id) column, or one name a line",
    )
    new.add_argument("--title", default="", help="the workshop's name (default: DIR's name)")
    new.add_argument("--coach", default="", help="the coach's name")
    new.set_defaults(run=_workshop_new)
    add = commands.add_parser(
        "add",
        help="add one participant to a workshop",
        description="Add a workspace for NAME to the workshop in DIR.",
    )
    add.add_argument("dir", type=Path, metavar="DIR", help="the workshop folder")
    add.add_argument("name", metavar="NAME", help="the participant's name or id")
    add.set_defaults(run=_workshop_add)
    show = commands.add_parser(
        "list",
        help="who has reached which step (reads the plans, changes nothing)",
        description="List each participant of the workshop in DIR and the step they reached.",
    )
    show.add_argument("dir", type=Path, metavar="DIR", help="the workshop folder")
    show.set_defaults(run=_workshop_list)
    copies = commands.add_parser(
        "gather",
        help="copy participants' plans kept elsewhere (a JupyterHub's homes) into DIR",
        description="Copy every plan matching PATTERN into DIR/participants/<owner>/plan.json, "
        "read-only, for the cohort summary; <owner> is the part the first * matched. "
        "Run it again to refresh the copies.",
    )
    copies.add_argument("dir", type=Path, metavar="DIR", help="the folder to copy into")
    copies.add_argument(
        "--from",
        dest="pattern",
        required=True,
        metavar="PATTERN",
        help="where the plans are, in quotes, e.g. '/home/*/careerkit-plan/plan.json'",
    )
    copies.set_defaults(run=_workshop_gather)


def main(argv: list[str] | None = None) -> int:
    """Run the command in ``argv`` (default: the command line); returns the exit status."""
    parser = build_parser()
    args, options = parser.parse_known_args(argv)
    if options and not getattr(args, "server_options", False):
        parser.error(f"unrecognized arguments: {' '.join(options)}")
    args.options = options
    run: Callable[[argparse.Namespace], str] = args.run
    try:
        print(run(args))
        return 0
    except ERRORS as error:
        message, status = _message(error), 1
    except KeyboardInterrupt:
        message, status = "interrupted; the catalog in use was not replaced.", 130
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


def _workshop_new(args: argparse.Namespace) -> str:
    names = workshop_setup.read_participants(args.participants)
    made = workshop_setup.create_workshop(args.dir, names, title=args.title, coach=args.coach)
    first = made[0].folder
    return "\n".join(
        [
            f"Made the workshop {args.dir} for {len(made)} participant(s); its settings are "
            f"in {args.dir / paths.WORKSHOP_FILE}.",
            *(workshop_setup.printable(f"  {p.folder.name}: {p.name}") for p in made),
            *workshop_setup.duplicates(made),
            "Each participant opens their own notebooks, e.g.:",
            f"  {launch.printed('lab', first)}",
            "The group summed up (read-only, names hidden) is in the coach's notebook:",
            f"  {launch.printed('lab', args.dir / workshop_setup.COACH / 'cohort_summary.ipynb')}",
        ]
    )


def _workshop_add(args: argparse.Namespace) -> str:
    person = workshop_setup.add_participant(args.dir, args.name)
    return person.added()


def _workshop_list(args: argparse.Namespace) -> str:
    rows = workshop_setup.standings(args.dir)
    if not rows:
        return f"No participants yet in {args.dir}; add one with `careerkit workshop add`."
    return "\n".join(str(row) for row in rows)


def _workshop_gather(args: argparse.Namespace) -> str:
    return str(gather.gather(args.dir, args.pattern))


def _notebooks(args: argparse.Namespace) -> str:
    copied, kept = start.copy_notebooks(args.dir)
    lines = [f"Copied {len(copied)} notebook(s) into {args.dir}."]
    if kept:
        lines.append(f"Kept your own copy of {', '.join(kept)} (not replaced).")
    return "\n".join(
        [
            *lines,
            "Open them (your answers stay in your plan, never in the notebooks):",
            f"  {launch.printed('lab', args.dir)}",
            f"or as a no-code app:  {launch.printed('app', args.dir)}",
        ]
    )


def _lab(args: argparse.Namespace) -> str:
    launch.lab(args.folder, args.options).run()
    return ""  # not reached: the server replaced this process


def _app(args: argparse.Namespace) -> str:
    launch.app(args.folder, args.options).run()
    return ""
