"""Notebook 03 widgets: the comparison board, the state behind the weighted matrix's panels.

:func:`matrix` builds a :class:`CompareBoard`; the notebook shows its panels one per
cell (setup, weights, ratings, results, pay check, gut check, choice), each after a
few words of explanation. All state lives in ``plan.comparison``; every change is
saved as the person goes and redraws the results. The panels are in
``careerkit.ui.compare_panels``, their words and tables in ``careerkit.report.compare_words``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as w
import pandas as pd

from careerkit.catalog import COLUMNS, CatalogError
from careerkit.catalog.local_pay import catalog_for
from careerkit.plan import Gut, Option, Plan
from careerkit.report.compare_words import (
    PAY,
    data_notes,
    hourly_pay_notes,
    number,
    unrated_reason,
    weights_in_force,
)
from careerkit.steps.compare import choice, formula, scoring
from careerkit.steps.compare import setup as compare_setup
from careerkit.steps.compare.scoring import Flip, Result, ScoreFn, ScoringError
from careerkit.steps.job_skills import own_list_counts
from careerkit.ui import coach_cells
from careerkit.ui.compare_panels import (
    ChoicePanel,
    GutPanel,
    PayPanel,
    RatingsPanel,
    ResultsPanel,
    WeightsPanel,
)
from careerkit.ui.kit import lean
from careerkit.ui.kit.autosave import Saver
from careerkit.ui.kit.callbacks import guarded
from careerkit.ui.kit.messages import message_html

coach_cells.register()  # %%careerkit_criteria and %%careerkit_formula, for notebook 03


@dataclass(frozen=True)
class Analysis:
    """One consistent snapshot of the comparison: inputs, scores and what-if results."""

    weights: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))
    own: pd.DataFrame = field(default_factory=pd.DataFrame)  # the person's ratings (NaN: none)
    ratings: pd.DataFrame = field(default_factory=pd.DataFrame)  # own, else the data values
    result: Result | None = None
    sweep: pd.DataFrame | None = None
    flip: Flip | None = None
    problem: str = ""  # the scores cannot be computed
    whatif_problem: str = ""  # the scores can, the what-if analyses cannot


def matrix(
    plan: Plan,
    catalog: pd.DataFrame | None = None,
    *,
    criteria: Mapping[str, Any] | None = None,
    labels: Mapping[str, Any] | None = None,
    score: ScoreFn | None = None,
) -> CompareBoard:
    """The comparison board for the options left on ``plan``'s shortlist.

    ``criteria`` maps criterion ids to starting weights and ``labels`` names them (the
    notebook's editable cell); ``score(ratings, weights)`` is the scoring formula
    (default :func:`careerkit.steps.compare.scoring.weighted_average`). Mistakes in either are shown
    on the board in plain words instead of raising; so are the mistakes of the notebook's
    coach cells (``%%careerkit_criteria``, ``%%careerkit_formula``) these came from.
    """
    cells = coach_cells.notes_for(criteria, score)
    try:
        setup = compare_setup.scoring_setup(criteria, labels)
    except ScoringError as err:
        return CompareBoard.blocked(" ".join([*cells, str(err)]))
    options = [o for o in plan.exploration.options if not o.dropped]
    if not options:
        if plan.exploration.options:
            return CompareBoard.blocked(
                "Every option on your shortlist is dropped. Bring one back, or shortlist "
                "more occupations, in 02 (Explore your choices) first."
            )
        return CompareBoard.blocked(
            "There is nothing to compare yet: shortlist some occupations in 02 "
            "(Explore your choices) first, then come back here."
        )
    notes = [(text, "error") for text in cells]
    notes += setup.notes
    if catalog is None:
        try:
            catalog = catalog_for(plan)
        except CatalogError as err:
            notes.append((f"The occupation catalog could not be loaded: {err}", "error"))
            catalog = pd.DataFrame(columns=[c for c in COLUMNS if c != "code"])
    try:
        return CompareBoard(plan, catalog, setup, score or scoring.weighted_average, options, notes)
    except CatalogError as err:  # e.g. the skill ratings of a catalogue a broken file names
        return CompareBoard.blocked(" ".join([*(text for text, _ in notes), str(err)]))


class CompareBoard:
    """The weighted comparison of one plan's remaining options; panels show its parts.

    ``problem`` is set (and every panel shows it) when there is nothing to compare yet
    or the criteria cannot be used.
    """

    problem = ""

    def __init__(
        self,
        plan: Plan,
        catalog: pd.DataFrame,
        setup: compare_setup.ScoringSetup,
        score: ScoreFn,
        options: Sequence[Option],
        notes: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.plan, self.setup, self.score = plan, setup, score
        self.criteria = setup.criteria
        self.labels = {c.id: c.label for c in self.criteria}
        # One label width for every slider, so that the sliders line up.
        longest = max(len(c.label) for c in self.criteria)
        self.label_style = {"description_width": f"{min(longest, 40) * 0.6 + 1:.1f}em"}
        self.ids = [c.id for c in self.criteria]
        self.codes = [o.code for o in options]
        self.names = dict(zip(self.codes, _unique_names(options), strict=True))
        self.code_of = {name: code for code, name in self.names.items()}
        profile = plan.dream_job
        interests = profile.interests.scores if profile.interests else None
        skills = [s.name for s in profile.skills]
        data = scoring.data_ratings(options, catalog, interests, skills)
        self.data = data.reindex(columns=self.ids).rename(index=self.names)
        self.custom = {self.names[o.code] for o in options if o.custom}
        missing = [
            self.names[o.code] for o in options if not o.custom and o.code not in catalog.index
        ]
        self.notes = [*notes, *data_notes(self.ids, interests, skills, options, missing, catalog)]
        if "pay" in self.ids:  # BLS's hourly-only medians: pay not rated (scoring.hourly_only)
            self.notes += hourly_pay_notes(
                [self.names[c] for c in scoring.hourly_only(options, catalog)]
            )
        #: (option name, criterion) -> why its data value is missing, and what to do.
        self.unrated = {
            (self.names[o.code], cid): reason
            for o in options
            for cid in self.ids
            if (reason := unrated_reason(cid, o, catalog, skills)) is not None
        }
        #: Options whose skills match comes from the skills the person listed for them.
        self.own_skills = {self.names[o.code] for o in options if own_list_counts(catalog, o)}
        self.habits = formula.habits(score, self.ids)
        self.saver = Saver(plan)
        self.errors = lean.output()
        self.analysis = Analysis()
        self.in_force, self.undo_note = lean.html(), lean.html()
        self.use_starting = lean.button(
            description=USE_STARTING.get(setup.source.split(" ")[0], USE_STARTING[""]),
            icon="undo",
            layout=w.Layout(width="max-content"),  # its own: shown when the weights differ
        )
        self.use_starting.on_click(guarded(self.errors)(lambda _: self.use_starting_weights()))
        self.setup_panel = lean.vbox(
            [lean.html(self._setup_html()), self.in_force, self.use_starting, self.undo_note]
        )
        self.weights = WeightsPanel(self)
        self.rater = RatingsPanel(self)
        self.results = ResultsPanel()
        self.pay = PayPanel()
        self.gut = GutPanel(self)
        self.choice = ChoicePanel(self)
        self.weights_panel, self.ratings_panel = self.weights.box, self.rater.box
        self.results_panel = self.results.box
        self.pay_panel, self.gut_panel, self.choice_panel = (
            self.pay.box,
            self.gut.box,
            self.choice.box,
        )
        self.refresh()

    @classmethod
    def blocked(cls, message: str) -> CompareBoard:
        """A board that can only say what to do first (every panel shows ``message``)."""
        board = cls.__new__(cls)
        board.problem, board.analysis = message, Analysis(problem=message)
        for panel in ("setup", "weights", "ratings", "results", "pay", "gut", "choice"):
            setattr(board, f"{panel}_panel", lean.html(message_html(message, "warn")))
        return board

    # --- state, read from the plan ---

    def weights_now(self) -> pd.Series:
        """The person's weights, else the starting weights, by criterion."""
        saved = self.plan.comparison.weights
        return pd.Series({c.id: float(saved.get(c.id, c.weight)) for c in self.criteria})

    def own(self) -> pd.DataFrame:
        """Options x criteria: the person's own ratings and overrides (NaN: none)."""
        table = scoring.own_ratings(self.plan.comparison.ratings, self.codes, self.ids)
        return table.set_axis(self.data.index, axis=0)

    def ranking(self) -> pd.DataFrame:
        """The current scores and ranks, best first (empty when they cannot be computed)."""
        result = self.analysis.result
        if result is None:
            return pd.DataFrame(columns=["rank", "score"])
        table = pd.concat([result.ranks, result.scores], axis=1)
        return table.sort_values("rank", kind="stable", na_position="last")

    # --- changes, from the panels ---

    def set_weight(self, criterion: str, value: float) -> None:
        """Save the weights in force, ``criterion`` at ``value``; the saved weights of
        criteria not in use now (a coach removed them) are kept for when they come back."""
        weights = self.weights_now()
        weights[criterion] = value
        self.plan.comparison.weights = {**self.plan.comparison.weights, **weights.to_dict()}
        self.undo_note.value = ""
        self._changed()

    def reset_weights(self) -> None:
        """Back to the starting weights for the criteria in use (others' are kept)."""
        saved = self.plan.comparison.weights
        self.plan.comparison.weights = {k: v for k, v in saved.items() if k not in self.ids}
        self._changed()

    def use_starting_weights(self) -> None:
        """The "Use the workshop's weights" button: reset, and say what the weights were."""
        before = self.weights_now()
        self.reset_weights()
        was = ", ".join(f"{self.labels[c]} {number(v)}" for c, v in before.items())
        self.undo_note.value = message_html(
            f"Your own weights were: {was}. Move the sliders to set them again.", "info"
        )

    def set_rating(self, name: str, criterion: str, value: float | None) -> None:
        saved = self.plan.comparison.ratings
        code = self.code_of[name]
        if value is None:
            saved.get(code, {}).pop(criterion, None)
            if not saved.get(code, True):
                del saved[code]
        else:
            saved.setdefault(code, {})[criterion] = float(value)
        self._changed()

    def set_gut(self, code: str, question: str, answer: str | None) -> None:
        answers = self.plan.comparison.gut.get(code) or Gut()
        self.plan.comparison.gut[code] = answers.model_copy(update={question: answer})
        self._answered()

    def set_choice(self, chosen: list[str]) -> None:
        choice.choose(self.plan.comparison, chosen)
        self._answered()

    def set_reason(self, text: str) -> None:
        self.plan.comparison.reason = text
        self._answered()

    def _changed(self) -> None:
        """Weights or ratings changed: save, rescore, redraw everything."""
        self.saver.request("comparison")
        self.refresh()

    def _answered(self) -> None:
        """A gut answer or the choice changed: save; scores stay as they are."""
        self.saver.request("comparison")
        self.gut.update(self)
        self.choice.update(self)

    # --- results ---

    def refresh(self) -> None:
        """Recompute scores and what-if analyses, and redraw every panel."""
        self.analysis = self._analyse()
        text, differ = weights_in_force(
            self.criteria, self.plan.comparison.weights, self.setup.source
        )
        self.in_force.value = text
        self.use_starting.layout.display = None if differ else "none"
        self.weights.update(self.analysis.weights)
        self.results.update(self)
        self.pay.update(self)
        self.gut.update(self)
        self.choice.update(self)

    def _analyse(self) -> Analysis:
        weights, own = self.weights_now(), self.own()
        ratings = own.where(own.notna(), self.data)
        inputs = {"weights": weights, "own": own, "ratings": ratings}
        try:
            result = scoring.score_options(ratings, weights, self.score)
        except ScoringError as err:
            return Analysis(**inputs, problem=str(err))
        try:
            sweep, flip = scoring.what_if(
                ratings, weights, PAY if PAY in self.ids else None, self.score, result.scores
            )
        except ScoringError as err:
            return Analysis(**inputs, result=result, whatif_problem=str(err))
        return Analysis(**inputs, result=result, sweep=sweep, flip=flip)

    def _setup_html(self) -> str:
        source = self.setup.source
        weights = ", ".join(f"{html.escape(c.label)} {number(c.weight)}" for c in self.criteria)
        line = f"<b>Criteria and starting weights</b> ({html.escape(source)}): {weights}."
        return line + "".join(message_html(text, kind) for text, kind in self.notes)


USE_STARTING = {
    "workshop": "Use the workshop's weights",
    "edited": "Use the coach's weights",
    "": "Use the starting weights",
}


def _unique_names(options: Sequence[Option]) -> list[str]:
    titles = [o.title for o in options]
    return [
        t if titles.count(t) == 1 else f"{t} ({o.code})"
        for t, o in zip(titles, options, strict=True)
    ]
