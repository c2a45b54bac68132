"""Links to files a person takes home: a page opens in a new tab, others download; no server route.

The files' bytes travel with the widget and become Blob URLs in the browser, so the links
need no server route: JupyterLab's ``/files/`` would do for a notebook, but the app (Voila)
serves no file of the workspace. A page (``open``) opens in a new tab, where the person
can read, print or save it; other files (the calendar, the Markdown) are downloaded.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

import anywidget
import traitlets

from careerkit import palette

MIME = {".html": "text/html", ".md": "text/markdown", ".ics": "text/calendar"}

_ESM = """
function render({ model, el }) {
  let urls = [];
  const forget = () => { urls.forEach((url) => URL.revokeObjectURL(url)); urls = []; };
  const draw = () => {
    forget();
    el.replaceChildren();
    const files = model.get('files');
    if (!files.length) return;
    const list = document.createElement('ul');
    list.className = 'careerkit-file-links';
    for (const file of files) {
      const bytes = Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
      urls.push(url);
      const link = document.createElement('a');
      link.href = url;
      link.textContent = file.label;
      link.style.color = '$link';
      link.style.textDecoration = 'underline';
      if (file.open) {
        link.target = '_blank';
        link.title = 'Opens in a new tab';
      } else {
        link.download = file.name;
        link.title = 'Downloads ' + file.name;
      }
      const item = document.createElement('li');
      item.append(link, document.createTextNode(file.note ? ' ' + file.note : ''));
      list.append(item);
    }
    el.append(list);
  };
  model.on('change:files', draw);
  draw();
  return forget;
}
export default { render };
""".replace("$link", palette.LINK)


@dataclass(frozen=True)
class FileLink:
    """One file to offer: its path, the link's words, a note after it, and how it opens."""

    path: Path
    label: str
    note: str = ""
    open: bool = False  # True: open in a new tab (a page); False: download


class FileLinks(anywidget.AnyWidget):
    """A list of links to files, made from their bytes (see the module's docstring)."""

    _esm = _ESM
    files = traitlets.List(traitlets.Dict()).tag(sync=True)

    def show(self, links: list[FileLink]) -> None:
        """Offer ``links``, read from disk now (a later change to a file is not seen)."""
        self.files = [
            {
                "name": link.path.name,
                "mime": MIME.get(link.path.suffix, "application/octet-stream"),
                "label": link.label,
                "note": link.note,
                "open": link.open,
                "data": base64.b64encode(link.path.read_bytes()).decode("ascii"),
            }
            for link in links
        ]
