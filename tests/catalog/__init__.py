"""Tests of careerkit/catalog: loading, the bundled figures, the importer, search."""
