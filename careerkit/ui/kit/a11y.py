"""Accessible names ipywidgets leaves out: slider handles, bare text boxes and icon buttons,
folds' title bars (made buttons), charts (shown with their text alternative by
:func:`show_figure`)."""

from __future__ import annotations

import base64
import html
from typing import TYPE_CHECKING

import anywidget
import ipywidgets as w
import traitlets

from careerkit.ui.kit import lean

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# ipywidgets 8 draws sliders with noUiSlider, whose handle (role="slider", the element a
# screen reader and the keyboard reach) carries no name: the visible description is a
# <label> beside it that nothing links to, and no widget option reaches the handle. Its
# value text is noUiSlider's number: a SelectionSlider's stop index ("18" for a rating of
# 9), a FloatSlider's value without its shown format. This script, run once per page by
# the first `PageNames` view, names every handle after its slider's tooltip (a `title`),
# else its description, and gives it the value text the slider's readout shows, and keeps
# doing so as widgets appear or change. Range sliders name their two handles
# "..., lower end" / "upper end" and give each its end of the readout ("low – high").
# ipywidgets writes a missing tooltip into the label's title as the word "null".
# A text box without a description (its question shown above it) has an empty <label>,
# which Chromium takes for its name, ignoring the tooltip (the box's `title`); the script
# makes that tooltip its aria-label.
# A button's icon (a FontAwesome <i>) is a private-use glyph that Chromium puts in the
# button's name ("\uf1f8" for a trash can, read as nothing or as noise): the script hides
# it from screen readers, so a button showing only its icon is named after its tooltip.
# A fold's title bar (ipywidgets' Accordion, careerkit.ui.kit.fold) is a plain <div> that
# only a mouse click opens: the script makes it a button (role, Tab stop, Enter and Space)
# whose aria-expanded says whether it is open, kept up to date as it opens and closes.
_ESM = """
function sliderName(slider) {
  const label = slider.querySelector(':scope > .widget-label');
  const title = (label && label.title) || slider.getAttribute('title');
  const tooltip = title === 'null' ? '' : title;
  return (tooltip || (label ? label.textContent : '')).trim();
}
function shownValues(slider, count) {
  const readout = slider.querySelector('.widget-readout');
  const shown = readout ? readout.textContent.trim() : '';
  if (!shown) return [];
  return count === 2 ? shown.split(/\\s+[\\u2013-]\\s+/) : [shown];
}
function set(element, attribute, value) {
  if (value && element.getAttribute(attribute) !== value) {
    element.setAttribute(attribute, value);
  }
}
function nameHandles(root) {
  for (const slider of root.querySelectorAll('.widget-slider')) {
    const name = sliderName(slider);
    const handles = slider.querySelectorAll('.noUi-handle[role="slider"]');
    const values = shownValues(slider, handles.length);
    handles.forEach((handle, i) => {
      const end = handles.length === 2 ? (i ? ', upper end' : ', lower end') : '';
      if (name) set(handle, 'aria-label', name + end);
      if (values.length === handles.length) set(handle, 'aria-valuetext', values[i]);
    });
  }
}
function nameBoxes(root) {
  const boxes = root.querySelectorAll(
    '.widget-text input[title], .widget-textarea textarea[title]');
  for (const box of boxes) {
    const labelled = Array.from(box.labels || []).some(l => l.textContent.trim());
    const title = box.getAttribute('title');
    if (!labelled && title !== 'null') set(box, 'aria-label', title.trim());
  }
}
function hideIcons(root) {
  for (const icon of root.querySelectorAll('.jupyter-button > i.fa')) {
    set(icon, 'aria-hidden', 'true');
  }
}
function foldState(header) {
  const fold = header.parentElement;
  set(header, 'aria-expanded',
      String(fold.classList.contains('jupyter-widget-Collapse-open')));
}
function nameFolds(root) {
  for (const header of root.querySelectorAll('.jupyter-widget-Collapse-header')) {
    if (!header.hasAttribute('role')) {
      set(header, 'role', 'button');
      set(header, 'tabindex', '0');
      header.addEventListener('keydown', event => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        header.click();
      });
      new MutationObserver(() => foldState(header)).observe(
        header.parentElement, {attributes: true, attributeFilter: ['class']});
    }
    foldState(header);
  }
}
function install() {
  if (window.careerkitNames) return;
  let pending = false;
  const later = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      nameHandles(document);
      nameBoxes(document);
      nameFolds(document);
      hideIcons(document);
    });
  };
  window.careerkitNames = new MutationObserver(later);
  window.careerkitNames.observe(document.body, {
    childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: ['title', 'aria-valuetext'],
  });
  later();
}
export default { render({ el }) { el.style.display = 'none'; install(); } };
"""


#: A chart drawn twice: for the page, and for a phone (taller, its text readable at a phone's
#: width); the theme (:mod:`careerkit.ui.kit.theme`) shows the one that fits the screen.
WIDE_CHART = "ck-chart-wide"
NARROW_CHART = "ck-chart-narrow"


class PageNames(anywidget.AnyWidget):
    """An invisible widget: once shown on a page, every slider handle on it is named and
    given its readout as value text, every text box without a label its tooltip, every
    button's icon is hidden from screen readers (a button showing only its icon is named
    after its tooltip), and every fold's title bar is a button saying whether it is open."""

    _esm = _ESM


class Chart(anywidget.AnyWidget):
    """A PNG chart with its text alternative, where ipywidgets' ``Image`` would be used.

    ``Image`` has no ``alt``, and its ``tooltip`` (which would give a ``title``) breaks its
    view in ipywidgets 8.1. ``value`` (PNG bytes) and ``layout`` work as for ``Image``.
    :meth:`draw` shows a figure, and with ``narrow`` its drawing for a phone too: as in
    :class:`ChartImage`, the theme's phone layout shows that one, and each image says the
    size of its smallest text in its own pixels (``data-text-px``).
    """

    _esm = (
        f"const WIDE = '{WIDE_CHART}', NARROW = '{NARROW_CHART}';"
        + """
    function render({ model, el }) {
      el.classList.add('widget-image');
      const wide = document.createElement('img');
      const narrow = document.createElement('img');
      for (const img of [wide, narrow]) img.style.maxWidth = '100%';
      el.appendChild(wide);  // the narrow one only while there is a drawing for a phone
      const show = (img, bytes, px) => {
        const old = img.src;
        if (bytes && bytes.byteLength) {
          img.src = URL.createObjectURL(new Blob([bytes], {type: 'image/png'}));
        } else {
          img.removeAttribute('src');
        }
        if (old) URL.revokeObjectURL(old);
        img.alt = model.get('alt');
        if (px) img.dataset.textPx = px.toFixed(1); else delete img.dataset.textPx;
      };
      const draw = () => {
        const small = model.get('narrow');
        const both = Boolean(small && small.byteLength);
        show(wide, model.get('value'), model.get('text_px'));
        show(narrow, both ? small : null, model.get('narrow_text_px'));
        wide.className = both ? WIDE : '';
        narrow.className = both ? NARROW : '';
        narrow.style.display = 'none';  // unless the theme's phone layout shows it
        if (both) el.appendChild(narrow); else narrow.remove();
      };
      let pending = false;  // one drawing for the traits a single update changes
      const later = () => {
        if (pending) return;
        pending = true;
        queueMicrotask(() => { pending = false; draw(); });
      };
      for (const name of ['value', 'alt', 'narrow', 'text_px', 'narrow_text_px']) {
        model.on('change:' + name, later);
      }
      draw();
    }
    export default { render };
    """
    )
    value = traitlets.Bytes(b"").tag(sync=True)
    alt = traitlets.Unicode("Chart").tag(sync=True)
    narrow = traitlets.Bytes(b"").tag(sync=True)  # the drawing for a phone, if any
    text_px = traitlets.Float(0.0).tag(sync=True)  # the smallest text of each, in its pixels
    narrow_text_px = traitlets.Float(0.0).tag(sync=True)
    format = traitlets.Unicode("png")  # as for Image; always PNG

    def draw(self, fig: Figure, narrow: Figure | None = None) -> None:
        """Show ``fig``, and ``narrow`` (its drawing for a phone) on a phone."""
        from careerkit.report.charts import png, text_px  # a step without charts skips them

        with self.hold_sync():  # one message: both drawings and their sizes
            self.value, self.text_px = png(fig), text_px(fig)  # drawn first: sizes known
            self.narrow = png(narrow) if narrow is not None else b""
            self.narrow_text_px = text_px(narrow) if narrow is not None else 0.0


def page_names() -> PageNames:
    """The widget that names the page's slider handles (show it once per notebook)."""
    return PageNames(layout=lean.layout(display="none"))


def chart_text(fig: Figure) -> str:
    """A chart's text alternative: its title, else a plain word."""
    titles = [ax.get_title(loc) for ax in fig.axes for loc in ("center", "left")]
    title = next((t for t in titles if t.strip()), "")
    return f"Chart: {title}" if title else "Chart"


class ChartImage:
    """A PNG chart for an ``Output`` widget, with its text alternative.

    JupyterLab's own PNG view has no ``alt``; the HTML form carries one, and the PNG stays
    in the bundle for anything that does not render HTML. With a ``narrow`` drawing, the
    HTML form holds both, the narrow one hidden unless the theme's phone layout shows it
    (without the theme, only the wide one shows). Each image says the size of its smallest
    text in its own pixels (``data-text-px``): shown narrower, that text shrinks with it.
    """

    def __init__(
        self,
        data: bytes,
        text: str,
        narrow: bytes | None = None,
        text_px: tuple[float, float | None] = (0.0, None),
    ) -> None:
        self.data, self.text, self.narrow, self.text_px = data, text, narrow, text_px

    def _repr_png_(self) -> bytes:
        return self.data

    def _img(self, data: bytes, px: float | None, attributes: str) -> str:
        source = base64.b64encode(data).decode("ascii")
        alt = html.escape(self.text)
        size = f' data-text-px="{px:.1f}"' if px else ""
        shown = f'alt="{alt}" title="{alt}"{size}{attributes}'
        return f'<img src="data:image/png;base64,{source}" {shown}>'

    def _repr_html_(self) -> str:
        wide_px, narrow_px = self.text_px
        if self.narrow is None:
            return self._img(self.data, wide_px, "")
        return self._img(self.data, wide_px, f' class="{WIDE_CHART}"') + self._img(
            self.narrow, narrow_px, f' class="{NARROW_CHART}" style="display: none"'
        )


def show_figure(out: w.Output, fig: Figure, narrow: Figure | None = None) -> None:
    """Show a chart in ``out`` as a PNG with its text alternative (the same in JupyterLab,
    Voila and tests); with ``narrow``, its drawing for a phone too."""
    from careerkit.report.charts import (
        png,
        text_px,
    )  # not at import: a step without charts skips matplotlib

    data, small = png(fig), png(narrow) if narrow is not None else None  # drawn: sizes known
    sizes = (text_px(fig), text_px(narrow) if narrow is not None else None)
    out.outputs = ()
    out.append_display_data(ChartImage(data, chart_text(fig), small, sizes))
