"""``python -m scripts.load``: see :mod:`scripts.load.run`."""

import sys

from scripts.load.run import main

sys.exit(main())
