"""Figures of one mall (or several) for a period: what the dashboard, the JSON report and the executive
summary read. The daily rollups give every day up to the rollup watermark; events after it (usually the
last minute) are counted from raw events, so every figure includes the latest events.

`report(mall, date_from, date_to)` returns the shape printed by `manage.py analytics_report --json`:
{"mall", "from", "to", "visitors", "page_views", "panels": {...}} plus "service_views", "handoffs" and
"handoff_rate" (share of service views that led to the agency's online channel, 0–1, None without views).
"""

import datetime

from catalog.models import Agency, Booth, Channel, Scene, Service

from .models import Device, RollupState
from .panels import PANELS, live_days, panel_totals

ROLLUP_STATE = "rollups"
REPORT_PANELS = ["services", "booths", "agencies", "scenes", "outbound", "searches", "zero_result_searches"]


def watermark():
    state = RollupState.objects.filter(name=ROLLUP_STATE).first()
    return state.last_event_pk if state else 0


class Figures:
    """Lazy access to every panel of some malls over a period (optionally limited to some agencies)."""

    def __init__(self, malls, date_from, date_to, agency_ids=None):
        self.malls = list(malls)
        self.mall_ids = [m.id for m in self.malls]
        self.date_from, self.date_to = date_from, date_to
        self.agency_ids = agency_ids
        self.watermark = watermark()
        self.pending = live_days(self.mall_ids, date_from, date_to, self.watermark)
        self._cache = {}
        self._live = {}  # raw rows of pending days per panel, shared by its groupings

    def by(self, name, keys, measures, per_mall=False):
        """{key tuple: {measure: total}} of one panel, cached per (panel, keys) for this request."""
        keys = (["mall_id"] if per_mall else []) + list(keys)
        cache_key = (name, tuple(keys), tuple(measures))
        if cache_key not in self._cache:
            panel = PANELS[name]
            agencies = self.agency_ids if panel.agency_field else None
            self._cache[cache_key] = panel_totals(
                panel,
                self.mall_ids,
                self.date_from,
                self.date_to,
                self.pending,
                keys,
                measures,
                agencies,
                self.watermark,
                self._live,
            )
        return self._cache[cache_key]

    # Totals -------------------------------------------------------------
    def totals(self, per_mall=False):
        got = self.by("totals", [], ["visitors", "page_views", "events"], per_mall=per_mall)
        if per_mall:
            empty = {"visitors": 0, "page_views": 0, "events": 0}
            return {m.id: got.get((m.id,), dict(empty)) for m in self.malls}
        return got.get((), {"visitors": 0, "page_views": 0, "events": 0})

    def days(self):
        """{day: {"visitors", "page_views"}} for every day of the period (zeros included)."""
        got = self.by("totals", ["day"], ["visitors", "page_views"])
        out = {}
        day = self.date_from
        while day <= self.date_to:
            out[day] = got.get((day,), {"visitors": 0, "page_views": 0})
            day += datetime.timedelta(days=1)
        return out

    # Panels keyed by catalog ids ------------------------------------------
    def services(self):
        return {k[0]: v for k, v in self.by("services", ["service_id"], ["views", "handoffs"]).items()}

    def count_by(self, name, key, measure):
        return {k[0]: v[measure] for k, v in self.by(name, [key], [measure]).items()}

    def searches(self):
        return {k[0]: v for k, v in self.by("searches", ["term"], ["searches", "zero_results"]).items()}

    def devices(self):
        return {Device(k[0]).label: v["visitors"] for k, v in self.by("devices", ["device"], ["visitors"]).items()}

    def hours(self):
        return {(k[0], k[1]): v["views"] for k, v in self.by("hours", ["weekday", "hour"], ["views"]).items()}

    def handoff(self):
        services = self.services()
        views = sum(v["views"] for v in services.values())
        handoffs = sum(v["handoffs"] for v in services.values())
        return {"service_views": views, "handoffs": handoffs, "handoff_rate": (handoffs / views) if views else None}


def _names(model, mall_ids, attr="slug"):
    return dict(model.objects.filter(mall_id__in=mall_ids).values_list("id", attr))


def channel_keys(mall_ids):
    """A readable, unique key per channel: its label, with the agency's short name when labels repeat."""
    channels = list(Channel.objects.filter(mall_id__in=mall_ids).select_related("agency"))
    counts = {}
    for c in channels:
        counts[c.label] = counts.get(c.label, 0) + 1
    keys = {}
    for c in channels:
        key = c.label
        if counts[c.label] > 1:
            key = f"{c.label} – {c.agency.short_name if c.agency else c.id}"
        keys[c.id] = key
    return keys


def _sorted(counts):
    """Largest first, then by name: a stable order for JSON and tables."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def _keyed(counts, names):
    out = {}
    for id_, n in counts.items():
        key = names.get(id_, f"#{id_}")
        out[key] = out.get(key, 0) + n
    return _sorted(out)


def report(mall, date_from, date_to):
    """Every panel of one mall for the period (both days included), events not yet rolled up included."""
    fig = Figures([mall], date_from, date_to)
    ids = [mall.id]
    totals = fig.totals()
    services = fig.services()
    searches = fig.searches()
    panels = {
        "services": _keyed({k: v["views"] for k, v in services.items() if v["views"]}, _names(Service, ids)),
        "booths": _keyed(fig.count_by("booths", "booth_id", "views"), _names(Booth, ids)),
        "agencies": _keyed(fig.count_by("agencies", "agency_id", "views"), _names(Agency, ids)),
        "scenes": _keyed(fig.count_by("scenes", "scene_id", "views"), _names(Scene, ids)),
        "outbound": _keyed(fig.count_by("outbound", "channel_id", "clicks"), channel_keys(ids)),
        "searches": _sorted({t: v["searches"] for t, v in searches.items()}),
        "zero_result_searches": _sorted({t: v["zero_results"] for t, v in searches.items() if v["zero_results"]}),
        "devices": _sorted(fig.devices()),
        "days": {d.isoformat(): v["page_views"] for d, v in fig.days().items()},
    }
    return {
        "mall": mall.slug,
        "from": date_from.isoformat(),
        "to": date_to.isoformat(),
        "visitors": totals["visitors"],
        "page_views": totals["page_views"],
        "panels": panels,
        **fig.handoff(),
    }
