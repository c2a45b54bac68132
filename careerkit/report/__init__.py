"""What a person reads: charts, HTML pieces, the written-down plan, calendar reminders."""
