"""Tests of careerkit/app: the no-code app, careerkit lab/app, the pre-save hook."""
