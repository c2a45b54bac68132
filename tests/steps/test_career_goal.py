"""A career goal you can say (05, issue 23 §4): the drafting rules, the person's edits
kept through a redraft, saving, old plans, the exports' escaping and the vague-word check."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from careerkit import open_plan
from careerkit.catalog import SKILLS, tables_of
from careerkit.plan import Goal, Objective, Option, PastJob, Plan, Skill
from careerkit.report import export, export_markdown
from careerkit.steps import career_goal as cg
from careerkit.steps.plan_changes import plan_diff
from careerkit.steps.similar_jobs import MATTERS, MIN_GAP, to_onet_level
from careerkit.text import VAGUE
from tests.conftest import PERSONA, reopen

NURSE = "29-1141.00"  # Registered Nurses
RETAIL = "41-1011.00"  # First-Line Supervisors of Retail Sales Workers
TODAY = date(2026, 12, 1)


def nurse_to_be(plan: Plan, catalog: pd.DataFrame) -> Plan:
    """The persona as a retail sales supervisor of six years moving to registered nurse."""
    plan.comparison.chosen = [NURSE]
    plan.long_term.objectives = {}
    plan.dream_job.past_jobs = [
        PastJob(code=RETAIL, title=str(catalog.at[RETAIL, "title"]), years=6)
    ]
    plan.short_term_goals.goals = [
        Goal(
            text="Finish the anatomy and microbiology prerequisites at Valley Community College",
            due=date(2027, 6, 30),
            direction=NURSE,
        ),
        Goal(
            text="Shadow a nurse on a medical-surgical unit for two shifts",
            due=date(2027, 3, 31),
            direction=NURSE,
        ),
        Goal(text="Apply to the ADN program", due=date(2028, 1, 15), direction=NURSE),
        Goal(text="Sign up for a phlebotomy class", direction=NURSE, status="dropped"),
        Goal(text="Visit two clinics", due=date(2027, 1, 5), direction="11-9111.00"),
    ]
    return plan


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


# --- drafting ----------------------------------------------------------------------------


def test_the_nurse_to_be_gets_a_spoken_answer_from_every_part(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    plan = nurse_to_be(persona, catalog)
    text = cg.draft_interview(plan, catalog)
    assert 3 <= len(sentences(text)) <= 5, text
    assert text.startswith("In five years I see myself working as a registered nurse")
    assert "in an outpatient clinic or community health center in my city" in text  # 01's where
    assert "Six years as a retail sales supervisor" in text
    # first steps: this direction's goals not dropped, soonest due first
    assert "My first step is to shadow a nurse on a medical-surgical unit for two shifts" in text
    assert "After that, I will finish the anatomy" in text
    assert "phlebotomy" not in text and "clinics" not in text and "ADN" not in text
    assert "[" not in text and cg.advice(text, "interview") == []


def test_the_skills_named_are_the_persons_that_carry_over(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    plan = nurse_to_be(persona, catalog)
    skills = cg.transferable_skills(plan, catalog, NURSE)
    ratings = tables_of(catalog).skill_ratings()
    nurse = ratings[ratings.index == NURSE].set_index("skill")
    held = ratings[ratings.index == RETAIL].set_index("skill")["level"]
    own = {s.name: to_onet_level(s.level) for s in plan.dream_job.skills}
    assert skills
    for skill in skills:  # each matters to nursing and the person reaches O*NET's level
        assert nurse.at[skill, "importance"] >= MATTERS
        mine = own.get(skill, held.get(skill))
        assert mine >= nurse.at[skill, "level"] - MIN_GAP, skill
    missing = [
        s
        for s in nurse.index
        if nurse.at[s, "importance"] >= MATTERS
        and own.get(s, held.get(s, 0)) < nurse.at[s, "level"] - MIN_GAP
    ]
    assert missing and not set(missing) & set(skills)  # a gap is never "what I bring"
    text = cg.draft_interview(plan, catalog)
    said = [cg.SAID[s] for s in skills[:3]]
    assert f"taught me to {said[0]}, {said[1]} and {said[2]}; registered nurses rely" in text


def test_every_onet_skill_is_said_as_a_person_would(persona: Plan) -> None:
    assert set(cg.SAID) == set(SKILLS)
    for phrase in cg.SAID.values():
        assert " and " not in phrase and cg.advice(f"It taught me to {phrase}.", "interview") == []
    persona.dream_job.skills = [
        Skill(name="Speaking", level=4),
        Skill(name="Cash handling", level=5),
    ]
    persona.dream_job.past_jobs = []  # no jobs listed: "my work so far"
    text = cg.draft_interview(persona, pd.DataFrame(columns=["title"]), code="")
    assert "has taught me cash handling and speaking" in text  # a skill of their own: names


def test_the_resume_objective_is_one_line(persona: Plan, catalog: pd.DataFrame) -> None:
    plan = nurse_to_be(persona, catalog)
    line = cg.draft_objective(plan, catalog)
    top = cg.transferable_skills(plan, catalog, NURSE)[:3]
    said = f"{cg.SAID[top[0]]}, {cg.SAID[top[1]]} and {cg.SAID[top[2]]}"  # as the answer says them
    assert line.startswith(
        f"Retail sales supervisor with 6 years of experience that taught me to {said}"
    )
    assert line.endswith(", seeking a role as a registered nurse.")
    assert not any(s.casefold() in line.casefold() for s in SKILLS)  # no O*NET skill names
    assert "\n" not in line and len(line) < 200 and cg.advice(line, "objective") == []


def test_the_skills_the_person_listed_come_first(persona: Plan, catalog: pd.DataFrame) -> None:
    """Their own list in 01 (rated 3 or more) before the skills only their jobs back."""
    plan = nurse_to_be(persona, catalog)
    own = {s.name: s.level for s in plan.dream_job.skills}
    skills = cg.transferable_skills(plan, catalog, NURSE)
    listed = [s for s in skills if own.get(s, 0) >= cg.OWN_LEVEL]
    assert listed and skills[: len(listed)] == listed
    assert [own[s] for s in listed] == sorted((own[s] for s in listed), reverse=True)
    assert any(s not in own for s in skills)  # the jobs' skills still count, after


def test_a_long_objective_names_fewer_skills_to_stay_one_line(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    plan = nurse_to_be(persona, catalog)
    plan.dream_job.past_jobs[0].own_title = "Assistant store manager and key holder at a chain"
    line = cg.draft_objective(plan, catalog)
    assert len(line) <= cg.OBJECTIVE_CHARS and cg.advice(line, "objective") == []
    assert "taught me to" in line


def test_no_direction_chosen_says_where_to_choose_one(persona: Plan, catalog: pd.DataFrame) -> None:
    plan = nurse_to_be(persona, catalog)
    plan.comparison.chosen = []
    drafts = cg.draft(plan, catalog)
    for text in (drafts.interview, drafts.objective):
        assert cg.NO_DIRECTION in text and "registered nurse" not in text
    assert "Six years as a retail sales supervisor" in drafts.interview
    assert cg.advice(drafts.interview, "interview")[0].startswith("It still has a note")


def test_no_goals_says_where_to_write_them(persona: Plan, catalog: pd.DataFrame) -> None:
    plan = nurse_to_be(persona, catalog)
    plan.short_term_goals.goals = [g for g in plan.short_term_goals.goals if g.direction != NURSE]
    text = cg.draft_interview(plan, catalog)
    assert text.endswith(cg.NO_STEPS) and "first step is" not in text
    assert "Visit two clinics".lower() not in text  # another direction's goal is not taken


def test_no_jobs_and_no_skills_say_what_to_add(persona: Plan, catalog: pd.DataFrame) -> None:
    plan = nurse_to_be(persona, catalog)
    plan.dream_job.past_jobs = []
    text = cg.draft_interview(plan, catalog)
    assert "My work so far has taught me" in text and "supervisor" not in text
    assert cg.draft_objective(plan, catalog).startswith("Experience that taught me to ")
    plan.dream_job.skills = []
    drafts = cg.draft(plan, catalog)
    assert cg.NO_BACKGROUND in drafts.interview and "taught me" not in drafts.interview
    assert drafts.objective.startswith(cg.NO_RESUME_BACKGROUND)
    assert drafts.objective.endswith("seeking a role as a registered nurse.")


def test_a_job_whose_skills_do_not_reach_the_direction_asks_for_them(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    plan = nurse_to_be(persona, catalog)
    plan.dream_job.skills = []
    plan.dream_job.past_jobs = [PastJob(title="Dog walker", years=2)]  # not in the catalog
    text = cg.draft_interview(plan, catalog)
    assert "Two years as a dog walker taught me [name two or three skills" in text
    assert "that registered nurses need]" in text


def test_the_five_year_role_leads_and_the_direction_is_still_named(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    plan = nurse_to_be(persona, catalog)
    plan.long_term.objectives = {NURSE: Objective(role_5y="Charge nurse on a cardiac unit.")}
    text = cg.draft_interview(plan, catalog)
    assert text.startswith(
        "In five years I see myself as a charge nurse on a cardiac unit. That starts with my "
        "move into work as a registered nurse."
    )
    assert len(sentences(text)) == 5


def test_an_empty_plan_gets_notes_not_inventions(plan: Plan, catalog: pd.DataFrame) -> None:
    drafts = cg.draft(plan, catalog)
    assert cg.NOTE.sub("", drafts.interview).replace(" ", "") == "InfiveyearsIseemyselfworkingas."
    assert cg.NOTE.findall(drafts.objective) == [cg.NO_RESUME_BACKGROUND, cg.NO_DIRECTION]


def test_a_title_the_person_typed_is_kept(persona: Plan, catalog: pd.DataFrame) -> None:
    plan = nurse_to_be(persona, catalog)
    plan.exploration.options.append(
        Option(code="custom:doula", title="Doula at Birth Partners", custom=True)
    )
    plan.comparison.chosen = ["custom:doula"]
    text = cg.draft_interview(plan, catalog)
    assert "working as a doula at Birth Partners" in text


def test_a_place_named_in_the_vision_keeps_its_capital(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    plan = nurse_to_be(persona, catalog)
    plan.dream_job.vision_prompts["where"] = "Ohio"
    assert "working as a registered nurse in Ohio." in cg.draft_interview(plan, catalog)
    plan.dream_job.vision_prompts["where"] = "A clinic near Dayton"
    assert "working as a registered nurse in a clinic near Dayton." in cg.draft_interview(
        plan, catalog
    )


def test_the_jobs_held_are_said_in_the_persons_own_words(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    """Typed "store manager", picked O*NET's retail supervisors: the drafts say theirs."""
    plan = nurse_to_be(persona, catalog)
    plan.dream_job.past_jobs[0].own_title = "Store manager"
    assert "Six years as a store manager taught me" in cg.draft_interview(plan, catalog)
    assert cg.draft_objective(plan, catalog).startswith("Store manager with 6 years")
    assert "supervisor" not in cg.draft(plan, catalog).interview


def test_the_printed_plan_names_jobs_held_in_the_persons_words_escaped(
    plan: Plan, catalog: pd.DataFrame
) -> None:
    onet = str(catalog.at[RETAIL, "title"])
    plan.dream_job.past_jobs = [
        PastJob(code=RETAIL, title=onet, own_title="Store <b>boss</b> *1*", years=6)
    ]
    page = export.report_html(plan, catalog, TODAY)
    assert f"Store &lt;b&gt;boss&lt;/b&gt; *1* (O*NET: {onet}; 6 years)" in page
    assert "<b>boss" not in page
    md = export_markdown.report_markdown(plan, catalog, TODAY)
    assert rf"Store \<b\>boss\</b\> \*1\* (O\*NET: {onet}; 6 years)" in md


@pytest.mark.parametrize(
    "title, said",
    [
        ("Registered Nurses", "registered nurse"),
        ("First-Line Supervisors of Retail Sales Workers", "retail sales supervisor"),
        ("Waiters and Waitresses", "waiter or waitress"),
        (
            "Secretaries and Administrative Assistants, Except Legal",
            "secretary or administrative assistant",
        ),
        (
            "Licensed Practical and Licensed Vocational Nurses",
            "licensed practical and licensed vocational nurse",
        ),
        ("Heavy and Tractor-Trailer Truck Drivers", "heavy and tractor-trailer truck driver"),
        ("Chief Executives", "chief executive"),
        ("Computer User Support Specialists", "computer user support specialist"),
        ("Coaches and Scouts", "coach or scout"),
        ("Nurse Anesthetists", "nurse anesthetist"),
    ],
)
def test_a_catalog_title_is_said_as_one_person_in_it(title: str, said: str) -> None:
    assert cg.one_of(title) == said


@pytest.mark.parametrize(
    "phrase, with_it",
    [
        ("registered nurse", "a registered nurse"),
        ("operations manager", "an operations manager"),
        ("RN", "an RN"),
        ("union organizer", "a union organizer"),
        ("the manager", "the manager"),
    ],
)
def test_the_article_fits_the_sound(phrase: str, with_it: str) -> None:
    assert cg.with_article(phrase) == with_it


# --- the person's text against a redraft ---------------------------------------------------


def test_a_redraft_never_overwrites_the_persons_text(persona: Plan, catalog: pd.DataFrame) -> None:
    plan = nurse_to_be(persona, catalog)
    first = cg.draft(plan, catalog)
    assert cg.redraft(plan, first) == {}  # empty boxes: filled
    goal = plan.long_term.career_goal
    assert (goal.interview, goal.objective) == (first.interview, first.objective)
    mine = first.objective.replace("Retail sales supervisor", "Store supervisor")
    cg.set_text(plan, "objective", mine)
    plan.dream_job.past_jobs[0].years = 7
    second = cg.draft(plan, catalog)
    assert second.objective != first.objective and "7 years" in second.objective
    offers = cg.redraft(plan, second)
    assert offers == {"objective": second.objective}  # offered beside it
    assert plan.long_term.career_goal.objective == mine  # kept
    assert plan.long_term.career_goal.interview == second.interview  # unedited: redrafted
    cg.use_draft(plan, "objective", offers["objective"])
    assert plan.long_term.career_goal.objective == second.objective
    assert cg.redraft(plan, cg.draft(plan, catalog)) == {}  # the draft taken is no edit


def test_text_typed_before_any_draft_is_the_persons(plan: Plan) -> None:
    cg.set_text(plan, "interview", "I will be a night nurse in Tucson.")
    offers = cg.redraft(plan, cg.Drafts("A draft.", "Another."))
    assert offers == {"interview": "A draft."}
    assert plan.long_term.career_goal.interview == "I will be a night nurse in Tucson."


def test_a_text_too_long_is_refused_and_the_plan_kept(plan: Plan) -> None:
    cg.set_text(plan, "objective", "Nurse.")
    with pytest.raises(cg.CareerGoalInputError, match="keep it under 300"):
        cg.set_text(plan, "objective", "x" * 301)
    assert plan.long_term.career_goal.objective == "Nurse."


# --- saving, old plans ------------------------------------------------------------------


def test_both_texts_are_saved_and_read_back(persona: Plan, catalog: pd.DataFrame) -> None:
    plan = nurse_to_be(persona, catalog)
    cg.redraft(plan, cg.draft(plan, catalog))
    cg.set_text(plan, "interview", "In five years I see myself as a charge nurse in Tucson.")
    plan.save("long_term")
    again = reopen(plan).long_term.career_goal
    assert again.interview == "In five years I see myself as a charge nurse in Tucson."
    assert again.objective == cg.draft_objective(plan, catalog)
    assert again.objective_draft == again.objective and again.drafted == date.today()


def test_a_plan_from_before_opens_with_an_empty_career_goal(workspace: Path) -> None:
    raw = json.loads(PERSONA.read_text(encoding="utf-8"))
    assert "career_goal" not in json.dumps(raw)  # written before this part existed
    (workspace / "plan.json").write_text(json.dumps(raw), encoding="utf-8")
    plan = open_plan()
    assert plan.long_term.career_goal.interview == plan.long_term.career_goal.objective == ""
    assert plan.long_term.objectives["11-9111.00"].role_5y  # the rest is read as before
    plan.save()
    saved = json.loads((workspace / "plan.json").read_text(encoding="utf-8"))
    assert saved["long_term"]["career_goal"]["interview"] == ""


# --- exports ---------------------------------------------------------------------------

NASTY = "<script>alert(1)</script> & *bold* [link](x)\n# Heading\n- item"


def test_both_texts_are_in_the_printed_plan_escaped(plan: Plan, catalog: pd.DataFrame) -> None:
    cg.set_text(plan, "interview", NASTY)
    cg.set_text(plan, "objective", "Nurse <b>now</b>")
    page = export.report_html(plan, catalog, TODAY)
    assert "<script>" not in page and "<b>now" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *bold*" in page
    assert "Nurse &lt;b&gt;now&lt;/b&gt;" in page
    assert "Where I see myself in five years (for an interview)" in page
    assert "Career objective (for my résumé)" in page


def test_both_texts_are_in_the_markdown_escaped(plan: Plan, catalog: pd.DataFrame) -> None:
    cg.set_text(plan, "interview", NASTY)
    cg.set_text(plan, "objective", "Nurse | *now*")
    md = export_markdown.report_markdown(plan, catalog, TODAY)
    assert r"\<script\>alert(1)\</script\> \& \*bold\* \[link\](x)<br>\# Heading<br>\- item" in md
    assert r"Nurse \| \*now\*" in md
    assert not [line for line in md.splitlines() if line.startswith(("# Heading", "- item"))]
    assert "### A career goal I can say" in md
    assert "\n\n**Career objective (for my résumé):** Nurse" in md  # a paragraph, run in


def test_a_plan_without_them_says_where_to_draft_them(plan: Plan, catalog: pd.DataFrame) -> None:
    md = export_markdown.report_markdown(plan, catalog, TODAY)
    assert "_No career goal to say yet: draft one at the end of step 05._" in md


# --- the vague-word check ------------------------------------------------------------------


def test_vague_words_are_flagged_with_their_hint() -> None:
    tips = cg.advice("In five years I want a good job and to be sucessful.", "interview")
    assert f"'a good job' is vague: {VAGUE['a good job']}." in tips
    assert f"'successful' is vague: {VAGUE['successful']}." in tips  # a typo read as meant
    assert cg.advice("Retail supervisor seeking something better.", "objective") == [
        f"'something' is vague: {VAGUE['something']}.",
        f"'better' is vague: {VAGUE['better']}.",
    ]


def test_length_and_notes_are_checked() -> None:
    long = " ".join(f"Sentence {n} is here." for n in range(7))
    assert any("It has 7 sentences" in tip for tip in cg.advice(long, "interview"))
    assert any("one line" in tip for tip in cg.advice("Nurse.\nWith heart.", "objective"))
    assert cg.advice("", "interview") == []


def test_what_changed_names_the_career_goal(plan: Plan) -> None:
    before = plan.model_copy(deep=True)
    cg.set_text(plan, "interview", "In five years I see myself as a nurse in Tucson.")
    assert [c.text for c in plan_diff(before, plan)] == ["Interview answer (five years) written"]
    later = plan.model_copy(deep=True)
    cg.set_text(plan, "objective", "Nurse.")
    cg.set_text(plan, "interview", "")
    assert [c.text for c in plan_diff(later, plan)] == [
        "Interview answer (five years) cleared",
        "Résumé objective written",
    ]


def test_first_steps_read_as_the_person_wrote_them(persona: Plan, catalog: pd.DataFrame) -> None:
    plan = nurse_to_be(persona, catalog)
    plan.short_term_goals.goals = [
        Goal(text="I will enroll in a CNA course.", due=date(2027, 2, 1), direction=NURSE),
        Goal(text="CNA certificate by June 2027", due=date(2027, 6, 30), direction=NURSE),
    ]
    text = cg.draft_interview(plan, catalog)
    assert text.endswith(
        "My first steps: enroll in a CNA course by February 2027; CNA certificate by June 2027."
    )
    plan.short_term_goals.goals = plan.short_term_goals.goals[:1]
    assert cg.draft_interview(plan, catalog).endswith(
        "My first step is to enroll in a CNA course by February 2027."
    )
