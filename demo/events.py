"""Ninety days of synthetic visitor events for the Taman demo mall, so the dashboard means something on
the first `make run`: a weekday rhythm, office hours, Dispendukcapil busiest, searches (some with no
result) and clicks to the agencies' online channels.

Fast and idempotent: days that already have events are skipped, rows are bulk-inserted with ids derived
from (mall, day, n), and the rollups of the new days are filled at once.
"""

import datetime
import random
import uuid
import zoneinfo

from analytics.actions import rollup_pending, store_events
from analytics.models import Device, Event, Kind
from catalog.models import Booth, Scene, Service
from catalog.search import search

DAYS = 90
NAMESPACE = uuid.UUID("6f1c3d2e-9a4b-4c1d-8e7f-123456789abc")
AGENCY_WEIGHT = {
    "dispendukcapil": 8.0,
    "polresta-sidoarjo": 3.0,
    "bpjs-kesehatan": 2.0,
    "kecamatan-taman": 2.0,
    "bppd": 1.5,
    "kantah-sidoarjo": 1.2,
    "pa-sidoarjo": 1.2,
}
SEARCH_TERMS = [
    ("ktp", 12), ("ktp hilang", 6), ("akta kelahiran", 8), ("kk", 7), ("skck", 7), ("sim", 5),
    ("pbb", 4), ("bpjs", 5), ("pindah", 3), ("nikah", 3), ("sertifikat tanah", 2), ("pdam", 2),
    ("kia", 2), ("domisili", 2), ("nib", 1), ("cerai", 1),
    # Demand the catalog does not answer yet (the zero-result panel).
    ("bansos", 3), ("beasiswa", 2), ("kartu prakerja", 2), ("sim keliling", 2), ("legalisir ijazah", 1),
    ("surat pindah sekolah", 1), ("pajak kendaraan", 2),
]  # fmt: skip
REFERRERS = [("", 50), ("www.google.com", 25), ("l.facebook.com", 8), ("sidoarjokab.go.id", 7),
             ("l.instagram.com", 5), ("www.bing.com", 2), ("kec-taman.sidoarjokab.go.id", 3)]  # fmt: skip
HOURS = [0, 0, 0, 0, 0, 1, 2, 5, 10, 14, 14, 12, 8, 11, 10, 7, 5, 4, 4, 5, 6, 5, 3, 1]
WEEKDAY_FACTOR = [1.0, 1.05, 1.0, 0.95, 0.8, 0.35, 0.25]


def add_demo_events(command, malls):
    mall = next((m for m in malls if m.slug == "taman"), None)
    if mall is None:
        return
    today = mall.local_now().date()
    days = [today - datetime.timedelta(days=n) for n in range(DAYS, 0, -1)]
    done = set(Event.objects.filter(mall=mall, day__gte=days[0]).values_list("day", flat=True).distinct())
    todo = [d for d in days if d not in done]
    if not todo:
        return
    catalog = _Catalog(mall)
    records = [record for day in todo for record in _day_events(mall, catalog, day)]
    total = store_events(records)
    rollup_pending()
    if command is not None:
        command.stdout.write(f"demo events: {total} events over {len(todo)} days for {mall.slug}")


class _Catalog:
    def __init__(self, mall):
        services = list(Service.objects.published().for_mall(mall).select_related("agency", "online_channel"))
        self.services = services
        self.weights = [AGENCY_WEIGHT.get(s.agency.slug, 0.6) * (1.6 if s.order < 3 else 1.0) for s in services]
        self.booths = list(Booth.objects.for_mall(mall))
        self.booth_weights = [4.0 if b.slug == "dispenduk" else 1.0 for b in self.booths]
        self.scenes = list(Scene.objects.for_mall(mall))
        self.results = {term: len(search(mall, term)) for term, _ in SEARCH_TERMS}


def _pick(rng, pairs):
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def _day_events(mall, catalog, day):
    rng = random.Random(f"{mall.slug}-{day.isoformat()}")
    zone = zoneinfo.ZoneInfo(mall.timezone)
    growth = 1 + 0.004 * (day.toordinal() % 365)  # slow growth, as a new service gets known
    visitors = int(rng.gauss(180, 20) * WEEKDAY_FACTOR[day.weekday()] * growth)
    counter = 0

    def event(visitor, device, hour, kind, **fields):
        nonlocal counter
        counter += 1
        ts = datetime.datetime.combine(day, datetime.time(hour, rng.randrange(60), rng.randrange(60)), tzinfo=zone)
        return {
            "event_id": str(uuid.uuid5(NAMESPACE, f"{mall.slug}/{day}/{counter}")),
            "mall_id": mall.id,
            "ts": ts,
            "day": day,
            "hour": hour,
            "kind": int(kind),
            "visitor": visitor,
            "device": int(device),
            **fields,
        }

    for _ in range(max(visitors, 0)):
        visitor = rng.getrandbits(62)
        device = _pick(rng, [(Device.MOBILE, 72), (Device.DESKTOP, 24), (Device.TABLET, 4)])
        hour = rng.choices(range(24), weights=HOURS)[0]
        yield event(visitor, device, hour, Kind.PAGE_VIEW, referrer=_pick(rng, REFERRERS))
        if rng.random() < 0.35:  # takes the 360° tour
            for scene in rng.sample(catalog.scenes, k=rng.randint(1, min(4, len(catalog.scenes)))):
                yield event(visitor, device, hour, Kind.SCENE_VIEW, scene_id=scene.id)
            for booth in rng.choices(catalog.booths, weights=catalog.booth_weights, k=rng.randint(1, 2)):
                yield event(visitor, device, hour, Kind.BOOTH_VIEW, booth_id=booth.id)
        if rng.random() < 0.3:
            term = _pick(rng, SEARCH_TERMS)
            yield event(visitor, device, hour, Kind.PAGE_VIEW)
            yield event(visitor, device, hour, Kind.SEARCH, term=term, result_count=catalog.results[term])
        for service in rng.choices(catalog.services, weights=catalog.weights, k=rng.choice([0, 1, 1, 1, 2, 2, 3])):
            yield event(visitor, device, hour, Kind.PAGE_VIEW, service_id=service.id, agency_id=service.agency_id)
            channel = service.online_channel
            if channel and channel.url and rng.random() < 0.38:
                yield event(
                    visitor,
                    device,
                    hour,
                    Kind.OUTBOUND,
                    channel_id=channel.id,
                    agency_id=service.agency_id,
                    service_id=service.id,
                )
