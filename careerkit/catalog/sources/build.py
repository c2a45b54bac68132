"""Build a catalogue folder from an O*NET release and BLS files: ``careerkit.import_onet``.

One row per occupation with O*NET interest data, in the columns of
``careerkit.catalog.COLUMNS``; figures as published, empty where no source gives one.
The folder is written beside its destination and moved into place only when complete,
so a failed import never replaces a working catalogue.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from careerkit import catalog, paths
from careerkit.catalog import tables
from careerkit.catalog.sources import bls, onet
from careerkit.catalog.sources.release import Release, open_release

#: The bundled compact copy of BLS's O*NET-SOC to NEM crosswalk (onet_code, nem_code).
CROSSWALK = paths.DATA_DIR / "nem_crosswalk.csv"
#: Our own one-line descriptions, joined by code.
DESCRIPTIONS = paths.DATA_DIR / "descriptions.csv"

ATTRIBUTION = (
    "This product includes information from the O*NET {release} Database by the U.S. "
    "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under "
    "the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. careerkit has modified "
    "the information: it selected columns, named each occupation's most important skills "
    "and joined BLS figures. No endorsement by USDOL/ETA is implied."
)


@dataclass
class ImportSummary:
    """What an import produced: counts, files read, releases."""

    out: Path
    counts: dict[str, int]
    sources: dict = field(repr=False)

    def __str__(self) -> str:
        lines = [f"Catalog written to {paths.shown(self.out)}"]
        lines += [f"  {name.replace('_', ' ')}: {n:,}" for name, n in self.counts.items()]
        for name, info in self.sources["tables"].items():
            release = f"O*NET {info['release']}" if info["release"] else "release not recorded"
            lines.append(f"  {name}: {info['file']} ({release})")
        for key in ("wages", "areas", "projections"):
            if key in self.sources:
                lines.append(f"  {key}: {self.sources[key]['file']} ({self.sources[key]['label']})")
        return "\n".join(lines)


def import_onet(
    path: str | os.PathLike[str],
    *,
    wages: str | os.PathLike[str] | None = None,
    areas: str | os.PathLike[str] | None = None,
    projections: str | os.PathLike[str] | None = None,
    crosswalk: str | os.PathLike[str] | None = None,
    wage_year: int | None = None,
    out: str | os.PathLike[str] | None = None,
    keep_onet_descriptions: bool = True,
    area_types: str = "NSM",
    progress: bool = True,
) -> ImportSummary:
    """Import an O*NET release (folder or zip) with BLS figures into a catalogue folder.

    ``out`` defaults to ``catalog/`` in the person's workspace, which the workbook then
    uses (``careerkit.workbook.catalog_in_force``). ``area_types`` keeps pay for the nation (N),
    states (S) and metropolitan areas (M) of the areas file. Raises ``ReleaseError``,
    ``BlsError`` or ``CatalogError`` naming the file and column of any problem; nothing
    is written then.
    """
    out = Path(out).expanduser() if out else paths.workspace() / "catalog"
    if out.is_file() or (
        out.is_dir() and any(out.iterdir()) and not (out / catalog.OCCUPATIONS).exists()
    ):
        raise catalog.CatalogError(
            f"{out} is not empty and holds no catalog; the import replaces the whole folder, "
            "so give an empty or new folder (or an earlier import) as --out."
        )
    with tqdm(total=7, desc="Importing", unit="step", disable=not progress) as bar:
        return _import(
            path, out, _stepper(bar), wages=wages, areas=areas, projections=projections,
            crosswalk=crosswalk, wage_year=wage_year, area_types=area_types,
            keep_onet_descriptions=keep_onet_descriptions,
        )  # fmt: skip


def _import(
    path: str | os.PathLike[str],
    out: Path,
    step: Callable[[str], None],
    *,
    wages: str | os.PathLike[str] | None,
    areas: str | os.PathLike[str] | None,
    projections: str | os.PathLike[str] | None,
    crosswalk: str | os.PathLike[str] | None,
    wage_year: int | None,
    area_types: str,
    keep_onet_descriptions: bool,
) -> ImportSummary:
    release = open_release(path)
    step("occupations")
    table = onet.occupations(release)
    themes = onet.interests(release)
    rows = table.loc[table.index.intersection(themes.index)].join(themes)
    rows["interest_code"] = onet.interest_codes(release).reindex(rows.index)
    zones, levels = onet.job_zones(release)
    rows["job_zone"] = zones.reindex(rows.index).astype("Int64")
    rows = rows[rows["job_zone"].notna()]
    onet.check_coverage(release, rows.index, table.index, themes.index, zones.index)
    step("skills")
    skills = onet.skill_matrix(release)
    skills = skills[skills["code"].isin(rows.index)]
    important = onet.important_skills(skills)  # the catalog's skills column: a card's list
    rows["skills"] = important.groupby("code")["skill"].agg(";".join).reindex(rows.index)
    skills = skills.drop(columns="not_relevant")
    step("titles")
    rows["alt_titles"] = onet.titles(release).reindex(rows.index)
    search_titles = onet.all_titles(release)  # every title, for search (titles.csv.gz)
    search_titles = search_titles[search_titles["code"].isin(rows.index)]
    related = onet.related(release)
    related = related[related["code"].isin(rows.index) & related["related_code"].isin(rows.index)]
    rows = rows.join(onet.education(release))
    week = onet.work_week(release)
    for column in week.columns:
        rows[column] = week[column].reindex(rows.index)
    own = pd.read_csv(DESCRIPTIONS, dtype=str, keep_default_na=False).set_index("code")
    rows["description"] = own["description"].reindex(rows.index)
    if not keep_onet_descriptions:
        rows["onet_description"] = ""
    sources: dict = {
        "onet_release": release.release,
        "job_zone_levels": levels,
        "tables": {
            name: {"file": release.file(name), "release": release.table_release(name)}
            for name in onet_tables(release)
        },
    }
    step("wages")
    nem = bls.read_crosswalk(crosswalk or CROSSWALK)
    sources["crosswalk"] = {"file": Path(crosswalk or CROSSWALK).name}
    area_frames = None
    if wages:
        national = bls.read_wages(wages)  # a file that is not OEWS is named first
        year = wage_year or _year(wages)
        rows = _join_wages(rows, national, nem, year)
        sources["wages"] = {"file": Path(wages).name, "label": f"BLS OEWS May {year}"}
        sources["wages"]["year"] = year
    step("areas")
    if areas:
        area_list, area_wages = bls.read_areas(areas)
        area_list = area_list[area_list["area_type"].isin(list(area_types))]
        area_wages = area_wages[area_wages["area_code"].isin(area_list.index)]
        if not wages:  # the nation's rows of the areas file are the national figures
            year = wage_year or _year(areas)
            rows = _join_wages(rows, bls.read_wages(areas), nem, year)
            sources["wages"] = {"file": Path(areas).name, "label": f"BLS OEWS May {year}"}
            sources["wages"]["year"] = year
        else:  # percentiles, hourly medians and notes for the nation: the areas file
            national = bls.read_wages(areas)
            extra = ("wage_p10", "wage_p25", "wage_p75", "wage_p90", "hourly_median_wage")
            for column in (*extra, "median_note"):
                if column in national:  # else the file has no such column: left empty
                    rows[column] = national[column].reindex(rows["wage_soc"]).to_numpy()
        if "hourly_median_wage" in area_wages:  # kept only where it is BLS's one figure
            hourly_only = area_wages["median_note"].map(catalog.wage_note) == catalog.HOURLY_ONLY
            area_wages["hourly_median_wage"] = area_wages["hourly_median_wage"].where(hourly_only)
        used = set(rows["wage_soc"].dropna())
        area_frames = (area_list, area_wages[area_wages["soc_code"].isin(used)])
        sources["areas"] = {
            "file": Path(areas).name,
            "label": f"BLS OEWS May {year} by state and area",
            "areas": len(area_list),
        }
    step("projections")
    if projections:
        table, average, years = bls.read_projections(projections)
        rows = _join_projections(rows, table, nem, average)
        sources["projections"] = {
            "file": Path(projections).name,
            "label": f"BLS Employment Projections {years}",
            "years": years,
            "average_pct": average,
        }
    if "median_note" in rows:
        rows["wage_note"] = rows["median_note"].map(catalog.wage_note)
        rows = _national_pay_notes(rows)
    rows = rows.reindex(columns=[c for c in catalog.COLUMNS if c != "code"])
    rows.index.name = "code"
    counts = {
        "occupations": len(rows),
        "with_interests": int(rows[list(catalog.THEMES)].notna().all(axis=1).sum()),
        "with_skills": int(rows["skills"].notna().sum()),
        "skill_ratings": len(skills),  # every rated skill of every occupation (skills.csv.gz)
        "with_wages": int(rows["median_wage"].notna().sum()),
        "with_projections": int(rows["outlook_pct"].notna().sum()),
        "with_hours": int(rows["hours_per_week"].notna().sum()),
        "with_schedule": int(rows["schedule"].notna().sum()),
        "related_pairs": len(related),
    }
    sources |= {
        "name": _name(sources),
        "created": date.today().isoformat(),
        "counts": counts,
        "attribution": ATTRIBUTION.format(release=release.release or ""),
    }
    step("writing")
    _write(out, rows, skills, related, area_frames, sources, search_titles)
    step("done")
    return ImportSummary(out, counts, sources)


def onet_tables(release: Release) -> list[str]:
    """The O*NET tables an import reads from this release."""
    wanted = ["occupations", "interests", "job_zones", "job_zone_reference"]
    wanted += ["skills"] if release.has("skills") else ["essential_skills", "transferable_skills"]
    wanted += ["alternate_titles", "reported_titles", "related"]
    wanted += ["education" if release.has("education") else "education_rl"]
    wanted += ["education_categories", "work_context"]
    return [t for t in wanted if release.has(t)]


def _stepper(bar: tqdm) -> Callable[[str], None]:
    first = [True]

    def step(name: str) -> None:
        if not first[0]:
            bar.update()
        first[0] = False
        bar.set_postfix_str(name)

    return step


def _year(path: str | os.PathLike[str]) -> int:
    found = re.findall(r"(?<!\d)(20\d\d)(?!\d)", Path(path).name)
    if not found:
        raise bls.BlsError(
            f"{path}: the survey year is not in the file name; give it with --wage-year."
        )
    return int(found[-1])


def _join_wages(rows: pd.DataFrame, wages: pd.DataFrame, nem: pd.Series, year: int):
    """National wages by the code's SOC, else by BLS's combined (crosswalk) code."""
    soc = pd.Series(rows.index.str[:7], index=rows.index)
    combined = nem.reindex(rows.index)
    use = soc.where(soc.isin(wages.index), combined.where(combined.isin(wages.index)))
    found = wages.reindex(use)
    for column in found.columns:
        rows[column] = found[column].to_numpy()
    rows["wage_soc"] = use
    rows["wage_year"] = np.where(use.notna(), year, np.nan)
    return rows


def _national_pay_notes(rows: pd.DataFrame) -> pd.DataFrame:
    """A top-coded national median becomes its least value, flagged; hourly-only stays
    empty with its hourly figure (``catalog.WAGE_NOTES``)."""
    top = (rows["wage_note"] == catalog.TOP_CODED).to_numpy(bool)
    least = pd.to_numeric(rows["median_note"].map(catalog.top_code), errors="coerce")
    rows["median_wage"] = rows["median_wage"].mask(top & least.notna().to_numpy(bool), least)
    rows.loc[top & least.isna().to_numpy(bool), "wage_note"] = None  # no least value: no flag
    hourly = rows["wage_note"] == catalog.HOURLY_ONLY
    if "hourly_median_wage" in rows:  # the hourly figure is kept only where it is the only one
        rows.loc[~hourly, "hourly_median_wage"] = np.nan
    return rows


def _join_projections(rows: pd.DataFrame, table: pd.DataFrame, nem: pd.Series, average: float):
    code = nem.reindex(rows.index).fillna(pd.Series(rows.index.str[:7], index=rows.index))
    found = table.reindex(code)
    for column in ("outlook_pct", "openings", "education", "experience", "training"):
        rows[column] = found[column].to_numpy()
    # numpy's stubs: None is a valid choice (an object array).
    rows["projection_soc"] = np.where(found["outlook_pct"].notna(), code, None)  # type: ignore[call-overload]
    rows["projection_title"] = found["projection_title"].to_numpy()
    rows["outlook"] = [catalog.outlook_label(p, average) for p in rows["outlook_pct"]]
    rows.loc[rows["outlook_pct"].isna(), "outlook"] = None
    return rows


def _name(sources: dict) -> str:
    parts = [f"O*NET {sources['onet_release'] or '(release not recorded)'}"]
    parts += [sources[k]["label"] for k in ("wages", "projections") if k in sources]
    return ", ".join(parts)


def _write(out, rows, skills, related, area_frames, sources, search_titles=None) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    # Not mkdtemp (always 0700): the person's umask decides who may read the catalogue,
    # so a coach's import for a workshop is readable by the group when the umask says so.
    tmp = out.parent / f".{out.name}.{secrets.token_hex(4)}"
    tmp.mkdir(mode=0o777)
    try:
        rows.to_csv(tmp / catalog.OCCUPATIONS, lineterminator="\n", float_format="%.15g")
        skills.to_csv(
            tmp / catalog.SKILL_RATINGS,
            index=False,
            lineterminator="\n",
            float_format="%.15g",
            compression={"method": "gzip", "mtime": 0},
        )
        related.to_csv(tmp / catalog.RELATED, index=False, lineterminator="\n")
        if area_frames is not None:
            area_list, area_wages = area_frames
            area_list.to_csv(tmp / catalog.AREAS, lineterminator="\n")
            area_wages.to_csv(
                tmp / catalog.AREA_WAGES,
                index=False,
                lineterminator="\n",
                float_format="%.15g",
                compression={"method": "gzip", "mtime": 0},
            )
        if search_titles is not None and len(search_titles):
            search_titles.to_csv(
                tmp / tables.TITLES,
                index=False,
                lineterminator="\n",
                compression={"method": "gzip", "mtime": 0},
            )
        text = json.dumps(sources, indent=2, ensure_ascii=False, default=str) + "\n"
        (tmp / catalog.SOURCES).write_text(text, encoding="utf-8")
        old = out.with_name(f".{out.name}.old")
        if out.exists():
            shutil.rmtree(old, ignore_errors=True)
            out.rename(old)
        try:
            tmp.rename(out)
        except OSError:
            if old.exists() and not out.exists():
                old.rename(out)  # the earlier catalogue stays in use
            raise
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
