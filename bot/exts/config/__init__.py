"""The config feature."""
