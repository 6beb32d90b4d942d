"""The redaction log: what it records of an exchange (never a raw value), encrypted scrubbed text,
the writer, the reader and the Prometheus metrics."""
