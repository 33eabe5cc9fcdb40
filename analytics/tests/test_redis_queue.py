"""The production queue on a private redis-server: a batch is one stream entry, and entries leave the
stream only after the store that received them succeeded."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from analytics.queue import QueueUnavailable, RedisQueue

from .servers import Redis


@pytest.fixture
def redis_server(tmp_path):
    server = Redis(tmp_path)
    yield server
    server.stop()


def records(*names):
    return [{"event_id": name, "kind": 2} for name in names]


def test_a_batch_is_one_entry_and_drains_record_by_record(redis_server):
    queue = RedisQueue(redis_server.url, "test:events")
    queue.put(records("a", "b", "c"))
    queue.put(records("d"))
    stored = []

    assert queue.client.xlen("test:events") == 2
    assert queue.drain(stored.extend) == 4
    assert [r["event_id"] for r in stored] == ["a", "b", "c", "d"]
    assert queue.client.xlen("test:events") == 0


def test_records_stay_queued_when_the_store_fails_and_come_again_next_time(redis_server):
    queue = RedisQueue(redis_server.url, "test:events")
    queue.put(records("a", "b"))

    def failing_store(batch):
        raise RuntimeError("database down")

    with pytest.raises(RuntimeError):
        queue.drain(failing_store)
    stored = []
    queue.drain(stored.extend)

    assert [r["event_id"] for r in stored] == ["a", "b"]


def test_the_event_loop_writer_puts_the_same_entries(redis_server):
    queue = RedisQueue(redis_server.url, "test:events")
    with ThreadPoolExecutor(1) as pool:  # a loop of its own, whatever runs in this thread
        pool.submit(asyncio.run, queue.put_async(records("x", "y"))).result()
    stored = []
    queue.drain(stored.extend)

    assert [r["event_id"] for r in stored] == ["x", "y"]


def test_a_stopped_server_is_reported_as_unavailable(redis_server):
    queue = RedisQueue(redis_server.url, "test:events")
    redis_server.stop()

    with pytest.raises(QueueUnavailable):
        queue.put(records("a"))
