"""An HTML table whose rows can be picked: a click on a row tells Python which one.

ipywidgets has no clickable HTML (an ``HTML`` widget shows markup, nothing comes back), and
a grid of one widget per cell would send hundreds of widgets to the page on each filter
change. So the table stays one HTML string and this small anywidget listens for clicks.

Rows are ``<tr data-key="...">``; each holds a ``<button>`` (its text names the row), so
Tab reaches every row and Enter or Space picks it, as a screen reader expects. A click
anywhere else on the row picks it too, unless the person was selecting text.
"""

from __future__ import annotations

import anywidget
import traitlets

_ESM = """
function render({ model, el }) {
  const mark = () => {
    const picked = model.get('picked');
    for (const row of el.querySelectorAll('tr[data-key]')) {
      const on = row.dataset.key === picked;
      row.classList.toggle('ck-picked', on);
      const button = row.querySelector('button');
      if (button && on) button.setAttribute('aria-current', 'true');
      else if (button) button.removeAttribute('aria-current');
    }
  };
  const draw = () => { el.innerHTML = model.get('value'); mark(); };
  el.addEventListener('click', (event) => {
    const row = event.target.closest('tr[data-key]');
    if (!row || !el.contains(row)) return;
    const selecting = !event.target.closest('button') && !window.getSelection().isCollapsed;
    if (selecting) return;
    model.set('picked', row.dataset.key);
    model.save_changes();
    mark();
  });
  model.on('change:value', draw);
  model.on('change:picked', mark);
  draw();
}
export default { render };
"""


class RowTable(anywidget.AnyWidget):
    """HTML (``value``, as for ``HTML``) whose ``<tr data-key>`` rows can be picked.

    ``picked`` is the key of the row last clicked (or activated with the keyboard); set it
    from Python to mark a row as the picked one (bold, ``aria-current``), None for none.
    """

    _esm = _ESM
    value = traitlets.Unicode("").tag(sync=True)
    picked = traitlets.Unicode(None, allow_none=True).tag(sync=True)
