"""`quotegraph serve` binds before it announces (real processes and sockets). Regression (issue 10, point 13): with
the port taken it printed "quotegraph on http://127.0.0.1:8018/" (another server's address) and then uvicorn's
Errno 98; `--port 0` printed `:0`."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time

import httpx
import pytest

from quotegraph.errors import QuotegraphError
from quotegraph.serve.workers import bind, spread_by_kernel, url

SERVE = "import sys; sys.argv[0] = 'quotegraph'; from quotegraph.cli import main; main()"
ANNOUNCED = re.compile(r"quotegraph on http://127\.0\.0\.1:(\d+)/ ")
# --workers 2 runs quotegraph's own workers (one SO_REUSEPORT socket each) on Linux, and shares one socket elsewhere.
WORKERS = ["1", "2"]


def holder(reuse_port: bool) -> socket.socket:
    """Another server's socket, listening on a free loopback port (sharing it with ``SO_REUSEPORT`` if ``reuse_port``)."""
    sock = socket.socket()
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


@pytest.mark.parametrize("workers", WORKERS)
@pytest.mark.parametrize("reuse_port", [False, True] if hasattr(socket, "SO_REUSEPORT") else [False])
def test_serve_port_taken_by_another_server_is_one_line(db, workers, reuse_port):
    """Another server on the port, even one that lets others share it (SO_REUSEPORT): one line, exit 1, no address."""
    with holder(reuse_port) as other:
        port = other.getsockname()[1]
        res = subprocess.run(
            [sys.executable, "-c", SERVE, "serve", "--db", db, "--port", str(port), "--workers", workers], capture_output=True, text=True, timeout=60
        )
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert lines == [f"Error: cannot listen on 127.0.0.1:{port}: Address already in use; is another server running there? (--port picks another)"], res.stderr
    assert "quotegraph on" not in res.stdout + res.stderr


@pytest.mark.parametrize("workers", WORKERS)
def test_serve_port_0_prints_the_port_it_was_given_and_serves_there(db, workers):
    proc = subprocess.Popen([sys.executable, "-c", SERVE, "serve", "--db", db, "--port", "0", "--workers", workers], stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        found = ANNOUNCED.match(line)
        assert found and int(found[1]) > 0, line
        port = int(found[1])
        deadline, answer = time.monotonic() + 60, None
        while time.monotonic() < deadline and answer is None:
            assert proc.poll() is None
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/speakers?top=1", timeout=5)
            except httpx.TransportError:
                time.sleep(0.2)
        assert answer is not None and answer.status_code == 200
        with pytest.raises(OSError):  # the port is the server's: nobody else binds it
            with socket.socket() as s:
                s.bind(("127.0.0.1", port))
    finally:
        proc.terminate()
        proc.wait(30)
        proc.stderr.close()


@pytest.mark.parametrize("count", [1, 3])
def test_serve_bind_with_port_0_gives_every_socket_the_same_real_port(count):
    if count > 1 and not spread_by_kernel():
        pytest.skip("several sockets on one port need SO_REUSEPORT that spreads connections (Linux)")
    socks = bind("127.0.0.1", 0, count)
    try:
        ports = {s.getsockname()[1] for s in socks}
        assert len(socks) == count and len(ports) == 1 and 0 not in ports
        assert url(socks[0]) == f"http://127.0.0.1:{ports.pop()}/"
    finally:
        for s in socks:
            s.close()


def test_serve_bind_refuses_a_second_server_of_ours():
    """Two servers of ours on one port: the second is refused although both share sockets with SO_REUSEPORT."""
    count = 2 if spread_by_kernel() else 1
    first = bind("127.0.0.1", 0, count)
    try:
        port = first[0].getsockname()[1]
        with pytest.raises(QuotegraphError, match=f"cannot listen on 127.0.0.1:{port}: Address already in use"):
            bind("127.0.0.1", port, count)
    finally:
        for s in first:
            s.close()


@pytest.mark.parametrize("host", ["256.1.1.1", "no-such-host.invalid"])
def test_serve_bind_an_address_that_cannot_be_is_one_line(host):
    with pytest.raises(QuotegraphError, match=f"cannot listen on {re.escape(host)}:8000"):
        bind(host, 8000)


def test_serve_url_of_an_ipv6_socket():
    try:
        socks = bind("::1", 0)
    except QuotegraphError:
        pytest.skip("no IPv6 loopback here")
    try:
        assert url(socks[0]) == f"http://[::1]:{socks[0].getsockname()[1]}/"
    finally:
        socks[0].close()
