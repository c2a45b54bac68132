"""Step 2 widgets, driven from Python as a person would, checking the plan file on disk."""

from __future__ import annotations

import html
import json
import re

import ipywidgets as w
import pandas as pd

from careerkit.catalog import money, tables_of
from careerkit.plan import PastJob, Plan
from careerkit.report import explore_html, why_html
from careerkit.steps.explore import filters as flt
from careerkit.steps.explore import occupation as occ
from careerkit.steps.explore import why
from careerkit.steps.similar_jobs import similar_occupations
from careerkit.ui import explore as ui
from careerkit.ui import explore_browser
from careerkit.ui import explore_similar as similar
from careerkit.ui.explore_panel import NO_FIT, NO_SKILLS
from careerkit.ui.kit.fold import is_folded
from careerkit.ui.kit.messages import note_html
from careerkit.workbook import catalog_for
from tests.conftest import ROOT, reopen
from tests.synthetic import synthetic_catalog

NOTEBOOK = ROOT / "notebooks" / "02_explore.ipynb"


def codes_on_disk(plan: Plan) -> list[str]:
    return [o.code for o in reopen(plan).exploration.options]


def on_disk(plan: Plan) -> dict:
    return json.loads(plan.path.read_text())["exploration"]


def row_of(panel: ui.NarrowDown | ui.Shortlist, plan: Plan, code: str) -> w.HBox:
    codes = [o.code for o in plan.exploration.options]
    return panel.items.children[codes.index(code)]


def html_of(widget: w.Widget) -> str:
    """All the HTML a widget and its children show."""
    own = widget.value if isinstance(widget, w.HTML) else ""
    return " ".join([own, *(html_of(c) for c in getattr(widget, "children", ()))])


def opened_form(panel: ui.Questions, code: str) -> w.VBox:
    """The form of an option, opened as a person opens it (it is filled then)."""
    panel.accordion.selected_index = panel.shown.index(code)
    return panel.accordion.children[panel.shown.index(code)]


def answer_box(panel: ui.Questions, code: str, question: str) -> w.Textarea:
    form = opened_form(panel, code)
    ids = [q.id for q in occ.QUESTIONS]
    return form.children[2 * ids.index(question) + 1]


# --- browsing ---------------------------------------------------------------------------------


def test_picker_sits_above_a_scrolling_table_and_pay_shows_in_full(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    browser = ui.browser(persona, catalog)
    order = [html_of(c) + repr(c) for c in browser.children]
    picker = next(
        i for i, c in enumerate(browser.children) if browser.pick in getattr(c, "children", ())
    )
    table = next(
        i
        for i, c in enumerate(browser.children)
        if browser.table in (c, *getattr(c, "children", ()))
    )
    assert picker < table, order  # no scrolling past 40 rows to pick one
    scroller = 'class="ck-scroll" tabindex="0" role="region"'  # focusable: keys scroll it
    assert browser.table.value.startswith(f"<div {scroller}"), browser.table.value[:200]
    assert "max-height:" in browser.table.value and "overflow:auto" in browser.table.value
    low, high = browser.pay.value
    assert browser.pay_readout.value == f"{money(low)} – {money(high)}"  # "$250,000", not "$250,00"
    browser.pay.value = (low + 10_000, high - 10_000)
    assert browser.pay_readout.value == f"{money(low + 10_000)} – {money(high - 10_000)}"
    labels = [c for row in browser.children for c in getattr(row, "children", ())]
    assert not [c for c in labels if isinstance(c, w.Label)]  # a Label cuts its text at 80 px


NUMBER_WORDS = {"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def test_the_notebook_and_the_panel_count_the_same_questions(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    markdown = " ".join(
        "".join(cell["source"])
        for cell in json.loads(NOTEBOOK.read_text())["cells"]
        if cell["cell_type"] == "markdown"
    )
    said = re.findall(r"\b(\w+) questions\b", markdown, re.IGNORECASE)
    counts = [
        NUMBER_WORDS.get(word.lower(), int(word) if word.isdigit() else None) for word in said
    ]
    assert said and set(counts) <= {None, len(occ.QUESTIONS)}, said
    panel = ui.questions(persona, catalog)
    assert f"{len(occ.QUESTIONS)} questions for each option" in panel.heading.value
    assert f"of {len(occ.QUESTIONS)} answered)" in panel.accordion.titles[0]


def test_filters_update_the_table_and_say_plainly_when_nothing_matches(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    browser = ui.browser(persona, catalog)
    assert browser.count.value == f"<b>Showing 40 of {len(catalog)} occupations.</b>"
    assert "<th>Fit</th>" in browser.table.value and len(browser.pick.options) == 40
    browser.search.value = "nurse"
    matching = flt.apply_filters(catalog, flt.Filters(search="nurse"))
    assert 0 < len(matching) < 40
    assert f"Showing all {len(matching)} matching" in browser.count.value
    assert {code for _, code in browser.pick.options} == set(matching.index)
    browser.search.value = "qqzzx"
    assert "No occupation matches these filters" in browser.count.value
    assert "Try loosening the search words" in browser.table.value
    assert browser.pick.options == ()
    browser.reset.click()
    assert browser.filters == flt.Filters() and "Showing 40 of" in browser.count.value
    assert browser.errors.outputs == ()


def test_every_filter_widget_feeds_the_filters(persona: Plan, catalog: pd.DataFrame) -> None:
    browser = ui.browser(persona, catalog)
    browser.min_fit.value = 40
    browser.zone.value = (2, 4)
    browser.education.value = "Bachelor's degree"
    browser.pay.value = (browser.pay.min, 90_000)
    browser.unknown_pay.value = True
    browser.outlooks["decline"].value = False
    browser.sort.value = "median_wage"
    browser.order.value = True
    expected = flt.Filters(
        min_fit=40,
        job_zone=(2, 4),
        max_education="Bachelor's degree",
        pay=(None, 90_000),
        unknown_pay=True,
        outlooks=frozenset(flt.OUTLOOKS) - {"decline"},
        sort_by="median_wage",
        ascending=True,
    )
    assert browser.filters == expected
    rows = flt.apply_filters(catalog, expected, flt.fit_for(persona, catalog)).head(40)
    assert [code for _, code in browser.pick.options] == list(rows.index)


def test_without_the_quiz_the_table_has_no_fit_and_says_why(
    plan: Plan, catalog: pd.DataFrame
) -> None:
    browser = ui.browser(plan, catalog)
    assert "Take the interest quiz in 01 to see your fit" in html_of(browser)
    assert "fit" not in [key for _, key in browser.sort.options]
    assert "<th>Fit</th>" not in browser.table.value
    assert browser.filters.sort_by == "title" and browser.filters.ascending
    assert "take the interest quiz in 01" in browser.card.value


def test_missing_pay_and_outlook_show_unknown(plan: Plan) -> None:
    catalog = synthetic_catalog(30, seed=2)
    code = catalog.index[0]
    catalog.loc[code, ["median_wage", "wage_p10", "outlook_pct", "outlook", "weekly_hours"]] = pd.NA
    catalog.loc[code, ["experience", "training"]] = ["None", "Apprenticeship"]
    catalog.loc[code, "title"] = "Zebra Keepers"
    browser = ui.browser(plan, catalog)
    browser.search.value = "zebra"
    assert "Showing all 1 matching occupation " in browser.count.value
    assert browser.table.value.count(">unknown<") == 3
    assert not any(bad in browser.table.value for bad in ("nan", "NaN", "<NA>"))
    browser.pick.value = code
    card = occ.profile_card(catalog, code, plan)
    assert (card["pay"], card["outlook"]) == ("unknown", "unknown")
    facts = re.sub(r"<div class='ck-why-card'.*?</div>", "", browser.card.value)  # the why
    assert facts.count(">unknown</td>") == 1  # outlook
    assert "unknown<br><small>Range: unknown</small>" in facts  # pay
    assert "Pay</th><td style='padding:2px 0'>unknown</td>" in browser.card.value  # the why's


def test_adding_from_the_card_saves_and_updates_the_other_panels(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    panels = [ui.shortlist(persona, catalog), ui.questions(persona, catalog)]
    chart = ui.shortlist_chart(persona, catalog)
    before, first_form = chart.chart.value, panels[1].accordion.children[0]
    browser = ui.browser(persona, catalog)
    listed = set(codes_on_disk(persona))
    code = next(c for _, c in browser.pick.options if c not in listed)
    browser.pick.value = code
    assert catalog.at[code, "title"] in browser.card.value
    assert not browser.add.disabled
    browser.add.click()
    assert codes_on_disk(persona)[-1] == code
    assert browser.add.disabled and browser.add.description == "On your shortlist"
    assert "Saved at" in browser.saver.status.value
    assert panels[0].summary.value == "<b>6 options remain, 1 dropped</b>"
    assert code in panels[1].shown and panels[1].accordion.children[0] is first_form
    assert chart.chart.value != before
    browser.add.click()  # a second click is refused, not duplicated
    assert "already on your shortlist" in browser.message.value
    assert codes_on_disk(persona).count(code) == 1


def test_every_panel_tells_the_truth_after_changes_elsewhere(
    plan: Plan, catalog: pd.DataFrame
) -> None:
    """The walk saw 02's shortlist line still say "Added 'Registered Nurses'" after two
    more were added in the table, an old "Saved at", and "1 option remains" before any
    option was dropped."""
    shortlist, browser = ui.shortlist(plan, catalog), ui.browser(plan, catalog)
    shortlist.find.value = catalog.at["29-1141.00", "title"]
    shortlist.add.click()
    assert "Registered Nurses" in shortlist.message.value
    assert shortlist.summary.value == "<b>1 option on your shortlist</b>"
    shortlist.saver.status.value = "Saved at 09:00:00"  # as it read a while ago
    for code in [c for _, c in browser.pick.options if c != "29-1141.00"][:2]:
        browser.pick.value = code
        browser.add.click()
    assert shortlist.message.value == ""  # not "Added 'Registered Nurses'" any more
    assert shortlist.summary.value == "<b>3 options on your shortlist</b>"
    assert shortlist.saver.status.value == browser.saver.status.value  # the plan's last save
    assert "09:00:00" not in shortlist.saver.status.value


def test_a_row_clicked_in_the_table_is_picked_as_in_the_picker(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    browser = ui.browser(persona, catalog)
    listed = set(codes_on_disk(persona))
    first, *others = [code for _, code in browser.pick.options if code not in listed]
    assert browser.table.picked == browser.pick.value  # the first row, marked as picked
    code, title = others[0], html.escape(catalog.at[others[0], "title"])
    row = re.search(f"<tr data-key='{re.escape(code)}'>.*?</tr>", browser.table.value)
    assert row and f"<button type='button' class='ck-pick'>{title}</button>" in row[0]
    browser.table.picked = code  # what the page sends when the row is clicked
    assert browser.pick.value == code and title in browser.card.value
    assert browser.errors.outputs == ()
    browser.add.click()
    assert codes_on_disk(persona)[-1] == code
    browser.pick.value = first  # the picker and the table agree the other way round too
    assert browser.table.picked == first
    browser.search.value = "qqzzx"  # no rows: none is marked
    assert browser.table.picked is None


# --- the shortlist ----------------------------------------------------------------------------


def test_add_by_title_and_an_unknown_title(plan: Plan, catalog: pd.DataFrame) -> None:
    panel = ui.shortlist(plan, catalog)
    panel.find.value = "No Such Job"
    panel.add.click()
    assert "No occupation in the catalog is called “No Such Job”" in panel.message.value
    assert codes_on_disk(plan) == []
    title = catalog.at["11-9111.00", "title"]
    panel.find.value = title
    panel.add.click()
    assert codes_on_disk(plan) == ["11-9111.00"]
    assert panel.find.value == "" and "Added" in panel.message.value
    assert panel.summary.value == "<b>1 option on your shortlist</b>"
    assert len(panel.items.children) == 1


def test_own_occupation_is_checked_and_input_kept_until_it_is_right(
    plan: Plan, catalog: pd.DataFrame
) -> None:
    panel = ui.shortlist(plan, catalog)
    panel.title.value, panel.pay.value, panel.notes.value = (
        "Clinic <b>coordinator</b>",
        "lots",
        "job board",
    )
    panel.add_own.click()
    assert "“lots” is not a number" in panel.message.value
    assert panel.title.value == "Clinic <b>coordinator</b>" and codes_on_disk(plan) == []
    panel.pay.value = "$52,000"
    panel.add_own.click()
    saved = reopen(plan).exploration.options[0]
    assert (saved.code, saved.custom, saved.median_wage, saved.notes) == (
        "custom:clinic-b-coordinator-b",
        True,
        52000.0,
        "job board",
    )
    assert panel.title.value == panel.pay.value == ""
    line = panel.items.children[0].children[1].value
    assert "&lt;b&gt;coordinator" in line and "your own; median pay $52,000" in line


def test_remove_keeps_options_with_answers(persona: Plan, catalog: pd.DataFrame) -> None:
    panel = ui.shortlist(persona, catalog)
    persona.save("exploration")  # the file as this version writes it (new fields included)
    before = on_disk(persona)
    row_of(panel, persona, "custom:clinic-operations-coordinator").children[0].click()
    assert "Drop it with a reason instead" in panel.message.value
    assert on_disk(persona) == before
    panel.find.value = catalog.at["41-2011.00", "title"]
    panel.add.click()
    assert codes_on_disk(persona)[-1] == "41-2011.00"
    row_of(panel, persona, "41-2011.00").children[0].click()  # added by mistake
    assert on_disk(persona)["options"] == before["options"]
    assert f"Removed “{catalog.at['41-2011.00', 'title']}”" in panel.message.value


# --- the exploring questions ------------------------------------------------------------------


def test_answers_save_per_option_and_show_back(persona: Plan, catalog: pd.DataFrame) -> None:
    panel = ui.questions(persona, catalog)
    assert len(panel.shown) == 5  # the dropped nurse option is not asked about
    assert answer_box(panel, "11-9111.00", "inspiring").value.startswith("Running a clinic")
    box = answer_box(panel, "13-1071.00", "work_life")
    box.value = "Office hours, some evenings at hiring fairs."
    saved = reopen(persona).exploration.options[2]
    assert saved.answers["work_life"] == "Office hours, some evenings at hiring fairs."
    assert panel.accordion.titles[2] == "Human Resources Specialists (3 of 7 answered)"
    answer_box(panel, "13-1071.00", "surprising").value = "  "
    assert "surprising" not in reopen(persona).exploration.options[2].answers
    opened_form(panel, "11-9111.00").children[-1].value = "Ask Aunt Rosa"
    assert reopen(persona).exploration.options[0].notes == "Ask Aunt Rosa"
    again = ui.questions(reopen(persona), catalog)
    assert answer_box(again, "13-1071.00", "work_life").value.startswith("Office hours")


def test_an_options_questions_are_built_when_it_is_opened(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    panel = ui.questions(persona, catalog)
    assert [form.children for form in panel.accordion.children] == [()] * 5  # all closed
    form = opened_form(panel, "13-1071.00")
    assert len(form.children) == 2 * len(occ.QUESTIONS) + 2  # each question, then the notes
    assert sum(f.children != () for f in panel.accordion.children) == 1
    panel.render()  # the shortlist changed elsewhere: the open form is kept as it is
    assert panel.accordion.children[panel.shown.index("13-1071.00")] is form
    assert panel.accordion.selected_index == panel.shown.index("13-1071.00") and form.children


def test_questions_show_what_the_data_knows(persona: Plan, catalog: pd.DataFrame) -> None:
    panel = ui.questions(persona, catalog)
    facts = html_of(opened_form(panel, "11-9111.00"))
    assert "Job zone 4: considerable preparation" in facts
    assert "Median pay: $" in facts and "Jobs outlook:" in facts
    custom = opened_form(panel, "custom:clinic-operations-coordinator")
    assert "$52,000 a year (your own estimate)" in html_of(custom)


def test_questions_on_an_empty_plan_say_what_to_do(plan: Plan, catalog: pd.DataFrame) -> None:
    panel = ui.questions(plan, catalog)
    assert "Shortlist some occupations first" in panel.message.value
    assert panel.accordion.children == ()


# --- narrowing down ---------------------------------------------------------------------------


def test_drop_needs_a_reason_and_loses_nothing(persona: Plan, catalog: pd.DataFrame) -> None:
    panel = ui.narrow_down(persona, catalog)
    assert panel.summary.value.startswith("<b>5 options remain, 1 dropped")
    before = on_disk(persona)
    line, reason, drop = row_of(panel, persona, "13-1071.00").children
    drop.click()
    assert "Write why you are dropping “Human Resources Specialists” first" in panel.message.value
    assert on_disk(persona) == before
    reason.value = "Too much compliance paperwork."
    drop.click()
    saved = reopen(persona).exploration.options[2]
    assert (saved.dropped, saved.drop_reason) == (True, "Too much compliance paperwork.")
    assert saved.answers == before["options"][2]["answers"]
    assert panel.summary.value == "<b>4 options remain, 2 dropped</b>"
    line, restore = row_of(panel, persona, "13-1071.00").children
    assert "<s>" in line.value and "dropped: Too much compliance paperwork." in line.value
    restore.click()
    assert not reopen(persona).exploration.options[2].dropped


def test_a_save_conflict_is_shown_and_the_other_notebook_wins(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    panel = ui.narrow_down(persona, catalog)
    other = reopen(persona)
    other.exploration.options[0].notes = "written in another notebook"
    other.save("exploration")
    reason = row_of(panel, persona, "13-1151.00").children[1]
    reason.value = "Prefer clinics"
    row_of(panel, persona, "13-1151.00").children[2].click()
    assert (
        "Not saved" in panel.saver.status.value and "another notebook" in panel.saver.status.value
    )
    assert reopen(persona).exploration.options[0].notes == "written in another notebook"
    assert persona.exploration.options[1].dropped  # the change is still on screen


# --- the chart --------------------------------------------------------------------------------


def test_chart_of_the_shortlist(persona: Plan, catalog: pd.DataFrame) -> None:
    panel = ui.shortlist_chart(persona, catalog)
    assert bytes(panel.chart.value).startswith(b"\x89PNG") and panel.message.value == ""
    assert bytes(panel.chart.narrow).startswith(b"\x89PNG")  # drawn for a phone too


def test_chart_on_an_empty_plan(plan: Plan, catalog: pd.DataFrame) -> None:
    panel = ui.shortlist_chart(plan, catalog)
    assert "Shortlist some occupations first" in panel.message.value
    assert panel.chart.layout.display == "none"
    shortlist = ui.shortlist(plan, catalog)
    shortlist.title.value, shortlist.pay.value = "Dog walker", "30000"
    shortlist.add_own.click()  # a change in any panel redraws the chart
    assert panel.chart.layout.display is None and bytes(panel.chart.value).startswith(b"\x89PNG")
    assert "Take the interest quiz in 01" in panel.note.value


# --- related occupations and real figures on the card -----------------------------------------


def test_related_occupations_on_the_card_shortlist_in_one_click(
    plan: Plan, catalog: pd.DataFrame
) -> None:
    browser = ui.browser(plan, catalog)
    browser.search.value = "Medical and Health Services Managers"
    browser.pick.value = "11-9111.00"
    related = occ.related_occupations(catalog, "11-9111.00")
    assert len(related) >= 5 and list(browser.related.buttons) == list(related.index)
    first = related.index[0]
    browser.related.buttons[first].click()
    assert codes_on_disk(plan) == [first]
    assert browser.related.buttons[first].disabled  # marked as on the shortlist
    browser.related.buttons[first].click()
    assert codes_on_disk(plan) == [first]


def test_more_like_this_from_a_shortlisted_option(persona: Plan, catalog: pd.DataFrame) -> None:
    panel = ui.shortlist(persona, catalog)
    row = row_of(panel, persona, "13-1151.00")
    more = next(b for b in row.children if getattr(b, "description", "") == "More like this")
    more.click()
    shown = list(panel.similar.buttons)
    assert shown == list(occ.related_occupations(catalog, "13-1151.00").index)
    new = next(c for c in shown if c not in codes_on_disk(persona))
    panel.similar.buttons[new].click()
    assert codes_on_disk(persona)[-1] == new
    custom = row_of(panel, persona, "custom:clinic-operations-coordinator")
    assert all(getattr(b, "description", "") != "More like this" for b in custom.children)


def test_card_shows_pay_range_bls_facts_and_the_onet_link(
    plan: Plan, catalog: pd.DataFrame
) -> None:
    browser = ui.browser(plan, catalog)
    code = "15-1252.00"
    browser.search.value = "Software Developers"
    browser.pick.value = code
    row = catalog.loc[code]
    card = browser.card.value
    assert f"{money(row['wage_p10'])} to {money(row['wage_p90'])}" in card
    assert row["outlook"] in card and html.escape(row["education"]) in card
    assert f"https://www.onetonline.org/link/summary/{code}" in card
    assert "O*NET:" not in card  # O*NET's own sentence only once the person imported it


# --- skills match (issue 23 §2) -----------------------------------------------------------


def test_the_table_has_a_skills_match_column_sort_and_minimum(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    browser = ui.browser(persona, catalog)
    assert "<th>Skills match</th>" in browser.table.value
    assert flt.SKILLS_MATCH_RULE in html.unescape(html_of(browser))  # the rule, on the page
    assert "skills_match" in [key for _, key in browser.sort.options]
    browser.sort.value = "skills_match"
    browser.min_skills.value = 30
    assert browser.filters == flt.Filters(min_skills=30, sort_by="skills_match")
    skills = flt.skills_for(persona, catalog)
    rows = flt.apply_filters(catalog, browser.filters, flt.fit_for(persona, catalog), skills)
    assert 0 < len(rows) < len(catalog) and (rows["skills_match"] >= 30).all()
    assert [code for _, code in browser.pick.options] == list(rows.index[:40])
    browser.reset.click()
    assert browser.filters.min_skills == 0


def test_not_rated_occupations_say_so(persona: Plan, catalog: pd.DataFrame) -> None:
    unrated = catalog.index.difference(tables_of(catalog).skill_ratings().index)
    assert "11-1031.00" in unrated  # Legislators: O*NET gives them no skills
    browser = ui.browser(persona, catalog)
    browser.search.value = "legislators"
    cells = re.findall(r"<tr data-key='11-1031.00'>(.*?)</tr>", browser.table.value)
    assert cells and "<td data-label='Skills match'><i>not rated</i></td>" in cells[0]
    browser.search.value = ""
    browser.sort.value = "skills_match"
    browser.order.value = True  # low to high: the not rated still come last
    browser.min_skills.value = 5
    assert not set(unrated) & {code for _, code in browser.pick.options}


def test_without_skills_the_table_says_where_to_add_them(plan: Plan, catalog: pd.DataFrame) -> None:
    empty = ui.browser(plan, catalog)
    assert "how well they match each occupation" in html_of(empty)  # above the table
    assert "<th>Skills match</th>" not in empty.table.value
    assert "skills_match" not in [key for _, key in empty.sort.options]


# --- similar to the jobs I have done (issue 23 §2) ----------------------------------------

RETAIL = "41-1011.00"


def test_similar_to_my_jobs_lists_what_carries_over_and_shortlists_in_one_click(
    persona: Plan,
) -> None:
    persona.profile.area = "0600000"  # California: pay changes are California's
    persona.dream_job.past_jobs = [PastJob(code=RETAIL, years=6), PastJob(title="Baker")]
    catalog = catalog_for(persona)
    panel = ui.similar_jobs(persona, catalog)
    shortlist = ui.shortlist(persona, catalog)
    expected = similar_occupations(
        [RETAIL], catalog, person_levels=flt.person_levels(persona), n=15
    )
    assert list(panel.buttons) == list(expected["code"])
    assert "California" in panel.intro.value and "5/7" not in panel.intro.value
    first = expected.iloc[0]
    line = html.unescape(panel.list.children[0].children[1].value)
    assert first["title"] in line and f"Carries over:</b> {first['carries_over']}" in line
    assert f"Pay:</b> {similar.pay_words(first['pay_change'])}" in line
    assert f"Job zone:</b> {similar.zone_words(first['job_zone_change'])}" in line
    gappy = expected[expected["gaps"] != ""].iloc[0]
    row = panel.list.children[list(expected["code"]).index(gappy["code"])]
    shown = gappy["gaps"].replace(" -> ", "→")  # "skill 3.00→4.00", as the why line writes it
    assert shown in html.unescape(row.children[1].value)

    panel.buttons[first["code"]].click()
    assert first["code"] in codes_on_disk(persona)
    assert panel.buttons[first["code"]].disabled  # on the list now
    assert first["title"] in html_of(shortlist)  # the other panels follow
    assert "Added" in panel.message.value


def test_similar_without_jobs_says_how_to_add_them(plan: Plan, catalog: pd.DataFrame) -> None:
    panel = ui.similar_jobs(plan, catalog)
    assert "Jobs I have done" in html.unescape(panel.intro.value) and not panel.buttons
    plan.dream_job.past_jobs = [PastJob(title="<i>Baker</i>")]
    panel = ui.similar_jobs(plan, catalog)
    assert "own titles" in panel.intro.value and not panel.buttons


def test_changes_in_words_never_show_an_unknown_as_zero() -> None:
    assert similar.pay_words("unknown") == "unknown"
    assert similar.pay_words(-1200) == "−$1,200 a year"
    assert similar.pay_words(0) == "+$0 a year"
    assert similar.zone_words(pd.NA) == "unknown"
    assert similar.zone_words(0) == "same preparation"
    assert similar.zone_words(-1) == "-1 (less preparation)"


# --- why each suggestion is made (issue 23 §2) -----------------------------------------


def test_every_row_and_the_card_say_why_it_is_suggested(persona: Plan) -> None:
    persona.dream_job.past_jobs = [PastJob(code=RETAIL, years=6)]
    catalog = catalog_for(persona)
    browser = ui.browser(persona, catalog)
    table = browser.table.value
    shown = re.findall(r"data-key='([^']+)'", table)
    assert shown and "Why it is suggested" in table
    reasons = why.explain_all(shown, persona, catalog)
    cells = re.findall(r"<small class='ck-why'[^>]*>(.*?)</small>", table)
    assert len(cells) == len(shown)  # every row
    for code, cell in zip(shown, cells, strict=True):
        assert html.unescape(re.sub("<[^>]+>", "", cell)) == reasons[code].line
    browser.pick.value = shown[1]
    card = html.unescape(browser.card.value)
    assert "Why it is suggested" in card
    for _, text in reasons[shown[1]].details():
        assert text in card
    assert why.WHY_RULE in html.unescape(html_of(browser))


def test_each_similar_job_says_why_too(persona: Plan) -> None:
    persona.dream_job.past_jobs = [PastJob(code=RETAIL, years=6)]
    catalog = catalog_for(persona)
    panel = ui.similar_jobs(persona, catalog)
    reasons = why.explain_all(list(panel.buttons), persona, catalog, from_jobs=True)
    for row, code in zip(panel.list.children, panel.buttons, strict=True):
        assert reasons[code].line in html.unescape(re.sub("<[^>]+>", "", row.children[1].value))


def test_each_similar_job_reads_beside_its_button(persona: Plan) -> None:
    """Seen in the browser: the why line capped at a table cell's 30em broke into four
    short lines, and a row too long for the room left beside the + button went under it."""
    persona.dream_job.past_jobs = [PastJob(code=RETAIL, years=6)]
    panel = ui.similar_jobs(persona, catalog_for(persona))
    for row in panel.list.children:
        button, text = row.children
        assert row.layout.flex_flow == "row nowrap"
        assert text.layout.flex == "1 1 0%" and text.layout.min_width == "0"
        assert "class='ck-why'" in text.value and "max-width" not in text.value
        assert ";white-space:nowrap'>" + panel.table.iloc[0]["code"] in str(
            panel.list.children[0].children[1].value
        )  # seen on a phone: "43-" at a line's end, "1011.00" below
        for label in ("Job zone:", "Pay:"):  # seen: "Job" at a line's end, "zone:" below
            assert f"<span style='white-space:nowrap'><b>{label}</b>" in text.value


def test_the_similar_views_rules_read_as_two_sentences_with_the_lines_arrow(
    persona: Plan,
) -> None:
    """Seen in the browser: "...else your jobs' level).Why it is suggested: ..." and the
    rule writing "->" where every line writes "→"."""
    persona.dream_job.past_jobs = [PastJob(code=RETAIL, years=6)]
    intro = html.unescape(ui.similar_jobs(persona, catalog_for(persona)).intro.value)
    text = re.sub("<br>", "\n", intro)
    text = re.sub("<[^>]+>", "", text)
    assert f"{similar.SIMILARITY_RULE}\n{why.WHY_RULE}" in text
    assert "->" not in text and "your level → its level" in similar.SIMILARITY_RULE


# --- what opens folded (issue 24 §1: a step shows what to do now first) -------------------


def folded_parts(panel: w.Widget) -> list[w.Accordion]:
    """The folds among a panel's own children (careerkit.ui.kit.fold)."""
    return [c for c in panel.children if isinstance(c, w.Accordion)]


def test_a_returning_person_finds_02s_optional_parts_folded_and_what_to_do_open(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    """The sample persona (a shortlist, jobs done): the filters, the similar jobs and the
    form for an occupation of her own are folded under bars that say what is inside; the
    search, the table, its picker, the shortlist and its add box stay open."""
    browser = ui.browser(persona, catalog)
    assert folded_parts(browser) == [browser.filter_fold]
    assert is_folded(browser.filter_fold)
    assert browser.filter_fold.titles == (explore_browser.FILTERS_TITLE,)
    shown = [browser.search, browser.count, browser.table_box, browser.card]
    assert all(part in browser.children for part in shown)
    assert browser.pick in browser.children[browser.children.index(browser.count) + 1].children
    assert browser.code is None and browser.card.value == note_html(explore_browser.PICK_HINT)
    assert browser.children[0] is browser.where  # first: where the shortlist is, what next
    where = html.unescape(browser.where.value)
    assert "Your shortlist: 5 options remain, 1 dropped" in where
    assert explore_browser.RETURNING_NEXT in where
    narrow = ui.narrow_down(persona, catalog)
    _, reason, drop = row_of(narrow, persona, "13-1071.00").children
    reason.value = "too far from home"
    drop.click()
    assert "Your shortlist: 4 options remain, 2 dropped" in html.unescape(browser.where.value)
    inside = html_of(browser.filter_fold)
    assert flt.SKILLS_MATCH_RULE in html.unescape(inside) and "Job zone is the" in inside

    jobs = ui.similar_jobs(persona, catalog)
    assert jobs.fold in jobs.children and is_folded(jobs.fold)
    on_list = [c for c in jobs.table["code"] if c in {o.code for o in persona.exploration.options}]
    count = f" ({len(on_list)} on your shortlist)" if on_list else ""
    title = f"{len(jobs.table)} occupations closest in skills to the jobs you have done{count}"
    assert jobs.fold.titles == (title,)
    assert jobs.intro in jobs.fold.children[0].children and jobs.saver.status in jobs.children

    shortlist = ui.shortlist(persona, catalog)
    assert folded_parts(shortlist) == [shortlist.own] and is_folded(shortlist.own)
    assert shortlist.own.titles[0].startswith("Not in the catalog?")
    assert shortlist.find in shortlist.children[0].children  # add by title: open
    assert shortlist.items in shortlist.children and shortlist.message in shortlist.children


def test_the_filters_bar_says_which_filters_are_set_and_reset_clears_it(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    """A folded filter still narrows the table: its bar names the ones set."""
    browser = ui.browser(persona, catalog)
    browser.min_fit.value = 40
    assert browser.filter_fold.titles == ("Filter and sort (1 filter set: minimum interest fit)",)
    browser.pay.value = (browser.pay.min, 90_000)
    browser.search.value = "manager"  # shown above the fold: not counted on its bar
    assert browser.filter_fold.titles == (
        "Filter and sort (2 filters set: minimum interest fit and pay range)",
    )
    browser.reset.click()
    assert browser.filter_fold.titles == (explore_browser.FILTERS_TITLE,)


def test_a_person_starting_02_sees_the_similar_jobs_open_and_the_nudges_unfolded(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    """No shortlist yet: the similar jobs are a way to start, open; adding one counts it on
    the bar. Without the quiz and skills, what to do in 01 is said outside the folds."""
    persona.exploration.options = []
    persona.dream_job.interests = None
    persona.dream_job.skills = []
    jobs = ui.similar_jobs(persona, catalog)
    assert not is_folded(jobs.fold)
    first_row = ui.browser(persona, catalog)  # an example profile: the first row's
    assert first_row.code == first_row.pick.value == first_row.pick.options[0][1]
    assert first_row.where.value == ""  # nothing to come back to yet
    first = next(iter(jobs.buttons))
    jobs.buttons[first].click()
    assert jobs.fold.titles[0].endswith("(1 on your shortlist)")
    browser = ui.browser(persona, catalog)
    shown = html.unescape(
        " ".join(html_of(c) for c in browser.children if c not in folded_parts(browser))
    )
    assert NO_FIT in shown and NO_SKILLS in shown


def test_the_cards_long_parts_fold_and_short_ones_stay(
    persona: Plan, catalog: pd.DataFrame
) -> None:
    """A long list of other titles folds under its first three; the rule behind "Why it is
    suggested" folds under its reasons; a short list of other titles stays a fact."""
    long = next(c for c in catalog.index if str(catalog.at[c, "alt_titles"]).count(";") >= 5)
    card = occ.profile_card(catalog, long, persona)
    text = explore_html.card_html(card, why.explain_all([long], persona, catalog)[long])
    others = card["alt_titles"]
    first = ", ".join(html.escape(t) for t in others[:3])
    summary = f"<summary><b>Also called</b> {first} and {len(others) - 3} more</summary>"
    assert summary in text and html.escape(", ".join(others)) in text
    assert "<th" not in text.split("Also called")[0][-200:]  # not a fact row too
    rule = f"<details><summary><small>{why_html.RULE_SUMMARY}</small></summary>"
    assert rule in text and html.escape(why.WHY_RULE) in text.split(rule)[1]
    card["alt_titles"] = others[:2]
    text = explore_html.card_html(card)
    assert "<details" not in text and html.escape(", ".join(others[:2])) in text
