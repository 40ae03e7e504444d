"""`python -m bot.cli`: the weerbaar command."""

from bot.cli.main import main

raise SystemExit(main())
