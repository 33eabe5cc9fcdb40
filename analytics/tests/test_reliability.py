"""No acknowledged event is lost: real HTTP against gunicorn (or the beacon server, bin/serve-ingest) +
the worker, with private PostgreSQL and Redis servers that the tests stop and restart. They start their own processes, so they run once per CI
run (in the SQLite pass of the suite)."""

import os
import time
import uuid

import pytest
from django.db import connection

from .servers import App, Load, Postgres, Redis, wait_until

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        connection.vendor != "sqlite" or "postgres" in os.environ.get("DATABASE_URL", ""),
        reason="reliability tests start their own servers; they run once, in the SQLite pass",
    ),
]


def hexes(ids):
    return {uuid.UUID(i).hex for i in ids}


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """A migrated SQLite database with the demo catalog, made once and copied by each embedded test."""
    return App(tmp_path_factory.mktemp("template")).setup()


@pytest.fixture
def stack(request):
    started = []

    def start(app, template=None, ingest_server=False):
        started.append(app)
        app.setup(template)
        app.start(ingest_server=ingest_server)
        return app

    yield start
    for app in started:
        app.stop()


BEACON_SERVERS = pytest.mark.parametrize("beacon_server", ["site", "ingest-server"])


def beacon_port(app, beacon_server):
    return app.ingest_port if beacon_server == "ingest-server" else app.port


@BEACON_SERVERS
def test_a_postgresql_restart_while_events_flow_loses_no_acknowledged_event(tmp_path, stack, beacon_server):
    redis = Redis(tmp_path)
    pg = Postgres()
    try:
        app = stack(
            App(tmp_path, DATABASE_URL=pg.url, REDIS_URL=redis.url), ingest_server=beacon_server == "ingest-server"
        )
        with Load(beacon_port(app, beacon_server), rate=60) as load:
            time.sleep(3)
            pg.stop("immediate")  # a crash, not a clean shutdown
            time.sleep(3)
            pg.start()
            time.sleep(3)
        acked = hexes(load.acked)

        assert len(acked) > 300
        assert wait_until(lambda: acked <= pg.count_events(), timeout=40), "acknowledged events missing"
        assert set(load.statuses) == {202}  # the ingest path never needed the database
    finally:
        redis.stop()
        pg.remove()


@BEACON_SERVERS
def test_with_redis_stopped_it_answers_503_then_recovers_and_drains(tmp_path, stack, sqlite_template, beacon_server):
    redis = Redis(tmp_path)
    try:
        app = stack(App(tmp_path, REDIS_URL=redis.url), sqlite_template, ingest_server=beacon_server == "ingest-server")
        with Load(beacon_port(app, beacon_server), rate=40) as load:
            time.sleep(2)
            redis.stop()
            time.sleep(2)
            during = list(load.statuses[-20:])
            redis.start()
            time.sleep(3)
        acked = hexes(load.acked)

        assert 503 in during
        assert load.statuses[-1] == 202
        assert wait_until(lambda: acked <= app.sqlite_events(), timeout=30), "acknowledged events missing"
        # A write Redis made just as it went down may be answered 503 (the browser retries it with the same id,
        # stored once); nothing else is stored.
        assert app.sqlite_events() <= hexes(load.sent)
        assert "Android 13" not in app.log()  # no server logs the visitor's user agent
    finally:
        redis.stop()


def test_the_embedded_mode_keeps_every_event_at_50_per_second_for_a_minute(tmp_path, stack, sqlite_template):
    app = stack(App(tmp_path), sqlite_template)
    with Load(app.port, rate=50) as load:
        time.sleep(60)
    acked = hexes(load.acked)

    # 50/s for 60 s offers 3,000 events; the floor only proves the load really ran on a busy 2-core box.
    assert len(acked) >= 1500
    assert set(load.statuses) == {202}
    assert wait_until(lambda: acked == app.sqlite_events(), timeout=40), "acknowledged events missing"
