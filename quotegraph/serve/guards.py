"""What stands before the routes: a rate limit per client (a dependency), a body-size guard and HEAD answered as GET
(ASGI middlewares). Errors they give have the API's JSON shape (``serve.errors.error_response``)."""

from __future__ import annotations

import threading
import time
from collections import deque

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response


class RateLimit:
    """At most ``calls`` per ``seconds`` per client, in this process (a sliding window)."""

    def __init__(self, calls: int, seconds: float) -> None:
        self.calls, self.seconds = calls, seconds
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def __call__(self, request: Request) -> None:
        client = request.client.host if request.client else "unknown"
        now = time.monotonic()
        with self._lock:
            seen = self._seen.setdefault(client, deque())
            while seen and seen[0] <= now - self.seconds:
                seen.popleft()
            if len(seen) >= self.calls:
                wait = max(1, int(seen[0] + self.seconds - now + 1))
                raise HTTPException(
                    429,
                    f"too many extraction requests: at most {self.calls} per {self.seconds:g} s per client; retry in {wait} s",
                    headers={"Retry-After": str(wait)},
                )
            seen.append(now)
            if len(self._seen) > 10_000:  # forget idle clients so the table stays small
                for key in [k for k, v in self._seen.items() if not v or v[-1] <= now - self.seconds]:
                    del self._seen[key]


class BodyGuard:
    """ASGI middleware: a body over ``max_bytes`` on ``path`` is refused with 413 before it is parsed;
    every response says ``X-Content-Type-Options: nosniff`` (JSON is never sniffed as HTML)."""

    def __init__(self, app: ASGIApp, path: str, max_bytes: int) -> None:
        self.app, self.path, self.max_bytes = app, path, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_nosniff(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-content-type-options", b"nosniff")]
            await send(message)

        if scope["path"] != self.path:
            await self.app(scope, receive, send_nosniff)
            return
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length", b"").decode("latin-1")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send_nosniff)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_bytes:
                await self._refuse(scope, receive, send_nosniff)
                return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send_nosniff)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        msg = f"request body over {self.max_bytes:,} bytes; send a shorter text (or split the article)"
        await error_response(413, msg)(scope, receive, send)


class HeadAsGet:
    """ASGI middleware: a HEAD request is answered as the same GET would be (status and headers, Content-Length
    included) without the body, on every page and API route (FastAPI's routes take GET alone, and answered HEAD
    with 405); on a route without GET it is a 405 as GET is."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)
