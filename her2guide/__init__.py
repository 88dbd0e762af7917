"""her2guide: an offline, bilingual guide to advanced HER2-positive breast cancer."""

__version__ = "0.1.0"
