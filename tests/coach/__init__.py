"""Tests of careerkit/coach: workshop set-up, gathering plans, the cohort."""
