"""careerkit: the helper package behind the career workbook notebooks.

The public names below are imported lazily, so ``import careerkit`` stays fast and a
notebook only pays for what it uses.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what editors and mypy see; at run time __getattr__ imports on first use
    from careerkit.catalog import CatalogError as CatalogError
    from careerkit.catalog.sources.build import import_onet as import_onet
    from careerkit.plan import Plan as Plan
    from careerkit.plan import PlanConflict as PlanConflict
    from careerkit.plan import PlanError as PlanError
    from careerkit.plan import PlanIsFine as PlanIsFine
    from careerkit.plan import restore_plan as restore_plan
    from careerkit.steps.explore.why import why_suggested as why_suggested
    from careerkit.steps.similar_jobs import similar_occupations as similar_occupations
    from careerkit.steps.stepping_stones import stepping_stones as stepping_stones
    from careerkit.workbook import catalog_for as catalog_for
    from careerkit.workbook import load_catalog as load_catalog
    from careerkit.workbook import open_plan as open_plan
    from careerkit.workbook import sample_plan as sample_plan

__version__ = "0.1.0"

_EXPORTS = {
    "open_plan": "careerkit.workbook",
    "sample_plan": "careerkit.workbook",
    "restore_plan": "careerkit.plan",
    "Plan": "careerkit.plan",
    "PlanError": "careerkit.plan",
    "PlanConflict": "careerkit.plan",
    "PlanIsFine": "careerkit.plan",
    "load_catalog": "careerkit.workbook",
    "CatalogError": "careerkit.catalog",
    "catalog_for": "careerkit.workbook",
    "import_onet": "careerkit.catalog.sources.build",
    "similar_occupations": "careerkit.steps.similar_jobs",
    "why_suggested": "careerkit.steps.explore.why",
    "stepping_stones": "careerkit.steps.stepping_stones",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'careerkit' has no attribute {name!r}")


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext careerkit``: register notebook 03's coach cell magics
    (``%%careerkit_criteria``, ``%%careerkit_formula``) in this kernel."""
    # Imported here, not above: measured on the 2-core test machine, `import careerkit`
    # takes about 0.04 s and careerkit.ui.coach_cells (pandas, ipywidgets, IPython) 2-5 s
    # more, which only a notebook loading the extension should pay (it loads them anyway).
    import_module("careerkit.ui.coach_cells").register(ipython)
