"""Tests of careerkit/ui: each step's widgets, driven from Python."""
