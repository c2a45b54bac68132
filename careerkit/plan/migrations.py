"""Upgrades of a plan's JSON from each older schema version to the next.

Every id a migration gives is derived from the content, so the same file always gets the
same ids (a read-only plan too), and an earlier version from ``history/`` matches the
upgraded plan record by record.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from careerkit.plan.sections import DEFAULT_AREAS


def _v1_to_v2(raw: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 kept short-term goals as a bare list; schema 2 adds the person's areas."""
    goals = raw.get("short_term_goals", [])
    if isinstance(goals, list):
        raw["short_term_goals"] = {"areas": list(DEFAULT_AREAS), "goals": goals}
    return raw


def _v2_to_v3(raw: dict[str, Any]) -> dict[str, Any]:
    """Schema 3 gives the plan and every action an id (calendar UIDs, the history diff).

    An action's id comes from its goal id, its text and how many actions before it have
    the same text.
    """
    section = raw.get("action_plan")
    items = section.get("items") if isinstance(section, dict) else None
    for goal_id, item in items.items() if isinstance(items, dict) else ():
        seen: dict[str, int] = {}
        for action in item.get("actions", []) if isinstance(item, dict) else ():
            if isinstance(action, dict) and not action.get("id"):
                text = str(action.get("text", ""))
                seen[text] = seen.get(text, 0) + 1
                action["id"] = _digest(goal_id, text, str(seen[text]))[:8]
    if not raw.get("id"):
        content = {k: v for k, v in raw.items() if k != "saved"}
        raw["id"] = _digest(json.dumps(content, sort_keys=True, default=str))[:16]
    return raw


def _v3_to_v4(raw: dict[str, Any]) -> dict[str, Any]:
    """Schema 4 gives every review and interest result an id, so that two notebooks'
    edits of these lists are merged record by record (not one list against the other).

    An id comes from the list's name, the record's content and how many records before
    it in the list have the same content.
    """
    dream = raw.get("dream_job")
    if isinstance(dream, dict):
        _give_ids("interest_history", dream.get("interest_history"))
        _give_ids("interests", [dream.get("interests")])
    _give_ids("reviews", raw.get("reviews"))
    return raw


def _give_ids(kind: str, records: Any) -> None:
    seen: dict[str, int] = {}
    for record in records if isinstance(records, list) else ():
        if isinstance(record, dict) and not record.get("id"):
            content = json.dumps(record, sort_keys=True, default=str)
            seen[content] = seen.get(content, 0) + 1
            record["id"] = _digest(kind, content, str(seen[content]))[:8]


def _digest(*parts: str) -> str:
    joined = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.sha1(joined, usedforsecurity=False).hexdigest()


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
}
