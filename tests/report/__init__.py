"""Tests of careerkit/report: charts and the written-down plan."""
