"""The skills an option needs: O*NET's most important ones, else those the person listed.

Some occupations (29 in O*NET 30.x, e.g. Web and Digital Interface Designers, Data
Scientists) have no O*NET skill ratings. For them careerkit never shows a skills match of
0 or "no gap": it says O*NET has no ratings, leaves the match "not rated", and invites the
person to list the skills they learn from job postings or people in the job
(``Option.skills``); those then count for that option's match and gap.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from careerkit.catalog import skills_of
from careerkit.plan import Option, Plan

NO_RATINGS = "O*NET has no skill ratings for this occupation"
INVITE = (
    "List the skills you learn from job postings or from people in the job: they then count "
    "for this option's skills match and skill gap."
)
Source = Literal["onet", "yours", "none"]
#: Why the skills match is not rated when none of the person's skills is an O*NET name.
OTHER_NAMES = "None of your skills in 01 is one of O*NET's skill names, so they cannot be compared"
#: What to do about it: 01's Skill box offers O*NET's names (a combobox).
PICK_NAMES = "pick the ones you have from the list in 01's Skill box (O*NET's names)"


def onet_skills(catalog: pd.DataFrame, code: str) -> list[str]:
    """O*NET's most important skills of ``code``, most important first; [] when none."""
    return skills_of(catalog, code) if code in catalog.index else []


def needed_skills(catalog: pd.DataFrame, option: Option | None, code: str) -> list[str]:
    """The skills the option needs: O*NET's, else the ones the person listed for it."""
    return needed(catalog, option, code)[0]


def needed(catalog: pd.DataFrame, option: Option | None, code: str) -> tuple[list[str], Source]:
    """The skills the option needs and where they come from ("onet", "yours", "none")."""
    onet = onet_skills(catalog, code)
    if onet:
        return onet, "onet"
    own = list(option.skills) if option is not None else []
    return (own, "yours") if own else ([], "none")


def for_plan(plan: Plan, catalog: pd.DataFrame, code: str) -> tuple[list[str], Source]:
    """:func:`needed` for the option ``code`` of the person's shortlist."""
    option = next((o for o in plan.exploration.options if o.code == code), None)
    return needed(catalog, option, code)


def own_list_counts(catalog: pd.DataFrame, option: Option) -> bool:
    """True when the option's skills match comes from the skills the person listed for it
    (their own occupation, or one O*NET gives no ratings) rather than from O*NET."""
    return bool(option.skills) and (option.custom or lacks_ratings(catalog, option.code))


def lacks_ratings(catalog: pd.DataFrame, code: str) -> bool:
    """True for a catalogue occupation that O*NET gives no skill ratings."""
    return code in catalog.index and not onet_skills(catalog, code)


def own_match(person_skills: Iterable[str], listed: Iterable[str]) -> float:
    """Share (0-100) of the skills the person listed for a job that they have; NaN if none."""
    needed_names = {s.casefold() for s in listed}
    if not needed_names:
        return float(np.nan)
    have = {s.casefold() for s in person_skills}
    return round(100 * len(needed_names & have) / len(needed_names), 1)


def parse(text: str) -> list[str]:
    """Skills typed one per line (or separated by commas), tidied, each once."""
    seen: dict[str, str] = {}
    for part in text.replace(";", "\n").replace(",", "\n").splitlines():
        name = " ".join(part.split()).strip(" -*•")
        if name:
            seen.setdefault(name.casefold(), name[:80])
    return list(seen.values())[:20]
