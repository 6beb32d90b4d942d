"""The I/O-free scrub core: policy decisions, pseudonyms, date shifts and restoring answers.

It is handed findings by :mod:`proxy.detection` and a vault by its caller; it opens no socket,
file or process."""
