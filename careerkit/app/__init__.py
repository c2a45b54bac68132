"""Serving the workbook: the no-code app (Voila), ``careerkit lab``/``app``, the pre-save hook.

Nothing else in careerkit imports this folder; only the ``careerkit`` command starts it.
This file imports nothing, so the server's pre-save hook (:mod:`.save_hook`) stays light.
"""
