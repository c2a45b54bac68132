"""The jobs a person has held (issue 23): a new list in the dream_job section, empty by
default, so plans written before it open unchanged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from careerkit.plan import SCHEMA_VERSION, DreamJob, PastJob, PlanError, open_plan
from tests.conftest import PERSONA, ROOT, reopen

SCHEMA_2 = ROOT / "tests" / "data" / "plan-schema2.json"  # written by careerkit 0.1


@pytest.mark.parametrize("source", [SCHEMA_2, PERSONA], ids=["schema-2-file", "persona"])
def test_existing_plans_open_unchanged_with_no_past_jobs(workspace: Path, source: Path) -> None:
    file = workspace / "plan.json"
    shutil.copy(source, file)
    open_plan().save("dream_job")  # migrated to the current schema, as careerkit would
    before = json.loads(file.read_text())
    del before["dream_job"]["past_jobs"]  # a plan saved before issue 23 has no such key
    file.write_text(json.dumps(before))
    plan = open_plan()
    assert plan.dream_job.past_jobs == []
    plan.save("dream_job")
    after = json.loads(file.read_text())
    assert after["dream_job"].pop("past_jobs") == []
    after.pop("saved", None), before.pop("saved", None)
    assert after == before  # every other answer as it was
    assert after["schema_version"] == SCHEMA_VERSION == 4  # no schema bump, no migration


def test_past_jobs_are_saved_and_read_back(plan) -> None:
    plan.dream_job.past_jobs = [
        PastJob(code="41-1011.00", title="Store supervisor", years=6),
        PastJob(title="Cashier at a family shop", years=2.5),  # not in the catalog
    ]
    plan.save("dream_job")
    again = reopen(plan).dream_job.past_jobs
    assert [(j.code, j.title, j.years) for j in again] == [
        ("41-1011.00", "Store supervisor", 6),
        ("", "Cashier at a family shop", 2.5),
    ]
    assert len({j.id for j in again}) == 2  # record ids: two notebooks' lists merge by job


def test_years_out_of_range_are_refused() -> None:
    with pytest.raises(ValueError, match="years"):
        PastJob(title="Nurse", years=-1)
    with pytest.raises(ValueError, match="years"):
        DreamJob(past_jobs=[{"title": "Nurse", "years": 99}])


def test_a_damaged_past_job_in_the_file_is_named(workspace: Path) -> None:
    data = json.loads(PERSONA.read_text())
    data["dream_job"]["past_jobs"] = [{"title": "Nurse", "years": "many"}]
    (workspace / "plan.json").write_text(json.dumps(data))
    with pytest.raises(PlanError, match="past_jobs"):
        open_plan()
