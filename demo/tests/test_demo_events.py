"""The demo visitor events: 90 days for Taman, Dispendukcapil busiest, idempotent."""

import datetime

import pytest

from analytics.models import DailyTotal, Event
from analytics.reporting import report
from demo.events import DAYS, add_demo_events

pytestmark = pytest.mark.django_db


def test_it_adds_ninety_realistic_days_once(taman):
    add_demo_events(None, [taman])
    count = Event.objects.count()
    add_demo_events(None, [taman])

    today = taman.local_now().date()
    data = report(taman, today - datetime.timedelta(days=DAYS), today - datetime.timedelta(days=1))
    weekdays = [v for d, v in data["panels"]["days"].items() if datetime.date.fromisoformat(d).weekday() < 5]
    sundays = [v for d, v in data["panels"]["days"].items() if datetime.date.fromisoformat(d).weekday() == 6]
    assert Event.objects.count() == count > 10_000
    assert DailyTotal.objects.filter(mall=taman).count() == DAYS
    assert next(iter(data["panels"]["agencies"])) == "dispendukcapil"
    assert min(weekdays) > max(sundays)
    assert data["panels"]["zero_result_searches"]
    assert data["panels"]["outbound"]
