"""Evaluations of detection on the corpora in tests/data (recall, precision, kept content)."""
