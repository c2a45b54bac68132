"""O*NET tables -> catalogue columns: interests, job zones, skills, titles, related, education,
hours and schedule.

Each function takes a :class:`~careerkit.catalog.sources.release.Release` and returns figures as
O*NET publishes them, one row per occupation (or per occupation and skill). The rules
for O*NET's flags, documented in ``data/README.md``:

* a value with ``Recommend Suppress = Y`` is treated as unknown (O*NET advises against it),
  except an education share: the largest is still the largest, kept and flagged;
* a skill whose level is marked ``Not Relevant = Y`` keeps its published figures in the
  skills matrix but is never one of the occupation's important skills;
* rows repeated exactly are read once; the same key with two different values is an error;
* a row that cannot be read (a cell out of place, a score that is not a number or is
  outside its scale) stops the import with its file, line and column: never dropped.
"""

from __future__ import annotations

import pandas as pd

from careerkit.catalog import LESS_RELIABLE, SKILLS, THEMES
from careerkit.catalog.sources.release import Release, ReleaseError

#: Skills kept per occupation: those of importance >= 3 (of 5), at least 3, at most 10.
MIN_IMPORTANCE, MIN_SKILLS, MAX_SKILLS = 3.0, 3, 10
#: Alternate and reported titles kept per occupation for search.
MAX_TITLES = 20
CODE = "O*NET-SOC Code"
#: The range of each O*NET scale read (Scales Reference); a value outside it is an error.
SCALES: dict[str, tuple[float, float]] = {
    "OI": (1, 7), "IH": (0, 6), "IM": (1, 5), "LV": (0, 7), "RL": (0, 100), "RW": (0, 100),
    "PT": (0, 100), "OJ": (0, 100), "CX": (1, 5), "CXP": (0, 100), "CT": (1, 3), "CTP": (0, 100),
}  # fmt: skip
SCALE_ID = r"[A-Z]{2,3}"  # what a Scale ID looks like (a newer release may add scales)
#: An import that keeps fewer than this share of the occupations the release lists is refused.
MIN_SHARE = 0.5
#: Work Context elements (Content Model 4.C.3.d) and their categories (Work Context Categories).
HOURS_ELEMENT, SCHEDULE_ELEMENT = "4.C.3.d.8", "4.C.3.d.4"  # Duration of Typical Work Week
HOURS = {1: "less than 40", 2: "40", 3: "more than 40"}  # CTP categories of 4.C.3.d.8
SCHEDULES = {1: "regular", 2: "irregular", 3: "seasonal"}  # CTP categories of 4.C.3.d.4


def _unique(release: Release, table: str, frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """Drop exact repeats; refuse one key with two different values."""
    frame = frame.drop_duplicates()
    clash = frame.duplicated(key, keep=False)
    if clash.any():
        rows = frame[clash]
        first = rows.iloc[0]
        group = rows[(rows[key] == first[key]).all(axis=1)]
        differ = [c for c in frame.columns if c not in (*key, "value") and group[c].nunique() > 1]
        word = "rows" if release.file(table).lower().endswith(".xlsx") else "lines"
        lines = f"{word} {' and '.join(str(i + 2) for i in group.index[:2])}"
        raise ReleaseError(
            f"{release.where(table)}: {', '.join(f'{k} {first[k]!r}' for k in key)} appears "
            f"twice ({lines}) with different values in column(s) {differ}; the file is "
            "damaged or two releases were mixed. Use one unchanged release."
        )
    return frame


def _usable(frame: pd.DataFrame) -> pd.DataFrame:
    if "Recommend Suppress" in frame.columns:
        frame = frame[frame["Recommend Suppress"].str.upper() != "Y"]
    return frame


def _values(release: Release, table: str, frame: pd.DataFrame) -> pd.Series:
    """``Data Value`` as numbers, each checked against its row's scale."""
    if "Scale ID" in frame.columns:
        scale = frame["Scale ID"]
        bad = ~scale.str.fullmatch(SCALE_ID)
        if bad.any():
            raise release.bad_cell(table, frame, "Scale ID", bad, "is not an O*NET scale")
    values = pd.to_numeric(frame["Data Value"], errors="coerce")
    if values.isna().any():
        raise release.bad_cell(table, frame, "Data Value", values.isna(), "is not a number")
    if "Scale ID" in frame.columns:
        low = frame["Scale ID"].map(lambda s: SCALES.get(s, (-float("inf"),))[0])
        high = frame["Scale ID"].map(lambda s: SCALES.get(s, (0, float("inf")))[1])
        out = (values < low) | (values > high)
        if out.any():
            i = frame.index[int(out.to_numpy().argmax())]
            lo, hi = SCALES[str(frame.at[i, "Scale ID"])]
            raise release.bad_cell(
                table, frame, "Data Value", out, f"is outside the {frame.at[i, 'Scale ID']} "
                f"scale ({lo:g}-{hi:g})"
            )  # fmt: skip
    return values


def _rated(release: Release, table: str) -> pd.DataFrame:
    """A ratings table with every row's scale and value checked; the value in ``value``."""
    frame = release.read(table)
    return frame.assign(value=_values(release, table, frame))


def occupations(release: Release) -> pd.DataFrame:
    """``title`` and O*NET's ``onet_description``, by code."""
    frame = release.read("occupations").drop_duplicates(CODE).set_index(CODE)
    return frame.rename(columns={"Title": "title", "Description": "onet_description"})[
        ["title", "onet_description"]
    ]


def interests(release: Release) -> pd.DataFrame:
    """The six RIASEC scores (OI scale, 1-7), one column per theme letter, by code."""
    frame = _rated(release, "interests")
    frame = frame[frame["Scale ID"] == "OI"]
    unknown = ~frame["Element Name"].isin(THEMES.values())
    if unknown.any():
        raise release.bad_cell(
            "interests", frame, "Element Name", unknown, "is not one of the six interest types"
        )
    frame = _unique(release, "interests", frame, [CODE, "Element Name"])
    wide = frame.pivot(index=CODE, columns="Element Name", values="value")
    letters = {name: letter for letter, name in THEMES.items()}
    wide = wide.rename(columns=letters).reindex(columns=list(THEMES))
    return wide.dropna()  # an occupation needs all six scores


def job_zones(release: Release) -> tuple[pd.Series, int]:
    """Job zone by code, and how many levels the release uses (5, or 4 from 30.x)."""
    frame = release.read("job_zones")
    zones = pd.to_numeric(frame["Job Zone"], errors="coerce")
    bad = ~zones.isin(range(1, 6))
    if bad.any():
        raise release.bad_cell("job_zones", frame, "Job Zone", bad, "is not a job zone 1-5")
    frame = _unique(release, "job_zones", frame.assign(**{"Job Zone": zones}), [CODE])
    zones = frame.set_index(CODE)["Job Zone"]
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
    frame = _rated(release, table)
    frame = frame[frame["Scale ID"].isin(("IM", "LV"))]
    frame = _unique(release, table, frame, [CODE, "Element Name", "Scale ID"])
    unknown = ~frame["Element Name"].isin(SKILLS)
    if unknown.any():
        raise release.bad_cell(
            table, frame, "Element Name", unknown,
            f"is not one of O*NET's 35 skills ({SKILLS[0]!r}, ...)",
        )  # fmt: skip
    not_relevant = frame.get("Not Relevant", pd.Series("", index=frame.index)).str.upper() == "Y"
    usable = _usable(frame)
    usable = usable.assign(not_relevant=False)
    flagged = frame.loc[not_relevant, [CODE, "Element Name"]].assign(not_relevant=True)
    return pd.concat([usable, flagged], ignore_index=True)


def skill_matrix(release: Release) -> pd.DataFrame:
    """Every skill O*NET rates for each occupation: code, skill, importance, level, not_relevant.

    Importance (IM, 1-5) and level (LV, 0-7) as published, one row per occupation and
    skill (35 a rated occupation), most important first (ties: higher level, then by
    name). A value marked ``Recommend Suppress`` is unknown (NaN). A level marked ``Not
    Relevant`` (O*NET's mark for a skill of little importance) is kept as published,
    flagged in ``not_relevant``. Occupations O*NET does not rate have no rows.
    """
    tables = _skill_tables(release)
    frame = pd.concat([_skill_values(release, t) for t in tables], ignore_index=True)
    flagged = frame[frame["not_relevant"].astype(bool)]
    flagged = pd.MultiIndex.from_frame(flagged[[CODE, "Element Name"]].drop_duplicates())
    every = frame[[CODE, "Element Name"]].drop_duplicates()
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
    wide = wide.reindex(pd.MultiIndex.from_frame(every)).reset_index()  # suppressed: NaN
    wide.columns = ["code", "skill", "importance", "level"]
    index = pd.MultiIndex.from_frame(wide[["code", "skill"]])
    wide["not_relevant"] = index.isin(flagged)
    wide = wide.sort_values(
        ["code", "importance", "level", "skill"], ascending=[True, False, False, True]
    )
    return wide.reset_index(drop=True)


def important_skills(matrix: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`skill_matrix` that are each occupation's important skills.

    The rule (data/README.md): skills of importance >= MIN_IMPORTANCE (3 of 5), at least
    MIN_SKILLS (3) and at most MAX_SKILLS (10) an occupation, most important first, ties
    by level; a skill of unknown importance or whose level is marked Not Relevant is
    never one of them. The catalog's ``skills`` column lists them.
    """
    usable = matrix[matrix["importance"].notna() & ~matrix["not_relevant"].astype(bool)]
    rank = usable.groupby("code").cumcount()
    keep = (rank < MIN_SKILLS) | ((usable["importance"] >= MIN_IMPORTANCE) & (rank < MAX_SKILLS))
    return usable[keep].reset_index(drop=True)


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
                f"{release.where('alternate_titles')}: no 'Alternate Title' "
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
    index = pd.to_numeric(frame["Index"], errors="coerce")
    bad = ~(index >= 1) | (index % 1 != 0)
    if bad.any():
        raise release.bad_cell("related", frame, "Index", bad, "is not a rank (1, 2, ...)")
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


def education_name(description: str) -> str:
    """O*NET's short name of an education category, without its gloss.

    "High School Diploma - or the equivalent (for example, GED)" -> "High School Diploma";
    "Associate's Degree (or other 2-year degree)" -> "Associate's Degree".
    """
    return description.split(" - ")[0].split(" (")[0].strip()


def education(release: Release) -> pd.DataFrame:
    """The required level of education most respondents named (RL scale), by code.

    Columns: ``onet_education`` (the category's short name; two tied largest shares are
    joined by " or "), ``onet_education_pct`` (its share, percent) and
    ``onet_education_note`` ("less reliable" where O*NET recommends suppressing that
    share). A suppressed share still counts when finding the largest: naming the next
    one "most often" would be wrong. Occupations whose shares are all 0 are left out.
    """
    columns = ["onet_education", "onet_education_pct", "onet_education_note"]
    table = "education" if release.has("education") else "education_rl"
    if not release.has(table) or not release.has("education_categories"):
        return pd.DataFrame(columns=columns, dtype="object")
    frame = release.read(table)
    frame = frame[frame["Scale ID"] == "RL"]
    frame = _unique(release, table, frame, [CODE, "Category"])
    frame = frame.assign(value=_values(release, table, frame))
    suppress = frame.get("Recommend Suppress", pd.Series("", index=frame.index))
    frame = frame.assign(suppressed=suppress.fillna("").str.upper() == "Y")
    categories = release.read("education_categories")
    categories = categories[categories["Scale ID"] == "RL"]
    names = dict(zip(categories["Category"], categories["Category Description"], strict=True))
    largest = frame.groupby(CODE)["value"].transform("max")
    top = frame[(frame["value"] == largest) & (frame["value"] > 0)]
    top = top.assign(name=top["Category"].map(names).dropna().map(education_name))
    top = top.dropna(subset=["name"]).sort_values([CODE, "Category"], key=_category_order)
    grouped = top.groupby(CODE)
    return pd.DataFrame(
        {
            "onet_education": grouped["name"].agg(" or ".join),
            "onet_education_pct": grouped["value"].first(),
            "onet_education_note": grouped["suppressed"].any().map({True: LESS_RELIABLE}),
        }
    )


def _category_order(column: pd.Series) -> pd.Series:
    """Education categories by number (1-12), codes as they are."""
    if column.name == "Category":
        return pd.to_numeric(column, errors="coerce")
    return column


#: O*NET's interest high-point values 1-6 -> theme letters (0: no such high point).
_HIGH_POINTS = ("First", "Second", "Third")


def interest_codes(release: Release) -> pd.Series:
    """O*NET's own high-point code of each occupation (IH scale), e.g. "SCR" or "IR".

    O*NET names up to three high points; where two themes score the same it decides
    their order, so careerkit follows it (Veterinarians: "IR", though R and I tie).
    Empty where the release publishes no high points.
    """
    frame = release.read("interests")
    frame = frame[frame["Scale ID"] == "IH"]
    if frame.empty:
        return pd.Series(dtype="string")
    frame = _unique(release, "interests", frame, [CODE, "Element Name"])
    frame = frame.assign(value=_values(release, "interests", frame))
    letters = list(THEMES)
    code = pd.Series("", index=pd.Index(frame[CODE].unique()), dtype="object")
    for place in _HIGH_POINTS:
        part = frame[frame["Element Name"] == f"{place} Interest High-Point"]
        part = part.set_index(CODE)["value"].reindex(code.index)
        code += part.map(lambda v: letters[int(v) - 1] if 1 <= v <= 6 else "").fillna("")
    return code[code != ""]


def work_week(release: Release) -> pd.DataFrame:
    """Typical hours a week and schedule from O*NET's Work Context, by code.

    ``hours_per_week`` ("less than 40", "40", "more than 40") and ``schedule`` ("regular",
    "irregular", "seasonal") are the category most respondents chose (CTP scale), with its
    share in ``hours_pct`` and ``schedule_pct``. Left unknown (empty) where that largest
    share is marked Recommend Suppress, or two categories tie for it.
    """
    columns = ["hours_per_week", "hours_pct", "schedule", "schedule_pct"]
    if not release.has("work_context"):
        return pd.DataFrame(columns=columns)
    _check_week_categories(release)
    frame = _rated(release, "work_context")
    elements = {HOURS_ELEMENT: ("hours_per_week", HOURS), SCHEDULE_ELEMENT: ("schedule", SCHEDULES)}
    frame = frame[frame["Element ID"].isin(elements) & (frame["Scale ID"] == "CTP")]
    category = pd.to_numeric(frame["Category"], errors="coerce")
    bad = ~category.isin([1, 2, 3])
    if bad.any():
        raise release.bad_cell("work_context", frame, "Category", bad, "is not a category 1-3")
    frame = frame.assign(Category=category.astype(int))
    frame = _unique(release, "work_context", frame, [CODE, "Element ID", "Category"])
    out = pd.DataFrame(index=pd.Index(sorted(set(frame[CODE])), name=CODE), columns=columns)
    for element, (column, names) in elements.items():
        rows = frame[frame["Element ID"] == element]
        largest = rows.groupby(CODE)["value"].transform("max")
        top = rows[rows["value"] == largest]
        top = top[~top.duplicated(CODE, keep=False)]  # a tie: no one category is the largest
        top = _usable(top).set_index(CODE)  # the largest share is suppressed: unknown
        out[column] = top["Category"].map(names).reindex(out.index)
        out[column.split("_")[0] + "_pct"] = top["value"].reindex(out.index)
    return out.dropna(how="all")


def _check_week_categories(release: Release) -> None:
    """Refuse a release whose Work Context Categories number hours or schedules otherwise."""
    if not release.has("work_context_categories"):
        return
    table = release.read("work_context_categories")
    for element, names in ((HOURS_ELEMENT, HOURS), (SCHEDULE_ELEMENT, SCHEDULES)):
        rows = table[(table["Element ID"] == element) & (table["Scale ID"] == "CTP")]
        said = dict(
            zip(
                pd.to_numeric(rows["Category"], errors="coerce"),
                rows["Category Description"],
                strict=True,
            )
        )
        for number, name in names.items():
            words = name.replace("40", "40 hours") if element == HOURS_ELEMENT else name
            if not str(said.get(number, "")).casefold().startswith(words):
                raise ReleaseError(
                    f"{release.where('work_context_categories')}: category {number} of "
                    f"{element} is {said.get(number, 'missing')!r}, where careerkit reads it "
                    f"as {words!r}; O*NET has changed these categories, so hours and "
                    "schedule cannot be read from this release. Update careerkit."
                )


def check_coverage(
    release: Release, kept: pd.Index, listed: pd.Index, interests: pd.Index, zones: pd.Index
) -> None:
    """Refuse an import keeping no occupation, or far fewer than the release lists."""
    if len(kept) and len(kept) >= MIN_SHARE * len(listed):
        return
    raise ReleaseError(
        f"{release.path}: only {len(kept):,} of the {len(listed):,} occupations listed in "
        f"{release.file('occupations')} have all six interest scores and a job zone "
        f"({release.file('interests')} has scores for {len(interests):,}, "
        f"{release.file('job_zones') if release.has('job_zones') else 'Job Zones'} zones "
        f"for {len(zones):,}); a complete release has them for about nine in ten. A table is "
        "cut short or emptied: download the release again. The catalog in use was not changed."
    )
