"""The workbook driven in a real browser: JupyterLab and Voila in headless Chromium."""
