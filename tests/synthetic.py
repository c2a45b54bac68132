"""A made-up occupation catalogue with the bundled catalogue's columns and dtypes.

Used by tests and benchmarks that need many occupations (or a catalogue before the
bundled one exists). Titles and descriptions are random word combinations; about one
occupation in twelve has no pay, and one in ten no outlook, as in the real data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from careerkit.catalog import COLUMNS, EDUCATION, SCHEDULES, SKILLS, THEMES, outlook_label

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
