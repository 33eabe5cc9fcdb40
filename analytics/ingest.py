"""Turning requests into event records and putting them on the durable queue.

Three entrances: the page-view middleware (server-rendered pages), the beacon endpoint (events the tour
and scripts see), and the outbound redirect. None of them queries the database on the hot path: catalog
ids come from `snapshot`, the day's salt from memory.
"""

import json
import re
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mppvirtual.lib.http import client_ip_of

from . import privacy, snapshot
from .models import Kind
from .queue import get_queue

MAX_BODY = 4096
MAX_VALUE = 100

# Events the beacon may send, with the catalog field each one needs. Page views are counted by the server.
BEACON_EVENTS = {
    "scene_view": (Kind.SCENE_VIEW, "scene"),
    "booth_view": (Kind.BOOTH_VIEW, "booth"),
    "service_view": (Kind.SERVICE_VIEW, "service"),
    "survey_submit": (Kind.SURVEY, None),
}
BEACON_FIELDS = {"id", "mall", "event", "scene", "booth", "service"}

PAGE_CONTEXT = {
    "catalog-booth": ("booth_slug", "booth"),
    "catalog-agency": ("agency_slug", "agency"),
    "catalog-service": ("service_slug", "service"),
}
SERVICE_PATH = re.compile(r"^/(?:en/)?(?P<mall>[-\w]+)/layanan/(?P<service>[-\w]+)/$")


TOO_BIG = _("Data terlalu besar (maksimal 4 KB).")
UNAVAILABLE = _("Sedang tidak dapat menyimpan; coba lagi sebentar.")
USE_POST = _("Gunakan POST.")
NOT_HERE = _("Server ini hanya menerima peristiwa kunjungan di /e.")
RETRY_AFTER = "5"
REASONS = {202: "Accepted", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed"}
REASONS |= {413: "Payload Too Large", 503: "Service Unavailable"}


def answer_language(accept_language):
    """Messages follow the browser: English when it asks for English first, else Indonesian."""
    return "en" if accept_language.lower().startswith("en") else "id"


def declared_length_ok(meta):
    """A Content-Length that is a number within MAX_BODY (none at all counts as 0): checked before reading."""
    try:
        return 0 <= int(meta.get("CONTENT_LENGTH") or 0) <= MAX_BODY
    except ValueError:
        return False


def error_body(message):
    """The JSON body of a refusal; call it with the answer's language active."""
    return json.dumps({"error": str(message)}, ensure_ascii=False).encode()


class PayloadError(Exception):
    def __init__(self, status, message):
        super().__init__(str(message))
        self.status = status
        self.message = message


# Parsing ---------------------------------------------------------------------------------------------


def parse_beacon(body, find_mall=snapshot.mall, recheck=snapshot.recheck):
    """Validate a beacon body; returns (mall snapshot, kind, event uuid, catalog ids) or raises PayloadError."""
    if len(body) > MAX_BODY:
        raise PayloadError(413, TOO_BIG)
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise PayloadError(400, _("Data bukan JSON yang sah.")) from None
    if not isinstance(data, dict):
        raise PayloadError(400, _("Data harus berupa objek JSON."))
    unknown = set(data) - BEACON_FIELDS
    if unknown:
        raise PayloadError(400, _("Ada kolom yang tidak dikenal."))
    if not all(isinstance(v, str) and 0 < len(v) <= MAX_VALUE for v in data.values()):
        raise PayloadError(400, _("Setiap kolom harus berupa teks singkat."))
    try:
        event_id = uuid.UUID(data.get("id", ""))
    except ValueError:
        raise PayloadError(400, _("Kolom id harus berupa UUID.")) from None
    event = BEACON_EVENTS.get(data.get("event", ""))
    if event is None:
        raise PayloadError(400, _("Jenis peristiwa tidak dikenal."))
    mall = find_mall(data.get("mall", "")) or recheck(data.get("mall", ""))
    if mall is None:
        raise PayloadError(404, _("Mal tidak dikenal."))
    kind, required = event
    try:
        ids = resolve_ids(mall, data)
    except PayloadError:
        # The catalog may have changed since the copy was taken: look once more in a fresh copy.
        mall = recheck(mall.slug) or mall
        ids = resolve_ids(mall, data)
    if required and f"{required}_id" not in ids:
        raise PayloadError(400, _("Peristiwa ini perlu kolom yang sah dari mal ini."))
    return mall, kind, event_id, ids


def resolve_ids(mall, data):
    """Catalog ids for the slugs in `data`; a slug that is not in this mall raises PayloadError."""
    ids = {}
    for name, table in (("scene", mall.scenes), ("booth", mall.booths), ("agency", mall.agencies)):
        if name in data:
            if data[name] not in table:
                raise PayloadError(400, _("Tidak ada di mal ini: ") + name)
            ids[f"{name}_id"] = table[data[name]]
    if "service" in data:
        found = mall.services.get(data["service"])
        if found is None:
            raise PayloadError(400, _("Tidak ada di mal ini: ") + "service")
        ids["service_id"], ids["agency_id"] = found
    return ids


def origin_allowed(meta):
    """Only our own pages may send events: Sec-Fetch-Site same-origin, or an Origin naming this host."""
    site = meta.get("HTTP_SEC_FETCH_SITE")
    if site and site not in ("same-origin", "none"):
        return False
    origin = meta.get("HTTP_ORIGIN")
    if origin:
        if origin in settings.CSRF_TRUSTED_ORIGINS:
            return True
        try:
            host = meta.get("HTTP_HOST") or meta.get("SERVER_NAME", "")
            return urlsplit(origin).netloc.lower() == host.lower()
        except ValueError:
            return False
    return site == "same-origin"


# Records ---------------------------------------------------------------------------------------------


def build_record(mall, kind, meta, event_id=None, now=None, **fields):
    now = now or timezone.now()
    day, hour = privacy.local_day(mall.timezone, now)
    user_agent = meta.get("HTTP_USER_AGENT", "")
    salt = privacy.salt_for(mall.timezone, day)
    return {
        "event_id": str(event_id or uuid.uuid4()),
        "mall_id": mall.id,
        "ts": now.isoformat(),
        "day": day.isoformat(),
        "hour": hour,
        "kind": int(kind),
        "visitor": privacy.visitor_key(salt, mall.slug, client_ip_of(meta), user_agent),
        "device": int(privacy.device_of(user_agent)),
        **fields,
    }


def is_bot(meta):
    return privacy.is_bot(meta.get("HTTP_USER_AGENT", ""))


def check_beacon(meta, body):
    """The ingest decision without the write: (status, error message or None, record to queue or None)."""
    if not origin_allowed(meta):
        return 403, _("Asal permintaan tidak diizinkan."), None
    try:
        mall, kind, event_id, ids = parse_beacon(body)
    except PayloadError as exc:
        return exc.status, exc.message, None
    if is_bot(meta):
        return 403, _("Kunjungan robot tidak dihitung."), None
    return 202, None, build_record(mall, kind, meta, event_id=event_id, **ids)


def accept_beacon(meta, body):
    """The whole ingest decision: (status, error message or None). 202 only after a durable write."""
    status, message, record = check_beacon(meta, body)
    if record is not None:
        get_queue().put([record])  # raises QueueUnavailable -> 503
    return status, message


# Page views and outbound clicks -----------------------------------------------------------------------


def is_countable_page(request, response):
    match = getattr(request, "resolver_match", None)
    return (
        request.method == "GET"
        and response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and match is not None
        and "mall_slug" in match.kwargs
        and not (match.url_name or "").startswith("analytics-dashboard")
        and not request.path.startswith("/admin/")
        and request.headers.get("Sec-Purpose", "") != "prefetch"
        and not is_bot(request.META)
    )


def record_page_view(request, response):
    match = request.resolver_match
    mall = snapshot.mall(match.kwargs["mall_slug"])
    if mall is None:
        return
    ids = {}
    context = PAGE_CONTEXT.get(match.url_name)
    if context:
        kwarg, name = context
        try:
            ids = resolve_ids(mall, {name: match.kwargs[kwarg]})
        except PayloadError:
            ids = {}
    now = timezone.now()
    host = privacy.referrer_host(request.META.get("HTTP_REFERER", ""), request.get_host())
    records = [build_record(mall, Kind.PAGE_VIEW, request.META, now=now, referrer=host, **ids)]
    if match.url_name == "catalog-search":
        term = privacy.normalise_term(request.GET.get("q", ""))
        if term:
            count = response.get("X-Result-Count", "")
            result_count = int(count) if count.isdigit() else None
            records.append(build_record(mall, Kind.SEARCH, request.META, now=now, term=term, result_count=result_count))
    get_queue().put(records)


def is_survey_submission(request, response):
    """A survey sent successfully: the survey view answers a POST with a redirect to its thank-you page."""
    match = getattr(request, "resolver_match", None)
    return (
        request.method == "POST"
        and response.status_code == 302
        and match is not None
        and match.url_name == "feedback-survey"
        and not is_bot(request.META)
    )


def record_survey(request):
    """Only the fact that a survey was sent (and for which service); the answers stay in the survey app."""
    mall = snapshot.mall(request.resolver_match.kwargs.get("mall_slug", ""))
    if mall is None:
        return
    sent = {
        "service": request.POST.get("layanan") or request.POST.get("service"),
        "booth": request.POST.get("loket") or request.POST.get("booth"),
    }
    ids = {}
    for name, slug in sent.items():
        try:
            ids.update(resolve_ids(mall, {name: slug}) if slug else {})
        except PayloadError:
            continue
    get_queue().put([build_record(mall, Kind.SURVEY, request.META, **ids)])


def record_outbound(request, mall, channel_id):
    """Count a click to an agency channel; the service it came from is read from the Referer path."""
    _url, agency_id = mall.channels[channel_id]
    fields = {"channel_id": channel_id, "agency_id": agency_id}
    try:
        match = SERVICE_PATH.match(urlsplit(request.META.get("HTTP_REFERER", "")).path or "")
    except ValueError:
        match = None
    if match and match["mall"] == mall.slug and match["service"] in mall.services:
        fields["service_id"], fields["agency_id"] = mall.services[match["service"]]
    get_queue().put([build_record(mall, Kind.OUTBOUND, request.META, **fields)])
