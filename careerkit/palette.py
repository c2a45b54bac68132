"""careerkit's colors, named once for the HTML pieces and the charts (no matplotlib here).

Text colors are for white backgrounds and pass WCAG AA (4.5:1) there; series colors are
the Okabe-Ito palette, which people with any common color-vision deficiency can tell
apart. A color never carries meaning alone: a word, a mark or a pattern goes with it.
"""

from __future__ import annotations

# --- what a message means: text on white ----------------------------------------------
ERROR = "#b00020"  # refused, failing, overdue: "Not saved", a S.M.A.R.T. letter not met
WARN = "#8a5300"  # take care: make it more concrete, a dropped item, a caveat
GOOD = "#1b5e20"  # done well: saved, added, a letter met
DONE = "#2e7d32"  # completed (a lighter green, for marks and borders)
INFO = "#1f4e79"  # dark blue: a fact, a change, the chosen button (8.7:1 with white text)
LINK = "#0b57a4"  # a link-like button in a table

# --- backgrounds behind those ---------------------------------------------------------
ERROR_BACK = "#fdecea"
GOOD_BACK = "#e3f1e6"
DONE_BACK = "#f4f9f4"
INFO_BACK = "#f3f7fb"
ROW_HOVER = "#f2f6fb"
ROW_PICKED = "#e3eefa"

# --- greys: frames, guides, quiet text and "nothing here"; they never tell series apart --
TEXT = "#222222"  # the body text of a printed page
INK = "#333333"  # dark text and marks drawn in a chart
DARK_GREY = "#555555"  # a quiet note (7.5:1 on white)
GREY = "#999999"  # guides, dropped items
LIGHT_GREY = "#CCCCCC"  # borders, nothing yet
PALE_GREY = "#eeeeee"  # empty tracks, a badge not checked yet
FAINT_GREY = "#f3f3f3"  # a cell not rated
WHITE, BLACK = "#ffffff", "#000000"
# The widgets' buttons (careerkit/ui/kit/theme.py): primary filled, secondary outlined.
BUTTON = "#1565c0"  # white text on it: 5.8:1
BUTTON_HOVER = "#0d47a1"
BUTTON_LIGHT = "#e8f0fb"  # a secondary button under the pointer

#: The Okabe-Ito palette (Okabe & Ito, "Color Universal Design", 2008): eight colours that
#: people with any common colour-vision deficiency can still tell apart.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}
#: Series colours, one per criterion or option in order (yellow last: pale on white).
COLOURS = tuple(
    OKABE_ITO[name]
    for name in ("blue", "orange", "bluish green", "reddish purple", "sky blue", "vermillion")
) + (OKABE_ITO["yellow"], OKABE_ITO["black"])
#: The heat map of 03's ratings, 0 to 10: pale yellow to dark green (RGB stops, ColorBrewer YlGn);
#: the cell's number is written on it, so the shade is never read alone.
HEAT_SCALE = ((255, 255, 229), (173, 221, 142), (49, 163, 84), (0, 104, 55))
#: The cohort summary's bars (careerkit.report.charts.cohort): one blue, and a pale blue-grey.
BAR, BAR_PALE = "#2f6fb0", "#b0bec5"
#: The person and the occupation side by side (02's interest-theme bars on an occupation's card).
YOU, JOB = OKABE_ITO["orange"], OKABE_ITO["blue"]
