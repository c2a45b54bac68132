"""The plan's sections as typed models: one class per workbook step and its parts."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_AREAS = (
    "Education",
    "Learning",
    "Skills development",
    "Moving",
    "Professional membership / networking",
)
Status = Literal["not started", "in progress", "done", "dropped"]
Answer = Literal["yes", "unsure", "no"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


def _record_id() -> str:
    """A new record's id: how two notebooks' edits of a list are matched record by record."""
    return uuid.uuid4().hex[:8]


def review_id(day: date) -> str:
    """The id of the review written on ``day`` in 07 (one a day), the same in every tab, so
    two tabs' answers to the same day's review are merged into one review."""
    return f"day-{day:%Y%m%d}"


# --- sections ---------------------------------------------------------------------


class Profile(_Model):
    name: str = ""
    coach: str = ""
    workshop: str = ""
    area: str = ""  # BLS OEWS area code for local pay ("" = the whole nation)
    created: date = Field(default_factory=date.today)


class Skill(_Model):
    name: str
    kind: Literal["soft", "hard"] = "hard"
    level: int = Field(3, ge=1, le=5)  # self-rated, 1 (beginner) to 5 (expert)


class PastJob(_Model):
    """A job the person has held (01, "Jobs I have done"): its O*NET-SOC code, or only a
    title they typed for a job not in the catalogue; and the years in it."""

    id: str = Field(default_factory=_record_id)  # stable: merging two notebooks' lists
    code: str = ""  # O*NET-SOC code; "" for a job not in the catalogue (free text)
    # The catalogue's title for the code; for a job not in it, the person's own title.
    title: str = Field("", max_length=200)
    # A catalogue job as the person calls it ("Store manager"); "" when they gave no title
    # of their own (plans written before it, or a job picked by O*NET's title).
    own_title: str = Field("", max_length=200)
    years: float | None = Field(None, ge=0, le=60)


class InterestResult(_Model):
    id: str = Field(default_factory=_record_id)  # stable: merging two notebooks' histories
    taken: date = Field(default_factory=date.today)
    answers: dict[str, int] = {}  # item id -> 2 like, 1 unsure, 0 dislike
    scores: dict[str, float] = {}  # theme letter -> score
    code: str = ""  # e.g. "SIA"


class DreamJob(_Model):
    reflections: dict[str, str] = {}  # prompt id -> the person's text
    skills: list[Skill] = []
    past_jobs: list[PastJob] = []  # jobs held, current or most recent first (issue 23)
    skills_use: str = ""  # how these skills could serve in a field of interest
    interests: InterestResult | None = None
    interest_history: list[InterestResult] = []  # earlier results, oldest first
    vision_prompts: dict[str, str] = {}  # guide prompt id -> answer
    vision: str = ""
    vision_date: date | None = None


class Option(_Model):
    code: str  # O*NET-SOC code, or "custom:<slug>" for a person's own occupation
    title: str
    custom: bool = False
    median_wage: float | None = None  # custom options only; catalogue ones use the catalogue
    notes: str = ""
    answers: dict[str, str] = {}  # exploring-question id -> the person's text
    # Skills the job needs as the person found them (postings, people in the job); used
    # for match and gap where O*NET has no skill ratings for the occupation.
    skills: list[str] = []
    dropped: bool = False
    drop_reason: str = ""
    added: date = Field(default_factory=date.today)


class Exploration(_Model):
    options: list[Option] = []  # the shortlist, dropped options included


class Gut(_Model):
    feels_right: Answer | None = None
    want_to_grow: Answer | None = None


class Comparison(_Model):
    criteria: list[str] = []  # empty: the workshop's or careerkit's defaults
    weights: dict[str, float] = {}
    ratings: dict[str, dict[str, float]] = {}  # option code -> criterion -> 0-10 (own or override)
    gut: dict[str, Gut] = {}
    chosen: list[str] = Field(default=[], max_length=2)  # target occupation codes
    reason: str = ""
    decided: date | None = None


class Goal(_Model):
    id: str = Field(default_factory=_record_id)
    text: str = Field("", max_length=2000)
    area: str = "Learning"
    horizon_months: Literal[6, 12, 24] = 12
    due: date | None = None
    measure: str = ""
    direction: str = ""  # occupation code the goal serves
    stone: str = ""  # a job on the way to the direction (O*NET-SOC code; issue 23)
    confidence: int | None = Field(None, ge=1, le=5)
    status: Status = "not started"
    percent: int = Field(0, ge=0, le=100)
    drop_reason: str = ""
    created: date = Field(default_factory=date.today)


class ShortTermGoals(_Model):
    areas: list[str] = list(DEFAULT_AREAS)
    goals: list[Goal] = []


class Objective(_Model):
    skills_to_acquire: list[str] = []
    own_skills: list[str] = []  # technical or soft skills the person adds
    experience: str = ""
    role_5y: str = ""
    role_10y: str = ""
    ambitions: str = ""
    stay_years: int | None = Field(None, ge=0, le=50)
    leave_when: str = ""


class CareerGoal(_Model):
    """A career goal the person can say (05, issue 23): drafted from their answers, then
    edited by them. ``*_draft`` is the last draft put in the box: a text still equal to it
    is no edit of theirs, so a redraft may replace it; any other text is theirs."""

    interview: str = ""  # "Where do you see yourself in five years?"
    objective: str = ""  # a one-line career objective for a résumé
    interview_draft: str = ""
    objective_draft: str = ""
    drafted: date | None = None


class LongTerm(_Model):
    objectives: dict[str, Objective] = {}  # occupation code -> objective
    career_goal: CareerGoal = CareerGoal()  # plans written before issue 23: empty


class Action(_Model):
    id: str = Field(default_factory=_record_id)  # stable: calendar UIDs, the history diff
    text: str
    due: date | None = None
    done: bool = False


class GoalActions(_Model):
    people: str = ""
    tools: str = ""
    programs: str = ""
    actions: list[Action] = []


class ActionPlan(_Model):
    items: dict[str, GoalActions] = {}  # goal id -> resources and next actions
    review_every_months: Literal[12, 24] = 12


class Review(_Model):
    id: str = Field(default_factory=_record_id)  # stable: merging two notebooks' reviews
    reviewed: date = Field(default_factory=date.today)
    went_well: str = ""
    changed: str = ""
    adjust: str = ""
