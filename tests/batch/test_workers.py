"""The one batch runner: cores this process may use, extraction retried one by one."""

from __future__ import annotations

import os
import signal

import pytest

from quotegraph.batch.workers import available_cores, cgroup_cpu_quota, extract_each
from tests.store.fakes import FAKE


def _cgroup(tmp_path, v2: dict[str, str], proc: str):
    root = tmp_path / "cg"
    for rel, text in v2.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    (tmp_path / "proc").write_text(proc)
    return str(root), str(tmp_path / "proc")


@pytest.mark.parametrize(
    ("files", "proc", "expected"),
    [
        ({"cpu.max": "max 100000\n"}, "0::/\n", None),
        ({"cpu.max": "150000 100000\n"}, "0::/\n", 1.5),
        # The smallest quota on the way up from the process's own cgroup holds.
        ({"a/b/cpu.max": "max 100000", "a/cpu.max": "200000 100000", "cpu.max": "max 100000"}, "0::/a/b\n", 2.0),
        ({"cpu/cpu.cfs_quota_us": "300000", "cpu/cpu.cfs_period_us": "100000"}, "4:cpu,cpuacct:/\n", 3.0),
        ({"cpu/cpu.cfs_quota_us": "-1", "cpu/cpu.cfs_period_us": "100000"}, "4:cpu,cpuacct:/\n", None),
    ],
)
def test_workers_cgroup_cpu_quota(tmp_path, files, proc, expected):
    root, proc_file = _cgroup(tmp_path, files, proc)
    assert cgroup_cpu_quota(root, proc_file) == expected


def test_workers_available_cores_within_affinity():
    assert 1 <= available_cores() <= len(os.sched_getaffinity(0))


def test_workers_a_breaking_document_is_retried_alone():
    items = [("a", "“One thing is true,” said Ann Lee.", None), ("b", "FAIL-EXTRACTION here", None), ("c", "“Two,” said Bo Li.", None)]
    out = extract_each(items, FAKE)
    assert [type(x).__name__ for x in out] == ["Article", "str", "Article"]
    assert out[1].startswith("extraction failed (RuntimeError")


@pytest.mark.parametrize("killers", [[5], [0, 1], [9]])
def test_workers_a_worker_dying_on_a_record_loses_no_other(tmp_path, killers):
    # A worker process that dies holding tasks (killed, out of memory, a crash in a native library) neither hangs the
    # run nor loses the records it held: they run again, alone, and only the record that kills a worker alone fails.
    from quotegraph.batch.extract import run

    paths = []
    for i in range(10):
        p = tmp_path / f"a{i}.txt"
        p.write_text(("KILL-WORKER " if i in killers else "") + f"“Thing {i} is true,” said Ann Lee.\n", encoding="utf-8")
        paths.append(str(p))
    def waited(signum, frame):
        raise TimeoutError("the run waits for a dead worker's result")

    before = signal.signal(signal.SIGALRM, waited)
    signal.alarm(60)  # a runner that waits for a dead worker's result waits for ever: fail instead
    try:
        results = list(run(paths, jobs=2, extractor=FAKE))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    assert [os.path.basename(r.path) for r in results] == [f"a{i}.txt" for i in range(10)]
    for i, r in enumerate(results):
        if i in killers:
            assert r.article is None and "worker process" in (r.error or "") and r.path in r.error
        else:
            assert r.error is None and [q.speaker.name for q in r.article.quotes] == ["Ann Lee"]


def test_workers_that_die_as_they_start_stop_the_run_saying_why(tmp_path):
    # Workers that die before doing anything (even with no record) are no record's doing: the run stops with the reason,
    # not with every record failed one by one.
    from quotegraph.batch.extract import run
    from quotegraph.errors import QuotegraphError

    paths = []
    for i in range(10):
        p = tmp_path / f"a{i}.txt"
        p.write_text(f"“Thing {i} is true,” said Ann Lee.\n", encoding="utf-8")
        paths.append(str(p))
    with pytest.raises(QuotegraphError, match="die as they start"):
        list(run(paths, jobs=2, extractor="tests.batch.dying_extractor:extract_many"))
