"""Exports: the printable HTML report, its Markdown twin and the calendar file, read back."""

from __future__ import annotations

import errno
import json
import os
import re
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import icalendar
import pandas as pd
import pytest

from careerkit.plan import Action, Goal, GoalActions, Plan
from careerkit.report import export, export_files, export_markdown, reminders
from careerkit.report.blocks import Cards, Sub, Table
from careerkit.steps.action_plan import next_review_due
from tests.conftest import PERSONA

TODAY = date(2026, 11, 22)
# Markup, quotes, an ampersand, and the characters iCalendar must escape (, ; \ newline).
NASTY = "<script>alert(1)</script> \"dq\" 'sq' & a, b; c\\d\nnext <img src=x onerror=alert(2)>"
# Fields holding codes, ids, fixed choices or dates: not free text the person typed.
NOT_TEXT = {"kind", "status", "feels_right", "want_to_grow", "code", "id", "direction", "chosen"}
# Free text the report does not show (step 01's working notes and the coach's set-up).
NOT_IN_REPORT = (
    "dream_job.vision_prompts",
    "profile.coach",
    "profile.workshop",
    "comparison.criteria",
)
DATE = re.compile(r"\d{4}-\d\d-\d\d")
ALLOWED_TAGS = {
    *"html head meta title style body header footer h1 h2 h3 p section dl dt dd ul li".split(),
    *"table thead tbody tr th td figure figcaption img br div".split(),
}


def poisoned_plan(workspace: Path) -> tuple[Plan, dict[int, str]]:
    """The persona with every free-text field replaced by NASTY plus a '#n' tag.

    Returns the plan (saved in the workspace) and tag number -> field path.
    """
    raw = json.loads(PERSONA.read_text(encoding="utf-8"))
    raw["comparison"]["weights"]["custom criterion"] = 1.0  # a criterion the coach typed
    raw["exploration"]["options"][0]["answers"]["own question"] = "x"
    fields: dict[int, str] = {}

    def poison(value: Any, path: str, key: str) -> Any:
        if isinstance(value, dict):
            # criteria and exploring questions: names a person or coach may have typed
            keyed = key == "weights" or (key == "answers" and path.startswith("exploration"))
            return {
                (poison(k, f"{path}.{k}<key>", "") if keyed else k): poison(v, f"{path}.{k}", k)
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [poison(v, f"{path}[{i}]", key) for i, v in enumerate(value)]
        if key == "drop_reason" and not value:  # only shown for dropped ones
            return value
        if isinstance(value, str) and key not in NOT_TEXT and not DATE.fullmatch(value):
            fields[len(fields)] = path
            return f"{NASTY} #{len(fields) - 1}#"
        return value

    raw = {k: poison(v, k, k) for k, v in raw.items()}
    (workspace / "plan.json").write_text(json.dumps(raw), encoding="utf-8")
    from careerkit import open_plan

    return open_plan(), fields


class Collector(HTMLParser):
    """Start tags with their attributes, and the text, of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    collector.close()
    return collector


# --- HTML ---------------------------------------------------------------------------------------


def test_every_typed_text_is_escaped_in_the_html(workspace: Path, catalog: pd.DataFrame) -> None:
    plan, fields = poisoned_plan(workspace)
    page = parse(export.report_html(plan, catalog, TODAY))
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS  # no <script>, no <img> of theirs
    imgs = [attrs for tag, attrs in page.tags if tag == "img"]
    assert imgs and all(a["src"].startswith("data:image/png;base64,") for a in imgs)
    assert all(set(a) == {"alt", "width", "src"} for a in imgs)  # no onerror=
    text = "".join(page.text)
    assert text.count("<script>alert(1)</script>") >= len(fields) // 2  # shown, as text
    shown = {int(n) for n in re.findall(r"#(\d+)#", text)}
    missing = [fields[n] for n in fields if n not in shown]
    assert [p for p in missing if not p.startswith(NOT_IN_REPORT)] == []


def test_every_typed_text_is_escaped_in_the_markdown(
    workspace: Path, catalog: pd.DataFrame
) -> None:
    plan, fields = poisoned_plan(workspace)
    text = export_markdown.report_markdown(plan, catalog, TODAY)
    assert not re.search(r"(?<!\\)<(?!br>)", text)  # every < is escaped but our line breaks
    assert text.count(r"\<script\>alert(1)\</script\>") >= len(fields) // 2
    assert "\\&" in text and '"dq"' in text


def test_a_bare_carriage_return_cannot_start_markdown_lines(
    plan: Plan, catalog: pd.DataFrame
) -> None:
    plan.dream_job.vision = "Lead a team\r# Injected heading\r- injected item\r\n1. listed\u2028==="
    text = export_markdown.report_markdown(plan, catalog, TODAY)
    assert "\r" not in text and "\u2028" not in text
    lines = text.splitlines()
    assert not [
        line for line in lines if re.match(r"\s*(# Injected|- injected|1\. listed|===)", line)
    ]
    assert "Lead a team<br>\\# Injected heading<br>\\- injected item<br>\\1. listed<br>===" in text


def test_report_holds_the_whole_plan(persona: Plan, catalog: pd.DataFrame) -> None:
    page = export.report_html(persona, catalog, TODAY)
    doc = parse(page)
    headings = [
        t for t in doc.text if t in {s.title for s in export.plan_document(persona, catalog)}
    ]
    assert headings == [
        "Dream job",
        "Shortlist",
        "Comparison",
        "Short-term goals",
        "Long-term objectives",
        "Action plan",
        "Reviews",
    ]
    text = " ".join(doc.text)
    for expected in (
        "September 10, 2026",  # vision date
        "Night shifts and a full nursing degree",  # a dropped option's reason
        "Clinic management uses what I already do best",  # the reason for the choice
        "S.M.A.R.T. check",
        "Operations manager of an outpatient clinic",
        "Ask HR about tuition assistance",
        "My store may close in 2027.",
    ):
        assert expected in text
    assert len([t for t, _ in doc.tags if t == "img"]) == 2  # interests, roadmap


def test_report_is_self_contained_and_printable(persona: Plan, catalog: pd.DataFrame) -> None:
    page = export.report_html(persona, catalog, TODAY)
    assert "@media print" in page and "break-inside: avoid" in page
    assert not re.search(r"(src|href)=\"(https?:|//)", page)
    assert "<link" not in page and "<script" not in page


def test_report_on_an_empty_plan_says_what_to_do_first(plan: Plan, catalog: pd.DataFrame) -> None:
    text = " ".join(parse(export.report_html(plan, catalog, TODAY)).text)
    assert "No goals yet: set them in step 04." in text
    assert "No vision written yet" in text
    md = export_markdown.report_markdown(plan, catalog, TODAY)
    assert "_No options yet: build a shortlist in step 02._" in md


def test_markdown_tables_and_fields(persona: Plan, catalog: pd.DataFrame) -> None:
    md = export_markdown.report_markdown(persona, catalog, TODAY)
    assert md.startswith("# Maya Alvarez (sample persona): career plan\n")
    assert "| Occupation | Median pay a year | Kept or dropped |\n| --- | --- | --- |" in md
    assert "- **Next review due:** November 1, 2027" in md


def test_criteria_are_named_by_their_labels_not_their_ids(
    persona: Plan, catalog: pd.DataFrame, workspace: Path
) -> None:
    persona.comparison.weights = {"work_life": 4.0, "commute": 2.0}
    md = export_markdown.report_markdown(persona, catalog, TODAY)
    assert "Work-life balance 4" in md and "work life" not in md
    assert "Commute 2" in md  # a coach's criterion without a label
    (workspace / "workshop.toml").write_text(
        '[scoring]\ncriteria = ["work_life", "commute"]\nweights = { commute = 2 }\n'
        'labels = { commute = "Short commute" }\n',
        encoding="utf-8",
    )
    assert "Short commute 2" in export_markdown.report_markdown(persona, catalog, TODAY)
    assert "Short commute" in export.report_html(persona, catalog, TODAY)


# --- iCalendar -------------------------------------------------------------------------------


def events(ics: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(ics)
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_calendar_has_goal_action_and_review_events(persona: Plan) -> None:
    found = events(reminders.calendar_ics(persona))
    goals = [g for g in persona.short_term_goals.goals if g.due]
    actions = [
        a for i in persona.action_plan.items.values() for a in i.actions if a.due and not a.done
    ]
    assert len(found) == len(goals) + len(actions) + 1
    first = persona.short_term_goals.goals[0]
    goal_event = next(e for s, e in found.items() if s.startswith("Goal due: Enroll"))
    assert goal_event.decoded("dtstart") == first.due
    action = persona.action_plan.items["g-edu01"].actions[0]
    assert found[action.text].decoded("dtstart") == action.due
    review = found["Review my career plan"]
    assert review.decoded("dtstart") == date(2027, 11, 1)  # a year after the last review
    assert review["rrule"]["FREQ"] == ["MONTHLY"] and review["rrule"]["INTERVAL"] == [12]


@pytest.mark.parametrize("months", [12, 24])
def test_review_recurs_every_chosen_interval(plan: Plan, months: int) -> None:
    plan.action_plan.review_every_months = months
    rule = events(reminders.calendar_ics(plan))["Review my career plan"]["rrule"]
    assert rule.to_ical() == f"FREQ=MONTHLY;INTERVAL={months}".encode()


def test_calendar_text_round_trips_and_uids_are_stable(plan: Plan) -> None:
    text = 'Meet Rosa, Sam; and "Lee"\nthen write up C:\\notes'
    plan.short_term_goals.goals = [Goal(id="g1", text=text, due=date(2027, 3, 1), measure="a;b")]
    plan.action_plan.items = {"g1": GoalActions(actions=[Action(text=text, due=date(2027, 1, 9))])}
    ics = reminders.calendar_ics(plan)
    assert b"Rosa\\, Sam\\; and" in ics  # escaped on the wire (RFC 5545)
    found = events(ics)
    goal = found["Goal due: " + 'Meet Rosa, Sam; and "Lee" then write up C:\\notes']
    assert str(goal["description"]) == f"{text}\nMeasure: a;b"
    action = next(e for e in found.values() if "For the goal" in str(e["description"]))
    assert str(action["description"]) == f"{text}\nFor the goal: {text}"
    assert action.decoded("dtstart") == date(2027, 1, 9)
    uids = {str(e["uid"]) for e in found.values()}
    plan.short_term_goals.goals[0].text = "Reworded"
    assert {str(e["uid"]) for e in events(reminders.calendar_ics(plan)).values()} >= uids - {
        str(action["uid"])
    }
    assert len(uids) == 3


def test_every_typed_text_survives_the_calendar(workspace: Path) -> None:
    plan, _ = poisoned_plan(workspace)
    cal = icalendar.Calendar.from_ical(reminders.calendar_ics(plan))
    descriptions = [str(e["description"]) for e in cal.walk("VEVENT")]
    assert len(descriptions) > 3
    nasty_ones = [d for d in descriptions if NASTY in d]
    assert len(nasty_ones) == len(descriptions) - 1  # all but the review reminder


def _uids(plan: Plan) -> dict[str, str]:
    """Event summary -> UID (summaries made unique with the event's date)."""
    cal = icalendar.Calendar.from_ical(reminders.calendar_ics(plan))
    return {f"{e['summary']} {e.decoded('dtstart')}": str(e["uid"]) for e in cal.walk("VEVENT")}


def test_action_events_are_keyed_by_the_actions_ids(plan: Plan) -> None:
    plan.short_term_goals.goals = [Goal(id="g1", text="Pass the exam")]
    same = [Action(text="Book a study hour", due=date(2027, 1, d)) for d in (5, 12)]
    plan.action_plan.items = {"g1": GoalActions(actions=same)}
    before = _uids(plan)
    first, second = before["Book a study hour 2027-01-05"], before["Book a study hour 2027-01-12"]
    assert first != second  # same text, two events a calendar keeps apart
    same[0].text = "Book two study hours"
    assert _uids(plan)["Book two study hours 2027-01-05"] == first  # reworded: same event


def test_done_actions_are_not_exported_as_coming_up(plan: Plan) -> None:
    plan.short_term_goals.goals = [Goal(id="g1", text="Pass the exam")]
    plan.action_plan.items = {
        "g1": GoalActions(
            actions=[
                Action(text="Register", due=date(2027, 1, 5), done=True),
                Action(text="Sit the exam", due=date(2027, 3, 1)),
            ]
        )
    }
    summaries = set(events(reminders.calendar_ics(plan)))
    assert "Sit the exam" in summaries
    assert not [s for s in summaries if "Register" in s]


def test_the_review_reminder_is_keyed_by_the_plan_not_the_name(plan: Plan) -> None:
    uid = _uids(plan)[f"Review my career plan {next_review_due(plan)}"]
    plan.profile.name = "A new name"
    assert _uids(plan)[f"Review my career plan {next_review_due(plan)}"] == uid
    other = Plan(profile=plan.profile.model_copy())
    assert _uids(other)[f"Review my career plan {next_review_due(other)}"] != uid


def test_dropped_goals_are_cancelled_not_left_behind(plan: Plan) -> None:
    plan.short_term_goals.goals = [
        Goal(text="old idea", due=date(2027, 1, 1), status="dropped", drop_reason="moved on")
    ]
    assert str(events(reminders.calendar_ics(plan))["Goal due: old idea"]["status"]) == "CANCELLED"


# --- files -------------------------------------------------------------------------------------


def test_write_exports_puts_three_files_in_the_exports_folder(
    persona: Plan, catalog: pd.DataFrame, workspace: Path
) -> None:
    files = export_files.write_exports(persona, catalog)
    assert files.html.parent == workspace / "exports"
    assert files.html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert files.markdown.read_text(encoding="utf-8").startswith("# Maya")
    assert icalendar.Calendar.from_ical(files.ics.read_bytes()).walk("VEVENT")


def test_reports_name_the_catalogue_and_its_attribution(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    page = export.report_html(persona, catalog, TODAY)
    text = export_markdown.report_markdown(persona, catalog, TODAY)
    for credit in ("923 occupations from O*NET 30.3", "Used under the CC BY 4.0 license"):
        assert credit in page
        assert credit.replace("*", "\\*") in text  # Markdown-escaped
    assert page.index("<footer>") > page.index("</section>")  # after the plan itself


# --- the calendar reminds (issue 20 §5, issue 21 §5) ----------------------------------------


def test_goal_events_of_two_plans_from_one_example_do_not_share_uids(persona: Plan) -> None:
    other = persona.model_copy(deep=True, update={"id": "another-person"})
    mine, theirs = _uids(persona), _uids(other)
    goals = [k for k in mine if k.startswith("Goal due:")]
    assert goals and all(mine[k] != theirs[k] for k in goals)
    assert set(mine.values()).isdisjoint(theirs.values())


def test_every_event_reminds_a_day_before_and_the_review_on_its_day(persona: Plan) -> None:
    cal = icalendar.Calendar.from_ical(reminders.calendar_ics(persona))
    found = list(cal.walk("VEVENT"))
    assert len(found) > 3
    for event in found:
        triggers = [a.decoded("trigger") for a in event.walk("VALARM")]
        assert all(str(a["action"]) == "DISPLAY" for a in event.walk("VALARM"))
        before = [t for t in triggers if t < timedelta(0)]
        assert before and all(timedelta(days=-1) <= t for t in before), event["summary"]
        if str(event["summary"]) == "Review my career plan":
            assert any(timedelta(0) <= t < timedelta(days=1) for t in triggers)


def test_summaries_are_cut_at_a_word(plan: Plan) -> None:
    text = "Finish the evening course in medical office management at the community college"
    plan.short_term_goals.goals = [Goal(id="g1", text=text, due=date(2027, 3, 1))]
    plan.action_plan.items = {"g1": GoalActions(actions=[Action(text=text, due=date(2027, 1, 9))])}
    cut = [s for s in events(reminders.calendar_ics(plan)) if s.endswith("…")]
    assert len(cut) == 2
    words = set(text.split())
    for title in cut:
        assert title.removeprefix("Goal due: ").rstrip("…").split()[-1] in words, title
        assert len(title) <= len("Goal due: ") + 60
    assert len(events(reminders.calendar_ics(plan))) == 3


def test_the_review_reminder_does_not_send_anyone_to_a_notebook(plan: Plan) -> None:
    review = events(reminders.calendar_ics(plan))["Review my career plan"]
    text = str(review["description"])
    assert "notebook" not in text.casefold() and "step 07" in text and "Review" in text


# --- written safely (issue 21 §5, issue 20 §3) ----------------------------------------------


def test_exports_are_readable_by_the_person_only(
    persona: Plan, catalog: pd.DataFrame, workspace: Path
) -> None:
    files = export_files.write_exports(persona, catalog)
    for path in (files.html, files.markdown, files.ics):
        assert path.stat().st_mode & 0o777 == 0o600, path
    assert sorted(p.name for p in files.html.parent.iterdir()) == sorted(
        p.name for p in (files.html, files.markdown, files.ics)
    )  # no temporary file left behind


def test_a_broken_character_keeps_the_files_written_before(
    persona: Plan, catalog: pd.DataFrame, workspace: Path
) -> None:
    files = export_files.write_exports(persona, catalog)
    before = {p: p.read_bytes() for p in (files.html, files.markdown, files.ics)}
    persona.short_term_goals.goals[0].measure = "half an emoji \ud83d here"
    with pytest.raises(export_files.ExportError) as raised:
        export_files.write_exports(persona, catalog)
    said = str(raised.value)
    assert "short_term_goals.goals.0.measure" in said and "broken character" in said
    assert "kept as they were" in said
    assert {p: p.read_bytes() for p in before} == before
    assert len(list(files.html.parent.iterdir())) == 3


# --- the printed plan holds the whole plan (issue 20 §5) -------------------------------------


def test_the_report_holds_step_01s_reflections(persona: Plan, catalog: pd.DataFrame) -> None:
    text = " ".join(parse(export.report_html(persona, catalog, TODAY)).text)
    assert persona.dream_job.reflections
    for answer in persona.dream_job.reflections.values():
        assert answer in text


def test_the_report_holds_step_03s_ranking_and_scores(persona: Plan, catalog: pd.DataFrame) -> None:
    from careerkit.ui.compare import matrix

    board = matrix(persona, catalog)  # what step 03 shows
    shown = board.ranking()
    md = export_markdown.report_markdown(persona, catalog, TODAY)
    assert len(shown) == len([o for o in persona.exploration.options if not o.dropped])
    for name, (place, score) in shown.iterrows():
        title = export_markdown._m(str(name))
        assert f"| {place:.0f} | {title} | {score:.1f} |" in md, name


def test_no_table_of_the_report_has_an_empty_column(
    persona: Plan, plan: Plan, catalog: pd.DataFrame
) -> None:
    tables = [
        block
        for p in (persona, plan)
        for section in export.plan_document(p, catalog, TODAY)
        for block in section.blocks
        if isinstance(block, export.Table)
    ]
    assert len(tables) >= 4
    for table in tables:
        for column, name in enumerate(table.header):
            assert any(str(row[column]).strip() for row in table.rows), name


def test_a_full_disk_names_the_file_and_keeps_the_ones_written_before(
    persona: Plan, catalog: pd.DataFrame, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = export_files.write_exports(persona, catalog)
    before = {p: p.read_bytes() for p in (made.html, made.markdown, made.ics)}
    real_replace = os.replace

    def full_for_markdown(source: str, target: str | Path) -> None:
        if Path(target) == made.markdown:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", full_for_markdown)
    persona.profile.name = "Someone else"
    with pytest.raises(export_files.ExportError) as raised:
        export_files.write_exports(persona, catalog)
    said = str(raised.value)
    assert f"{made.markdown} could not be written because the disk is full" in said
    assert "press the button again" in said and "kept as they were" in said
    assert made.markdown.read_bytes() == before[made.markdown]
    assert len(list(made.html.parent.iterdir())) == 3  # no temporary file left behind


# --- the printed page ------------------------------------------------------------------------


def print_css(page: str) -> str:
    """The report's ``@media print`` rules."""
    return page[page.index("@media print") :]


def test_what_belongs_together_is_set_side_by_side(persona: Plan, catalog: pd.DataFrame) -> None:
    """Each option's answers, each direction's objectives, each review and step 01's
    reflections beside the interests: cards in two columns, whole in the Markdown too."""
    sections = {s.title: s for s in export.plan_document(persona, catalog, TODAY)}

    def card_titles(title: str) -> list[str]:
        cards = [b for b in sections[title].blocks if isinstance(b, Cards)]
        assert len(cards) == 1, title
        return [card[0].title for card in cards[0].cards if isinstance(card[0], Sub)]

    answered = [o.title for o in persona.exploration.options if o.answers or o.notes]
    assert card_titles("Shortlist") == answered
    titles = export._titles(persona, catalog)
    directions = [titles[code] for code in persona.long_term.objectives]
    assert card_titles("Long-term objectives") == directions and len(directions) == 2
    assert card_titles("Dream job") == ["Reflections", "Interests"]
    assert len(card_titles("Reviews")) == len(persona.reviews)
    page = export.report_html(persona, catalog, TODAY)
    assert page.count('<div class="card">') == len(answered) + 2 + 2 + len(persona.reviews)
    # printed down two columns, none split across a page break
    assert ".cards { display: block; columns: 2;" in print_css(page)
    assert ".card { break-inside: avoid;" in print_css(page)
    md = export_markdown.report_markdown(persona, catalog, TODAY)
    for option in persona.exploration.options:
        for answer in filter(None, option.answers.values()):
            assert export_markdown._m(answer) in md


def test_a_goal_repeated_down_a_table_is_written_once() -> None:
    rows = [["Learn <SQL>", "Take the course"], ["Learn <SQL>", "Pass the quiz"], ["Move", "Ask"]]
    page = export._html_block(Table(["Goal", "Next action"], rows))
    assert page.count("Learn &lt;SQL&gt;") == 1 and '<td rowspan="2">Learn &lt;SQL&gt;</td>' in page
    assert page.count("<tr>") == 4  # the header and one row per action
    assert page.count("<td") == 5
    # the goal's rows a body of their own, printed on one page
    bodies = re.findall(r"<tbody>(.*?)</tbody>", page)
    assert [b.count("<tr>") for b in bodies] == [2, 1]
    assert "tbody, dt, dd { break-inside: avoid; }" in print_css(export.CSS)


def test_in_the_persona_each_goals_actions_share_one_goal_cell(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    page = export.report_html(persona, catalog, TODAY)
    actions = persona.action_plan.items
    most = max(len(item.actions) for item in actions.values())
    assert most >= 2 and f'rowspan="{most}"' in page


def test_a_section_holding_only_a_hint_is_not_printed(plan: Plan, catalog: pd.DataFrame) -> None:
    page = export.report_html(plan, catalog, TODAY)
    # every step but the action plan (its review interval) is still to do
    assert page.count('<section class="empty">') == 6
    assert "section.empty, .screen-only { display: none; }" in print_css(page)
    full = export.report_html(plan_with_everything(plan), catalog, TODAY)
    assert 'class="empty"' not in full


def plan_with_everything(plan: Plan) -> Plan:
    """The sample persona's content in ``plan``."""
    from careerkit import open_plan

    plan.path.write_text(PERSONA.read_text(encoding="utf-8"), encoding="utf-8")
    return open_plan(plan.path)


def test_this_months_list_is_for_the_screen_and_every_action_is_printed(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    page = export.report_html(persona, catalog, TODAY)
    screen_only = page[page.index('<div class="screen-only">') :]
    assert screen_only.index("This month (November 2026) and overdue") < screen_only.index("</div>")
    tables = page[page.index("<h3>Next actions</h3>") :]
    for item in persona.action_plan.items.values():
        for action in item.actions:
            assert export._h(action.text) in tables
    md = export_markdown.report_markdown(persona, catalog, TODAY)
    assert "### This month (November 2026) and overdue" in md


def test_charts_are_shown_at_their_drawn_size(persona: Plan, catalog: pd.DataFrame) -> None:
    """The roadmap is drawn for the page and shown at that size (its type at 7 pt), not
    squeezed: its width in CSS pixels (96 an inch) fits a Letter page less 12 mm margins."""
    page = parse(export.report_html(persona, catalog, TODAY))
    widths = {a["alt"]: int(a["width"] or 0) for t, a in page.tags if t == "img"}
    roadmap = widths["Roadmap from short-term goals to long-term objectives"]
    assert 600 <= roadmap <= round((8.5 - 2 * 12 / 25.4) * 96)


def test_every_chart_is_drawn_ahead_even_inside_a_card(
    persona: Plan, catalog: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Step 06 draws the charts while the person reads, so writing the plan down draws none."""
    from careerkit.report import blocks

    monkeypatch.setattr(blocks, "_PNGS", {})
    export.prepare_charts(persona, catalog, TODAY)
    assert len(blocks._PNGS) == 2  # the interests (in a card) and the roadmap
    monkeypatch.setattr(blocks.charts, "png", lambda *_, **__: pytest.fail("drawn again"))
    export.report_html(persona, catalog, TODAY)


@pytest.mark.parametrize("area", ["", "3900000"])  # the nation's figures; Ohio's
def test_the_shortlists_pay_names_the_place_it_is_for(
    persona: Plan, catalog: pd.DataFrame, area: str
) -> None:
    """As the screens do (issue 19 §4): each pay on the printed shortlist says where it is
    for, the area's, its state's or the nation's figure; a person's own figure says so."""
    from careerkit.catalog.local_pay import NATION_NAME, local_pay

    persona.profile.area = area
    local = local_pay(catalog, area)
    shortlist = export._shortlist_section(persona, local).blocks[0]
    assert isinstance(shortlist, Table) and shortlist.header[1] == "Median pay a year"
    pays = {row[0]: row[1] for row in shortlist.rows}
    places = set()
    for option in persona.exploration.options:
        if option.custom:
            assert pays[option.title] == f"${option.median_wage:,.0f} (your own estimate)"
            continue
        place = local.at[option.code, "pay_area"]
        places.add(place)
        said = "in the U.S." if place == NATION_NAME else f"in {place}"
        wage = local.at[option.code, "median_wage"]
        assert pays[option.title] == f"${wage:,.0f} {said}", option.title
    assert places == {"Ohio" if area else NATION_NAME}
    # the plain catalogue (no area applied) holds BLS's national figures
    plain = export._shortlist_section(persona, catalog).blocks[0]
    assert isinstance(plain, Table) and all(
        row[1].endswith(("in the U.S.", "(your own estimate)")) for row in plain.rows
    )


def test_the_career_goal_and_the_vision_are_printed_with_their_labels_run_in(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    """05's two texts under one heading, each label run in before its text (a line less
    than a heading of its own); the vision after its label and date likewise."""
    from careerkit.steps import career_goal

    career_goal.set_text(persona, "interview", "In five years <I> lead a clinic.")
    career_goal.set_text(persona, "objective", "Supervisor seeking a clinic role.")
    page = export.report_html(persona, catalog, TODAY)
    run_in = re.findall(r'<dl class="run-in( columns)?">(.*?)</dl>', page)
    assert run_in == [
        (
            "",
            "<dt>My vision (written on September 10, 2026)</dt>"
            f"<dd>{export._h(persona.dream_job.vision)}</dd>",
        ),
        (  # the answer down two columns: lines of a readable length
            " columns",
            "<dt>Where I see myself in five years (for an interview)</dt>"
            "<dd>In five years &lt;I&gt; lead a clinic.</dd>",
        ),
        ("", "<dt>Career objective (for my résumé)</dt><dd>Supervisor seeking a clinic role.</dd>"),
    ]
    assert page.index("<h3>A career goal I can say</h3>") < page.index(run_in[1][1])
    assert "dl.run-in dt:not(.asks)::after" in page  # "Label:" as in a card
    assert "dl.columns { columns: 2;" in print_css(page)
    md = export_markdown.report_markdown(persona, catalog, TODAY)
    assert (
        "### A career goal I can say\n\n"
        "**Where I see myself in five years (for an interview):** In five years \\<I\\> lead"
    ) in md
