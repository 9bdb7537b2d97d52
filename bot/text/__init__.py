"""Text handling shared by the build, the checker and the answering engine."""
