"""The `briefbot` command line."""
