"""Step 2's search finds what people type, and the browser's table and card follow it.

Every title O*NET gives (reported, short and full alternate titles) is checked against
``../shared`` (skipped, saying why, where it is absent); widgets are driven from Python.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from careerkit.catalog import search
from careerkit.catalog.sources.release import open_release
from careerkit.plan import Plan
from careerkit.steps.explore import filters as flt
from careerkit.ui import explore as ui
from tests.conftest import SHARED, reopen

UX = "15-1255.00"  # Web and Digital Interface Designers
NURSE = "29-1141.00"


def found(catalog: pd.DataFrame, text: str) -> list[str]:
    return list(flt.apply_filters(catalog, flt.Filters(search=text, sort_by="title")).index)


def test_every_onet_title_is_searched(catalog: pd.DataFrame) -> None:
    folder = SHARED / "onet-30.3"
    if not (folder / "excel-30.x" / "Alternate Titles.xlsx").exists():
        pytest.skip(f"O*NET 30.x Alternate Titles are not in {folder}")
    release = open_release(folder)
    code = "O*NET-SOC Code"
    alternate = release.read("alternate_titles")
    reported = release.read("reported_titles")
    wanted = pd.concat(
        [
            alternate[[code, "Alternate Title"]].set_axis([code, "t"], axis=1),
            alternate[[code, "Short Title"]].set_axis([code, "t"], axis=1),
            reported[[code, "Reported Job Title"]].set_axis([code, "t"], axis=1),
        ]
    ).dropna()
    wanted = wanted[wanted[code].isin(catalog.index) & (wanted["t"].str.strip() != "")]
    have = search.other_titles(catalog)

    def keys(codes: pd.Index | pd.Series, titles: pd.Series) -> set[tuple[str, str]]:
        tidy = titles.str.replace(";", ",").str.strip().str.casefold()
        return set(zip(codes, tidy, strict=True))

    have_keys, want_keys = keys(have.index, have), keys(wanted[code], wanted["t"])
    assert want_keys <= have_keys and len(want_keys) > 50_000


def test_user_experience_finds_the_ux_designers(catalog: pd.DataFrame) -> None:
    assert UX in found(catalog, "user experience")
    assert UX in found(catalog, "User Experience Designer")
    assert search.match_rank(catalog, "user experience")[UX] == search.OTHER_TITLE_WORDS


def test_words_match_at_word_starts_only(catalog: pd.DataFrame) -> None:
    """ "UX" finds UX titles, never "Auxiliary": checked on every occupation's texts."""
    titles = search.other_titles(catalog)
    texts = (
        catalog["title"]
        + " "
        + titles.groupby(level=0).agg(" ".join).reindex(catalog.index).fillna("")
        + " "
        + catalog["description"].fillna("")
    )
    for word in ("ux", "nurs", "aide"):
        expected = {c for c, t in texts.items() if re.search(rf"(?<![^\W_]){word}", t, re.I)}
        assert set(found(catalog, word)) == expected, word
    auxiliary = [c for c in catalog.index if "auxiliar" in texts[c].casefold()]
    assert auxiliary and not set(auxiliary) & set(found(catalog, "ux"))


def test_title_matches_come_first(catalog: pd.DataFrame) -> None:
    rows = flt.apply_filters(catalog, flt.Filters(search="nurse", sort_by="median_wage"))
    ranks = search.match_rank(catalog, "nurse").reindex(rows.index).tolist()
    assert ranks == sorted(ranks) and ranks[0] == search.TITLE_WORDS and ranks[-1] > search.TITLE
    titled = [
        c for c, r in zip(rows.index, ranks, strict=True) if r in (search.TITLE_WORDS, search.TITLE)
    ]
    assert all("nurs" in t.casefold() for t in catalog.loc[titled, "title"])


def test_a_spelling_slip_still_finds_nurses(plan: Plan, catalog: pd.DataFrame) -> None:
    assert search.nearest_words(catalog, "nurce") == "nurse"
    assert search.nearest_words(catalog, "nurse") is None
    browser = ui.browser(plan, catalog)
    browser.search.value = "nurce"
    assert NURSE in [code for _, code in browser.pick.options]
    assert "showing those for “nurse”" in browser.count.value


def test_the_table_shows_40_more_with_the_count(plan: Plan, catalog: pd.DataFrame) -> None:
    browser = ui.browser(plan, catalog)
    total = len(catalog)
    assert len(browser.pick.options) == 40
    assert browser.more.description == f"Show 40 more ({total - 40:,} not shown)"
    browser.more.click()
    assert len(browser.pick.options) == 80
    assert f"Showing 80 of {total:,}" in browser.count.value
    browser.search.value = "nurse"  # a new search starts at the first rows again
    nurses = len(found(catalog, "nurse"))
    assert len(browser.pick.options) == nurses <= 40 and browser.more.layout.display == "none"


def test_the_card_follows_the_table(plan: Plan, catalog: pd.DataFrame) -> None:
    browser = ui.browser(plan, catalog)
    browser.search.value = "registered nurse"
    browser.pick.value = NURSE
    browser.add.click()
    assert browser.add.description == "On your shortlist" and browser.add.disabled
    assert "Registered Nurses" in browser.add.tooltip
    assert [o.code for o in reopen(plan).exploration.options] == [NURSE]
    browser.search.value = "accountant"  # the nurse row leaves the table
    assert NURSE not in [code for _, code in browser.pick.options]
    assert browser.card.value == "" and "Registered Nurses" in browser.message.value
    assert browser.add.description == "Add to shortlist" and browser.add.disabled
    accountant = browser.pick.options[0][1]
    browser.pick.value = accountant
    assert browser.add.description == "Add to shortlist" and not browser.add.disabled
    assert catalog.at[accountant, "title"] in browser.card.value


def test_a_whole_word_ranks_above_a_longer_word_it_starts(catalog: pd.DataFrame) -> None:
    """ "nurse" puts every title with Nurse or Nurses before "Nursery" (a walk found
    Crop, Nursery, and Greenhouse Farmworkers fourth, above Registered Nurses)."""
    rows = flt.apply_filters(catalog, flt.Filters(search="nurse", sort_by="title"))
    whole = [bool(re.search(r"\bnurses?\b", t, re.I)) for t in rows["title"]]
    nursery = [
        ("nurser" in t.casefold()) and not w for t, w in zip(rows["title"], whole, strict=True)
    ]
    assert any(whole) and any(nursery)
    assert max(i for i, w in enumerate(whole) if w) < min(i for i, n in enumerate(nursery) if n)
    ranks = search.match_rank(catalog, "nurse")
    assert ranks[NURSE] == search.TITLE_WORDS


def test_a_title_that_is_the_search_and_more_titles_holding_it_come_first() -> None:
    """Within a rank: an exact title (brackets left out, plurals alike) first, then the
    occupation with more titles holding the words, then the catalog's order."""
    catalog = pd.DataFrame(
        {
            "title": ["Alpha Workers", "Beta Workers", "Gamma Workers", "Delta Workers"],
            "alt_titles": [
                "Night Store Manager",
                "Store Managers (SM);Grocery Store Manager",
                "Store Manager;",
                "Store Manager Trainee;Store Manager Assistant;Store Manager Aide",
            ],
        },
        index=["11-0001.00", "11-0002.00", "11-0003.00", "11-0004.00"],
    )
    order = list(search.best_first(catalog, "store manager").index)
    assert order == ["11-0002.00", "11-0003.00", "11-0004.00", "11-0001.00"]
    assert search.is_the_title("Store Managers (SM)", "store manager")
    assert not search.is_the_title("Night Store Manager", "store manager")
