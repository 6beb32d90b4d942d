"""Builders of the evaluation corpora and of the recognizers' word lists from open registers."""
