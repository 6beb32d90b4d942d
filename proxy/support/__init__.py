"""Small helpers with no sladd concept in them: error bodies, private files, HTTP header names,
TOML binding, durations and logs that hold no request bytes."""
