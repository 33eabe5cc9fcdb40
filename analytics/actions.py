"""Writes of the analytics app: storing queued events, folding them into the rollups, and purging."""

import datetime
import operator
import uuid

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from malls.models import Mall

from .models import Event, RollupState, Salt
from .panels import PANELS
from .queue import get_queue
from .reporting import ROLLUP_STATE

BATCH = 5000


COLUMNS = [
    "event_id", "mall_id", "ts", "day", "hour", "kind", "visitor", "device",
    "service_id", "booth_id", "agency_id", "scene_id", "channel_id", "term", "result_count", "referrer",
]  # fmt: skip
INSERT = (
    f"INSERT INTO analytics_event ({', '.join(COLUMNS)}) VALUES ({', '.join(['%s'] * len(COLUMNS))}) "
    "ON CONFLICT (event_id) DO NOTHING"
)
DEFAULTS = dict.fromkeys(COLUMNS) | {"device": 0, "term": "", "referrer": ""}  # the rest default to NULL
IN_COLUMN_ORDER = operator.itemgetter(*COLUMNS)
STAGING = "analytics_event_incoming"  # a temporary table of the writer's own database session


def store_events(records):
    """Insert queued event records; an event id already stored is skipped, so a replay is harmless.

    PostgreSQL: COPY into a session-local staging table, then one INSERT ... ON CONFLICT (several times
    cheaper per row than row-by-row INSERTs, for the database and for this process). SQLite: a plain
    multi-row INSERT. Records of a mall deleted since they were queued are dropped.
    """
    malls = set(Mall.objects.values_list("id", flat=True))
    kept = [r for r in records if r.get("mall_id") in malls]
    if not kept:
        return 0
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _copy_insert(cursor, [_values(r) for r in kept])  # PostgreSQL reads the ISO times and UUIDs itself
        else:
            rows = [_sqlite_row(r) for r in kept]
            for start in range(0, len(rows), BATCH):
                cursor.executemany(INSERT, rows[start : start + BATCH])
    return len(kept)


def _copy_insert(cursor, rows):
    columns = ", ".join(COLUMNS)
    cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {STAGING} AS SELECT {columns} FROM analytics_event WITH NO DATA")
    cursor.execute(f"TRUNCATE {STAGING}")  # rows of an earlier, failed batch in this session
    with cursor.cursor.copy(f"COPY {STAGING} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    cursor.execute(
        f"INSERT INTO analytics_event ({columns}) SELECT {columns} FROM {STAGING} ON CONFLICT (event_id) DO NOTHING"
    )
    cursor.execute(f"TRUNCATE {STAGING}")


def _values(record):
    """The record's values in COLUMNS order; optional fields default as the model does."""
    return IN_COLUMN_ORDER(DEFAULTS | record)


def _sqlite_row(record):
    values = DEFAULTS | record
    ts = values["ts"]
    values["ts"] = connection.ops.adapt_datetimefield_value(
        datetime.datetime.fromisoformat(ts) if isinstance(ts, str) else ts
    )
    if isinstance(values["day"], datetime.date):
        values["day"] = values["day"].isoformat()
    values["event_id"] = uuid.UUID(str(values["event_id"])).hex
    return IN_COLUMN_ORDER(values)


def rollup_days(pairs, up_to=None):
    """Recount the rollups of these (mall_id, day) pairs from raw events (row ids <= `up_to`): delete,
    then insert, per day. Events are stamped by the server, so a day never gets events after its purge."""
    by_mall = {}
    for mall_id, day in pairs:
        by_mall.setdefault(mall_id, set()).add(day)
    for mall_id, days in by_mall.items():
        with transaction.atomic():
            events = Event.objects.filter(mall_id=mall_id, day__in=days)
            if up_to is not None:
                events = events.filter(pk__lte=up_to)
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
    rollup_days(pairs, up_to=top)  # exactly the events up to the watermark, so later ones add on top
    RollupState.objects.filter(pk=state.pk).update(last_event_pk=top)
    return len(pairs)


def purge_old_data(now=None):
    """Delete raw events past ANALYTICS_RAW_RETENTION_DAYS and salts older than 48 hours; rollups stay."""
    now = now or timezone.now()
    keep_days = settings.ANALYTICS_RAW_RETENTION_DAYS
    cutoff = (now - datetime.timedelta(days=keep_days)).date()
    events = 0
    for mall_id in Mall.objects.values_list("id", flat=True):  # per mall, so the (mall, day) index serves it
        deleted, _ = Event.objects.filter(mall_id=mall_id, day__lt=cutoff).delete()
        events += deleted
    salts, _ = Salt.objects.filter(created_at__lt=now - datetime.timedelta(hours=48)).delete()
    return events, salts


def drain_queue(everything=False):
    """Move queued events into the events table (the batch writer); returns how many were handed over."""
    return get_queue().drain(store_events, everything=everything)
