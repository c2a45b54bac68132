"""Three-way merge of a plan section: one notebook's edits applied onto another's newer save.

Used when a save was refused because another notebook (or a stale browser tab) changed the
same part of the plan: ``merge3(base, mine, theirs)`` takes every answer this notebook
changed since it read ``base`` and puts it on top of ``theirs`` (the file as it is now), so
neither side's work is lost. Where both changed the same answer differently, this notebook's
value wins (it is what the person sees on screen) and the answer's path is reported, so the
person can be told; the other value stays in the plan's ``history/`` copies.

Lists of records with a stable key (goals, actions, reviews and interest results by
``id``, options by ``code``, skills by ``name``) are merged record by record; lists of
distinct texts (criteria, chosen directions, skills to acquire, goal areas) item by item,
each text being its own key. Only a list with neither (say, with a text twice) counts as one
answer. ``jsonpatch`` was considered: its list operations address items by position, so an
edit would land on the wrong goal after the other notebook inserted one, which is why this
merge is by key.

Two more rules keep both sides' answers: where both notebooks added the same record (07's
review of the day, or a first questionnaire result where there was none), an answer left
empty on one side takes the other's; and a record's
``id`` is no answer, so two different ids never count as a clash (this notebook's is kept).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import itemgetter
from typing import Any

MISSING: Any = object()  # an answer that is absent on one side
KEYS = ("id", "code", "name")  # how records in a list are matched, first that fits


def merge3(
    base: Any, mine: Any, theirs: Any, limits: Mapping[str, int] | None = None
) -> tuple[Any, list[str]]:
    """``theirs`` with the changes from ``base`` to ``mine`` applied; and the clashes.

    Values are JSON data (dicts, lists, text, numbers). Clashes are dotted paths of the
    answers both sides changed to different values (``mine`` is kept for them), e.g.
    ``"vision"`` or ``"goals[3f2a].title"``. ``MISSING`` in the result means "absent".
    ``limits`` caps lists by path (``{"chosen": 2}``): a merged list that would be longer
    is a clash, and this notebook's list is kept.
    """
    clashes: list[str] = []
    merged = _Merge(clashes, limits or {}).merge(base, mine, theirs, "")
    return merged, clashes


class _Merge:
    def __init__(self, clashes: list[str], limits: Mapping[str, int]) -> None:
        self.clashes, self.limits = clashes, limits

    def merge(self, base: Any, mine: Any, theirs: Any, where: str) -> Any:
        if _same(mine, base):
            return theirs
        if _same(theirs, base) or _same(mine, theirs):
            return mine
        if base is None and isinstance(mine, dict) and isinstance(theirs, dict):
            base = MISSING  # a record both sides started (the questionnaire's result, say)
        if base is MISSING and (_empty(mine) or _empty(theirs)):  # added on both sides
            return theirs if _empty(mine) else mine
        if all(isinstance(v, dict) or v is MISSING for v in (base, mine, theirs)) and (
            mine is not MISSING and theirs is not MISSING
        ):
            return self.dicts(base if base is not MISSING else {}, mine, theirs, where)
        key = _record_key(base, mine, theirs)
        if key is not None:
            merged = self.records(base if base is not MISSING else [], mine, theirs, key, where)
            if len(merged) <= self.limits.get(where, len(merged)):
                return merged
        if where != "id" and not where.endswith(".id"):  # an id is no answer
            self.clashes.append(where)
        return mine

    def dicts(
        self, base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any], where: str
    ) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for name in [*theirs, *(k for k in mine if k not in theirs)]:
            value = self.merge(
                base.get(name, MISSING),
                mine.get(name, MISSING),
                theirs.get(name, MISSING),
                f"{where}.{name}" if where else name,
            )
            if value is not MISSING:
                merged[name] = value
        return merged

    def records(
        self,
        base: list[Any],
        mine: list[Any],
        theirs: list[Any],
        key: Callable[[Any], str],
        where: str,
    ) -> list[Any]:
        """Records (or texts) matched by ``key``: in this notebook's order, then the
        other's new ones."""
        by_base = {key(item): item for item in base}
        by_mine = {key(item): item for item in mine}
        by_theirs = {key(item): item for item in theirs}
        order = [*by_mine, *(k for k in by_theirs if k not in by_mine)]
        merged = []
        for name in order:
            value = self.merge(
                by_base.get(name, MISSING),
                by_mine.get(name, MISSING),
                by_theirs.get(name, MISSING),
                f"{where}[{name}]",
            )
            if value is not MISSING:
                merged.append(value)
        return merged


def _same(a: Any, b: Any) -> bool:
    return a is b or (a is not MISSING and b is not MISSING and a == b)


def _empty(value: Any) -> bool:
    """An answer not given: absent, null, empty text, list or table."""
    return value is MISSING or value is None or (isinstance(value, str | list | dict) and not value)


def _record_key(*lists: Any) -> Callable[[Any], str] | None:
    """How the items of these lists are matched, if every item has a distinct key: a
    record's ``id``, ``code`` or ``name`` (the first that fits), or a text itself."""
    present = [v for v in lists if v is not MISSING]
    if not present or not all(isinstance(v, list) for v in present):
        return None
    items = [item for v in present for item in v]
    if not items:
        return None
    if all(isinstance(item, str) for item in items):
        if all(len(set(v)) == len(v) for v in present):
            return _itself
        return None
    if not all(isinstance(item, dict) for item in items):
        return None
    for key in KEYS:
        if all(key in item and isinstance(item[key], str) and item[key] for item in items) and all(
            len({item[key] for item in v}) == len(v) for v in present
        ):
            return itemgetter(key)
    return None


def _itself(text: str) -> str:
    return text
