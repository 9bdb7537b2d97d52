"""The curated knowledge files in `knowledge/`: their schema, loading and checking."""
