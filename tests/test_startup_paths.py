"""What a cold command computes at start-up, beyond what it needs: checked by what is built, never by time
(bench/cli_startup.py and bench/bench.py measure the time)."""

from __future__ import annotations

import inspect


def test_the_commands_annotations_are_built_with_the_module_not_evaluated_from_strings():
    """Annotations written as strings (`from __future__ import annotations` in cli.py) are each compiled by
    eval() when the command line is built, at every start."""
    from resdiff import cli

    for name in ("parse", "diff", "check"):
        command = inspect.unwrap(getattr(cli, name))
        assert command.__annotations__ and not any(isinstance(a, str) for a in command.__annotations__.values())
