"""Errors a person puts right themselves, shown as their message alone.

Their message names the file, what is wrong and what to do. In JupyterLab and in the app,
IPython shows such an error as that message, without Python's traceback, which would bury
it (the ``_render_traceback_`` protocol). Elsewhere they are ordinary exceptions.
"""

from __future__ import annotations


class ForThePerson:
    """Mixin for an exception whose message is written for the person, not the programmer."""

    def _render_traceback_(self) -> list[str]:
        return [f"{type(self).__name__}: {self}"]
