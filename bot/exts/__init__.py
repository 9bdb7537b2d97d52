"""Cogs, one feature each; every module ends in `async def setup(bot)`."""
