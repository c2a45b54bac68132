"""Accessible names ipywidgets leaves out: slider handles get their label, charts a text."""

from __future__ import annotations

import base64
import html
from typing import TYPE_CHECKING

import anywidget
import traitlets

from careerkit.ui import lean

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# ipywidgets 8 draws sliders with noUiSlider, whose handle (role="slider", the element a
# screen reader and the keyboard reach) carries no name: the visible description is a
# <label> beside it that nothing links to, and no widget option reaches the handle. This
# script, run once per page by the first `PageNames` view, names every handle after its
# slider's tooltip (a `title`), else its description, and keeps doing so as widgets
# appear or change. Range sliders name their two handles "..., lower end" / "upper end".
_ESM = """
function sliderName(slider) {
  const label = slider.querySelector(':scope > .widget-label');
  const tooltip = (label && label.title) || slider.getAttribute('title');
  return (tooltip || (label ? label.textContent : '')).trim();
}
function nameHandles(root) {
  for (const slider of root.querySelectorAll('.widget-slider')) {
    const name = sliderName(slider);
    if (!name) continue;
    const handles = slider.querySelectorAll('.noUi-handle[role="slider"]');
    handles.forEach((handle, i) => {
      const end = handles.length === 2 ? (i ? ', upper end' : ', lower end') : '';
      if (handle.getAttribute('aria-label') !== name + end) {
        handle.setAttribute('aria-label', name + end);
      }
    });
  }
}
function install() {
  if (window.careerkitNames) return;
  let pending = false;
  const later = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; nameHandles(document); });
  };
  window.careerkitNames = new MutationObserver(later);
  window.careerkitNames.observe(document.body, {
    childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: ['title'],
  });
  later();
}
export default { render({ el }) { el.style.display = 'none'; install(); } };
"""


class PageNames(anywidget.AnyWidget):
    """An invisible widget: once shown on a page, every slider handle on it is named."""

    _esm = _ESM


class Chart(anywidget.AnyWidget):
    """A PNG chart with its text alternative, where ipywidgets' ``Image`` would be used.

    ``Image`` has no ``alt``, and its ``tooltip`` (which would give a ``title``) breaks its
    view in ipywidgets 8.1. ``value`` (PNG bytes) and ``layout`` work as for ``Image``.
    """

    _esm = """
    function render({ model, el }) {
      el.classList.add('widget-image');
      const img = document.createElement('img');
      img.style.maxWidth = '100%';
      el.appendChild(img);
      const draw = () => {
        const old = img.src;
        img.src = URL.createObjectURL(new Blob([model.get('value')], {type: 'image/png'}));
        if (old) URL.revokeObjectURL(old);
        img.alt = model.get('alt');
      };
      model.on('change:value', draw);
      model.on('change:alt', draw);
      draw();
    }
    export default { render };
    """
    value = traitlets.Bytes(b"").tag(sync=True)
    alt = traitlets.Unicode("Chart").tag(sync=True)
    format = traitlets.Unicode("png")  # as for Image; always PNG


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
    in the bundle for anything that does not render HTML.
    """

    def __init__(self, data: bytes, text: str) -> None:
        self.data, self.text = data, text

    def _repr_png_(self) -> bytes:
        return self.data

    def _repr_html_(self) -> str:
        source = base64.b64encode(self.data).decode("ascii")
        alt = html.escape(self.text)
        return f'<img src="data:image/png;base64,{source}" alt="{alt}" title="{alt}">'
