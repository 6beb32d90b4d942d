"""sladd: the proxy service (settings, CLI, scrub pipeline, vault, providers)."""
