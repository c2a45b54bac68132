"""Widget machinery every step shares: saving as the person types, messages, lean models, a11y."""
