"""careerkit: the helper package behind the career workbook notebooks.

The public names below are imported lazily, so ``import careerkit`` stays fast and a
notebook only pays for what it uses.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "open_plan": "careerkit.workbook",
    "restore_plan": "careerkit.plan",
    "Plan": "careerkit.plan",
    "PlanError": "careerkit.plan",
    "PlanConflict": "careerkit.plan",
    "PlanIsFine": "careerkit.plan",
    "load_catalog": "careerkit.catalog",
    "CatalogError": "careerkit.catalog",
    "catalog_for": "careerkit.catalog.local_pay",
    "import_onet": "careerkit.catalog.sources.build",
    "similar_occupations": "careerkit.steps.similar_jobs",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'careerkit' has no attribute {name!r}")
