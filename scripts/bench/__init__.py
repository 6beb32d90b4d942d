"""The benchmark: detection speed, HTTP latency, memory and the policy step
(``python -m scripts.bench``)."""
