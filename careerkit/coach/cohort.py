"""A workshop's cohort, read-only: every participant's plan, and what the group has done.

The coach's notebook ``notebooks/coach/cohort_summary.ipynb`` reads each plan in
``DIR/participants/*/plan.json`` (``DIR`` made by ``careerkit workshop new``) and sums the
group up: interest codes, where the group comes from (the occupation families of the jobs
they have done), shortlisted and chosen occupations, the step reached, goal areas, the
S.M.A.R.T. letters goals pass, what falls due in the next 30 days, and the most common
stepping stones chosen as goals (:func:`common_stones`).

Reading never writes, locks, creates or upgrades anything on disk. One plan that cannot
be read never stops the summary: it is listed with the plan's own message, and the others
are read. Each plan is read by the plan's reader (:func:`careerkit.plan.read_plan`: the
same versions, upgrades and checks as a notebook's), which refuses before opening a plan
over :data:`MAX_BYTES` and a symbolic link (a participant folder that is a link is not
followed either), and anything but a regular file.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from careerkit import paths, workshop
from careerkit.catalog import THEMES, CatalogError
from careerkit.catalog.soc import MAJOR_GROUPS, major_group
from careerkit.plan import Goal, Plan, PlanError
from careerkit.plan import read_plan as read_a_plan
from careerkit.plan.sections import DEFAULT_AREAS
from careerkit.steps import start
from careerkit.steps.short_term.goals import direction_title
from careerkit.steps.short_term.smart import NAMES, SMART_LETTERS, smart_check
from careerkit.workbook import load_catalog

MAX_BYTES = 5 * 1024 * 1024  # a plan larger than this is not read at all
DUE_DAYS = 30  # "due soon": today and the next 30 days
#: The family of a job typed under the person's own title (no O*NET-SOC code).
NOT_IN_CATALOG = "not in the catalog"
#: The family of a catalog job whose code is not SOC's (a local occupation).
NO_FAMILY = "no SOC family (a local occupation)"


class CohortError(ValueError):
    """The folder to summarise is not a workshop; the message says how to point at one."""


class Unreadable(ValueError):
    """One participant's plan cannot be read; the message is the reason, in plain words."""


@dataclass(frozen=True)
class Participant:
    """One folder in ``participants/``: its plan, or why it could not be read."""

    number: int  # 1, 2, ... in folder-name order: the label when names are hidden
    folder: str  # the folder's name
    name: str = ""  # the name in the plan ("" when not given or not read)
    plan: Plan | None = field(default=None, repr=False)
    problem: str = ""  # why the plan could not be read ("" when it was)

    def label(self, show_names: bool) -> str:
        """``Participant 3``; with ``show_names``, their name (else their folder's name)."""
        if show_names:
            return self.name.strip() or self.folder
        return f"Participant {self.number}"


@dataclass(frozen=True)
class Cohort:
    """A workshop folder as read: its title and every participant."""

    folder: Path
    title: str
    participants: tuple[Participant, ...]
    areas: tuple[str, ...] = DEFAULT_AREAS  # the goal areas the workshop offers
    notes: tuple[str, ...] = ()  # e.g. a workshop.toml that could not be read

    @property
    def read(self) -> list[Participant]:
        return [p for p in self.participants if p.plan is not None]

    @property
    def unreadable(self) -> list[Participant]:
        return [p for p in self.participants if p.plan is None]

    def labels(self, show_names: bool) -> dict[int, str]:
        """Each participant's label by number (:meth:`Participant.label`); with names
        shown, a name two people share gets each one's folder: ``Ana López (ana-lopez-2)``."""
        shown = {p.number: p.label(show_names) for p in self.participants}
        if show_names:
            count = Counter(" ".join(label.split()).casefold() for label in shown.values())
            for p in self.participants:
                if count[" ".join(shown[p.number].split()).casefold()] > 1:
                    shown[p.number] = f"{shown[p.number]} ({p.folder})"
        return shown


# --- finding the workshop -------------------------------------------------------------


def find_workshop(
    chosen: object = None, environ: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Path | None:
    """The workshop folder: ``chosen`` (the notebook's cell), else ``$CAREERKIT_WORKSHOP``,
    else the workshop folder the notebook sits in (a folder above ``cwd`` holding a
    ``workshop.toml``); None when there is none. A chosen folder that is not a workshop
    raises :class:`CohortError` saying why and what to write instead.
    """
    environ = os.environ if environ is None else environ
    if chosen is not None and not isinstance(chosen, (str, os.PathLike)):
        raise CohortError(
            f'WORKSHOP should be a folder\'s path in quotes, e.g. WORKSHOP = "~/spring", or '
            f"None to find it on its own; it is {chosen!r}."
        )
    env = paths.WORKSHOP_ENV
    for given, where in ((chosen, "WORKSHOP"), (environ.get(env), f"${env}")):
        if given is not None and str(given).strip():
            return _workshop_folder(Path(str(given).strip()).expanduser(), where)
    return paths.workshop_folder(cwd or Path.cwd())


def _workshop_folder(folder: Path, where: str) -> Path:
    if folder.name == paths.WORKSHOP_FILE and folder.is_file():  # the workshop file: its folder
        folder = folder.parent
    if not folder.is_dir():
        problem = "does not exist" if not folder.exists() else "is not a folder"
        raise CohortError(
            f"{where} is {str(folder)!r}, which {problem}. Write the path of the folder "
            '`careerkit workshop new` made, e.g. "~/spring".'
        )
    if not (folder / paths.WORKSHOP_FILE).is_file():
        raise CohortError(
            f"{folder} ({where}) is not a workshop folder: it has no {paths.WORKSHOP_FILE}. "
            "Write the path of the folder `careerkit workshop new` made (the one holding "
            f"{paths.WORKSHOP_FILE} and {paths.PARTICIPANTS}/)."
        )
    return folder


# --- reading ----------------------------------------------------------------------------


def read_cohort(folder: Path) -> Cohort:
    """Every participant of the workshop in ``folder``, in folder-name order; read-only."""
    notes, title = [], folder.name
    areas: tuple[str, ...] = DEFAULT_AREAS
    try:
        details = workshop.read_details(folder / paths.WORKSHOP_FILE)
        title = details.title or title
        areas = details.goal_areas or areas
    except (workshop.WorkshopError, OSError) as err:
        notes.append(f"{paths.WORKSHOP_FILE} could not be read, so its title is not shown: {err}")
    people = folder / paths.PARTICIPANTS
    try:
        entries = sorted(e for e in people.iterdir() if not e.name.startswith("."))
    except OSError:
        entries = []
        notes.append(f"There is no {paths.PARTICIPANTS} folder in {folder} yet.")
    homes = [e for e in entries if e.is_symlink() or e.is_dir()]
    found = tuple(_participant(n, home) for n, home in enumerate(homes, start=1))
    return Cohort(folder, title, found, tuple(areas), tuple(notes))


def _participant(number: int, home: Path) -> Participant:
    try:
        if home.is_symlink():
            raise Unreadable("its folder is a symbolic link, which is not followed")
        person = read_plan(home / paths.PLAN_FILE)
    except Unreadable as why:
        return Participant(number, home.name, problem=str(why))
    return Participant(number, home.name, person.profile.name, person)


def read_plan(file: Path) -> Plan:
    """The plan in ``file``, read-only by the plan's own reader
    (:func:`careerkit.plan.read_plan`): no symbolic link followed, nothing over
    :data:`MAX_BYTES` opened. :class:`Unreadable` carries that reader's words for what is
    wrong (``PlanError.problem``); the cohort page names the file."""
    try:
        file.lstat()
    except FileNotFoundError:
        raise Unreadable(f"there is no {file.name} in the folder") from None
    except OSError:
        pass  # e.g. a folder the coach may not look into: the plan's reader says so
    try:
        return read_a_plan(file, follow_links=False, max_bytes=MAX_BYTES)
    except PlanError as err:  # the plan's own words for what is wrong (the file is named)
        raise Unreadable(err.problem) from None


# --- the summary ------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """What the group has done, as plain tables (no names: rows carry participant numbers)."""

    cohort: Cohort
    today: date
    steps: pd.DataFrame  # index step "00".."07": title, participants
    themes: pd.DataFrame  # index RIASEC letter: theme, first (code starts with it), in_code
    codes: pd.Series  # interest code -> participants, most common first
    no_interests: int  # read plans without an interest result
    occupations: pd.DataFrame  # index code: title, custom, shortlisted, chosen
    areas: pd.DataFrame  # index area: participants (with a goal in it), goals
    smart: pd.DataFrame  # index S.M.A.R.T. letter: name, passing, goals, share (0-1)
    due: pd.DataFrame  # number, kind ("goal"/"action"), what, due, days (from today)
    people: pd.DataFrame  # index participant number: step, code, shortlisted, chosen, goals
    # index family key (SOC major group "41", or NOT_IN_CATALOG, NO_FAMILY): family,
    # participants (with a past job in it), jobs, numbers (the participants, by number)
    families: pd.DataFrame = field(default_factory=lambda: _families([]))
    no_jobs: int = 0  # read plans that list no job done

    @property
    def goals(self) -> int:
        """Goals checked against S.M.A.R.T. (every goal not dropped)."""
        return int(self.smart["goals"].iloc[0]) if len(self.smart) else 0


def summarise(cohort: Cohort, today: date | None = None) -> Summary:
    """Sum up the plans that were read; the unreadable ones are left out of every count."""
    today = today or date.today()
    plans = [(p.number, p.plan) for p in cohort.read if p.plan is not None]
    return Summary(
        cohort=cohort,
        today=today,
        steps=_steps([plan for _, plan in plans]),
        themes=_themes([plan for _, plan in plans]),
        codes=_codes([plan for _, plan in plans]),
        no_interests=sum(plan.dream_job.interests is None for _, plan in plans),
        occupations=_occupations([plan for _, plan in plans]),
        areas=_areas([plan for _, plan in plans], cohort.areas),
        smart=_smart([plan for _, plan in plans], today),
        due=_due(plans, today),
        people=_people(plans),
        families=_families(plans),
        no_jobs=sum(not plan.dream_job.past_jobs for _, plan in plans),
    )


def _live_goals(plan: Plan) -> list[Goal]:
    return [g for g in plan.short_term_goals.goals if g.status != "dropped"]


def _steps(plans: list[Plan]) -> pd.DataFrame:
    reached = Counter(start.step_reached(p) for p in plans)
    titles = {s.number: s.title for s in start.route()}
    numbers = sorted(set(titles) | set(reached) | {"00"})
    return pd.DataFrame(
        {
            "title": [titles.get(n, "") for n in numbers],
            "participants": [reached.get(n, 0) for n in numbers],
        },
        index=pd.Index(numbers, name="step"),
    )


def _code(plan: Plan) -> str:
    interests = plan.dream_job.interests
    if interests is None:
        return ""
    return "".join(c for c in interests.code.upper() if c in THEMES)


def _themes(plans: list[Plan]) -> pd.DataFrame:
    codes = [c for c in map(_code, plans) if c]
    return pd.DataFrame(
        {
            "theme": list(THEMES.values()),
            "first": [sum(c[0] == t for c in codes) for t in THEMES],
            "in_code": [sum(t in c for c in codes) for t in THEMES],
        },
        index=pd.Index(list(THEMES), name="letter"),
    )


def _codes(plans: list[Plan]) -> pd.Series:
    counts = Counter(c for c in map(_code, plans) if c)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return pd.Series(dict(ordered), name="participants", dtype="int64").rename_axis("code")


def _occupations(plans: list[Plan]) -> pd.DataFrame:
    titles: dict[str, str] = {}
    custom: dict[str, bool] = {}
    listed: Counter[str] = Counter()
    chosen: Counter[str] = Counter()
    for plan in plans:
        for option in plan.exploration.options:
            titles.setdefault(option.code, option.title)
            custom.setdefault(option.code, option.custom)
        listed.update({o.code for o in plan.exploration.options if not o.dropped})
        chosen.update(set(plan.comparison.chosen))
    codes = sorted(set(listed) | set(chosen))
    frame = pd.DataFrame(
        {
            "title": [titles.get(c, c) for c in codes],
            "custom": [custom.get(c, False) for c in codes],
            "shortlisted": [listed.get(c, 0) for c in codes],
            "chosen": [chosen.get(c, 0) for c in codes],
        },
        index=pd.Index(codes, name="code", dtype="object"),
    )
    return frame.sort_values(["chosen", "shortlisted", "title"], ascending=[False, False, True])


def _areas(plans: list[Plan], offered: tuple[str, ...]) -> pd.DataFrame:
    shown: dict[str, str] = {" ".join(a.split()).casefold(): a for a in reversed(offered)}
    people: Counter[str] = Counter()
    goals: Counter[str] = Counter()
    for plan in plans:
        keys = [" ".join(g.area.split()).casefold() for g in _live_goals(plan)]
        for key, goal in zip(keys, _live_goals(plan), strict=True):
            shown.setdefault(key, " ".join(goal.area.split()))
        goals.update(keys)
        people.update(set(keys))
    keys = sorted(shown, key=lambda k: (-people[k], -goals[k], k))
    return pd.DataFrame(
        {"participants": [people[k] for k in keys], "goals": [goals[k] for k in keys]},
        index=pd.Index([shown[k] for k in keys], name="area", dtype="object"),
    )


def _smart(plans: list[Plan], today: date) -> pd.DataFrame:
    passing: Counter[str] = Counter()
    total = 0
    for plan in plans:
        for goal in _live_goals(plan):
            result = smart_check(goal, plan, today)
            total += 1
            passing.update(x for x in SMART_LETTERS if result.letters[x].ok)
            passing.update(["all"] if result.passed else [])
    letters = [*SMART_LETTERS, "all"]
    return pd.DataFrame(
        {
            "name": [NAMES.get(x, "All five") for x in letters],
            "passing": [passing[x] for x in letters],
            "goals": [total] * len(letters),
            "share": [passing[x] / total if total else 0.0 for x in letters],
        },
        index=pd.Index(letters, name="letter"),
    )


def _people(plans: list[tuple[int, Plan]]) -> pd.DataFrame:
    rows = [
        (
            number,
            start.step_reached(plan),
            _code(plan),
            sum(not o.dropped for o in plan.exploration.options),
            len(plan.comparison.chosen),
            len(_live_goals(plan)),
        )
        for number, plan in plans
    ]
    columns = ["number", "step", "code", "shortlisted", "chosen", "goals"]
    return pd.DataFrame(rows, columns=columns).set_index("number")


def job_family(code: str) -> str:
    """The family key of a job done: its SOC major group ("41"), :data:`NOT_IN_CATALOG`
    for a job under the person's own title, :data:`NO_FAMILY` for a code of another form."""
    if not code.strip():
        return NOT_IN_CATALOG
    return major_group(code) or NO_FAMILY


def _families(plans: list[tuple[int, Plan]]) -> pd.DataFrame:
    """Where the group comes from: the families of the jobs the participants have done
    (``dream_job.past_jobs``), most participants first; own titles and codes without a
    SOC family last."""
    jobs: Counter[str] = Counter()
    numbers: dict[str, list[int]] = {}
    for number, plan in plans:
        keys = [job_family(job.code) for job in plan.dream_job.past_jobs]
        jobs.update(keys)
        for key in dict.fromkeys(keys):
            numbers.setdefault(key, []).append(number)
    last = (NO_FAMILY, NOT_IN_CATALOG)  # after every family, in this order
    keys = sorted(
        jobs,
        key=lambda k: (last.index(k) + 1 if k in last else 0, -len(numbers[k]), -jobs[k], k),
    )
    return pd.DataFrame(
        {
            "family": [MAJOR_GROUPS.get(k, k) for k in keys],
            "participants": [len(numbers[k]) for k in keys],
            "jobs": [jobs[k] for k in keys],
            "numbers": [tuple(numbers[k]) for k in keys],
        },
        index=pd.Index(keys, name="group", dtype="object"),
    )


def _due(plans: list[tuple[int, Plan]], today: date) -> pd.DataFrame:
    end = today + timedelta(days=DUE_DAYS)
    rows = []
    for number, plan in plans:
        for goal in plan.short_term_goals.goals:
            if goal.due and today <= goal.due <= end and goal.status not in ("done", "dropped"):
                rows.append((number, "goal", goal.text, goal.due))
        goals = {g.id: g for g in plan.short_term_goals.goals}
        for goal_id, item in plan.action_plan.items.items():
            aim = goals.get(goal_id)
            if aim is not None and aim.status == "dropped":
                continue
            for action in item.actions:
                if action.due and today <= action.due <= end and not action.done:
                    rows.append((number, "action", action.text, action.due))
    frame = pd.DataFrame(rows, columns=["number", "kind", "what", "due"])
    frame["days"] = [(d - today).days for d in frame["due"]]
    return frame.sort_values(["due", "number", "kind"], kind="stable").reset_index(drop=True)


# --- the most common stepping stones (issue 23) -------------------------------------------


def common_stones(cohort: Cohort, titles: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The stepping stones the group chose as goals (04's "a job on the way": a goal not
    dropped that names one), most common first.

    Index ``stone`` (O*NET-SOC code); columns ``title`` (from ``titles``, code -> title,
    default the catalog in use; the code where neither has it), ``toward`` (the
    directions they lead to, most common first), ``participants`` (how many chose it)
    and ``numbers`` (which, by participant number: the page shows names only when the
    coach switches them on). A participant counts once per stone.
    """
    titles = _stone_titles() if titles is None else titles
    people: dict[str, list[int]] = {}
    toward: dict[str, Counter[str]] = {}
    for person in cohort.read:
        plan = person.plan
        if plan is None:
            continue
        for goal in _live_goals(plan):
            if not goal.stone:
                continue
            numbers = people.setdefault(goal.stone, [])
            if person.number not in numbers:
                numbers.append(person.number)
            if goal.direction:
                title = direction_title(plan, goal.direction, None)  # the person's shortlist
                title = titles.get(title, title)  # a code when not on it
                toward.setdefault(goal.stone, Counter())[title] += 1
    codes = sorted(people, key=lambda c: (-len(people[c]), titles.get(c, c), c))
    return pd.DataFrame(
        {
            "title": [titles.get(c, c) for c in codes],
            "toward": [[t for t, _ in toward.get(c, Counter()).most_common()] for c in codes],
            "participants": [len(people[c]) for c in codes],
            "numbers": [people[c] for c in codes],
        },
        index=pd.Index(codes, name="stone", dtype="object"),
    )


def _stone_titles() -> dict[str, str]:
    """code -> title of the catalog in use; none when it cannot be loaded (codes shown)."""
    try:
        catalog = load_catalog()
    except (CatalogError, OSError):
        return {}
    return {str(code): str(title) for code, title in catalog["title"].items()}


__all__ = [
    "MAX_BYTES",
    "NOT_IN_CATALOG",
    "Cohort",
    "CohortError",
    "Participant",
    "Summary",
    "Unreadable",
    "find_workshop",
    "job_family",
    "read_cohort",
    "read_plan",
    "summarise",
    "common_stones",
]
