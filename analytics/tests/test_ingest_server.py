"""analytics.asgi: the beacon server of production, called as its ASGI server calls it.

Real queue (the test's spool folder) and real database; over real HTTP it runs in test_reliability.
"""

import asyncio
import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from analytics import privacy, snapshot
from analytics.asgi import GroupWriter, application
from analytics.models import Event
from analytics.queue import QueueUnavailable

from .conftest import BROWSER_UA, drain


def beacon(**fields):
    return json.dumps({"id": str(uuid.uuid4()), "mall": "taman", "event": "scene_view", "scene": "front", **fields})


async def call(body=b"", method="POST", path="/e", headers=None, chunks=None):
    """One request through the ASGI application; returns (status, headers, body)."""
    base = {"host": "mpp.example", "origin": "https://mpp.example", "user-agent": BROWSER_UA}
    if chunks is None:
        base["content-length"] = str(len(body))
    base.update(headers or {})
    scope = {
        "type": "http", "method": method, "path": path, "client": ("10.0.0.7", 50000),
        "server": ("mpp.example", 443), "headers": [(k.encode(), v.encode()) for k, v in base.items()],
    }  # fmt: skip
    messages = [{"type": "http.request", "body": c, "more_body": True} for c in (chunks or [])]
    messages.append({"type": "http.request", "body": body if chunks is None else b"", "more_body": False})
    sent = []

    async def receive():
        return messages.pop(0)

    async def send(message):
        sent.append(message)

    await application(scope, receive, send)
    return sent[0]["status"], dict(sent[0]["headers"]), sent[1]["body"]


def in_new_loop(coroutine):
    """asyncio.run in a thread of its own: the browser tests leave an event loop running in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def run(*requests):
    async def together():
        return await asyncio.gather(*requests)

    return in_new_loop(together())


@pytest.fixture
def warm(taman):
    """The snapshot and the day's salt in memory, as after the server's first minute."""
    mall = snapshot.mall("taman")
    privacy.salt_for(mall.timezone, taman.local_now().date())
    return taman


@pytest.mark.django_db
def test_valid_events_from_many_requests_at_once_are_all_accepted_and_stored(warm):
    answers = run(*[call(beacon().encode()) for _ in range(40)])
    drain()

    assert [status for status, _, _ in answers] == [202] * 40
    assert Event.objects.filter(scene_id=warm.scenes.get(slug="front").id).count() == 40


@pytest.mark.django_db(transaction=True)
def test_when_the_snapshot_needs_the_database_the_request_is_decided_in_a_thread(taman):
    # No warm-up: Django refuses database access inside the event loop, so the first request goes to a thread.
    [(status, _, _)] = run(call(beacon().encode()))
    drain()

    assert status == 202
    assert Event.objects.count() == 1


@pytest.mark.django_db
def test_refusals_carry_a_message_in_the_browsers_language(warm):
    [(english, headers, body_en), (indonesian, _, body_id)] = run(
        call(b"{", headers={"accept-language": "en-US,en;q=0.9"}), call(b"{")
    )

    assert english == indonesian == 400
    assert headers[b"content-type"] == b"application/json"
    assert json.loads(body_en) == {"error": "The data is not valid JSON."}
    assert json.loads(body_id) == {"error": "Data bukan JSON yang sah."}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "request_kwargs, status",
    [
        ({"body": b"x" * 5000}, 413),  # declared too big: refused before reading
        ({"chunks": [b"x" * 3000, b"x" * 3000]}, 413),  # no length given, grows past 4 KB
        ({"body": b"", "method": "GET"}, 405),
        ({"body": b"", "path": "/lain"}, 404),
        ({"body": beacon().encode(), "headers": {"origin": "https://elsewhere.example"}}, 403),
        ({"body": beacon().encode(), "headers": {"user-agent": "curl/8.0"}}, 403),
        ({"body": beacon(mall="nowhere").encode()}, 404),
        ({"body": beacon(scene="no-such-scene").encode()}, 400),
    ],
)
def test_bad_requests_get_a_4xx_and_store_nothing(warm, request_kwargs, status):
    [(answer, headers, body)] = run(call(**request_kwargs))
    drain()

    assert answer == status
    assert json.loads(body)["error"]
    assert Event.objects.count() == 0
    if status == 405:
        assert headers[b"allow"] == b"POST"


@pytest.mark.django_db
def test_when_the_queue_cannot_store_every_request_gets_503_and_retry_after(warm, settings, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    settings.ANALYTICS_SPOOL_DIR = blocker / "spool"  # a folder inside a file: every write fails

    answers = run(*[call(beacon().encode()) for _ in range(5)])

    assert {status for status, _, _ in answers} == {503}
    assert all(headers[b"retry-after"] == b"5" for _, headers, _ in answers)


def test_the_health_endpoint_answers_without_the_database():
    [(status, _, body)] = run(call(method="GET", path="/healthz/live"))

    assert (status, body) == (200, b"ok")


# Group commit -------------------------------------------------------------------------------------------


def test_requests_arriving_during_a_write_go_together_in_the_next_write():
    written = []

    async def put(records):
        await asyncio.sleep(0.01)  # the time a durable write takes
        written.append(list(records))

    async def scenario():
        writer = GroupWriter(put)

        async def one(n):
            await writer.write(n)
            # Released only once the write holding this record has finished.
            assert any(n in group for group in written)

        await asyncio.gather(*[one(n) for n in range(50)])

    in_new_loop(scenario())

    assert sorted(n for group in written for n in group) == list(range(50))
    assert len(written) < 5


def test_a_failed_write_fails_every_request_in_it_and_the_next_write_goes_on():
    calls = []

    async def put(records):
        calls.append(list(records))
        if len(calls) == 1:
            raise OSError("disk full")

    async def scenario():
        writer = GroupWriter(put)
        first = await asyncio.gather(*[writer.write(n) for n in range(3)], return_exceptions=True)
        later = await writer.write("later")
        return first, later

    first, later = in_new_loop(scenario())

    assert all(isinstance(outcome, QueueUnavailable) for outcome in first)
    assert later is None
    assert calls[-1] == ["later"]
