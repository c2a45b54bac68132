"""The start notebook's pieces: the route, the set-up check, the profile form."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

import careerkit
from careerkit.steps.start import NOTEBOOKS, _check_dependencies, check_setup, route, route_markdown
from careerkit.ui import catalog_banner, start, vision_banner
from tests.conftest import reopen


def test_route_titles_come_from_each_notebooks_heading() -> None:
    steps = route()
    assert steps[0].title == "Start here"
    assert all(s.title and not s.title[0].isdigit() for s in steps)


def test_00_shows_the_route_with_every_other_step_a_link_to_its_notebook() -> None:
    steps = route()
    assert len(steps) >= 8, "the workbook's steps were found"
    cells = nbformat.read(NOTEBOOKS / steps[0].file, as_version=4).cells
    shown = next(c.source for c in cells if c.source.startswith("## The route"))
    assert route_markdown() in shown, (
        "put careerkit.steps.start.route_markdown() in 00's route cell"
    )
    links = re.findall(r"\[(\d\d [^\]]+)\]\(([^)]+)\)", shown)
    # Relative links, as the "Next" links: JupyterLab and the app resolve them beside 00.
    assert links == [(f"{s.number} {s.title}", s.file) for s in steps[1:]]
    assert all((NOTEBOOKS / file).is_file() for _, file in links)
    assert "**▶ 00 Start here**" in shown  # where the person is, not a link


def test_route_markdown_marks_the_step_given() -> None:
    line = route_markdown(here="04")
    assert "**▶ 04 Set your short-term goals**" in line and "(04_short_term.ipynb)" not in line
    assert line.startswith("[00 Start here](00_start.ipynb) → ")


def test_setup_check_passes_here() -> None:
    failed = [c for c in check_setup() if not c.ok]
    assert not failed, failed


INSTALLED = {"pandas": "2.0.3", "ipywidgets": "8.1.5", "matplotlib": "3.10.0rc1"}


def _installed(name: str) -> str:
    from importlib.metadata import PackageNotFoundError

    if name not in INSTALLED:
        raise PackageNotFoundError(name)
    return INSTALLED[name]


def test_setup_check_names_a_package_too_old_for_the_requirements() -> None:
    needs = ["pandas>=2.1", "ipywidgets>=8.1", "matplotlib>=3.8"]
    check = _check_dependencies(needs, _installed)
    assert not check.ok
    assert check.detail.startswith("pandas 2.0.3 is too old (careerkit needs pandas>=2.1)")
    assert 'pip install "pandas>=2.1"' in check.detail
    assert "ipywidgets" not in check.detail and "matplotlib" not in check.detail  # rc counts


def test_setup_check_accepts_versions_the_requirements_allow() -> None:
    needs = ["pandas>=2.0", "ipywidgets>=8.1", "tomli>=2.0; python_version < '3.0'"]
    assert _check_dependencies(needs, _installed).ok
    above = _check_dependencies(["pandas>=1.5,<2"], _installed)
    assert not above.ok and "is not a version careerkit works with" in above.detail
    missing = _check_dependencies(["pydantic>=2.6"], _installed)
    assert not missing.ok and "missing pydantic" in missing.detail


def test_setup_check_reports_a_missing_catalogue(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CAREERKIT_CATALOG", str(tmp_path / "nowhere.csv"))
    catalogue = next(c for c in check_setup() if c.name == "Occupation catalog")
    assert not catalogue.ok and "does not exist" in catalogue.detail


def test_profile_form_saves_as_typed(plan) -> None:
    form = start.ProfileForm(plan)
    form.name.value = "  Jo <b>Bloggs</b> "
    form.workshop.value = "Spring cohort"
    again = reopen(plan)
    assert again.profile.name == "Jo <b>Bloggs</b>"
    assert again.profile.workshop == "Spring cohort"
    assert "Saved at" in form.saver.status.value
    assert start.ProfileForm(again).name.value == "Jo <b>Bloggs</b>"


def test_profile_form_lines_up_its_fields_and_saves_while_typing(plan) -> None:
    form = start.ProfileForm(plan)
    fields = [form.name, form.area, form.coach, form.workshop]
    labels = {field.style.description_width for field in fields}
    # The text boxes' width; the dropdown at least that (as wide as its longest option).
    widths = {field.layout.width or field.layout.min_width for field in fields}
    widths = {width.removeprefix("min(").split(",")[0] for width in widths}
    assert len(labels) == 1 and labels.pop().endswith("px")  # one label column, not "initial"
    assert len(widths) == 1 and int(widths.pop().removesuffix("px")) >= 500  # room to read
    # Text reaches the kernel as it is typed (the saver waits for a pause), so text typed
    # and never left is not lost on reload.
    assert all(field.continuous_update for field in (form.name, form.coach, form.workshop))


def test_vision_banner_escapes_and_dates(persona) -> None:
    persona.dream_job.vision = "<script>x</script> & more"
    html = vision_banner(persona).value
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "written September 10, 2026" in html


def test_vision_banner_without_a_vision_says_where_to_write_it(plan) -> None:
    assert "write it in <b>01" in vision_banner(plan).value


def test_where_saved_counts_history(plan) -> None:
    plan.dream_job.vision = "x"
    plan.save("dream_job")
    assert "1 earlier version kept" in start.where_saved(plan).value
    assert str(careerkit.open_plan().path) in start.where_saved(plan).value


def test_paths_under_home_are_shown_with_a_tilde(tmp_path: Path) -> None:
    from careerkit.paths import shown

    assert shown(Path.home() / "careerkit" / "plan.json") == "~/careerkit/plan.json"
    assert shown(tmp_path / "plan.json") == str(tmp_path / "plan.json")


def test_choosing_where_you_live_is_saved_and_sets_the_pay_shown(plan) -> None:
    form = start.ProfileForm(plan)
    assert form.area.value == "" and "national" in form.area.label
    form.area.value = "3900000"  # Ohio
    assert reopen(plan).profile.area == "3900000"
    assert start.ProfileForm(reopen(plan)).area.label == "Ohio"
    assert "Pay is for <b>Ohio</b>" in catalog_banner(reopen(plan)).value
    assert (careerkit.catalog_for(reopen(plan))["pay_area"] == "Ohio").any()


def test_an_area_of_another_catalogue_is_kept_not_lost(plan) -> None:
    plan.profile.area = "0010420"  # a metropolitan area, not in the bundled catalogue
    form = start.ProfileForm(plan)
    assert form.area.value == "0010420" and "not in this catalog" in form.area.label


def test_catalog_banner_names_the_data_and_credits_onet(plan) -> None:
    text = catalog_banner(plan).value
    assert "923 occupations from O*NET 30.3" in text and "BLS OEWS May 2025" in text
    assert "CC BY 4.0" in text and "choose your state or area in <b>00" in text
