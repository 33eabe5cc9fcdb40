"""`manage.py rollup_analytics`: drains the queue, fills rollups idempotently, purges old raw events."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from analytics.models import DailyService, DailyTotal, Event, Kind
from analytics.queue import get_queue
from analytics.reporting import report

from .conftest import make_event

pytestmark = pytest.mark.django_db


def rollup_rows():
    return sorted(DailyService.objects.values_list("day", "service_id", "views", "handoffs"))


def test_it_fills_the_rollups_and_a_second_run_changes_nothing(taman):
    service = taman.services.filter(status="published").first()
    day = taman.local_now().date() - datetime.timedelta(days=1)
    for visitor in range(3):
        make_event(taman, day=day, visitor=visitor, service_id=service.id, agency_id=service.agency_id)

    call_command("rollup_analytics", verbosity=0)
    first = rollup_rows()
    call_command("rollup_analytics", verbosity=0)
    call_command("rollup_analytics", mall="taman", date_from=day.isoformat(), date_to=day.isoformat(), verbosity=0)

    assert first == [(day, service.id, 3, 0)]
    assert rollup_rows() == first
    assert DailyTotal.objects.get(mall=taman, day=day).visitors == 3


def test_it_stores_spooled_events_before_rolling_up(taman):
    scene = taman.scenes.first()
    record = {
        "event_id": "0b8f2f3c-8d35-4a43-9a49-6a3c6f8d1e11",
        "mall_id": taman.id,
        "ts": "2026-12-01T03:00:00+00:00",
        "day": "2026-12-01",
        "hour": 10,
        "kind": int(Kind.SCENE_VIEW),
        "visitor": 7,
        "device": 1,
        "scene_id": scene.id,
    }
    get_queue().put([record])

    call_command("rollup_analytics", verbosity=0)

    assert Event.objects.get().scene_id == scene.id


def test_raw_events_past_retention_are_deleted_but_their_rollups_stay(taman, settings):
    settings.ANALYTICS_RAW_RETENTION_DAYS = 90
    today = taman.local_now().date()
    old_day = today - datetime.timedelta(days=120)
    make_event(taman, day=old_day)
    make_event(taman, day=today - datetime.timedelta(days=10))

    call_command("rollup_analytics", verbosity=0)

    assert list(Event.objects.values_list("day", flat=True)) == [today - datetime.timedelta(days=10)]
    assert report(taman, old_day, old_day)["page_views"] == 1


def test_it_rejects_bad_dates(taman):
    with pytest.raises(CommandError, match="dates like"):
        call_command("rollup_analytics", date_from="yesterday", verbosity=0)
