"""Setting up a workshop: one workshop.toml, a workspace per participant, who reached which step.

``careerkit workshop new DIR --participants FILE`` makes the folder
:class:`careerkit.workshop.Workshop` describes: ``workshop.toml`` (every setting with its
help, :func:`default_workshop_toml`), a workspace per person in ``participants/`` (their
``plan.json`` with name, coach and workshop filled in, and their own copy of the notebooks),
and the coach's notebooks in ``coach/``.

A notebook run in ``DIR/participants/<name>/notebooks/`` uses that workspace and the
group's ``workshop.toml`` on its own (:func:`careerkit.paths.participant_folder`).
Participants' names become safe folder names (:func:`safe_name`): no path leaves ``DIR``.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from careerkit import paths, plan, workshop
from careerkit.coach import cohort
from careerkit.steps import start
from careerkit.steps.compare.setup import ScoringSettings

PARTICIPANTS = workshop.Workshop.PARTICIPANTS  # the folder's layout: see workshop.Workshop
COACH = workshop.Workshop.COACH  # DIR/coach/: the coach's own notebooks
MAX_NAME = 60  # characters of a folder name, before a "-2" suffix
#: Names Windows will not use for a file or folder, whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10))}
_RESERVED |= {f"lpt{i}" for i in range(10)}


class WorkshopSetupError(ValueError):
    """The participants file or the workshop folder cannot be used; the message says why."""


@dataclass(frozen=True)
class Participant:
    name: str  # as written in the participants file, spaces tidied
    folder: Path  # DIR/participants/<safe-name>
    same_name: tuple[str, ...] = ()  # other participants' folders made from the same name

    def added(self) -> str:
        """``workshop add``'s line: where the person went, and who had the name already."""
        also = ""
        if self.same_name:
            also = (
                f" Already in the workshop under the same name: {', '.join(self.same_name)};"
                " tell the person which folder is theirs."
            )
        return printable(f"Added {self.name} in {self.folder}.{also}")


@dataclass(frozen=True)
class Standing:
    """One line of ``careerkit workshop list``: a participant and the step they reached."""

    folder: str
    name: str
    step: str  # e.g. "03 Compare your options"; "" when the plan could not be read
    problem: str = ""  # why the plan could not be read

    def __str__(self) -> str:
        shown = f"{self.folder} ({self.name})" if self.name else self.folder
        said = f"could not read: {self.problem}" if self.problem else self.step
        return printable(f"{shown}: {said}")


def printable(text: str) -> str:
    """``text`` safe to print in a terminal: control characters (escapes) become ``?``."""
    return "".join(c if c.isprintable() else "?" for c in text)


# --- names ----------------------------------------------------------------------------


def safe_name(name: str) -> str:
    """A folder name for ``name``: lower case, accents dropped, letters of other scripts
    kept, anything else a ``-``; never ``.``, ``..``, a path or longer than :data:`MAX_NAME`.

    Raises :class:`WorkshopSetupError` when nothing usable is left (e.g. ``"../"``).
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(c if c.isalnum() else "-" for c in text)
    text = re.sub(r"-+", "-", text).strip("-")[:MAX_NAME].rstrip("-")
    if not text:
        raise WorkshopSetupError(
            f"{name!r} has no letters or digits to make a folder name from; write the "
            "participant's name or id instead."
        )
    return f"p-{text}" if text in _RESERVED else text


def unique_name(name: str, taken: Iterable[str]) -> str:
    """:func:`safe_name`, with ``-2``, ``-3``... when it is taken (compared ignoring case)."""
    base, used = safe_name(name), {t.casefold() for t in taken}
    candidate, n = base, 1
    while candidate.casefold() in used:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


NAME_COLUMNS = ("name", "full name", "participant", "id")  # the first found is used
SEPARATORS = ",;\t"  # what spreadsheets write as "CSV": commas, or semicolons, or tabs
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def read_participants(file: Path) -> list[str]:
    """The names in ``file``: a CSV (commas, semicolons or tabs) with a ``name`` (else
    ``full name``, ``participant``, ``id``) column, or one name a line.

    A blank name is refused with its line number; blank lines at the very end are ignored.
    A file of several columns without a name column is refused when it holds e-mail
    addresses, so that no address becomes a folder name.
    """
    if file.exists() and not file.is_file():  # a pipe would never end: never open one
        raise WorkshopSetupError(
            f"{file} is not a regular file (a folder, a pipe or a device); give the path of "
            "the participants' CSV file."
        )
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise WorkshopSetupError(
            f"{file} is not UTF-8 text ({err.reason}); save it as UTF-8 (CSV UTF-8)."
        ) from err
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise WorkshopSetupError(f"{file} lists no participants; write one name a line.")
    separator = _separator(lines)
    header = [cell.strip().casefold() for cell in next(csv.reader([lines[0]], **separator))]
    column = next((c for c in NAME_COLUMNS if c in header), None)
    if column is None:
        _no_email_columns(file, lines, separator)
        rows = [(number, line) for number, line in enumerate(lines, start=1)]
    else:
        reader = csv.reader(io.StringIO("\n".join(lines)), **separator)
        next(reader)
        index = header.index(column)
        rows = [(reader.line_num, row[index] if index < len(row) else "") for row in reader]
    names = []
    for number, raw in rows:
        name = " ".join(raw.split())
        if not name:
            where = f"the {column!r} column" if column else "the line"
            raise WorkshopSetupError(
                f"{file}, line {number}: {where} is empty; write the participant's name or "
                "id there, or delete the line."
            )
        names.append(name)
    if not names:
        raise WorkshopSetupError(f"{file} has a {column!r} column but no participants under it.")
    return names


def _separator(lines: list[str]) -> dict[str, Any]:
    """``csv.reader`` keywords for the file's separator (``{}``: commas, or one column)."""
    try:
        dialect = csv.Sniffer().sniff("\n".join(lines[:50]), delimiters=SEPARATORS)
    except csv.Error:  # one column, or no separator used the same way on every line
        counts = {s: lines[0].count(s) for s in SEPARATORS}
        best = max(counts, key=lambda s: counts[s])
        return {"delimiter": best} if counts[best] else {}
    return {"delimiter": dialect.delimiter}


def _no_email_columns(file: Path, lines: list[str], separator: dict[str, Any]) -> None:
    """Refuse a file of several columns without a name column when it holds an address."""
    rows = list(csv.reader(lines, **separator))
    if all(len(row) < 2 for row in rows):
        return  # one name a line: "López, Ana" stays one name
    if any(_EMAIL.fullmatch(cell.strip()) for row in rows for cell in row):
        shown = {",": "commas", ";": "semicolons", "\t": "tabs"}[separator.get("delimiter", ",")]
        raise WorkshopSetupError(
            f"{file} has several columns (separated by {shown}) and e-mail addresses, but "
            "no column called 'name' (or 'id'), so careerkit cannot tell which column is "
            "the participant's name. Write 'name' at the top of that column (its first "
            "line), or list one name a line."
        )


def check_text(text: str, what: str) -> str:
    """``text`` from the command line, refused (naming ``what``) when it cannot be written
    as text: bytes that are not UTF-8, or a control character such as DEL."""
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        raise WorkshopSetupError(
            f"{what} holds bytes that are not UTF-8 text ({printable(text)!r}): the "
            "terminal may be set to another encoding. Type it again in a UTF-8 terminal, "
            "or leave out the letters shown as '?'."
        )
    bad = next((c for c in text if unicodedata.category(c) == "Cc"), None)
    if bad is not None:
        raise WorkshopSetupError(
            f"{what} holds a control character (U+{ord(bad):04X}) at position "
            f"{text.index(bad) + 1}: {printable(text)!r}. Type it again without it."
        )
    return text


# --- the workshop folder --------------------------------------------------------------


#: The comments at the top of a new workshop file; the keys' own come from their declarations.
HEADING = (
    "careerkit workshop file: the settings of the whole group.\n"
    "Every participant workspace in participants/ reads it; notebook 03 names this file "
    '("workshop file <path>") when its criteria and weights come from here.\n'
    'Edit it with any text editor. Text goes in "quotes"; a date does not: 2025-05-01. '
    "Every setting is optional: delete a line to use careerkit's default."
)


def default_workshop_toml(title: str, coach: str = "", day: date | None = None) -> str:
    """The documented ``workshop.toml`` a new workshop starts with: every declared setting
    with its help text, at careerkit's defaults (title, coach and first session given)."""
    details = workshop.WorkshopDetails(title=title, coach=coach, date=day or date.today())
    return workshop.file_text(details, ScoringSettings(), heading=HEADING)


def create_workshop(
    folder: Path,
    names: Iterable[str],
    *,
    title: str = "",
    coach: str = "",
    day: date | None = None,
) -> list[Participant]:
    """Make a new workshop in ``folder`` (new or empty): workshop.toml and a workspace each.

    Everything is checked first; the workshop is then built in a hidden folder beside
    ``folder`` and renamed into place when complete, so a failure leaves no half-made
    folder in the way of a retry. The title defaults to the folder's name as typed.
    """
    check_text(str(folder), "The workshop folder's path")
    names = [check_text(name, f"The participant name {name!r}") for name in names]
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise WorkshopSetupError(
            f"{folder} already exists and is not an empty folder; choose a new folder "
            "(or add people to an existing workshop with `careerkit workshop add`)."
        )
    notebooks = _notebooks()
    if not names:
        raise WorkshopSetupError("No participants were given.")
    chosen: list[str] = []
    for name in names:  # every name is checked before anything is written
        chosen.append(unique_name(name, chosen))
    title = check_text(title.strip() or default_title(folder), "The workshop title (--title)")
    text = default_workshop_toml(title, check_text(coach.strip(), "The coach (--coach)"), day)
    final = folder.resolve() if folder.is_symlink() else folder  # the link stays a link
    final.parent.mkdir(parents=True, exist_ok=True)
    with _building(final.parent, f".{final.name}.") as build:
        (build / paths.WORKSHOP_FILE).write_text(text, encoding="utf-8")
        (build / COACH).mkdir()
        for notebook in start.coach_notebooks():  # they find this workshop from where they are
            shutil.copyfile(notebook, build / COACH / notebook.name)
        details = read_details(build)
        for name, safe in zip(names, chosen, strict=True):
            _workspace(build / paths.PARTICIPANTS / safe, name, details, notebooks)
        _move_into_place(build, final)
    return [
        Participant(n, folder / paths.PARTICIPANTS / s) for n, s in zip(names, chosen, strict=True)
    ]


def default_title(folder: Path) -> str:
    """The folder's last name as the coach typed it (``~/Spring 2026`` -> ``Spring 2026``),
    not where a symbolic link leads."""
    return Path(os.path.abspath(folder)).name or "Workshop"


def add_participant(folder: Path, name: str) -> Participant:
    """Add one participant to the workshop in ``folder``, with a new safe folder name.

    The workspace is built in a hidden folder in ``participants/`` and renamed into place
    when complete: a failed add leaves nothing behind.
    """
    check_text(str(folder), "The workshop folder's path")
    details = read_details(folder)
    clean = " ".join(check_text(name, "The participant's name").split())
    if not clean:
        raise WorkshopSetupError("The participant's name is empty; write a name or an id.")
    people = folder / paths.PARTICIPANTS
    taken = [p.name for p in people.iterdir()] if people.is_dir() else []
    taken = [t for t in taken if not t.startswith(".")]  # a build in progress, or hidden
    safe, notebooks = unique_name(clean, taken), _notebooks()
    people.mkdir(exist_ok=True)
    with _building(people, ".new-") as build:
        _workspace(build / safe, clean, details, notebooks)
        _move_into_place(build / safe, people / safe)
    return Participant(clean, people / safe, same_name(clean, taken))


def same_name(name: str, taken: Iterable[str]) -> tuple[str, ...]:
    """The folders in ``taken`` made from the same name (``ana-lopez``, ``ana-lopez-2``...)."""
    base = safe_name(name).casefold()
    pattern = re.compile(rf"{re.escape(base)}(-\d+)?")
    return tuple(t for t in taken if pattern.fullmatch(t.casefold()))


def duplicates(made: Iterable[Participant]) -> list[str]:
    """Lines for ``workshop new``'s output: each name given more than once, and its folders."""
    folders: dict[str, list[str]] = {}
    for person in made:
        folders.setdefault(person.name.casefold(), []).append(person.folder.name)
    said = [
        printable(f"  {name!r} is listed {len(f)} times: folders {', '.join(f)}")
        for name, f in ((n, f) for n, f in folders.items() if len(f) > 1)
    ]
    if not said:
        return []
    return [
        "Some names are listed more than once; each got its own folder (tell each person "
        "which is theirs, or remove a line given twice by mistake):",
        *said,
    ]


@contextmanager
def _building(parent: Path, prefix: str) -> Iterator[Path]:
    """A new hidden folder in ``parent`` to build in, removed again unless moved away."""
    build = Path(tempfile.mkdtemp(dir=parent, prefix=prefix, suffix=".tmp"))
    try:
        os.chmod(build, 0o777 & ~_umask())  # as a plain mkdir would make it
        yield build
    finally:
        shutil.rmtree(build, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask


def _move_into_place(built: Path, final: Path) -> None:
    """Rename the complete folder to ``final`` (new, or an empty folder it replaces)."""
    try:
        os.replace(built, final)
    except OSError as err:
        raise WorkshopSetupError(
            f"{final} could not be made ({err.strerror or err}); nothing was written. "
            "Check that the folder is empty and that you may write there, then try again."
        ) from err


def read_details(folder: Path) -> workshop.WorkshopDetails:
    """The ``[workshop]`` table of the workshop in ``folder``; refused if it is not one."""
    file = folder / paths.WORKSHOP_FILE
    if not file.is_file():
        raise WorkshopSetupError(
            f"{folder} is not a workshop folder (it has no {paths.WORKSHOP_FILE}); make one "
            "with `careerkit workshop new DIR --participants FILE`."
        )
    return workshop.read_details(file)


def _notebooks() -> list[Path]:
    found = sorted(start.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if not found:
        raise WorkshopSetupError(f"No notebooks were found in {start.NOTEBOOKS} to copy.")
    return found


def _workspace(
    home: Path, name: str, details: workshop.WorkshopDetails, notebooks: list[Path]
) -> None:
    (home / "notebooks").mkdir(parents=True)  # fails if it exists: nobody's work is replaced
    for notebook in notebooks:
        shutil.copyfile(notebook, home / "notebooks" / notebook.name)
    person = plan.open_plan(home / paths.PLAN_FILE, name=name)
    workshop.start_plan(person, details)
    person.save("profile", "short_term_goals", "action_plan")


# --- who reached which step -------------------------------------------------------------


def standings(folder: Path) -> list[Standing]:
    """Each participant and the step they reached, read-only from their plan files.

    A plan that cannot be read is listed with the reason; nothing is ever written. Plans
    are read as the cohort summary reads them (:func:`careerkit.coach.cohort.read_cohort`): a
    symbolic link is not followed, and a file over 5 MB is not opened.
    """
    read_details(folder)  # a workshop folder, with a readable workshop.toml
    titles = {s.number: s.title for s in start.route()}
    found = []
    for person in cohort.read_cohort(folder).participants:
        if person.plan is None:
            found.append(Standing(person.folder, "", "", person.problem))
        else:
            number = start.step_reached(person.plan)
            step = f"{number} {titles.get(number, '')}".strip()
            found.append(Standing(person.folder, person.name, step))
    return found
