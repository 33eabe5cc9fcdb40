"""The beacon endpoint (POST /e) as a small ASGI server of its own, for production.

The reverse proxy sends `/e` here and everything else to Django (see README, "Production"). One event
loop holds many requests at once, and the records of all requests that arrive while a write is in flight
go to the queue together in the next write (group commit): every request still gets its 202 only after
the durable write that holds its event, and a failed write answers each of them 503 + Retry-After.

The decision itself is `ingest.check_beacon`, as in the Django view and `analytics.wsgi`. It reads only
memory (catalog snapshot, the day's salt); when it needs the database, once a minute or at a new day,
Django refuses that inside the event loop and the request is decided again in a worker thread.

Served by bin/serve-ingest through granian's own interface (RSGI, `__rsgi__`), which costs less per request;
any ASGI server can serve it too (`__call__`).
"""

import asyncio
import functools
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mppvirtual.settings")
django.setup()

from django.core.exceptions import SynchronousOnlyOperation  # noqa: E402
from django.db import DatabaseError, connections  # noqa: E402
from django.utils import translation  # noqa: E402

from . import ingest  # noqa: E402
from .queue import QueueUnavailable, get_queue  # noqa: E402

MAX_GROUP = 500  # records in one write (one stream entry); more wait for the next write


class GroupWriter:
    """Collects records from concurrent requests and writes them in one call to `put`, one call at a time."""

    def __init__(self, put):
        self.put = put  # an async function taking a list of records
        self.loop = asyncio.get_running_loop()
        self.waiting = []
        self.task = None

    async def write(self, record):
        """Returns once `record` is durably written; raises QueueUnavailable if it could not be."""
        done = asyncio.get_running_loop().create_future()
        self.waiting.append((record, done))
        if self.task is None:
            self.task = asyncio.create_task(self._write_groups())
        await done

    async def _write_groups(self):
        try:
            while self.waiting:
                group, self.waiting = self.waiting[:MAX_GROUP], self.waiting[MAX_GROUP:]
                try:
                    await self.put([record for record, _ in group])
                except Exception as exc:  # any failure of the write: nobody in the group gets a 202
                    for _, done in group:
                        if not done.done():
                            done.set_exception(QueueUnavailable(str(exc)))
                else:
                    for _, done in group:
                        if not done.done():
                            done.set_result(None)
        finally:
            self.task = None


async def _put(records):
    await get_queue().put_async(records)  # the queue of the current settings


def _decide_in_thread(meta, body, language):
    """The decision when it needs the database; like a Django request, it closes its connection after."""
    try:
        return _decide(meta, body, language)
    finally:
        connections.close_all()


def _decide(meta, body, language):
    """ingest.check_beacon with a refusal's message rendered in the browser's language."""
    status, message, record = ingest.check_beacon(meta, body)
    if message is None:
        return status, b"", record
    return (*_refusal(status, message, language), record)


def _request_meta(remote_addr, server_name, headers):
    """The WSGI-style request variables `ingest` reads (headers as HTTP_*, REMOTE_ADDR, SERVER_NAME)."""
    meta = {"REMOTE_ADDR": remote_addr, "SERVER_NAME": server_name}
    for name, value in headers:
        key = name.upper().replace("-", "_")
        meta["CONTENT_LENGTH" if key == "CONTENT_LENGTH" else f"HTTP_{key}"] = value
    return meta


def _asgi_meta(scope):
    headers = ((name.decode("latin-1"), value.decode("latin-1")) for name, value in scope["headers"])
    return _request_meta((scope.get("client") or ("", 0))[0], (scope.get("server") or ("", 0))[0], headers)


def _rsgi_meta(scope):
    return _request_meta(scope.client.rpartition(":")[0], scope.server.rpartition(":")[0], scope.headers.items())


async def _read_body(receive, limit):
    """The request body, or None once it grows past `limit` bytes."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            return b"".join(chunks)


async def _read_rsgi_body(proto, limit):
    """The body on granian's own interface; a declared length is enforced by the server itself."""
    chunks, size = [], 0
    async for chunk in proto:
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _response_headers(body, extra):
    headers = [("cache-control", "no-store"), *extra]
    if body and not any(name == "content-type" for name, _ in extra):
        headers.append(("content-type", "application/json"))
    return headers


def _refusal(status, message, language):
    with translation.override(language):
        return status, ingest.error_body(message)


class IngestApplication:
    def __init__(self):
        self.writer = None

    async def answer(self, path, method, meta, read_body):
        """(status, body, extra headers) for one request, whichever interface it came by."""
        if path == "/healthz/live":
            return 200, b"ok", [("content-type", "text/plain")]
        if path != "/e":
            return (*_refusal(404, ingest.NOT_HERE, "id"), [])
        language = ingest.answer_language(meta.get("HTTP_ACCEPT_LANGUAGE", ""))
        if method != "POST":
            return (*_refusal(405, ingest.USE_POST, language), [("allow", "POST")])
        status, body = await self._collect(meta, read_body, language)
        return status, body, [("retry-after", ingest.RETRY_AFTER)] if status == 503 else []

    async def __call__(self, scope, receive, send):
        """ASGI."""
        if scope["type"] == "lifespan":
            return await self._lifespan(receive, send)
        if scope["type"] != "http":
            return
        read_body = functools.partial(_read_body, receive)
        status, body, extra = await self.answer(scope["path"], scope["method"], _asgi_meta(scope), read_body)
        headers = [("content-length", str(len(body))), *_response_headers(body, extra)]
        await send(
            {"type": "http.response.start", "status": status, "headers": [(k.encode(), v.encode()) for k, v in headers]}
        )
        await send({"type": "http.response.body", "body": body})

    async def __rsgi__(self, scope, proto):
        """granian's own interface (RSGI): the same answers with less work per request than ASGI."""
        if scope.proto != "http":
            return
        read_body = functools.partial(_read_rsgi_body, proto)
        status, body, extra = await self.answer(scope.path, scope.method, _rsgi_meta(scope), read_body)
        proto.response_bytes(status, _response_headers(body, extra), body)

    async def _collect(self, meta, read_body, language):
        payload = await read_body(ingest.MAX_BODY) if ingest.declared_length_ok(meta) else None
        if payload is None:
            return _refusal(413, ingest.TOO_BIG, language)
        try:
            try:
                status, body, record = _decide(meta, payload, language)
            except SynchronousOnlyOperation:  # the snapshot or the day's salt needs the database
                status, body, record = await asyncio.to_thread(_decide_in_thread, meta, payload, language)
            if record is not None:
                await self._writer().write(record)
        except (QueueUnavailable, DatabaseError):
            return _refusal(503, ingest.UNAVAILABLE, language)
        return status, body

    def _writer(self):
        if self.writer is None or self.writer.loop is not asyncio.get_running_loop():
            self.writer = GroupWriter(_put)
        return self.writer

    async def _lifespan(self, receive, send):
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return


application = IngestApplication()
