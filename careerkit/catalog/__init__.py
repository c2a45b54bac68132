"""The occupation catalog: O*NET occupations with BLS pay and outlook, loaded and checked.

The folder's modules: :mod:`.schema` (columns and values), :mod:`.load` (reading and
checking a catalog it is handed), :mod:`.tables` (its other tables, carried by the loaded
frame: sources, skill ratings, titles, related occupations, area pay), :mod:`.skills` (the
skills table), :mod:`.values` (values in words), :mod:`.fit` (interest fit and skills
match), :mod:`.search`, :mod:`.local_pay`, and :mod:`.sources` (the importer of O*NET and
BLS releases). This face holds what the rest of careerkit and the notebooks import. The
catalog knows nothing of plans or workshops: which catalog is in force is
:mod:`careerkit.workbook`'s to say.
"""

from careerkit.catalog.load import load_catalog, occupations_file, skills_of
from careerkit.catalog.schema import (
    AREA_WAGES,
    AREAS,
    AVERAGE_OUTLOOK_PCT,
    CODE,
    COLUMNS,
    EDUCATION,
    HOURLY_ONLY,
    HOURS,
    JOB_ZONES,
    JOB_ZONES_4,
    LESS_RELIABLE,
    OCCUPATIONS,
    OLD_SKILL_RATINGS,
    OUTLOOKS,
    RELATED,
    REQUIRED,
    SCHEDULES,
    SKILL_RATINGS,
    SOURCES,
    THEMES,
    TOP_CODED,
    WAGE_NOTES,
    CatalogError,
)
from careerkit.catalog.skills import (
    BASIC_SKILLS,
    PLAIN_SKILLS,
    PRACTICE_GOALS,
    PRACTICE_SKILLS,
    SKILL_COLUMNS,
    SKILL_TABLE,
    SKILL_VALUES,
    SKILLS,
    SKILLS_FILE,
    SkillInfo,
    read_skills,
)
from careerkit.catalog.tables import CatalogInfo, CatalogTables, tables_of
from careerkit.catalog.text_table import readable_exists
from careerkit.catalog.values import (
    money,
    onet_url,
    outlook_label,
    top_code,
    wage_note,
    zone_words,
    zones_present,
)

__all__ = [
    "readable_exists",
    "occupations_file",
    "load_catalog",
    "tables_of",
    "CatalogTables",
    "CatalogInfo",
    "skills_of",
    "THEMES",
    "EDUCATION",
    "SCHEDULES",
    "HOURS",
    "TOP_CODED",
    "HOURLY_ONLY",
    "WAGE_NOTES",
    "LESS_RELIABLE",
    "JOB_ZONES",
    "JOB_ZONES_4",
    "OUTLOOKS",
    "AVERAGE_OUTLOOK_PCT",
    "COLUMNS",
    "REQUIRED",
    "CODE",
    "OCCUPATIONS",
    "SKILL_RATINGS",
    "OLD_SKILL_RATINGS",
    "RELATED",
    "AREAS",
    "AREA_WAGES",
    "SOURCES",
    "CatalogError",
    "SKILLS_FILE",
    "SKILL_VALUES",
    "SKILL_COLUMNS",
    "SkillInfo",
    "read_skills",
    "SKILL_TABLE",
    "SKILLS",
    "PRACTICE_SKILLS",
    "PLAIN_SKILLS",
    "PRACTICE_GOALS",
    "BASIC_SKILLS",
    "outlook_label",
    "zones_present",
    "zone_words",
    "onet_url",
    "wage_note",
    "top_code",
    "money",
]
