"""`quotegraph serve --workers 2` for real (Linux): both processes take connections, a second server on the
same port is refused with one line, and SIGTERM to the server stops every process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from quotegraph.serve.workers import spread_by_kernel

pytestmark = pytest.mark.skipif(not spread_by_kernel(), reason="quotegraph's own workers run where SO_REUSEPORT spreads connections (Linux)")

SERVE = "import sys; sys.argv[0] = 'quotegraph'; from quotegraph.cli import main; main()"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found |= {int(c) for c in task.read_text().split()}
    return found


def sockets_of(pid: int) -> set[int]:
    """The inodes of the sockets process ``pid`` holds open."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(int(target[8:-1]))
    return inodes


def established_to(port: int) -> set[int]:
    """The inodes of the established TCP connections whose local port is ``port`` (``/proc/net/tcp``)."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == port and fields[3] == "01":
            inodes.add(int(fields[9]))
    return inodes


@pytest.fixture
def server(db):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", SERVE, "serve", "--db", db, "--port", str(port), "--workers", "2"], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode()
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/speakers?top=1", timeout=2).status_code == 200 and len(children(proc.pid)) >= 2:
                break
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    yield proc, port
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    proc.stderr.close()


def test_workers_both_take_connections_and_stop_together(server):
    proc, port = server
    time.sleep(2)  # both workers listening (the first to answer may be alone for a moment)
    clients = [httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) for _ in range(24)]
    try:
        for c in clients:  # a keep-alive connection each
            assert c.get("/api/statements", params={"q": "vigilant"}).status_code == 200
        open_here = established_to(port)
        workers = [w for w in children(proc.pid) if sockets_of(w) & open_here]
        assert len(workers) == 2  # 24 connections hashed over two sockets: all on one has odds of 2 in 16 million
        assert sum(len(sockets_of(w) & open_here) for w in workers) == 24
    finally:
        for c in clients:
            c.close()
    every = children(proc.pid)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(30) == 0
    time.sleep(0.5)
    assert not [pid for pid in every if Path(f"/proc/{pid}").exists() and "quotegraph" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")]


def test_workers_refuse_a_port_in_use(server, db):
    _, port = server
    res = subprocess.run([sys.executable, "-c", SERVE, "serve", "--db", db, "--port", str(port), "--workers", "2"], capture_output=True, text=True, timeout=60)
    assert res.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in res.stderr and "Traceback" not in res.stderr


def test_workers_stop_when_the_server_is_killed(server):
    """SIGKILL leaves the supervisor no time to stop its workers: the kernel stops them (PR_SET_PDEATHSIG)."""
    proc, port = server
    workers = children(proc.pid)
    assert len(workers) >= 2
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in workers):
        time.sleep(0.2)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists() and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"]
