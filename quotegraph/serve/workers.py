"""The listening sockets of ``quotegraph serve``, and worker processes for ``--workers N`` that share the
connections evenly (Linux).

``bind`` takes the address before anything is announced: the first socket is bound alone (without
``SO_REUSEPORT``), so that an address another server holds is refused, whether or not that server lets others
share it with ``SO_REUSEPORT``; with port 0 it gets the port the system picks, which the others then share.

uvicorn's own workers accept from one shared listening socket, and whichever process is idle when a client
connects takes it. Clients that keep their connection open then stay unevenly spread: 50 load-test clients
landed 37/13, 35/15 and 40/10 on two workers, and the busier process set the tail latency while the other
waited. Here each worker listens on a socket of its own, all bound to the same address with ``SO_REUSEPORT``,
and the kernel spreads new connections over them by a hash of the client's address and port (50 clients:
30/20, 28/22, 28/22). The supervisor restarts a worker that dies, and stops them all on Ctrl-C or SIGTERM.

Elsewhere (no ``SO_REUSEPORT``, or one that does not spread connections, as on macOS) the workers all accept
from the one socket, as uvicorn's own workers do.
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

APP = "quotegraph.serve.app:app_from_env"  # each worker builds the app from the environment (quotegraph serve sets it)
START_GRACE = 15.0  # a worker that dies sooner than this after it started is not restarted: the server stops
STOP_GRACE = 10.0  # seconds a worker has to finish its requests after SIGTERM before it is killed


def spread_by_kernel() -> bool:
    """Whether this system spreads connections over sockets bound with ``SO_REUSEPORT`` (Linux does)."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


BACKLOG = 2048  # connections waiting to be accepted, per socket (uvicorn's default)


def bind(host: str, port: int, count: int = 1) -> list[socket.socket]:
    """``count`` listening sockets on ``host:port`` (port 0: a free port the system picks, the same for all); with
    more than one, each has ``SO_REUSEPORT`` and the kernel spreads connections over them. The first is bound
    without it, so that a port another server listens on is refused even when that server set ``SO_REUSEPORT``
    (only sockets that all set it may share a port); it is set on the first once bound, for the others to join.
    ``QuotegraphError``, one line, when the address is taken or cannot be bound. (A program of the same user that
    binds the port later with ``SO_REUSEPORT`` could still join: the kernel allows it, and nothing here can stop it.)"""
    socks: list[socket.socket] = []
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        first = _bound(family, kind, proto, address, reuse_port=False)
        socks.append(first)
        if count > 1:
            first.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        first.listen(BACKLOG)
        address = first.getsockname()  # the port the system gave, with port 0
        for _ in range(count - 1):
            sock = _bound(family, kind, proto, address, reuse_port=True)
            socks.append(sock)
            sock.listen(BACKLOG)
    except OSError as e:
        for sock in socks:
            sock.close()
        raise QuotegraphError(f"cannot listen on {host}:{port}: {e.strerror or e}; is another server running there? (--port picks another)") from None
    return socks


def _bound(family: int, kind: int, proto: int, address: tuple, reuse_port: bool) -> socket.socket:  # type: ignore[type-arg]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a restarted server need not wait for old connections
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind(address)
    except OSError:
        sock.close()
        raise
    return sock


def url(sock: socket.socket) -> str:
    """The http address ``sock`` listens on, as bound (with port 0, the port the system gave)."""
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def serve_in_process(app: object, sock: socket.socket) -> None:
    """Serve ``app`` with uvicorn in this process on ``sock`` (already listening) until Ctrl-C or SIGTERM."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))  # type: ignore[arg-type]
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    if not server.started:
        raise QuotegraphError("the server could not start; its error is above")


def _worker(sock: socket.socket, parent: int) -> None:  # pragma: no cover - runs in a worker process
    import uvicorn

    _stop_with(parent)
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


def run(workers: int, sockets: list[socket.socket]) -> None:
    """Serve with ``workers`` processes until Ctrl-C or SIGTERM, each on a socket of ``sockets`` (from ``bind``: one
    each, or one that all share); restart a worker that dies, on the same socket (``QuotegraphError`` when one dies
    right after it started: the app could not start). The sockets stay open here, so a restarted worker takes the
    connections that waited on its socket."""
    of = sockets if len(sockets) == workers else [sockets[0]] * workers
    context = multiprocessing.get_context("spawn")
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}

    def start(i: int) -> tuple[multiprocessing.process.BaseProcess, float]:
        process = context.Process(target=_worker, args=(of[i], os.getpid()), name="quotegraph-worker")  # the socket passes to it
        process.start()
        return process, time.monotonic()

    running = [start(i) for i in range(workers)]
    try:
        while not stop.wait(0.5):
            for i, (process, started) in enumerate(running):
                if process.is_alive():
                    continue
                if time.monotonic() - started < START_GRACE:
                    raise QuotegraphError(f"a server process exited (code {process.exitcode}) as it started; its error is above")
                print(f"quotegraph: a server process exited (code {process.exitcode}); starting another", file=sys.stderr)
                running[i] = start(i)
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
