"""Step 03, compare: criteria and their set-up, the weighted matrix, coach cells, the choice."""
