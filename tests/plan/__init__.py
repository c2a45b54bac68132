"""Tests of careerkit/plan: the model, the file, its history and merges."""
