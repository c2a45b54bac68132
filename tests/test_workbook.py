"""The catalog in force (issue 22 §2, §3): the workbook chooses it, and it travels whole.

A workshop's catalog differs from the bundled one in every part (occupations, skill
ratings, other titles, related occupations, area pay, its sources and job-zone levels):
each part a step shows must be the workshop's, even after the choice changes, so no part
can come from another folder. And the catalog package never asks about workshops or plans.
"""

from __future__ import annotations

import ast
import csv
import gzip
import json
from pathlib import Path

import ipywidgets as w
import nbformat
import pandas as pd
import pytest

import careerkit
from careerkit import catalog as cat
from careerkit import paths
from careerkit.catalog import fit, search, tables_of
from careerkit.catalog.local_pay import area_choices, local_pay
from careerkit.plan import Plan, Skill
from careerkit.report.export import sources_line
from careerkit.steps.explore import occupation as occ
from careerkit.steps.short_term import goals
from careerkit.ui import catalog_banner, explore
from tests.conftest import ROOT

BUNDLED = ROOT / "data" / "catalog"
AREA = "3900000"  # named "Workshopland" in the workshop's catalog, "Ohio" in the bundled one
OWN_TITLE = "Zyxtrel wrangler"  # an other title only the workshop's catalog knows
RATING = 1.11  # an importance O*NET never publishes (its are in eighths: 1.12, 1.25, ...)
NAME = "the Spring workshop catalog"


def bundled_rows() -> list[dict[str, str]]:
    with (BUNDLED / cat.OCCUPATIONS).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def write_csv(file: Path, rows: list[dict[str, object]]) -> None:
    opener = gzip.open if file.suffix == ".gz" else open
    with opener(file, "wt", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def chosen(workspace: Path) -> dict[str, str]:
    """A workshop file in the workspace choosing ``own/``, a ten-occupation catalog whose
    every part differs from the bundled one. Returns the codes and skill the test uses."""
    rows = [r for r in bundled_rows() if r["skills"] and r["wage_soc"]]
    first = next(r for r in rows if r["job_zone"] == "2")  # 4 and 5 levels word zone 2 apart
    rows = [first, *[r for r in rows if r is not first][:9]]
    a, b = first["code"], rows[1]["code"]
    own = workspace / "own"
    own.mkdir()
    write_csv(own / cat.OCCUPATIONS, rows)  # type: ignore[arg-type]
    write_csv(
        own / cat.RELATED, [{"code": a, "related_code": b, "tier": "Supplemental", "rank": 1}]
    )
    skills = [s.strip() for s in first["skills"].split(";")]
    ratings = [{"code": a, "skill": s, "importance": RATING, "level": 1.0} for s in skills]
    write_csv(own / cat.SKILL_RATINGS, ratings)  # type: ignore[arg-type]
    write_csv(own / cat.tables.TITLES, [{"code": a, "title": OWN_TITLE}])
    areas = [
        {"area_code": "0000000", "area_type": "N", "area_name": "National", "state_fips": "00"},
        {"area_code": AREA, "area_type": "S", "area_name": "Workshopland", "state_fips": "39"},
    ]
    write_csv(own / cat.AREAS, areas)  # type: ignore[arg-type]
    pay = {"area_code": AREA, "soc_code": first["wage_soc"], "employment": 10}
    pay |= {"median_wage": 123_456, "wage_p10": "", "wage_p25": "", "wage_p75": ""}
    write_csv(own / cat.AREA_WAGES, [pay | {"wage_p90": "", "median_note": ""}])
    sources = {"name": NAME, "job_zone_levels": 5, "attribution": "Made for a test."}
    (own / cat.SOURCES).write_text(json.dumps(sources), encoding="utf-8")
    (workspace / paths.WORKSHOP_FILE).write_text('[workshop]\ncatalog = "own"\n', "utf-8")
    return {"a": a, "b": b}


def html_of(widget: w.Widget) -> str:
    """All the HTML a widget and its children show."""
    own = widget.value if isinstance(widget, w.HTML) else ""
    return " ".join([own, *(html_of(c) for c in getattr(widget, "children", ()))])


def parts_shown(catalog: pd.DataFrame, plan: Plan, a: str) -> dict[str, object]:
    """What steps 02-06 show from ``catalog`` beyond its own rows."""
    return {
        "related": occ.related_occupations(catalog, a)["tier"].to_dict(),
        "zone": occ.profile_card(catalog, a, plan)["job_zone_text"],
        "importance": fit.importance_matrix(catalog).loc[a].max(),
        "gaps": goals.target_gap(plan, catalog, a),
        "found": bool(search.match_rank(catalog, OWN_TITLE)[a] < search.NONE),
        "areas": [name for name, _ in area_choices(catalog)],
        "pay": local_pay(catalog, AREA).at[a, "median_wage"],
        "zones merged": "merges zones 1 and 2" in html_of(explore.browser(plan, catalog)),
        "banner": catalog_banner(plan, catalog).value,
        "sources": sources_line(catalog),
    }


def test_the_workshops_catalog_is_used_by_every_part(chosen: dict[str, str]) -> None:
    a, b = chosen["a"], chosen["b"]
    bundled = cat.load_catalog(BUNDLED)  # the parts below would differ if they came from here
    assert cat.tables_of(bundled).info().job_zone_levels == 4
    ratings = cat.tables_of(bundled).skill_ratings()
    assert RATING not in set(ratings.loc[[a]]["importance"])
    plan = Plan()
    plan.profile.area = AREA
    plan.dream_job.skills = [Skill(name=s, level=1) for s in cat.skills_of(bundled, a)]
    assert goals.target_gap(plan, bundled, a), "O*NET's levels leave gaps at level 1"
    catalog = careerkit.catalog_for(plan)  # what every step's notebook calls
    assert len(catalog) == 10 and catalog.at[a, "pay_area"] == "Workshopland"
    assert catalog.at[a, "median_wage"] == 123_456
    expected = {
        "related": {b: "Supplemental"},
        "zone": cat.zone_words(2, 5),
        "importance": RATING,
        "gaps": [],  # the workshop's ratings ask for level 1 only
        "found": True,
        "areas": ["the United States (national figures)", "Workshopland"],
        "pay": 123_456,
        "zones merged": False,  # the workshop's catalog has five job-zone levels
    }
    shown = parts_shown(catalog, plan, a)
    assert {k: shown[k] for k in expected} == expected
    assert NAME in str(shown["banner"]) and "Workshopland" in str(shown["banner"])
    assert NAME in str(shown["sources"])
    # The coach switches to the bundled catalog: a step's catalog stays whole, and a
    # step loaded afterwards has the bundled one, whole too.
    (paths.workspace() / paths.WORKSHOP_FILE).write_text('[workshop]\ncatalog = "bundled"\n')
    assert parts_shown(catalog, plan, a) == shown
    assert parts_shown(catalog.loc[[a, b]].copy(), plan, a) == shown  # a cut keeps its parts
    later = careerkit.catalog_for(plan)
    assert len(later) == len(bundled) and later.at[a, "pay_area"] == "Ohio"
    assert parts_shown(later, plan, a)["zone"] == cat.zone_words(2, 4)
    assert parts_shown(later, plan, a)["zones merged"]  # the bundled catalog's four levels


def test_the_old_loaders_still_load_the_catalog_in_force(chosen: dict[str, str]) -> None:
    """Coaches' notebooks that call ``careerkit.load_catalog()`` keep working."""
    loaded = careerkit.load_catalog()
    assert len(loaded) == 10 and tables_of(loaded).info().name == NAME
    assert careerkit.workbook.catalog_in_force() == paths.workspace() / "own"


def test_a_frame_not_loaded_from_a_folder_has_no_other_tables(catalog: pd.DataFrame) -> None:
    """A hand-built catalog says "unknown" rather than borrowing another folder's tables."""
    own = pd.DataFrame(catalog.head(3).to_dict("series"))
    assert own.attrs == {} and tables_of(own).folder is None
    assert occ.related_occupations(own, str(own.index[0])).empty
    assert tables_of(own).info().name == "unknown sources"
    assert tables_of(catalog).folder == BUNDLED


# --- the catalog knows nothing of workshops, plans or the workbook ---------------------------

#: What the catalog may import besides itself: the basics (issue 22's layers).
ALLOWED = {"catalog", "errors", "paths", "dates", "text", "__version__"}


def careerkit_imports(file: Path) -> set[str]:
    """Every careerkit module ``file`` imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "careerkit":  # from careerkit import paths
                found |= {f"careerkit.{a.name}" for a in node.names}
            elif node.module.startswith("careerkit."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("careerkit.")}
    return found


@pytest.mark.parametrize(
    "file", sorted((ROOT / "careerkit" / "catalog").rglob("*.py")), ids=lambda f: f.name
)
def test_the_catalog_imports_only_itself_and_the_basics(file: Path) -> None:
    imported = careerkit_imports(file)
    outside = {name for name in imported if name.split(".")[1] not in ALLOWED}
    assert not outside, f"{file} imports {outside}"


def test_the_import_check_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    file = tmp_path / "up.py"
    file.write_text("def f():\n    from careerkit import workshop\n    import careerkit.plan\n")
    assert careerkit_imports(file) == {"careerkit.workshop", "careerkit.plan"}


def test_importing_the_catalog_loads_no_workshop_or_plan() -> None:
    import subprocess
    import sys

    code = (
        "import sys, careerkit.catalog, careerkit.catalog.local_pay, careerkit.catalog.fit, "
        "careerkit.catalog.search; print(' '.join(sorted(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded = set(done.stdout.split())
    assert "careerkit.catalog.local_pay" in loaded  # the check sees what was imported
    assert not loaded & {"careerkit.workshop", "careerkit.plan", "careerkit.workbook"}


# --- one loader in the notebooks ----------------------------------------------------------


def test_every_step_loads_its_catalog_one_way() -> None:
    loaders = {}
    for file in sorted((ROOT / "notebooks").glob("*.ipynb")):
        code = "\n".join(c.source for c in nbformat.read(file, 4).cells if c.cell_type == "code")
        lines = [line.split("#")[0].strip() for line in code.splitlines()]
        loaders[file.name] = [line for line in lines if line.startswith("catalog =")]
    loaders = {name: lines for name, lines in loaders.items() if lines}
    assert len(loaders) == 5, loaders  # 01, 02, 04, 05 and 06 show catalog facts
    for name, lines in loaders.items():
        assert lines == ["catalog = careerkit.catalog_for(plan)"], (name, lines)
