"""Notebook 03 widgets: the comparison board, the state behind the weighted matrix's panels.

:func:`matrix` builds a :class:`CompareBoard`; the notebook shows its panels one per
cell (setup, weights, ratings, results, pay check, gut check, choice), each after a
few words of explanation. All state lives in ``plan.comparison``, changed by the step's
rules (``careerkit.steps.compare.comparison``); every change is saved as the person goes
and redraws the results. The panels are in ``careerkit.ui.compare_panels`` (handed what
they show and a callback per change, never this board), their words and tables in
``careerkit.report.compare_words``. As the step opens, what the person has done folds
under a bar saying what is inside, so their choice and the ranking show first.

Importing this module also registers notebook 03's coach cell magics (as
``%load_ext careerkit`` does), so a coach's notebook without that line keeps working.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import ipywidgets as w
import pandas as pd

from careerkit.catalog import COLUMNS, CatalogError
from careerkit.dates import long_date
from careerkit.plan import Option, Plan, PlanError
from careerkit.report.compare_words import (
    HOW_SCORED,
    HOW_SCORED_TITLE,
    PAY,
    data_notes,
    hourly_pay_notes,
    number,
    unrated_reason,
    weights_in_force,
    where_you_are,
)
from careerkit.steps.compare import coach_cells, formula, scoring
from careerkit.steps.compare import setup as compare_setup
from careerkit.steps.compare.comparison import Analysis, ComparisonEditor, analyse
from careerkit.steps.compare.scoring import ScoreFn, ScoringError
from careerkit.steps.job_skills import own_list_counts
from careerkit.ui import coach_cells as coach_cell_magics
from careerkit.ui.compare_panels import (
    BoardView,
    ChoicePanel,
    GutPanel,
    PayPanel,
    RatingsPanel,
    ResultsPanel,
    WeightsPanel,
)
from careerkit.ui.compare_stones import StonesPanel
from careerkit.ui.kit import buttons, lean
from careerkit.ui.kit.autosave import Saver
from careerkit.ui.kit.callbacks import guarded
from careerkit.ui.kit.fold import fold
from careerkit.ui.kit.messages import message_html
from careerkit.workbook import catalog_for, sample_plan

# %%careerkit_criteria and %%careerkit_formula for a coach's notebook 03 that has no
# "%load_ext careerkit" (registering twice is harmless).
coach_cell_magics.register()


def matrix(
    plan: Plan,
    catalog: pd.DataFrame | None = None,
    *,
    criteria: Mapping[str, Any] | None = None,
    labels: Mapping[str, Any] | None = None,
    score: ScoreFn | None = None,
    read_only: bool = False,
) -> CompareBoard:
    """The comparison board for the options left on ``plan``'s shortlist.

    ``criteria`` maps criterion ids to starting weights and ``labels`` names them (the
    notebook's editable cell); ``score(ratings, weights)`` is the scoring formula
    (default :func:`careerkit.steps.compare.scoring.weighted_average`). Mistakes in either are shown
    on the board in plain words instead of raising; so are the mistakes of the notebook's
    coach cells (``%%careerkit_criteria``, ``%%careerkit_formula``) these came from.

    A ``read_only`` board (any board of a plan without a file, such as
    :func:`careerkit.sample_plan`'s) shows everything, changes nothing and saves nothing.
    With nothing on the shortlist, the board offers a preview of the sample persona's.
    """
    cells = [note for value in (criteria, score) if (note := coach_cells.problem_of(value))]
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
            "(Explore your choices) first, then come back here.",
            lambda: preview(criteria=criteria, labels=labels, score=score),
        )
    notes = [(text, "error") for text in cells]
    notes += setup.notes
    if catalog is None:
        try:
            catalog = catalog_for(plan)
        except CatalogError as err:
            notes.append((f"The occupation catalog could not be loaded: {err}", "error"))
            catalog = pd.DataFrame(columns=[c for c in COLUMNS if c != "code"])
    read_only = read_only or not _has_file(plan)
    try:
        return CompareBoard(
            plan, catalog, setup, score or scoring.weighted_average, options, notes, read_only
        )
    except CatalogError as err:  # e.g. the skill ratings of a catalogue a broken file names
        return CompareBoard.blocked(" ".join([*(text for text, _ in notes), str(err)]))


def preview(
    *,
    criteria: Mapping[str, Any] | None = None,
    labels: Mapping[str, Any] | None = None,
    score: ScoreFn | None = None,
) -> CompareBoard:
    """The board of the sample persona (:func:`careerkit.sample_plan`) with these criteria
    and this formula, read-only: a coach sees how options are scored before a person has
    any to compare. Nothing is saved, and the person's plan is not touched."""
    return matrix(sample_plan(), criteria=criteria, labels=labels, score=score, read_only=True)


def _has_file(plan: Plan) -> bool:
    try:
        return bool(plan.path)
    except PlanError:  # e.g. careerkit.sample_plan()
        return False


PANELS = ("setup", "weights", "ratings", "results", "pay", "gut", "choice")
PREVIEW_NOTE = (
    "A preview on the sample persona, {name}: how the options are scored, with the "
    "criteria and scoring formula in use here. Nothing can be changed here and nothing "
    "is saved; your own plan is not touched."
)


class CompareBoard:
    """The weighted comparison of one plan's remaining options; panels show its parts.

    ``problem`` is set when there is nothing to compare yet or the criteria cannot be
    used: the first panel says so, once, and the others stay empty.
    """

    problem = ""
    read_only = False
    # A blocked board's preview of the sample persona (see blocked()):
    preview_button: w.Button
    preview_area: w.VBox
    preview_board: CompareBoard | None = None

    def __init__(
        self,
        plan: Plan,
        catalog: pd.DataFrame,
        setup: compare_setup.ScoringSetup,
        score: ScoreFn,
        options: Sequence[Option],
        notes: Sequence[tuple[str, str]] = (),
        read_only: bool = False,
    ) -> None:
        self.plan, self.setup, self.score, self.read_only = plan, setup, score, read_only
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
        self.use_starting = buttons.secondary(
            description=USE_STARTING.get(setup.source.split(" ")[0], USE_STARTING[""]),
            icon="undo",
            layout=w.Layout(width="max-content"),  # its own: shown when the weights differ
        )
        self.use_starting.on_click(guarded(self.errors)(lambda _: self.use_starting_weights()))
        # A returning person's choice and next step first; how options are scored and the
        # criteria in use under a fold (folded once weights are set); warnings stay out.
        self.where = lean.html()
        explained = lean.html(self._how_scored_html())
        self.how_scored = fold(HOW_SCORED_TITLE, explained, self.in_force, folded=False)
        self.setup_panel = lean.vbox(
            [
                self.where,
                self.how_scored,
                lean.html(self._notes_html(info=False)),  # warnings stay out of the fold
                self.use_starting,
                self.undo_note,
            ]
        )
        self.editor = ComparisonEditor(plan, self.criteria, self.codes)
        self.view = BoardView(
            criteria=tuple(self.criteria),
            names=self.names,
            data=self.data,
            label_style=self.label_style,
            habits=self.habits,
            status=self.saver.status,
            errors=self.errors,
            custom=frozenset(self.custom),
            own_skills=frozenset(self.own_skills),
            unrated=self.unrated,
        )
        comparison = plan.comparison
        self.weights = WeightsPanel(
            self.view, self.weights_now(), self.set_weight, self.reset_weights
        )
        self.rater = RatingsPanel(self.view, self.own(), self.set_rating)
        self.results = ResultsPanel(self.view)
        self.pay = PayPanel(self.labels)
        self.gut = GutPanel(self.view, self.set_gut)
        self.choice = ChoicePanel(self.view, comparison, self.set_choice, self.set_reason)
        self.stones = StonesPanel(plan, catalog)  # under the choice: the jobs on the way
        self.weights_panel, self.ratings_panel = self.weights.box, self.rater.box
        self.results_panel = self.results.box
        self.pay_panel, self.gut_panel, self.choice_panel = (
            self.pay.box,
            self.gut.box,
            lean.vbox([self.choice.box, self.stones.box]),
        )
        self.refresh()
        if not read_only:  # a preview shows the scoring whole: nothing in it is anyone's work
            self._fold_what_is_done()
        if read_only:
            for panel in PANELS:
                _freeze(getattr(self, f"{panel}_panel"))
            note = PREVIEW_NOTE.format(name=plan.profile.name or "a sample person")
            self.setup_panel.children = (
                lean.html(message_html(note, "info")),
                *self.setup_panel.children,
            )

    @classmethod
    def blocked(
        cls, message: str, preview: Callable[[], CompareBoard] | None = None
    ) -> CompareBoard:
        """A board that can only say what to do first: the first panel shows ``message``
        (the others are empty, so it is said once), with a button that shows the board
        ``preview`` makes below it (a coach's look at the scoring), if given."""
        board = cls.__new__(cls)
        board.problem, board.analysis = message, Analysis(problem=message)
        for panel in PANELS[1:]:
            setattr(board, f"{panel}_panel", lean.html())
        said = lean.html(message_html(message, "warn"))
        board.setup_panel = lean.vbox([said])
        if preview is not None:
            board.preview_button = lean.button(
                description="Preview the scoring on the sample persona",
                icon="eye",
                layout=w.Layout(width="max-content"),
            )
            board.preview_area, board.errors = lean.vbox(), lean.output()
            board.preview_button.on_click(
                guarded(board.errors)(lambda _: board.show_preview(preview()))
            )
            board.setup_panel.children = (
                said,
                board.preview_button,
                board.preview_area,
                board.errors,
            )
        return board

    @property
    def setup_html(self) -> str:
        """Everything the setup panel says, folded parts included, as one piece of HTML."""
        return _html_of(self.setup_panel)

    def show_preview(self, sample: CompareBoard) -> None:
        """Show ``sample``'s panels (read-only) under the button, one after the other."""
        self.preview_board = sample
        self.preview_area.children = [getattr(sample, f"{panel}_panel") for panel in PANELS]
        self.preview_button.layout.display = "none"

    # --- state, read from the plan ---

    def weights_now(self) -> pd.Series:
        """The person's weights, else the starting weights, by criterion."""
        return self.editor.weights()

    def own(self) -> pd.DataFrame:
        """Options x criteria: the person's own ratings and overrides (NaN: none)."""
        return self.editor.own().set_axis(self.data.index, axis=0)

    def ranking(self) -> pd.DataFrame:
        """The current scores and ranks, best first (empty when they cannot be computed)."""
        result = self.analysis.result
        if result is None:
            return pd.DataFrame(columns=["rank", "score"])
        table = pd.concat([result.ranks, result.scores], axis=1)
        return table.sort_values("rank", kind="stable", na_position="last")

    # --- changes, from the panels: the rules are the editor's, the redraw is ours ---

    def set_weight(self, criterion: str, value: float) -> None:
        """Save the weights in force, ``criterion`` at ``value``."""
        self.editor.set_weight(criterion, value)
        self.undo_note.value = ""
        self._changed()

    def reset_weights(self) -> None:
        """Back to the starting weights for the criteria in use (others' are kept)."""
        self.editor.reset_weights()
        self._changed()

    def use_starting_weights(self) -> None:
        """The "Use the workshop's weights" button: reset, and say what the weights were."""
        before = self.editor.reset_weights()
        self._changed()
        was = ", ".join(f"{self.labels[str(c)]} {number(v)}" for c, v in before.items())
        self.undo_note.value = message_html(
            f"Your own weights were: {was}. Move the sliders to set them again.", "info"
        )

    def set_rating(self, name: str, criterion: str, value: float | None) -> None:
        """The person's rating of option ``name`` (as shown) on ``criterion``."""
        self.editor.set_rating(self.code_of[name], criterion, value)
        self._changed()

    def set_gut(self, code: str, question: str, answer: str | None) -> None:
        self.editor.set_gut(code, question, answer)
        self._answered()

    def set_choice(self, chosen: list[str]) -> None:
        self.editor.choose(chosen)
        self._answered()
        self.stones.update()

    def set_reason(self, text: str) -> None:
        self.editor.set_reason(text)
        self._answered()

    def _changed(self) -> None:
        """Weights or ratings changed: save, rescore, redraw everything."""
        self._save()
        self.refresh()

    def _answered(self) -> None:
        """A gut answer or the choice changed: save; scores stay as they are."""
        self._save()
        self.gut.update(self.analysis, self.plan.comparison)
        self.choice.update(self.analysis, self.plan.comparison)
        self._where()

    def _save(self) -> None:
        if not self.read_only:  # a preview's changes (its widgets are disabled) are never saved
            self.saver.request("comparison")

    # --- results ---

    def refresh(self) -> None:
        """Recompute scores and what-if analyses, and redraw every panel."""
        sweep = PAY if PAY in self.ids else None
        self.analysis = analyse(self.weights_now(), self.own(), self.data, self.score, sweep)
        text, differ = weights_in_force(
            self.criteria, self.plan.comparison.weights, self.setup.source
        )
        self.in_force.value = text
        self.use_starting.layout.display = None if differ else "none"
        comparison = self.plan.comparison
        self.weights.update(self.analysis.weights)
        self.rater.update(self.analysis)
        self.results.update(self.analysis)
        self.pay.update(self.analysis)
        self.gut.update(self.analysis, comparison)
        self.choice.update(self.analysis, comparison)
        self._where()

    def _decided(self) -> bool:
        return any(code in self.names for code in self.plan.comparison.chosen)

    def _where(self) -> None:
        """Say what the person chose and what to do next (not in a preview: not theirs)."""
        comparison, result = self.plan.comparison, self.analysis.result
        ranks = {} if result is None else {str(k): float(v) for k, v in result.ranks.items()}
        decided = long_date(comparison.decided) if comparison.decided else ""
        text = where_you_are(comparison.chosen, self.names, ranks, decided)
        self.where.value = message_html(text, "good") if text and not self.read_only else ""

    def _fold_what_is_done(self) -> None:
        """As the step opens, fold what the person has done (issue 24 §1), so the page shows
        their choice, the ranking and what to do now first: the weights once set, the
        ratings once every option is rated, the gut check once answered, and, once a
        direction is chosen, the gut check, the heat map, the pay chart and how options are
        scored. A part not done yet stays open; every fold opens to show it as before."""
        comparison, decided = self.plan.comparison, self._decided()
        done = {
            self.how_scored: bool(comparison.weights) or decided,
            self.weights.fold: bool(comparison.weights),
            self.rater.fold: self.rater.all_rated(),
            self.gut.fold: decided or (self.gut.asked > 0 and self.gut.answered == self.gut.asked),
            self.results.heat_fold: decided,
            self.pay.sweep: decided,
        }
        for part, folded in done.items():
            if folded:
                part.selected_index = None

    def _how_scored_html(self) -> str:
        """How options are scored, the criteria and starting weights, and the board's notes."""
        source = self.setup.source
        weights = ", ".join(f"{html.escape(c.label)} {number(c.weight)}" for c in self.criteria)
        line = f"<b>Criteria and starting weights</b> ({html.escape(source)}): {weights}."
        return f"<p>{html.escape(HOW_SCORED)}</p>{line}{self._notes_html(info=True)}"

    def _notes_html(self, info: bool) -> str:
        """The board's notes that are information (``info``), or its warnings and errors."""
        return "".join(message_html(text, k) for text, k in self.notes if (k == "info") == info)


USE_STARTING = {
    "workshop": "Use the workshop's weights",
    "edited": "Use the coach's weights",
    "": "Use the starting weights",
}


def _html_of(widget: w.Widget) -> str:
    own = widget.value if isinstance(widget, w.HTML) else ""
    return own + "".join(_html_of(child) for child in getattr(widget, "children", ()))


def _freeze(widget: w.Widget) -> None:
    """Disable every control in ``widget`` and its children (a read-only board)."""
    if "disabled" in widget.trait_names():
        widget.disabled = True
    for child in getattr(widget, "children", ()):
        _freeze(child)


def _unique_names(options: Sequence[Option]) -> list[str]:
    titles = [o.title for o in options]
    return [
        t if titles.count(t) == 1 else f"{t} ({o.code})"
        for t, o in zip(titles, options, strict=True)
    ]
