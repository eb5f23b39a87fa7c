"""cli.py (typer) and entry.py (a plain line) both hand a command's options to `commands`: by name only,
so that a parameter added or moved in one place cannot shift another into its slot."""

import inspect

import pytest

from resdiff import cli, commands, entry


@pytest.mark.parametrize("name", ["parse", "diff", "check"])
def test_commands_take_every_option_by_name_and_the_names_are_the_command_lines(name):
    run = inspect.signature(getattr(commands, name)).parameters
    first, *rest = run.values()
    assert first.name == "env" and first.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in rest), [p.name for p in rest if p.kind != p.KEYWORD_ONLY]
    declared = [p for p in inspect.signature(inspect.unwrap(getattr(cli, name))).parameters if p != "env"]
    helpers = {"language", "engine"}
    assert [p.name for p in rest if p.name not in helpers] == declared
    names, defaults, _ = entry.PLAIN[name]  # what a plain line hands over, by the same names
    assert {*names, *defaults} == set(declared)
