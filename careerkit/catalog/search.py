"""Step 2's search: the words people type, found at word starts in every title and description.

An occupation matches when every word of the search starts a word of its title, of one
of the other titles people use for it (O*NET's reported, short and full alternate titles:
``alt_titles`` and the catalogue folder's ``titles.csv.gz``) or of its description, so
"UX" finds "UX Designer" but not "Auxiliary". Matches are ranked: the occupation's own
title first, then another title, then words found across titles and description. When
nothing matches, :func:`nearest_words` offers the closest title words ("nurce" -> "nurse").
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


@dataclass(frozen=True)
class _Index:
    """A catalogue's titles and descriptions as word tokens, built once per catalogue."""

    codes: pd.Index
    title: pd.Series  # one row per occupation
    others: pd.Series  # one row per other title, indexed by code
    everything: pd.Series  # title, other titles and description, one row per occupation
    vocabulary: tuple[str, ...]  # every word of every title


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
    index = _Index(catalog.index.copy(), title, others, everything, tuple(sorted(vocabulary)))
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
    for match, in_title, in_other in (
        (_starts, TITLE, OTHER_TITLE),
        (_whole, TITLE_WORDS, OTHER_TITLE_WORDS),
    ):
        other = pd.Series(match(index.others, words), index=index.others.index)
        other = other.groupby(level=0).any().reindex(catalog.index, fill_value=False)
        rank[other.to_numpy(bool) & (rank > in_other).to_numpy()] = in_other
        rank[match(index.title, words) & (rank > in_title).to_numpy()] = in_title
    return rank


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
