"""The I/O-free scrub core: detect -> decide (policy) -> pseudonymise -> restore."""
