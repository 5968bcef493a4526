#!/usr/bin/env python3
"""Load test of ``quotegraph serve``: concurrent clients on loopback against statement search (issue 4's bar:
p99 <= 200 ms with 50 concurrent clients, no errors).

Takes ``--db FILE`` (built first when it does not exist) or builds a temporary synthetic store with
``benchmarks/store_search.py``'s builder (``--statements``, 100,000 by default: PolNeAR dev sentences,
or a built-in vocabulary without the corpus). Starts ``quotegraph serve`` (``--workers``: its default
without) in a subprocess on a free loopback port, waits until it answers and is idle (all its worker
processes started), and drives ``--clients`` clients (async, one keep-alive connection each, no think time:
each sends its next request as soon as the last one is answered; ``--client raw``, the default, is a minimal
HTTP/1.1 client on asyncio streams, ``--client httpx`` httpx's, which spends several times the CPU) in two phases:

    api     GET /api/statements  varied searches drawn from the database's words: single words, pairs,
                                 phrases, prefixes, with speaker / outlet / date / kind filters
    page    GET /search          the same searches as the HTML search page

Each phase stops after ``--requests`` requests or ``--seconds`` seconds, whichever comes first, after a
short warm-up that is not counted. Prints, per phase: requests, errors (any answer but 200, or no
answer within 10 s), throughput, p50 / p95 / p99 / max latency, the CPU seconds the server and
this client used, and each server process's memory (RSS, PSS, USS); exits 1 when a phase misses the bar (``--p99-ms``, errors). Needs httpx
(``pip install -e '.[test]'``). Client and server share the machine: run it on a quiet one.

    .venv/bin/python benchmarks/serve_load.py                                   # 100,000 statements, 50 clients
    .venv/bin/python benchmarks/serve_load.py --db /tmp/load.db --requests 5000 --seconds 60
    .venv/bin/python benchmarks/serve_load.py --statements 20000 --requests 500  # a quick check
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import store_search  # noqa: E402  (the synthetic store's builder and query mix; puts the repository on sys.path)

PHASES = {"api": "/api/statements", "page": "/search"}
REQUEST_TIMEOUT = 10.0
WARMUP = 50


@dataclass
class Phase:
    """What one phase measured."""

    name: str
    latencies_ms: list[float] = field(default_factory=list)
    failures: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    server_cpu_s: float = 0.0
    client_cpu_s: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies_ms) + sum(self.failures.values())

    @property
    def errors(self) -> int:
        return sum(self.failures.values())

    def percentile(self, p: float) -> float:
        """The ``p``-th percentile of the answered requests' latency (nearest rank), in ms."""
        ms = sorted(self.latencies_ms)
        return ms[min(len(ms) - 1, max(0, round(p / 100 * len(ms) + 0.5) - 1))] if ms else float("nan")

    def report(self) -> str:
        ms = self.latencies_ms
        fails = ", ".join(f"{n} {what}" for what, n in self.failures.most_common(4))
        return (
            f"{self.name:5} {self.requests:6,} requests in {self.seconds:5.1f} s, {self.requests / self.seconds:6.1f} req/s, "
            f"errors {self.errors}{f' ({fails})' if fails else ''}; latency ms p50 {statistics.median(ms) if ms else float('nan'):.1f} "
            f"p95 {self.percentile(95):.1f} p99 {self.percentile(99):.1f} max {max(ms, default=float('nan')):.1f}; "
            f"CPU s server {self.server_cpu_s:.1f}, client {self.client_cpu_s:.1f}"
        )


def search_params(db: str, n: int, seed: int) -> list[dict[str, str]]:
    """``n`` searches drawn from the database's statements and speakers (``store_search.queries``), as URL parameters.

    Search text is lower-cased so a word such as ``NOT`` or ``AND`` from the text is a word, not an FTS5 operator."""
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        drawn = store_search.queries(conn, random.Random(seed), n)
    return [{("q" if k == "text" else k): (v.lower() if k == "text" else v) for k, v in q.items()} for q in drawn]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its live descendants (``serve --workers``) so far (Linux ``/proc``; 0 elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            children += [int(c) for c in task.read_text().split()]
        except (OSError, ValueError):
            pass
    return own + sum(cpu_seconds(c) for c in children)


def processes(pid: int) -> list[int]:
    """A process and its live descendants (Linux ``/proc``)."""
    found = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            for child in task.read_text().split():
                found += processes(int(child))
        except (OSError, ValueError):
            pass
    return found


def memory_mb(pid: int) -> dict[str, float] | None:
    """A process's memory in MB (``/proc/PID/smaps_rollup``): RSS (every page it has in memory, the database file's
    and the index's mapped pages included), PSS (shared pages divided among the processes sharing them), USS
    (its own pages alone: what stopping it frees), and of the RSS the file-backed pages (mapped files, libraries)."""
    try:
        fields = {}
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            key, _, rest = line.partition(":")
            fields[key.strip()] = int(rest.split()[0]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    uss = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return {"rss": fields.get("Rss", 0), "pss": fields.get("Pss", 0), "uss": uss, "file": fields.get("Rss", 0) - fields.get("Anonymous", 0)}


def memory_report(pid: int) -> str:
    """One line per server process that serves (the parent of workers only supervises them)."""
    procs = processes(pid)
    lines = []
    for p in procs[1:] or procs:
        m = memory_mb(p)
        if m is not None:
            lines.append(f"  pid {p}: RSS {m['rss']:.0f} MB (file-backed {m['file']:.0f}), PSS {m['pss']:.0f} MB, USS {m['uss']:.0f} MB")
    return "\n".join(lines)


def start_server(db: str, port: int, workers: int | None = None) -> subprocess.Popen[bytes]:
    """``quotegraph serve`` on ``127.0.0.1:port`` (``--workers`` when given), answering once it is up (or exiting with its error output)."""
    import httpx

    code = "import sys; sys.argv[0] = 'quotegraph'; from quotegraph.cli import main; main()"
    cmd = [sys.executable, "-c", code, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--workers", str(workers)] if workers else []
    proc = subprocess.Popen(cmd, cwd=store_search.ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            sys.exit(f"quotegraph serve exited ({proc.returncode}):\n{err[-3000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/speakers?top=1", timeout=2).status_code == 200:
                settle(proc.pid, deadline)
                return proc
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    proc.kill()
    sys.exit(f"quotegraph serve did not answer on 127.0.0.1:{port} within 60 s")


def settle(pid: int, deadline: float) -> None:
    """Wait until the server's processes stop using CPU (0.05 s in 0.5 s at most): one answering does not mean all
    have started (``--workers``: each process ranks the commonest words before it takes connections)."""
    last = cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = cpu_seconds(pid)
        if now - last < 0.05:
            return
        last = now


class RawClient:
    """A minimal keep-alive HTTP/1.1 GET client on asyncio streams.

    httpx spends several times the server's CPU per request on parsing and bookkeeping; on a
    2-core machine shared with the server that load-tests httpx more than the server. This
    one sends a prebuilt request and reads the status line, the headers and the body
    (Content-Length or chunked), and nothing else.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        try:
            self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode("ascii"))
            head = await asyncio.wait_for(self.reader.readuntil(b"\r\n\r\n"), REQUEST_TIMEOUT)
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:] if x)}
            if "content-length" in headers:
                await asyncio.wait_for(self.reader.readexactly(int(headers["content-length"])), REQUEST_TIMEOUT)
            elif headers.get("transfer-encoding", "").lower() == "chunked":
                while True:
                    size = int((await asyncio.wait_for(self.reader.readline(), REQUEST_TIMEOUT)).split(b";")[0], 16)
                    await asyncio.wait_for(self.reader.readexactly(size + 2), REQUEST_TIMEOUT)
                    if size == 0:
                        break
            if headers.get("connection", "").lower() == "close":
                await self.close()
            return status
        except BaseException:
            await self.close()
            raise

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except OSError:
                pass
        self.reader = self.writer = None


class HttpxClient:
    """``RawClient``'s interface on one ``httpx.AsyncClient`` (a keep-alive connection of its own)."""

    def __init__(self, base: str) -> None:
        import httpx

        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        self.http = httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT, limits=limits)

    async def get(self, target: str) -> int:
        import httpx

        try:
            return (await self.http.get(target)).status_code
        except httpx.HTTPError as e:
            raise ConnectionError(type(e).__name__) from e

    async def close(self) -> None:
        await self.http.aclose()


async def drive(base: str, phase: Phase, path: str, params: Sequence[dict[str, str]], clients: int, requests: int, seconds: float, pid: int,
                kind: str = "raw") -> None:
    """``clients`` clients (``kind``: raw or httpx) sending ``path`` searches (cycling through ``params``) until ``requests``
    are sent or ``seconds`` pass."""
    from urllib.parse import urlencode, urlsplit

    url = urlsplit(base)
    targets = [f"{path}?{urlencode(q)}" for q in params]
    sent = 0  # requests sent in this round (warm-up, then measured)
    drawn = 0  # searches taken from ``params``, never reset: the measured round does not repeat the warm-up's

    async def client(c: RawClient | HttpxClient, counted: bool, budget: int, deadline: float) -> None:
        nonlocal sent, drawn
        while sent < budget and time.monotonic() < deadline:
            target = targets[drawn % len(targets)]
            sent, drawn = sent + 1, drawn + 1
            t = time.perf_counter()
            try:
                status = await c.get(target)
                ok, what = status == 200, f"HTTP {status}"
            except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as e:
                ok, what = False, str(e) if isinstance(e, ConnectionError) and e.__cause__ else type(e).__name__
            ms = (time.perf_counter() - t) * 1000
            if counted:
                if ok:
                    phase.latencies_ms.append(ms)
                else:
                    phase.failures[what] += 1

    conns = [RawClient(url.hostname or "127.0.0.1", url.port or 80) if kind == "raw" else HttpxClient(base) for _ in range(clients)]
    try:
        await asyncio.gather(*(client(c, False, WARMUP, time.monotonic() + 30) for c in conns))  # connections open, caches warm
        sent = 0
        cpu0, mine0, t0 = cpu_seconds(pid), time.process_time(), time.perf_counter()
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(client(c, True, requests, deadline) for c in conns))
        phase.seconds = time.perf_counter() - t0
        phase.server_cpu_s, phase.client_cpu_s = cpu_seconds(pid) - cpu0, time.process_time() - mine0
    finally:
        await asyncio.gather(*(c.close() for c in conns))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="serve this database (built like store_search.py's when it does not exist; default: a temporary one)")
    ap.add_argument("--statements", type=int, default=100_000, help="statements of a database built here")
    ap.add_argument("--clients", type=int, default=50, help="concurrent clients")
    ap.add_argument("--requests", type=int, default=2000, help="requests per phase at most")
    ap.add_argument("--seconds", type=float, default=60.0, help="seconds per phase at most")
    ap.add_argument("--phases", default="api,page", help=f"comma-separated, of {', '.join(PHASES)}")
    ap.add_argument("--p99-ms", type=float, default=200.0, help="the bar: p99 latency in ms (and no errors)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, help="quotegraph serve --workers (default: serve's own default)")
    ap.add_argument("--client", choices=("raw", "httpx"), default="raw",
                    help="raw: a minimal asyncio HTTP/1.1 client (little CPU); httpx: httpx.AsyncClient (several times the CPU)")
    args = ap.parse_args()
    phases = [p.strip() for p in args.phases.split(",") if p.strip()]
    if not phases or set(phases) - set(PHASES):
        ap.error(f"--phases: choose among {', '.join(PHASES)}")
    try:
        import httpx  # noqa: F401
    except ImportError:
        sys.exit("serve_load.py needs httpx: .venv/bin/pip install -e '.[test]'")

    db = args.db or str(Path(tempfile.mkdtemp(prefix="qg-load-")) / "load.db")
    if not Path(db).exists():
        t = time.perf_counter()
        store_search.build(db, args.statements, random.Random(args.seed))
        print(f"built {db}: {args.statements:,} statements in {time.perf_counter() - t:.0f} s", flush=True)
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        total = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    params = search_params(db, 1000, args.seed)
    port = free_port()
    server = start_server(db, port, args.workers)
    print(
        f"quotegraph serve on 127.0.0.1:{port}{f' ({args.workers} workers)' if args.workers else ''}, {total:,} statements; "
        f"{args.clients} clients ({args.client}), at most {args.requests:,} requests "
        f"or {args.seconds:g} s per phase; {os.cpu_count()} CPUs shared by server and clients",
        flush=True,
    )
    results = []
    try:
        for name in phases:
            phase = Phase(name)
            asyncio.run(drive(f"http://127.0.0.1:{port}", phase, PHASES[name], params, args.clients, args.requests, args.seconds, server.pid,
                              args.client))
            print(phase.report(), flush=True)
            print(f"memory after {name}:\n{memory_report(server.pid)}", flush=True)
            results.append(phase)
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    missed = [p.name for p in results if p.errors or not p.latencies_ms or p.percentile(99) > args.p99_ms]
    print(f"bar (p99 <= {args.p99_ms:g} ms, no errors): " + (f"missed by {', '.join(missed)}" if missed else "met"))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
