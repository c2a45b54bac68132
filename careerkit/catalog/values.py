"""A catalog's values in words: money, outlook, job zone, wage notes, O*NET links."""

from __future__ import annotations

import math
import re

import pandas as pd

from careerkit.catalog.schema import AVERAGE_OUTLOOK_PCT, JOB_ZONES, JOB_ZONES_4, WAGE_NOTES


def outlook_label(pct: float | None, average: float = AVERAGE_OUTLOOK_PCT) -> str:
    """BLS's words for a projected ten-year change in percent, or "unknown".

    Cut-offs on the whole percent, around the all-occupations average A (3 for 2024-34):
    A+4 or more much faster; A+2 to A+3 faster; A-1 to A+1 as fast as average; 1 up to
    A-2 slower; -1 to 0 little or no change; -2 or less decline.
    """
    if pct is None or pd.isna(pct):
        return "unknown"
    whole, mean = math.floor(float(pct) + 0.5), math.floor(float(average) + 0.5)
    if whole >= mean + 4:
        return "much faster than average"
    if whole >= mean + 2:
        return "faster than average"
    if whole >= mean - 1:
        return "as fast as average"
    if whole >= 1:
        return "slower than average"
    if whole >= -1:
        return "little or no change"
    return "decline"


def zones_present(catalog: pd.DataFrame) -> tuple[int, ...]:
    """The job zones the catalogue's occupations have, lowest first (O*NET 30.x: 2-5)."""
    return tuple(sorted(int(z) for z in catalog["job_zone"].dropna().unique()))


def zone_words(zone: int | None, levels: int = 5) -> str:
    """Plain words for a job zone, in the release's five or four levels."""
    if zone is None or pd.isna(zone):
        return "unknown"
    return (JOB_ZONES_4 if levels == 4 else JOB_ZONES).get(int(zone), "unknown")


def onet_url(code: str) -> str | None:
    """The occupation's page on O*NET OnLine (None for a local occupation)."""
    return None if code.startswith("local-") else f"https://www.onetonline.org/link/summary/{code}"


def wage_note(note: str | float | None) -> str | None:
    """BLS's ``median_note`` as one of WAGE_NOTES, or None (no note, or "not released")."""
    text = "" if note is None or pd.isna(note) else str(note).strip().casefold()
    return next((flag for flag in WAGE_NOTES if text.startswith(flag)), None)


def top_code(note: str | float | None) -> float | None:
    """The least value of a top-coded median, from BLS's note "top-coded: >= 239200"."""
    found = re.search(r">=\s*\$?([\d,]+)", "" if note is None or pd.isna(note) else str(note))
    return float(found.group(1).replace(",", "")) if found else None


def money(value: float | None) -> str:
    """A wage as "$61,230", or "unknown"."""
    return "unknown" if value is None or pd.isna(value) else f"${value:,.0f}"
