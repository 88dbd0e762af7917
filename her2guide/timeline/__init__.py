"""The line-of-therapy timeline: its data, validation and navigation. Plain Python, no Qt."""
