"""Allow `python -m inspection_client`."""

from inspection_client.cli import main

raise SystemExit(main())
