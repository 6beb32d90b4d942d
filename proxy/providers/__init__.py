"""One module per wire format, each behind the :class:`~proxy.providers.base.Provider` protocol."""
