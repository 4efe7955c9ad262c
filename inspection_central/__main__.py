"""`python -m inspection_central` runs the `inspection-central` command."""

import sys

from inspection_central.cli import main

sys.exit(main())
