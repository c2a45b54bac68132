"""Widgets for notebook 05: long-term objectives per direction, the skill gap, the roadmap.

Answers are checked with :mod:`careerkit.steps.long_term` and saved as the person goes
(``Saver("long_term")``), one objective per direction.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import ipywidgets as w
import pandas as pd

from careerkit.catalog.fit import other_names_only
from careerkit.plan import Objective, Plan
from careerkit.report.charts import ROADMAP_PHONE, gap_chart, roadmap_chart
from careerkit.steps import job_skills
from careerkit.steps.long_term import (
    ObjectiveInputError,
    directions,
    parse_skills,
    skill_choices,
    update_objective,
)
from careerkit.steps.short_term.goals import direction_title
from careerkit.text import counted, shorten
from careerkit.ui.kit import lean
from careerkit.ui.kit.a11y import show_figure
from careerkit.ui.kit.autosave import Saver
from careerkit.ui.kit.callbacks import guarded, quietly
from careerkit.ui.kit.fields import WIDE, text_area
from careerkit.ui.kit.fold import fold, retitle
from careerkit.ui.kit.messages import message_html
from careerkit.ui.kit.plan_signal import FollowingChart, plan_changed

STAY_OPTIONS = [
    ("not sure yet", -1),
    ("less than a year", 0),
    *((f"{n} year{'s' * (n != 1)}", n) for n in (1, 2, 3, 4, 5, 6, 7, 8, 10, 15, 20, 30)),
]


# --- the objectives panel -----------------------------------------------------------

#: The four parts of an objective, each folded under its bar once written.
PARTS = ("skills", "experience", "development", "employment")
TITLE_CHARS = 70  # of the person's words on a folded part's bar


def _quoted(text: str) -> str:
    return f"“{shorten(text.strip(), TITLE_CHARS)}”"


def part_titles(objective: Objective) -> dict[str, str]:
    """What each part's bar says: its name and what is written in it."""
    picked, own = len(objective.skills_to_acquire), len(objective.own_skills)
    skills = [f"{picked} from the gap"] * bool(picked) + [f"{own} of your own"] * bool(own)
    roles = [
        *([f"in 5 years {_quoted(objective.role_5y)}"] if objective.role_5y.strip() else []),
        *([f"in 10 years {_quoted(objective.role_10y)}"] if objective.role_10y.strip() else []),
    ]
    if not roles and objective.ambitions.strip():
        roles = ["ambitions written"]
    stay = objective.stay_years
    stay_words = "" if stay is None else "less than a year" if stay == 0 else counted(stay, "year")
    if not stay_words and objective.leave_when.strip():
        stay_words = "when you would leave written"
    return {
        "skills": "Skills to acquire: " + (", ".join(skills) or "none chosen yet"),
        "experience": "Experience to gain: "
        + (_quoted(objective.experience) if objective.experience.strip() else "not written yet"),
        "development": "Professional development: " + ("; ".join(roles) or "not written yet"),
        "employment": "Length of employment: " + (stay_words or "not written yet"),
    }


def parts_written(objective: Objective) -> dict[str, bool]:
    """Which parts of an objective hold an answer (they open folded)."""
    return {
        "skills": bool(objective.skills_to_acquire or objective.own_skills),
        "experience": bool(objective.experience.strip()),
        "development": any(
            t.strip() for t in (objective.role_5y, objective.role_10y, objective.ambitions)
        ),
        "employment": objective.stay_years is not None or bool(objective.leave_when.strip()),
    }


class ObjectivesPanel(w.VBox):
    """Pick a direction, see its skill gap, and write the objectives for it.

    Each of the objective's four parts opens folded once written for the direction shown,
    under a bar saying what it holds (issue 24: each step shows what to do now first).
    """

    def __init__(self, plan: Plan, catalog: pd.DataFrame) -> None:
        self.plan, self.catalog = plan, catalog
        self.saver = Saver(plan)
        self.out = lean.output()
        self.quiet = False
        codes = directions(plan)
        labels = [self._label(code) for code in codes]
        self.direction = lean.make(
            w.Dropdown,
            options=list(zip(labels, codes, strict=True)),
            description="Direction",
            style=WIDE,
        )
        self.chart = lean.output()
        self.skills = lean.vbox()
        self.picks: list[tuple[str, w.Checkbox]] = []
        self.own = text_area(
            "",
            "Other skills to build",
            "One per line, technical or soft, e.g. electronic health records, conflict resolution",
            rows=3,
        )
        self.experience = text_area(
            "",
            "Experience to gain",
            "What would make you stand out? e.g. run a department's budget on my own for a year",
        )
        self.role_5y = self._line("Where I would like to be in 5 years", "e.g. clinic manager")
        self.role_10y = self._line("... and in 10 years", "e.g. director of operations")
        self.ambitions = text_area(
            "",
            "Ambitions",
            "e.g. a C-level role such as chief operating officer, a board seat, my own practice",
            rows=2,
        )
        self.stay = lean.make(
            w.Dropdown,
            options=STAY_OPTIONS,
            description="How long I mean to stay in the role",
            style=WIDE,
        )
        self.leave = text_area(
            "",
            "What would make me leave or retire",
            "e.g. when I stop learning; a move abroad; retiring at 62",
            rows=2,
        )
        self.message = lean.html()
        self.notice = self._notice(codes)
        super().__init__([self.notice, *(self._layout() if codes else [])], layout=lean.layout())
        if codes:
            self._wire()
            self.show(self.direction.value)

    def _label(self, code: str) -> str:
        title = direction_title(self.plan, code, self.catalog)
        return title if code in self.plan.comparison.chosen else f"{title} (not chosen)"

    @staticmethod
    def _line(description: str, placeholder: str) -> w.Text:
        return lean.make(
            w.Text,
            description=description,
            placeholder=placeholder,
            continuous_update=True,  # saved once typing pauses
            layout={"width": "95%"},
            style=WIDE,
        )

    def _notice(self, codes: list[str]) -> w.HTML:
        if self.plan.comparison.chosen:
            return lean.html()
        if codes:
            return lean.html(
                message_html(
                    "No direction chosen yet: choose a direction in 03 first. Meanwhile you can "
                    "write objectives for an option on your shortlist.",
                    "warn",
                )
            )
        return lean.html(
            message_html(
                "Shortlist some occupations in 02 first, then choose a direction in 03.", "warn"
            )
        )

    def _layout(self) -> list[w.Widget]:
        tick = lean.html(message_html("Tick the gap skills you mean to acquire:"))
        contents = {
            "skills": [self.chart, tick, self.skills, self.own],
            "experience": [self.experience],
            "development": [self.role_5y, self.role_10y, self.ambitions],
            "employment": [self.stay, self.leave],
        }
        self.parts = {name: fold("", *contents[name], folded=False) for name in PARTS}
        return [
            self.direction,
            *self.parts.values(),
            self.message,
            self.saver.status,
            self.out,
        ]

    def _fold_written(self, objective: Objective) -> None:
        """Fold the parts written for the direction shown, open the others, say what is in."""
        written = parts_written(objective)
        for name, title in part_titles(objective).items():
            part = self.parts[name]
            retitle(part, title)
            part.selected_index = None if written[name] else 0

    def _wire(self) -> None:
        self.direction.observe(guarded(self.out)(lambda ch: self.show(ch["new"])), names="value")
        fields = {
            self.experience: "experience",
            self.role_5y: "role_5y",
            self.role_10y: "role_10y",
            self.ambitions: "ambitions",
            self.leave: "leave_when",
        }
        for widget, field in fields.items():
            widget.observe(
                guarded(self.out)(lambda ch, f=field: self._save(**{f: ch["new"]})), names="value"
            )
        self.own.observe(
            guarded(self.out)(lambda ch: self._save(own_skills=parse_skills(ch["new"]))),
            names="value",
        )
        self.stay.observe(
            guarded(self.out)(
                lambda ch: self._save(stay_years=None if ch["new"] < 0 else ch["new"])
            ),
            names="value",
        )

    def show(self, code: str) -> None:
        """Fill the widgets with the saved objective for ``code`` and draw its gap chart."""
        objective = self.plan.long_term.objectives.get(code, Objective())
        with quietly(self):
            self.experience.value = objective.experience
            self.role_5y.value, self.role_10y.value = objective.role_5y, objective.role_10y
            self.ambitions.value, self.leave.value = objective.ambitions, objective.leave_when
            self.own.value = "\n".join(objective.own_skills)
            stay = -1 if objective.stay_years is None else objective.stay_years
            if stay not in dict(STAY_OPTIONS).values():
                self.stay.options = [*STAY_OPTIONS, (f"{stay} years", stay)]
            self.stay.value = stay
            self._show_skills(code, objective)
        self.message.value = ""
        self._fold_written(objective)
        narrow = gap_chart(self.plan, self.catalog, code, narrow=True)  # for a phone
        show_figure(self.chart, gap_chart(self.plan, self.catalog, code), narrow)

    def _show_skills(self, code: str, objective: Objective) -> None:
        choices = skill_choices(self.plan, self.catalog, code)
        self.picks = [
            (
                s,
                lean.make(
                    w.Checkbox,
                    value=s in objective.skills_to_acquire,
                    description=s,
                    indent=False,
                    style=WIDE,
                ),
            )
            for s in choices
        ]
        for _, box in self.picks:
            box.observe(guarded(self.out)(self._picked), names="value")
        why = other_names_html(self.plan, self.catalog, code)
        self.skills.children = [
            *([lean.html(why)] if why else []),
            *(b for _, b in self.picks),
        ] or [lean.html(no_gap_html(self.plan, self.catalog, code))]

    def _picked(self, _change: dict) -> None:
        self._save(skills_to_acquire=[s for s, box in self.picks if box.value])

    def _save(self, **fields: Any) -> None:
        if self.quiet:
            return
        try:
            update_objective(self.plan, self.direction.value, **fields)
        except ObjectiveInputError as err:
            self.message.value = message_html(f"Not saved: {err}", "error")
            return
        self.message.value = ""
        objective = self.plan.long_term.objectives.get(self.direction.value, Objective())
        for name, title in part_titles(objective).items():
            retitle(self.parts[name], title)
        self.saver.request("long_term")
        plan_changed(self.plan, "long_term")


def other_names_html(plan: Plan, catalog: pd.DataFrame, code: str) -> str:
    """Why every O*NET skill reads as missing when the person's skills use other names."""
    if job_skills.for_plan(plan, catalog, code)[1] != "onet":
        return ""
    if not other_names_only(s.name for s in plan.dream_job.skills):
        return ""
    return message_html(
        f"{job_skills.OTHER_NAMES} with this job's: the gap below lists every skill it "
        f"needs as if you had none. To fix it, {job_skills.PICK_NAMES}.",
        "warn",
    )


def no_gap_html(plan: Plan, catalog: pd.DataFrame, code: str) -> str:
    """Why no gap skill is offered: none missing ("good") only when the skills are known."""
    needed, source = job_skills.for_plan(plan, catalog, code)
    if source == "none":
        where = (
            job_skills.NO_RATINGS if code in catalog.index else "This occupation has no skill list"
        )
        return message_html(
            f"{where}. List the skills you learn from job postings or people in the job in "
            "02 (question 1 of this option), or write the skills to build below.",
            "info",
        )
    whose = "O*NET's" if source == "onet" else "the"
    return message_html(
        f"No gap found: you list {whose} {len(needed)} skills this job needs at a solid level. "
        "Add more skills to build below.",
        "good",
    )


def objectives(plan: Plan, catalog: pd.DataFrame) -> ObjectivesPanel:
    """The long-term objectives panel for notebook 05."""
    return ObjectivesPanel(plan, catalog)


def roadmap(plan: Plan, catalog: pd.DataFrame, today: date | None = None) -> FollowingChart:
    """The roadmap chart; it follows the objectives panel's changes by itself."""
    return FollowingChart(
        plan,
        lambda: roadmap_chart(plan, catalog, today),
        narrow=lambda: roadmap_chart(plan, catalog, today, ROADMAP_PHONE),  # for a phone
    )


__all__ = ["ObjectivesPanel", "objectives", "roadmap"]
