"""bin/serve-ingest over real HTTP, as the reverse proxy reaches it (granian's RSGI interface), with the
worker storing what it acknowledges. It starts its own processes, so it runs in the SQLite pass only."""

import json
import os
import uuid
from http.client import HTTPConnection

import pytest
from django.db import connection

from .servers import App, wait_until

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite" or "postgres" in os.environ.get("DATABASE_URL", ""),
    reason="starts its own servers; runs once, in the SQLite pass",
)
UA = "Mozilla/5.0 (Linux; Android 13) Chrome/120.0 Mobile Safari/537.36"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    app = App(tmp_path_factory.mktemp("ingest-http"))  # embedded mode: the spool the worker drains
    app.setup()
    app.start(ingest_server=True)
    yield app
    app.stop()


def post(app, body, method="POST", headers=None, chunked=False):
    conn = HTTPConnection("127.0.0.1", app.ingest_port, timeout=10)
    base = {"Origin": f"http://127.0.0.1:{app.ingest_port}", "User-Agent": UA, "Content-Type": "text/plain"}
    conn.request(method, "/e", body, {**base, **(headers or {})}, encode_chunked=chunked)
    response = conn.getresponse()
    answer = response.status, dict(response.getheaders()), response.read()
    conn.close()
    return answer


def test_an_event_is_acknowledged_and_stored(server):
    event_id = str(uuid.uuid4())
    body = json.dumps({"id": event_id, "mall": "taman", "event": "booth_view", "booth": "dispenduk"})

    status, headers, content = post(server, body)

    assert (status, content) == (202, b"")
    assert headers["cache-control"] == "no-store"
    assert wait_until(lambda: uuid.UUID(event_id).hex in server.sqlite_events(), timeout=20)


def test_refusals_over_http(server):
    before = server.sqlite_events()

    bad_json = post(server, "{", headers={"Accept-Language": "en"})
    too_big = post(server, iter([b"x" * 3000, b"x" * 3000]), chunked=True)  # no length given
    wrong_method = post(server, None, method="GET")
    other_origin = post(server, json.dumps({"id": str(uuid.uuid4())}), headers={"Origin": "https://elsewhere.example"})

    assert bad_json[0] == 400 and json.loads(bad_json[2]) == {"error": "The data is not valid JSON."}
    assert too_big[0] == 413
    assert wrong_method[0] == 405 and wrong_method[1]["allow"] == "POST"
    assert other_origin[0] == 403
    assert server.sqlite_events() == before
