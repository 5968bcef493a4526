"""`quotegraph serve`: binds to loopback by default, refuses a missing database cleanly; ``--workers N`` runs
the app factory (``app_from_env``) in N processes with the settings in the environment."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli


def record_serving(monkeypatch, spread: bool) -> list[tuple[object, dict]]:
    """Calls to serve in this process and to quotegraph's workers (``spread``: as on Linux), recorded instead of
    serving; the address asked for is recorded too, and a free port bound instead of it (8000 may be in use here)."""
    from quotegraph.serve import workers as serve_workers

    calls: list[tuple[object, dict]] = []
    asked: dict = {}
    real_bind = serve_workers.bind

    def bind(host, port, count=1):
        asked.update(host=host, port=port, sockets=count)
        return real_bind("127.0.0.1", 0, count)

    monkeypatch.setattr(serve_workers, "bind", bind)
    monkeypatch.setattr(serve_workers, "serve_in_process", lambda app, sock: calls.append((app, {**asked, "bound": sock.getsockname()[1]})))
    monkeypatch.setattr(serve_workers, "spread_by_kernel", lambda: spread)
    monkeypatch.setattr(
        serve_workers, "run", lambda n, socks: calls.append((serve_workers.APP, {**asked, "workers": n, "bound": socks[0].getsockname()[1], "own": True}))
    )
    return calls


@pytest.mark.parametrize("spread", [True, False])
@pytest.mark.parametrize("cores", [1, 2, 16])
def test_serve_cli_binds_to_loopback_by_default(db, monkeypatch, cores, spread):
    from quotegraph.serve import server

    calls = record_serving(monkeypatch, spread)
    monkeypatch.setattr(os, "environ", dict(os.environ))  # the worker settings stay in this test
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(cores)), raising=False)
    res = CliRunner().invoke(cli, ["serve", "--db", db])
    assert res.exit_code == 0, res.output
    (app, kw), = calls
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8000
    assert f"http://127.0.0.1:{kw['bound']}/" in res.output  # the address bound, printed
    workers = min(cores, server.MAX_DEFAULT_WORKERS)
    assert kw.get("workers", 1) == workers and isinstance(app, str) == (workers > 1)
    assert kw["sockets"] == (workers if workers > 1 and spread else 1)  # a socket per worker where the kernel spreads connections


def test_serve_cli_missing_database_is_a_one_line_error(tmp_path):
    res = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1
    assert "no such database" in res.output and "Traceback" not in res.output


@pytest.mark.parametrize("spread", [True, False])
def test_serve_cli_workers_run_the_factory_with_the_settings_in_the_environment(db, monkeypatch, spread):
    from quotegraph.serve.app import ENV_DB, ENV_MAX_EXTRACT_BYTES

    calls = record_serving(monkeypatch, spread)
    monkeypatch.setattr(os, "environ", {k: v for k, v in os.environ.items() if k not in (ENV_DB, ENV_MAX_EXTRACT_BYTES)})  # restored after
    res = CliRunner().invoke(cli, ["serve", "--db", db, "--workers", "3", "--max-extract", "50"])
    assert res.exit_code == 0, res.output
    (app, kw), = calls
    assert app == "quotegraph.serve.app:app_from_env" and kw["workers"] == 3 and kw["sockets"] == (3 if spread else 1)
    assert kw["host"] == "127.0.0.1" and "3 worker processes" in res.output
    assert os.environ[ENV_DB] == str(Path(db).resolve()) and os.environ[ENV_MAX_EXTRACT_BYTES] == "50000"


@pytest.mark.parametrize(
    "option, value",
    [
        ("--workers", "0"),
        ("--workers", "-2"),
        ("--workers", "two"),
        ("--workers", "99999999999999999999999"),
        ("--port", "65536"),
        ("--port", "-1"),
        ("--port", "99999999999999999999999"),
        ("--max-extract", "0"),
        ("--max-extract", "-5"),
    ],
)
def test_serve_cli_refuses_a_bad_number(db, option, value):
    res = CliRunner().invoke(cli, ["serve", "--db", db, option, value])
    assert res.exit_code == 2 and option in res.output and "Traceback" not in res.output


def test_serve_cli_workers_check_the_database_first(tmp_path):
    res = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db"), "--workers", "2"])
    assert res.exit_code == 1 and "no such database" in res.output and "Traceback" not in res.output


def test_app_factory_builds_the_app_from_the_environment(db, monkeypatch, tmp_path):
    from fastapi.testclient import TestClient

    from quotegraph.serve.app import ENV_DB, ENV_EXTRACT_RATE, ENV_MAX_EXTRACT_BYTES, app_from_env

    monkeypatch.setenv(ENV_DB, db)
    monkeypatch.setenv(ENV_MAX_EXTRACT_BYTES, "1000")
    monkeypatch.setenv(ENV_EXTRACT_RATE, "1/60")
    app = app_from_env()
    assert app.state.max_extract_bytes == 1000
    assert (app.state.limit_extract.calls, app.state.limit_extract.seconds) == (1, 60.0)
    with TestClient(app) as c:
        assert c.get("/api/statements", params={"q": "vigilant"}).json()["statements"][0]["speaker"] == "Antonio Guterres"
        assert c.post("/api/extract", json={"text": "z" * 2000}).status_code == 413


def test_app_factory_without_a_database_is_a_clear_error(monkeypatch):
    from quotegraph.errors import QuotegraphError
    from quotegraph.serve.app import ENV_DB, ENV_EXTRACT_RATE, app_from_env

    monkeypatch.delenv(ENV_DB, raising=False)
    with pytest.raises(QuotegraphError, match="QUOTEGRAPH_DB is not set"):
        app_from_env()
    monkeypatch.setenv(ENV_DB, "x.db")
    monkeypatch.setenv(ENV_EXTRACT_RATE, "ten a minute")
    with pytest.raises(QuotegraphError, match="CALLS/SECONDS"):
        app_from_env()


def test_serve_cli_one_worker_serves_the_app_in_process(db, monkeypatch):
    from fastapi import FastAPI

    calls = record_serving(monkeypatch, True)
    res = CliRunner().invoke(cli, ["serve", "--db", db, "--workers", "1"])
    assert res.exit_code == 0, res.output
    (app, kw), = calls
    assert isinstance(app, FastAPI) and "workers" not in kw and "worker processes" not in res.output


def test_serve_cli_says_when_the_search_index_cannot_be_kept_beside_the_database(db, monkeypatch, tmp_path):
    """A database on a disk the server cannot write: it serves, each process with an index in memory, and says so."""
    import sqlite3

    import quotegraph.store.index as index_module

    copy = tmp_path / "ro.db"
    src, dst = sqlite3.connect(db), sqlite3.connect(copy)
    src.backup(dst)
    src.close(), dst.close()
    calls = record_serving(monkeypatch, True)
    monkeypatch.setattr(os, "environ", dict(os.environ))
    monkeypatch.setattr(index_module, "index_directory", lambda database: Path("/proc/quotegraph-cannot-write-here"))
    res = CliRunner().invoke(cli, ["serve", "--db", str(copy), "--workers", "2"])
    assert res.exit_code == 0 and len(calls) == 1, res.output
    assert "the search index cannot be written beside" in res.output and "in memory" in res.output


def test_serve_is_a_library_function_the_command_calls(db, monkeypatch):
    """``quotegraph serve`` only parses options (issue 14): the environment, the search index and the worker
    strategy are ``quotegraph.serve.server.serve``'s, which says where it listens through ``listening``."""
    from quotegraph.serve import server
    from quotegraph.serve.app import ENV_DB
    from quotegraph.store.index import index_directory

    calls = record_serving(monkeypatch, True)
    monkeypatch.setattr(os, "environ", dict(os.environ))
    heard: list[tuple[str, int]] = []
    server.serve(db, "localhost", 0, workers=2, listening=lambda address, n: heard.append((address, n)))
    (app, kw), = calls
    assert kw["workers"] == 2 and heard == [(f"http://127.0.0.1:{kw['bound']}/", 2)]
    assert os.environ[ENV_DB] == str(Path(db).resolve())
    assert (index_directory(db) / "state.json").is_file()  # brought up to date before the workers started
