"""Norwegian identifier recognizers: one module per identifier, checksums in one place."""
