"""A workshop: its folder, its ``workshop.toml`` and every setting that file may hold.

:class:`Workshop` owns the folder's layout and which file is in force; each table of the
file is a :class:`Settings` dataclass whose fields, made with :func:`setting`, declare
every key once (type, default, help text, an example). Both the commented file that
``careerkit workshop new`` writes (:func:`file_text`) and the checks with their messages
(:meth:`Settings.from_toml`) come from those declarations. ``[workshop]`` is declared
here (:class:`WorkshopDetails`); ``[scoring]`` beside step 03's criteria
(:class:`careerkit.steps.compare.setup.ScoringSettings`).
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import math
import re
import sys
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from numbers import Real
from pathlib import Path
from types import UnionType
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    TypeVar,
    Union,
    get_args,
    get_origin,
    get_type_hints,
)

from careerkit import paths
from careerkit.dates import long_date
from careerkit.errors import ForThePerson
from careerkit.plan.sections import DEFAULT_AREAS

if TYPE_CHECKING:
    from careerkit.plan import Plan

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

BUNDLED = "bundled"
#: The tables a workshop file may hold, in the order a new file writes them.
TABLES = ("workshop", "scoring")
WIDTH = 88  # of the comments in a written file
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")

S = TypeVar("S", bound="Settings")


class WorkshopError(ForThePerson, ValueError):
    """The workshop file cannot be read or holds a bad value; the message names the file."""


@dataclass(frozen=True)
class Workshop:
    """A workshop: the folder ``careerkit workshop new DIR`` makes, and its settings file.

    The folder's layout::

        DIR/workshop.toml               the group's settings (tables in :data:`TABLES`)
        DIR/participants/<safe-name>/   one workspace per person: plan.json, notebooks/
        DIR/coach/                      the coach's notebooks (the cohort summary)

    Which ``workshop.toml`` is in force (:meth:`in_force`, most specific first): the one in
    the person's workspace; for a workspace in ``DIR/participants/``, ``DIR``'s; the file
    ``$CAREERKIT_WORKSHOP`` names (one for a whole JupyterHub). Without any, careerkit's
    defaults apply: every table and every key is optional.

    The settings: each table is a :class:`Settings` dataclass whose fields declare its
    keys; :meth:`read` checks a table against them, :func:`file_text` writes them out.
    """

    file: Path  # DIR/workshop.toml; it may not exist

    PARTICIPANTS: ClassVar[str] = paths.PARTICIPANTS
    COACH: ClassVar[str] = "coach"

    @classmethod
    def in_force(cls) -> Workshop:
        """The workshop whose file is in force (see the class docstring)."""
        return cls(paths.workshop_file())

    @classmethod
    def at(cls, folder: Path) -> Workshop:
        """The workshop made in ``folder``."""
        return cls(folder / paths.WORKSHOP_FILE)

    @property
    def folder(self) -> Path:
        return self.file.parent

    @property
    def participants(self) -> Path:
        return self.folder / self.PARTICIPANTS

    @property
    def coach(self) -> Path:
        return self.folder / self.COACH

    def data(self) -> dict[str, Any]:
        """The file's tables, read as TOML; names a key outside any known table."""
        data = load_toml(self.file)
        for name, value in data.items():
            if name in TABLES:
                continue
            where = f"The workshop file {self.file}"
            if name in WorkshopDetails.keys():
                raise WorkshopError(
                    f"{where}: {name} belongs in [workshop]; move its line below [workshop]."
                )
            close = difflib.get_close_matches(name, TABLES, n=1)
            hint = f" Did you mean [{close[0]}]?" if close else ""
            shown = f"table [{name}]" if isinstance(value, Mapping) else f"key {name!r}"
            raise WorkshopError(
                f"{where} has an unknown {shown}; it may hold the tables "
                f"{' and '.join(f'[{t}]' for t in TABLES)}.{hint}"
            )
        return data

    def read(self, table: type[S]) -> S | None:
        """The table ``table`` declares, checked; None without the file or that table."""
        if not self.file.exists():
            return None
        data = self.data()
        if table.TABLE not in data:
            return None
        return table.from_toml(data[table.TABLE], self.file)


# --- declaring a table's keys ------------------------------------------------------------


def setting(default: Any, help: str, *, example: str, choices: tuple[Any, ...] = ()) -> Any:
    """A key of a workshop file's table, declared once: its default, the help text written
    above it in a new file, an example of what to write (TOML), and the values it allows.
    The field's type annotation says which kind of value it takes."""
    metadata = {"help": help, "example": example, "choices": choices}
    if isinstance(default, Mapping):  # a fresh copy for each instance
        return field(default_factory=lambda: dict(default), metadata=metadata)
    if isinstance(default, list):
        return field(default_factory=lambda: list(default), metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Settings:
    """One table of the workshop file; subclasses are frozen dataclasses of :func:`setting`
    fields, and name their table in ``TABLE``."""

    TABLE: ClassVar[str] = ""
    HELP: ClassVar[str] = ""  # written above the table in a new file

    @classmethod
    def declared(cls) -> tuple[dataclasses.Field[Any], ...]:
        return dataclasses.fields(cls)

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        return tuple(f.name for f in cls.declared())

    @classmethod
    def from_toml(cls: type[S], table: Any, file: Path) -> S:
        """The table as read from ``file``, each key checked against its declaration;
        :class:`WorkshopError` names the file, the key and what to write."""
        where = f"The workshop file {file}, [{cls.TABLE}]"
        first = cls.declared()[0]
        if not isinstance(table, Mapping):
            raise WorkshopError(
                f"{where} must be a table of settings, e.g. [{cls.TABLE}] with "
                f"{first.name} = {first.metadata['example']} on the next line."
            )
        unknown = [key for key in table if key not in cls.keys()]
        if unknown:
            close = difflib.get_close_matches(unknown[0], cls.keys(), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise WorkshopError(
                f"{where} has an unknown key {unknown[0]!r}{hint}; use {', '.join(cls.keys())}."
            )
        hints = get_type_hints(cls)
        values = {
            f.name: _checked(table[f.name], hints[f.name], f, where)
            for f in cls.declared()
            if f.name in table
        }
        return cls(**values).checked(table, where)

    def checked(self: S, table: Mapping[str, Any], where: str) -> S:
        """Rules between keys (a subclass's); ``table`` is what the file wrote."""
        return self

    def toml(self) -> str:
        """The table in TOML, each key under its help text as a comment."""
        lines = [f"[{self.TABLE}]"]
        hints = get_type_hints(type(self))
        for f in self.declared():
            lines += _comment(f.metadata["help"])
            value = getattr(self, f.name)
            if value is None:  # no value: an example to fill in
                lines.append(f"# {f.name} = {f.metadata['example']}")
            else:
                lines.append(f"{f.name} = {toml_value(value, hints[f.name])}")
        return "\n".join(lines) + "\n"


def file_text(*tables: Settings, heading: str) -> str:
    """A whole workshop file: ``heading`` as comments, then each table with its help."""
    parts = ["\n".join(line for para in heading.split("\n") for line in _comment(para)) + "\n"]
    for table in tables:
        help_lines = _comment(table.HELP) if table.HELP else []
        parts.append("\n".join(help_lines + [table.toml()]) if help_lines else table.toml())
    return "\n".join(parts)


def _comment(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent="# ", subsequent_indent="# ")


def toml_text(value: str) -> str:
    """A TOML basic string: JSON's, with DEL escaped too (TOML allows no control character)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_value(value: Any, hint: Any = None) -> str:
    """``value`` written in TOML (text, a day, a number, a list, an inline table)."""
    if isinstance(value, str):
        return toml_text(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Real):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, Mapping):
        pairs = ", ".join(f"{_toml_key(k)} = {toml_value(v)}" for k, v in value.items())
        return f"{{ {pairs} }}" if pairs else "{}"
    if isinstance(value, tuple | list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} in TOML")


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else toml_text(key)


def _checked(value: Any, hint: Any, declared: dataclasses.Field[Any], where: str) -> Any:
    """``value`` of the key ``declared`` when it is of the declared type; else WorkshopError."""
    key, example = declared.name, declared.metadata["example"]
    choices = declared.metadata["choices"]
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, UnionType) and type(None) in args:  # optional: absent means None
        (hint,) = [a for a in args if a is not type(None)]
        origin, args = get_origin(hint), get_args(hint)
    if hint is str:
        if not isinstance(value, str):
            raise WorkshopError(f"{where}: {key} must be text in quotes, e.g. {key} = {example}.")
        return value.strip()
    if hint is date:
        if not isinstance(value, date) or hasattr(value, "hour"):
            raise WorkshopError(
                f"{where}: {key} must be a day without quotes or a time, e.g. {key} = {example}."
            )
        return value
    if hint is int:
        if isinstance(value, bool) or value not in choices:
            allowed = " or ".join(str(c) for c in choices)
            raise WorkshopError(f"{where}: {key} must be {allowed}, not {toml_value(value)}.")
        return int(value)
    if origin is tuple:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise WorkshopError(
                f"{where}: {key} must be a list of names in quotes, none empty, "
                f"e.g. {key} = {example}."
            )
        return tuple(v.strip() for v in value)
    if origin is Mapping:
        if not isinstance(value, Mapping):
            raise WorkshopError(f"{where}: {key} must be a table, e.g. {key} = {example}.")
        number = args[1] is float
        for name, item in value.items():
            ok = (
                isinstance(item, Real) and not isinstance(item, bool) and math.isfinite(item)
                if number
                else isinstance(item, str) and bool(item.strip())
            )
            if not ok:
                kind = "a number" if number else "some text in quotes"
                raise WorkshopError(
                    f"{where}: in {key}, {_toml_key(name)} = {toml_value(item)} must be "
                    f"{kind}, e.g. {key} = {example}."
                )
        return dict(value)
    raise TypeError(f"{key}: no check for the type {hint!r}")  # a declaration careerkit lacks


# --- the [workshop] table -----------------------------------------------------------------


@dataclass(frozen=True)
class WorkshopDetails(Settings):
    """The ``[workshop]`` table: what a new participant plan starts with, and a record."""

    TABLE: ClassVar[str] = "workshop"

    title: str = setting(
        "",
        'Filled in as "Workshop" in each new participant\'s plan.',
        example='"Spring cohort"',
    )
    coach: str = setting(
        "", 'Filled in as "Coach" in each new participant\'s plan.', example='"Dana Ng"'
    )
    date: date | None = setting(
        None, "The first session, shown in 00_start (a day, without quotes).", example="2026-05-04"
    )
    goal_areas: tuple[str, ...] = setting(
        DEFAULT_AREAS,
        "Areas of growth offered for short-term goals (notebook 04); new plans start with them.",
        example='["Learning", "Skills development"]',
    )
    review_every_months: int = setting(
        12,
        "How often participants plan to review their plan (notebook 06): 12 or 24 months.",
        example="24",
        choices=(12, 24),
    )
    catalog: str = setting(
        BUNDLED,
        'The occupation catalog: "bundled" (careerkit\'s O*NET and BLS data), or a catalog '
        "folder made with `careerkit catalog import-onet --out FOLDER` (a relative path is "
        "read from this file's folder, e.g. \"catalog\"). A participant's own import, or "
        "$CAREERKIT_CATALOG, still comes first.",
        example='"catalog"',
    )
    area: str = setting(
        "",
        "Where participants live, for local pay: a BLS area code from the catalog's "
        'areas.csv (e.g. "0600000" for California), "" = the nation. New plans start with '
        "it; each person can change it in 00_start.",
        example='"0600000"',
    )
    interest_items: str = setting(
        "",
        "The workshop's own interest questionnaire (notebook 01): a reworded or translated "
        "copy of careerkit's data/interest_items.csv with the same ids, relative to this "
        'file, e.g. "items_de.csv"; "" = careerkit\'s own.',
        example='"items_de.csv"',
    )

    def checked(self, table: Mapping[str, Any], where: str) -> WorkshopDetails:
        return dataclasses.replace(self, catalog=self.catalog or BUNDLED)


DETAILS_KEYS = WorkshopDetails.keys()


def load_toml(file: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise WorkshopError(f"The workshop file {file} cannot be read: {err}.") from err
    except tomllib.TOMLDecodeError as err:
        raise WorkshopError(
            f"The workshop file {file} is not valid TOML ({err}). Fix it, or remove it "
            "to use careerkit's defaults."
        ) from err


def read_details(path: Path | None = None) -> WorkshopDetails:
    """The workshop file's ``[workshop]`` table, checked; defaults without file or table."""
    found = Workshop(path or paths.workshop_file()).read(WorkshopDetails)
    return found or WorkshopDetails()


def interest_items_file(path: Path | None = None) -> Path | None:
    """The workshop's own interest item file (``interest_items``, relative to the workshop
    file), or None for the bundled one. Raises WorkshopError for an unreadable file."""
    file = path or paths.workshop_file()
    name = read_details(file).interest_items
    return (file.parent / name).expanduser() if name else None


# --- what the [workshop] table does: new plans' start, the catalog, its name ---------


def in_force() -> tuple[Path, WorkshopDetails] | None:
    """The workshop file in force and its ``[workshop]`` table; None when there is none.

    Raises :class:`careerkit.workshop.WorkshopError` for a file that cannot be used.
    """
    file = paths.workshop_file()
    if not file.exists():
        return None
    return file, read_details(file)


def start_plan(plan: Plan, details: WorkshopDetails) -> None:
    """Give a new plan the workshop's starting values (the caller saves it)."""
    plan.profile.coach = details.coach
    plan.profile.workshop = details.title
    plan.profile.area = details.area
    if details.goal_areas:
        plan.short_term_goals.areas = list(details.goal_areas)
    plan.action_plan.review_every_months = details.review_every_months  # type: ignore[assignment]


def start_new_plan(plan: Plan) -> bool:
    """:func:`start_plan` with the workshop file in force, if any and readable.

    A file that cannot be read leaves the plan as careerkit starts it (00's set-up check
    names the file and the problem); returns whether the workshop's values were given.
    """
    try:
        found = in_force()
    except (WorkshopError, OSError):
        return False
    if found is None:
        return False
    start_plan(plan, found[1])
    return True


def chosen_catalog(file: Path, details: WorkshopDetails) -> Path | None:
    """The catalogue folder (or CSV) the workshop chose; None for the bundled catalogue.

    A relative path is read from the workshop file's folder, so a workshop folder can
    carry its own catalogue (``catalog = "catalog"`` beside ``toml``).
    """
    if details.catalog == BUNDLED:
        return None
    return (file.parent / Path(details.catalog).expanduser()).absolute()


def named(file: Path, details: WorkshopDetails) -> str:
    """One line naming the workshop: its title, coach, first session and file."""
    title = details.title or "a workshop"
    coach = f", coach {details.coach}" if details.coach else ""
    when = f", first session {long_date(details.date)}" if details.date else ""
    return f"{title}{coach}{when} (settings: {file})"
