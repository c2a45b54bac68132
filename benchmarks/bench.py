"""careerkit benchmarks: time what a person waits for, and print a Markdown table.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/bench.py [--quick]``). Everything
runs in a temporary workspace ($CAREERKIT_HOME) holding a copy of the sample persona's
plan, removed at the end. Each row is the median of several runs (time.perf_counter).
A missed target is marked MISSED but still exits 0: this is a report, not a test. A
measure that fails is marked FAILED (traceback on stderr) and the exit code is 1.
See benchmarks/README.md for what each row measures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported for real only inside the measures, after the workspace is set
    import pandas as pd
    from jupyter_client.blocking import BlockingKernelClient

    from careerkit.plan import Plan

ROOT = Path(__file__).resolve().parent.parent
PERSONA = ROOT / "data" / "examples" / "persona.json"
NOTEBOOKS = ROOT / "notebooks"
COMPARE_NOTEBOOK = NOTEBOOKS / "03_compare.ipynb"
WORKBOOK = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
OCCUPATIONS = 1_000  # size of the synthetic catalogue
GOALS = 500  # goals in the large plan
OPTIONS, CRITERIA, STEPS = 20, 10, 101  # size of the sensitivity sweep
SLIDER = "pay"  # the notebook 03 weight slider that is moved
COHORT = 200  # participants in the workshop the cohort summary reads


@dataclass(frozen=True)
class Settings:
    """How many times to repeat each kind of measure, and where the workspace is."""

    workspace: Path
    runs: int  # in-process measures
    process_runs: int  # fresh Python processes
    kernel_runs: int  # slider moves in the kernel


@dataclass(frozen=True)
class Timing:
    median: float  # seconds
    runs: int


@dataclass(frozen=True)
class Spec:
    """One row of the table: what is measured and its target in seconds (None: no target)."""

    name: str
    target: float | None = None


Measure = Callable[[Settings], list[Timing]]  # one Timing per Spec, in order
MEASURES: list[tuple[tuple[Spec, ...], Measure]] = []


def measure(*specs: Spec) -> Callable[[Measure], Measure]:
    """Register a measure function and the table rows it reports."""

    def register(fn: Measure) -> Measure:
        MEASURES.append((specs, fn))
        return fn

    return register


# --- timing helpers ---------------------------------------------------------------------


def median_time(
    fn: Callable[[], Any], runs: int, before: Callable[[int], Any] | None = None
) -> Timing:
    """Median wall time of ``fn()`` over ``runs`` runs, after one untimed warm-up run.

    ``before(i)`` runs untimed before each call (e.g. to clear a cache or change the plan).
    """
    times = []
    for i in range(runs + 1):
        if before is not None:
            before(i)
        start = time.perf_counter()
        fn()
        if i:  # run 0 warms up
            times.append(time.perf_counter() - start)
    return Timing(statistics.median(times), runs)


def process_time(code: str, runs: int, cwd: Path) -> float:
    """Median wall time of ``python -c code`` in a fresh process (after a warm-up run)."""
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=cwd, check=True)
        if i:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def persona_plan(workspace: Path) -> Path:
    """Put a fresh copy of the sample persona's plan in the workspace (no history)."""
    shutil.rmtree(workspace / "history", ignore_errors=True)
    plan = workspace / "plan.json"
    shutil.copy(PERSONA, plan)
    return plan


# --- the measures ---------------------------------------------------------------------------


@measure(
    Spec("`import careerkit`, fresh process, minus bare Python start", 0.3),
    Spec("`import careerkit.ui.compare`, fresh process, minus bare Python start"),
)
def imports(settings: Settings) -> list[Timing]:
    """What a notebook's first import costs, beyond starting Python itself."""
    runs, cwd = settings.process_runs, settings.workspace
    bare = process_time("pass", runs, cwd)
    return [
        Timing(max(process_time(f"import {module}", runs, cwd) - bare, 0.0), runs)
        for module in ("careerkit", "careerkit.ui.compare")
    ]


@measure(
    Spec("open plan: sample persona"),
    Spec("save one section: sample persona"),
    Spec(f"open plan: {GOALS} goals"),
    Spec(f"save one section: {GOALS} goals"),
)
def plan_files(settings: Settings) -> list[Timing]:
    """Opening the plan file, and saving one section as the Saver does after a change."""
    runs = settings.runs

    def redraft(plan: Plan, i: int) -> None:
        plan.dream_job.vision = f"Lead a clinic team (draft {i})."

    def progress_goal(plan: Plan, i: int) -> None:
        plan.short_term_goals.goals[0].percent = i % 101

    return [
        *open_and_save(persona_plan(settings.workspace), "dream_job", redraft, runs),
        *open_and_save(
            large_plan(settings.workspace / "large" / "plan.json"),
            "short_term_goals",
            progress_goal,
            runs,
        ),
    ]


def open_and_save(
    path: Path, section: str, change: Callable[[Plan, int], None], runs: int
) -> list[Timing]:
    """Time opening the plan file, then saving one section after a small change each time."""
    from careerkit.plan import open_plan

    opened = median_time(lambda: open_plan(path), runs)
    plan = open_plan(path)
    saved = median_time(lambda: plan.save(section), runs, lambda i: change(plan, i))
    return [opened, saved]


def large_plan(path: Path) -> Path:
    """The persona's plan with ``GOALS`` made-up short-term goals instead of its own."""
    from careerkit.plan import Goal, open_plan

    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(PERSONA, path)
    plan = open_plan(path)
    areas, directions = plan.short_term_goals.areas, ("11-9111.00", "13-1151.00")
    plan.short_term_goals.goals = [
        Goal(
            text=f"Finish module {i} of the healthcare administration certificate and write "
            "up what I learned for my mentor, with one example from work",
            area=areas[i % len(areas)],
            horizon_months=(6, 12, 24)[i % 3],
            due=date(2027, 1, 1) + timedelta(days=i),
            measure=f"module {i} passed",
            direction=directions[i % 2],
            confidence=1 + i % 5,
            status=("not started", "in progress", "done")[i % 3],
            percent=(i * 7) % 101,
        )
        for i in range(GOALS)
    ]
    plan.save()
    return path


@measure(
    Spec("catalogue load: bundled, first load", 0.300),
    Spec("catalogue load: bundled, cached"),
    Spec(f"catalogue load: synthetic {OCCUPATIONS:,} occupations from CSV"),
)
def catalogue(settings: Settings) -> list[Timing]:
    """Reading and checking a catalogue CSV, and the cached load every later call gets."""
    from careerkit.catalog.load import _load_file
    from careerkit.workbook import load_catalog

    csv = synthetic_csv(settings.workspace)
    runs = settings.runs
    return [
        median_time(load_catalog, runs, lambda _: _load_file.cache_clear()),
        median_time(load_catalog, runs),
        median_time(lambda: load_catalog(csv), runs, lambda _: _load_file.cache_clear()),
    ]


def synthetic_csv(workspace: Path) -> Path:
    """``tests.synthetic.synthetic_catalog(OCCUPATIONS)`` written as a catalogue CSV file."""
    from tests.synthetic import synthetic_catalog

    path = workspace / "synthetic_occupations.csv"
    if not path.exists():
        synthetic_catalog(OCCUPATIONS, seed=1).to_csv(path)
    return path


SHARED = ROOT.parent / "shared"


@measure(
    Spec("catalogue import: O*NET 29.3 (../shared/onet) with OEWS national wages", 15.0),
    Spec("catalogue import: O*NET 30.3 + OEWS by state + projections (make catalog)"),
)
def catalogue_import(settings: Settings) -> list[Timing]:
    """``careerkit catalog import-onet`` on the real releases in ../shared (skipped if absent)."""
    from careerkit.catalog.sources.build import import_onet

    if not (SHARED / "onet").exists():
        raise RuntimeError(f"{SHARED} is not available: the real releases are needed")
    out = settings.workspace / "imported"
    oews = SHARED / "oews"
    runs = max(1, settings.runs // 5)
    return [
        median_time(
            lambda: import_onet(
                SHARED / "onet", wages=oews / "national_2025.csv", out=out, progress=False
            ),
            runs,
        ),
        median_time(
            lambda: import_onet(
                SHARED / "onet-30.3",
                wages=oews / "national_2025.csv",
                areas=oews / "areas_2025.csv",
                projections=SHARED / "bls-ep" / "occupation.xlsx",
                area_types="NS",
                out=out,
                progress=False,
            ),
            runs,
        ),
    ]


@measure(
    Spec("interest fit + filters, bundled catalogue (923 occupations)", 0.020),
    Spec("02 table refresh after a filter change, bundled catalogue", 0.100),
)
def bundled_filters(settings: Settings) -> list[Timing]:
    """What 02 does on a filter change with every real occupation loaded."""
    from careerkit.catalog.fit import interest_fit
    from careerkit.plan import open_plan
    from careerkit.steps.explore.filters import Filters, apply_filters
    from careerkit.ui.explore import Browser
    from careerkit.workbook import catalog_for

    plan = open_plan(persona_plan(settings.workspace))
    catalog = catalog_for(plan)
    scores = plan.dream_job.interests.scores if plan.dream_job.interests else {}
    filters = Filters(min_fit=40, job_zone=(2, 4), pay=(40_000, 120_000))
    browser = Browser(plan, catalog)
    values = iter([(30_000 + 5_000 * (i % 7), 150_000) for i in range(10_000)])

    def move_pay_slider() -> None:
        browser.pay.value = next(values)

    return [
        median_time(
            lambda: apply_filters(catalog, filters, interest_fit(scores, catalog)), settings.runs
        ),
        median_time(move_pay_slider, settings.runs),
    ]


@measure(Spec("skills match of every occupation, bundled catalogue (all 35 skills)", 0.020))
def skills_match_every_occupation(settings: Settings) -> list[Timing]:
    """What 02 recomputes when the person changes a skill's level: the match of every
    occupation (issue 23), the catalogue's skill matrix built once beforehand."""
    from careerkit.catalog import load_catalog, tables
    from careerkit.plan import open_plan
    from careerkit.steps.similar_jobs import skills_match_all

    catalog, ratings = load_catalog(), tables.skill_ratings()
    skills = open_plan(persona_plan(settings.workspace)).dream_job.skills
    levels = [{s.name: (s.level + i) % 5 + 1 for s in skills} for i in range(5)]
    if skills_match_all(levels[0], ratings, catalog.index).isna().all():
        raise RuntimeError("the persona has no O*NET skill: the measure would not be realistic.")
    moves = iter(levels * 10_000)
    return [
        median_time(lambda: skills_match_all(next(moves), ratings, catalog.index), settings.runs)
    ]


@measure(Spec(f"interest fit + filters, {OCCUPATIONS:,} occupations", 0.020))
def fit_and_filter(settings: Settings) -> list[Timing]:
    """What notebook 02 recomputes when a filter changes: fit for every row, then filter."""
    from careerkit.catalog import load_catalog
    from careerkit.catalog.fit import interest_fit
    from careerkit.plan import open_plan
    from careerkit.steps.explore.filters import Filters, apply_filters

    catalog = load_catalog(synthetic_csv(settings.workspace))
    interests = open_plan(persona_plan(settings.workspace)).dream_job.interests
    scores = interests.scores if interests else dict.fromkeys("RIASEC", 50.0)
    filters = Filters(search="clinic", min_fit=40, job_zone=(2, 4), pay=(40_000, 120_000))

    def fit_and_show() -> pd.DataFrame:
        return apply_filters(catalog, filters, interest_fit(scores, catalog))

    if fit_and_show().empty:
        raise RuntimeError(f"{filters} matches nothing: the measure would not be realistic.")
    return [median_time(fit_and_show, settings.runs)]


@measure(
    Spec(f"scoring sweep: {OPTIONS} options x {CRITERIA} criteria x {STEPS} steps", 0.050),
    Spec(f"scoring flip_top_two: {OPTIONS} options x {CRITERIA} criteria"),
    Spec(f"scoring what_if (sweep + flip, as each slider move): {OPTIONS} x {CRITERIA}"),
)
def scoring_analyses(settings: Settings) -> list[Timing]:
    """The what-if analyses of notebook 03 on a larger matrix than a person usually has."""
    import numpy as np

    from careerkit.steps.compare import scoring

    ratings, weights = random_matrix()
    steps = np.linspace(0, scoring.WEIGHT_MAX, STEPS)
    scores = scoring.score_options(ratings, weights).scores
    score = scoring.weighted_average
    runs = settings.runs
    return [
        median_time(lambda: scoring.sweep(ratings, weights, SLIDER, steps), runs),
        median_time(lambda: scoring.flip_top_two(ratings, weights, scores=scores), runs),
        median_time(lambda: scoring.what_if(ratings, weights, SLIDER, score, scores), runs),
    ]


def random_matrix() -> tuple[pd.DataFrame, pd.Series]:
    """Ratings (OPTIONS x CRITERIA, 0-10, about one in ten not rated) and slider weights."""
    import numpy as np
    import pandas as pd

    from careerkit.steps.compare.criteria import DEFAULT_WEIGHTS
    from careerkit.steps.compare.scoring import WEIGHT_GRID

    rng = np.random.default_rng(3)
    criteria = [*DEFAULT_WEIGHTS, *(f"own_{i}" for i in range(CRITERIA - len(DEFAULT_WEIGHTS)))]
    values = rng.uniform(0, 10, (OPTIONS, CRITERIA)).round(1)
    values[rng.random(values.shape) < 0.1] = np.nan
    names = [f"Option {i + 1}" for i in range(OPTIONS)]
    ratings = pd.DataFrame(values, index=pd.Index(names, name="option"), columns=criteria)
    weights = pd.Series(rng.choice(WEIGHT_GRID[1:], CRITERIA), index=criteria)
    return ratings, weights


# The slider moves, timed inside the kernel; each value differs from the one before.
SLIDER_VALUES = (1.0, 4.0, 1.5, 3.5, 0.5, 4.5, 2.0, 5.0, 0.0, 3.0)
SLIDER_TIMING = """
import json, statistics, time
assert not board.problem, board.problem
slider = board.weights.sliders[{criterion!r}]
slider.value = 2.5  # untimed warm-up move
times = []
for value in {values!r}:
    start = time.perf_counter()
    slider.value = value
    times.append(time.perf_counter() - start)
assert board.plan.comparison.weights[{criterion!r}] == {values!r}[-1], "the move was not kept"
assert not board.errors.outputs, board.errors.outputs
board.saver.flush()
print(json.dumps({{"median": statistics.median(times), "runs": len(times)}}))
"""


@measure(Spec(f"notebook 03 weight slider ({SLIDER}) callback, in a kernel", 0.100))
def slider_callback(settings: Settings) -> list[Timing]:
    """Moving a weight slider on notebook 03's board, timed inside a real kernel."""
    from jupyter_client.manager import KernelManager

    persona_plan(settings.workspace)
    values = [SLIDER_VALUES[i % len(SLIDER_VALUES)] for i in range(settings.kernel_runs)]
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(cwd=str(NOTEBOOKS))
    try:
        client = manager.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=120)
            for source in board_cells():
                run_code(client, source)
            report = run_code(client, SLIDER_TIMING.format(criterion=SLIDER, values=values))
        finally:
            client.stop_channels()
    finally:
        manager.shutdown_kernel()
    result = json.loads(report.strip().splitlines()[-1])
    return [Timing(result["median"], result["runs"])]


def board_cells() -> list[str]:
    """Notebook 03's code cells, up to the one that builds the board, as the notebook has them."""
    import nbformat

    notebook = nbformat.read(COMPARE_NOTEBOOK, as_version=4)
    cells = []
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cells.append(cell.source)
            if "compare.matrix(" in cell.source:
                return cells
    raise RuntimeError(f"{COMPARE_NOTEBOOK} has no cell calling compare.matrix(...).")


def run_code(client: BlockingKernelClient, code: str) -> str:
    """Execute ``code`` in the kernel; return what it printed, or raise with its error."""
    printed: list[str] = []

    def collect(msg: dict[str, Any]) -> None:
        if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
            printed.append(msg["content"]["text"])

    reply = client.execute_interactive(code, timeout=300, output_hook=collect)
    content = reply["content"]
    if content["status"] != "ok":
        raise RuntimeError(
            f"kernel: {content.get('ename')}: {content.get('evalue')}\n--- in ---\n{code}"
        )
    return "".join(printed)


@measure(
    Spec(f"cohort summary, {COHORT} participants: read, sum up, draw, write the page", 5.0),
    Spec(f"cohort summary, {COHORT} participants: reading the plans only"),
    Spec(f"cohort summary, {COHORT} participants: names switched on or off (widget)", 0.1),
)
def cohort_summary(settings: Settings) -> list[Timing]:
    """The coach's notebook on a generated workshop (3 bad plans among them): every plan
    read and checked, the group summed up, the six charts drawn and the HTML page written."""
    from careerkit.coach import cohort
    from careerkit.report import cohort_page
    from tests.synthetic import synthetic_workshop

    made = synthetic_workshop(settings.workspace / "cohort", COHORT)
    out = settings.workspace / "cohort-summary.html"

    def whole() -> None:
        summary = cohort.summarise(cohort.read_cohort(made.folder))
        assert len(summary.cohort.read) == COHORT - 3
        cohort_page.write_page(summary, out)

    from careerkit.ui.cohort import CohortBoard

    board = CohortBoard(made.folder)

    def toggle() -> None:
        board.names.value = not board.names.value

    runs = settings.process_runs
    return [
        median_time(whole, runs),
        median_time(lambda: cohort.read_cohort(made.folder), runs),
        median_time(toggle, settings.runs),
    ]


@measure(Spec(f"whole workbook: {len(WORKBOOK)} notebooks in order (nbclient), 1 run", 60.0))
def workbook(settings: Settings) -> list[Timing]:
    """Every notebook run top to bottom in a fresh kernel each, against the persona."""
    import nbformat
    from nbclient import NotebookClient

    persona_plan(settings.workspace)
    start = time.perf_counter()
    for path in WORKBOOK:
        began = time.perf_counter()
        notebook = nbformat.read(path, as_version=4)
        resources = {"metadata": {"path": str(NOTEBOOKS)}}
        NotebookClient(notebook, timeout=300, kernel_name="python3", resources=resources).execute()
        progress(f"  {path.name}: {time.perf_counter() - began:.1f} s")
    return [Timing(time.perf_counter() - start, 1)]


# --- running and reporting ----------------------------------------------------------------


@contextmanager
def temporary_workspace() -> Iterator[Path]:
    """A temporary CAREERKIT_HOME (and Jupyter runtime folder), removed afterwards."""
    names = ("CAREERKIT_HOME", "CAREERKIT_PLAN", "CAREERKIT_CATALOG", "JUPYTER_RUNTIME_DIR")
    saved = {name: os.environ.get(name) for name in names}
    with tempfile.TemporaryDirectory(prefix="careerkit-bench-") as folder:
        workspace = Path(folder) / "workspace"
        workspace.mkdir()
        os.environ["CAREERKIT_HOME"] = str(workspace)
        os.environ["JUPYTER_RUNTIME_DIR"] = str(Path(folder) / "runtime")
        os.environ.pop("CAREERKIT_PLAN", None)
        os.environ.pop("CAREERKIT_CATALOG", None)
        try:
            yield workspace
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def duration(seconds: float) -> str:
    """1.23 s, 45.6 ms or 0.12 ms."""
    if seconds >= 1:
        return f"{seconds:.2f} s"
    milliseconds = seconds * 1000
    return f"{milliseconds:.1f} ms" if milliseconds >= 1 else f"{milliseconds:.2f} ms"


def limit(seconds: float) -> str:
    """A target: 60 s, 300 ms."""
    return f"{seconds:g} s" if seconds >= 1 else f"{seconds * 1000:g} ms"


def row(spec: Spec, timing: Timing | None, problem: str = "") -> str:
    """One Markdown table row: measure, median, runs, target, ok."""
    target = "–" if spec.target is None else f"< {limit(spec.target)}"
    if timing is None:
        verdict = "FAILED" if problem.startswith("failed") else "–"
        cells = [spec.name, problem, "–", target, verdict]
    else:
        ok = "–" if spec.target is None else "ok" if timing.median < spec.target else "MISSED"
        cells = [spec.name, duration(timing.median), str(timing.runs), target, ok]
    return "| " + " | ".join(cells) + " |"


def run_measure(specs: tuple[Spec, ...], fn: Measure, settings: Settings) -> tuple[list[str], bool]:
    """The measure's table rows, and whether it failed (not merely unavailable)."""
    progress(f"timing {fn.__name__} ...")
    try:
        timings = fn(settings)
    except ImportError as err:  # the module under test (or a tool) is missing
        progress(f"  not available: {err}")
        return [row(spec, None, "not available") for spec in specs], False
    except Exception as err:  # noqa: BLE001 - reported in the table, traceback on stderr
        traceback.print_exc()
        problem = f"failed: {type(err).__name__}"
        return [row(spec, None, problem) for spec in specs], True
    return [row(spec, timing) for spec, timing in zip(specs, timings, strict=True)], False


def header(quick: bool) -> str:
    python = platform.python_version()
    mode = "quick run (--quick)" if quick else "full run"
    return (
        f"careerkit benchmarks, {datetime.now():%Y-%m-%d %H:%M}: {os.cpu_count()} CPUs, "
        f"Python {python}, {platform.platform()}; {mode}"
    )


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions: a smoke run")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # for tests.synthetic
    lines, failed = [], False
    with temporary_workspace() as workspace:
        settings = Settings(
            workspace,
            runs=5 if args.quick else 30,
            process_runs=3 if args.quick else 5,
            kernel_runs=5 if args.quick else 30,
        )
        for specs, fn in MEASURES:
            rows, broke = run_measure(specs, fn, settings)
            lines += rows
            failed |= broke
    print(header(args.quick))
    print()
    print("| measure | median | runs | target | ok |")
    print("|---|---:|---:|---:|:---:|")
    print("\n".join(lines))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
