"""The load test: many simulated people through a real `sladd serve` (`python -m scripts.load`)."""
