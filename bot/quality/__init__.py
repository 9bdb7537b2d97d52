"""Answer quality: question sets (development and frozen held-out), scoring, the report."""
