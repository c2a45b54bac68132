"""The skills table (``data/skills.csv``): O*NET's 35 skills, their group, how each is learnt.

:data:`SKILLS` and the sets derived from it come from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from careerkit import paths
from careerkit.catalog.schema import CatalogError
from careerkit.catalog.text_table import read_text_table

SKILLS_FILE = paths.DATA_DIR / "skills.csv"
#: The skills table's columns and the values each may take (name: any O*NET skill name).
SKILL_VALUES: dict[str, tuple[str, ...]] = {
    "group": ("basic", "cross-functional"),  # O*NET Content Model 2.A and 2.B
    "kind": ("soft", "hard"),  # our suggested kind; the person can change it
    "learnt_by": ("practice", "course"),  # how a goal suggests building it
}
#: plain: the skill in everyday words; practice: a goal that builds it (what, where, how shown)
SKILL_COLUMNS = ("name", *SKILL_VALUES, "plain", "practice")


@dataclass(frozen=True)
class SkillInfo:
    """One row of the skills table."""

    name: str
    group: str
    kind: str
    learnt_by: str
    plain: str
    practice: str


def read_skills(file: Path = SKILLS_FILE) -> tuple[SkillInfo, ...]:
    """The skills table, in O*NET's order; :class:`CatalogError` names file, row and column."""
    raw = read_text_table(file)
    missing = [c for c in SKILL_COLUMNS if c not in raw.columns]
    if missing:
        raise CatalogError(
            f"{file}: missing column(s) {missing}; the header row must be {list(SKILL_COLUMNS)}."
        )
    raw = raw.apply(lambda col: col.str.strip())
    for number, row in enumerate(raw.itertuples(index=False), start=2):
        where = f"{file}, row {number} ({row.name or 'no name'})"
        if not row.name:
            raise CatalogError(f"{where}, column 'name': the skill's name is empty.")
        if row.name in set(raw["name"].iloc[: number - 2]):
            raise CatalogError(f"{where}, column 'name': repeats a skill of an earlier row.")
        if not row.plain:
            raise CatalogError(f"{where}, column 'plain': say the skill in everyday words.")
        if not row.practice:
            raise CatalogError(f"{where}, column 'practice': say what to practice to build it.")
        for column, allowed in SKILL_VALUES.items():
            value = getattr(row, column)
            if value not in allowed:
                raise CatalogError(
                    f"{where}, column {column!r}: value {value!r} is not one of {allowed}."
                )
    return tuple(SkillInfo(*(row[c] for c in SKILL_COLUMNS)) for _, row in raw.iterrows())


SKILL_TABLE = read_skills()
#: O*NET's 35 basic and cross-functional skills (Content Model elements 2.A and 2.B).
SKILLS = tuple(skill.name for skill in SKILL_TABLE)
#: Skills best built by doing them at work, with feedback; the others by a course.
PRACTICE_SKILLS = frozenset(s.name for s in SKILL_TABLE if s.learnt_by == "practice")
#: Each skill in everyday words ("understanding written documents"), for suggested goals.
PLAIN_SKILLS = {s.name: s.plain for s in SKILL_TABLE}
#: A goal that builds each skill, as a person would say it (what, where, how to show it).
PRACTICE_GOALS = {s.name: s.practice for s in SKILL_TABLE}
#: Basic skills (O*NET 2.A: reading, writing, math...), which any schooling builds.
BASIC_SKILLS = frozenset(s.name for s in SKILL_TABLE if s.group == "basic")
