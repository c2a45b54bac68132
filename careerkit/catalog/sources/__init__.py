"""Importing real occupation data: O*NET releases and BLS wage and projection files."""
