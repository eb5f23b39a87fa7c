"""The console script's first step: what needs no command-line parser is answered here, before typer
and the rest are imported (`resdiff --version` in a few milliseconds); everything else goes to cli.py."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"resdiff {__version__}\n")  # what cli._version prints
        sys.stdout.flush()
        sys.exit(0)
    from .cli import main as cli_main

    cli_main()
