"""Step 04, short-term goals: adding and editing them, the S.M.A.R.T. check, the dates they name."""
