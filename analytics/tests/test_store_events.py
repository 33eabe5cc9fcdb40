"""The batch writer's insert: a replay stores nothing twice, records of a deleted mall are dropped, and
optional fields take the model's defaults (COPY on PostgreSQL, INSERT on SQLite)."""

import uuid

import pytest
from django.utils import timezone

from analytics.actions import store_events
from analytics.models import Event

pytestmark = pytest.mark.django_db


def record(mall, **fields):
    now = timezone.now()
    return {
        "event_id": str(uuid.uuid4()), "mall_id": mall.id, "ts": now.isoformat(), "day": now.date().isoformat(),
        "hour": 9, "kind": 1, "visitor": 42, **fields,
    }  # fmt: skip


def test_a_replayed_batch_stores_each_event_once(taman):
    batch = [record(taman), record(taman, device=1, term="ktp", result_count=3)]

    assert store_events(batch) == 2
    store_events(batch + [record(taman)])  # the same two again, after a crash before the acknowledgement

    assert Event.objects.count() == 3
    stored = Event.objects.get(event_id=batch[1]["event_id"])
    assert (stored.device, stored.term, stored.result_count) == (1, "ktp", 3)


def test_optional_fields_take_the_models_defaults(taman):
    store_events([record(taman)])

    stored = Event.objects.get()
    assert (stored.device, stored.term, stored.referrer, stored.service_id) == (0, "", "", None)


def test_records_of_a_mall_that_no_longer_exists_are_dropped(taman):
    batch = [record(taman), record(taman, mall_id=taman.id + 1000)]

    assert store_events(batch) == 1
    assert Event.objects.get().mall_id == taman.id
