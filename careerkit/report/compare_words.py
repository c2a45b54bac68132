"""The comparison (notebook 03) in words and HTML: what the scores, pay and gut answers say.

Pure functions, tested without widgets: ``careerkit.ui.compare`` shows what they return.
The ranking bars and the heat map are HTML tables, not matplotlib figures: they redraw
on every slider move and must stay within 100 ms, and one matplotlib figure alone takes
50-100 ms to render on a modest machine.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import cast

import numpy as np
import pandas as pd

from careerkit.catalog import fit
from careerkit.palette import (
    BLACK,
    COLOURS,
    DARK_GREY,
    FAINT_GREY,
    HEAT_SCALE,
    LIGHT_GREY,
    PALE_GREY,
    WARN,
    WHITE,
)
from careerkit.plan import Gut, Option
from careerkit.report import cards
from careerkit.steps import job_skills
from careerkit.steps.compare import scoring
from careerkit.steps.compare.comparison import MAX_CHOSEN
from careerkit.steps.compare.criteria import Criterion
from careerkit.steps.compare.scoring import Flip, Result
from careerkit.steps.explore import occupation
from careerkit.text import join_words

PAY = "pay"  # the criterion whose weight the what-if sweep moves
GUT_QUESTIONS = {
    "feels_right": "Seeing the scores, does this feel right?",
    "want_to_grow": "Do I want to grow in this field?",
}
#: The criterion a gut question could be taken for (the same words, a different role).
FEELS_RIGHT = "feels_right"
SHARE = f"<span style='color:{DARK_GREY}'>{{:d}}% of the score</span>"
NOT_RATED_STYLE = f"background:{FAINT_GREY};color:{DARK_GREY};text-align:center"
#: The results' two tables, each under its own caption; the ranking's score column and the
#: column that splits it are apart (a gap and a rule), so that their headers never read as one.
RANKING_CAPTION = "Your ranking"
HEATMAP_CAPTION = "The ratings behind the scores"
SCORE_HEADER = "Score (0-10)"
PARTS_HEADER = "What the score is made of, by criterion"
PARTS_STYLE = f"padding-left:16px;border-left:1px solid {LIGHT_GREY}"  # apart from the score
CAPTION_STYLE = "caption-side:top;text-align:left;font-weight:bold;margin:12px 0 4px"
HEAT = np.array(HEAT_SCALE)  # 0 -> 10


IGNORES_WEIGHTS = (
    "The scoring formula does not use the weights: moving the weight sliders changes no "
    "score, so their shares of the score mean nothing. To make them count, use weights in "
    "score(), e.g. (ratings * weights).sum(axis=1)."
)
ACROSS_ROWS = (
    "The scoring formula scores each option against the others (it divides by the best "
    "score, say, or uses .max(), .mean() or .rank() over the options): this ranking can "
    "change when an option is added or dropped, though nothing about the others changed."
)


# --- wording ---------------------------------------------------------------------------------


def number(value: float) -> str:
    """A weight or rating for text: 3, 2.5."""
    return f"{value:g}"


def percent_shares(weights: pd.Series) -> pd.Series:
    """Each weight's share of the total in whole percent, summing to exactly 100 (largest
    remainder: the shares rounded down, then the points left over go to the largest
    fractions, ties to the earlier criterion); all 0 when the weights are."""
    total = float(weights.sum())
    if total <= 0:
        return pd.Series(0, index=weights.index, dtype=int)
    exact = weights.to_numpy(dtype=float) / total * 100
    shares = np.floor(exact + 1e-9).astype(int)  # 1e-9: 3/3 * 100 is exactly 100, not 99.99
    left_over = 100 - int(shares.sum())
    by_fraction = np.argsort(-(exact - shares), kind="stable")
    shares[by_fraction[:left_over]] += 1
    return pd.Series(shares, index=weights.index, dtype=int)


def gut_difference(labels: Mapping[str, str]) -> str:
    """What the gut check is, and how it differs from the 'Feels right' criterion when that
    is in use (``labels``: criterion id -> name shown)."""
    if FEELS_RIGHT not in labels:
        return (
            "These answers do not change the scores: they are your check on them, now "
            "that you have seen them."
        )
    return (
        f"These answers do not change the scores: they are your check on them, now that you "
        f"have seen them. The '{labels[FEELS_RIGHT]}' criterion you rated above is "
        "different: it is a rating (0-10) given before the scores, and it counts in them."
    )


def ordinal(rank: float) -> str:
    n = int(rank)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def joined(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C', each quoted."""
    return join_words(f"'{n}'" for n in names)


def weights_in_force(
    criteria: Sequence[Criterion], saved: Mapping[str, float], source: str
) -> tuple[str, bool]:
    """Which weights are in force (HTML) and why, and whether the person's own differ from
    the starting weights (``source``: where those came from)."""
    own = [c for c in criteria if c.id in saved]
    differ = [c for c in own if saved[c.id] != c.weight]
    where = "the workshop file" if source.startswith("workshop file") else source
    if not own:
        text = (
            f"<b>In force:</b> these starting weights ({html.escape(where)}). Once you move a "
            "slider, your own weights are saved in your plan and replace them."
        )
    elif not differ:
        text = "<b>In force:</b> your own weights, saved in your plan: the same as these."
    else:
        changed = ", ".join(
            f"{html.escape(c.label)} {number(saved[c.id])} (starting weight {number(c.weight)})"
            for c in differ
        )
        text = (
            "<b>In force:</b> your own weights, saved in your plan when you moved the sliders, "
            f"not the starting weights ({html.escape(where)}): {changed}. Your own weights "
            "win; the button puts the starting weights back."
        )
    return text, bool(differ)


def pay_message(result: Result, weights: pd.Series, sweep: pd.DataFrame | None) -> tuple[str, str]:
    """Whether pay alone puts the top option first, as (text, kind)."""
    if sweep is None:
        return "Pay is not one of the criteria, so it cannot decide the ranking.", "info"
    if weights[PAY] == 0:
        return "Pay has weight 0, so it plays no part in the ranking.", "info"
    top = result.leaders
    if len(top) != 1:
        return f"{joined(top)} share first place, pay included.", "info"
    without = scoring.leaders(sweep).iloc[0]
    if without == top[0]:
        return (
            f"Pay is not the decider: without the pay weight, '{top[0]}' would still rank first.",
            "good",
        )
    if without is None:
        return (
            f"Without the pay weight, '{top[0]}' would only share first place: pay is what "
            "puts it ahead. Is pay what matters most to you?",
            "warn",
        )
    return (
        f"Pay decides the top spot: without the pay weight, '{without}' would rank first. "
        f"'{top[0]}' is first only because it pays more. Is pay what matters most to you?",
        "warn",
    )


def flip_message(flip: Flip | None, result: Result, labels: Mapping[str, str]) -> str:
    """Which single weight change would put the runner-up first, in plain words."""
    scored = result.scores.dropna()
    top = result.leaders
    if len(scored) < 2:
        return "Only one option has a score, so there is no runner-up to compare with."
    if len(top) > 1:
        return f"{joined(top)} share first place: any weight change may decide between them."
    if flip is None:
        runner = scored.drop(top[0]).idxmax()
        return (
            f"No single weight change puts '{runner}' ahead of '{top[0]}': "
            f"'{top[0]}' stays first whichever one weight you move."
        )
    verb = "Raising" if flip.new > flip.old else "Lowering"
    return (
        f"{verb} '{labels[flip.criterion]}' from {number(flip.old)} to {number(flip.new)} "
        f"would put '{flip.winner}' first, ahead of '{flip.loser}'."
    )


def sweep_summary(sweep: pd.DataFrame, label: str) -> str:
    """Which option is first along the sweep (read at the slider's stops), in words."""
    stops = np.isclose(sweep.index.to_numpy()[:, None], scoring.WEIGHT_GRID).any(axis=1)
    leaders = scoring.leaders(sweep.loc[stops]).fillna("")
    runs = (leaders != leaders.shift()).cumsum()
    spans = [(group.iloc[0], group.index[0], group.index[-1]) for _, group in leaders.groupby(runs)]
    what = f"the weight on {label.lower()}"
    if len(spans) == 1:
        who = spans[0][0]
        return f"Whatever {what}, " + (f"'{who}' stays first." if who else "the top options tie.")
    words = [
        (joined([who]) if who else "a tie") + f" from {number(low)} to {number(high)}"
        for who, low, high in spans
    ]
    return f"As {what} goes up, first place goes to " + ", then ".join(words) + "."


def gut_messages(
    result: Result, gut: Mapping[str, Gut], codes: Mapping[str, str]
) -> list[tuple[str, str]]:
    """Where the top score and the gut answers agree or not, as (text, kind) lines.

    ``codes`` maps option names (the result's index) to option codes (the plan's keys).
    """
    top = result.leaders
    if not top:
        return []
    name = top[0]
    answers = gut.get(codes[name]) or Gut()
    said = {q: getattr(answers, q) for q in GUT_QUESTIONS}
    out: list[tuple[str, str]] = []
    if None in said.values():
        out.append(
            (f"Answer both questions for '{name}': the top score deserves a gut check.", "info")
        )
    if "no" in said.values():
        asked = " and ".join(f"'{GUT_QUESTIONS[q]}'" for q, a in said.items() if a == "no")
        out.append(
            (
                f"'{name}' has the top score, but you answered no to {asked}. The score only "
                "counts what you rated: ask what the matrix is missing (a criterion? a "
                "weight?) before you choose it.",
                "warn",
            )
        )
    elif "unsure" in said.values():
        out.append(
            (
                f"'{name}' has the top score, but you are unsure about it. Talking to someone "
                "who does this work could settle it.",
                "info",
            )
        )
    elif None not in said.values():
        out.append((f"The top score and your gut agree on '{name}'.", "good"))
    if set(said.values()) != {"yes"}:
        keen = [
            n
            for n in result.ranks.sort_values().index
            if n != name and _both_yes(gut.get(codes[n]))
        ]
        if keen:
            out.append(
                (
                    f"Your gut says yes to both questions for {joined(keen)}, which "
                    f"{'scores' if len(keen) == 1 else 'score'} lower: the numbers and your "
                    "gut point different ways. Which do you trust here?",
                    "warn",
                )
            )
    return out


def _both_yes(answers: Gut | None) -> bool:
    return answers is not None and answers.feels_right == answers.want_to_grow == "yes"


def choice_messages(
    chosen: Sequence[str], reason: str, result: Result | None, names: Mapping[str, str]
) -> list[tuple[str, str]]:
    """Notes on the chosen direction. ``names`` maps codes of remaining options to names."""
    gone = [code for code in chosen if code not in names]
    kept = [names[code] for code in chosen if code in names]
    out: list[tuple[str, str]] = []
    if gone:
        out.append(
            (
                f"You had chosen {', '.join(gone)}, which is no longer on your shortlist "
                "(dropped in 02): choose again.",
                "warn",
            )
        )
    if not kept:
        out.append((f"Tick one or {MAX_CHOSEN} options to choose your direction.", "info"))
        return out
    if not reason.strip():
        out.append(
            ("Say in a sentence or two why you chose it: later steps show it back to you.", "warn")
        )
    top = result.leaders if result is not None else []
    if top and not set(top) & set(kept):
        out.append(
            (
                f"You chose {joined(kept)} although {joined(top)} scores highest: that is "
                "fine when your reason says why.",
                "info",
            )
        )
    return out


#: What to find out to rate work-life balance, where the catalogue has no hours.
WORK_LIFE_ASK = (
    "The catalog has no hours or schedule: look for the hours in job postings, shifts, "
    "on-call and travel, and ask someone in the job."
)


def unrated_reason(
    criterion: str, option: Option, catalog: pd.DataFrame, skills: Sequence[str] = ()
) -> str | None:
    """Why a data criterion has no value for ``option``, in words that say what to do;
    ``skills``: the person's own (01)."""
    if criterion == "skills_match" and not option.custom:
        if job_skills.lacks_ratings(catalog, option.code):
            if not option.skills:
                return f"{job_skills.NO_RATINGS}: rate it yourself, or list its skills in 02"
        elif option.code in catalog.index and fit.other_names_only(skills):
            return (
                f"{job_skills.OTHER_NAMES}. To fix it, {job_skills.PICK_NAMES}; or rate it yourself"
            )
    if criterion == "work_life" and not occupation.has_hours(catalog):
        return (
            "rate it yourself: hours in postings, shifts, on-call, travel; ask someone in the job"
        )
    return None


def data_notes(
    ids: Sequence[str],
    interests: Mapping[str, float] | None,
    skills: Sequence[str],
    options: Sequence[Option],
    not_in_catalog: Sequence[str],
    catalog: pd.DataFrame | None = None,
) -> list[tuple[str, str]]:
    """What the person can do about data criteria that stay "not rated"."""
    notes = []
    if "interest_fit" in ids and not interests:
        notes.append("'Interest fit' needs the interest quiz: take it in 01 (Dream job).")
    if "skills_match" in ids and not skills:
        notes.append("'Skills match' needs your skills: list them in 01 (Dream job).")
    if "skills_match" in ids and fit.other_names_only(skills):
        notes.append(
            f"'Skills match' is not rated (left out of the score): none of your skills in 01 "
            f"({joined(list(skills)[:3])}{', ...' if len(skills) > 3 else ''}) is one of "
            f"O*NET's skill names, so they cannot be compared. To fix it, "
            f"{job_skills.PICK_NAMES}, such as Coordination or Service Orientation."
        )
    if catalog is not None and "skills_match" in ids and skills:
        unrated = [
            o.title
            for o in options
            if not o.custom and job_skills.lacks_ratings(catalog, o.code) and not o.skills
        ]
        if unrated:
            notes.append(
                f"{job_skills.NO_RATINGS.replace('this occupation', joined(unrated))}: its "
                "skills match is not rated (left out of the score) until you list the skills "
                "the job needs in 02 (question 1), from postings or people in the job, or "
                "rate it yourself here."
            )
    if catalog is not None and "work_life" in ids and not occupation.has_hours(catalog):
        notes.append(f"Work-life balance is yours to rate. {WORK_LIFE_ASK}")
    if any(o.custom for o in options):
        notes.append(
            "Your own occupations are not in the catalog: their pay comes from the wage "
            "you entered in 02, and you rate the rest yourself."
        )
    if not_in_catalog:
        them = "it" if len(not_in_catalog) == 1 else "them"
        notes.append(
            f"{joined(not_in_catalog)} cannot be found in the occupation catalog: "
            f"rate {them} yourself."
        )
    return [(note, "info") for note in notes]


def hourly_pay_notes(names: Sequence[str]) -> list[tuple[str, str]]:
    """Why 'Pay' is not rated for options BLS publishes only an hourly median of."""
    if not names:
        return []
    return [
        (
            f"'Pay' is not rated for {joined(names)}: BLS publishes only an hourly median "
            "(the work is often not full time all year), so there is no yearly pay to rate. "
            "Rate it yourself from what you learn of the yearly earnings.",
            "info",
        )
    ]


# --- HTML tables ------------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    """WCAG's relative luminance of a '#rrggbb' colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def heat_ink(colour: str) -> str:
    """White or black, whichever contrasts more with a heat-map cell of ``colour``: at
    least 4.58:1 on any colour (a fixed threshold on the rating gave white on a mid green,
    4.3:1)."""
    light = _luminance(colour)
    return WHITE if (1.05 / (light + 0.05)) > ((light + 0.05) / 0.05) else BLACK


def heat_colour(values: np.ndarray) -> np.ndarray:
    """0-10 ratings -> '#rrggbb' strings on a pale-yellow-to-green scale."""
    x = np.clip(values, 0, 10) / 10 * (len(HEAT) - 1)
    low = np.floor(x).astype(int).clip(0, len(HEAT) - 2)
    rgb = HEAT[low] + (HEAT[low + 1] - HEAT[low]) * (x - low)[..., None]
    return np.array(
        [f"#{r:02x}{g:02x}{b:02x}" for r, g, b in rgb.round().astype(int).reshape(-1, 3)]
    ).reshape(values.shape)


def legend_html(criteria: Sequence[Criterion]) -> str:
    chips = "".join(
        f'<span style="margin-right:12px;white-space:nowrap">'
        '<span style="display:inline-block;width:12px;height:12px;'
        f'background:{COLOURS[i % len(COLOURS)]};vertical-align:middle"></span> '
        f"{html.escape(c.label)}</span>"
        for i, c in enumerate(criteria)
    )
    return f'<div style="margin:4px 0;font-weight:normal">{chips}</div>'


def ranking_html(result: Result, criteria: Sequence[Criterion]) -> str:
    """The ranking as a table with one stacked bar per option, split by criterion."""
    order = result.ranks.sort_values(kind="stable", na_position="last").index
    scale = max(10.0, float(np.nanmax(result.scores.to_numpy(), initial=0)))
    rows = []
    for name in order:
        value, rank = result.scores[name], result.ranks[name]
        segments = "".join(
            f'<div title="{html.escape(c.label)}: {part:.1f}" '
            f'style="width:{part / scale * 100:.2f}%;background:{COLOURS[i % len(COLOURS)]}"></div>'
            for i, (c, part) in enumerate(zip(criteria, result.parts.loc[name], strict=True))
            if part > 0
        )
        if np.isnan(value):
            note = "not enough ratings to score"
        else:
            missing = [c.label for c in criteria if result.missing.at[name, c.id]]
            note = f"not rated, so left out: {', '.join(missing)}" if missing else ""
        rows.append(
            f"<tr><td{cards.label('Rank')} style='text-align:center'>"
            f"{'–' if np.isnan(rank) else ordinal(rank)}</td>"
            f"<td>{html.escape(name)}</td>"
            f"<td{cards.label('Score')} style='text-align:right;padding-right:16px'>"
            f"<b>{'–' if np.isnan(value) else f'{value:.1f}'}</b></td>"
            f"<td style='width:40%;{PARTS_STYLE}'>"
            f"<div style='display:flex;height:16px;background:{PALE_GREY}'>"
            f"{segments}</div></td><td style='color:{WARN}'>{html.escape(note)}</td></tr>"
        )
    head = "vertical-align:bottom;padding:2px 8px"
    return (
        f"<table class='{cards.CARDS}' style='border-collapse:collapse;width:100%'>"
        f"<caption style='{CAPTION_STYLE}'>{RANKING_CAPTION}</caption>"
        f"<tr><th style='{head}'>Rank</th><th style='{head};text-align:left'>Option</th>"
        f"<th style='{head};text-align:right;padding-right:16px;white-space:nowrap'>"
        f"{SCORE_HEADER}</th><th class='{cards.KEEP}' style='{head};text-align:left;"
        f"{PARTS_STYLE}'>{PARTS_HEADER}"
        f"{legend_html(criteria)}</th><th></th></tr>" + "".join(rows) + "</table>"
    )


def heatmap_html(
    ratings: pd.DataFrame, data: pd.DataFrame, own: pd.DataFrame, criteria: Sequence[Criterion]
) -> str:
    """The ratings as a coloured table: options x criteria; overrides marked ✎."""
    values = ratings.to_numpy(dtype=float, na_value=np.nan)
    colours = heat_colour(np.nan_to_num(values))
    override = (own.notna() & data.notna()).to_numpy()
    head = "".join(f"<th style='padding:2px 6px'>{html.escape(c.label)}</th>" for c in criteria)
    rows = []
    for i, name in enumerate(ratings.index):
        cells = []
        for j in range(len(criteria)):
            v = values[i, j]
            named = cards.label(criteria[j].label)
            if np.isnan(v):
                cells.append(f"<td{named} style='{NOT_RATED_STYLE}'><i>not rated</i></td>")
                continue
            from_data = cast(float, data.iat[i, j])  # a rating, NaN where the data has none
            mark, tip = "", "from data" if not np.isnan(from_data) else "your rating"
            if override[i, j]:
                mark, tip = " ✎", f"your rating; the data says {data.iat[i, j]:.1f}"
            ink = heat_ink(colours[i, j])
            cells.append(
                f"<td{named} title='{tip}' style='background:{colours[i, j]};color:{ink};"
                f"text-align:center'>{v:.1f}{mark}</td>"
            )
        rows.append(f"<tr><td>{html.escape(name)}</td>{''.join(cells)}</tr>")
    return (
        f"<table class='{cards.CARDS}' style='border-collapse:collapse'>"
        f"<caption style='{CAPTION_STYLE}'>"
        f"{HEATMAP_CAPTION}</caption><tr><th></th>"
        + head
        + "</tr>"
        + "".join(rows)
        + f"</table><div style='color:{DARK_GREY}'>0 = poor, 10 = excellent. "
        "✎ your own rating replaces the data value.</div>"
    )


# --- what a returning person finds folded, and where they are (issue 24 §1) ---------------

#: How options are scored, under a fold at the top of the board (open until weights are set).
HOW_SCORED = (
    "Each option gets a rating from 0 (poor) to 10 (excellent) on each criterion. Some "
    "ratings come from data: interest fit from your quiz in step 1, skills match from the "
    "skills you listed (where O*NET has no skill ratings for an occupation, from the skills "
    "you listed for it in step 2; else it stays not rated), pay from the typical yearly "
    "wage, outlook from the expected growth in jobs. Work-life balance you rate yourself: "
    "find out the hours in job postings, shifts, on-call and travel, and ask someone in "
    "the job (only a catalog with hours from O*NET Work Context rates it from data, and "
    "says so). You rate the others, and you can replace any data value with your own. An "
    "option's score is the weighted average of its ratings, so it is on the same 0-10 scale."
)
HOW_SCORED_TITLE = "How the options are scored, and the criteria in use"
HEATMAP_TITLE = "Every rating behind the scores (a heat map)"
SWEEP_TITLE = "How the scores change with the weight on '{label}' (a chart)"


def weights_title(weights: pd.Series, labels: Mapping[str, str]) -> str:
    """A weights fold's bar: which criteria count most (``weights``: criterion id -> weight)."""
    top = weights.max() if len(weights) else 0
    if top <= 0:
        return "Your weights: all at 0, so nothing counts yet"
    if (weights == top).all():
        return "Your weights: every criterion counts the same"
    most = [labels[str(c)] for c, value in weights.items() if value == top]
    verb = "counts" if len(most) == 1 else "count"
    return f"Your weights: {join_words(most)} {verb} most"


def ratings_done(own: pd.DataFrame, data: pd.DataFrame, criteria: Sequence[Criterion]) -> int:
    """How many options (rows) are rated on every criterion the person rates (not from
    data) that no data value fills: their own rating, or the data's. A criterion filled
    from data that has no value for an option may be rated or left out ("or leave it out")."""
    yours = [c.id for c in criteria if not c.from_data]
    missing = own[yours].isna() & data[yours].isna()
    return int((~missing.any(axis=1)).sum())


def ratings_title(own: pd.DataFrame, data: pd.DataFrame, criteria: Sequence[Criterion]) -> str:
    """A ratings fold's bar: "Your ratings: 5 of 5 options rated (1 left out: no data)"."""
    done, total = ratings_done(own, data, criteria), len(own)
    ids = [c.id for c in criteria]
    left_out = int((own[ids].isna() & data[ids].isna()).to_numpy().sum())
    options = "option" if total == 1 else "options"
    title = f"Your ratings: {done} of {total} {options} rated"
    return title + (f" ({left_out} left out: not rated and no data)" if left_out else "")


def gut_title(answered: int, total: int) -> str:
    """A gut check fold's bar: how many of the top options have both answers."""
    return f"Your gut check: {answered} of {total} top options answered"


def where_you_are(
    chosen: Sequence[str], names: Mapping[str, str], ranks: Mapping[str, float], decided: str
) -> str:
    """For a person who has chosen: what they chose, when, and what to do next (text).
    ``names`` maps codes of remaining options to names; ``ranks`` names to ranks; ``decided``
    is the date in words ("" if none)."""
    kept = [names[code] for code in chosen if code in names]
    if not kept:
        return ""
    ranked = [
        f"'{name}'"
        + (f" (ranked {ordinal(ranks[name])})" if not np.isnan(ranks.get(name, np.nan)) else "")
        for name in kept
    ]
    when = f" on {decided}" if decided else ""
    return (
        f"You chose {join_words(ranked)}{when}. Next: 04 Set your short-term goals, to set "
        "goals that lead there. To choose again, open your weights or ratings below, or "
        "tick other options under Choose your direction."
    )
