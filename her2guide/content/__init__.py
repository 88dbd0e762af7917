"""Content: pages, sections, glossary and their validation. Plain Python, no Qt."""
