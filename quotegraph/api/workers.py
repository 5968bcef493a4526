"""Worker processes for ``quotegraph serve --workers N`` that share the connections evenly (Linux).

uvicorn's own workers accept from one shared listening socket, and whichever process is idle when a client
connects takes it. Clients that keep their connection open then stay unevenly spread: 50 load-test clients
landed 37/13, 35/15 and 40/10 on two workers, and the busier process set the tail latency while the other
waited. Here each worker listens on a socket of its own, all bound to the same address with ``SO_REUSEPORT``,
and the kernel spreads new connections over them by a hash of the client's address and port (50 clients:
30/20, 28/22, 28/22). The supervisor restarts a worker that dies, and stops them all on Ctrl-C or SIGTERM.

Elsewhere (no ``SO_REUSEPORT``, or one that does not spread connections, as on macOS) ``quotegraph serve``
uses uvicorn's workers.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from types import FrameType

from ..errors import QuotegraphError

APP = "quotegraph.api.app:app_from_env"  # each worker builds the app from the environment (quotegraph serve sets it)
START_GRACE = 15.0  # a worker that dies sooner than this after it started is not restarted: the server stops
STOP_GRACE = 10.0  # seconds a worker has to finish its requests after SIGTERM before it is killed


def spread_by_kernel() -> bool:
    """Whether this system spreads connections over sockets bound with ``SO_REUSEPORT`` (Linux does)."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def listening_socket(host: str, port: int, reuse_port: bool = True) -> socket.socket:
    """A TCP socket bound to ``host:port`` (IPv4 or IPv6, as ``host`` resolves), with ``SO_REUSEPORT`` if ``reuse_port``."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind(address)
    except OSError:
        sock.close()
        raise
    return sock


def check_free(host: str, port: int) -> None:
    """Fail (``QuotegraphError``) when ``host:port`` is taken, by another server of ours too: a socket bound
    without ``SO_REUSEPORT`` cannot share the address with any other."""
    try:
        listening_socket(host, port, reuse_port=False).close()
    except OSError as e:
        raise QuotegraphError(f"cannot listen on {host}:{port}: {e.strerror or e}; is another server running there? (--port picks another)") from None


def _worker(host: str, port: int, parent: int) -> None:  # pragma: no cover - runs in a worker process
    import uvicorn

    _stop_with(parent)
    sock = listening_socket(host, port)
    config = uvicorn.Config(APP, factory=True, log_level="warning")
    uvicorn.Server(config).run(sockets=[sock])


def _stop_with(parent: int) -> None:
    """Have the kernel send this process SIGTERM when ``parent`` dies (``PR_SET_PDEATHSIG``), even by SIGKILL,
    so that no worker outlives the server; exit now if it is already gone."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        sys.exit(0)


def run(workers: int, host: str, port: int) -> None:
    """Serve with ``workers`` processes on ``host:port`` until Ctrl-C or SIGTERM; restart a worker that dies
    (``QuotegraphError`` when one dies right after it started: the app could not start)."""
    check_free(host, port)
    context = multiprocessing.get_context("spawn")
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}

    def start() -> tuple[multiprocessing.process.BaseProcess, float]:
        process = context.Process(target=_worker, args=(host, port, os.getpid()), name="quotegraph-worker")
        process.start()
        return process, time.monotonic()

    running = [start() for _ in range(workers)]
    try:
        while not stop.wait(0.5):
            for i, (process, started) in enumerate(running):
                if process.is_alive():
                    continue
                if time.monotonic() - started < START_GRACE:
                    raise QuotegraphError(f"a server process exited (code {process.exitcode}) as it started; its error is above")
                print(f"quotegraph: a server process exited (code {process.exitcode}); starting another", file=sys.stderr)
                running[i] = start()
    finally:
        for process, _ in running:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn finishes the requests in hand, then exits
        deadline = time.monotonic() + STOP_GRACE
        for process, _ in running:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()
        for s, handler in previous.items():
            signal.signal(s, handler)
