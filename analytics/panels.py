"""One definition per dashboard panel: which raw events it counts and which narrow rollup keeps it.

The same definition fills the rollup table (`actions.rollup_days`) and counts the live days that are not
rolled up yet, so the dashboard, the JSON report and the rollups always agree.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from .models import (
    DailyAgency,
    DailyBooth,
    DailyDevice,
    DailyHour,
    DailyOutbound,
    DailyReferrer,
    DailyScene,
    DailySearch,
    DailyService,
    DailyTotal,
    Event,
    Kind,
)

VIEWS = [Kind.PAGE_VIEW, Kind.SERVICE_VIEW]


@dataclass(frozen=True)
class Panel:
    name: str
    model: type
    events: Q  # which raw events the panel counts
    dims: tuple  # (raw event field, rollup field) pairs
    measures: dict  # rollup field -> aggregate over raw events
    agency_field: str | None = None  # the field an agency operator's view is limited by
    derived: dict = field(default_factory=dict)  # rollup field -> function(day, raw row)
    # Additive panels add the events after the rollup watermark to the rolled-up day; panels with
    # distinct counts (visitors) recount a pending day from all of its raw events instead.
    additive: bool = True

    @property
    def keys(self):
        return [rollup for _, rollup in self.dims] + list(self.derived)

    def raw_rows(self, events):
        """Rows of (day, dims..., measures...) counted straight from raw events."""
        raw = [r for r, _ in self.dims]
        rows = events.filter(self.events).values("mall_id", "day", *raw).annotate(**self.measures).order_by()
        for row in rows:
            out = {"mall_id": row["mall_id"], "day": row["day"]}
            out.update({rollup: row[r] for r, rollup in self.dims})
            out.update({name: func(row["day"], row) for name, func in self.derived.items()})
            out.update({m: row[m] for m in self.measures})
            yield out


PANELS = {
    p.name: p
    for p in [
        Panel(
            "totals",
            DailyTotal,
            Q(),
            (),
            {
                "visitors": Count("visitor", distinct=True),
                "page_views": Count("id", filter=Q(kind=Kind.PAGE_VIEW)),
                "events": Count("id"),
            },
            additive=False,
        ),
        Panel(
            "services",
            DailyService,
            Q(service_id__isnull=False, kind__in=[*VIEWS, Kind.OUTBOUND]),
            (("service_id", "service_id"), ("agency_id", "agency_id")),
            {
                "views": Count("id", filter=Q(kind__in=VIEWS)),
                "handoffs": Count("id", filter=Q(kind=Kind.OUTBOUND)),
            },
            agency_field="agency_id",
        ),
        Panel(
            "booths",
            DailyBooth,
            Q(booth_id__isnull=False, kind__in=[Kind.PAGE_VIEW, Kind.BOOTH_VIEW]),
            (("booth_id", "booth_id"),),
            {"views": Count("id")},
        ),
        Panel(
            "agencies",
            DailyAgency,
            Q(agency_id__isnull=False, kind__in=VIEWS),
            (("agency_id", "agency_id"),),
            {"views": Count("id")},
            agency_field="agency_id",
        ),
        Panel(
            "scenes",
            DailyScene,
            Q(scene_id__isnull=False, kind=Kind.SCENE_VIEW),
            (("scene_id", "scene_id"),),
            {"views": Count("id")},
        ),
        Panel(
            "outbound",
            DailyOutbound,
            Q(channel_id__isnull=False, kind=Kind.OUTBOUND),
            (("channel_id", "channel_id"), ("agency_id", "agency_id")),
            {"clicks": Count("id")},
            agency_field="agency_id",
        ),
        Panel(
            "searches",
            DailySearch,
            Q(kind=Kind.SEARCH) & ~Q(term=""),
            (("term", "term"),),
            {"searches": Count("id"), "zero_results": Count("id", filter=Q(result_count=0))},
        ),
        Panel(
            "devices",
            DailyDevice,
            Q(),
            (("device", "device"),),
            {"visitors": Count("visitor", distinct=True)},
            additive=False,
        ),
        Panel(
            "referrers",
            DailyReferrer,
            Q(kind=Kind.PAGE_VIEW) & ~Q(referrer=""),
            (("referrer", "host"),),
            {"views": Count("id")},
        ),
        Panel(
            "hours",
            DailyHour,
            Q(kind=Kind.PAGE_VIEW),
            (("hour", "hour"),),
            {"views": Count("id")},
            derived={"weekday": lambda day, row: day.weekday()},
        ),
    ]
}


def live_days(mall_ids, date_from, date_to, watermark):
    """(mall_id, day) pairs with events after the rollup watermark: the rollups do not hold them yet."""
    return set(
        Event.objects.filter(pk__gt=watermark, mall_id__in=mall_ids, day__range=(date_from, date_to))
        .values_list("mall_id", "day")
        .distinct()
    )


def panel_totals(
    panel, mall_ids, date_from, date_to, pending, keys, measures, agency_ids=None, watermark=0, live_cache=None
):
    """{key tuple: {measure: total}} of one panel over the period, the latest events included.

    The database sums the rollup rows. A rollup row holds exactly the events up to the watermark
    (`actions.rollup_pending`), so additive panels add the raw events after it; distinct counts
    recount each pending (mall, day) from all its raw events instead of using its rollup row.
    """
    rollups = panel.model.objects.filter(mall_id__in=mall_ids, day__range=(date_from, date_to))
    events = Event.objects.filter(mall_id__in=mall_ids, day__range=(date_from, date_to))
    if agency_ids is not None:
        rollups = rollups.filter(**{f"{panel.agency_field}__in": agency_ids})
        events = events.filter(**{f"{panel.agency_field}__in": agency_ids})
    if pending and not panel.additive:
        exclude = Q()
        for mall_id, day in pending:
            exclude |= Q(mall_id=mall_id, day=day)
        rollups = rollups.exclude(exclude)
    settled = rollups.values(*keys).annotate(**{m: Sum(m) for m in measures}).order_by()
    out = summed(settled, keys, measures)
    if pending:
        live_cache = {} if live_cache is None else live_cache
        if panel.name not in live_cache:  # the raw rows serve every grouping of this panel
            if panel.additive:
                live = events.filter(pk__gt=watermark)
            else:
                live = events.filter(day__in={day for _, day in pending})
            live_cache[panel.name] = [r for r in panel.raw_rows(live) if (r["mall_id"], r["day"]) in pending]
        rows = live_cache[panel.name]
        for key, totals in summed(rows, keys, measures).items():
            acc = out.setdefault(key, dict.fromkeys(measures, 0))
            for m in measures:
                acc[m] += totals[m]
    return out


def summed(rows, keys, measures):
    """Sum rows over days: {key tuple: {measure: total}}."""
    out = {}
    for row in rows:
        key = tuple(row[k] for k in keys)
        acc = out.setdefault(key, dict.fromkeys(measures, 0))
        for m in measures:
            acc[m] += row[m] or 0
    return out
