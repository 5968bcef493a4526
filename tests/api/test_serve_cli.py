"""`quotegraph serve`: binds to loopback by default, refuses a missing database cleanly."""

from __future__ import annotations

from click.testing import CliRunner

from quotegraph.cli import cli


def test_serve_cli_binds_to_loopback_by_default(db, monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    res = CliRunner().invoke(cli, ["serve", "--db", db])
    assert res.exit_code == 0, res.output
    (app, kw), = calls
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8000
    assert "http://127.0.0.1:8000" in res.output


def test_serve_cli_missing_database_is_a_one_line_error(tmp_path):
    res = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1
    assert "no such database" in res.output and "Traceback" not in res.output
