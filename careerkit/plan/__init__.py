"""The person's plan: a typed model, and a JSON file that never loses their work.

One file per person holds a section per workbook step (:mod:`.sections`). Saving takes a
file lock, writes only the sections a notebook changed after re-reading the file (so two
notebooks open at once keep each other's answers, :mod:`.merge`), and is atomic with a
copy in ``history/`` beside the file (:mod:`.storage`, :mod:`.history`); an older plan is
upgraded on reading (:mod:`.migrations`). :func:`read_plan` is the read-only reader for
anyone else's plan (the coach's cohort summary): the same checks, upgrades and words,
nothing written. This face is what the rest of careerkit and the notebooks import.
"""

from careerkit.plan.history import (
    PlanIsFine,
    earlier_versions,
    ensure_writable,
    history,
    history_dir,
    load_snapshot,
    restore_plan,
)
from careerkit.plan.model import SCHEMA_VERSION, SECTIONS, Plan, open_plan, read_plan, read_raw
from careerkit.plan.sections import (
    DEFAULT_AREAS,
    Action,
    ActionPlan,
    Answer,
    CareerGoal,
    Comparison,
    DreamJob,
    Exploration,
    Goal,
    GoalActions,
    Gut,
    InterestResult,
    LongTerm,
    Objective,
    Option,
    PastJob,
    Profile,
    Review,
    ShortTermGoals,
    Skill,
    Status,
)
from careerkit.plan.storage import PlanConflict, PlanError, snapshot_date

__all__ = [
    "Plan",
    "PlanError",
    "PlanConflict",
    "PlanIsFine",
    "open_plan",
    "read_raw",
    "read_plan",
    "restore_plan",
    "history",
    "history_dir",
    "earlier_versions",
    "load_snapshot",
    "snapshot_date",
    "ensure_writable",
    "SECTIONS",
    "DEFAULT_AREAS",
    "SCHEMA_VERSION",
    "Status",
    "Answer",
    "Profile",
    "Skill",
    "PastJob",
    "InterestResult",
    "DreamJob",
    "Option",
    "Exploration",
    "Gut",
    "Comparison",
    "Goal",
    "ShortTermGoals",
    "Objective",
    "CareerGoal",
    "LongTerm",
    "Action",
    "GoalActions",
    "ActionPlan",
    "Review",
]
