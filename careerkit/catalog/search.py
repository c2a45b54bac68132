"""Step 2's search: the words people type, found at word starts in every title and description.

An occupation matches when every word of the search starts a word of its title, of one
of the other titles people use for it (O*NET's reported, short and full alternate titles:
``alt_titles`` and the catalogue folder's ``titles.csv.gz``) or of its description, so
"UX" finds "UX Designer" but not "Auxiliary". Matches are ranked: the occupation's own
title first, then another title, then words found across titles and description. When
nothing matches, :func:`nearest_words` offers the closest title words ("nurce" -> "nurse").

Where one best match is wanted (01's "Jobs I have done"), :func:`best_first` orders the
occupations of one rank by how well their titles say the search: one whose title (own or
other, without a part in brackets) is the search itself before one whose titles only
hold its words among others, then the one with more titles holding the words. "Store
manager" is a title of both General and Operations Managers and First-Line Supervisors
of Retail Sales Workers; the supervisors come first, with "Store Manager", "Grocery
Store Manager", "Retail Store Manager" and more against the managers' three.
"""

from __future__ import annotations

import difflib
import re
import weakref
from dataclasses import dataclass

import numpy as np
import pandas as pd

from careerkit.catalog import tables_of

#: Match ranks, best first: each typed word is a whole word (or its plural) of the
#: occupation's title, then of another title ("nurse" -> Registered Nurses); each starts a
#: word of the title, of another title ("nurse" -> Nursery Workers); anywhere (description).
TITLE_WORDS, OTHER_TITLE_WORDS, TITLE, OTHER_TITLE, ANYWHERE, NONE = range(6)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_BRACKETS = re.compile(r"\([^)]*\)")


def words_of(text: str) -> list[str]:
    """The search's words, lower case, without punctuation ("R.N." -> ["r", "n"])."""
    return _WORD.findall(text.casefold())


def _tokens(text: pd.Series) -> pd.Series:
    """Each text as " word word ...": a word start is then the substring " " + word."""
    return " " + text.fillna("").astype(str).str.casefold().str.findall(_WORD).str.join(" ")


def _starts(tokens: pd.Series, words: list[str]) -> np.ndarray:
    """Rows of ``tokens`` (from :func:`_tokens`) where every word starts a word."""
    found = np.ones(len(tokens), bool)
    for word in words:
        found &= tokens.str.contains(f" {word}", regex=False).to_numpy(bool, na_value=False)
    return found


def _whole(tokens: pd.Series, words: list[str]) -> np.ndarray:
    """Rows of ``tokens`` where every word is a whole word, or that word with -s or -es."""
    found = np.ones(len(tokens), bool)
    ended = tokens + " "
    for word in words:
        pattern = rf" {re.escape(word)}(?:e?s)? "
        found &= ended.str.contains(pattern, regex=True).to_numpy(bool, na_value=False)
    return found


def other_titles(catalog: pd.DataFrame) -> pd.Series:
    """Every other title of each occupation, one per row, indexed by code."""
    short = catalog["alt_titles"].fillna("").astype(str).str.split(";").explode().str.strip()
    table = tables_of(catalog).titles()
    full = pd.Series(table["title"].to_numpy(), index=table["code"].to_numpy(), dtype=object)
    both = pd.concat([short, full[full.index.isin(catalog.index)]])
    return both[both.astype(bool)].astype(str)


def _core(titles: pd.Series) -> pd.Series:
    """Each title's words without a part in brackets and without a plural -s, as
    " word word" ("Store Managers (SM)" -> " store manager"), to compare whole titles."""
    bare = titles.fillna("").astype(str).str.replace(_BRACKETS, " ", regex=True)
    return " " + bare.str.casefold().str.findall(_WORD).map(_singulars)


def _singulars(words: list[str]) -> str:
    return " ".join(w.removesuffix("s") for w in words)


@dataclass(frozen=True)
class _Index:
    """A catalogue's titles and descriptions as word tokens, built once per catalogue."""

    codes: pd.Index
    title: pd.Series  # one row per occupation
    others: pd.Series  # one row per other title, indexed by code
    everything: pd.Series  # title, other titles and description, one row per occupation
    vocabulary: tuple[str, ...]  # every word of every title
    title_core: pd.Series  # the title as :func:`_core` gives it
    others_core: pd.Series  # each other title as :func:`_core` gives it


_INDEXES: dict[int, tuple[weakref.ref, _Index]] = {}


def _index(catalog: pd.DataFrame) -> _Index:
    kept = _INDEXES.get(id(catalog))
    if kept is not None and kept[0]() is catalog and kept[1].codes.equals(catalog.index):
        return kept[1]
    titles = other_titles(catalog)
    others = _tokens(titles)
    title = _tokens(catalog["title"])
    joined = others.groupby(level=0).agg("".join).reindex(catalog.index).fillna("")
    everything = (
        title + joined + _tokens(catalog["description"])
        if "description" in catalog
        else title + joined
    )
    vocabulary = {w for t in (*title, *others) for w in t.split()}
    index = _Index(
        catalog.index.copy(),
        title,
        others,
        everything,
        tuple(sorted(vocabulary)),
        _core(catalog["title"]),
        _core(titles),
    )
    _INDEXES.clear()  # one catalogue at a time is in use
    _INDEXES[id(catalog)] = (weakref.ref(catalog), index)
    return index


def match_rank(catalog: pd.DataFrame, search: str) -> pd.Series:
    """Each occupation's match rank for ``search`` (TITLE best ... NONE: no match)."""
    words = words_of(search)
    rank = pd.Series(TITLE if not words else NONE, index=catalog.index, dtype="int64")
    if not words:
        return rank
    index = _index(catalog)
    rank[_starts(index.everything, words)] = ANYWHERE
    started = _starts(index.others, words)
    for other_rows, in_title, in_other in (
        (started, TITLE, OTHER_TITLE),
        (_whole_among(index.others, words, started), TITLE_WORDS, OTHER_TITLE_WORDS),
    ):
        match = _whole if in_title == TITLE_WORDS else _starts
        other = pd.Series(other_rows, index=index.others.index)
        other = other.groupby(level=0).any().reindex(catalog.index, fill_value=False)
        rank[other.to_numpy(bool) & (rank > in_other).to_numpy()] = in_other
        rank[match(index.title, words) & (rank > in_title).to_numpy()] = in_title
    return rank


def _whole_among(tokens: pd.Series, words: list[str], started: np.ndarray) -> np.ndarray:
    """:func:`_whole` of ``tokens``, looked for only in the rows ``started`` (a whole word
    starts a word too): the same answer, on a few rows instead of every other title."""
    found = np.zeros(len(tokens), bool)
    found[started] = _whole(tokens[started], words)
    return found


def is_the_title(title: str, search: str) -> bool:
    """Whether ``title`` (a part in brackets left out, plurals alike) is ``search`` itself."""
    bare = _BRACKETS.sub(" ", title)
    return _singulars(words_of(bare)) == _singulars(words_of(search))


def best_first(catalog: pd.DataFrame, search: str) -> pd.Series:
    """The match ranks of the occupations ``search`` finds (:func:`match_rank` below NONE),
    best first: by rank; within a rank, an occupation with a title that is the search
    itself (own or other title, a part in brackets left out, plurals alike) first, then
    the one with more titles (own and other) holding every word as a whole word; then
    the catalog's order."""
    rank = match_rank(catalog, search)
    words = words_of(search)
    if not words:
        return rank
    index = _index(catalog)
    said = " " + _singulars(words)
    other_exact = (index.others_core == said).groupby(level=0).any()
    exact = (index.title_core == said).to_numpy(bool) | other_exact.reindex(
        catalog.index, fill_value=False
    ).to_numpy(bool)
    whole = _whole_among(index.others, words, _starts(index.others, words))
    holding = pd.Series(whole, index=index.others.index)
    count = holding.groupby(level=0).sum().reindex(catalog.index, fill_value=0).to_numpy(int)
    count = count + _whole(index.title, words)
    order = np.lexsort((-count, ~exact, rank.to_numpy()))  # the last key sorts first
    ranked = rank.iloc[order]
    return ranked[ranked < NONE]


def nearest_words(catalog: pd.DataFrame, search: str) -> str | None:
    """The search with each word no title has replaced by the closest title word, or None
    when no word is replaced (e.g. "nurce aide" -> "nurse aide")."""
    words = words_of(search)
    if not words:
        return None
    vocabulary = _index(catalog).vocabulary
    known = set(vocabulary)
    fixed = []
    for word in words:
        close = [] if word in known else difflib.get_close_matches(word, vocabulary, 1, 0.75)
        fixed.append(close[0] if close else word)
    return " ".join(fixed) if fixed != words else None
