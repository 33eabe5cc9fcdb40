"""Writes of the analytics app: storing queued events, folding them into the rollups, and purging."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from .models import Event, RollupState, Salt
from .panels import PANELS
from .reporting import ROLLUP_STATE

BATCH = 5000


def store_events(records):
    """Insert queued event records; an event id already stored is skipped, so a replay is harmless."""
    events = [Event(**record) for record in records]
    Event.objects.bulk_create(events, batch_size=BATCH, ignore_conflicts=True)
    return len(events)


def rollup_days(pairs):
    """Recount the rollups of these (mall_id, day) pairs from raw events: delete, then insert, per day."""
    by_mall = {}
    for mall_id, day in pairs:
        by_mall.setdefault(mall_id, set()).add(day)
    for mall_id, days in by_mall.items():
        with transaction.atomic():
            events = Event.objects.filter(mall_id=mall_id, day__in=days)
            for panel in PANELS.values():
                panel.model.objects.filter(mall_id=mall_id, day__in=days).delete()
                rows = [panel.model(**row) for row in panel.raw_rows(events)]
                panel.model.objects.bulk_create(rows, batch_size=BATCH)


def rollup_pending():
    """Roll up every (mall, day) that received events since the last run; returns how many days."""
    state, _ = RollupState.objects.get_or_create(name=ROLLUP_STATE)
    top = Event.objects.aggregate(top=Max("pk"))["top"] or 0
    if top <= state.last_event_pk:
        return 0
    pairs = set(Event.objects.filter(pk__gt=state.last_event_pk, pk__lte=top).values_list("mall_id", "day").distinct())
    rollup_days(pairs)
    RollupState.objects.filter(pk=state.pk).update(last_event_pk=top)
    return len(pairs)


def purge_old_data(now=None):
    """Delete raw events past ANALYTICS_RAW_RETENTION_DAYS and salts older than 48 hours; rollups stay."""
    now = now or timezone.now()
    keep_days = settings.ANALYTICS_RAW_RETENTION_DAYS
    cutoff = (now - datetime.timedelta(days=keep_days)).date()
    events, _ = Event.objects.filter(day__lt=cutoff).delete()
    salts, _ = Salt.objects.filter(created_at__lt=now - datetime.timedelta(hours=48)).delete()
    return events, salts
