"""The S.M.A.R.T. check on goals people really write: good, bad, typos, lower case."""

from __future__ import annotations

import ast
import dataclasses
from datetime import date
from typing import Any

import pytest

from careerkit.plan import Comparison, Exploration, Goal, Option, Plan
from careerkit.steps.short_term import smart
from careerkit.steps.short_term.smart import SMART_LETTERS, Check, SmartResult, smart_check
from tests.conftest import ROOT

TODAY = date(2026, 11, 22)
CREATED = date(2026, 11, 1)
CLINIC = "11-9111.00"


@pytest.fixture(scope="module")
def chosen_plan() -> Plan:
    """A plan (in memory) with two shortlisted options and one chosen direction."""
    return Plan(
        exploration=Exploration(
            options=[
                Option(code=CLINIC, title="Medical and Health Services Managers"),
                Option(code="13-1151.00", title="Training and Development Specialists"),
            ]
        ),
        comparison=Comparison(chosen=[CLINIC]),
    )


def goal(text: str, **fields: Any) -> Goal:
    """A goal that passes every letter except where ``text`` or ``fields`` spoil it."""
    base = {
        "area": "Learning",
        "horizon_months": 12,
        "due": date(2027, 9, 30),
        "direction": CLINIC,
        "confidence": 4,
        "created": CREATED,
    }
    return Goal(text=text, **{**base, **fields})


# (goal, expected summary, words expected in the first failing letter's reason, or "")
EXAMPLES = [
    # --- good goals, as people type them
    (goal("Complete an online course on medical terminology and pass its quiz with 80%"),
     "S M A R T", ""),
    (goal("Join the regional healthcare management association and attend 4 of its meetings"),
     "S M A R T", ""),
    (goal("Enrol in the part-time healthcare administration certificate and pass 2 modules"),
     "S M A R T", ""),
    (goal("apply to 5 clinic coordinator jobs"), "S M A R T", ""),
    (goal("i will shadow a clinic manager for two days"), "S M A R T", ""),
    (goal("finsh the google project management certifcate"), "S M A R T", ""),  # typos
    (goal("compelte 3 modules of the excel course"), "S M A R T", ""),  # typo
    (goal("Update my CV and send it to 10 clinics"), "S M A R T", ""),
    (goal("By March, present a budget report to my area manager"), "S M A R T", ""),
    (goal("My goal: pass the CAPM exam"), "S M A R T", ""),
    (goal("read 2 books on healthcare leadership and write a summary of each"), "S M A R T", ""),
    (goal("Volunteer at the community clinic on saturdays", measure="12 saturdays volunteered"),
     "S M A R T", ""),
    (goal("enrol in a bachelors degree in health administration", horizon_months=6,
          due=date(2027, 4, 30)), "S M A R T", ""),  # starting a degree is fine
    (goal("Complete a master's degree in health administration", horizon_months=24,
          due=date(2028, 9, 30)), "S M A R T", ""),
    (goal("Attend networking events every month"), "S M A R T", ""),
    (goal("save $2000 for the course fees"), "S M A R T", ""),  # 2000 is money, not a year
    (goal("within 6 months finish my portfolio of training materials"), "S M A R T", ""),
    (goal("Pass the CAPM exam", status="done", due=date(2026, 11, 15)), "S M A R T", ""),
    (goal("Run the store's holiday rota and cut overtime by 10 percent"), "S M A R T", ""),
    # --- vague, short or without an action
    (goal("be successful"), "· · A R T", "no concrete action"),  # was "too short" (issue 12)
    (goal("get better at networking", due=None, direction="", confidence=None),
     "· · A R ·", "'better'"),
    (goal(""), "· · A R T", "no goal written yet"),
    (goal("learn excel"), "S · A R T", "no number"),  # "learn python" is specific (issue 12)
    (goal("Improve my communication skills"), "· · A R T", "'improve'"),
    (goal("be sucessful at work"), "· · A R T", "'successful'"),  # misspelt vague word
    (goal("Healthcare training certificate"), "· M A R T", "no concrete action"),
    (goal("Complete it"), "· · A R T", "does not say what you will complete"),
    (goal("make more money"), "· · A R T", "'more'"),
    (goal("talk to people"), "· · A R T", "no concrete action"),
    # --- nothing to measure (dates and time spans are not measures)
    (goal("Take an online course on Excel"), "S · A R T", "no number or deliverable to measure"),
    (goal("Take an online course on Excel", measure="feel confident"), "S · A R T",
     "no number or deliverable"),
    (goal("apply for clinic jobs in june 2027"), "S · A R T", "no number or deliverable"),
    (goal("send my details to clinics by 2027-05-31"), "S · A R T", "no number"),
    (goal("by 31/05/2027 update my cv"), "S M A R T", ""),
    (goal("Get better at Spanish by 2027"), "· · A R T", "'better'"),
    # --- too big for the time, or not confident
    (goal("Complete a bachelor's degree in nursing", horizon_months=6, due=date(2027, 4, 30)),
     "S M · R T", "bachelor's degree"),
    (goal("Get promoted to director of operations"), "S · · R T", "no number"),
    (goal("become fluent in spanish", horizon_months=6, due=date(2027, 4, 30)), "S · · R T",
     "no number"),
    (goal("Pass the CAPM exam", confidence=2), "S M · R T", "confidence 2 of 5"),
    (goal("Pass the CAPM exam", due=date(2027, 2, 1)), "S M A R T", ""),
    # --- not relevant
    (goal("Pass the CAPM exam", area="Hobbies", direction=""), "S M A · T",
     "not one of your areas"),
    # --- not timely
    (goal("Pass the CAPM exam", due=None), "S M A R ·", "no due date"),
    (goal("Pass the CAPM exam", due=date(2026, 10, 1)), "S M A R ·", "has passed"),
    (goal("Pass the CAPM exam", horizon_months=6, due=date(2028, 1, 31)), "S M A R ·",
     "6-month horizon"),
]  # fmt: skip

# Issue 12, section 3: good goals the check failed, vague ones it passed.
ISSUE_12 = [
    # "or more", "at least" next to a number say how much: not vague
    (goal("Pass the CAPM exam with 70% or more"), "S M A R T", ""),
    (goal("score at least 80% in the PMP mock exam"), "S M A R T", ""),
    (goal("apply to 5 or more clinic jobs"), "S M A R T", ""),
    (goal("attend more than 3 HR meetups"), "S M A R T", ""),
    # short but specific: word count alone never fails Specific
    (goal("Pass PMP exam"), "S M A R T", ""),
    (goal("Read 12 books"), "S M A R T", ""),
    (goal("Become a nurse"), "S · A R T", "no number or deliverable"),
    (goal("learn python"), "S · A R T", "no number or deliverable"),
    # "hold" and similar verbs are actions
    (goal("Hold 6 one-to-one meetings with my team"), "S M A R T", ""),
    (goal("chair 2 team meetings"), "S M A R T", ""),
    (goal("manage the 3 clinic rotas"), "S M A R T", ""),
    # comparatives, "good" and "somewhere" are vague
    (goal("find a nicer job"), "· · A R T", "'nicer'"),
    (goal("be happier at work"), "· · A R T", "'happier'"),
    (goal("get a good role somewhere"), "· · A R T", "'good'"),
    (goal("move somewhere"), "· · A R T", "'somewhere'"),
    (goal("Run 10% faster"), "S M A R T", ""),  # a number pins the comparative down
    # a number alone is not a measure: a version or a product name counts nothing
    (goal("get good at excel 365"), "· · A R T", "'good'"),
    (goal("Take an excel 365 course"), "S · A R T", "'excel 365' is a name or a version"),
    (goal("learn python 3"), "S · A R T", "'python 3' is a name or a version"),
    (goal("Attend the HR meetup series 6 times"), "S M A R T", ""),  # a count: "times"
    # a feeling as the measure is named as the reason
    (goal("Take an online course on Excel", measure="feel happy"), "S · A R T",
     "'feel happy' is a feeling"),
    (goal("Take an online course on Excel and feel confident"), "S · A R T",
     "'feel confident' is a feeling"),
]  # fmt: skip


def _first_failure(result: SmartResult) -> str:
    return next((c.reason for c in result.letters.values() if not c.ok), "")


@pytest.mark.parametrize(
    ("example", "summary", "words"),
    EXAMPLES + ISSUE_12,
    ids=lambda x: (x.text if isinstance(x, Goal) else str(x))[:50],  # never the random id
)
def test_smart_examples(chosen_plan: Plan, example: Goal, summary: str, words: str) -> None:
    result = smart_check(example, chosen_plan, TODAY)
    assert result.summary == summary, result.letters
    assert result.passed == (summary == "S M A R T")
    assert words in _first_failure(result)


def test_there_are_at_least_thirty_examples() -> None:
    assert len(EXAMPLES) >= 30
    assert sum(s == "S M A R T" for _, s, _ in EXAMPLES) >= 10  # good ones too


def test_every_letter_explains_itself(chosen_plan: Plan) -> None:
    for example, _, _ in EXAMPLES + ISSUE_12:
        result = smart_check(example, chosen_plan, TODAY)
        assert tuple(result.letters) == SMART_LETTERS
        for check in result.letters.values():
            assert check.reason
            assert check.ok or check.suggestion  # a failure always says what to do


def test_result_types_are_frozen(chosen_plan: Plan) -> None:
    result = smart_check(goal("Pass the CAPM exam"), chosen_plan, TODAY)
    assert isinstance(result.letters["S"], Check)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.letters["S"].ok = False  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.letters = {}  # type: ignore[misc]


def test_measurable_names_what_it_found(chosen_plan: Plan) -> None:
    letters = smart_check(goal("Attend 4 meetings"), chosen_plan, TODAY).letters
    assert letters["M"].reason == "measured by a number (4)"
    letters = smart_check(goal("Pass the exam with 80%"), chosen_plan, TODAY).letters
    assert letters["M"].reason == "measured by a percentage (80%)"
    letters = smart_check(goal("Write a report on patient flow"), chosen_plan, TODAY).letters
    assert letters["M"].reason == "measured by a deliverable (report)"


def test_relevant_prefers_a_chosen_direction(chosen_plan: Plan) -> None:
    linked = smart_check(goal("Pass the CAPM exam"), chosen_plan, TODAY).letters["R"]
    assert linked.ok and "Medical and Health Services Managers" in linked.reason
    area_only = smart_check(goal("Pass the CAPM exam", direction=""), chosen_plan, TODAY)
    assert area_only.letters["R"].ok
    assert "Link it to Medical and Health Services Managers" in area_only.letters["R"].suggestion
    other = smart_check(goal("Pass the CAPM exam", direction="13-1151.00"), chosen_plan, TODAY)
    assert "which you did not choose in 03" in other.letters["R"].suggestion


def test_timely_allows_some_slack(chosen_plan: Plan) -> None:
    # 12 months from 1 Nov 2026, plus 3 months of slack: up to 1 Feb 2028
    inside = goal("Pass the CAPM exam", due=date(2028, 2, 1))
    outside = goal("Pass the CAPM exam", due=date(2028, 2, 2))
    assert smart_check(inside, chosen_plan, TODAY).letters["T"].ok
    assert not smart_check(outside, chosen_plan, TODAY).letters["T"].ok


def test_attainable_uses_the_due_date_when_it_is_sooner(chosen_plan: Plan) -> None:
    hurried = goal("Complete a master's degree", horizon_months=24, due=date(2027, 3, 1))
    check = smart_check(hurried, chosen_plan, TODAY).letters["A"]
    assert not check.ok and "4 months" in check.reason


def test_today_defaults_to_the_real_date(chosen_plan: Plan) -> None:
    old = goal("Pass the CAPM exam", due=date(2020, 1, 1), created=date(2019, 6, 1))
    assert "has passed" in smart_check(old, chosen_plan).letters["T"].reason


@pytest.mark.parametrize(
    "text", ["Pass PMP exam", "Read 12 books", "Become a nurse", "learn python"]
)
def test_short_specific_goals_are_not_asked_what_they_will_do(chosen_plan: Plan, text: str) -> None:
    result = smart_check(goal(text), chosen_plan, TODAY)
    assert result.letters["S"].ok, result.letters["S"]
    for check in result.letters.values():
        assert "what you will do" not in check.suggestion.lower()


def test_the_placeholder_example_passes(chosen_plan: Plan) -> None:
    from careerkit.ui.short_term import GOAL_PLACEHOLDER

    example = GOAL_PLACEHOLDER.split("e.g. ", 1)[1]
    assert smart_check(goal(example), chosen_plan, TODAY).passed


def test_a_missing_measure_says_what_it_read_instead(chosen_plan: Plan) -> None:
    m = smart_check(goal("get good at excel 365"), chosen_plan, TODAY).letters["M"]
    assert not m.ok and "'excel 365' is a name or a version, not a count" in m.reason
    felt = goal("Take an online course on Excel", measure="feel happy")
    m = smart_check(felt, chosen_plan, TODAY).letters["M"]
    assert m.reason.startswith("'feel happy' is a feeling")
    assert smart_check(goal("Attend 4 meetings"), chosen_plan, TODAY).letters["M"].ok


@pytest.mark.parametrize(
    ("text", "reason", "tip"),
    [
        ("I will network", "where or with whom you will network",
         "Add where, with whom or how often you will network."),
        ("volunteer", "where or with whom you will volunteer",
         "Add where, with whom or how often you will volunteer."),
        ("Complete it", "what you will complete", "Add what you will complete."),
    ],
)  # fmt: skip
def test_tips_fit_verbs_with_and_without_an_object(
    chosen_plan: Plan, text: str, reason: str, tip: str
) -> None:
    specific = smart_check(goal(text), chosen_plan, TODAY).letters["S"]
    assert not specific.ok and reason in specific.reason
    assert tip in specific.suggestion
    assert "Add what you will network" not in specific.suggestion


def test_timely_never_calls_a_date_past_the_horizon_within_it(chosen_plan: Plan) -> None:
    # 12 months from 1 Nov 2026 end on 1 Nov 2027; the slack runs to 1 Feb 2028
    late = smart_check(goal("Pass the CAPM exam", due=date(2028, 1, 15)), chosen_plan, TODAY)
    assert late.letters["T"].ok
    assert "within its 12-month horizon" not in late.letters["T"].reason
    assert "after its 12-month horizon ends (November 1, 2027)" in late.letters["T"].reason
    on_time = smart_check(goal("Pass the CAPM exam", due=date(2027, 10, 1)), chosen_plan, TODAY)
    assert "within its 12-month horizon" in on_time.letters["T"].reason


@pytest.mark.parametrize(
    ("horizon", "due", "tip"),
    [
        (6, date(2027, 12, 1), "choose the 12-month horizon"),  # 12 months + slack fit
        (6, date(2028, 6, 1), "choose the 24-month horizon"),  # only 24 fits
        (12, date(2028, 6, 1), "choose the 24-month horizon"),
        (12, date(2029, 12, 1), "make it a long-term objective in 05"),  # none fits
        (24, date(2029, 12, 1), "make it a long-term objective in 05"),
    ],
)
def test_the_overrun_tip_offers_only_a_longer_horizon_that_fits(
    chosen_plan: Plan, horizon: int, due: date, tip: str
) -> None:
    timely = smart_check(
        goal("Pass the CAPM exam", horizon_months=horizon, due=due), chosen_plan, TODAY
    )
    timely = timely.letters["T"]
    assert not timely.ok and tip in timely.suggestion
    assert f"the {horizon}-month" not in timely.suggestion
    assert "6, 12 or 24" not in timely.suggestion


def test_the_check_as_html_escapes_what_it_quotes_and_names_each_badge(
    chosen_plan: Plan,
) -> None:
    from careerkit.report.smart_html import smart_html, smart_pending_html

    quoted = Check(ok=False, reason="'<b>x</b>' is vague", suggestion="Say <i>what</i> & how")
    result = SmartResult({x: quoted for x in SMART_LETTERS})
    shown = smart_html(result)
    assert "<b>x</b>" not in shown and "&lt;b&gt;x&lt;/b&gt;" in shown
    assert "<i>what</i>" not in shown and "Say &lt;i&gt;what&lt;/i&gt; &amp; how" in shown
    assert shown.count('role="img" aria-label="') == len(SMART_LETTERS)
    assert "S.M.A.R.T.: 0 of 5 pass" in shown
    real = smart_html(smart_check(goal("Pass PMP exam"), chosen_plan, TODAY))
    assert "S.M.A.R.T.: all five pass" in real
    pending = smart_pending_html()
    assert "not checked yet" in pending and "✗" not in pending


# --- issue 24 §6: the check on goals as people write them -----------------------------

# A date written in the goal counts for Timely when no due date is set (TODAY is a Sunday).
WRITTEN_DATES = [
    ("Pass the CAPM exam by 30 June 2027", "June 30, 2027"),
    ("Pass the CAPM exam by June 30, 2027", "June 30, 2027"),
    ("Submit my application to the MHA program before the January deadline", "January 1, 2027"),
    ("Send my CV to 3 clinics by Friday", "November 27, 2026"),
    ("Register for the HIMSS conference by the end of March", "March 31, 2027"),
    ("Finish 3 modules of the Excel course in 6 weeks", "January 3, 2027"),
    ("Apply to 5 clinic coordinator jobs by Q3 2027", "September 30, 2027"),
    ("Enroll in the RN-to-BSN program by spring 2027", "May 31, 2027"),
    ("by 6/30/2027 pass the CAPM exam", "June 30, 2027"),
    ("Attend 4 association meetings by the end of the year", "December 31, 2026"),
]
# ... but not one that has passed, could mean two days, is no day, or is past the horizon.
UNCLEAR_DATES = [
    ("Pass the CAPM exam by 30 June 2025", "has passed"),
    ("Pass the CAPM exam next Friday", "could mean this coming Friday or the one after"),
    ("Pass the CAPM exam by Sunday", "could mean today or a week from today"),
    ("Pass the CAPM exam by 30/06/2027", "not a date in U.S. order"),
    ("Pass the CAPM exam by 2/30/2027", "not a real date"),
    ("Pass the CAPM exam by winter", "spans two years"),
    ("Pass the CAPM exam by early 2027", "pick the day"),
    ("Pass the CAPM exam by June 30, 2029", "later than its 12-month horizon allows"),
    ("Pass the CAPM exam", "no due date"),
]


@pytest.mark.parametrize(("text", "day"), WRITTEN_DATES)
def test_a_date_in_the_goal_counts_for_timely(chosen_plan: Plan, text: str, day: str) -> None:
    timely = smart_check(goal(text, due=None), chosen_plan, TODAY).letters["T"]
    assert timely.ok, timely
    assert f"due {day}" in timely.reason
    offered = "the button below offers" if "deadline" in text else f"Set {day} as the due date"
    assert offered in timely.suggestion  # offered, not set


@pytest.mark.parametrize(("text", "why"), UNCLEAR_DATES)
def test_an_unclear_date_in_the_goal_is_said_so(chosen_plan: Plan, text: str, why: str) -> None:
    timely = smart_check(goal(text, due=None), chosen_plan, TODAY).letters["T"]
    assert not timely.ok and why in timely.reason, timely
    assert timely.suggestion


def test_the_due_date_set_wins_over_a_date_in_the_text(chosen_plan: Plan) -> None:
    both = goal("Pass the CAPM exam by June 30, 2027", due=date(2027, 9, 30))
    timely = smart_check(both, chosen_plan, TODAY).letters["T"]
    assert timely.ok and "due September 30, 2027" in timely.reason
    assert "Your goal says 'by June 30, 2027' (June 30, 2027): change one of them" in (
        timely.suggestion
    )


# One-off acts are measurable by being done; more than one thing asks how many.
ONE_OFF_ACTS = [
    "Join the state nurses association",
    "Renew my HFMA chapter affiliation",
    "enroll in the Google Data Analytics program",
    "Register for the HIMSS conference",
    "sign up for a public speaking class",
    "apply to the clinic manager opening at St. Mary's",
    "Submit my abstract to the nursing conference",
    "book a session with a career coach",
    "pass the state driving test",
    "Schedule an informational interview with the clinic director",
    "i will attend the HR summit",
]
NOT_ONE_OFF = [
    ("apply for clinic jobs", "say how many"),
    ("attend meetups", "say how many"),
    ("join groups on linkedin", "say how many"),
    ("book sessions with a coach", "say how many"),
    ("learn python", "no number or deliverable"),
    ("volunteer at the community clinic", "no number or deliverable"),
    ("Take an online course on Excel", "no number or deliverable"),
    ("join something", "no number or deliverable"),
    ("move somewhere", "no number or deliverable"),
]


@pytest.mark.parametrize("text", ONE_OFF_ACTS)
def test_a_one_off_act_is_measured_by_being_done(chosen_plan: Plan, text: str) -> None:
    measurable = smart_check(goal(text), chosen_plan, TODAY).letters["M"]
    assert measurable.ok and "measured by being done" in measurable.reason, measurable


@pytest.mark.parametrize(("text", "why"), NOT_ONE_OFF)
def test_an_ongoing_or_repeated_act_needs_a_measure(chosen_plan: Plan, text: str, why: str) -> None:
    measurable = smart_check(goal(text), chosen_plan, TODAY).letters["M"]
    assert not measurable.ok and why in measurable.reason, measurable


# "learn about X", "get promoted", "my skills" with nothing more are not yet specific.
NOT_YET_SPECIFIC = [
    ("learn about project management", "names a topic"),
    ("find out about nursing programs", "names a topic"),
    ("learning more about healthcare finance", "names a topic"),
    ("get promoted", "to which role"),
    ("get a promotion this year", "to which role"),
    ("get promoted at work", "to which role"),
    ("improve my skills", "which skills"),
    ("develop my skills", "which skills"),
    ("learn new skills", "which skills"),
    ("find a job", "which role"),
    ("gain experience", "what exactly"),
    ("build my network", "with whom"),
    ("network more", "where or with whom"),
]
SPECIFIC_ENOUGH = [
    "learn python",
    "learn about project budgeting by taking the Coursera course on it",
    "get promoted to shift supervisor at Mercy Clinic",
    "Get promoted to director of operations",
    "find a clinic coordinator job in Denver",
    "develop my Excel pivot table skills",
    "network with 3 nurse managers at the state association",
    "gain experience in budgeting by leading the clinic's budget review",
    "get a job as a clinic coordinator",
]


@pytest.mark.parametrize(("text", "missing"), NOT_YET_SPECIFIC)
def test_a_goal_with_nothing_more_is_not_yet_specific(
    chosen_plan: Plan, text: str, missing: str
) -> None:
    specific = smart_check(goal(text), chosen_plan, TODAY).letters["S"]
    assert not specific.ok and missing in specific.reason, specific
    assert specific.suggestion


@pytest.mark.parametrize("text", SPECIFIC_ENOUGH)
def test_saying_what_which_role_or_where_is_specific(chosen_plan: Plan, text: str) -> None:
    specific = smart_check(goal(text), chosen_plan, TODAY).letters["S"]
    assert specific.ok, specific


def test_a_masters_degree_is_not_said_to_take_about_a_year(chosen_plan: Plan) -> None:
    masters = goal("Complete a master's degree in health administration", horizon_months=12)
    attainable = smart_check(masters, chosen_plan, TODAY).letters["A"]
    assert not attainable.ok and "1.5 to 2 years" in attainable.reason
    assert "about a year" not in attainable.reason


def test_attainable_counts_the_time_to_a_date_written_in_the_goal(chosen_plan: Plan) -> None:
    hurried = goal("Complete a master's degree by March 1, 2027", horizon_months=24, due=None)
    attainable = smart_check(hurried, chosen_plan, TODAY).letters["A"]
    assert not attainable.ok and "4 months" in attainable.reason


def test_the_letters_names_are_written_once() -> None:
    """S.M.A.R.T.'s words live in smart.NAMES; the goal forms, the written plan and the
    cohort summary read them there instead of typing them again."""
    words = set(smart.NAMES.values())
    typed = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "careerkit").rglob("*.py")
        if path.name != "smart.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value in words
    )
    assert typed == []
    assert smart.SMART_LETTERS == tuple(smart.NAMES)  # the letters, in the same order
