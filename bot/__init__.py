"""briefbot: answers questions about a news article from a curated, verified knowledge store."""

__version__ = "0.1.0"
