"""``python -m uclint``: the ``uclint`` command, for when the venv's scripts are not on PATH."""

import sys

from ._cli import main

sys.exit(main())
