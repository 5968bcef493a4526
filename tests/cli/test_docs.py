"""Every command documents itself with an example (a test fails when one does not)."""

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_docs_every_command_has_help_with_example(name):
    res = CliRunner().invoke(cli, [name, "--help"])
    assert res.exit_code == 0
    assert "Example" in res.output, f"`quotegraph {name} --help` shows no example"


def test_docs_readme_mentions_every_command():
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"quotegraph {name}" in readme, name
