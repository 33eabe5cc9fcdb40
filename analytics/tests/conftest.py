"""Fixtures of the analytics tests: a private spool folder and a fresh catalog snapshot for each test."""

import datetime
import uuid

import pytest

from analytics import privacy, queue, snapshot
from analytics.models import Device, Event, Kind


@pytest.fixture(autouse=True)
def fresh_analytics_state(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # quick persona logins
    settings.ANALYTICS_QUEUE = "spool"
    settings.ANALYTICS_SPOOL_DIR = tmp_path / "spool"
    snapshot.reset()
    privacy.forget_salts()
    queue._queue.clear()
    yield
    snapshot.reset()
    queue._queue.clear()


def make_event(mall, kind=Kind.PAGE_VIEW, day=None, hour=10, visitor=1, **fields):
    """One raw event row as the batch writer would store it."""
    day = day or mall.local_now().date()
    ts = datetime.datetime.combine(day, datetime.time(hour, 30), tzinfo=mall.zone)
    defaults = {"device": Device.MOBILE}
    defaults.update(fields)
    return Event.objects.create(
        event_id=uuid.uuid4(), mall=mall, ts=ts, day=day, hour=hour, kind=kind, visitor=visitor, **defaults
    )


def drain():
    """Run the batch writer over every spooled event, as the worker does."""
    from analytics.actions import drain_queue

    return drain_queue(everything=True)


BROWSER_UA = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"
)
