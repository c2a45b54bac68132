"""The folders beside a person's plan are theirs alone, like the files in them: other
users cannot list the names of their history copies or exports (a walk found 0755)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pandas as pd

from careerkit.plan import Plan, open_plan
from careerkit.report import export_files
from careerkit.steps.explore import occupation as occ


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_history_and_exports_folders_are_private(
    workspace: Path, persona: Plan, catalog: pd.DataFrame
) -> None:
    old = os.umask(0o022)  # a usual umask: new folders would be 0755
    try:
        plan = open_plan(workspace / "plan.json")
        plan.profile.name = "Dana"
        plan.save()
        written = export_files.write_exports(persona, catalog, workspace / "exports")
    finally:
        os.umask(old)
    assert _mode(workspace / "history") == 0o700
    assert _mode(written.html.parent) == 0o700


def test_bls_none_reads_as_none_needed(catalog: pd.DataFrame) -> None:
    none = catalog.index[catalog["experience"] == "None"]
    assert len(none)
    card_row = catalog.loc[none[0]]
    assert occ.bls_requirement(card_row["experience"]) == "none needed"
    assert occ.bls_requirement(None) == "unknown"
    assert occ.bls_requirement("Less than 5 years") == "Less than 5 years"
