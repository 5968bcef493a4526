"""The one batch runner: cores this process may use, extraction retried one by one."""

from __future__ import annotations

import os

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
