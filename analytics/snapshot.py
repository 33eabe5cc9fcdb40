"""An in-memory copy of what the ingest path must check (malls, scenes, booths, agencies, services,
channels), reloaded every minute, so validating an event needs no database query."""

import threading
import time
from dataclasses import dataclass, field

from django.core.exceptions import SynchronousOnlyOperation

from catalog.models import Agency, Booth, Channel, Scene, Service
from malls.models import Mall

RELOAD_SECONDS = 60
MISS_RELOAD_SECONDS = 5


@dataclass
class MallSnapshot:
    id: int
    slug: str
    timezone: str
    scenes: dict = field(default_factory=dict)  # slug -> id
    booths: dict = field(default_factory=dict)  # slug -> id
    agencies: dict = field(default_factory=dict)  # slug -> id
    services: dict = field(default_factory=dict)  # slug -> (id, agency_id)
    channels: dict = field(default_factory=dict)  # id -> (url, agency_id)


_lock = threading.Lock()
_state = {"malls": None, "loaded_at": 0.0}


def _load():
    malls = {m.id: MallSnapshot(m.id, m.slug, m.timezone) for m in Mall.objects.published()}
    for mall_id, slug, id_ in Scene.objects.filter(mall_id__in=malls).values_list("mall_id", "slug", "id"):
        malls[mall_id].scenes[slug] = id_
    for mall_id, slug, id_ in Booth.objects.filter(mall_id__in=malls).values_list("mall_id", "slug", "id"):
        malls[mall_id].booths[slug] = id_
    for mall_id, slug, id_ in Agency.objects.filter(mall_id__in=malls).values_list("mall_id", "slug", "id"):
        malls[mall_id].agencies[slug] = id_
    services = Service.objects.published().filter(mall_id__in=malls)
    for mall_id, slug, id_, agency_id in services.values_list("mall_id", "slug", "id", "agency_id"):
        malls[mall_id].services[slug] = (id_, agency_id)
    channels = Channel.objects.filter(mall_id__in=malls).exclude(url="")
    for mall_id, id_, url, agency_id in channels.values_list("mall_id", "id", "url", "agency_id"):
        malls[mall_id].channels[id_] = (url, agency_id)
    return {m.slug: m for m in malls.values()}


def mall(slug, max_age=RELOAD_SECONDS):
    """The snapshot of a published mall, or None. Keeps serving the last copy if a reload fails."""
    now = time.monotonic()
    if _state["malls"] is None or now - _state["loaded_at"] > max_age:
        with _lock:
            if _state["malls"] is None or now - _state["loaded_at"] > max_age:
                try:
                    _state["malls"] = _load()
                except SynchronousOnlyOperation:
                    raise  # called from an event loop: the caller retries in a thread (analytics.asgi)
                except Exception:
                    if _state["malls"] is None:
                        raise
                _state["loaded_at"] = now
    return _state["malls"].get(slug)


def recheck(slug):
    """The mall's snapshot after a miss: reloaded when the copy is a few seconds old, so a booth, service or
    channel added a moment ago is found, while a flood of bad slugs costs at most one reload per interval."""
    return mall(slug, max_age=MISS_RELOAD_SECONDS)


def reset():
    """Forget the copy (tests, and after loading a catalog in the same process)."""
    _state["malls"] = None
