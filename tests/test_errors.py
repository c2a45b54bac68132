"""Problems a person fixes (plan file, catalogue, workshop file) show as their message alone
in IPython (JupyterLab, the app), not buried under Python's traceback; bugs keep theirs."""

from __future__ import annotations

import re

import pytest
from IPython.core.interactiveshell import InteractiveShell

from careerkit.catalog import CatalogError
from careerkit.errors import ForThePerson
from careerkit.plan.storage import PlanConflict, PlanError
from careerkit.workshop import WorkshopError


@pytest.fixture(scope="module")
def shell() -> InteractiveShell:
    return InteractiveShell.instance()


def shown(shell: InteractiveShell, code: str, capsys: pytest.CaptureFixture[str]) -> str:
    shell.run_cell(code)
    return re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)  # without colours


@pytest.mark.parametrize("error", [PlanError, PlanConflict, CatalogError, WorkshopError])
def test_a_problem_for_the_person_is_its_message_alone(
    shell: InteractiveShell, capsys: pytest.CaptureFixture[str], error: type[Exception]
) -> None:
    assert issubclass(error, ForThePerson)
    shell.user_ns["error"] = error
    text = shown(shell, "raise error('The plan file x cannot be read: do this.')", capsys)
    assert text.strip() == f"{error.__name__}: The plan file x cannot be read: do this."


def test_a_bug_keeps_its_traceback(
    shell: InteractiveShell, capsys: pytest.CaptureFixture[str]
) -> None:
    text = shown(shell, "def broken():\n    return 1 / 0\nbroken()", capsys)
    assert "Traceback" in text and "broken()" in text and "ZeroDivisionError" in text
