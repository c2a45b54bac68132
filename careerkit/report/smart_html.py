"""A goal's S.M.A.R.T. check as HTML: five letter badges, then what is missing and how to
fix it, in plain words (step 04's goal forms; the check itself is
:mod:`careerkit.steps.short_term.smart`).

Every badge is named for screen readers with its verdict; the person's words in a reason or
tip are escaped.
"""

from __future__ import annotations

import html

from careerkit import palette
from careerkit.steps.short_term import smart

#: colour, background and mark of a letter that passes, fails, or is not checked yet (None)
BADGES = {
    True: (palette.GOOD, palette.GOOD_BACK, "✓"),
    False: (palette.ERROR, palette.ERROR_BACK, "✗"),
    None: (palette.DARK_GREY, palette.PALE_GREY, "·"),
}


def _badge(letter: str, check: smart.Check | None) -> str:
    colour, back, mark = BADGES[check.ok if check else None]
    reason = check.reason if check else "not checked yet"
    tip = html.escape(f"{smart.NAMES[letter]}: {reason}", quote=True)
    return (  # named for screen readers by its tip, e.g. "Timely: no due date"
        f'<span role="img" aria-label="{tip}" title="{tip}" '
        f'style="display:inline-block;padding:1px 7px;margin-right:4px;'
        f'border-radius:4px;background:{back};color:{colour};font-weight:bold">'
        f"{letter} {mark}</span>"
    )


def smart_html(result: smart.SmartResult) -> str:
    """Five letter badges, then what is missing and how to fix it, in plain words."""
    passed = sum(c.ok for c in result.letters.values())
    head = "all five pass" if result.passed else f"{passed} of 5 pass"
    lines = []
    for letter, check in result.letters.items():
        if check.ok and not check.suggestion:
            continue
        colour = palette.DARK_GREY if check.ok else palette.ERROR
        tip = f" <i>{html.escape(check.suggestion)}</i>" if check.suggestion else ""
        lines.append(
            f'<li style="color:{colour}"><b>{smart.NAMES[letter]}</b>: '
            f"{html.escape(check.reason)}.{tip}</li>"
        )
    badges = "".join(_badge(x, c) for x, c in result.letters.items())
    return (
        f'<div>{badges} <span style="color:{palette.DARK_GREY}">S.M.A.R.T.: {head}</span>'
        f'<ul style="margin:4px 0">{"".join(lines)}</ul></div>'
    )


def smart_pending_html() -> str:
    """Five grey letters before a goal is written: no verdict yet, not five red crosses."""
    badges = "".join(_badge(x, None) for x in smart.SMART_LETTERS)
    note = "S.M.A.R.T. not checked yet: write your goal and the check follows as you type."
    return f'<div>{badges} <span style="color:{palette.DARK_GREY}">{note}</span></div>'
