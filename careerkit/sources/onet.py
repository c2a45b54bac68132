"""O*NET tables -> catalogue columns: interests, job zones, skills, titles, related, education.

Each function takes a :class:`~careerkit.sources.release.Release` and returns figures as
O*NET publishes them, one row per occupation (or per occupation and skill). The rules
for O*NET's flags, documented in ``data/README.md``:

* a value with ``Recommend Suppress = Y`` is treated as unknown (O*NET advises against it);
* a skill whose level is marked ``Not Relevant = Y`` is left out for that occupation;
* rows repeated exactly are read once; the same key with two different values is an error.
"""

from __future__ import annotations

import pandas as pd

from careerkit.catalog import SKILLS, THEMES
from careerkit.sources.release import Release, ReleaseError

#: Skills kept per occupation: those of importance >= 3 (of 5), at least 3, at most 10.
MIN_IMPORTANCE, MIN_SKILLS, MAX_SKILLS = 3.0, 3, 10
#: Alternate and reported titles kept per occupation for search.
MAX_TITLES = 20
CODE = "O*NET-SOC Code"


def _unique(release: Release, table: str, frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """Drop exact repeats; refuse one key with two different values."""
    frame = frame.drop_duplicates()
    clash = frame.duplicated(key, keep=False)
    if clash.any():
        rows = frame[clash]
        first = rows.iloc[0]
        group = rows[(rows[key] == first[key]).all(axis=1)]
        differ = [c for c in frame.columns if c not in key and group[c].nunique() > 1]
        raise ReleaseError(
            f"{release.path / release.file(table)}: {', '.join(f'{k} {first[k]!r}' for k in key)} "
            f"appears twice with different values in column(s) {differ}; the file is damaged "
            "or two releases were mixed. Use one unchanged release."
        )
    return frame


def _usable(frame: pd.DataFrame) -> pd.DataFrame:
    if "Recommend Suppress" in frame.columns:
        frame = frame[frame["Recommend Suppress"].str.upper() != "Y"]
    return frame


def _values(release: Release, table: str, frame: pd.DataFrame) -> pd.Series:
    values = pd.to_numeric(frame["Data Value"], errors="coerce")
    if values.isna().any():
        i = int(values.isna().to_numpy().argmax())
        raise ReleaseError(
            f"{release.path / release.file(table)}, row {frame.index[i] + 2}, column "
            f"'Data Value': {frame['Data Value'].iat[i]!r} is not a number."
        )
    return values


def occupations(release: Release) -> pd.DataFrame:
    """``title`` and O*NET's ``onet_description``, by code."""
    frame = release.read("occupations").drop_duplicates(CODE).set_index(CODE)
    return frame.rename(columns={"Title": "title", "Description": "onet_description"})[
        ["title", "onet_description"]
    ]


def interests(release: Release) -> pd.DataFrame:
    """The six RIASEC scores (OI scale, 1-7), one column per theme letter, by code."""
    frame = release.read("interests")
    frame = frame[frame["Scale ID"] == "OI"]
    frame = frame[frame["Element Name"].isin(THEMES.values())]
    frame = _unique(release, "interests", frame, [CODE, "Element Name"])
    frame = frame.assign(value=_values(release, "interests", frame))
    wide = frame.pivot(index=CODE, columns="Element Name", values="value")
    letters = {name: letter for letter, name in THEMES.items()}
    wide = wide.rename(columns=letters).reindex(columns=list(THEMES))
    return wide.dropna()  # an occupation needs all six scores


def job_zones(release: Release) -> tuple[pd.Series, int]:
    """Job zone by code, and how many levels the release uses (5, or 4 from 30.x)."""
    frame = _unique(release, "job_zones", release.read("job_zones"), [CODE])
    zones = pd.to_numeric(frame.set_index(CODE)["Job Zone"], errors="coerce")
    if zones.isna().any() or not zones.isin(range(1, 6)).all():
        bad = zones[zones.isna() | ~zones.isin(range(1, 6))].index[0]
        raise ReleaseError(
            f"{release.path / release.file('job_zones')}: job zone of {bad} is not 1-5."
        )
    levels = 5
    if release.has("job_zone_reference"):
        levels = len(release.read("job_zone_reference"))
    elif not (zones == 1).any() and int((release.release or "0").split(".")[0]) >= 30:
        levels = 4
    return zones.astype(int), levels


def _skill_tables(release: Release) -> list[str]:
    if release.has("skills"):
        return ["skills"]
    if release.has("essential_skills") and release.has("transferable_skills"):
        return ["essential_skills", "transferable_skills"]
    missing = "transferable_skills" if release.has("essential_skills") else "Skills"
    raise ReleaseError(
        f"{release.path}: no '{missing}' file found; the skills of each occupation need the "
        "Skills table (or, from 30.x, both essential_skills and transferable_skills)."
    )


def _skill_values(release: Release, table: str) -> pd.DataFrame:
    """One skills file, checked on its own (so a message names the right file and row)."""
    frame = release.read(table)
    frame = frame[frame["Scale ID"].isin(("IM", "LV"))]
    frame = _unique(release, table, frame, [CODE, "Element Name", "Scale ID"])
    unknown = sorted(set(frame["Element Name"]) - set(SKILLS))
    if unknown:
        raise ReleaseError(
            f"{release.path / release.file(table)}, column 'Element Name': unknown skill "
            f"{unknown[0]!r}; careerkit knows O*NET's 35 skills ({SKILLS[0]!r}, ...)."
        )
    not_relevant = frame.get("Not Relevant", pd.Series("", index=frame.index)).str.upper() == "Y"
    usable = _usable(frame)
    usable = usable.assign(value=_values(release, table, usable), not_relevant=False)
    flagged = frame.loc[not_relevant, [CODE, "Element Name"]].assign(not_relevant=True)
    return pd.concat([usable, flagged], ignore_index=True)


def skill_ratings(release: Release) -> pd.DataFrame:
    """The most important skills of each occupation: code, skill, importance, level.

    Importance (IM, 1-5) and level (LV, 0-7) as published; most important first.
    """
    tables = _skill_tables(release)
    frame = pd.concat([_skill_values(release, t) for t in tables], ignore_index=True)
    flagged = frame[frame["not_relevant"].astype(bool)]
    dropped = flagged[[CODE, "Element Name"]].drop_duplicates()
    frame = frame[~frame["not_relevant"].astype(bool)]
    repeated = frame.duplicated([CODE, "Element Name", "Scale ID"], keep=False)
    if repeated.any():  # the same skill in two files
        row = frame[repeated].iloc[0]
        raise ReleaseError(
            f"{release.path}: skill {row['Element Name']!r} of {row[CODE]} is rated in both "
            f"{' and '.join(release.file(t) for t in tables)}; use one unchanged release."
        )
    wide = frame.pivot_table(
        index=[CODE, "Element Name"], columns="Scale ID", values="value", aggfunc="first"
    ).reindex(columns=["IM", "LV"])
    wide = wide.drop(index=pd.MultiIndex.from_frame(dropped), errors="ignore")
    wide = wide.dropna(subset=["IM"]).reset_index()
    wide.columns = ["code", "skill", "importance", "level"]
    wide = wide.sort_values(["code", "importance", "level"], ascending=[True, False, False])
    rank = wide.groupby("code").cumcount()
    keep = (rank < MIN_SKILLS) | ((wide["importance"] >= MIN_IMPORTANCE) & (rank < MAX_SKILLS))
    return wide[keep].reset_index(drop=True)


def titles(release: Release) -> pd.Series:
    """Other titles people use for each occupation, for search: ``"a;b;c"`` by code.

    Reported titles shown in My Next Move come first, then short and alternate titles.
    """
    both = _title_rows(release)
    if both.empty:
        return pd.Series(dtype="string")
    both = both[both.groupby(CODE).cumcount() < MAX_TITLES]
    return both.groupby(CODE)["title"].agg(";".join)


def all_titles(release: Release) -> pd.DataFrame:
    """Every other title of each occupation (reported, short and full alternate titles),
    each once: ``code, title``, for search (``titles.csv.gz`` of a catalogue folder)."""
    both = _title_rows(release)
    return pd.DataFrame({"code": both[CODE].to_numpy(), "title": both["title"].to_numpy()})


def _title_rows(release: Release) -> pd.DataFrame:
    """Reported, short and alternate titles (CODE, title), in that order, each once."""
    parts: list[pd.DataFrame] = []
    if release.has("reported_titles"):
        frame = release.read("reported_titles")
        shown = frame.get("Shown in My Next Move", pd.Series("", index=frame.index)) != "Y"
        parts.append(frame.assign(title=frame["Reported Job Title"], order=shown.astype(int)))
    if release.has("alternate_titles"):
        frame = release.read("alternate_titles")
        column = "Alternate Title" if "Alternate Title" in frame else "Job Title"
        if column not in frame:
            raise ReleaseError(
                f"{release.path / release.file('alternate_titles')}: no 'Alternate Title' "
                "column found; the file's layout has changed."
            )
        if "Short Title" in frame:
            parts.append(frame.assign(title=frame["Short Title"], order=2))
        parts.append(frame.assign(title=frame[column], order=3))
    if not parts:
        return pd.DataFrame(columns=[CODE, "title"])
    both = pd.concat([p[[CODE, "title", "order"]] for p in parts], ignore_index=True)
    both["title"] = both["title"].astype("string").str.replace(";", ",", regex=False).str.strip()
    both = both[both["title"].notna() & (both["title"] != "")]
    both = both.assign(key=both["title"].str.casefold()).sort_values([CODE, "order"], kind="stable")
    return both.drop_duplicates([CODE, "key"])[[CODE, "title"]]


def related(release: Release) -> pd.DataFrame:
    """O*NET's related occupations: code, related_code, tier, rank (1 = most related)."""
    if not release.has("related"):
        return pd.DataFrame(columns=["code", "related_code", "tier", "rank"])
    frame = release.read("related")
    frame = _unique(release, "related", frame, [CODE, "Related O*NET-SOC Code"])
    out = pd.DataFrame(
        {
            "code": frame[CODE],
            "related_code": frame["Related O*NET-SOC Code"],
            "tier": frame["Relatedness Tier"],
            "rank": pd.to_numeric(frame["Index"], errors="coerce").astype("Int64"),
        }
    )
    return out.sort_values(["code", "rank"]).reset_index(drop=True)


def education(release: Release) -> pd.Series:
    """The required level of education most respondents named (RL scale), by code."""
    table = "education" if release.has("education") else "education_rl"
    if not release.has(table) or not release.has("education_categories"):
        return pd.Series(dtype="string")
    frame = _usable(release.read(table))
    frame = frame[frame["Scale ID"] == "RL"]
    frame = frame.assign(value=_values(release, table, frame))
    categories = release.read("education_categories")
    categories = categories[categories["Scale ID"] == "RL"]
    names = dict(zip(categories["Category"], categories["Category Description"], strict=True))
    top = frame.sort_values([CODE, "value"], ascending=[True, False]).drop_duplicates(CODE)
    top = top[top["value"] > 0]
    return top.set_index(CODE)["Category"].map(names).dropna()
