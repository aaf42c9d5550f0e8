"""`python -m ilacs`: the command line."""

from ilacs.cli import main

raise SystemExit(main())
