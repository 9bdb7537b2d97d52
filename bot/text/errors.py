"""The error of a seed that is missing or unreadable (light: what catches it need not import the
seed's parsing)."""


class SeedError(Exception):
    """A seed is missing or unreadable."""
