"""Notebook 03 widgets: compare the options left on the shortlist in a weighted matrix.

:func:`matrix` builds a :class:`CompareBoard`; the notebook shows its panels one per
cell (setup, weights, ratings, results, pay check, gut check, choice), each after a
few words of explanation. All state lives in ``plan.comparison``; every change is
saved as the person goes and redraws the results.

The ranking bars and the heat map are HTML tables, not matplotlib figures: they redraw
on every slider move and must stay within 100 ms, and one matplotlib figure alone
takes 50-100 ms to render on a modest machine. The one line chart (scores against the
pay weight) is a matplotlib figure shown as a PNG in an Image widget.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib import image as mpl_image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from careerkit import scoring, workshop
from careerkit.catalog import COLUMNS, CatalogError
from careerkit.criteria import Criterion, ScoringError
from careerkit.dates import long_date
from careerkit.local_pay import catalog_for
from careerkit.plan import Gut, Option, Plan
from careerkit.scoring import Flip, Result, ScoreFn
from careerkit.ui.common import WIDE, Saver, guarded, message_html, text_area
from careerkit.wording import join_words

NOT_RATED = -1.0  # slider position for "no rating of my own"
RATING_STEPS = np.arange(0, 10.25, 0.5)
SLIDER_WIDTH = "460px"
GUT_TOP = 3  # the gut check asks about this many top options
MAX_CHOSEN = 2
PAY = "pay"
ANSWERS = ("yes", "unsure", "no")
GUT_QUESTIONS = {
    "feels_right": "Does this feel right?",
    "want_to_grow": "Do I want to grow in this field?",
}
#: Bar colours, one per criterion in order (colour-blind-safe first).
COLOURS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#999933",
    "#882255",
    "#44AA99",
    "#888888",
)
SHARE = "<span style='color:#555'>{:.0f}% of the score</span>"
NOT_RATED_STYLE = "background:#f3f3f3;color:#777;text-align:center"
HEAT = np.array([[255, 255, 229], [173, 221, 142], [49, 163, 84], [0, 104, 55]])  # 0 -> 10


# --- wording: pure functions, tested without widgets -------------------------------------


def number(value: float) -> str:
    """A weight or rating for text: 3, 2.5."""
    return f"{value:g}"


def ordinal(rank: float) -> str:
    n = int(rank)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def joined(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C', each quoted."""
    return join_words(f"'{n}'" for n in names)


def pay_message(result: Result, weights: pd.Series, sweep: pd.DataFrame | None) -> tuple[str, str]:
    """Whether pay alone puts the top option first, as (text, kind)."""
    if sweep is None:
        return "Pay is not one of the criteria, so it cannot decide the ranking.", "info"
    if weights[PAY] == 0:
        return "Pay has weight 0, so it plays no part in the ranking.", "info"
    top = result.leaders
    if len(top) != 1:
        return f"{joined(top)} share first place, pay included.", "info"
    without = scoring.leaders(sweep).iloc[0]
    if without == top[0]:
        return (
            f"Pay is not the decider: without the pay weight, '{top[0]}' would still rank first.",
            "good",
        )
    if without is None:
        return (
            f"Without the pay weight, '{top[0]}' would only share first place: pay is what "
            "puts it ahead. Is pay what matters most to you?",
            "warn",
        )
    return (
        f"Pay decides the top spot: without the pay weight, '{without}' would rank first. "
        f"'{top[0]}' is first only because it pays more. Is pay what matters most to you?",
        "warn",
    )


def flip_message(flip: Flip | None, result: Result, labels: Mapping[str, str]) -> str:
    """Which single weight change would put the runner-up first, in plain words."""
    scored = result.scores.dropna()
    top = result.leaders
    if len(scored) < 2:
        return "Only one option has a score, so there is no runner-up to compare with."
    if len(top) > 1:
        return f"{joined(top)} share first place: any weight change may decide between them."
    if flip is None:
        runner = scored.drop(top[0]).idxmax()
        return (
            f"No single weight change puts '{runner}' ahead of '{top[0]}': "
            f"'{top[0]}' stays first whichever one weight you move."
        )
    verb = "Raising" if flip.new > flip.old else "Lowering"
    return (
        f"{verb} '{labels[flip.criterion]}' from {number(flip.old)} to {number(flip.new)} "
        f"would put '{flip.winner}' first, ahead of '{flip.loser}'."
    )


def sweep_summary(sweep: pd.DataFrame, label: str) -> str:
    """Which option is first along the sweep (read at the slider's stops), in words."""
    stops = np.isclose(sweep.index.to_numpy()[:, None], scoring.WEIGHT_GRID).any(axis=1)
    leaders = scoring.leaders(sweep.loc[stops]).fillna("")
    runs = (leaders != leaders.shift()).cumsum()
    spans = [(group.iloc[0], group.index[0], group.index[-1]) for _, group in leaders.groupby(runs)]
    what = f"the weight on {label.lower()}"
    if len(spans) == 1:
        who = spans[0][0]
        return f"Whatever {what}, " + (f"'{who}' stays first." if who else "the top options tie.")
    words = [
        (joined([who]) if who else "a tie") + f" from {number(low)} to {number(high)}"
        for who, low, high in spans
    ]
    return f"As {what} goes up, first place goes to " + ", then ".join(words) + "."


def gut_messages(
    result: Result, gut: Mapping[str, Gut], codes: Mapping[str, str]
) -> list[tuple[str, str]]:
    """Where the top score and the gut answers agree or not, as (text, kind) lines.

    ``codes`` maps option names (the result's index) to option codes (the plan's keys).
    """
    top = result.leaders
    if not top:
        return []
    name = top[0]
    answers = gut.get(codes[name]) or Gut()
    said = {q: getattr(answers, q) for q in GUT_QUESTIONS}
    out: list[tuple[str, str]] = []
    if None in said.values():
        out.append(
            (f"Answer both questions for '{name}': the top score deserves a gut check.", "info")
        )
    if "no" in said.values():
        asked = " and ".join(f"'{GUT_QUESTIONS[q]}'" for q, a in said.items() if a == "no")
        out.append(
            (
                f"'{name}' has the top score, but you answered no to {asked}. The score only "
                "counts what you rated: ask what the matrix is missing (a criterion? a "
                "weight?) before you choose it.",
                "warn",
            )
        )
    elif "unsure" in said.values():
        out.append(
            (
                f"'{name}' has the top score, but you are unsure about it. Talking to someone "
                "who does this work could settle it.",
                "info",
            )
        )
    elif None not in said.values():
        out.append((f"The top score and your gut agree on '{name}'.", "good"))
    if set(said.values()) != {"yes"}:
        keen = [
            n
            for n in result.ranks.sort_values().index
            if n != name and _both_yes(gut.get(codes[n]))
        ]
        if keen:
            out.append(
                (
                    f"Your gut says yes to both questions for {joined(keen)}, which "
                    f"{'scores' if len(keen) == 1 else 'score'} lower: the numbers and your "
                    "gut point different ways. Which do you trust here?",
                    "warn",
                )
            )
    return out


def _both_yes(answers: Gut | None) -> bool:
    return answers is not None and answers.feels_right == answers.want_to_grow == "yes"


def choice_messages(
    chosen: Sequence[str], reason: str, result: Result | None, names: Mapping[str, str]
) -> list[tuple[str, str]]:
    """Notes on the chosen direction. ``names`` maps codes of remaining options to names."""
    gone = [code for code in chosen if code not in names]
    kept = [names[code] for code in chosen if code in names]
    out: list[tuple[str, str]] = []
    if gone:
        out.append(
            (
                f"You had chosen {', '.join(gone)}, which is no longer on your shortlist "
                "(dropped in 02): choose again.",
                "warn",
            )
        )
    if not kept:
        out.append((f"Tick one or {MAX_CHOSEN} options to choose your direction.", "info"))
        return out
    if not reason.strip():
        out.append(
            ("Say in a sentence or two why you chose it: later steps show it back to you.", "warn")
        )
    top = result.leaders if result is not None else []
    if top and not set(top) & set(kept):
        out.append(
            (
                f"You chose {joined(kept)} although {joined(top)} scores highest: that is "
                "fine when your reason says why.",
                "info",
            )
        )
    return out


# --- charts and tables --------------------------------------------------------------------


def score_limits(sweep: pd.DataFrame) -> tuple[float, float]:
    """The chart's score axis: 0-10, widened when a formula's scores go beyond it."""
    values = sweep.to_numpy(dtype=float)
    values = values[np.isfinite(values)]
    low, high = (values.min(), values.max()) if values.size else (0.0, 10.0)
    if 0 <= low and high <= 10:
        return 0.0, 10.0
    pad = (max(high, 10) - min(low, 0)) * 0.05
    return float(min(low, 0) - pad), float(max(high, 10) + pad)


def sweep_figure(sweep: pd.DataFrame, current: float, label: str) -> Figure:
    """Each option's score (a line each) as one criterion's weight goes from 0 to its maximum.

    The dotted line marks the person's ``current`` weight. No pyplot: nothing to close.
    """
    fig = Figure(figsize=(9, 3.2), dpi=80)
    FigureCanvasAgg(fig)
    fig.subplots_adjust(left=0.07, right=0.58, bottom=0.16, top=0.92)
    ax = fig.add_subplot()
    for i, name in enumerate(sweep.columns):
        short = name if len(name) <= 45 else name[:44] + "…"
        ax.plot(sweep.index, sweep[name], lw=2, color=COLOURS[i % len(COLOURS)], label=short)
    ax.axvline(current, color="#333", ls=":", lw=1.5, label="your weight")
    ax.set_xlim(0, scoring.WEIGHT_MAX)
    ax.set_ylim(*score_limits(sweep))
    ax.set_xlabel(f"Weight on {label.lower()}")
    ax.set_ylabel("Score")
    ax.set_title(f"How the scores change with the weight on {label.lower()}", fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=8, frameon=False)
    return fig


class SweepChart:
    """:func:`sweep_figure` as PNG bytes, redrawn in milliseconds for each change.

    Axes, labels and legend are drawn once (again only when the score axis must change)
    and kept as a background; an update draws just the lines onto it (blitting), because
    a full redraw takes 100-200 ms, more than a slider may take.
    """

    def __init__(self, sweep: pd.DataFrame, current: float, label: str) -> None:
        self.fig = sweep_figure(sweep, current, label)
        self.canvas: FigureCanvasAgg = self.fig.canvas
        self.ax = self.fig.axes[0]
        *self.lines, self.marker = self.ax.lines
        self.background: Any = None

    def png(self, sweep: pd.DataFrame, current: float) -> bytes:
        limits = score_limits(sweep)
        if self.background is None or limits != self.ax.get_ylim():
            self.ax.set_ylim(*limits)
            for line in (*self.lines, self.marker):
                line.set_visible(False)
            self.canvas.draw()
            self.background = self.canvas.copy_from_bbox(self.fig.bbox)
            for line in (*self.lines, self.marker):
                line.set_visible(True)
        self.canvas.restore_region(self.background)
        for line, name in zip(self.lines, sweep.columns, strict=True):
            line.set_data(sweep.index, sweep[name])
            self.ax.draw_artist(line)
        self.marker.set_xdata([current, current])
        self.ax.draw_artist(self.marker)
        buffer = io.BytesIO()
        pixels = np.asarray(self.canvas.buffer_rgba())
        mpl_image.imsave(buffer, pixels, format="png", pil_kwargs={"compress_level": 1})
        return buffer.getvalue()


def heat_colour(values: np.ndarray) -> np.ndarray:
    """0-10 ratings -> '#rrggbb' strings on a pale-yellow-to-green scale."""
    x = np.clip(values, 0, 10) / 10 * (len(HEAT) - 1)
    low = np.floor(x).astype(int).clip(0, len(HEAT) - 2)
    rgb = HEAT[low] + (HEAT[low + 1] - HEAT[low]) * (x - low)[..., None]
    return np.array(
        [f"#{r:02x}{g:02x}{b:02x}" for r, g, b in rgb.round().astype(int).reshape(-1, 3)]
    ).reshape(values.shape)


def legend_html(criteria: Sequence[Criterion]) -> str:
    chips = "".join(
        f'<span style="margin-right:12px"><span style="display:inline-block;width:12px;'
        f'height:12px;background:{COLOURS[i % len(COLOURS)]};vertical-align:middle"></span> '
        f"{html.escape(c.label)}</span>"
        for i, c in enumerate(criteria)
    )
    return f'<div style="margin:4px 0">{chips}</div>'


def ranking_html(result: Result, criteria: Sequence[Criterion]) -> str:
    """The ranking as a table with one stacked bar per option, split by criterion."""
    order = result.ranks.sort_values(kind="stable", na_position="last").index
    scale = max(10.0, float(np.nanmax(result.scores.to_numpy(), initial=0)))
    rows = []
    for name in order:
        value, rank = result.scores[name], result.ranks[name]
        segments = "".join(
            f'<div title="{html.escape(c.label)}: {part:.1f}" '
            f'style="width:{part / scale * 100:.2f}%;background:{COLOURS[i % len(COLOURS)]}"></div>'
            for i, (c, part) in enumerate(zip(criteria, result.parts.loc[name], strict=True))
            if part > 0
        )
        if np.isnan(value):
            note = "not enough ratings to score"
        else:
            missing = [c.label for c in criteria if result.missing.at[name, c.id]]
            note = f"not rated, so left out: {', '.join(missing)}" if missing else ""
        rows.append(
            f"<tr><td style='text-align:center'>{'–' if np.isnan(rank) else ordinal(rank)}</td>"
            f"<td>{html.escape(name)}</td>"
            f"<td style='text-align:right'><b>{'–' if np.isnan(value) else f'{value:.1f}'}</b></td>"
            f"<td style='width:40%'><div style='display:flex;height:16px;background:#eee'>"
            f"{segments}</div></td><td style='color:#8a5300'>{html.escape(note)}</td></tr>"
        )
    return (
        legend_html(criteria)
        + "<table style='border-collapse:collapse;width:100%'><tr><th>Rank</th>"
        "<th style='text-align:left'>Option</th><th>Score</th>"
        "<th style='text-align:left'>Score split by criterion</th><th></th></tr>"
        + "".join(rows)
        + "</table>"
    )


def heatmap_html(
    ratings: pd.DataFrame, data: pd.DataFrame, own: pd.DataFrame, criteria: Sequence[Criterion]
) -> str:
    """The ratings as a coloured table: options x criteria; overrides marked ✎."""
    values = ratings.to_numpy(dtype=float, na_value=np.nan)
    colours = heat_colour(np.nan_to_num(values))
    override = (own.notna() & data.notna()).to_numpy()
    head = "".join(f"<th style='padding:2px 6px'>{html.escape(c.label)}</th>" for c in criteria)
    rows = []
    for i, name in enumerate(ratings.index):
        cells = []
        for j in range(len(criteria)):
            v = values[i, j]
            if np.isnan(v):
                cells.append(f"<td style='{NOT_RATED_STYLE}'><i>not rated</i></td>")
                continue
            mark, tip = "", "from data" if not np.isnan(data.iat[i, j]) else "your rating"
            if override[i, j]:
                mark, tip = " ✎", f"your rating; the data says {data.iat[i, j]:.1f}"
            ink = "#fff" if v > 7 else "#000"
            cells.append(
                f"<td title='{tip}' style='background:{colours[i, j]};color:{ink};"
                f"text-align:center'>{v:.1f}{mark}</td>"
            )
        rows.append(f"<tr><td>{html.escape(name)}</td>{''.join(cells)}</tr>")
    return (
        "<table style='border-collapse:collapse'><tr><th></th>"
        + head
        + "</tr>"
        + "".join(rows)
        + "</table><div style='color:#555'>0 = poor, 10 = excellent. "
        "✎ your own rating replaces the data value.</div>"
    )


# --- the board ----------------------------------------------------------------------------


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
    (default :func:`careerkit.scoring.weighted_average`). Mistakes in either are shown
    on the board in plain words instead of raising.
    """
    try:
        setup = workshop.scoring_setup(criteria, labels)
    except ScoringError as err:
        return CompareBoard.blocked(str(err))
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
    notes: list[tuple[str, str]] = []
    if catalog is None:
        try:
            catalog = catalog_for(plan)
        except CatalogError as err:
            notes.append((f"The occupation catalogue could not be loaded: {err}", "error"))
            catalog = pd.DataFrame(columns=[c for c in COLUMNS if c != "code"])
    return CompareBoard(plan, catalog, setup, score or scoring.weighted_average, options, notes)


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
        setup: workshop.ScoringSetup,
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
        self.notes = [*notes, *_data_notes(self.ids, interests, skills, options, missing)]
        self.saver = Saver(plan)
        self.errors = w.Output()
        self.analysis = Analysis()
        self.setup_panel = w.VBox([w.HTML(self._setup_html())])
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
            setattr(board, f"{panel}_panel", w.HTML(message_html(message, "warn")))
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
        weights = self.weights_now()
        weights[criterion] = value
        self.plan.comparison.weights = weights.to_dict()
        self._changed()

    def reset_weights(self) -> None:
        self.plan.comparison.weights = {}
        self._changed()

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
        comparison = self.plan.comparison
        if chosen != comparison.chosen:
            comparison.chosen = chosen
            comparison.decided = date.today() if chosen else None
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
        lines = [
            f"<b>Criteria and starting weights</b> ({html.escape(source)}): {weights}.",
            "Your own weights, once you move a slider, are saved in your plan and replace "
            "these starting weights.",
        ]
        return "<br>".join(lines) + "".join(message_html(text, kind) for text, kind in self.notes)


def _unique_names(options: Sequence[Option]) -> list[str]:
    titles = [o.title for o in options]
    return [
        t if titles.count(t) == 1 else f"{t} ({o.code})"
        for t, o in zip(titles, options, strict=True)
    ]


def _data_notes(
    ids: Sequence[str],
    interests: Mapping[str, float] | None,
    skills: Sequence[str],
    options: Sequence[Option],
    not_in_catalog: Sequence[str],
) -> list[tuple[str, str]]:
    """What the person can do about data criteria that stay "not rated"."""
    notes = []
    if "interest_fit" in ids and not interests:
        notes.append("'Interest fit' needs the interest quiz: take it in 01 (Dream job).")
    if "skills_match" in ids and not skills:
        notes.append("'Skills match' needs your skills: list them in 01 (Dream job).")
    if any(o.custom for o in options):
        notes.append(
            "Your own occupations are not in the catalogue: their pay comes from the wage "
            "you entered in 02, and you rate the rest yourself."
        )
    if not_in_catalog:
        them = "it" if len(not_in_catalog) == 1 else "them"
        notes.append(
            f"{joined(not_in_catalog)} cannot be found in the occupation catalogue: "
            f"rate {them} yourself."
        )
    return [(note, "info") for note in notes]


# --- panels ---------------------------------------------------------------------------------


@contextmanager
def _quiet(panel: Any) -> Iterator[None]:
    """Set widget values from the plan without their handlers saving them back."""
    panel.quiet = True
    try:
        yield
    finally:
        panel.quiet = False


class WeightsPanel:
    """One slider per criterion (0-5), the normalised weights, and a reset button."""

    def __init__(self, board: CompareBoard) -> None:
        self.board, self.quiet = board, False
        weights = board.weights_now()
        self.sliders = {
            c.id: w.FloatSlider(
                value=weights[c.id],
                min=0,
                max=scoring.WEIGHT_MAX,
                step=0.5,
                description=c.label,
                readout_format=".1f",
                style=board.label_style,
                layout=w.Layout(width=SLIDER_WIDTH),
            )
            for c in board.criteria
        }
        self.shares = {cid: w.HTML() for cid in self.sliders}
        self.message = w.HTML()
        self.reset = w.Button(
            description="Back to the starting weights",
            icon="undo",
            layout=w.Layout(width="max-content"),
        )
        rows = [w.HBox([self.sliders[cid], self.shares[cid]]) for cid in self.sliders]
        self.box = w.VBox([*rows, self.message, self.reset, board.saver.status, board.errors])
        on_error = guarded(board.errors)
        for cid, slider in self.sliders.items():
            slider.observe(on_error(self._moved(cid)), names="value")
        self.reset.on_click(on_error(lambda _: board.reset_weights()))

    def _moved(self, cid: str) -> Callable[[dict], None]:
        def handler(change: dict) -> None:
            if not self.quiet:
                self.board.set_weight(cid, change["new"])

        return handler

    def update(self, weights: pd.Series) -> None:
        total = weights.sum()
        shares = weights / total * 100 if total else weights * 0
        with _quiet(self):
            for cid, slider in self.sliders.items():
                slider.value = weights[cid]
                self.shares[cid].value = SHARE.format(shares[cid])
        zero = "All the weights are 0, so nothing counts: move at least one above 0."
        self.message.value = message_html(zero, "warn") if total == 0 else ""


class RatingsPanel:
    """Pick an option, then rate it 0-10 on each criterion (or keep the data value)."""

    def __init__(self, board: CompareBoard) -> None:
        self.board = board
        names = list(board.names.values())
        self.picker = w.Dropdown(
            options=names,
            value=names[0],
            description="Option to rate",
            style=WIDE,
            layout=w.Layout(width="95%"),
        )
        self.rows: dict[str, dict[str, RatingRow]] = {}  # option -> criterion -> row
        self.sheet = w.VBox([self._sheet(names[0])])
        self.box = w.VBox([self.picker, self.sheet, board.saver.status, board.errors])
        self.picker.observe(guarded(board.errors)(self._picked), names="value")

    def row(self, name: str, criterion: str) -> RatingRow:
        """The rating row of one option on one criterion."""
        if name not in self.rows:
            self.rows[name] = {c.id: RatingRow(self.board, name, c) for c in self.board.criteria}
        return self.rows[name][criterion]

    def _picked(self, change: dict) -> None:
        self.sheet.children = [self._sheet(change["new"])]

    def _sheet(self, name: str) -> w.VBox:
        return w.VBox([self.row(name, cid).box for cid in self.board.ids])


class RatingRow:
    """One option's rating on one criterion: a slider whose first stop means "none of mine"."""

    def __init__(self, board: CompareBoard, name: str, criterion: Criterion) -> None:
        self.board, self.name, self.criterion = board, name, criterion
        self.data_value = board.data.at[name, criterion.id]
        first = "not rated" if np.isnan(self.data_value) else f"data {self.data_value:.1f}"
        own = board.own().at[name, criterion.id]
        start = (
            NOT_RATED if np.isnan(own) else float(RATING_STEPS[np.abs(RATING_STEPS - own).argmin()])
        )
        self.slider = w.SelectionSlider(
            options=[(first, NOT_RATED), *((number(x), float(x)) for x in RATING_STEPS)],
            value=start,
            description=criterion.label,
            style=board.label_style,
            layout=w.Layout(width=SLIDER_WIDTH),
        )
        self.status = w.HTML()
        back = "Use the data value" if not np.isnan(self.data_value) else "Clear my rating"
        self.back = w.Button(description=back, layout=w.Layout(width="auto"))
        self.box = w.HBox([self.slider, self.status, self.back])
        on_error = guarded(board.errors)
        self.slider.observe(on_error(self._moved), names="value")
        self.back.on_click(on_error(self._back))
        self._show(None if start == NOT_RATED else own)

    def _moved(self, change: dict) -> None:
        value = None if change["new"] == NOT_RATED else change["new"]
        self.board.set_rating(self.name, self.criterion.id, value)
        self._show(value)

    def _back(self, _: Any) -> None:
        self.slider.value = NOT_RATED

    def _show(self, own: float | None) -> None:
        has_data = not np.isnan(self.data_value)
        if own is not None:
            text = (
                f"your rating (the data says {self.data_value:.1f})" if has_data else "your rating"
            )
        elif has_data:
            text = (
                "from the wage you entered" if self.name in self.board.custom else "from the data"
            )
        elif self.criterion.from_data:
            text = "no data: rate it yourself, or leave it out"
        else:
            text = "not rated: left out of this option's score"
        self.status.value = f"<span style='color:#555'>{html.escape(text)}</span>"
        self.back.layout.display = None if own is not None else "none"


class ResultsPanel:
    """The ranking with stacked bars, and the heat map of the ratings."""

    def __init__(self) -> None:
        self.message, self.ranking, self.heatmap = w.HTML(), w.HTML(), w.HTML()
        self.box = w.VBox([self.message, self.ranking, w.HTML("<b>The ratings</b>"), self.heatmap])

    def update(self, board: CompareBoard) -> None:
        analysis = board.analysis
        own, ratings = analysis.own, analysis.ratings
        if analysis.result is None:
            self.message.value = message_html(analysis.problem, "error")
            self.ranking.value = ""
        else:
            self.message.value = ""
            self.ranking.value = ranking_html(analysis.result, board.criteria)
            order = analysis.result.ranks.sort_values(kind="stable", na_position="last").index
            own, ratings = own.loc[order], ratings.loc[order]
        self.heatmap.value = heatmap_html(
            ratings, board.data.loc[ratings.index], own, board.criteria
        )


class PayPanel:
    """Is pay the decider? The pay flag, the sweep chart, and the flip of the top two."""

    def __init__(self) -> None:
        self.flag, self.summary, self.flip = w.HTML(), w.HTML(), w.HTML()
        self.chart = w.Image(format="png", layout=w.Layout(max_width="100%"))
        self.drawer: SweepChart | None = None
        self.box = w.VBox([self.flag, self.chart, self.summary, self.flip])

    def update(self, board: CompareBoard) -> None:
        analysis = board.analysis
        result, sweep = analysis.result, analysis.sweep
        if result is None or analysis.whatif_problem:
            self.flag.value = message_html(analysis.problem or analysis.whatif_problem, "error")
            self.summary.value = self.flip.value = ""
            self.chart.layout.display = "none"
            return
        text, kind = pay_message(result, analysis.weights, sweep)
        self.flag.value = message_html(text, kind)
        self.flip.value = message_html(flip_message(analysis.flip, result, board.labels), "info")
        if sweep is None:
            self.chart.layout.display = "none"
            self.summary.value = ""
            return
        label, current = board.labels[PAY], analysis.weights[PAY]
        if self.drawer is None:
            self.drawer = SweepChart(sweep, current, label)
        self.chart.value = self.drawer.png(sweep, current)
        self.chart.layout.display = None
        self.summary.value = message_html(sweep_summary(sweep, label), "info")


class GutPanel:
    """For each top option: does it feel right, do I want to grow in this field?"""

    def __init__(self, board: CompareBoard) -> None:
        self.board = board
        self.rows: dict[str, w.VBox] = {}
        self.toggles: dict[tuple[str, str], w.ToggleButtons] = {}  # (option, question) -> answer
        self.list, self.messages = w.VBox(), w.HTML()
        self.box = w.VBox([self.list, self.messages, board.saver.status, board.errors])

    def update(self, board: CompareBoard) -> None:
        result = board.analysis.result
        if result is None:
            self.list.children = []
            self.messages.value = message_html(board.analysis.problem, "error")
            return
        top = result.ranks[result.ranks <= GUT_TOP].sort_values(kind="stable").index
        rows = [self._row(name, result.ranks[name]) for name in top]
        if tuple(rows) != self.list.children:
            self.list.children = rows
        codes = board.code_of
        self.messages.value = "".join(
            message_html(t, k) for t, k in gut_messages(result, board.plan.comparison.gut, codes)
        )

    def _row(self, name: str, rank: float) -> w.VBox:
        if name not in self.rows:
            code = self.board.code_of[name]
            saved = self.board.plan.comparison.gut.get(code) or Gut()
            toggles = []
            for question, words in GUT_QUESTIONS.items():
                toggle = w.ToggleButtons(
                    options=ANSWERS, value=getattr(saved, question), description=words, style=WIDE
                )
                toggle.observe(
                    guarded(self.board.errors)(self._answered(code, question)), names="value"
                )
                self.toggles[name, question] = toggle
                toggles.append(toggle)
            self.rows[name] = w.VBox([w.HTML(), *toggles], layout=w.Layout(margin="0 0 8px 0"))
        row = self.rows[name]
        row.children[0].value = f"<b>{html.escape(name)}</b> (ranked {ordinal(rank)})"
        return row

    def _answered(self, code: str, question: str) -> Callable[[dict], None]:
        def handler(change: dict) -> None:
            self.board.set_gut(code, question, change["new"])

        return handler


class ChoicePanel:
    """Choose one or two target occupations, say why; the date is recorded."""

    def __init__(self, board: CompareBoard) -> None:
        self.board, self.quiet = board, False
        chosen = board.plan.comparison.chosen
        self.ticks = {
            code: w.Checkbox(
                value=code in chosen, description=name, indent=False, layout=w.Layout(width="95%")
            )
            for code, name in board.names.items()
        }
        self.reason = text_area(
            board.plan.comparison.reason,
            "Why this direction?",
            "In your own words: what makes it right for you now?",
        )
        self.decided, self.messages = w.HTML(), w.HTML()
        self.box = w.VBox(
            [
                *self.ticks.values(),
                self.reason,
                self.decided,
                self.messages,
                board.saver.status,
                board.errors,
            ]
        )
        on_error = guarded(board.errors)
        for tick in self.ticks.values():
            tick.observe(on_error(self._ticked), names="value")
        self.reason.observe(on_error(lambda change: board.set_reason(change["new"])), names="value")

    def _ticked(self, change: dict) -> None:
        if self.quiet:
            return
        chosen = [code for code, tick in self.ticks.items() if tick.value]
        if len(chosen) > MAX_CHOSEN:
            with _quiet(self):
                change["owner"].value = False
            self.messages.value = message_html(
                f"Choose at most {MAX_CHOSEN}: untick one before you tick another.", "warn"
            )
            return
        self.board.set_choice(chosen)

    def update(self, board: CompareBoard) -> None:
        comparison, result = board.plan.comparison, board.analysis.result
        for code, tick in self.ticks.items():
            rank = result.ranks[board.names[code]] if result is not None else np.nan
            tick.description = board.names[code] + (
                "" if np.isnan(rank) else f" (ranked {ordinal(rank)})"
            )
        decided = comparison.decided
        self.decided.value = (
            f"<span style='color:#555'>Decided on {long_date(decided)}.</span>"
            if decided and comparison.chosen
            else ""
        )
        notes = choice_messages(comparison.chosen, comparison.reason, result, board.names)
        self.messages.value = "".join(message_html(t, k) for t, k in notes)
