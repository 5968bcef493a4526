"""Whole-process timing for the benchmarks: wall seconds and peak RSS of a command and its workers."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    return sum(tree_rss_by_pid(pid).values())


def tree_rss_by_pid(pid: int) -> dict[int, int]:
    """Resident memory of a process and of each of its descendants, in bytes, by pid."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    sizes, todo, pagesize = {}, [pid], os.sysconf("SC_PAGE_SIZE")
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                sizes[p] = int(f.read().split()[1]) * pagesize
        except (OSError, ValueError):
            pass
        todo.extend(children.get(p, []))
    return sizes


def timed(cmd: list[str], stdout=subprocess.DEVNULL, interval: float = 0.05) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    """Wall seconds and peak RSS (summed over the process tree) of a command; exits if it fails."""
    seconds, peak, _, _ = timed_tree(cmd, stdout, interval)
    return seconds, peak


def timed_peaks(cmd: list[str], stdout=subprocess.DEVNULL, interval: float = 0.05) -> tuple[float, int, int]:  # type: ignore[no-untyped-def]
    """Wall seconds, peak RSS summed over the process tree, and the peak RSS of its largest process."""
    seconds, peak, each, _ = timed_tree(cmd, stdout, interval)
    return seconds, peak, max(each.values(), default=0)


def timed_tree(cmd: list[str], stdout=subprocess.DEVNULL, interval: float = 0.05) -> tuple[float, int, dict[int, int], int]:  # type: ignore[no-untyped-def]
    """Wall seconds, peak RSS summed over the process tree, each process's peak RSS (pid -> bytes) and
    the command's own pid; exits if the command fails."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    peaks: dict[int, int] = {}
    total, stop = 0, threading.Event()

    def sample() -> None:
        nonlocal total
        while not stop.is_set():
            tree = tree_rss_by_pid(proc.pid)
            total = max(total, sum(tree.values()))
            for pid, rss in tree.items():
                peaks[pid] = max(peaks.get(pid, 0), rss)
            time.sleep(interval)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    stop.set()
    th.join()
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err.decode(errors='replace')[-3000:]}")
    return time.perf_counter() - t0, total, peaks, proc.pid
