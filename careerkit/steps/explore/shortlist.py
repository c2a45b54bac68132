"""Step 2, the shortlist: add, remove, drop and restore options, and summarise what is left."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import numpy as np
import pandas as pd

from careerkit.plan import Option, Plan
from careerkit.steps.explore.filters import counted, fit_for, outlook_labels
from careerkit.steps.explore.occupation import answered


class ShortlistError(ValueError):
    """A shortlist change was refused; the message says why and what to do."""


def find_option(plan: Plan, code: str) -> Option | None:
    """The shortlisted option with this code, dropped or not."""
    return next((o for o in plan.exploration.options if o.code == code), None)


def catalog_option(catalog: pd.DataFrame, code: str) -> Option:
    """A shortlist entry for a catalogue occupation."""
    if code not in catalog.index:
        raise ShortlistError(f"There is no occupation with code {code!r} in the catalog.")
    return Option(code=code, title=str(catalog.at[code, "title"]))


def parse_pay(value: str | float) -> float:
    """A yearly pay typed as 52000, "52,000", "$52,000" or "52k"; ShortlistError if not."""
    text = str(value).strip().replace(",", "").replace("$", "").replace(" ", "")
    if not text:
        raise ShortlistError("Enter a rough yearly pay, e.g. 52000 (a guess is fine).")
    thousands = text[-1:].casefold() == "k"
    try:
        pay = float(text[:-1] if thousands else text) * (1000 if thousands else 1)
    except ValueError:
        raise ShortlistError(
            f"“{str(value).strip()}” is not a number: enter the yearly pay in dollars, e.g. 52000."
        ) from None
    if not np.isfinite(pay) or pay <= 0:
        raise ShortlistError("The yearly pay must be a positive number, e.g. 52000.")
    if pay < 1000:
        raise ShortlistError(
            f"{pay:g} looks like an hourly or monthly rate: enter the yearly pay, e.g. 52000."
        )
    return pay


def slug(title: str) -> str:
    """A short, plain ASCII id for a title: "Clinic Ops (Local)" -> "clinic-ops-local"."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.casefold())[:40].strip("-") or "occupation"


def custom_option(
    title: str, pay: str | float, notes: str = "", taken: Iterable[str] = ()
) -> Option:
    """A person's own occupation (not in the catalogue), checked; code ``custom:<slug>``.

    ``taken`` are codes already in use; a clash gets a number added ("-2", "-3"...).
    """
    title = " ".join(title.split())
    if not title:
        raise ShortlistError("Give your occupation a title, e.g. “Clinic operations coordinator”.")
    if len(title) > 120:
        raise ShortlistError("Keep the title under 120 characters; put the details in the notes.")
    wage = parse_pay(pay)
    base, taken, number = f"custom:{slug(title)}", set(taken), 1
    code = base
    while code in taken:
        number += 1
        code = f"{base}-{number}"
    return Option(code=code, title=title, custom=True, median_wage=wage, notes=notes.strip())


def add_option(plan: Plan, option: Option) -> Option:
    """Put an option on the shortlist; ShortlistError if it is already there."""
    existing = find_option(plan, option.code)
    if existing is not None:
        if existing.dropped:
            raise ShortlistError(
                f"“{existing.title}” is already on your shortlist as dropped; restore it "
                "instead of adding it again (your answers are kept)."
            )
        raise ShortlistError(f"“{existing.title}” is already on your shortlist.")
    plan.exploration.options.append(option)
    return option


def remove_option(plan: Plan, code: str) -> Option:
    """Take an option off the shortlist, unless the person has written answers for it."""
    option = _option(plan, code)
    if answered(option):
        raise ShortlistError(
            f"“{option.title}” has your answers to the exploring questions, so it was not "
            "removed. Drop it with a reason instead: dropped options stay visible, with answers."
        )
    plan.exploration.options.remove(option)
    return option


def drop_option(plan: Plan, code: str, reason: str) -> Option:
    """Mark an option dropped, with the person's reason (required). It stays on the list."""
    option = _option(plan, code)
    reason = reason.strip()
    if not reason:
        raise ShortlistError(
            f"Write why you are dropping “{option.title}” first (e.g. “night shifts do not fit "
            "my family”). Nothing was changed."
        )
    option.dropped, option.drop_reason = True, reason
    return option


def restore_option(plan: Plan, code: str) -> Option:
    """Bring a dropped option back onto the shortlist."""
    option = _option(plan, code)
    option.dropped, option.drop_reason = False, ""
    return option


def shortlist_summary(plan: Plan) -> str:
    """E.g. "3 options on your shortlist", or once some are dropped "4 options remain,
    1 dropped" ("remain" only says something after a drop)."""
    options = plan.exploration.options
    if not options:
        return "Your shortlist is empty."
    dropped = sum(o.dropped for o in options)
    remain = len(options) - dropped
    if not dropped:
        return f"{counted(remain, 'option')} on your shortlist"
    return (
        f"{counted(remain, 'option')} {'remains' if remain == 1 else 'remain'}, {dropped} dropped"
    )


def shortlist_frame(plan: Plan, catalog: pd.DataFrame) -> pd.DataFrame:
    """The remaining options with pay, interest fit and outlook; custom ones use their own pay."""
    options = [o for o in plan.exploration.options if not o.dropped]
    frame = pd.DataFrame(
        {
            "title": [o.title for o in options],
            "custom": [o.custom for o in options],
            "own_pay": [o.median_wage for o in options],
        },
        index=pd.Index([o.code for o in options], name="code", dtype="string"),
    )
    known = catalog.reindex(frame.index)
    fit = fit_for(plan, catalog)
    catalog_pay = known["median_wage"].to_numpy(float, na_value=np.nan)
    frame["pay"] = np.where(frame["custom"], frame["own_pay"].astype(float), catalog_pay)
    frame["fit"] = np.nan if fit is None else fit.reindex(frame.index).astype(float)
    frame["outlook"] = outlook_labels(known)
    return frame.drop(columns="own_pay")


def _option(plan: Plan, code: str) -> Option:
    option = find_option(plan, code)
    if option is None:
        raise ShortlistError(f"{code!r} is not on your shortlist.")
    return option
