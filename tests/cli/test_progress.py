"""Progress bars of extract, eval, ingest and batch (issue 15, point 5): on stderr with a total and the time
left, silent when stderr is no terminal or with --quiet; QUOTEGRAPH_PROGRESS=1 forces them (the test hook)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from quotegraph.commands.progress import shown
from tests.store.fakes import extract_many as fake_extract_many

GOOD = "Headline\n\n“We will build it this year,” said Maria Lopez.\n"


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    import quotegraph.pipeline

    monkeypatch.setattr(quotegraph.pipeline, "extract_many", fake_extract_many)


@pytest.mark.parametrize(
    ("quiet", "env", "tty", "expected"),
    [
        (False, None, True, True),
        (False, None, False, False),
        (True, None, True, False),
        (False, "1", False, True),
        (True, "1", False, False),
        (False, "0", True, False),
    ],
)
def test_progress_shown_on_a_terminal_unless_quiet_or_forced(monkeypatch, quiet, env, tty, expected):
    monkeypatch.delenv("QUOTEGRAPH_PROGRESS", raising=False)
    if env is not None:
        monkeypatch.setenv("QUOTEGRAPH_PROGRESS", env)
    monkeypatch.setattr("sys.stderr", SimpleNamespace(isatty=lambda: tty))
    assert shown(quiet) is expected


def _files(tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(GOOD, encoding="utf-8")
    return [str(tmp_path / f"a{i}.txt") for i in range(3)]


def _gold(tmp_path):
    gold = tmp_path / "gold"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    (gold / "text" / "d1.txt").write_text(GOOD, encoding="utf-8")
    (gold / "attributions" / "d1_aaaa.ann").write_text("", encoding="utf-8")
    return gold


COMMANDS = {
    "extract": (lambda tmp_path: ["extract", "--jobs", "1", *_files(tmp_path)], "extracting"),
    "eval": (lambda tmp_path: ["eval", "--gold", str(_gold(tmp_path))], "extracting the gold texts"),
    "ingest": (lambda tmp_path: ["ingest", "--jobs", "1", "--db", str(tmp_path / "q.db"), *_files(tmp_path)], "ingesting"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize(("env", "quiet", "drawn"), [(None, False, False), ("1", False, True), ("1", True, False)], ids=["no-tty", "forced", "quiet"])
def test_progress_bar_drawn_only_when_shown(tmp_path, monkeypatch, command, env, quiet, drawn):
    monkeypatch.delenv("QUOTEGRAPH_PROGRESS", raising=False)
    if env:
        monkeypatch.setenv("QUOTEGRAPH_PROGRESS", env)
    args, label = COMMANDS[command]
    res = CliRunner().invoke(cli, [*args(tmp_path), *(["--quiet"] if quiet else [])])
    assert res.exit_code == 0, res.output
    assert (label in res.stderr) is drawn
    if drawn:
        assert "\x1b[" in res.stderr  # drawn as a terminal bar, on stderr only
    assert label not in res.stdout


def test_progress_extract_bar_has_the_input_bytes_as_total(tmp_path, monkeypatch):
    from quotegraph.batch import run

    paths = _files(tmp_path)
    seen = []
    list(run(paths, jobs=1, progress=lambda done, total: seen.append((done, total))))
    size = len(GOOD.encode())
    assert seen == [(size, 3 * size), (2 * size, 3 * size), (3 * size, 3 * size)]


def test_progress_ingest_summary_has_the_input_bytes_done_and_total(tmp_path):
    from quotegraph.corpus import ingest

    paths = _files(tmp_path)
    seen = []
    ingest(paths, db=str(tmp_path / "q.db"), jobs=1, batch=1, progress=lambda s: seen.append((s.bytes_done, s.bytes_total)))
    size = len(GOOD.encode())
    assert seen == [(size, 3 * size), (2 * size, 3 * size), (3 * size, 3 * size)]


def test_progress_ingest_bar_replaces_the_spinner(tmp_path, monkeypatch):
    """The ingest bar has the input bytes as its total (it was a spinner with none), and says what is stored."""
    import quotegraph.commands.progress

    updates = []
    monkeypatch.setattr(quotegraph.commands.progress.Bar, "update", lambda self, *a, **kw: updates.append((a, kw)))
    monkeypatch.setenv("QUOTEGRAPH_PROGRESS", "1")
    res = CliRunner().invoke(cli, [*COMMANDS["ingest"][0](tmp_path), "--batch", "2"])
    assert res.exit_code == 0, res.output
    size = len(GOOD.encode())
    assert updates == [
        # The three files have the same text: it is stored once.
        ((2 * size, 3 * size), {"description": "ingesting: 1 stored, 1 already there, 0 skipped, 0 failed"}),
        ((3 * size, 3 * size), {"description": "ingesting: 1 stored, 2 already there, 0 skipped, 0 failed"}),
    ]


def test_progress_batch_bar_through_the_one_helper(tmp_path, monkeypatch):
    import quotegraph.batch.cluster

    def fake_run_batch(paths, out, progress, **kw):
        progress("total", 1000)
        progress("advance", 500)
        progress("records", 7)
        return SimpleNamespace(written=1, failed_parts=[], parts=1, out=out, done_before=0, records=7, articles=7, quotes=7,
                               skipped=0, failures=0, seconds=0.1)

    monkeypatch.setattr(quotegraph.batch.cluster, "run_batch", fake_run_batch)
    monkeypatch.setenv("QUOTEGRAPH_PROGRESS", "1")
    res = CliRunner().invoke(cli, ["batch", str(tmp_path), "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert "records" in res.stderr and "\x1b[" in res.stderr
    monkeypatch.delenv("QUOTEGRAPH_PROGRESS")
    res = CliRunner().invoke(cli, ["batch", str(tmp_path), "--out", str(tmp_path / "out")])
    assert "\x1b[" not in res.stderr and "1 parts written" in res.stderr


@pytest.mark.parametrize(
    ("locations", "done"),
    [
        (["a.txt"], 10),
        (["a.txt", "b.warc@40"], 50),
        (["b.warc@40", "b.warc@20"], 50),  # never back
        (["c.jsonl:3"], 110),  # a JSONL line: its file started
        (["elsewhere.txt"], 0),
    ],
)
def test_progress_position_from_record_locations(tmp_path, monkeypatch, locations, done):
    from quotegraph.ingest.position import Position

    monkeypatch.chdir(tmp_path)
    for name, size in [("a.txt", 10), ("b.warc", 100), ("c.jsonl", 30)]:
        (tmp_path / name).write_bytes(b"x" * size)
    pos = Position(["a.txt", "b.warc", "c.jsonl"])
    assert pos.total == 140
    for loc in locations:
        pos.seen(loc)
    assert pos.done == done
