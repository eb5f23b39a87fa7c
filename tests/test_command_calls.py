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


def test_a_command_error_is_one_line_and_status_2_and_any_parameter_name_reaches_the_command():
    import io

    from resdiff.console_env import ConsoleEnv
    from resdiff.errors import InputError

    err = io.StringIO()
    env = ConsoleEnv(io.StringIO(), err)

    def failing(command, file):
        raise InputError(f"cannot read {command}", source=file)

    assert env.status_of(lambda command, file: (command, file), command="diff", file="a.txt") == ("diff", "a.txt")
    assert env.status_of(failing, command="diff", file="a.txt") == 2
    assert err.getvalue().count("\n") == 1 and "a.txt" in err.getvalue(), err.getvalue()
