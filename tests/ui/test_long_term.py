"""Notebook 05's widgets: set values as a person would, then check the plan on disk."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from matplotlib.figure import Figure

from careerkit.plan import Option, Plan
from careerkit.report import charts
from careerkit.steps.long_term import UNLINKED
from careerkit.ui import long_term as ui
from careerkit.ui.kit.fold import is_folded
from tests.conftest import ROOT, execute_notebook, reopen, widget_text
from tests.steps.test_goals import CLINIC, TRAINING, tiny_catalog, weak_in_finance

NOTEBOOK = ROOT / "notebooks" / "05_long_term.ipynb"


def picks(panel: ui.ObjectivesPanel) -> dict[str, bool]:
    return {skill: box.value for skill, box in panel.picks}


def test_panel_shows_the_saved_objective(persona: Plan) -> None:
    panel = ui.objectives(persona, tiny_catalog())
    assert [code for _, code in panel.direction.options] == [CLINIC, TRAINING]
    assert picks(panel) == {
        "Judgment and Decision Making": True,
        "Management of Financial Resources": True,
        "Monitoring": False,
        "Systems Analysis": True,  # picked earlier, kept although no longer in the gap
    }
    assert panel.role_10y.value == "Director of operations for a group of clinics"
    assert panel.own.value == "Electronic health records\nHealthcare regulations"
    assert panel.stay.value == 4
    assert "image/png" in panel.chart.outputs[0]["data"]


def test_showing_a_direction_saves_nothing(persona: Plan) -> None:
    before = persona.path.read_text()
    panel = ui.objectives(persona, tiny_catalog())
    panel.direction.value = TRAINING
    assert persona.path.read_text() == before
    assert panel.saver.status.value == ""


def test_answers_are_saved_per_direction(persona: Plan) -> None:
    panel = ui.objectives(weak_in_finance(persona), tiny_catalog())
    dict(panel.picks)["Monitoring"].value = True
    panel.experience.value = "Lead the clinic's move to online booking"
    panel.direction.value = TRAINING
    assert panel.experience.value.startswith("Design and run the onboarding")  # its own answers
    panel.own.value = "Instructional design\nfacilitation, Facilitation"
    panel.ambitions.value = "Chief learning officer; a seat on a hospital board"
    panel.stay.value = -1
    panel.leave.value = "If I stop teaching"
    saved = reopen(persona).long_term.objectives
    assert saved[CLINIC].skills_to_acquire == [  # the gap's order: O*NET importance x gap
        "Monitoring",
        "Judgment and Decision Making",
        "Management of Financial Resources",
        "Systems Analysis",
    ]
    assert saved[CLINIC].experience == "Lead the clinic's move to online booking"
    assert saved[TRAINING].own_skills == ["Instructional design", "facilitation"]
    assert saved[TRAINING].ambitions.startswith("Chief learning officer")
    assert saved[TRAINING].stay_years is None
    assert saved[TRAINING].leave_when == "If I stop teaching"
    assert not panel.out.outputs


def test_bad_input_is_not_saved(persona: Plan) -> None:
    panel = ui.objectives(persona, tiny_catalog())
    panel.own.value = "A" * 90
    assert "Not saved" in panel.message.value and "Put one skill per line" in panel.message.value
    panel.experience.value = "x" * 2500
    assert "2,500 characters long" in panel.message.value
    saved = reopen(persona).long_term.objectives[CLINIC]
    assert saved.own_skills == ["Electronic health records", "Healthcare regulations"]
    assert saved.experience.startswith("Run a department's schedule")


def test_new_person_is_sent_back_to_02(plan: Plan) -> None:
    panel = ui.objectives(plan, tiny_catalog())
    assert "Shortlist some occupations in 02 first" in panel.notice.value
    assert len(panel.children) == 1


def test_without_a_chosen_direction_a_shortlisted_option_can_be_used(plan: Plan) -> None:
    plan.exploration.options = [
        Option(code=TRAINING, title="Training and Development Specialists"),
        Option(code="custom:x", title="Clinic coordinator", custom=True),
    ]
    plan.save("exploration")
    panel = ui.objectives(plan, tiny_catalog())
    assert "choose a direction in 03 first" in panel.notice.value
    assert panel.direction.label == "Training and Development Specialists (not chosen)"
    panel.direction.value = "custom:x"
    # an own occupation has no skill list: no green "No gap found", an invitation instead
    assert "No gap found" not in panel.skills.children[0].value
    assert "List the skills you learn from job postings" in panel.skills.children[0].value
    panel.role_5y.value = "Clinic manager"
    assert reopen(plan).long_term.objectives["custom:x"].role_5y == "Clinic manager"


def test_gap_chart(persona: Plan) -> None:
    fig = charts.gap_chart(persona, tiny_catalog(), CLINIC)
    assert isinstance(fig, Figure)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0] == "Management of Personnel Resources" and len(labels) == 6
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "not in your skills  · picked" in texts  # Judgment and Decision Making


def test_roadmap_chart(persona: Plan) -> None:
    fig = charts.roadmap_chart(reopen(persona), tiny_catalog())
    texts = [" ".join(t.get_text().split()) for t in fig.axes[0].texts]  # lines joined
    assert "Medical and Health Services Managers" in texts and UNLINKED in texts
    assert "In 5 years: Operations manager of an outpatient clinic" in texts
    assert fig.axes[0].patches  # bars were drawn
    empty = charts.roadmap_chart(Plan(), tiny_catalog())
    assert any("Nothing on the roadmap yet" in t.get_text() for t in empty.axes[0].texts)


def test_roadmap_text_is_readable_and_nothing_is_cut_off(persona: Plan) -> None:
    objective = persona.long_term.objectives[CLINIC]
    objective.ambitions = "A seat on the board of a community health centre " * 8  # very long
    fig = charts.roadmap_chart(persona, tiny_catalog())
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)
    # Shown about as wide as drawn in a notebook with a side panel open: not shrunk.
    assert fig.get_figwidth() * 96 <= 880
    ax = fig.axes[0]
    ticks = [tick.label1 for tick in ax.xaxis._update_ticks()]  # the ticks drawn
    texts = [*ax.texts, ax.title, ax._left_title, *ticks, *fig.legends[0].texts]
    shown = [t for t in texts if t.get_text() and t.get_visible()]
    assert len(shown) > 20
    small = [(t.get_text(), t.get_fontsize()) for t in shown if t.get_fontsize() < 10]
    assert not small, small
    inside = fig.bbox
    for text in shown:
        box = text.get_window_extent(renderer)
        assert inside.x0 <= box.x0 and box.x1 <= inside.x1, text.get_text()
        assert inside.y0 <= box.y0 and box.y1 <= inside.y1, text.get_text()
    assert any(t.get_text().startswith("Ambition: A seat on the board") for t in ax.texts)


def test_roadmap_follows_the_objectives_by_itself(persona: Plan) -> None:
    panel, chart = ui.objectives(persona, tiny_catalog()), ui.roadmap(persona, tiny_catalog())
    assert len(chart.out.outputs) == 1 and "image/png" in chart.out.outputs[0]["data"]
    drawn = chart.out.outputs[0]["data"]["image/png"]
    panel.role_5y.value = "Head of a clinic's patient services"
    assert chart.out.outputs[0]["data"]["image/png"] != drawn  # no Redraw button to press
    assert not chart.errors.outputs and not panel.out.outputs


@pytest.mark.timeout(180)
@pytest.mark.parametrize("start", ["empty", "persona"])
def test_notebook_says_what_to_do_first_or_offers_the_roadmap(
    start: str, workspace: Path, persona: Plan
) -> None:
    if start == "empty":
        (workspace / "plan.json").unlink()
    state = widget_text(execute_notebook(nbformat.read(NOTEBOOK, as_version=4)))
    expected = "Shortlist some occupations in 02 first" if start == "empty" else "Skills to acquire"
    assert expected in state


# --- what opens folded (issue 24 §1: a step shows what to do now first) -------------------


def test_a_returning_persons_written_parts_open_folded_saying_what_is_in(persona: Plan) -> None:
    written = persona.long_term.objectives[CLINIC]
    panel = ui.objectives(persona, tiny_catalog())
    assert all(is_folded(part) for part in panel.parts.values())
    assert [part.titles[0] for part in panel.parts.values()] == [
        "Skills to acquire: 3 from the gap, 2 of your own",
        f"Experience to gain: “{written.experience}”",
        "Professional development: in 5 years “Operations manager of an outpatient clinic”; "
        "in 10 years “Director of operations for a group of clinics”",
        "Length of employment: 4 years",
    ]
    # Inside, everything is as before: the chart, the ticks and the answers.
    assert panel.chart in panel.parts["skills"].children[0].children
    assert panel.role_10y.value == "Director of operations for a group of clinics"


def test_a_direction_with_nothing_written_opens_its_parts(persona: Plan) -> None:
    del persona.long_term.objectives[TRAINING]
    panel = ui.objectives(persona, tiny_catalog())
    panel.direction.value = TRAINING
    assert not any(is_folded(part) for part in panel.parts.values())
    assert panel.parts["experience"].titles == ("Experience to gain: not written yet",)
    panel.experience.value = "Run the onboarding for new staff"  # the bar follows, still open
    assert panel.parts["experience"].titles == (
        "Experience to gain: “Run the onboarding for new staff”",
    )
    assert not is_folded(panel.parts["experience"])
    panel.stay.value = 0
    assert panel.parts["employment"].titles == ("Length of employment: less than a year",)
    panel.direction.value = CLINIC  # written: folded again
    assert all(is_folded(part) for part in panel.parts.values())
