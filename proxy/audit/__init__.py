"""The redaction log (audit records), its reader, the review page and metrics."""
