"""The tour pages for citizens, the tiles, and the hotspot editor for staff."""

import gzip
import json
import posixpath
from functools import lru_cache

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods
from django.views.static import serve

from catalog.models import Scene
from catalog.views import get_mall
from malls.access import agency_ids_for_user, get_mall_for_staff

from . import actions
from .models import Hotspot
from .tourdata import build_tour

PUBLIC_CACHE = cache_control(public=True, max_age=300)
IMMUTABLE = "public, max-age=31536000, immutable"


def page_lang():
    return "en" if (get_language() or "id").startswith("en") else "id"


@lru_cache(maxsize=4)
def _static_size(name):
    path = finders.find(name)
    if path is None:
        path = staticfiles_storage.path(name) if staticfiles_storage.exists(name) else None
    if path is None:
        return 0
    with open(path, "rb") as fh:
        return len(gzip.compress(fh.read(), 6))


def viewer_download_bytes(scene_entry):
    """What pressing "load" costs: the viewer code (compressed) plus the first view of the scene."""
    code = _static_size("vendor/psv.js") + _static_size("vendor/psv.css")
    panorama = scene_entry["panorama"] or {}
    return code + panorama.get("bytes", 0)


def format_megabytes(size):
    return f"{size / 1_000_000:.1f}".replace(".", "," if page_lang() == "id" else ".")


def render_tour(request, mall, scene_slug=None):
    tour = build_tour(mall, page_lang())
    if not tour["scenes"]:
        raise Http404("tour")
    booth_slug = request.GET.get("booth", "")
    booth = tour["booths"].get(booth_slug)
    wanted = scene_slug or (booth["scene"] if booth else tour["scenes"][0]["id"])
    scene = next((s for s in tour["scenes"] if s["id"] == wanted), None)
    if scene is None:
        raise Http404("scene")
    if booth and booth["scene"] != scene["id"]:
        booth = None
    config = {
        "mall": mall.slug,
        "scene": scene["id"],
        "booth": booth["slug"] if booth else "",
        "psvJs": staticfiles_storage.url("vendor/psv.js"),
        "psvCss": staticfiles_storage.url("vendor/psv.css"),
        "gyroJs": staticfiles_storage.url("vendor/psv-gyro.js"),
        "plan": staticfiles_storage.url("img/tour-plan.svg"),
        "tour": tour,
    }
    scenes_by_id = {s["id"]: s for s in tour["scenes"]}
    context = {
        "mall": mall,
        "tour": tour,
        "scene": scene,
        "scenes": [{**s, "booth_list": [tour["booths"][b] for b in s["booths"]]} for s in tour["scenes"]],
        "links": [scenes_by_id[slug] for slug in scene["links"] if slug in scenes_by_id],
        "booth": booth,
        "config": config,
        "download_mb": format_megabytes(viewer_download_bytes(scene)),
    }
    return render(request, "tour/tour_scene.html", context)


@require_GET
@PUBLIC_CACHE
def tour_home(request, mall_slug):
    return render_tour(request, get_mall(mall_slug))


@require_GET
@PUBLIC_CACHE
def tour_scene(request, mall_slug, scene_slug):
    return render_tour(request, get_mall(mall_slug), scene_slug)


@require_GET
@PUBLIC_CACHE
def tour_data(request, mall_slug):
    return JsonResponse(build_tour(get_mall(mall_slug), page_lang()), json_dumps_params={"ensure_ascii": False})


def serve_media(request, path):
    """Uploaded media; tour tiles live in content-hashed folders, so they are cached for good."""
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith(("quarantine/", "..")) or "/." in f"/{path}":
        raise Http404("media")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if path.startswith(f"{actions.TOURS_DIR}/"):
        response["Cache-Control"] = IMMUTABLE
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Staff: the hotspot editor -----------------------------------------------------------------------------


def staff_scene(request, mall_slug, scene_slug):
    """The scene, for mall and district admins of its mall only (404 for everyone else)."""
    mall = get_mall_for_staff(request.user, mall_slug)
    if agency_ids_for_user(request.user, mall) is not None:
        raise Http404("scene")
    return get_object_or_404(Scene.objects.for_mall(mall).select_related("mall"), slug=scene_slug)


@staff_member_required
@require_GET
def editor(request, mall_slug, scene_slug):
    scene = staff_scene(request, mall_slug, scene_slug)
    tour = build_tour(scene.mall, page_lang())
    entry = next(s for s in tour["scenes"] if s["id"] == scene.slug)
    config = {
        "scene": scene.slug,
        "api": reverse("tour-hotspots", args=[scene.mall.slug, scene.slug]),
        "psvJs": staticfiles_storage.url("vendor/psv.js"),
        "psvCss": staticfiles_storage.url("vendor/psv.css"),
        "entry": entry,
        "booths": [{"id": b.id, "label": b.tr("name")} for b in scene.mall.booths.order_by("scene__order", "order")],
        "scenes": [{"id": s.id, "label": s.tr("name")} for s in scene.mall.scenes.exclude(pk=scene.pk)],
    }
    return render(request, "tour/editor.html", {"scene": scene, "entry": entry, "config": config})


def bad_request(message):
    return JsonResponse({"error": message}, status=400)


def parse_hotspot(scene, payload, partial=False):
    """(fields, None) or (None, error message). Yaw/pitch in degrees; targets must belong to the scene's mall."""
    if not isinstance(payload, dict):
        return None, _("Data titik tidak valid.")
    fields = {}
    for name, low, high in (("yaw", -180.0, 180.0), ("pitch", -90.0, 90.0)):
        if name not in payload:
            if partial:
                continue
            return None, _("Isian %(name)s wajib diisi.") % {"name": name}
        value = payload[name]
        if isinstance(value, bool) or not isinstance(value, int | float) or not (low <= value <= high):
            return None, _("%(name)s harus berupa angka dari %(low)g sampai %(high)g.") % {
                "name": name,
                "low": low,
                "high": high,
            }
        fields[name] = float(value)
    if partial:
        return fields, None
    kind = payload.get("kind")
    if kind == Hotspot.BOOTH:
        booth = scene.mall.booths.filter(pk=payload.get("booth") if isinstance(payload.get("booth"), int) else None)
        if not booth.exists():
            return None, _("Booth tidak ditemukan di mal ini.")
        fields.update(kind=kind, booth=booth.get())
    elif kind == Hotspot.LINK:
        target_id = payload.get("target") if isinstance(payload.get("target"), int) else None
        target = scene.mall.scenes.exclude(pk=scene.pk).filter(pk=target_id)
        if not target.exists():
            return None, _("Tampilan tujuan tidak ditemukan di mal ini.")
        fields.update(kind=kind, target=target.get())
    else:
        return None, _("Jenis titik harus booth atau tautan.")
    return fields, None


def read_json(request):
    try:
        return json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return None


def hotspot_json(hotspot):
    return {
        "id": hotspot.id,
        "kind": hotspot.kind,
        "yaw": hotspot.yaw,
        "pitch": hotspot.pitch,
        "label": hotspot.display_label(),
    }


@staff_member_required
@require_http_methods(["GET", "POST"])
def hotspots(request, mall_slug, scene_slug):
    scene = staff_scene(request, mall_slug, scene_slug)
    if request.method == "GET":
        return JsonResponse({"hotspots": [hotspot_json(h) for h in scene.hotspots.select_related("booth", "target")]})
    fields, error = parse_hotspot(scene, read_json(request))
    if error:
        return bad_request(error)
    hotspot = Hotspot.objects.create(scene=scene, **fields)
    return JsonResponse(hotspot_json(hotspot), status=201)


@staff_member_required
@require_http_methods(["PATCH", "DELETE"])
def hotspot(request, mall_slug, scene_slug, hotspot_id):
    scene = staff_scene(request, mall_slug, scene_slug)
    spot = get_object_or_404(scene.hotspots.select_related("booth", "target"), pk=hotspot_id)
    if request.method == "DELETE":
        spot.delete()
        return JsonResponse({"deleted": hotspot_id})
    fields, error = parse_hotspot(scene, read_json(request), partial=True)
    if error:
        return bad_request(error)
    for name, value in fields.items():
        setattr(spot, name, value)
    spot.save(update_fields=list(fields) or None)
    return JsonResponse(hotspot_json(spot))
