"""What a catalog holds: its columns, their values (themes, education, zones), its files."""

from __future__ import annotations

import re

from careerkit.errors import ForThePerson

THEMES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}

#: BLS's categories of typical education needed for entry, least to most.
EDUCATION = (
    "No formal educational credential",
    "High school diploma or equivalent",
    "Postsecondary nondegree award",
    "Some college, no degree",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
)

SCHEDULES = ("regular", "shifts", "irregular", "seasonal")
#: O*NET Work Context's categories of the typical work week (Duration of Typical Work Week).
HOURS = ("less than 40", "40", "more than 40")
#: Why a median pay is not a plain figure: BLS top-coded it (``median_wage`` is then the
#: least it can be), or BLS publishes only an hourly median (``hourly_median_wage``).
TOP_CODED, HOURLY_ONLY = "top-coded", "hourly only"
WAGE_NOTES = (TOP_CODED, HOURLY_ONLY)
#: ``onet_education_note`` where O*NET recommends suppressing the largest education share.
LESS_RELIABLE = "less reliable"

JOB_ZONES = {
    1: "little or no preparation",
    2: "some preparation",
    3: "medium preparation",
    4: "considerable preparation",
    5: "extensive preparation",
}
#: From O*NET 30.x, zones 1 and 2 are one level, published as 2.
JOB_ZONES_4 = {2: "little or some preparation", 3: JOB_ZONES[3], 4: JOB_ZONES[4], 5: JOB_ZONES[5]}

#: BLS's words for a projected ten-year employment change, fastest first.
OUTLOOKS = (
    "much faster than average",
    "faster than average",
    "as fast as average",
    "slower than average",
    "little or no change",
    "decline",
)
#: Projected change for all occupations, BLS Employment Projections 2024-34 (percent).
AVERAGE_OUTLOOK_PCT = 3.1

#: column -> pandas dtype after loading; only REQUIRED columns must be in every file.
COLUMNS = {
    "code": "string",
    "title": "string",
    "alt_titles": "string",
    "description": "string",
    "onet_description": "string",
    **{letter: "float64" for letter in THEMES},
    "interest_code": "string",  # O*NET's high-point code, e.g. "SCR": orders tied themes
    "job_zone": "Int64",
    "education": "string",
    "onet_education": "string",
    "onet_education_pct": "Float64",
    "onet_education_note": "string",  # "less reliable": O*NET recommends suppressing it
    "experience": "string",
    "training": "string",
    "median_wage": "Float64",
    "wage_p10": "Float64",
    "wage_p25": "Float64",
    "wage_p75": "Float64",
    "wage_p90": "Float64",
    "hourly_median_wage": "Float64",
    "wage_note": "string",  # WAGE_NOTES: why median_wage is a bound or empty
    "wage_year": "Int64",
    "wage_soc": "string",
    "wage_title": "string",
    "employment": "Int64",
    "outlook_pct": "Float64",
    "outlook": "string",
    "openings": "Int64",
    "projection_soc": "string",
    "projection_title": "string",
    "skills": "string",
    "weekly_hours": "Float64",
    "hours_per_week": "string",
    "hours_pct": "Float64",
    "schedule": "string",
    "schedule_pct": "Float64",
}
REQUIRED = ("code", "title", *THEMES, "job_zone")
CODE = re.compile(r"^(\d\d-\d{4}\.\d\d|local-[a-z0-9-]+)$")

#: The files of a catalogue folder.
OCCUPATIONS = "occupations.csv"
#: Every skill's importance and level for each rated occupation (issue 23); a catalogue
#: imported before it has OLD_SKILL_RATINGS: only each occupation's important skills.
SKILL_RATINGS = "skills.csv.gz"
OLD_SKILL_RATINGS = "skills.csv"
RELATED = "related.csv"
AREAS = "areas.csv"
AREA_WAGES = "area_wages.csv.gz"
SOURCES = "sources.json"


class CatalogError(ForThePerson, ValueError):
    """A catalogue file has a missing column, a bad value or a duplicate code."""
