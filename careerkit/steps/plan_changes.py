"""What changed between two versions of a plan, in words a person reads (step 07)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from careerkit.dates import long_date
from careerkit.plan import Action, Goal, Plan
from careerkit.steps.compare.criteria import ScoringError, label_for
from careerkit.steps.compare.setup import read_workshop
from careerkit.text import join_words, shorten
from careerkit.workshop import WorkshopError

#: An objective's fields as step 5 names them (the change list says these, not field ids).
OBJECTIVE_FIELDS = {
    "skills_to_acquire": "skills to acquire",
    "own_skills": "other skills to build",
    "role_5y": "where in 5 years",
    "role_10y": "where in 10 years",
    "stay_years": "how long you stay",
    "leave_when": "what would make you leave",
}


Kind = Literal["added", "changed", "completed", "dropped", "removed"]


@dataclass(frozen=True)
class Change:
    """One readable difference between two versions of a plan."""

    kind: Kind
    section: str
    text: str


def criterion_labels() -> dict[str, str]:
    """The names a workshop file gives its criteria; {} without one (or if it is broken:
    step 3 says what is wrong with it), so careerkit's own names are used."""
    try:
        return {c.id: c.label for c in read_workshop() or ()}
    except (ScoringError, WorkshopError):
        return {}


def plan_diff(old: Plan, new: Plan, labels: Mapping[str, str] | None = None) -> list[Change]:
    """What was added, changed, completed, dropped or removed from ``old`` to ``new``.

    ``labels`` names the decision criteria (else careerkit's names, e.g. "Work-life balance").
    """
    titles = {o.code: o.title for o in old.exploration.options + new.exploration.options}
    return [
        *_profile_diff(old, new),
        *_dream_diff(old, new),
        *_options_diff(old, new),
        *_comparison_diff(old, new, titles, labels or {}),
        *_goals_diff(old, new),
        *_long_term_diff(old, new, titles),
        *_actions_diff(old, new),
        *_reviews_diff(old, new),
    ]


def _text_change(section: str, what: str, old: str, new: str, when: date | None) -> list[Change]:
    """Added / rewritten / cleared for one free-text answer."""
    on = f" on {long_date(when)}" if when else ""
    if old == new:
        return []
    if not old:
        return [Change("added", section, f"{what} written{on}")]
    if not new:
        return [Change("removed", section, f"{what} cleared")]
    return [Change("changed", section, f"{what} rewritten{on}")]


def _quoted(text: str) -> str:
    """An answer as the change list shows it: “Dana”, or (empty)."""
    return f"“{text}”" if text else "(empty)"


def _profile_diff(old: Plan, new: Plan) -> list[Change]:
    a, b = old.profile, new.profile
    return [
        Change(
            "changed", "Profile", f"{label}: {_quoted(getattr(a, f))} → {_quoted(getattr(b, f))}"
        )
        for f, label in (("name", "Name"), ("coach", "Coach"), ("workshop", "Workshop"))
        if getattr(a, f) != getattr(b, f)
    ]


def _dream_diff(old: Plan, new: Plan) -> list[Change]:
    a, b, section = old.dream_job, new.dream_job, "Dream job"
    changes = _text_change(section, "Vision", a.vision, b.vision, b.vision_date)
    if a.reflections != b.reflections:
        changes.append(Change("changed", section, "Reflections edited"))
    if a.skills_use != b.skills_use:
        changes.append(Change("changed", section, "How your skills could serve: edited"))
    old_skills, new_skills = {s.name: s for s in a.skills}, {s.name: s for s in b.skills}
    changes += [Change("added", section, f"New skill: {n}") for n in new_skills.keys() - old_skills]
    changes += [
        Change("removed", section, f"Skill removed: {n}") for n in old_skills.keys() - new_skills
    ]
    changes += [
        Change("changed", section, f"Skill '{n}': level {old_skills[n].level} → {s.level}")
        for n, s in new_skills.items()
        if n in old_skills and old_skills[n].level != s.level
    ]
    if b.interests and b.interests != a.interests:
        before = f"{a.interests.code} → " if a.interests else ""
        taken = f"Interest profile taken on {long_date(b.interests.taken)}"
        kind: Kind = "changed" if a.interests else "added"
        changes.append(Change(kind, section, f"{taken}: {before}{b.interests.code}"))
    return changes


def _options_diff(old: Plan, new: Plan) -> list[Change]:
    section = "Shortlist"
    before = {o.code: o for o in old.exploration.options}
    after = {o.code: o for o in new.exploration.options}
    changes = [
        Change("removed", section, f"Option removed: {o.title}")
        for c, o in before.items()
        if c not in after
    ]
    for code, o in after.items():
        was = before.get(code)
        if o.dropped and (was is None or not was.dropped):
            prefix = "New option, already dropped" if was is None else "Option dropped"
            changes.append(Change("dropped", section, f"{prefix}: {o.title} ({o.drop_reason})"))
        elif was is None:
            changes.append(Change("added", section, f"New option: {o.title}"))
        elif was.dropped and not o.dropped:
            changes.append(Change("changed", section, f"Option back on the shortlist: {o.title}"))
        elif (was.answers, was.notes) != (o.answers, o.notes):
            changes.append(Change("changed", section, f"Research notes on '{o.title}' updated"))
    return changes


def _weight_change(name: str, old: float | None, new: float | None) -> str:
    """One criterion's weight from ``old`` to ``new`` (None: not set, as for a new criterion)."""
    if old is None:
        return f"{name} set to {new:g}"
    if new is None:
        return f"{name} no longer weighted (was {old:g})"
    return f"{name} {old:g} → {new:g}"


def _comparison_diff(
    old: Plan, new: Plan, titles: dict[str, str], labels: Mapping[str, str]
) -> list[Change]:
    a, b, section = old.comparison, new.comparison, "Comparison"
    changes: list[Change] = []
    if a.chosen != b.chosen:
        names = join_words(titles.get(c, c) for c in b.chosen) or "none"
        if a.chosen:
            was = join_words(titles.get(c, c) for c in a.chosen)
            changes.append(Change("changed", section, f"Chosen direction: {was} → {names}"))
        else:
            changes.append(Change("added", section, f"Chosen direction: {names}"))
    changes += _text_change(section, "Reason for the choice", a.reason, b.reason, b.decided)
    moved = [
        _weight_change(label_for(k, labels), a.weights.get(k), b.weights.get(k))
        for k in sorted(a.weights.keys() | b.weights.keys())
        if a.weights.get(k) != b.weights.get(k)
    ]
    if moved:
        changes.append(Change("changed", section, "Weights changed: " + ", ".join(moved)))
    return changes


def _goals_diff(old: Plan, new: Plan) -> list[Change]:
    section = "Short-term goals"
    changes = [
        Change("added", section, f"New area of growth: {area}")
        for area in new.short_term_goals.areas
        if area not in old.short_term_goals.areas
    ]
    before = {g.id: g for g in old.short_term_goals.goals}
    after = {g.id: g for g in new.short_term_goals.goals}
    changes += [
        Change("removed", section, f"Goal removed: '{shorten(g.text)}'")
        for i, g in before.items()
        if i not in after
    ]
    for goal_id, g in after.items():
        was = before.get(goal_id)
        changes += _goal_changes(was, g) if was else [_new_goal(g)]
    return changes


def _new_goal(g: Goal) -> Change:
    due = f", due {long_date(g.due)}" if g.due else ""
    return Change("added", "Short-term goals", f"New goal: '{shorten(g.text)}' ({g.area}{due})")


def _goal_changes(was: Goal, g: Goal) -> list[Change]:
    section, name = "Short-term goals", f"Goal '{shorten(g.text)}'"
    changes = []
    if was.text != g.text:
        changes.append(
            Change("changed", section, f"Goal '{shorten(was.text)}' reworded: '{shorten(g.text)}'")
        )
    if was.status != g.status:
        kinds: dict[str, Kind] = {"done": "completed", "dropped": "dropped"}
        kind = kinds.get(g.status, "changed")
        why = f" ({g.drop_reason})" if g.status == "dropped" else ""
        changes.append(Change(kind, section, f"{name}: status {was.status} → {g.status}{why}"))
    elif was.percent != g.percent:
        changes.append(Change("changed", section, f"{name}: {was.percent}% → {g.percent}% done"))
    if was.due != g.due:
        dates = [long_date(d) if d else "no date" for d in (was.due, g.due)]
        changes.append(Change("changed", section, f"{name}: due date {dates[0]} → {dates[1]}"))
    if was.measure != g.measure:
        changes.append(
            Change("changed", section, f"{name}: measure '{was.measure}' → '{g.measure}'")
        )
    return changes


def _long_term_diff(old: Plan, new: Plan, titles: dict[str, str]) -> list[Change]:
    section = "Long-term objectives"
    a, b = old.long_term.objectives, new.long_term.objectives
    changes = [
        Change("removed", section, f"Objective removed: {titles.get(c, c)}") for c in a.keys() - b
    ]
    for code, objective in b.items():
        if code not in a:
            changes.append(Change("added", section, f"New objective: {titles.get(code, code)}"))
        elif a[code] != objective:
            fields = [
                OBJECTIVE_FIELDS.get(f, f.replace("_", " "))
                for f in type(objective).model_fields
                if getattr(a[code], f) != getattr(objective, f)
            ]
            changes.append(
                Change(
                    "changed",
                    section,
                    f"Objective for {titles.get(code, code)}: {', '.join(fields)} updated",
                )
            )
    goal_a, goal_b = old.long_term.career_goal, new.long_term.career_goal
    changes += _text_change(
        section, "Interview answer (five years)", goal_a.interview, goal_b.interview, None
    )
    changes += _text_change(section, "Résumé objective", goal_a.objective, goal_b.objective, None)
    return changes


def _actions_diff(old: Plan, new: Plan) -> list[Change]:
    section = "Action plan"
    goals = {
        g.id: shorten(g.text, 40) for g in old.short_term_goals.goals + new.short_term_goals.goals
    }
    a, b = old.action_plan, new.action_plan
    changes = []
    if a.review_every_months != b.review_every_months:
        changes.append(
            Change(
                "changed",
                section,
                f"Review every {a.review_every_months} → {b.review_every_months} months",
            )
        )
    for goal_id in sorted(a.items.keys() | b.items.keys()):
        was, now = a.items.get(goal_id), b.items.get(goal_id)
        name = goals.get(goal_id, goal_id)
        if (
            was
            and now
            and (was.people, was.tools, was.programs) != (now.people, now.tools, now.programs)
        ):
            changes.append(Change("changed", section, f"Resources for '{name}' updated"))
        changes += _action_changes(was.actions if was else [], now.actions if now else [], name)
    return changes


def _action_changes(before: list[Action], after: list[Action], goal: str) -> list[Change]:
    """Actions are matched by their id, so a reworded action is one change, not two."""
    section = "Action plan"
    old = {x.id: x for x in before}
    changes = [
        Change("removed", section, f"Action removed: {x.text} ('{goal}')")
        for x in before
        if x.id not in {a.id for a in after}
    ]
    for action in after:
        was = old.get(action.id)
        text, due = action.text, f", due {long_date(action.due)}" if action.due else ""
        if was is None:
            changes.append(Change("added", section, f"New action: {text} ('{goal}'{due})"))
            continue
        if was.text != text:
            changes.append(
                Change("changed", section, f"Action reworded: {was.text} → {text} ('{goal}')")
            )
        if action.done and not was.done:
            changes.append(Change("completed", section, f"Action done: {text} ('{goal}')"))
        elif was.done and not action.done:
            changes.append(Change("changed", section, f"Action reopened: {text} ('{goal}')"))
        elif was.due != action.due:
            changes.append(Change("changed", section, f"Action moved: {text} ('{goal}'{due})"))
    return changes


def _reviews_diff(old: Plan, new: Plan) -> list[Change]:
    seen = {r.reviewed for r in old.reviews}
    changes = [
        Change("added", "Reviews", f"Review written on {long_date(r.reviewed)}")
        for r in new.reviews
        if r.reviewed not in seen
    ]
    before = {r.reviewed: r for r in old.reviews}
    changes += [
        Change("changed", "Reviews", f"Review of {long_date(r.reviewed)} edited")
        for r in new.reviews
        if r.reviewed in before and before[r.reviewed] != r
    ]
    return changes
