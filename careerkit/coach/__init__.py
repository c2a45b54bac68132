"""What a coach runs: setting up a workshop, gathering plans, the cohort summary (read-only)."""
