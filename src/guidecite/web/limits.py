"""Request limits: a token bucket per client address, and a cap on the request body.

Both are plain ASGI middleware that answer in the one error shape (`errors.error_response`):
429 with Retry-After when a client's bucket is empty, 413 when a body is over the limit.
Static files are not counted. Behind a reverse proxy, run uvicorn with the proxy's address
in --forwarded-allow-ips so that the client address is the reader's, not the proxy's.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response

UNLIMITED_PATHS = ("/static/",)
#: The bucket table is pruned of full buckets when it grows past this many clients.
MAX_TRACKED_CLIENTS = 10_000


@dataclass
class Bucket:
    tokens: float
    stamp: float


class TokenBuckets:
    """`rate` tokens a second per client, up to `burst`; one token per request."""

    def __init__(
        self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self.buckets: dict[str, Bucket] = {}

    def take(self, client: str) -> float:
        """0 if the request may go ahead, else the seconds until it may."""
        now = self.clock()
        bucket = self.buckets.get(client)
        if bucket is None:
            self._prune(now)
            bucket = self.buckets[client] = Bucket(float(self.burst), now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
        bucket.stamp = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self.rate

    def _prune(self, now: float) -> None:
        if len(self.buckets) < MAX_TRACKED_CLIENTS:
            return
        refill = self.burst / self.rate
        self.buckets = {k: b for k, b in self.buckets.items() if now - b.stamp < refill}


class RateLimit:
    def __init__(self, app: ASGIApp, buckets: TokenBuckets) -> None:
        self.app = app
        self.buckets = buckets

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(UNLIMITED_PATHS):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        wait = self.buckets.take(client[0] if client else "unknown")
        if wait <= 0:
            await self.app(scope, receive, send)
            return
        seconds = max(1, math.ceil(wait))
        response = error_response(
            Request(scope),
            429,
            "rate_limited",
            f"too many requests; try again in {seconds} s",
            {"Retry-After": str(seconds)},
        )
        await response(scope, receive, send)


class BodyLimit:
    """Reads a request's body up front (bodies here are small) and refuses one over `limit`."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message], receive), send)
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.limit:
                await self._refuse(scope, receive, send)
                return
        replay: list[Message] = [{"type": "http.request", "body": bytes(body), "more_body": False}]
        await self.app(scope, _replay(replay, receive), send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(
            Request(scope),
            413,
            "request_too_large",
            f"the request body is over the limit of {self.limit:,} bytes",
        )
        await response(scope, receive, send)


def _replay(messages: list[Message], then: Receive) -> Receive:
    """Gives the messages already read, then what the server sends next."""
    queue = list(messages)

    async def receive() -> Message:
        if queue:
            return queue.pop(0)
        return await then()

    return receive
