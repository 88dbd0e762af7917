"""Reading a page aloud: what to say, in which order, and where it stands on the page (no Qt)."""
