"""``python -m progmon`` runs the ``progmon`` command."""

from progmon.cli import main

raise SystemExit(main())
