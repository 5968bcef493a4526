"""``quotegraph batch`` on a real LocalCluster of 2 worker processes (stand-in extractor): Parquet
rows read back with pyarrow.dataset, a re-run that writes nothing, a worker killed mid-run, and the
store loaded from the Parquet equal to a direct ingest."""

from __future__ import annotations

import json
import os
import signal
import threading
import time

import pyarrow.dataset as ds

from quotegraph.batch.cluster import run_batch
from quotegraph.batch.parquet import MANIFEST
from quotegraph.corpus import ingest
from quotegraph.store.db import open_store
from tests.ingest.pages import ARTICLES, Story, write_jsonl, write_warc
from tests.store.fakes import FAKE


def stories(n: int, tag: str = "") -> list[Story]:
    return [
        Story(
            f"Story {tag}{i}",
            [f"“Point number {i} is the important one{tag},” said Person{i % 3} Smith.", f"Ann Lee said “another thing {i}{tag} was said”."],
            f"https://x.example.com/{tag}{i}",
            f"2016-01-0{1 + i % 9}",
        )
        for i in range(n)
    ]


def rows(out) -> tuple[list[dict], list[dict]]:
    return ds.dataset(str(out / "articles"), format="parquet").to_table().to_pylist(), ds.dataset(
        str(out / "quotes"), format="parquet"
    ).to_table().to_pylist()


def listing(out) -> dict[str, float]:
    return {f"{t}/{f}": os.stat(out / t / f).st_mtime_ns for t in ("articles", "quotes") for f in os.listdir(out / t)} | {
        MANIFEST: os.stat(out / MANIFEST).st_mtime_ns
    }


def store_view(db: str) -> dict[str, object]:
    with open_store(db) as s:
        q = s.conn.execute
        return {
            "counts": s.counts(),
            "articles": sorted(q("SELECT url, text_key, doc, title, published, published_granularity, published_source, location, body_start, body_end, "
                                 "boilerplate FROM articles").fetchall()),
            "statements": sorted(q("SELECT text, kind, occurrences FROM statements").fetchall()),
            "speakers": sorted(q("SELECT name, type, mentions, gender, gender_evidence FROM speakers").fetchall()),
            "genders": sorted(q("SELECT speaker_gender, speaker_gender_evidence, count(*) FROM occurrences GROUP BY 1, 2").fetchall()),
            "dates": q("SELECT count(*) FROM date_mentions").fetchone(),
            "failures": sorted(r[0] for r in q("SELECT location FROM failures")),
        }


def test_cluster_two_workers_write_parts_rerun_writes_nothing_and_the_store_equals_a_direct_ingest(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    write_warc(inp / "a.warc.gz", stories(10))
    write_warc(inp / "b.warc", ARTICLES)
    write_jsonl(inp / "c.jsonl", stories(3, "j"))
    with open(inp / "c.jsonl", "a", encoding="utf-8") as f:
        f.write("{not json\n")
        f.write(json.dumps({"text": "Headline\n\nFAIL-EXTRACTION “here,” said Ann Lee.", "url": "https://x.example.com/boom"}) + "\n")
    out = tmp_path / "out"
    s = run_batch([str(inp)], str(out), workers=2, part_bytes=3000, extractor=FAKE)
    assert (s.workers, s.failed_parts, s.written, s.done_before) == (2, [], s.parts, 0) and s.parts >= 4
    articles, quotes = rows(out)
    ids = [r["id"] for r in articles]
    assert len(ids) == len(set(ids)) == s.records
    assert sum(1 for r in articles if r["skipped"] is None and r["error"] is None) == s.articles == 10 + len(ARTICLES) + 3
    errors = {r["id"].rsplit(":", 1)[1]: r["error"] for r in articles if r["error"]}
    assert set(errors) == {"4", "5"} and "not valid JSON" in errors["4"] and "extraction failed (RuntimeError" in errors["5"]
    assert len(quotes) == s.quotes and {q["article_id"] for q in quotes} <= set(ids)
    first = next(r for r in articles if r["url"] == ARTICLES[1].url)
    assert (first["published"], first["published_source"], first["language"]) == ("2020-11-18", "metadata", "en")
    q = next(q for q in quotes if q["article_id"] == first["id"])
    assert first["text"][q["contents"][0]["start"] : q["contents"][0]["end"]] == q["contents"][0]["text"]
    names = sorted(f for f in os.listdir(out / "articles"))
    assert names == sorted(os.listdir(out / "quotes")) and all(n.startswith("part-") and n.endswith(".parquet") for n in names)
    manifest = json.loads((out / MANIFEST).read_text())
    assert sorted(p["name"] + ".parquet" for p in manifest["parts"]) == names

    before = listing(out)
    again = run_batch([str(inp)], str(out), workers=2, part_bytes=3000, extractor=FAKE)
    assert (again.written, again.done_before, again.workers) == (0, s.parts, 2)
    assert listing(out) == before

    from_batch, direct = str(tmp_path / "batch.db"), str(tmp_path / "direct.db")
    loaded = ingest([str(out)], db=from_batch, jobs=1, extractor="no.such:extractor")  # nothing is extracted again
    ingest([str(inp)], db=direct, jobs=1, extractor=FAKE)
    assert store_view(from_batch) == store_view(direct)
    assert loaded.failures == 2 and ingest([str(out)], db=from_batch, jobs=1).articles == 0


def test_cluster_worker_killed_mid_run_rows_complete_and_not_doubled(tmp_path, monkeypatch):
    from distributed import Client

    # Slow enough that parts are still to do when a worker is killed, even on a busy machine.
    monkeypatch.setenv("QUOTEGRAPH_FAKE_DELAY", "0.4")
    inp = tmp_path / "in"
    inp.mkdir()
    write_warc(inp / "a.warc.gz", stories(16), extra_records=False)
    out = tmp_path / "out"
    started, result = threading.Event(), {}

    def hook(event, value):
        if event == "start":
            result["scheduler"] = value.scheduler
            started.set()

    def run():
        result["summary"] = run_batch([str(inp)], str(out), workers=2, part_bytes=2500, extractor=FAKE, progress=hook)

    thread = threading.Thread(target=run, daemon=True)  # a run that hangs fails this test, not the whole session
    thread.start()
    assert started.wait(60)
    # This test's own client stays open until the run ends: closing a second client of this process while the
    # run's client waits on its futures can stop the event loop they share.
    with Client(result["scheduler"], timeout="30s", set_as_default=False) as client:
        deadline = time.monotonic() + 60
        while not any(f.startswith("part-") for f in os.listdir(out / "articles")) and time.monotonic() < deadline:
            time.sleep(0.05)
        busy = [w for w, tasks in client.processing().items() if tasks]
        done_at_kill = sum(f.startswith("part-") for f in os.listdir(out / "articles"))
        pids = client.run(os.getpid, workers=busy[:1])
        os.kill(next(iter(pids.values())), signal.SIGKILL)
        thread.join(120)
    assert not thread.is_alive(), "the run did not end within 120 s of the worker's death"
    s = result["summary"]
    assert busy and done_at_kill < s.parts  # killed while it ran a part, with parts left to do
    assert s.failed_parts == [] and s.written == s.parts
    articles, quotes = rows(out)
    assert sorted(r["url"] for r in articles) == sorted(st.url for st in stories(16))
    assert len(quotes) == 2 * 16 and len({(q["article_id"], q["position"]) for q in quotes}) == 2 * 16
    assert not [f for t in ("articles", "quotes") for f in os.listdir(out / t) if not f.startswith("part-")]


def test_cluster_a_failed_task_is_submitted_again_and_a_part_failing_each_time_fails_alone(tmp_path, monkeypatch, caplog):
    """A task can fail for the cluster's sake (a worker lost as its result was fetched): its part is submitted
    again; a part whose task fails every time is one failed part, the others written. (Threads of this process,
    so that the stand-in for ``run_part`` is the one the workers call.)"""
    from distributed import LocalCluster

    import quotegraph.batch.cluster as cluster_mod

    inp = tmp_path / "in"
    inp.mkdir()
    write_warc(inp / "a.warc.gz", stories(8), extra_records=False)
    real = cluster_mod.run_part
    log = tmp_path / "calls"
    log.mkdir()

    def flaky(part, out, *args, **kwargs):
        # The part that reads the file from its start fails: the first time, or (in "always") every time.
        # (Calls are counted in files: a task's function is a copy.)
        (log / f"{os.path.basename(out)}-{part.name}-{time.monotonic_ns()}").touch()
        tries = len([f for f in os.listdir(log) if f.startswith(f"{os.path.basename(out)}-{part.name}-")])
        if min(p.start for p in part.pieces) == 0 and (os.path.basename(out) == "always" or tries == 1):
            raise RuntimeError("lost with its worker")
        return real(part, out, *args, **kwargs)

    def tries(out: str) -> dict[str, int]:
        names = [f.rsplit("-", 1)[0].split("-", 1)[1] for f in os.listdir(log) if f.startswith(out + "-")]
        return {n: names.count(n) for n in names}

    monkeypatch.setattr(cluster_mod, "run_part", flaky)
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0") as local:
        s = run_batch([str(inp)], str(tmp_path / "once"), scheduler=local.scheduler_address, part_bytes=2500, extractor=FAKE)
        assert s.parts >= 2 and s.failed_parts == [] and s.written == s.parts
        assert sorted(tries("once").values()) == [1] * (s.parts - 1) + [2] and "submitted again" in caplog.text
        articles, _ = rows(tmp_path / "once")
        assert sorted(r["url"] for r in articles) == sorted(st.url for st in stories(8))

        s = run_batch([str(inp)], str(tmp_path / "always"), scheduler=local.scheduler_address, part_bytes=2500, extractor=FAKE)
        failed = [n for n, k in tries("always").items() if k > 1]
        assert len(failed) == 1 and tries("always")[failed[0]] == 1 + cluster_mod.PART_RETRIES
        assert [f.split(":")[0] for f in s.failed_parts] == failed and s.written == s.parts - 1


def test_cluster_starts_beside_another_that_holds_the_usual_dashboard_port(tmp_path):
    """Another Dask cluster on the machine (a notebook's) holds port 8787: the run's own cluster serves elsewhere,
    without a word about it."""
    import socket
    import warnings

    holder = socket.socket()
    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        holder.bind(("", 8787))
        holder.listen()
    except OSError:
        pass  # held already: all the better
    inp = tmp_path / "in"
    inp.mkdir()
    write_warc(inp / "a.warc.gz", stories(2), extra_records=False)
    try:
        with warnings.catch_warnings(record=True) as heard:
            warnings.simplefilter("always")
            s = run_batch([str(inp)], str(tmp_path / "out"), workers=2, extractor=FAKE)
    finally:
        holder.close()
    assert s.failed_parts == [] and s.written == s.parts
    assert not [w for w in heard if "8787" in str(w.message) or "HTTP server" in str(w.message)]


def test_cluster_a_record_that_kills_its_worker_is_a_failure_row_and_every_other_is_written(tmp_path):
    # A record that kills the worker process extracting it (out of memory, a crash in a native library) kills it again
    # wherever it runs: the part's records then run alone, and that one record is a row with its reason, never a
    # failed part. (Dask gives up on a task at its first worker death here, to keep the test short.)
    import dask

    inp = tmp_path / "in"
    inp.mkdir()
    pages = stories(8)
    pages[5] = Story("Story 5", ["KILL-WORKER “Point number 5 is the important one,” said Person2 Smith."], pages[5].url, pages[5].published)
    write_warc(inp / "a.warc.gz", pages, extra_records=False)
    out = tmp_path / "out"
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        s = run_batch([str(inp)], str(out), workers=2, part_bytes=2500, extractor=FAKE)
    assert s.failed_parts == [] and s.written == s.parts and s.failures == 1
    articles, quotes = rows(out)
    failed = [r for r in articles if r["error"]]
    assert len(articles) == 8 and len(failed) == 1 and "worker process" in failed[0]["error"] and failed[0]["id"] in failed[0]["error"]
    assert sorted(r["url"] for r in articles if not r["error"]) == sorted(st.url for k, st in enumerate(pages) if k != 5)
    assert len(quotes) == 2 * 7
    assert not [f for f in os.listdir(out) if f.endswith(".extracting")]
