"""U.S. spelling and vocabulary in every text a person sees (issue 19 §6).

Scanned: the package's string constants (not docstrings, not names such as ``__all__``
entries), every notebook cell, and the data a person reads (our descriptions, the skills
table, the interest items, the sample persona). A word list that accepts both spellings
(the S.M.A.R.T. check reads "enrol" and "enroll") is allowed: there the U.S. word is in
the same text.
"""

from __future__ import annotations

import ast
import json
import re

import pytest

from tests.conftest import ROOT

#: British spelling or vocabulary -> the U.S. word to use.
BRITISH = {
    "colour": "color",
    "colours": "colors",
    "coloured": "colored",
    "colouring": "coloring",
    "organise": "organize",
    "organised": "organized",
    "organises": "organizes",
    "organising": "organizing",
    "organisation": "organization",
    "organisations": "organizations",
    "organisational": "organizational",
    "organiser": "organizer",
    "organisers": "organizers",
    "practise": "practice",
    "practised": "practiced",
    "practises": "practices",
    "practising": "practicing",
    "programme": "program",
    "programmes": "programs",
    "catalogue": "catalog",
    "catalogues": "catalogs",
    "catalogued": "cataloged",
    "behaviour": "behavior",
    "behaviours": "behaviors",
    "behavioural": "behavioral",
    "centre": "center",
    "centres": "centers",
    "centred": "centered",
    "favour": "favor",
    "favourite": "favorite",
    "favours": "favors",
    "licence": "license",
    "licences": "licenses",
    "analyse": "analyze",
    "analysed": "analyzed",
    "analysing": "analyzing",
    "summarise": "summarize",
    "summarised": "summarized",
    "summarising": "summarizing",
    "prioritise": "prioritize",
    "prioritising": "prioritizing",
    "recognise": "recognize",
    "recognised": "recognized",
    "realise": "realize",
    "realised": "realized",
    "judgement": "judgment",
    "travelling": "traveling",
    "travelled": "traveled",
    "traveller": "traveler",
    "travellers": "travelers",
    "enrol": "enroll",
    "enrols": "enrolls",
    "enrolment": "enrollment",
    "learnt": "learned",
    "spelt": "spelled",
    "honour": "honor",
    "labour": "labor",
    "labourers": "laborers",
    "labourer": "laborer",
    "neighbour": "neighbor",
    "neighbourhood": "neighborhood",
    "neighbours": "neighbors",
    "defence": "defense",
    "whilst": "while",
    "cheque": "check",
    "cheques": "checks",
    "tyre": "tire",
    "tyres": "tires",
    "maths": "math",
    "rota": "schedule",
    "rotas": "schedules",
    "flat-pack": "ready-to-assemble",
    "fortnight": "two weeks",
    "postcode": "ZIP code",
    "cv": "résumé",
    "cvs": "résumés",
    "mum": "mom",
    "lorry": "truck",
    "petrol": "gas",
    "jewellery": "jewelry",
    "kerb": "curb",
    "kerbs": "curbs",
    "kerbside": "curbside",
    "mould": "mold",
    "moulds": "molds",
    "moulded": "molded",
    "moulding": "molding",
    "mouldings": "moldings",
    "theatre": "theater",
    "theatres": "theaters",
    "fibre": "fiber",
    "fibres": "fibers",
    "plough": "plow",
    "ploughs": "plows",
    "grey": "gray",
    "aluminium": "aluminum",
    "mobile phone": "cell phone",
    "mobile phones": "cell phones",
    "trolley": "cart",
    "trolleys": "carts",
    "building site": "construction site",
    "building sites": "construction sites",
}
_PATTERN = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, BRITISH)) + r")(?![\w-])", re.I)
DATA = ["data/descriptions.csv", "data/skills.csv", "data/interest_items.csv"]
DATA += ["data/examples/persona.json"]


def british(text: str) -> list[str]:
    """The British words of ``text``; none in a word list (lower-case words only) that
    also holds the U.S. word, as the S.M.A.R.T. check's accepted verbs do."""
    found = [m.group(0) for m in _PATTERN.finditer(text)]
    if re.fullmatch(r"[a-zé'\s-]+", text):
        words = set(text.split())
        found = [w for w in found if BRITISH[w.lower()] not in words]
    return found


def shown_strings(source: str) -> list[tuple[int, str]]:
    """A module's string constants a person may see: not docstrings, not bare names."""
    tree = ast.parse(source)
    skip = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            skip.update(id(c) for c in ast.walk(node.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and not re.fullmatch(r"[A-Z][A-Z0-9_]*", node.value)  # a name, e.g. "COLOURS"
    ]


def test_the_word_list_finds_british_words() -> None:
    assert british("Practise the programme at the centre") == ["Practise", "programme", "centre"]
    assert british("enrol enroll") == [] and british("a flat-pack desk") == ["flat-pack"]
    assert british("Rotas, schedules") == ["Rotas"]  # only a word list may hold both
    assert british("organisms, programmer, color") == []


@pytest.mark.parametrize("path", sorted((ROOT / "careerkit").rglob("*.py")), ids=lambda p: p.name)
def test_package_texts_use_us_spelling(path) -> None:
    hits = [
        (line, word) for line, text in shown_strings(path.read_text()) for word in british(text)
    ]
    assert not hits, f"{path.relative_to(ROOT)}: use U.S. words: {hits}"


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_notebook_texts_use_us_spelling(path) -> None:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    hits = [(i, w) for i, cell in enumerate(cells) for w in british("".join(cell["source"]))]
    assert not hits, f"{path.name}: use U.S. words (cell, word): {hits}"


@pytest.mark.parametrize("name", DATA)
def test_data_a_person_reads_uses_us_spelling(name: str) -> None:
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    hits = [(i + 1, w) for i, line in enumerate(lines) for w in british(line)]
    assert not hits, f"{name}: use U.S. words (line, word): {hits}"
