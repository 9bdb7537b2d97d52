"""The kinds of entry: what the engine reads from a knowledge file without its schema (the
pydantic models, a good part of a CLI call's imports)."""

KINDS = ("quote", "person", "risk", "cooperation", "event", "number", "background", "argument")
