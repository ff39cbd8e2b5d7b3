"""An ASGI middleware in front of the web app: small request bodies, no uploads, only our own Host,
and security headers on every response.

Gradio reads a whole request body into memory before any of our code runs, and keeps parts of it
per session, so the size limit has to sit in front of Gradio: a body over ``max_body`` bytes is
answered 413 without being read further. The app takes no files, so the upload route is closed.
When the app is bound to a loopback address, a request whose ``Host`` header names any other
host is refused (421): that is how a web page on another site reaches a local server through DNS
rebinding.

Installed through ``launch(app_kwargs={"middleware": [...]})`` (see :func:`middleware`), which
Gradio passes to its FastAPI app, so it wraps every route.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.middleware import Middleware

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# A question is at most 1,000 characters (4 KB of UTF-8); a chat turn also carries the history
# the browser shows, which the UI keeps under HISTORY_MAX_BYTES (see chat.py). 64 KB leaves room.
MAX_BODY_BYTES = 64 * 1024
# An over-long body is read and dropped up to this size before the 413, so that an ordinary
# client (which sends its whole body before reading the reply) hears the 413; past it, the
# connection is simply closed.
MAX_DRAIN_BYTES = 16 * 1024 * 1024
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
# Gradio's page boots with inline scripts, evaluates code (tests/test_ui_browser.py sees a
# violation without 'unsafe-eval') and sets inline styles (theme variables, our CSS), so scripts
# and styles need those; everything may come only from the app's own origin.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "media-src 'self' data: blob:",
        "worker-src 'self' blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or address to bind) is this machine only."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_name(header: str | None) -> str:
    """The host part of a ``Host`` header, lower case, without port or IPv6 brackets."""
    value = (header or "").strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else ""
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def middleware(bound_host: str, max_body: int = MAX_BODY_BYTES) -> list[Middleware]:
    """The ``app_kwargs["middleware"]`` list for an app bound to ``bound_host``."""
    allowed = frozenset(LOOPBACK_NAMES | {bound_host.lower()}) if is_loopback(bound_host) else None
    return [Middleware(Guard, allowed_hosts=allowed, max_body=max_body)]


class Guard:
    """The ASGI middleware itself (see the module docstring)."""

    def __init__(
        self, app: ASGIApp, *, allowed_hosts: frozenset[str] | None, max_body: int = MAX_BODY_BYTES
    ) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = host_name(headers.get(b"host"))
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            await _refuse(scope, send, 421, "This server answers only to its own address.")
            return
        if scope["type"] == "websocket":  # the app uses none; nothing below applies
            await self.app(scope, receive, send)
            return
        if scope["path"].rstrip("/").endswith("/upload"):
            await _drain(receive, MAX_DRAIN_BYTES)  # dropped unread, so the client hears the 403
            await _refuse(scope, send, 403, "This app takes no files.")
            return
        body = await self._bounded_body(headers, receive)
        if body is None:
            limit = f"Request bodies are limited to {self.max_body:,} bytes."
            await _refuse(scope, send, 413, limit)
            return
        await self.app(scope, _replay(body, receive), _with_headers(send))

    async def _bounded_body(self, headers: dict[bytes, str], receive: Receive) -> bytes | None:
        """The whole request body, or None once it is known to exceed the limit (the rest is
        then read and dropped, up to MAX_DRAIN_BYTES, so the client hears the 413 rather than a
        reset connection; nothing over the limit is ever kept)."""
        declared = headers.get(b"content-length")
        if declared is not None and not declared.strip().isdigit():
            return None
        if declared is not None and int(declared) > self.max_body:
            if int(declared) <= MAX_DRAIN_BYTES:
                await _drain(receive, MAX_DRAIN_BYTES)
            return None
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client left
                return b"".join(chunks)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:  # chunked uploads declare no length
                if message.get("more_body", False):
                    await _drain(receive, MAX_DRAIN_BYTES - size)
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


async def _drain(receive: Receive, budget: int) -> None:
    """Read and drop the rest of a request body, at most ``budget`` more bytes."""
    while budget > 0:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return
        budget -= len(message.get("body", b""))


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the already-read body once, then waits on the real one."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _with_headers(send: Send) -> Send:
    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", [])}
            message["headers"] = [
                *message.get("headers", []),
                *((k, v) for k, v in SECURITY_HEADERS if k not in present),
            ]
        await send(message)

    return send_with_headers


async def _refuse(scope: Scope, send: Send, status: int, text: str) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008})
        return
    body = text.encode() + b"\n"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
