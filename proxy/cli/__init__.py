"""The ``sladd`` command line: ``serve``, ``scan``, ``demo``, ``logs``, ``vault`` and ``ca``."""
