from __future__ import annotations

import pandas as pd
import pytest

from careerkit.catalog import SKILLS
from careerkit.plan import Plan, Skill
from careerkit.steps.dream_job import (
    DEFAULT_KINDS,
    REFLECTION_PROMPTS,
    VISION_PROMPTS,
    default_kind,
    draft_vision,
    names_a_role,
    new_skill,
    role_words,
)
from tests.conftest import PERSONA


def test_prompt_ids_match_what_the_plan_stores() -> None:
    assert [p.id for p in REFLECTION_PROMPTS] == ["at_ease", "drawn_to", "still_love", "asked_for"]
    assert [p.id for p in VISION_PROMPTS] == ["different", "where", "dress", "day", "feel"]


def test_every_onet_skill_has_a_default_kind() -> None:
    assert set(DEFAULT_KINDS) == set(SKILLS)
    assert default_kind("Speaking") == "soft"
    assert default_kind("Programming") == "hard"
    assert default_kind("speaking") == "soft"
    assert default_kind("Excel pivot tables") == "hard"


def test_new_skill_uses_the_onet_spelling_and_default_kind() -> None:
    skill = new_skill("  active   listening ", [])
    assert skill == Skill(name="Active Listening", kind="soft", level=3)
    assert new_skill("Spanish", []).name == "Spanish"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Type a skill or pick one"),
        ("x" * 81, "under 80 characters"),
        ("SPEAKING", "'Speaking' is already in your list"),
    ],
)
def test_new_skill_refuses_with_a_plain_message(name: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        new_skill(name, [Skill(name="Speaking", kind="soft")])


def test_draft_from_the_persona_answers() -> None:
    prompts = Plan.model_validate_json(PERSONA.read_text()).dream_job.vision_prompts
    draft = draft_vision(prompts)
    assert draft.startswith("Now that I have my dream job, I lead a team that helps patients")
    assert "I work in an outpatient clinic or community health center in my city." in draft
    assert "I wear smart casual, a name badge, comfortable shoes." in draft
    assert "Most of my day goes to planning staff schedules" in draft
    assert draft.endswith("I feel useful and calm; tired at the end of the day but proud.")


def test_draft_frames_first_person_places_and_names() -> None:
    draft = draft_vision(
        {
            "different": "More time with my kids",
            "where": "at home, mostly.",
            "dress": "NHS scrubs",
            "day": "I plan the week's deliveries",
            "feel": "",
        }
    )
    assert draft == (
        "Now that I have my dream job, the big change is more time with my kids. "
        "I work at home, mostly. I wear NHS scrubs. I plan the week's deliveries."
    )


@pytest.mark.parametrize(
    "where, said",
    [
        ("Ohio", "I work in Ohio."),  # a name keeps its capital
        ("Mayo Clinic in Rochester", "I work in Mayo Clinic in Rochester."),
        ("Columbus, close to my family", "I work in Columbus, close to my family."),
        ("A clinic in Ohio", "I work in a clinic in Ohio."),  # only a sentence start's capital
        ("The hospital downtown", "I work in the hospital downtown."),
        ("a school", "I work in a school."),
        ("In Ohio", "I work in Ohio."),
    ],
)
def test_the_persons_capitals_are_kept_in_a_place(where: str, said: str) -> None:
    assert draft_vision({"where": where}) == said


def test_a_name_of_several_words_keeps_its_capitals_in_any_answer() -> None:
    draft = draft_vision({"day": "Google Docs and patient calls", "feel": "Proud and calm"})
    assert draft == "Most of my day goes to Google Docs and patient calls. I feel proud and calm."


def test_draft_of_nothing_is_empty() -> None:
    assert draft_vision({}) == ""
    assert draft_vision({"where": "   ", "feel": "\n"}) == ""


@pytest.mark.parametrize(
    "statement, named",
    [
        ("In three years I work as a registered nurse on a children's ward.", True),
        ("I lead a small team of UX designers at a health startup in Denver.", True),
        ("I am a teacher of young kids and I love it every single day of the week.", True),
        ("I want to become a pilot.", True),
        ("In three years I wake up happy, I help people every day and feel valued.", False),
        ("I spend my days with people I like, doing meaningful work, and go home calm.", False),
    ],
)
def test_a_vision_that_names_no_job_is_told_so(
    catalog: pd.DataFrame, statement: str, named: bool
) -> None:
    roles = role_words(catalog["title"])
    assert {"nurse", "designer", "teacher", "manager"} <= roles
    assert names_a_role(statement, roles) is named
