"""The CLI's error edge (``cli_errors``), defined once: quotegraph errors become one line and exit 1, a search
value's error named by the command's option."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from quotegraph.commands.errors import cli_errors
from quotegraph.commands.progress import progress_bar
from quotegraph.errors import QueryError, StoreError


def command(exc: Exception, options: dict[str, str] | None = None, bar: bool = False) -> click.Command:
    @click.command()
    def run() -> None:
        if bar:
            with progress_bar("working", quiet=True):
                raise exc
        with cli_errors(options):
            raise exc

    return run


@pytest.mark.parametrize(
    ("exc", "options", "line"),
    [
        (QueryError("since", "'x' is not a date"), None, "Error: --since: 'x' is not a date"),
        (QueryError("text", "too long"), {"text": "--search"}, "Error: --search: too long"),
        (StoreError("news.db: no such database"), None, "Error: news.db: no such database"),
    ],
)
def test_cli_errors_are_one_line_with_the_option_named(exc, options, line):
    res = CliRunner().invoke(command(exc, options))
    assert res.exit_code == 1 and res.output.strip() == line


def test_cli_errors_are_the_progress_bars_too():
    res = CliRunner().invoke(command(QueryError("until", "'y' is not a date"), bar=True))
    assert res.exit_code == 1 and res.output.strip() == "Error: --until: 'y' is not a date"


def test_cli_errors_leave_other_errors_alone():
    res = CliRunner().invoke(command(ValueError("a bug")))
    assert res.exit_code == 1 and isinstance(res.exception, ValueError)
