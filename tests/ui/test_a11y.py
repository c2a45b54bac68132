"""Accessible names: charts carry a text alternative, and every step's banner brings the
widget that names slider handles for screen readers."""

from __future__ import annotations

import ipywidgets as w
import pandas as pd
from ipywidgets.widgets.widget import _instances

from careerkit.plan import Plan
from careerkit.plan.sections import Action
from careerkit.report import charts
from careerkit.ui import vision_banner
from careerkit.ui.action_plan import ActionRow
from careerkit.ui.kit import a11y
from careerkit.ui.kit.a11y import show_figure


def test_chart_text_is_the_figure_title() -> None:
    fig = charts.interest_chart({"S": 90, "E": 80, "C": 40, "R": 10})
    assert a11y.chart_text(fig) == "Chart: Your interest profile (top three in green, striped)"
    assert a11y.chart_text(charts.new_figure(2, 2)) == "Chart"


def test_a_chart_in_an_output_has_alt_text_and_stays_a_png() -> None:
    out = w.Output()
    fig = charts.progress_chart([])
    fig.axes[0].set_title('Goals <b>"mine"</b>')
    show_figure(out, fig)
    data = out.outputs[0]["data"]
    assert data["image/png"]  # what a front end without HTML shows
    html = data["text/html"]
    assert 'alt="Chart: Goals &lt;b&gt;&quot;mine&quot;&lt;/b&gt;"' in html
    assert html.startswith('<img src="data:image/png;base64,iVBOR')


def test_a_chart_drawn_for_a_phone_too_holds_both_the_phone_one_hidden(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    out = w.Output()
    code = persona.comparison.chosen[0]
    wide, narrow = (charts.gap_chart(persona, catalog, code, narrow=n) for n in (False, True))
    show_figure(out, wide, narrow)
    html = out.outputs[0]["data"]["text/html"]
    first, second = html.split("><img ")
    assert f'class="{a11y.WIDE_CHART}"' in first and "display" not in first
    # Without the theme's phone layout only the wide one shows.
    assert f'class="{a11y.NARROW_CHART}" style="display: none"' in second
    # Each says the size of its smallest text in its own pixels: 10 pt at 96 dpi on a phone.
    assert 'data-text-px="13.3"' in second and 'data-text-px="' in first


def test_chart_widget_keeps_png_bytes_and_its_text() -> None:
    chart = a11y.Chart(alt="Chart: x", layout=w.Layout(width="576px"))
    chart.value = charts.png(charts.progress_chart([]))
    assert bytes(chart.value).startswith(b"\x89PNG")
    state = chart.get_state()
    assert state["alt"] == "Chart: x" and "value" in state


def test_chart_widget_draws_a_phone_drawing_too_and_states_text_sizes() -> None:
    """As show_figure's ChartImage: the phone's drawing beside the page's, each with the
    size of its smallest text in its own pixels, the classes the theme swaps on a phone."""
    chart = a11y.Chart(alt="Chart: x")
    scores = {"S": 90, "E": 80, "C": 40, "R": 10}
    chart.draw(charts.interest_chart(scores), charts.interest_chart(scores, narrow=True))
    assert bytes(chart.narrow).startswith(b"\x89PNG") and chart.narrow != chart.value
    assert chart.narrow_text_px == 10 * 96 / 72  # 10 pt at 96 dpi
    assert 0 < chart.text_px <= chart.narrow_text_px
    assert a11y.WIDE_CHART in chart._esm and a11y.NARROW_CHART in chart._esm
    chart.draw(charts.progress_chart([]))  # no phone drawing: none kept from before
    assert chart.narrow == b"" and chart.narrow_text_px == 0


def test_banner_shows_with_the_slider_namer(plan: Plan) -> None:
    banner = vision_banner(plan)
    bundle = banner._repr_mimebundle_()
    model_id = bundle["application/vnd.jupyter.widget-view+json"]["model_id"]
    shown = _instances[model_id]
    assert shown.children[0] is banner
    assert isinstance(shown.children[1], a11y.PageNames)
    assert "nameHandles" in a11y.PageNames._esm


def test_an_action_box_without_a_label_is_named_by_its_tooltip() -> None:
    # ipywidgets makes a Text's tooltip its title, the accessible name, when no description
    # (a visible label) names it; 06's action rows have none.
    row = ActionRow(Action(text="Email Rosa"))
    for control in row.children:
        assert control.description or control.tooltip, f"{type(control).__name__} has no name"
    assert not row.text.description and row.text.tooltip == "Next action"
