"""A refused save can be taken up: the other notebook's answers, with this one's on top."""

from __future__ import annotations

from careerkit.plan import Plan, PlanConflict
from careerkit.plan.merge import merge3
from tests.conftest import reopen


def test_each_side_keeps_the_answers_only_it_changed() -> None:
    base = {"vision": "", "reflections": {"a": "x", "b": "y"}}
    mine = {"vision": "Mine", "reflections": {"a": "x", "b": "y", "c": "new"}}
    theirs = {"vision": "", "reflections": {"a": "theirs", "b": "y"}}
    merged, clashes = merge3(base, mine, theirs)
    assert merged == {"vision": "Mine", "reflections": {"a": "theirs", "b": "y", "c": "new"}}
    assert clashes == []


def test_a_clash_keeps_mine_and_names_the_answer() -> None:
    merged, clashes = merge3({"name": "", "coach": ""}, {"name": "Al", "coach": ""}, {"name": "Bo"})
    assert merged == {"name": "Al"}  # the other side removed coach; this one did not touch it
    assert clashes == ["name"]


def test_records_are_matched_by_id_not_by_position() -> None:
    """The other notebook added a goal at the top; an edit here still lands on its own goal."""
    one, two = {"id": "g1", "title": "One"}, {"id": "g2", "title": "Two"}
    new = {"id": "g0", "title": "Added elsewhere"}
    mine = [one, {**two, "title": "Two, edited"}]
    merged, clashes = merge3([one, two], mine, [new, one, two])
    assert merged == [one, {"id": "g2", "title": "Two, edited"}, new]
    assert clashes == []


def test_a_record_deleted_here_and_edited_there_is_a_clash() -> None:
    one, two = {"id": "g1", "title": "One"}, {"id": "g2", "title": "Two"}
    merged, clashes = merge3([one, two], [one], [one, {"id": "g2", "title": "Two!"}])
    assert merged == [one]
    assert clashes == ["[g2]"]


def test_lists_of_distinct_texts_are_merged_text_by_text() -> None:
    """Each side's additions and removals are kept: the text is its own key."""
    merged, clashes = merge3(["a", "b"], ["a", "b", "mine"], ["b", "theirs"])
    assert merged == ["b", "mine", "theirs"] and clashes == []


def test_a_list_with_a_text_twice_counts_as_one_answer() -> None:
    merged, clashes = merge3(["a"], ["a", "a"], ["c"])
    assert merged == ["a", "a"] and clashes == [""]


def test_a_list_longer_than_its_limit_is_a_clash_that_keeps_mine() -> None:
    merged, clashes = merge3(
        {"chosen": []}, {"chosen": ["x", "y"]}, {"chosen": ["z"]}, {"chosen": 2}
    )
    assert merged == {"chosen": ["x", "y"]} and clashes == ["chosen"]


def test_a_record_both_added_takes_each_sides_answers() -> None:
    """07's review of the day, started in two tabs: one answer each, one review."""
    day = {"id": "day-1", "went_well": "", "changed": ""}
    merged, clashes = merge3([], [{**day, "changed": "Mine"}], [{**day, "went_well": "Theirs"}])
    assert merged == [{"id": "day-1", "went_well": "Theirs", "changed": "Mine"}]
    assert clashes == []


def test_two_different_ids_of_one_record_are_no_clash() -> None:
    """The questionnaire's result gets a new record (and id) as answers come in."""
    base = {"id": "r0", "answers": {}}
    mine, theirs = {"id": "r1", "answers": {"1": 2}}, {"id": "r2", "answers": {"2": 0}}
    merged, clashes = merge3(base, mine, theirs)
    assert merged == {"id": "r1", "answers": {"1": 2, "2": 0}} and clashes == []


def test_reload_then_save_keeps_both_notebooks_answers(plan: Plan) -> None:
    other = reopen(plan)
    other.dream_job.reflections["childhood"] = "Theirs"
    other.save("dream_job")
    plan.dream_job.vision = "Mine"
    try:
        plan.save("dream_job")
    except PlanConflict:
        pass
    else:
        raise AssertionError("the save should have been refused first")
    assert plan.reload("dream_job") == []
    assert plan.dream_job.vision == "Mine"  # what was typed here is still in the plan
    plan.save("dream_job")
    saved = reopen(plan).dream_job
    assert (saved.vision, saved.reflections) == ("Mine", {"childhood": "Theirs"})


def test_reload_takes_sections_unchanged_here_from_the_file(plan: Plan) -> None:
    other = reopen(plan)
    other.profile.coach = "Dana"
    other.save("profile")
    plan.dream_job.vision = "Mine"
    plan.reload("dream_job")
    assert plan.profile.coach == "Dana"


def test_forms_built_before_a_reload_do_not_undo_the_other_notebooks_answers(plan: Plan) -> None:
    shown = plan.as_read("profile")
    other = reopen(plan)
    other.profile.coach = "Dana"
    other.save("profile")
    plan.profile.name = "Al"
    assert plan.reload("profile") == []
    plan.save("profile")
    plan.profile.coach = ""  # a form still showing the old, empty coach writes it back
    plan.profile.workshop = "Spring"
    plan.keep_unshown("profile", shown)
    plan.save("profile")
    saved = reopen(plan).profile
    assert (saved.name, saved.coach, saved.workshop) == ("Al", "Dana", "Spring")
