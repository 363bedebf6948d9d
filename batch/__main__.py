"""``python -m qawl.batch INPUT OUTPUT``: the batch job without the ``qawl`` CLI."""

import sys

from qawl.batch.job import main

sys.exit(main())
