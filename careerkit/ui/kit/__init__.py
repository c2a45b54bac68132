"""Widget machinery every step shares: autosave, the plan-changed signal, fields, messages, a11y."""
