"""The qa feature."""
