"""Charts that fit: every text inside the figure, no two labels overlapping, legends that
name only what is drawn, and the same rounding as the tables beside them (issue 24 §2)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from datetime import date

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from PIL import Image

from careerkit.catalog import THEMES
from careerkit.coach import cohort
from careerkit.plan import Plan
from careerkit.plan.sections import Goal, Option
from careerkit.report import charts
from careerkit.report.charts import cohort as cohort_charts
from careerkit.steps.explore import shortlist as sl
from careerkit.steps.interests import ThemeScores
from careerkit.ui.interest_quiz import _result_html
from tests.conftest import reopen
from tests.synthetic import synthetic_workshop

TODAY = date(2026, 12, 1)


# --- what is drawn -----------------------------------------------------------------------


def drawn_texts(fig: Figure) -> Iterator[Text]:
    """Every visible, non-empty text the figure draws (tick labels outside the view skipped)."""
    hidden: set[int] = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            pad = (high - low) * 1e-6
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not low - pad <= tick.get_loc() <= high + pad:
                    hidden.update({id(tick.label1), id(tick.label2)})
    for text in fig.findobj(Text):
        if text.get_visible() and text.get_text().strip() and id(text) not in hidden:
            yield text


def check_fits(fig: Figure) -> None:
    """Fail when a text lies outside the figure or two texts overlap (in pixels)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    frame = fig.bbox
    # the words only: an annotation's own line to its point is not a text
    boxes = [(t.get_text(), Text.get_window_extent(t, renderer)) for t in drawn_texts(fig)]
    for text, box in boxes:
        inside = (
            box.x0 >= frame.x0 - 1
            and box.y0 >= frame.y0 - 1
            and box.x1 <= frame.x1 + 1
            and box.y1 <= frame.y1 + 1
        )
        assert inside, f"{text!r} lies outside the figure ({box} not in {frame})"
    for i, (first, a) in enumerate(boxes):
        for second, b in boxes[i + 1 :]:
            assert not _overlap(a, b), f"{first!r} and {second!r} overlap"
    for (x, y), radius in _points(fig):
        for text, box in boxes:
            point = Bbox.from_extents(x - radius, y - radius, x + radius, y + radius)
            assert not _overlap(box, point), f"{text!r} covers a point at {x:.0f}, {y:.0f}"


def _overlap(a: Bbox, b: Bbox) -> bool:
    """Two boxes share more than a pixel's width and height."""
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 1 and min(a.y1, b.y1) - max(a.y0, b.y0) > 1


def _points(fig: Figure) -> Iterator[tuple[np.ndarray, float]]:
    """Each scatter point's centre and radius in pixels (a marker's inner 70%)."""
    for ax in fig.axes:
        for points in ax.collections:
            if isinstance(points, PathCollection) and len(points.get_offsets()):
                sizes = np.resize(points.get_sizes(), len(points.get_offsets()))
                centres = ax.transData.transform(points.get_offsets())
                for centre, size in zip(centres, sizes, strict=True):
                    yield centre, 0.7 * np.sqrt(size) / 2 * fig.dpi / 72


def _looks(artist) -> set[tuple]:
    """What marks a drawn artist or a legend handle: colour with hatch, marker or size."""
    if isinstance(artist, Patch):
        return {("patch", to_hex(artist.get_facecolor()), artist.get_hatch() or "")}
    if isinstance(artist, Line2D):
        marker = str(artist.get_marker())
        if marker in ("None", "", " "):
            return {("line", to_hex(artist.get_color()), str(artist.get_linestyle()))}
        return {("marker", to_hex(artist.get_color()), marker)}
    if isinstance(artist, PathCollection):
        looks = set()
        faces = [to_hex(c) for c in artist.get_facecolors() if c[3] > 0] or ["none"]
        for size in artist.get_sizes():
            looks.add(("size", round(float(size))))
        for face in faces:
            looks.add(("marker", face, _marker_name(artist)))
        return looks
    return set()


def _marker_name(collection: PathCollection) -> str:
    """The scatter marker ("o", "s", ...) behind a collection's path."""
    from matplotlib.markers import MarkerStyle

    vertices = collection.get_paths()[0].vertices.round(3)
    for name in ("o", "s", "^", "D", "v", "P", "X", "*"):
        path = MarkerStyle(name).get_path().transformed(MarkerStyle(name).get_transform())
        if path.vertices.shape == vertices.shape and np.allclose(path.vertices, vertices, 1e-3):
            return name
    return "?"


def check_legends(fig: Figure) -> None:
    """Every legend entry looks like something drawn in the plot (its colour with its
    pattern or marker, or its marker size)."""
    for ax in fig.axes:
        drawn: set[tuple] = set()
        for artist in [*ax.patches, *ax.lines, *ax.collections]:
            if isinstance(artist, PathCollection) and not len(artist.get_offsets()):
                continue  # an empty scatter stands for nothing
            drawn |= _looks(artist)
        # a marker drawn by a line also counts as a marker of a scatter, and the other way
        legends = [x for x in (ax.get_legend(), *fig.legends) if x is not None]
        for legend in legends:
            if legend.axes is not ax and ax is not fig.axes[0]:
                continue
            for handle, text in zip(legend.legend_handles, legend.get_texts(), strict=True):
                looks = _looks(handle)
                sizes = {x for x in looks if x[0] == "size"}
                marks = {x for x in looks if x[0] != "size" and x[1] != "none"}
                if marks:
                    assert marks & drawn, f"legend {text.get_text()!r} names nothing drawn"
                elif sizes:
                    assert sizes & drawn, f"legend {text.get_text()!r}: no point of that size"


# --- long and short real data ------------------------------------------------------------


def longest_titles(catalog: pd.DataFrame, n: int) -> pd.Series:
    lengths = catalog["title"].str.len().sort_values(ascending=False, kind="stable")
    return catalog.loc[lengths.index[:n], "title"]


def long_plan(persona: Plan, catalog: pd.DataFrame) -> Plan:
    """The persona with the catalog's longest titles as options, goals and an area."""
    titles = longest_titles(catalog, 6)
    for code, title in titles.items():
        persona.exploration.options.append(Option(code=code, title=title))
    persona.exploration.options.append(
        Option(code="custom:own", title=f"My own idea: {titles.iloc[1]}", custom=True,
               median_wage=48_000.0)
    )  # fmt: skip
    area = titles.iloc[2]
    persona.short_term_goals.areas.append(area)
    for i, (months, title) in enumerate(zip((6, 12, 24, 24), titles, strict=False)):
        persona.short_term_goals.goals.append(
            Goal(text=f"Shadow a day of work as one of the {title}", area=area,
                 horizon_months=months, direction=titles.index[i % 2])
        )  # fmt: skip
    persona.save()
    return reopen(persona)


def short_plan(persona: Plan) -> Plan:
    """The persona with one option and one short goal."""
    persona.exploration.options = persona.exploration.options[:1]
    persona.short_term_goals.goals = [Goal(text="Join AAHAM", area="Moving", horizon_months=6)]
    persona.save()
    return reopen(persona)


def drawings(plan: Plan, catalog: pd.DataFrame) -> dict[str, Callable[[], Figure]]:
    scores = plan.dream_job.interests.scores
    codes = [o.code for o in plan.exploration.options]
    sweep_frame = pd.DataFrame(
        {o.title: np.linspace(i, i + 3, 11) for i, o in enumerate(plan.exploration.options)},
        np.linspace(0, 5, 11),
    )
    return {
        "interests": lambda: charts.interest_chart(scores),
        "interests on a phone": lambda: charts.interest_chart(scores, narrow=True),
        "shortlist": lambda: charts.shortlist_figure(sl.shortlist_frame(plan, catalog)),
        "shortlist on a phone": lambda: charts.shortlist_figure(
            sl.shortlist_frame(plan, catalog), narrow=True
        ),
        "sweep": lambda: charts.sweep_figure(sweep_frame, 2.5, "Pay"),
        "timeline": lambda: charts.timeline_chart(plan, TODAY),
        "timeline on a phone": lambda: charts.timeline_chart(plan, TODAY, narrow=True),
        "skill gap": lambda: charts.gap_chart(plan, catalog, codes[0]),
        "skill gap on a phone": lambda: charts.gap_chart(plan, catalog, codes[0], narrow=True),
        "roadmap": lambda: charts.roadmap_chart(plan, catalog, TODAY),
        "printed roadmap": lambda: charts.roadmap_chart(plan, catalog, TODAY, charts.ROADMAP_PRINT),
        "roadmap on a phone": lambda: charts.roadmap_chart(
            plan, catalog, TODAY, charts.ROADMAP_PHONE
        ),
        "progress": lambda: charts.progress_chart(plan.short_term_goals.goals),
        "progress on a phone": lambda: charts.progress_chart(
            plan.short_term_goals.goals, narrow=True
        ),
    }


PHONE_NAMES = [
    "interests on a phone",
    "shortlist on a phone",
    "timeline on a phone",
    "skill gap on a phone",
    "roadmap on a phone",
    "progress on a phone",
]
NAMES = [
    "interests",
    "interests on a phone",
    "shortlist",
    "shortlist on a phone",
    "sweep",
    "timeline",
    "timeline on a phone",
    "skill gap",
    "skill gap on a phone",
    "roadmap",
    "printed roadmap",
    "roadmap on a phone",
    "progress",
    "progress on a phone",
]


@pytest.mark.parametrize("length", ["long", "short", "persona"])
@pytest.mark.parametrize("name", NAMES)
def test_every_text_fits_and_no_labels_overlap(
    name: str, length: str, persona: Plan, catalog: pd.DataFrame
) -> None:
    plan = {"long": long_plan, "short": lambda p, _: short_plan(p), "persona": lambda p, _: p}[
        length
    ](persona, catalog)
    fig = drawings(plan, catalog)[name]()
    check_fits(fig)
    check_legends(fig)


def test_the_checks_catch_a_text_outside_overlaps_and_a_legend_of_nothing() -> None:
    fig = charts.new_figure(4, 3)
    ax = fig.subplots()
    ax.text(0.5, 0.5, "over", transform=ax.transAxes)
    ax.text(0.52, 0.5, "lapping", transform=ax.transAxes)
    with pytest.raises(AssertionError, match="overlap"):
        check_fits(fig)
    ax.texts[1].remove()
    ax.scatter([0.55], [0.51], s=100)
    with pytest.raises(AssertionError, match="covers a point"):
        check_fits(fig)
    ax.collections[0].remove()
    ax.text(1.3, 0.5, "a label running past the right edge", transform=ax.transAxes)
    with pytest.raises(AssertionError, match="outside the figure"):
        check_fits(fig)
    ax.bar([0], [1], color="#0072B2")
    ax.legend(handles=[Rectangle((0, 0), 1, 1, color="#E69F00", label="orange: your own")])
    with pytest.raises(AssertionError, match="names nothing drawn"):
        check_legends(fig)


# --- the same rounding as the tables -----------------------------------------------------


def test_the_interest_chart_shows_the_tables_scores_on_a_0_to_100_axis() -> None:
    scores = {"R": 16.7, "I": 41.7, "A": 33.3, "S": 83.3, "E": 66.7, "C": 100.0}
    scored = ThemeScores(scores=scores, code="SEC", ties=(), answered=60)
    table = _result_html(scored)
    fig = charts.interest_chart(scores)
    ax = fig.axes[0]
    assert ax.get_xlim() == (0, 100), "a 0-100 score on a 0-100 axis"
    shown = [re.match(r"[\d.]+", t.get_text()).group() for t in ax.texts]
    assert sorted(shown) == sorted(re.findall(r"<td[^>]*>([\d.]+)</td>", table))
    check_fits(fig)


def strokes(fig: Figure, box) -> int:
    """The most hatch strokes (runs of dark grey pixels) crossing one row of ``box``."""
    pixels = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    top, bottom = int(pixels.shape[0] - box.y1) + 1, int(pixels.shape[0] - box.y0) - 1
    inside = pixels[top:bottom, int(box.x0) + 1 : int(box.x1) - 1]
    dark = (np.abs(inside - 0x55).max(axis=2) < 60).astype(int)
    return int(max(np.sum(np.diff(row) == 1) + row[0] for row in dark))


def test_percent_and_score_axes_end_at_100(persona: Plan) -> None:
    """A 0-100 measure is not drawn on a 0-125 axis; the notes sit in the margin."""
    goals = [*persona.short_term_goals.goals, Goal(text="Done", status="done", percent=100)]
    fig = charts.progress_chart(goals)
    assert fig.axes[0].get_xlim() == (0, 100)
    assert len(fig.axes[0].patches) == len(goals)
    check_fits(fig)


def test_hatched_legend_swatches_show_their_pattern(persona: Plan, catalog) -> None:
    """A swatch wide and tall enough that its bar's pattern reads as a pattern."""
    for fig in (
        charts.timeline_chart(persona, TODAY),
        charts.roadmap_chart(persona, catalog, TODAY),
    ):
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        for legend in fig.legends:
            for handle in legend.legend_handles:
                if isinstance(handle, Patch) and handle.get_hatch():
                    box = handle.get_window_extent(renderer)
                    assert strokes(fig, box) >= 3 and box.height >= 14, handle.get_label()


@pytest.mark.parametrize("length", ["long", "persona"])
def test_timeline_and_roadmap_show_each_goal_and_area_whole(
    length: str, persona: Plan, catalog: pd.DataFrame
) -> None:
    """Wrapped onto more lines where needed, never cut with "…" ("Professional membership…")."""
    plan = long_plan(persona, catalog) if length == "long" else persona
    goals = [x for x in plan.short_term_goals.goals if x.status != "dropped"]
    for fig, whole in (
        (charts.timeline_chart(plan, TODAY), [x.text for x in goals] + [x.area for x in goals]),
        (charts.roadmap_chart(plan, catalog, TODAY), [x.text for x in goals]),
        (charts.roadmap_chart(plan, catalog, TODAY, charts.ROADMAP_PRINT), [x.text for x in goals]),
    ):
        shown = {" ".join(t.get_text().split()) for t in drawn_texts(fig)}
        for text in whole:
            words = " ".join(text.split())
            assert any(words in s for s in shown), f"{words!r} is not shown whole"


@pytest.mark.parametrize(
    "name",
    ["steps_chart", "themes_chart", "occupations_chart", "areas_chart", "smart_chart", "due_chart"],
)
def test_the_cohort_charts_fit(name: str, tmp_path) -> None:
    """The coach's cohort charts, from a synthetic workshop of 30 participants."""
    made = synthetic_workshop(tmp_path / "spring", 30, today=TODAY)
    summary = cohort.summarise(cohort.read_cohort(made.folder), TODAY)
    arguments = {
        "steps_chart": (summary.steps,),
        "themes_chart": (summary.themes, summary.no_interests),
        "occupations_chart": (summary.occupations,),
        "areas_chart": (summary.areas,),
        "smart_chart": (summary.smart,),
        "due_chart": (summary.due, summary.today),
    }
    fig = getattr(cohort_charts, name)(*arguments[name])
    check_fits(fig)
    check_legends(fig)


@pytest.mark.parametrize("length", ["long", "persona"])
def test_the_printed_roadmap_fits_a_page_at_a_legible_size(
    length: str, persona: Plan, catalog: pd.DataFrame
) -> None:
    """Drawn for a Letter or A4 page at 7 pt (the printed plan shows it at its drawn size),
    with every item's row, in far less height than the notebook's roadmap."""
    plan = long_plan(persona, catalog) if length == "long" else persona
    screen = charts.roadmap_chart(plan, catalog, TODAY)
    printed = charts.roadmap_chart(plan, catalog, TODAY, charts.ROADMAP_PRINT)
    width, height = printed.get_size_inches()
    assert width <= 7.5  # Letter or A4 less 12 mm margins: 7.5 or 7.3 in
    assert min(t.get_fontsize() for t in drawn_texts(printed)) >= 7
    assert height < 0.65 * screen.get_size_inches()[1]
    assert len(printed.axes[0].texts) == len(screen.axes[0].texts)  # the same items


@pytest.mark.parametrize("length", ["long", "short", "persona"])
@pytest.mark.parametrize("name", PHONE_NAMES)
def test_the_charts_drawn_for_a_phone_read_at_a_phones_width(
    name: str, length: str, persona: Plan, catalog: pd.DataFrame
) -> None:
    """Shown 360 px wide (a 390 px phone's column), its smallest text is still 11 px: a
    PNG scaled to the width shrinks its text by the same ratio (issue 24 §2 and §5)."""
    plan = {"long": long_plan, "short": lambda p, _: short_plan(p), "persona": lambda p, _: p}[
        length
    ](persona, catalog)
    fig = drawings(plan, catalog)[name]()
    width = Image.open(io.BytesIO(charts.png(fig))).width
    shown = min(width, 360)
    assert charts.text_px(fig) * shown / width >= 11


@pytest.mark.parametrize("length", ["long", "short", "persona"])
def test_the_phone_shortlist_numbers_each_point_and_names_each_number(
    length: str, persona: Plan, catalog: pd.DataFrame
) -> None:
    """On a phone the titles are too long to sit by the points: each point has a number
    beside it (1 = the best paid) and the key below names the option of each number."""
    plan = long_plan(persona, catalog) if length == "long" else persona
    plan = short_plan(plan) if length == "short" else plan
    points = sl.shortlist_frame(plan, catalog)
    fig = charts.shortlist_figure(points, narrow=True)
    check_fits(fig)
    ax = fig.axes[0]
    shown = points[points["pay"].notna()].sort_values("pay", ascending=False, kind="stable")
    numbered = {a.get_text(): a.xy for a in ax.texts}
    assert sorted(numbered, key=int) == [str(n) for n in range(1, len(shown) + 1)]
    for number, (_, option) in enumerate(shown.iterrows(), start=1):
        assert numbered[str(number)][1] == option["pay"], f"{number} is not by its point"
    numbers, titles = (t.get_text().split("\n") for t in fig.texts[-2:])
    keyed = {}  # each number's title, its wrapped lines joined
    for number, line in zip(numbers, titles, strict=True):
        if number:
            keyed[number] = line
        else:
            keyed[list(keyed)[-1]] += " " + line
    assert keyed == {str(n): t for n, t in enumerate(shown["title"], start=1)}


def test_the_phone_interest_chart_shows_the_tables_scores_and_names() -> None:
    scores = {"R": 16.7, "I": 41.7, "A": 33.3, "S": 83.3, "E": 66.7, "C": 100.0}
    fig = charts.interest_chart(scores, narrow=True)
    texts = [t.get_text() for t in fig.axes[0].texts]
    shown = [re.match(r"[\d.]+", t).group() for t in texts if t[0].isdigit()]
    table = _result_html(ThemeScores(scores=scores, code="CSE", ties=(), answered=60))
    assert sorted(shown) == sorted(re.findall(r"<td[^>]*>([\d.]+)</td>", table))
    assert [t for t in texts if "top three" in t] == ["83.3, top three", "66.7, top three",
                                                      "100, top three"]  # fmt: skip
    assert {t for t in texts if "(" in t} == {f"{n} ({x})" for x, n in THEMES.items()}


def test_the_phone_shortlist_without_any_known_pay_says_so(persona: Plan, catalog) -> None:
    """No pay axis of "$0k" ticks: no point to place on it, and a sentence saying why."""
    points = sl.shortlist_frame(persona, catalog).assign(pay=float("nan"))
    fig = charts.shortlist_figure(points, narrow=True)
    charts.png(fig)  # drawn: the tick labels are made
    ax = fig.axes[0]
    assert not [t for t in ax.get_yticklabels() if t.get_text()]
    assert [t.get_text() for t in ax.texts] == ["No option with\na known pay to show"]
    check_fits(fig)
