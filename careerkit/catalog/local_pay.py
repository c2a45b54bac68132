"""Pay where the person lives: an area's BLS figures, else its state's, else the nation's.

The areas and their pay come from the catalog's own tables (:func:`.tables.tables_of`), so
local pay is always the loaded catalog's. ``careerkit.catalog_for(plan)`` (in
:mod:`careerkit.workbook`) applies it to the catalog in force for the plan's area.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from careerkit.catalog.schema import HOURLY_ONLY, TOP_CODED
from careerkit.catalog.tables import CatalogTables, tables_of
from careerkit.catalog.values import top_code, wage_note

NATION = "0000000"
NATION_NAME = "the United States"
#: Catalogue pay columns -> the area-wage columns they are replaced by.
PAY_COLUMNS = ("median_wage", "wage_p10", "wage_p25", "wage_p75", "wage_p90", "hourly_median_wage")


def _tables(catalog: pd.DataFrame | CatalogTables) -> CatalogTables:
    return catalog if isinstance(catalog, CatalogTables) else tables_of(catalog)


def area_choices(catalog: pd.DataFrame | CatalogTables) -> list[tuple[str, str]]:
    """(label, area code) for a picker: the nation, then states, then other areas, by name."""
    areas = _tables(catalog).areas()
    choices = [(f"{NATION_NAME} (national figures)", "")]
    for kind, suffix in (("S", ""), ("M", " (area)")):
        part = areas[areas["area_type"] == kind].sort_values("area_name")
        choices += [(f"{name}{suffix}", code) for code, name in part["area_name"].items()]
    return choices


def area_name(area: str, catalog: pd.DataFrame | CatalogTables) -> str:
    """The area's name, "the United States" for "" or the nation, or "unknown area"."""
    if area in ("", NATION):
        return NATION_NAME
    areas = _tables(catalog).areas()
    return str(areas.at[area, "area_name"]) if area in areas.index else f"unknown area {area}"


def fallback_chain(area: str, catalog: pd.DataFrame | CatalogTables) -> list[str]:
    """The areas to try, most local first: the area, its state, then the nation."""
    areas = _tables(catalog).areas()
    if area in ("", NATION) or area not in areas.index:
        return []
    chain = [area]
    state = f"{areas.at[area, 'state_fips']}00000"
    if areas.at[area, "area_type"] == "M" and state in areas.index:
        chain.append(state)
    return chain


def local_pay(catalog: pd.DataFrame, area: str) -> pd.DataFrame:
    """The catalogue with pay for ``area`` where BLS published it, else state, else nation.

    Adds ``pay_area``: the place each row's pay figures are for (NA when none is known).
    The pay columns of a row all come from one place, so a range never mixes areas. A
    median BLS top-codes in the area counts as the area's figure: ``median_wage`` holds
    its least value and ``wage_note`` says "top-coded"; so does an hourly-only median.
    """
    out = catalog.copy()
    for column, dtype in (("hourly_median_wage", "Float64"), ("wage_note", "string")):
        if column not in out:  # a catalogue CSV of an older layout
            out[column] = pd.Series(pd.NA, index=out.index, dtype=dtype)
    known = out["median_wage"].notna() | out["hourly_median_wage"].notna()
    national = known.to_numpy(bool)
    out["pay_area"] = pd.Series(
        # numpy's stubs: None is a valid choice (an object array).
        np.where(national, NATION_NAME, None),  # type: ignore[call-overload]
        index=out.index,
        dtype="string",
    )
    parts = tables_of(catalog)
    chain = fallback_chain(area, parts)
    if not chain or "wage_soc" not in out:
        return out
    wages = parts.area_wages()
    soc = out["wage_soc"].astype(object)
    done = np.zeros(len(out), dtype=bool)
    for code in chain:
        index = pd.MultiIndex.from_arrays([np.full(len(out), code, dtype=object), soc])
        found = wages.reindex(index)
        note = found["median_note"].map(wage_note)
        top = (note == TOP_CODED).to_numpy(bool)
        least = pd.to_numeric(found["median_note"].map(top_code), errors="coerce")
        found["median_wage"] = found["median_wage"].mask(top, least)
        if "hourly_median_wage" in found:  # kept only where it is BLS's one figure
            found["hourly_median_wage"] = found["hourly_median_wage"].where(note == HOURLY_ONLY)
        hourly = found.get("hourly_median_wage", pd.Series(np.nan, index=found.index))
        figure = found["median_wage"].notna() | hourly.notna()
        usable = figure.to_numpy(bool) & ~done
        if usable.any():
            for column in PAY_COLUMNS:
                values = found[column] if column in found else pd.Series(np.nan, index=index)
                values = values.to_numpy(dtype=float)
                out[column] = out[column].mask(usable, values).astype("Float64")
            out["wage_note"] = out["wage_note"].mask(usable, note.to_numpy(object))
            out.loc[usable, "pay_area"] = area_name(code, parts)
        done |= usable
    return out
