"""Step 02, explore: filtering the catalog, one occupation's facts, the shortlist."""
