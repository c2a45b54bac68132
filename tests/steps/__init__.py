"""Tests of careerkit/steps: each step's rules, without widgets."""
