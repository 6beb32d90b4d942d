"""Presidio recognizers for Norwegian personal and health identifiers (no aiohttp here)."""
