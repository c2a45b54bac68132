from __future__ import annotations

from datetime import date
from pathlib import Path

import ipywidgets as w
import pandas as pd
import pytest
from matplotlib.figure import Figure

from careerkit.catalog import tables_of
from careerkit.plan import InterestResult, PastJob, Plan, Skill
from careerkit.report import charts
from careerkit.steps.interests import load_items
from careerkit.steps.similar_jobs import prefill_levels
from careerkit.ui import dream_job
from tests.conftest import reopen

ITEMS = load_items()


# --- reflection ----------------------------------------------------------------------


def test_reflection_saves_as_typed_and_shows_back(plan: Plan) -> None:
    panel = dream_job.reflection(plan)
    panel.boxes["at_ease"].value = "  Building dens with my cousins  "
    panel.boxes["asked_for"].value = "Fixing their bikes"
    assert "Saved at" in panel.saver.status.value
    saved = reopen(plan).dream_job.reflections
    assert saved == {"at_ease": "Building dens with my cousins", "asked_for": "Fixing their bikes"}
    again = dream_job.reflection(reopen(plan))
    assert again.boxes["at_ease"].value == "Building dens with my cousins"
    assert again.boxes["drawn_to"].value == ""


def test_clearing_a_reflection_removes_it(persona: Plan) -> None:
    panel = dream_job.reflection(persona)
    panel.boxes["asked_for"].value = ""
    assert "asked_for" not in reopen(persona).dream_job.reflections
    assert "at_ease" in reopen(persona).dream_job.reflections


# --- skills ----------------------------------------------------------------------------


def test_skills_add_edit_remove_and_show_back(plan: Plan) -> None:
    catalog = pd.DataFrame({"skills": ["Speaking;Writing", "Speaking", "Programming"]})
    panel = dream_job.skills(plan, catalog)
    panel.picker.value = "speaking"
    panel.add_button.click()
    panel.picker.value = "Spanish"
    panel.add_button.click()
    assert "Added Spanish as a hard skill" in panel.message.value
    assert [(s.name, s.kind, s.level) for s in reopen(plan).dream_job.skills] == [
        ("Speaking", "soft", 3),
        ("Spanish", "hard", 3),
    ]
    assert "Speaking" not in panel.picker.options

    speaking, spanish = panel.rows.children
    assert "important in 67% of the catalog" in speaking.children[0].value
    assert "your own skill" in spanish.children[0].value
    speaking.level.value = 5
    spanish.kind.value = "soft"
    panel.use.value = "Speaking to patients as I spoke to customers."
    saved = reopen(plan).dream_job
    assert [(s.kind, s.level) for s in saved.skills] == [("soft", 5), ("soft", 3)]
    assert saved.skills_use == "Speaking to patients as I spoke to customers."

    again = dream_job.skills(reopen(plan))
    assert [row.level.value for row in again.rows.children] == [5, 3]
    assert again.use.value == "Speaking to patients as I spoke to customers."
    again.rows.children[1].remove_button.click()
    assert [s.name for s in reopen(plan).dream_job.skills] == ["Speaking"]


# --- jobs I have done ------------------------------------------------------------------

RETAIL = "41-1011.00"


def test_a_job_found_by_its_title_fills_the_skills_list_below(
    plan: Plan, catalog: pd.DataFrame
) -> None:
    plan.dream_job.skills = [Skill(name="Speaking", kind="soft", level=1)]
    jobs = dream_job.past_jobs(plan, catalog)
    skills = dream_job.skills(plan, catalog)
    assert jobs.fill_button.disabled  # nothing to fill from yet; nothing is required
    assert "5/7" in html_of(jobs)  # the conversion is stated on the page

    jobs.find.value = "store manager"  # another title of the occupation, as people say it
    labels = dict(jobs.pick.options)
    assert RETAIL in labels.values()
    jobs.pick.value = RETAIL
    jobs.years.value = "6"
    jobs.add_button.click()
    jobs.find.value = "Market stall owner"
    assert jobs.pick.value == dream_job.OWN_JOB  # the catalog has no such title
    jobs.add_button.click()
    saved = reopen(plan).dream_job.past_jobs
    assert [(j.code, j.years) for j in saved] == [(RETAIL, 6.0), ("", None)]
    assert saved[1].title == "Market stall owner"
    # the title the person typed is kept with the code, and the row shows both
    assert (saved[0].own_title, saved[0].title) == ("Store manager", catalog.at[RETAIL, "title"])
    row = jobs.rows.children[0].children[0].value
    assert f"<b>Store manager</b> <small>(O*NET: {catalog.at[RETAIL, 'title']}, " in row

    jobs.fill_button.click()
    expected = prefill_levels([RETAIL], tables_of(catalog).skill_ratings(), {"Speaking": 1})
    on_disk = {s.name: s.level for s in reopen(plan).dream_job.skills}
    assert on_disk == expected and on_disk["Speaking"] == 1  # own rating wins
    assert [row.skill_name for row in skills.rows.children] == list(expected)  # shown at once

    years = jobs.rows.children[0].children[1]
    years.value = "lots"
    assert "not a number" in jobs.message.value
    assert reopen(plan).dream_job.past_jobs[0].years == 6.0
    years.value = "7"
    assert reopen(plan).dream_job.past_jobs[0].years == 7.0
    jobs.rows.children[1].children[2].click()
    assert [j.code for j in reopen(plan).dream_job.past_jobs] == [RETAIL]


def test_jobs_done_show_back_escaped(plan: Plan, catalog: pd.DataFrame) -> None:
    plan.dream_job.past_jobs = [PastJob(title="<b>Owner</b>", years=2)]
    panel = dream_job.past_jobs(plan, catalog)
    text = html_of(panel)
    assert "&lt;b&gt;Owner&lt;/b&gt;" in text and "<b>Owner</b>" not in text
    assert panel.rows.children[0].children[1].value == "2"
    assert panel.fill_button.disabled  # a job of one's own title has no skill figures


def test_a_catalog_jobs_own_title_shows_back_escaped(plan: Plan, catalog: pd.DataFrame) -> None:
    onet = str(catalog.at[RETAIL, "title"])
    plan.dream_job.past_jobs = [PastJob(code=RETAIL, title=onet, own_title="<i>Boss</i>")]
    text = html_of(dream_job.past_jobs(plan, catalog))
    assert "<b>&lt;i&gt;Boss&lt;/i&gt;</b>" in text and "<i>Boss</i>" not in text
    assert f"O*NET: {onet}" in text


def test_the_job_title_hint_fits_its_box(plan: Plan, catalog: pd.DataFrame) -> None:
    """Seen in JupyterLab and on a phone: "...cashier, RN; then pr" cut at the box's edge.
    The box is 430 px with its label: about 40 characters of hint at the page's font."""
    assert len(dream_job.past_jobs(plan, catalog).find.placeholder) <= 40


def test_a_job_done_keeps_its_code_on_one_line(plan: Plan, catalog: pd.DataFrame) -> None:
    """Seen in the browser: "(41-" at the end of one line, "1011.00)" on the next."""
    plan.dream_job.past_jobs = [PastJob(code=RETAIL, title="Retail supervisor", years=6)]
    label = dream_job.past_jobs(plan, catalog).rows.children[0].children[0].value
    assert f"<span style='white-space:nowrap'>{RETAIL}</span>" in label


def html_of(widget: w.Widget) -> str:
    own = widget.value if isinstance(widget, w.HTML) else ""
    return " ".join([own, *(html_of(c) for c in getattr(widget, "children", ()))])


def press_enter(box: w.Text) -> None:
    """What the browser sends when Enter is pressed in a text box."""
    box._handle_msg(
        {"content": {"data": {"method": "custom", "content": {"event": "submit"}}}, "buffers": []}
    )


def test_enter_in_the_skill_box_adds_the_skill(plan: Plan) -> None:
    panel = dream_job.skills(plan)
    panel.picker.value = "Active Listening"
    press_enter(panel.picker)
    assert [s.name for s in reopen(plan).dream_job.skills] == ["Active Listening"]
    assert panel.picker.value == "" and "Added Active Listening" in panel.message.value
    press_enter(panel.picker)  # Enter in an empty box: a hint, nothing added
    assert "Type a skill or pick one" in panel.message.value
    assert len(reopen(plan).dream_job.skills) == 1 and panel.errors.outputs == ()


@pytest.mark.parametrize(
    ("typed", "message"),
    [("", "Type a skill or pick one"), ("Speaking", "already in your list")],
)
def test_bad_skill_gets_a_message_and_changes_nothing(plan: Plan, typed: str, message: str) -> None:
    panel = dream_job.skills(plan)
    panel.picker.value = "Speaking"
    panel.add_button.click()
    panel.picker.value = typed
    panel.add_button.click()
    assert message in panel.message.value
    assert len(reopen(plan).dream_job.skills) == 1


# --- interest questionnaire -----------------------------------------------------------------


def answer(quiz: dream_job.InterestQuiz, per_theme: dict[str, list[int]]) -> None:
    for letter, values in per_theme.items():
        ids = ITEMS.index[ITEMS["theme"] == letter]
        for item, value in zip(ids, values, strict=False):
            quiz.toggles[item].value = value


def test_empty_questionnaire_says_how_many_to_answer(plan: Plan) -> None:
    quiz = dream_job.interest_quiz(plan)
    assert isinstance(quiz, dream_job.InterestQuiz)
    assert "Answer at least 12 of the activities" in quiz.result.value
    assert "So far you have answered 0" in quiz.result.value
    assert quiz.chart.layout.display == "none"
    assert quiz.retake_button.layout.display == "none"


def test_answers_save_as_given_and_score_once_enough(plan: Plan) -> None:
    quiz = dream_job.interest_quiz(plan)
    answer(quiz, {"S": [2]})
    saved = reopen(plan).dream_job.interests
    assert saved is not None and saved.answers == {"S01": 2} and saved.code == ""
    assert "So far you have answered 1" in quiz.result.value

    answer(quiz, {"R": [0, 0], "I": [1, 0], "A": [0, 1], "S": [2, 2], "E": [2, 1], "C": [2, 2]})
    saved = reopen(plan).dream_job.interests
    assert saved is not None and saved.code == "SCE" and saved.taken == date.today()
    assert saved.scores["S"] == 100.0 and saved.scores["E"] == 75.0
    assert "Your interest code: SCE" in quiz.result.value
    assert "scored the same (100)" in quiz.result.value  # S and C tie
    assert quiz.chart.layout.display == "" and bytes(quiz.chart.value).startswith(b"\x89PNG")
    assert bytes(quiz.chart.narrow).startswith(b"\x89PNG")  # drawn for a phone too

    again = dream_job.interest_quiz(reopen(plan))
    assert again.toggles["S01"].value == 2 and again.toggles["R01"].value == 0
    assert "Your interest code: SCE" in again.result.value
    assert "12 of 36" in again.progress.value


def test_flat_profile_is_explained(plan: Plan) -> None:
    quiz = dream_job.interest_quiz(plan)
    answer(quiz, {t: [0, 0] for t in "RIASEC"})
    assert "All six themes scored the same (0)" in quiz.result.value


def test_retake_keeps_the_earlier_result_in_history(persona: Plan) -> None:
    quiz = dream_job.interest_quiz(persona)
    assert "Your interest code: SEC" in quiz.result.value
    quiz.retake_button.click()
    saved = reopen(persona).dream_job
    assert saved.interests is None
    assert [r.code for r in saved.interest_history] == ["SEC"]
    assert all(t.value is None for t in quiz.toggles.values())
    assert "Your earlier result (SEC, September 3, 2026) is kept" in quiz.notice.value
    assert "Answer at least 12" in quiz.result.value
    assert quiz.chart.layout.display == "none" and "0 of 36" in quiz.progress.value

    fresh = dream_job.interest_quiz(reopen(persona))
    assert "Earlier results, newest first: SEC (September 3, 2026)" in fresh.history.value
    answer(fresh, {t: [2, 1] for t in "RIASEC"})
    fresh.retake_button.click()
    history = reopen(persona).dream_job.interest_history
    assert [r.code for r in history] == ["SEC", "RIA"]


def test_broken_item_file_gets_a_message(plan: Plan, tmp_path: Path, monkeypatch) -> None:
    bad = tmp_path / "items.csv"
    bad.write_text("id,theme,text\nR1,Z,Fix a fence\n", encoding="utf-8")
    monkeypatch.setattr("careerkit.steps.interests.items_path", lambda: bad)
    shown = dream_job.interest_quiz(plan)
    assert isinstance(shown, w.HTML)
    assert "row 2, column &#x27;theme&#x27;" in shown.value
    assert "Fix the item file" in shown.value and "open this step again" in shown.value
    assert "cell" not in shown.value  # the app has no cells to run


def test_interest_chart_draws_six_labelled_bars() -> None:
    scores = {"R": 16.7, "I": 41.7, "A": 33.3, "S": 83.3, "E": 75.0, "C": 58.3}
    fig = charts.interest_chart(scores)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    bars = dict(zip((t.get_text() for t in ax.get_yticklabels()), ax.patches, strict=True))
    assert len(bars) == 6
    assert bars["Social (S)"].get_width() == 83.3 and bars["Realistic (R)"].get_width() == 16.7
    top = {bars[n].get_facecolor() for n in ("Social (S)", "Enterprising (E)", "Conventional (C)")}
    rest = {bars[n].get_facecolor() for n in ("Realistic (R)", "Investigative (I)", "Artistic (A)")}
    assert len(top) == 1 and len(rest) == 1 and top != rest
    assert "top three" in ax.get_title() and ax.get_xlabel().startswith("Score")


# --- vision ----------------------------------------------------------------------------


def test_vision_prompts_draft_and_dated_statement(plan: Plan) -> None:
    panel = dream_job.vision(plan)
    panel.draft_button.click()
    assert "Answer some of the questions above first" in panel.draft_note.value

    panel.prompts["where"].value = "A community clinic in Leeds"
    panel.prompts["feel"].value = "Proud"
    assert reopen(plan).dream_job.vision_prompts == {
        "where": "A community clinic in Leeds",
        "feel": "Proud",
    }
    panel.draft_button.click()
    expected = "I work in a community clinic in Leeds. I feel proud."
    assert panel.statement.value == expected
    saved = reopen(plan).dream_job
    assert saved.vision == expected and saved.vision_date == date.today()
    assert "Written on" in panel.dated.value

    again = dream_job.vision(reopen(plan))
    assert again.prompts["where"].value == "A community clinic in Leeds"
    assert again.statement.value == expected


def test_vague_statement_is_flagged_live(plan: Plan) -> None:
    panel = dream_job.vision(plan)
    assert "Write your statement" in panel.advice.value
    panel.statement.value = "I want to be successful and have a good job"
    assert "Make it more concrete" in panel.advice.value
    assert "&#x27;successful&#x27; is vague" in panel.advice.value
    assert "&#x27;a good job&#x27; is vague" in panel.advice.value
    panel.statement.value = (
        "In three years I coordinate patient scheduling at a community clinic in Leeds, "
        "leading a team of four and meeting the nurses every morning."
    )
    assert "Clear and concrete" in panel.advice.value


def test_draft_never_overwrites_a_statement_unasked(persona: Plan) -> None:
    written = persona.dream_job.vision
    panel = dream_job.vision(persona)
    panel.prompts["dress"].value = "<b>Scrubs</b>"
    panel.draft_button.click()
    assert panel.statement.value == written
    assert "&lt;b&gt;Scrubs&lt;/b&gt;" in panel.draft_note.value
    assert panel.use_draft_button.layout.display == ""
    assert reopen(persona).dream_job.vision == written
    panel.use_draft_button.click()
    saved = reopen(persona).dream_job
    assert saved.vision.startswith("Now that I have my dream job") and "I wear <b>Scrubs</b>" in (
        saved.vision
    )
    assert saved.vision_date == date.today()


def test_same_statement_keeps_its_date(persona: Plan) -> None:
    panel = dream_job.vision(persona)
    panel.statement.value = persona.dream_job.vision + "  "
    assert reopen(persona).dream_job.vision_date == date(2026, 9, 10)
    assert "Written on September 10, 2026" in panel.dated.value


def test_the_quiz_tells_how_many_saved_answers_no_longer_match(plan: Plan) -> None:
    plan.dream_job.interests = InterestResult(answers={"GONE1": 2, "GONE2": 1, "R01": 2})
    quiz = dream_job.interest_quiz(plan)
    assert isinstance(quiz, dream_job.InterestQuiz)
    assert "2 of your saved answers are for activities no longer on this list" in (
        quiz.unmatched.value
    )
    assert quiz.toggles["R01"].value == 2


def test_the_vision_check_asks_for_the_job_when_none_is_named(
    plan: Plan, catalog: pd.DataFrame
) -> None:
    panel = dream_job.vision(plan, catalog)
    panel.statement.value = (
        "In three years I wake up happy, I help people every day, I learn and feel valued."
    )
    assert "Clear and concrete" not in panel.advice.value
    assert "does not name a job" in panel.advice.value
    panel.statement.value = (
        "In three years I work as a registered nurse on a children's ward in Denver, "
        "and I feel I make a difference."
    )
    assert "Clear and concrete" in panel.advice.value


# --- what opens folded (issue 24 §1: a step shows what to do now first) -------------------


def test_a_returning_persons_done_and_optional_parts_open_folded(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    reflection = dream_job.reflection(persona)
    jobs = dream_job.past_jobs(persona, catalog)
    quiz = dream_job.interest_quiz(persona)
    vision = dream_job.vision(persona, catalog)
    folds = [reflection.fold, jobs.fold, quiz.fold, vision.fold]
    assert [fold.selected_index for fold in folds] == [None] * 4
    # Their bars say what is inside, and the result and the statement stay in view.
    assert reflection.fold.titles == ("Your answers: 4 of 4 answered",)
    added = len(persona.dream_job.past_jobs)
    assert added and jobs.fold.titles == (f"Jobs I have done (optional): {added} added",)
    assert quiz.fold.titles == ("The 36 activities: 36 answered",)
    assert quiz.result in quiz.children and "Your interest code" in quiz.result.value
    assert vision.statement in vision.children and vision.fold.titles[0].startswith(
        "The questions behind your statement"
    )


def test_what_a_new_person_has_still_to_do_stays_open(plan: Plan) -> None:
    reflection = dream_job.reflection(plan)
    quiz = dream_job.interest_quiz(plan)
    vision = dream_job.vision(plan)
    assert [reflection.fold.selected_index, quiz.fold.selected_index] == [0, 0]
    assert vision.fold.selected_index == 0
    assert dream_job.past_jobs(plan, pd.DataFrame(columns=["title"])).fold.selected_index is None
    reflection.boxes["at_ease"].value = "Building dens"  # the bar follows the answers
    assert reflection.fold.titles == ("Your answers: 1 of 4 answered",)


def test_taking_the_quiz_again_opens_its_folded_questions(persona: Plan) -> None:
    quiz = dream_job.interest_quiz(persona)
    assert quiz.fold.selected_index is None
    quiz.retake_button.click()
    assert quiz.fold.selected_index == 0
    assert quiz.fold.titles == ("The 36 activities: 0 answered",)
