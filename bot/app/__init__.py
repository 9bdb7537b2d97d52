"""The Discord adapter: a thin discord.py layer over the answering service."""
