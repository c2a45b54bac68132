"""Workshop defaults: workshop.toml in the workspace sets the criteria of step 3."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from careerkit import paths, workshop
from careerkit.steps.compare import criteria
from careerkit.steps.compare import setup as compare_setup
from careerkit.steps.compare.criteria import ScoringError
from careerkit.steps.compare.setup import scoring_setup
from careerkit.workshop import WorkshopError
from tests.conftest import ROOT

EDITED = {**criteria.DEFAULT_WEIGHTS, "commute": 4}


def write(workspace: Path, text: str) -> Path:
    path = workspace / "workshop.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_without_a_file_careerkit_defaults_are_used(workspace: Path) -> None:
    setup = scoring_setup(criteria.DEFAULT_WEIGHTS, {})
    assert setup.source == "careerkit defaults"
    assert setup.criteria == criteria.default_criteria()
    assert paths.workshop_file() == workspace / "workshop.toml"


def test_workshop_file_sets_criteria_weights_and_labels(workspace: Path) -> None:
    path = write(
        workspace,
        '[scoring]\ncriteria = ["pay", "work_life", "commute"]\n'
        'weights = { pay = 1, commute = 4.5 }\nlabels = { commute = "Short commute" }\n',
    )
    setup = scoring_setup(criteria.DEFAULT_WEIGHTS, {})
    assert setup.source == f"workshop file {path}"
    assert [(c.id, c.label, c.weight) for c in setup.criteria] == [
        ("pay", "Pay", 1.0),
        ("work_life", "Work-life balance", 3.0),  # careerkit's default weight
        ("commute", "Short commute", 4.5),
    ]


def test_weights_alone_keep_careerkit_criteria(workspace: Path) -> None:
    write(workspace, "[scoring]\nweights = { pay = 0 }\n")
    setup = scoring_setup()
    assert [c.id for c in setup.criteria] == list(criteria.DEFAULT_WEIGHTS)
    assert {c.id: c.weight for c in setup.criteria}["pay"] == 0


def test_a_file_without_scoring_leaves_the_defaults(workspace: Path) -> None:
    write(workspace, '[workshop]\nname = "Spring cohort"\n')
    assert scoring_setup().source == "careerkit defaults"


def test_edited_notebook_cell_wins_over_the_workshop_file(workspace: Path) -> None:
    write(workspace, "[scoring]\nweights = { pay = 0 }\n")
    setup = scoring_setup(EDITED, {})
    assert setup.source == "edited in this notebook"
    assert setup.criteria[-1] == criteria.Criterion("commute", "Commute", 4.0)
    assert scoring_setup(criteria.DEFAULT_WEIGHTS, {"pay": "Salary"}).source == (
        "edited in this notebook"
    )


def test_mistakes_in_the_notebook_cell_are_explained() -> None:
    with pytest.raises(ScoringError, match=r"^The criteria cell \(CRITERIA and LABELS\): .*0 to 5"):
        scoring_setup({"pay": 9}, {})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[scoring\nweights = 1", "is not valid TOML"),
        ("scoring = 3", "[scoring] must be a table of settings"),
        ("[scoring]\nweight = { pay = 1 }", "unknown key 'weight'"),
        ('[scoring]\ncriteria = "pay"', "criteria must be a list of names"),
        ('[scoring]\ncriteria = ["pay", "pay"]', "lists 'pay' twice"),
        ("[scoring]\nweights = 3", "weights must be a table"),
        ('[scoring]\ncriteria = ["pay"]\nweights = { comute = 1 }', "names 'comute', which is"),
        ('[scoring]\ncriteria = ["pay", "commute"]', "'commute' needs a weight"),
        ("[scoring]\nweights = { pay = 6 }", "the weight of 'pay' is 6; use a number from 0"),
        ('[scoring]\nweights = { pay = "high" }', 'in weights, pay = "high" must be a number'),
        ('[scoring]\ncriteria = ["Commute time"]\nweights = { "Commute time" = 2 }', "lower-case"),
        ("[scoring]\nlabels = { pay = 3 }", "in labels, pay = 3 must be some text"),
    ],
)
def test_bad_workshop_files_are_explained_naming_the_file(
    workspace: Path, text: str, expected: str
) -> None:
    path = write(workspace, text)
    with pytest.raises(ScoringError) as err:
        compare_setup.read_workshop()
    assert str(path) in str(err.value)
    assert expected in str(err.value)
    setup = scoring_setup()  # the notebook goes on with careerkit's defaults, and says why
    assert setup.criteria == criteria.default_criteria()
    fallback = f"{err.value} Until it is fixed, careerkit's own criteria are used."
    assert setup.notes == ((fallback, "error"),)


def test_unreadable_file_is_a_workshop_error(workspace: Path) -> None:
    path = workspace / "workshop.toml"
    path.write_bytes(b"\xff\xfe[scoring]")
    with pytest.raises(WorkshopError, match="cannot be read"):
        compare_setup.read_workshop(path)


def _careerkit_imports(module: str) -> set[str]:
    """The careerkit modules ``careerkit/<module>.py`` imports, read with ast."""
    tree = ast.parse((ROOT / "careerkit" / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "careerkit":
            found |= {f"careerkit.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("careerkit."):
            found.add(node.module)
    return found


def test_criteria_sit_below_scoring_and_workshop() -> None:
    assert not any(m.startswith("careerkit.steps") for m in _careerkit_imports("workshop"))
    assert "careerkit.steps.compare.criteria" in _careerkit_imports("steps/compare/setup")
    assert "careerkit.workshop" in _careerkit_imports("steps/compare/setup")
    assert "careerkit.steps.compare.criteria" in _careerkit_imports("steps/compare/scoring")
    assert _careerkit_imports("steps/compare/criteria") == set()


def test_a_misspelt_or_non_ascii_criterion_in_the_file_is_explained(workspace: Path) -> None:
    write(workspace, '[scoring]\ncriteria = ["intrest_fit", "pay"]\n')
    with pytest.raises(WorkshopError, match="did you mean 'interest_fit'"):
        compare_setup.read_workshop()
    write(workspace, '[scoring]\ncriteria = ["Nähe zur Familie"]\n')
    with pytest.raises(WorkshopError) as err:
        compare_setup.read_workshop()
    assert "'nahe_zur_familie'" in str(err.value)
    assert 'labels = { nahe_zur_familie = "Nähe zur Familie" }' in str(err.value)


def test_an_edited_cell_says_the_workshop_file_is_not_used(workspace: Path) -> None:
    path = write(workspace, "[scoring]\nweights = { pay = 0 }\n")
    setup = scoring_setup(EDITED, {})
    assert setup.source == "edited in this notebook"
    ((text, kind),) = setup.notes
    assert str(path) in text and "not used" in text and kind == "info"


def test_the_workshop_names_its_own_interest_items(workspace: Path) -> None:
    path = write(workspace, '[workshop]\ninterest_items = "items_de.csv"\n')
    assert workshop.read_details().interest_items == "items_de.csv"
    assert workshop.interest_items_file() == workspace / "items_de.csv"
    path.write_text("[workshop]\n")
    assert workshop.interest_items_file() is None


def test_a_broken_file_is_reported_when_the_cell_is_edited(workspace: Path) -> None:
    path = write(workspace, "[scoring\nweights = 1\n")
    setup = scoring_setup(EDITED, {})
    assert setup.source == "edited in this notebook"
    ((text, kind),) = setup.notes
    assert f"The workshop file {path} is not valid TOML" in text and kind == "error"
    assert "the criteria cell was edited" in text
