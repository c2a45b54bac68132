"""Notebook 03 widgets: the comparison board's panels (weights, ratings, results, pay, gut, choice).

Each panel is handed what it shows (a :class:`BoardView` of the options and criteria,
the comparison's values) and a callback per change the person can make; it redraws in
``update(...)`` from the latest :class:`~careerkit.steps.compare.comparison.Analysis`.
The board that builds them (``careerkit.ui.compare``) applies the changes by the step's
rules and rescores; the panels never see it.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

import ipywidgets as w
import numpy as np
import pandas as pd

from careerkit import palette
from careerkit.dates import long_date
from careerkit.plan import Comparison, Gut
from careerkit.report.charts import SweepChart
from careerkit.report.compare_words import (
    ACROSS_ROWS,
    FEELS_RIGHT,
    GUT_QUESTIONS,
    HEATMAP_TITLE,
    IGNORES_WEIGHTS,
    PAY,
    SHARE,
    SWEEP_TITLE,
    choice_messages,
    flip_message,
    gut_difference,
    gut_messages,
    gut_title,
    heatmap_html,
    number,
    ordinal,
    pay_message,
    percent_shares,
    ranking_html,
    ratings_done,
    ratings_title,
    sweep_summary,
    weights_title,
)
from careerkit.steps.compare import scoring
from careerkit.steps.compare.comparison import ANSWERS, Analysis, ComparisonError
from careerkit.steps.compare.criteria import Criterion
from careerkit.steps.compare.formula import Habits
from careerkit.ui.kit import buttons, lean
from careerkit.ui.kit.a11y import Chart
from careerkit.ui.kit.callbacks import guarded, quietly
from careerkit.ui.kit.fields import WIDE, choices, choices_style, text_area
from careerkit.ui.kit.fold import fold, retitle
from careerkit.ui.kit.messages import message_html

NOT_RATED = -1.0  # slider position for "no rating of my own"
#: A rating slider at "not rated" with no data value: its handle must not look like a
#: rating of 0 (it sits at the left end). Hollow, dashed and faint, with the readout in
#: italics; the handle keeps its name and value text ("not rated") for screen readers.
UNRATED_CLASS = "careerkit-not-rated"
#: Said above the ratings when 'Feels right' is a criterion, not to be taken for the gut check.
FEELS_RIGHT_HINT = (
    "'{label}' is a rating like the others: it counts in the score. The gut check after "
    "the results asks again how an option feels, and counts for nothing."
)
UNRATED_CSS = f"""<style>
.{UNRATED_CLASS} .noUi-handle {{
  background: transparent !important; border: 2px dashed {palette.GREY} !important; opacity: 0.6;
}}
.{UNRATED_CLASS} .widget-readout {{ font-style: italic; color: {palette.DARK_GREY}; }}
</style>"""
RATING_STEPS = np.arange(0, 10.25, 0.5)
SLIDER_WIDTH = "460px"
FULL = {"width": "95%"}  # a shared layout (careerkit.ui.kit.lean)
GUT_TOP = 3  # the gut check asks about this many top options


@dataclass(frozen=True)
class BoardView:
    """What the panels of one board show that stays fixed while the board lives."""

    criteria: tuple[Criterion, ...]
    names: dict[str, str]  # option code -> the name shown (unique)
    data: pd.DataFrame  # names x criterion ids: the data values (NaN: none)
    label_style: dict[str, str]  # one label width, so that the sliders line up
    habits: Habits  # of the scoring formula
    status: w.Widget  # the saver's status line
    errors: w.Output  # where a callback's unexpected error is shown
    custom: frozenset[str] = frozenset()  # the person's own occupations (names)
    own_skills: frozenset[str] = frozenset()  # skills match from the person's list (names)
    #: (option name, criterion) -> why its data value is missing, and what to do.
    unrated: Mapping[tuple[str, str], str] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.criteria]

    @property
    def labels(self) -> dict[str, str]:
        return {c.id: c.label for c in self.criteria}

    @property
    def code_of(self) -> dict[str, str]:
        return {name: code for code, name in self.names.items()}

    def guarded(self, handler: Callable[..., Any]) -> Callable[..., Any]:
        """``handler`` with any unexpected error shown in ``errors``, never lost."""
        return guarded(self.errors)(handler)


class WeightsPanel:
    """One slider per criterion (0-5), the normalised weights, and a reset button."""

    def __init__(
        self,
        view: BoardView,
        weights: pd.Series,
        on_weight: Callable[[str, float], None],
        on_reset: Callable[[], None],
    ) -> None:
        self.view, self.on_weight, self.quiet = view, on_weight, False
        self.sliders = {
            c.id: lean.make(
                w.FloatSlider,
                value=weights[c.id],
                min=0,
                max=scoring.WEIGHT_MAX,
                step=0.5,
                description=c.label,
                readout_format=".1f",
                style=view.label_style,
                layout={"width": SLIDER_WIDTH},
            )
            for c in view.criteria
        }
        self.shares = {cid: lean.html() for cid in self.sliders}
        self.message = lean.html()
        self.reset = buttons.secondary(
            description="Back to the starting weights",
            icon="undo",
            layout={"width": "max-content"},
        )
        rows = [lean.hbox([self.sliders[cid], self.shares[cid]]) for cid in self.sliders]
        # Folded by the board once the person has set them (issue 24 §1); a warning stays out.
        self.fold = fold(weights_title(weights, view.labels), *rows, self.reset, folded=False)
        self.box = lean.vbox([self.fold, self.message, view.status, view.errors])
        for cid, slider in self.sliders.items():
            slider.observe(view.guarded(self._moved(cid)), names="value")
        self.reset.on_click(view.guarded(lambda _: on_reset()))

    def _moved(self, cid: str) -> Callable[[dict], None]:
        def handler(change: dict) -> None:
            if not self.quiet:
                self.on_weight(cid, change["new"])

        return handler

    def update(self, weights: pd.Series) -> None:
        total = weights.sum()
        shares = percent_shares(weights)  # whole percent, adding up to 100
        ignored = self.view.habits.ignores_weights
        with quietly(self):
            for cid, slider in self.sliders.items():
                slider.value = weights[cid]
                self.shares[cid].value = "" if ignored else SHARE.format(int(shares[cid]))
        retitle(self.fold, weights_title(weights, self.view.labels))
        zero = "All the weights are 0, so nothing counts: move at least one above 0."
        if ignored:
            self.message.value = message_html(IGNORES_WEIGHTS, "warn")
        else:
            self.message.value = message_html(zero, "warn") if total == 0 else ""


RatingFn = Callable[[str, str, float | None], None]  # (option name, criterion, rating or None)


class RatingsPanel:
    """Pick an option, then rate it 0-10 on each criterion (or keep the data value)."""

    def __init__(self, view: BoardView, own: pd.DataFrame, on_rating: RatingFn) -> None:
        self.view, self.own, self.on_rating = view, own, on_rating
        names = list(view.names.values())
        self.picker = lean.make(
            w.Dropdown,
            options=names,
            value=names[0],
            description="Option to rate",
            style=WIDE,
        )
        self.rows: dict[str, dict[str, RatingRow]] = {}  # option -> criterion -> row
        self.sheet = lean.vbox([self._sheet(names[0])])
        style = lean.html(UNRATED_CSS, layout={"display": "none"})
        labels = view.labels
        hint = FEELS_RIGHT_HINT.format(label=labels[FEELS_RIGHT]) if FEELS_RIGHT in labels else ""
        self.note = lean.html(
            f"<span style='color:{palette.DARK_GREY}'>{html.escape(hint)}</span>" if hint else ""
        )
        # Folded by the board once every option is rated (issue 24 §1).
        title = ratings_title(own, view.data, view.criteria)
        self.fold = fold(title, self.picker, self.note, self.sheet, folded=False)
        self.box = lean.vbox([style, self.fold, view.status, view.errors])
        self.picker.observe(view.guarded(self._picked), names="value")

    def update(self, analysis: Analysis) -> None:
        """Keep the latest own ratings: rows made from now on start from them."""
        self.own = analysis.own
        retitle(self.fold, ratings_title(self.own, self.view.data, self.view.criteria))

    def all_rated(self) -> bool:
        """Whether every option is rated on every criterion that is the person's to rate."""
        return ratings_done(self.own, self.view.data, self.view.criteria) == len(self.own)

    def row(self, name: str, criterion: str) -> RatingRow:
        """The rating row of one option on one criterion."""
        if name not in self.rows:
            self.rows[name] = {
                c.id: RatingRow(
                    self.view, name, c, cast(float, self.own.at[name, c.id]), self.on_rating
                )
                for c in self.view.criteria
            }
        return self.rows[name][criterion]

    def _picked(self, change: dict) -> None:
        self.sheet.children = [self._sheet(change["new"])]

    def _sheet(self, name: str) -> w.VBox:
        return lean.vbox([self.row(name, cid).box for cid in self.view.ids])


class RatingRow:
    """One option's rating on one criterion. The slider's stops are 0 to 10 in halves; the
    "none of mine" stop sits where the data value is ("data 7.1", between 7 and 7.5), so the
    handle starts at the data value and an own rating starts from it. Without data that
    stop is the first one ("not rated")."""

    def __init__(
        self, view: BoardView, name: str, criterion: Criterion, own: float, on_rating: RatingFn
    ) -> None:
        self.view, self.name, self.criterion, self.on_rating = view, name, criterion, on_rating
        self.data_value = cast(float, view.data.at[name, criterion.id])  # a number; NaN: no data
        options = rating_stops(self.data_value)
        start = NOT_RATED
        if not np.isnan(own):
            nearest = float(RATING_STEPS[np.abs(RATING_STEPS - own).argmin()])
            start = nearest if any(value == nearest for _, value in options) else NOT_RATED
        self.slider = lean.make(
            w.SelectionSlider,
            options=options,
            value=start,
            description=criterion.label,
            style=view.label_style,
            layout={"width": SLIDER_WIDTH},
            tooltip=f"{criterion.label}: your rating of {name}",  # the handle's name
        )
        self.status = lean.html()
        back = "Use the data value" if not np.isnan(self.data_value) else "Clear my rating"
        self.back = buttons.secondary(description=back, layout=w.Layout(width="auto"))  # it hides
        self.box = lean.hbox([self.slider, self.status, self.back])
        self.slider.observe(view.guarded(self._moved), names="value")
        self.back.on_click(view.guarded(self._back))
        self._show(None if np.isnan(own) else own)

    def _moved(self, change: dict) -> None:
        value = None if change["new"] == NOT_RATED else change["new"]
        self.on_rating(self.name, self.criterion.id, value)
        self._show(value)

    def _back(self, _: Any) -> None:
        self.slider.value = NOT_RATED

    def _source(self) -> str:
        """Where the data value comes from, in the person's words."""
        if self.criterion.id == "skills_match" and self.name in self.view.own_skills:
            return "from the skills you listed"
        if self.name in self.view.custom:
            return "from the wage you entered"
        return "from the data"

    def _show(self, own: float | None) -> None:
        has_data = not np.isnan(self.data_value)
        if own is None and not has_data:
            self.slider.add_class(UNRATED_CLASS)
        else:
            self.slider.remove_class(UNRATED_CLASS)
        if own is not None:
            text = (
                f"your rating (the data says {self.data_value:.1f})" if has_data else "your rating"
            )
        elif has_data:
            text = self._source()
        elif (self.name, self.criterion.id) in self.view.unrated:
            text = self.view.unrated[(self.name, self.criterion.id)]
        elif self.criterion.from_data:
            text = "no data: rate it yourself, or leave it out"
        else:
            text = "not rated: left out of this option's score"
        self.status.value = f"<span style='color:{palette.DARK_GREY}'>{html.escape(text)}</span>"
        self.back.layout.display = None if own is not None else "none"


def rating_stops(data: float) -> list[tuple[str, float]]:
    """A rating slider's stops in order, as (label, value): 0 to 10 in halves, and the
    "none of mine" stop (value NOT_RATED) at the data value, else first."""
    steps = [(number(x), float(x)) for x in RATING_STEPS]
    if np.isnan(data):
        return [("not rated", NOT_RATED), *steps]
    below = [stop for stop in steps if stop[1] < data - 1e-9]
    above = [stop for stop in steps if stop[1] > data + 1e-9]
    return [*below, (f"data {data:.1f}", NOT_RATED), *above]


class ResultsPanel:
    """The ranking with stacked bars, and the heat map of the ratings."""

    def __init__(self, view: BoardView) -> None:
        self.view = view
        self.message, self.ranking, self.heatmap = lean.html(), lean.html(), lean.html()
        self.heat_fold = fold(HEATMAP_TITLE, self.heatmap, folded=False)  # folded once decided
        self.box = lean.vbox([self.message, self.ranking, self.heat_fold])  # each with its caption

    def update(self, analysis: Analysis) -> None:
        own, ratings = analysis.own, analysis.ratings
        if analysis.result is None:
            self.message.value = message_html(analysis.problem, "error")
            self.ranking.value = ""
        else:
            habits = self.view.habits
            self.message.value = "".join(
                message_html(text, "warn")
                for text, shown in (
                    (ACROSS_ROWS, habits.across_rows),
                    (IGNORES_WEIGHTS, habits.ignores_weights),
                )
                if shown
            )
            self.ranking.value = ranking_html(analysis.result, self.view.criteria)
            order = analysis.result.ranks.sort_values(kind="stable", na_position="last").index
            own, ratings = own.loc[order], ratings.loc[order]
        self.heatmap.value = heatmap_html(
            ratings, self.view.data.loc[ratings.index], own, self.view.criteria
        )


class PayPanel:
    """Is pay the decider? The pay flag, the sweep chart, and the flip of the top two."""

    def __init__(self, labels: Mapping[str, str]) -> None:
        self.labels = labels  # criterion id -> its name
        self.flag, self.summary, self.flip = lean.html(), lean.html(), lean.html()
        self.chart = Chart(  # an Image with a text alternative
            alt="Chart: how the scores change with one weight", layout=w.Layout(max_width="100%")
        )
        self.drawer: SweepChart | None = None
        # The chart and what it shows, folded once decided; hidden when there is no chart.
        title = SWEEP_TITLE.format(label=labels.get(PAY, PAY))
        self.sweep = fold(title, self.chart, self.summary, folded=False, hides=True)
        self.box = lean.vbox([self.flag, self.flip, self.sweep])

    def update(self, analysis: Analysis) -> None:
        result, sweep = analysis.result, analysis.sweep
        if result is None or analysis.whatif_problem:
            self.flag.value = message_html(analysis.problem or analysis.whatif_problem, "error")
            self.summary.value = self.flip.value = ""
            self.sweep.layout.display = "none"
            return
        text, kind = pay_message(result, analysis.weights, sweep)
        self.flag.value = message_html(text, kind)
        self.flip.value = message_html(flip_message(analysis.flip, result, self.labels), "info")
        if sweep is None:
            self.sweep.layout.display = "none"
            self.summary.value = ""
            return
        label, current = self.labels[PAY], analysis.weights[PAY]
        if self.drawer is None:
            self.drawer = SweepChart(sweep, current, label)
        self.chart.value = self.drawer.png(sweep, current)
        self.sweep.layout.display = None
        self.summary.value = message_html(sweep_summary(sweep, label), "info")


AnswerFn = Callable[[str, str, str | None], None]  # (option code, question, answer or None)


class GutPanel:
    """For each top option: does it feel right, do I want to grow in this field?"""

    def __init__(self, view: BoardView, on_answer: AnswerFn) -> None:
        self.view, self.on_answer = view, on_answer
        self.rows: dict[str, w.VBox] = {}
        self.toggles: dict[tuple[str, str], w.ToggleButtons] = {}  # (option, question) -> answer
        self.list, self.messages = lean.vbox(), lean.html()
        self.intro = lean.html(message_html(gut_difference(view.labels), "info"))
        self.answered, self.asked = 0, 0  # top options with both answers, of those asked about
        # Folded by the board once answered or decided; what the answers say stays out.
        self.fold = fold(gut_title(0, 0), self.intro, self.list, folded=False)
        self.box = lean.vbox([choices_style(), self.fold, self.messages, view.status, view.errors])

    def update(self, analysis: Analysis, comparison: Comparison) -> None:
        result = analysis.result
        if result is None:
            self.list.children = []
            self.messages.value = message_html(analysis.problem, "error")
            return
        top = result.ranks[result.ranks <= GUT_TOP].sort_values(kind="stable").index
        rows = [self._row(name, result.ranks[name], comparison) for name in top]
        if tuple(rows) != self.list.children:
            self.list.children = rows
        said = gut_messages(result, comparison.gut, self.view.code_of)
        self.messages.value = "".join(message_html(t, k) for t, k in said)
        code_of = self.view.code_of
        self.asked = len(top)
        self.answered = sum(_both_answered(comparison.gut.get(code_of[name])) for name in top)
        retitle(self.fold, gut_title(self.answered, self.asked))

    def _row(self, name: str, rank: float, comparison: Comparison) -> w.VBox:
        if name not in self.rows:
            code = self.view.code_of[name]
            saved = comparison.gut.get(code) or Gut()
            toggles = []
            for question, words in GUT_QUESTIONS.items():
                toggle = choices(
                    options=ANSWERS, value=getattr(saved, question), description=words, style=WIDE
                )
                toggle.observe(self.view.guarded(self._answered(code, question)), names="value")
                self.toggles[name, question] = toggle
                toggles.append(toggle)
            self.rows[name] = lean.vbox([lean.html(), *toggles], layout={"margin": "0 0 8px 0"})
        row = self.rows[name]
        row.children[0].value = f"<b>{html.escape(name)}</b> (ranked {ordinal(rank)})"
        return row

    def _answered(self, code: str, question: str) -> Callable[[dict], None]:
        def handler(change: dict) -> None:
            self.on_answer(code, question, change["new"])

        return handler


def _both_answered(answers: Gut | None) -> bool:
    return answers is not None and all(getattr(answers, q) for q in GUT_QUESTIONS)


class ChoicePanel:
    """Choose one or two target occupations, say why; the date is recorded.

    ``on_choice`` raises :class:`ComparisonError` for a choice the rules refuse (too
    many): the tick is taken back and the reason shown."""

    def __init__(
        self,
        view: BoardView,
        comparison: Comparison,
        on_choice: Callable[[list[str]], None],
        on_reason: Callable[[str], None],
    ) -> None:
        self.view, self.on_choice, self.quiet = view, on_choice, False
        self.ticks = {
            code: lean.make(
                w.Checkbox,
                value=code in comparison.chosen,
                description=name,
                indent=False,
                layout=FULL,
            )
            for code, name in view.names.items()
        }
        self.reason = text_area(
            comparison.reason,
            "Why this direction?",
            "In your own words: what makes it right for you now?",
        )
        self.decided, self.messages = lean.html(), lean.html()
        self.list = lean.vbox(list(self.ticks.values()))
        self.box = lean.vbox(
            [self.list, self.reason, self.decided, self.messages, view.status, view.errors]
        )
        for tick in self.ticks.values():
            tick.observe(view.guarded(self._ticked), names="value")
        self.reason.observe(view.guarded(lambda change: on_reason(change["new"])), names="value")

    def _ticked(self, change: dict) -> None:
        if self.quiet:
            return
        chosen = [code for code, tick in self.ticks.items() if tick.value]
        try:
            self.on_choice(chosen)
        except ComparisonError as refused:
            with quietly(self):
                change["owner"].value = change["old"]
            self.messages.value = message_html(str(refused), "warn")

    def update(self, analysis: Analysis, comparison: Comparison) -> None:
        result, names = analysis.result, self.view.names
        ranks = {
            code: result.ranks[names[code]] if result is not None else np.nan for code in self.ticks
        }
        for code, tick in self.ticks.items():
            rank = ranks[code]
            tick.description = names[code] + (
                "" if np.isnan(rank) else f" (ranked {ordinal(rank)})"
            )
        order = sorted(self.ticks, key=lambda code: np.nan_to_num(ranks[code], nan=np.inf))
        ticks = tuple(self.ticks[code] for code in order)  # best first
        if ticks != self.list.children:
            self.list.children = ticks
        decided = comparison.decided
        self.decided.value = (
            f"<span style='color:{palette.DARK_GREY}'>Decided on {long_date(decided)}.</span>"
            if decided and comparison.chosen
            else ""
        )
        notes = choice_messages(comparison.chosen, comparison.reason, result, names)
        self.messages.value = "".join(message_html(t, k) for t, k in notes)
