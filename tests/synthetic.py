"""A made-up occupation catalogue with the bundled catalogue's columns and dtypes.

Used by tests and benchmarks that need many occupations (or a catalogue before the
bundled one exists). Titles and descriptions are random word combinations; about one
occupation in twelve has no pay, and one in ten no outlook, as in the real data.
:func:`synthetic_workshop` makes a workshop of participants' plans at every step.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from careerkit.catalog import COLUMNS, EDUCATION, SCHEDULES, SKILLS, THEMES, outlook_label
from careerkit.plan import (
    Action,
    Goal,
    GoalActions,
    InterestResult,
    Objective,
    Option,
    Plan,
    Review,
    open_plan,
)

_FIELDS = (
    "Clinic", "Warehouse", "Software", "Marine", "Garden", "Museum", "Payroll", "Hospital",
    "School", "Retail", "Film", "Energy", "Library", "Transit", "Kitchen", "Laboratory",
)  # fmt: skip
_ROLES = (
    "Coordinators", "Technicians", "Managers", "Analysts", "Assistants", "Designers",
    "Inspectors", "Specialists", "Planners", "Advisors", "Operators", "Supervisors",
)  # fmt: skip
_VERBS = (
    "plan", "inspect", "repair", "teach", "schedule", "design", "review", "support",
    "measure", "negotiate", "record", "assemble",
)  # fmt: skip
_THINGS = (
    "budgets", "patient records", "machines", "lessons", "shipments", "reports", "contracts",
    "exhibits", "crops", "networks", "menus", "samples",
)  # fmt: skip


def synthetic_catalog(n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` made-up occupations, indexed by unique O*NET-style codes, like ``load_catalog()``."""
    rng = np.random.default_rng(seed)

    def pick(words: tuple[str, ...]) -> np.ndarray:
        return rng.choice(np.array(words, dtype=object), n)

    codes = [f"{11 + i // 9000:02d}-{i % 9000 + 1000:04d}.00" for i in range(n)]
    field, role = pick(_FIELDS), pick(_ROLES)
    zone = rng.integers(1, 6, n)
    frame = pd.DataFrame(
        {
            "title": field + " " + role + " " + pd.Series(range(n)).astype(str).to_numpy(),
            "alt_titles": pick(_FIELDS) + " " + role + ";" + field + " " + pick(_ROLES),
            "description": "Workers who "
            + pick(_VERBS)
            + " "
            + pick(_THINGS)
            + " and "
            + pick(_VERBS)
            + " "
            + pick(_THINGS)
            + " in "
            + np.char.lower(field.astype(str)).astype(object)
            + " settings, working with colleagues and the public.",
        },
        index=pd.Index(codes, name="code", dtype="string"),
    )
    themes = rng.uniform(1, 4, (n, len(THEMES)))
    themes[np.arange(n), rng.integers(0, len(THEMES), n)] += rng.uniform(2, 3, n)
    for i, letter in enumerate(THEMES):
        frame[letter] = np.round(themes[:, i], 2)
    frame["job_zone"] = zone
    education = np.clip(zone + rng.integers(-1, 3, n), 0, len(EDUCATION) - 1)
    frame["education"] = np.array(EDUCATION, dtype=object)[education]
    wage = np.round(rng.lognormal(10.4 + 0.18 * zone, 0.3), -1)
    frame["median_wage"] = np.where(rng.random(n) < 1 / 12, np.nan, wage)
    frame["wage_p10"] = np.round(frame["median_wage"] * 0.6, -1)
    frame["wage_p25"] = np.round(frame["median_wage"] * 0.8, -1)
    frame["wage_p75"] = np.round(frame["median_wage"] * 1.25, -1)
    frame["wage_p90"] = np.round(frame["median_wage"] * 1.6, -1)
    frame["wage_year"] = 2024
    frame["wage_soc"] = [c[:7] for c in codes]
    frame["wage_title"] = frame["title"]
    frame["employment"] = rng.integers(1_000, 2_000_000, n)
    frame["outlook_pct"] = np.where(rng.random(n) < 0.1, np.nan, np.round(rng.normal(4, 5, n), 1))
    frame["outlook"] = [None if np.isnan(p) else outlook_label(p) for p in frame["outlook_pct"]]
    frame["openings"] = np.where(np.isnan(frame["outlook_pct"]), np.nan, frame["employment"] // 10)
    frame["skills"] = [";".join(rng.choice(SKILLS, k, replace=False)) for k in zone + 5]
    frame["weekly_hours"] = np.round(rng.uniform(30, 55, n), 1)
    frame["schedule"] = pick(SCHEDULES)
    frame = frame.reindex(columns=[c for c in COLUMNS if c != "code"])
    return frame.astype({c: t for c, t in COLUMNS.items() if c != "code"})


# --- a made-up workshop: participants' plans at every step ------------------------------

#: Ways a participant's plan file can be spoiled, as :func:`spoil` does them.
SPOILED = ("cut short", "empty", "newer schema", "not json", "too big", "symlink", "answers")
_FIRST = ("Ana", "Bo", "Chidi", "Dana", "Émile", "Farah", "Gus", "Hana", "Ivo", "Jun", "Kai")
_LAST = ("López", "Chen", "Okafor", "Ng", "Brontë", "Haddad", "Lind", "Sato", "Petrov")
_GOALS = (  # (text, measure, months): from clearly S.M.A.R.T. to clearly not
    ("Complete the project management certificate", "certificate earned", 12),
    ("Join the regional health managers association", "membership card", 6),
    ("get better at things", "", 12),
    ("Shadow a clinic manager for two days", "two days done", 6),
    ("Finish a bachelor's degree in nursing", "degree", 6),
)


@dataclass(frozen=True)
class SyntheticWorkshop:
    """A workshop made by :func:`synthetic_workshop`: what was written, to check against."""

    folder: Path
    plans: dict[str, Plan]  # participant folder -> the plan written there (readable ones)
    steps: dict[str, str]  # participant folder -> the step its plan was written up to
    spoiled: dict[str, str]  # participant folder -> how its plan file was spoiled


def synthetic_workshop(
    folder: Path,
    participants: int = 30,
    spoiled: tuple[str, ...] = ("cut short", "empty", "newer schema"),
    today: date | None = None,
    seed: int = 0,
) -> SyntheticWorkshop:
    """A workshop (``careerkit workshop new``) whose plans reach steps 0-7 in turn.

    The first participants get the ``spoiled`` plan files (see :func:`spoil`), the rest
    realistic plans: interest codes, shortlists of real catalogue occupations (and an own
    occupation with markup in its title), choices, goals due around ``today`` (some
    S.M.A.R.T., some not), objectives, dated actions and reviews.
    """
    from careerkit.coach.workshop_setup import create_workshop
    from careerkit.workbook import load_catalog

    today = today or date.today()
    rng = np.random.default_rng(seed)
    names = [
        f"{_FIRST[i % len(_FIRST)]} {_LAST[i % len(_LAST)]} {i + 1}" for i in range(participants)
    ]
    names[participants // 2] = '<b>Lee</b> & "Co"'  # markup in a name stays text
    made = create_workshop(folder, names, title="Spring <workshop>", coach="Dana Ng")
    catalog = load_catalog()  # the catalog in force
    catalog = catalog.iloc[rng.choice(len(catalog), 12, replace=False)]  # a group's favourites
    steps, plans, bad = {}, {}, {}
    for i, person in enumerate(made):
        file = person.folder / "plan.json"
        if i < len(spoiled):
            spoil(file, spoiled[i])
            bad[person.folder.name] = spoiled[i]
            continue
        step = (i - len(spoiled)) % 8
        plans[person.folder.name] = _fill(open_plan(file), step, i, rng, catalog, today)
        steps[person.folder.name] = f"{step:02d}"
    return SyntheticWorkshop(folder, plans, steps, bad)


def _fill(
    plan: Plan, step: int, i: int, rng: np.random.Generator, catalog: pd.DataFrame, today: date
) -> Plan:
    """Fill ``plan`` up to ``step`` and save it."""
    if step >= 1:
        plan.dream_job.vision = f"In five years I lead a team ({i})."
        if i % 6 != 5:  # some have not taken the interest questionnaire
            scores = {t: float(rng.integers(0, 101)) for t in THEMES}
            code = "".join(sorted(THEMES, key=lambda t: (-scores[t], list(THEMES).index(t)))[:3])
            plan.dream_job.interests = InterestResult(scores=scores, code=code)
    if step >= 2:
        picked = rng.choice(len(catalog), int(rng.integers(2, 5)), replace=False)
        plan.exploration.options = [
            Option(code=str(catalog.index[k]), title=str(catalog["title"].iloc[k])) for k in picked
        ]
        if i % 7 == 3:
            own = Option(code="custom:cafe", title='Café <owner> & "baker"', custom=True)
            plan.exploration.options.insert(0, own)
        if i % 4 == 0:
            plan.exploration.options[-1].dropped = True
            plan.exploration.options[-1].drop_reason = "too far away"
    if step >= 3:
        plan.comparison.weights = {"pay": float(i % 6)}
        if i % 5 != 2 or step >= 4:
            plan.comparison.chosen = [plan.exploration.options[0].code]
    if step >= 4:
        areas = plan.short_term_goals.areas
        for k in range(1 + i % 3):
            text, measure, months = _GOALS[(i + k) % len(_GOALS)]
            plan.short_term_goals.goals.append(
                Goal(
                    text=text,
                    measure=measure,
                    area=areas[(i + k) % len(areas)] if k < 2 else "Volunteering",
                    horizon_months=months,
                    due=today + timedelta(days=int(rng.integers(-5, 60))) if k != 1 else None,
                    direction=plan.comparison.chosen[0],
                    confidence=4,
                    created=today - timedelta(days=10),
                    status="dropped" if (i + k) % 9 == 0 else "in progress",
                )
            )
    if step >= 5:
        plan.long_term.objectives = {plan.comparison.chosen[0]: Objective(role_5y="Team lead")}
    if step >= 6:
        for k, goal in enumerate(plan.short_term_goals.goals):
            due = today + timedelta(days=int(rng.integers(-3, 45)))
            action = Action(text=f"Email the course provider <{k}>", due=due, done=k == 2)
            plan.action_plan.items[goal.id] = GoalActions(actions=[action])
    if step >= 7:
        plan.reviews = [Review(went_well="Finished the first course.")]
    plan.save()
    return plan


def spoil(file: Path, kind: str) -> None:
    """Make the plan ``file`` unreadable in one of the ways of :data:`SPOILED`."""
    good = file.read_bytes()
    if kind == "cut short":
        file.write_bytes(good[: len(good) // 2])
    elif kind == "empty":
        file.write_bytes(b"")
    elif kind == "newer schema":
        raw = json.loads(good)
        file.write_text(json.dumps({**raw, "schema_version": 99}), encoding="utf-8")
    elif kind == "not json":
        file.write_text("print('hello')  # <script>alert(1)</script>", encoding="utf-8")
    elif kind == "too big":  # valid JSON, but over the 5 MB a plan may be
        raw = json.loads(good)
        raw["profile"]["name"] = "x" * (5 * 1024 * 1024 + 10)
        file.write_text(json.dumps(raw), encoding="utf-8")
    elif kind == "symlink":  # to a good plan outside the workshop: never followed
        target = file.parent.parent.parent.parent / f"outside-{file.parent.name}.json"
        target.write_bytes(good)
        file.unlink()
        file.symlink_to(target)
    elif kind == "answers":
        raw = json.loads(good)
        raw["comparison"]["chosen"] = ["a", "b", "c"]  # at most two may be chosen
        file.write_text(json.dumps(raw), encoding="utf-8")
    else:
        raise ValueError(f"unknown kind {kind!r}; use one of {SPOILED}")
