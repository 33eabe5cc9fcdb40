"""Loads a mall catalog (the YAML shape of demo/data/taman.yaml) into the database.

Validation happens first and names the entry at fault; the writes then run in one transaction,
keyed by (mall, slug), so loading the same file twice changes nothing.
"""

import datetime

import yaml
from django.db import transaction

from catalog.models import Agency, Booth, Channel, LifeEvent, LifeEventStep, NewsItem, Scene, Service
from malls.models import Mall, OpeningHours

SINGULAR = {
    "views": "view",
    "booths": "booth",
    "agencies": "agency",
    "services": "service",
    "life_events": "life event",
    "news": "news item",
}


class CatalogError(Exception):
    """A problem in the file, with the entry that has it."""


def read_catalog(path):
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise CatalogError(f"{path}: not valid YAML: {exc}") from exc
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read: {exc.strerror}") from exc
    if not isinstance(data, dict):
        raise CatalogError(f"{path}: expected a mapping with mall, views, booths, agencies, services")
    return data


def _require(entry, where, *fields):
    if not isinstance(entry, dict):
        raise CatalogError(f"{where}: expected a mapping, got {type(entry).__name__}")
    for field in fields:
        if entry.get(field) in (None, ""):
            raise CatalogError(f"{where}: missing required field '{field}'")


def _list(data, key):
    value = data.get(key) or []
    if not isinstance(value, list):
        raise CatalogError(f"'{key}' must be a list")
    return value


def _where(section, index, entry):
    slug = entry.get("slug") if isinstance(entry, dict) else None
    return f"{section}[{index}]" + (f" (slug '{slug}')" if slug else "")


def _date(value, where):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError as exc:
        raise CatalogError(f"{where}: '{value}' is not a date (YYYY-MM-DD)") from exc


def validate_catalog(data):
    """Checks shapes and references before anything is written."""
    _require(data.get("mall"), "mall", "slug", "name", "kabupaten", "kabupaten_code")
    sections = {}
    for section in ("views", "booths", "agencies", "services", "life_events", "news"):
        entries = _list(data, section)
        seen = set()
        for i, entry in enumerate(entries):
            where = _where(section, i, entry)
            _require(entry, where, "slug")
            if entry["slug"] in seen:
                raise CatalogError(f"{where}: duplicate slug")
            seen.add(entry["slug"])
        sections[section] = seen

    def check_ref(where, value, section):
        if value and value not in sections[section]:
            raise CatalogError(f"{where}: unknown {SINGULAR[section]} '{value}'")

    for i, view in enumerate(_list(data, "views")):
        _require(view, _where("views", i, view), "name")
        for target in view.get("links_to") or []:
            check_ref(_where("views", i, view), target, "views")
    for i, booth in enumerate(_list(data, "booths")):
        where = _where("booths", i, booth)
        _require(booth, where, "name", "view")
        check_ref(where, booth["view"], "views")
        for agency in booth.get("agencies") or []:
            check_ref(where, agency, "agencies")
    for i, agency in enumerate(_list(data, "agencies")):
        where = _where("agencies", i, agency)
        _require(agency, where, "name", "short_name")
        check_ref(where, agency.get("home_view"), "views")
    for i, service in enumerate(_list(data, "services")):
        where = _where("services", i, service)
        _require(service, where, "agency", "name_id", "summary_id", "duration_id", "product_id", "complaints_id")
        check_ref(where, service["agency"], "agencies")
        check_ref(where, service.get("booth"), "booths")
        for event in service.get("life_events") or []:
            check_ref(where, event, "life_events")
        cost = service.get("cost")
        if not isinstance(cost, dict) or "amount_idr" not in cost:
            raise CatalogError(f"{where}: 'cost' needs amount_idr (0 = free, null = varies)")
        amount = cost["amount_idr"]
        if amount is not None and (not isinstance(amount, int) or amount < 0):
            raise CatalogError(f"{where}: cost.amount_idr must be a whole number of rupiah ≥ 0 or null")
        for field in ("requirements_id", "procedure_id"):
            if not isinstance(service.get(field) or [], list):
                raise CatalogError(f"{where}: '{field}' must be a list")
        _date(service.get("valid_until"), where)
    for i, event in enumerate(_list(data, "life_events")):
        where = _where("life_events", i, event)
        _require(event, where, "name_id")
        for slug in event.get("services") or []:
            check_ref(where, slug, "services")
    for i, item in enumerate(_list(data, "news")):
        where = _where("news", i, item)
        _require(item, where, "title_id", "body_id")
        check_ref(where, item.get("booth"), "booths")
        _date(item.get("published"), where)
        for slug in item.get("related_services") or []:
            check_ref(where, slug, "services")


def load_catalog(data, reviewed=None):
    """Validates, then writes the whole catalog in one transaction. Returns the mall."""
    validate_catalog(data)
    with transaction.atomic():
        mall = _load_mall(data["mall"])
        scenes = _load_scenes(mall, _list(data, "views"))
        agencies = _load_agencies(mall, _list(data, "agencies"), scenes)
        booths = _load_booths(mall, _list(data, "booths"), scenes, agencies)
        services = _load_services(mall, _list(data, "services"), agencies, booths, reviewed)
        _load_life_events(mall, _list(data, "life_events"), services)
        _load_news(mall, _list(data, "news"), booths, services)
    return mall


def _load_mall(entry):
    origin = entry.get("origin") or {}
    physical = entry.get("physical_mpp") or {}
    mall, _ = Mall.objects.update_or_create(
        slug=entry["slug"],
        defaults={
            "name": entry["name"],
            "name_en": entry.get("name_en", ""),
            "region": entry.get("region", ""),
            "region_code": entry.get("region_code", ""),
            "kabupaten": entry["kabupaten"],
            "kabupaten_code": entry["kabupaten_code"],
            "province": entry.get("province", ""),
            "timezone": entry.get("timezone", "Asia/Jakarta"),
            "description": entry.get("description_id", ""),
            "description_en": entry.get("description_en", ""),
            "about": " ".join(filter(None, [origin.get("built_for_id"), origin.get("recognition_id")])),
            "about_en": " ".join(filter(None, [origin.get("built_for_en"), origin.get("recognition_en")])),
            "physical_name": physical.get("name", ""),
            "physical_address": physical.get("address", ""),
            "hours_note": physical.get("opening_hours_note_id", ""),
            "hours_note_en": physical.get("opening_hours_note_en", ""),
            "order": entry.get("order", 0),
            "is_demo": bool(entry.get("demo", True)),
        },
    )
    mall.opening_hours.all().delete()
    for block in physical.get("opening_hours") or []:
        for day in block["days"]:
            OpeningHours.objects.create(mall=mall, weekday=day, opens=block["opens"], closes=block["closes"])
    return mall


def _load_scenes(mall, views):
    scenes = {}
    for view in views:
        scenes[view["slug"]], _ = Scene.objects.update_or_create(
            mall=mall,
            slug=view["slug"],
            defaults={
                "name": view["name"],
                "name_en": view.get("name_en", ""),
                "kind": view.get("kind", "hall"),
                "order": view.get("order", 0),
                "description": view.get("description_id", ""),
                "description_en": view.get("description_en", ""),
                "map_x": view.get("map_x", 0.5),
                "map_y": view.get("map_y", 0.5),
            },
        )
    for view in views:
        scenes[view["slug"]].links_to.set([scenes[s] for s in view.get("links_to") or []])
    return scenes


def _load_agencies(mall, entries, scenes):
    agencies = {}
    for entry in entries:
        agency, _ = Agency.objects.update_or_create(
            mall=mall,
            slug=entry["slug"],
            defaults={
                "name": entry["name"],
                "short_name": entry["short_name"],
                "name_en": entry.get("name_en", ""),
                "kind": entry.get("kind", "opd"),
                "address": entry.get("address") or "",
                "phone": entry.get("phone") or "",
                "website": entry.get("website") or "",
                "home_scene": scenes.get(entry.get("home_view")),
            },
        )
        agencies[entry["slug"]] = agency
        wanted = []
        for channel in entry.get("channels") or []:
            obj, _ = Channel.objects.update_or_create(
                mall=mall,
                agency=agency,
                label=channel["label"],
                defaults={
                    "label_en": channel.get("label_en", ""),
                    "url": channel.get("url") or "",
                    "kind": channel.get("kind", "web"),
                },
            )
            wanted.append(obj.id)
        # Service-level channels are attached by _online_channel; keep those.
        agency.channels.exclude(id__in=wanted).filter(services__isnull=True).delete()
    return agencies


def _load_booths(mall, entries, scenes, agencies):
    booths = {}
    for entry in entries:
        booth, _ = Booth.objects.update_or_create(
            mall=mall,
            slug=entry["slug"],
            defaults={
                "name": entry["name"],
                "name_en": entry.get("name_en", ""),
                "scene": scenes[entry["view"]],
                "kind": entry.get("kind", "services"),
                "order": entry.get("order", 0),
                "description": entry.get("description_id", ""),
                "description_en": entry.get("description_en", ""),
            },
        )
        booth.agencies.set([agencies[a] for a in entry.get("agencies") or []])
        booths[entry["slug"]] = booth
    return booths


def _online_channel(mall, agency, entry):
    """The service's online channel, shared with the agency's channel of the same address."""
    url = entry.get("online_url") or ""
    if not url:
        return None
    channel = Channel.objects.filter(mall=mall, agency=agency, url=url).first()
    if channel is None:
        channel = Channel.objects.create(
            mall=mall,
            agency=agency,
            url=url,
            kind="web",
            label=f"Layanan online {agency.short_name}",
            label_en=f"{agency.short_name} online service",
        )
    return channel


def _load_services(mall, entries, agencies, booths, reviewed):
    today = datetime.date.today()
    services = {}
    for order, entry in enumerate(entries):
        agency = agencies[entry["agency"]]
        cost = entry["cost"]
        valid_until = _date(entry.get("valid_until"), entry["slug"])
        expired = valid_until is not None and valid_until < today
        service, _ = Service.objects.update_or_create(
            mall=mall,
            slug=entry["slug"],
            defaults={
                "agency": agency,
                "booth": booths.get(entry.get("booth")),
                "name": entry["name_id"],
                "name_en": entry.get("name_en", ""),
                "summary": entry["summary_id"],
                "summary_en": entry.get("summary_en", ""),
                "requirements": entry.get("requirements_id") or [],
                "requirements_en": entry.get("requirements_en") or [],
                "procedure": entry.get("procedure_id") or [],
                "procedure_en": entry.get("procedure_en") or [],
                "duration": entry["duration_id"],
                "duration_en": entry.get("duration_en", ""),
                "cost_amount": cost["amount_idr"],
                "cost_text": cost.get("text_id", ""),
                "cost_text_en": cost.get("text_en", ""),
                "product": entry["product_id"],
                "product_en": entry.get("product_en", ""),
                "complaints": entry["complaints_id"],
                "complaints_en": entry.get("complaints_en", ""),
                "legal_basis": entry.get("legal_basis") or [],
                "online_channel": _online_channel(mall, agency, entry),
                "online_note": entry.get("online_note_id", ""),
                "deadline": entry.get("deadline_id", ""),
                "deadline_en": entry.get("deadline_en", ""),
                "validity": entry.get("validity_id", ""),
                "keywords": ", ".join(entry.get("keywords") or []),
                "fact_status": entry.get("fact_status", "confirmed"),
                # A time-limited programme past its end date stays in the database as a draft.
                "status": Service.DRAFT if expired else Service.PUBLISHED,
                "last_reviewed": _date(entry.get("last_reviewed"), entry["slug"]) or reviewed or today,
                "order": order,
            },
        )
        services[entry["slug"]] = service
    return services


def _load_life_events(mall, entries, services):
    for order, entry in enumerate(entries):
        event, _ = LifeEvent.objects.update_or_create(
            mall=mall,
            slug=entry["slug"],
            defaults={
                "name": entry["name_id"],
                "name_en": entry.get("name_en", ""),
                "description": entry.get("description_id", ""),
                "description_en": entry.get("description_en", ""),
                "note": entry.get("note_id", ""),
                "note_en": entry.get("note_en", ""),
                "order": order,
            },
        )
        event.steps.all().delete()
        LifeEventStep.objects.bulk_create(
            LifeEventStep(life_event=event, service=services[slug], order=i)
            for i, slug in enumerate(entry.get("services") or [], start=1)
        )


def _load_news(mall, entries, booths, services):
    for entry in entries:
        item, _ = NewsItem.objects.update_or_create(
            mall=mall,
            slug=entry["slug"],
            defaults={
                "booth": booths.get(entry.get("booth")),
                "title": entry["title_id"],
                "title_en": entry.get("title_en", ""),
                "body": entry["body_id"],
                "body_en": entry.get("body_en", ""),
                "published_on": _date(entry.get("published"), entry["slug"]) or datetime.date.today(),
                "is_demo": bool(entry.get("demo")),
                "status": Service.PUBLISHED,
            },
        )
        item.related_services.set([services[s] for s in entry.get("related_services") or []])
