"""Three-way merge of a plan section: one notebook's edits applied onto another's newer save.

Used when a save was refused because another notebook (or a stale browser tab) changed the
same part of the plan: ``merge3(base, mine, theirs)`` takes every answer this notebook
changed since it read ``base`` and puts it on top of ``theirs`` (the file as it is now), so
neither side's work is lost. Where both changed the same answer differently, this notebook's
value wins (it is what the person sees on screen) and the answer's path is reported, so the
person can be told; the other value stays in the plan's ``history/`` copies.

Lists of records with a stable key (goals and actions by ``id``, options by ``code``,
skills by ``name``) are merged record by record; other lists (a list of chosen codes, of
skill names) count as one answer. ``jsonpatch`` was considered: its list operations address
items by position, so an edit would land on the wrong goal after the other notebook
inserted one, which is why this merge is by key.
"""

from __future__ import annotations

from typing import Any

MISSING: Any = object()  # an answer that is absent on one side
KEYS = ("id", "code", "name")  # how records in a list are matched, first that fits


def merge3(base: Any, mine: Any, theirs: Any) -> tuple[Any, list[str]]:
    """``theirs`` with the changes from ``base`` to ``mine`` applied; and the clashes.

    Values are JSON data (dicts, lists, text, numbers). Clashes are dotted paths of the
    answers both sides changed to different values (``mine`` is kept for them), e.g.
    ``"vision"`` or ``"goals[3f2a].title"``. ``MISSING`` in the result means "absent".
    """
    clashes: list[str] = []
    merged = _merge(base, mine, theirs, "", clashes)
    return merged, clashes


def _merge(base: Any, mine: Any, theirs: Any, where: str, clashes: list[str]) -> Any:
    if _same(mine, base):
        return theirs
    if _same(theirs, base) or _same(mine, theirs):
        return mine
    if all(isinstance(v, dict) or v is MISSING for v in (base, mine, theirs)) and (
        mine is not MISSING and theirs is not MISSING
    ):
        return _merge_dicts(base if base is not MISSING else {}, mine, theirs, where, clashes)
    key = _record_key(base, mine, theirs)
    if key:
        return _merge_records(
            base if base is not MISSING else [], mine, theirs, key, where, clashes
        )
    clashes.append(where)
    return mine


def _same(a: Any, b: Any) -> bool:
    return a is b or (a is not MISSING and b is not MISSING and a == b)


def _merge_dicts(
    base: dict[str, Any],
    mine: dict[str, Any],
    theirs: dict[str, Any],
    where: str,
    clashes: list[str],
) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for name in [*theirs, *(k for k in mine if k not in theirs)]:
        value = _merge(
            base.get(name, MISSING),
            mine.get(name, MISSING),
            theirs.get(name, MISSING),
            f"{where}.{name}" if where else name,
            clashes,
        )
        if value is not MISSING:
            merged[name] = value
    return merged


def _record_key(*lists: Any) -> str | None:
    """The field that identifies every record in these lists, if they are lists of records."""
    present = [v for v in lists if v is not MISSING]
    if not present or not all(isinstance(v, list) for v in present):
        return None
    records = [item for v in present for item in v]
    if not records or not all(isinstance(item, dict) for item in records):
        return None
    for key in KEYS:
        if all(
            key in item and isinstance(item[key], str) and item[key] for item in records
        ) and all(len({item[key] for item in v}) == len(v) for v in present):
            return key
    return None


def _merge_records(
    base: list[dict[str, Any]],
    mine: list[dict[str, Any]],
    theirs: list[dict[str, Any]],
    key: str,
    where: str,
    clashes: list[str],
) -> list[dict[str, Any]]:
    """Records matched by ``key``: in this notebook's order, then the other's new ones."""
    by_base = {item[key]: item for item in base}
    by_mine = {item[key]: item for item in mine}
    by_theirs = {item[key]: item for item in theirs}
    order = [*by_mine, *(k for k in by_theirs if k not in by_mine)]
    merged = []
    for name in order:
        value = _merge(
            by_base.get(name, MISSING),
            by_mine.get(name, MISSING),
            by_theirs.get(name, MISSING),
            f"{where}[{name}]",
            clashes,
        )
        if value is not MISSING:
            merged.append(value)
    return merged
