"""The durable queue between the ingest path and the events table.

- Spool (embedded mode): each web process appends JSON lines to its own file for the current 2-second
  segment and fsyncs before answering; the worker stores closed segments, then deletes them.
- Redis (production, REDIS_URL set): XADD to a stream (Redis with appendfsync always), one entry per
  batch of records; the worker reads it through a consumer group and XACKs only after the database commit.
Either way a crash between storing and acknowledging only replays events, and the unique event id
turns the replay into a no-op.
"""

import asyncio
import fcntl
import json
import os
import time
from pathlib import Path

from django.conf import settings

SEGMENT_SECONDS = 2
GROUP = "writers"


class QueueUnavailable(Exception):
    """The event could not be written durably: the client must retry later."""


def encode(record):
    return json.dumps(record, separators=(",", ":"), default=str)


class SpoolQueue:
    def __init__(self, folder):
        self.folder = Path(folder)

    def put(self, records):
        data = "".join(encode(r) + "\n" for r in records).encode()
        for _attempt in range(3):
            segment = int(time.time()) // SEGMENT_SECONDS
            path = self.folder / f"{segment}-{os.getpid()}.jsonl"
            try:
                if self._append(path, data):
                    return
            except FileNotFoundError:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise QueueUnavailable(str(exc)) from exc
        raise QueueUnavailable("spool segment kept disappearing")

    async def put_async(self, records):
        """put() from an event loop: the fsync runs in a worker thread."""
        await asyncio.to_thread(self.put, records)

    @staticmethod
    def _append(path, data):
        """Append + fsync under a shared lock; False if the drainer removed the file meanwhile."""
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_SH)
            if os.fstat(fd).st_nlink == 0:
                return False  # drained and unlinked between our open and our lock: write a new file
            os.write(fd, data)
            os.fsync(fd)
            return True
        finally:
            os.close(fd)

    def segments(self):
        """(path, closed) for every spool file, oldest first."""
        if not self.folder.exists():
            return []
        current = int(time.time()) // SEGMENT_SECONDS
        # A segment is closed once its time is over plus one more segment of margin.
        return [(p, int(p.name.split("-")[0]) < current - 1) for p in sorted(self.folder.glob("*.jsonl"))]

    def drain(self, store, everything=False):
        """Store every closed segment, then delete it; returns the number of records handed to `store`.

        With `everything`, open segments are stored too but kept: a web process may still append to
        them, and storing them again later is a no-op thanks to the event ids.
        """
        total = 0
        for path, closed in self.segments():
            if not (closed or everything):
                continue
            with open(path, "rb") as fh:
                # Exclusive lock: wait for writers still appending; later writers see the unlink.
                fcntl.flock(fh, fcntl.LOCK_EX if closed else fcntl.LOCK_SH)
                content = fh.read()
                records = self._parse(content)
                store(records)
                if closed:
                    path.unlink()
            total += len(records)
        return total

    @staticmethod
    def _parse(content):
        records = []
        for line in content.splitlines():
            try:
                records.append(json.loads(line))
            except ValueError:
                continue  # a torn line from a crash mid-write was never acknowledged
        return records


class RedisQueue:
    def __init__(self, url, stream):
        import redis

        self.client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self.url, self.stream = url, stream
        self.async_client = None

    def put(self, records):
        """One XADD for the whole batch: the entry holds the records as JSON lines."""
        import redis

        try:
            self.client.xadd(self.stream, {"e": _encode_group(records)})
        except redis.RedisError as exc:
            raise QueueUnavailable(str(exc)) from exc

    async def put_async(self, records):
        """put() from an event loop (analytics.asgi), on a client of that loop."""
        import redis

        if self.async_client is None:
            from redis import asyncio as redis_asyncio

            self.async_client = redis_asyncio.Redis.from_url(self.url, socket_timeout=2, socket_connect_timeout=2)
        try:
            await self.async_client.xadd(self.stream, {"e": _encode_group(records)})
        except redis.RedisError as exc:
            raise QueueUnavailable(str(exc)) from exc

    def _ensure_group(self):
        import redis

        try:
            self.client.xgroup_create(self.stream, GROUP, id="0", mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def drain(self, store, everything=False, count=1000, consumer="writer"):
        """Store pending then new stream entries in batches; XACK + XDEL only after `store` committed.

        An entry holds one group of records (at most 500, analytics.asgi), so `count` entries stay a
        batch the writer can hold in memory even after a long database outage."""
        self._ensure_group()
        total = 0
        start = "0"  # first our own unacknowledged entries (a crash after reading), then new ones
        while True:
            reply = self.client.xreadgroup(GROUP, consumer, {self.stream: start}, count=count)
            entries = reply[0][1] if reply else []
            if not entries:
                if start == "0":
                    start = ">"
                    continue
                return total
            ids = [entry_id for entry_id, _ in entries]
            records = [record for _, fields in entries if fields for record in _decode_group(fields[b"e"])]
            store(records)
            pipe = self.client.pipeline(transaction=False)
            pipe.xack(self.stream, GROUP, *ids)
            pipe.xdel(self.stream, *ids)
            pipe.execute()
            total += len(records)


def _encode_group(records):
    return "\n".join(encode(r) for r in records)


def _decode_group(lines):
    """The records of one stream entry (JSON lines) in one decode: JSON text never holds a raw newline."""
    return json.loads(b"[" + lines.replace(b"\n", b",") + b"]")


_queue = {}


def get_queue():
    key = (settings.ANALYTICS_QUEUE, str(settings.ANALYTICS_SPOOL_DIR), settings.REDIS_URL, settings.ANALYTICS_STREAM)
    if key not in _queue:
        _queue.clear()
        if settings.ANALYTICS_QUEUE == "redis":
            _queue[key] = RedisQueue(settings.REDIS_URL, settings.ANALYTICS_STREAM)
        else:
            _queue[key] = SpoolQueue(settings.ANALYTICS_SPOOL_DIR)
    return _queue[key]
