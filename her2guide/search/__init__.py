"""Search: folding, synonyms and the full-text index (pure Python, no Qt)."""
