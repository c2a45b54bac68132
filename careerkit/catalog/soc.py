"""SOC 2018's major groups: the occupation family the first two digits of a code name.

The 23 major groups of the Standard Occupational Classification (2018), in BLS's titles
(the National Employment Matrix names the same groups, e.g. 41-0000 "Sales and related
occupations"). An O*NET-SOC code ("41-1011.00") belongs to the group of its first two
digits; the cohort summary counts participants' past jobs by them.
"""

from __future__ import annotations

import re

#: Major group (two digits) -> its SOC 2018 title.
MAJOR_GROUPS = {
    "11": "Management Occupations",
    "13": "Business and Financial Operations Occupations",
    "15": "Computer and Mathematical Occupations",
    "17": "Architecture and Engineering Occupations",
    "19": "Life, Physical, and Social Science Occupations",
    "21": "Community and Social Service Occupations",
    "23": "Legal Occupations",
    "25": "Educational Instruction and Library Occupations",
    "27": "Arts, Design, Entertainment, Sports, and Media Occupations",
    "29": "Healthcare Practitioners and Technical Occupations",
    "31": "Healthcare Support Occupations",
    "33": "Protective Service Occupations",
    "35": "Food Preparation and Serving Related Occupations",
    "37": "Building and Grounds Cleaning and Maintenance Occupations",
    "39": "Personal Care and Service Occupations",
    "41": "Sales and Related Occupations",
    "43": "Office and Administrative Support Occupations",
    "45": "Farming, Fishing, and Forestry Occupations",
    "47": "Construction and Extraction Occupations",
    "49": "Installation, Maintenance, and Repair Occupations",
    "51": "Production Occupations",
    "53": "Transportation and Material Moving Occupations",
    "55": "Military Specific Occupations",
}

_SOC = re.compile(r"^(\d\d)-\d{4}(\.\d\d)?$")


def major_group(code: str) -> str | None:
    """The major group of an O*NET-SOC or SOC code ("41-1011.00" -> "41"); None for a
    code of another form (a local occupation) or a group SOC does not have."""
    found = _SOC.match(code.strip())
    group = found.group(1) if found else None
    return group if group in MAJOR_GROUPS else None
