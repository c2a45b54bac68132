"""The workbook's steps as rules on the plan: a module or folder per notebook, named by its slug.

No widgets, no HTML, no charts: what a step decides about the person's data, testable on its own.
"""
