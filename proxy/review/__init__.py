"""The review page under ``/_sladd/`` and reviewer feedback (allow list, missed spans), behind the
admin token."""
