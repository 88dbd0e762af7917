"""Printing and PDF: a pure handout composer (handout.py) and the Qt page painter (paint.py)."""
