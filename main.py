"""Start Perekat: ``python main.py`` (see README.md)."""

from game.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
