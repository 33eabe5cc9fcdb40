"""The tour of a mall as data: one structure for the viewer JSON, the text list and the editor."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext

from catalog.models import Booth, Service
from catalog.templatetags.mpp import channel_href
from mppvirtual.lib.formats import format_rupiah

from .models import Hotspot


def booth_hotspot_order(hotspot):
    """Walking order: booths in the mall's booth order, then ways out, then information points."""
    if hotspot.kind == Hotspot.BOOTH:
        return (0, hotspot.booth.order, hotspot.yaw)
    if hotspot.kind == Hotspot.LINK:
        return (1, hotspot.target.order, hotspot.yaw)
    return (2, 0, hotspot.yaw)


def scene_hotspots(scene):
    hotspots = list(scene.hotspots.select_related("booth", "target"))
    return sorted(hotspots, key=booth_hotspot_order)


def cost_text(service, lang):
    if service.cost_amount == 0:
        return gettext("Gratis")
    if service.cost_amount:
        return format_rupiah(service.cost_amount)
    return service.tr("cost_text", lang)


def service_entry(service, lang):
    entry = {
        "name": service.tr("name", lang),
        "url": service.get_absolute_url(),
        "cost": cost_text(service, lang),
        "duration": service.tr("duration", lang),
    }
    channel = service.online_channel
    if channel and channel.is_linkable:
        entry["online"] = {"href": channel_href(channel), "label": channel.tr("label", lang)}
    return entry


def booth_entry(booth, lang):
    agencies = []
    for agency in booth.agencies.all():
        services = [s for s in booth.published_services if s.agency_id == agency.id]
        agencies.append(
            {
                "name": agency.tr("name", lang) if lang == "en" and agency.name_en else agency.short_name,
                "url": agency.get_absolute_url(),
                "services": [service_entry(s, lang) for s in services],
            }
        )
    return {
        "slug": booth.slug,
        "name": booth.tr("name", lang),
        "description": booth.tr("description", lang),
        "url": booth.get_absolute_url(),
        "scene": booth.scene.slug,
        "agencies": agencies,
    }


def hotspot_entry(hotspot, lang):
    entry = {
        "id": hotspot.id,
        "type": hotspot.kind,
        "yaw": round(hotspot.yaw, 2),
        "pitch": round(hotspot.pitch, 2),
        "label": hotspot.display_label(lang),
    }
    if hotspot.kind == Hotspot.BOOTH:
        entry["booth"] = hotspot.booth.slug
    elif hotspot.kind == Hotspot.LINK:
        entry["target"] = hotspot.target.slug
    return entry


def panorama_entry(panorama):
    if panorama is None:
        return None
    manifest = panorama.manifest
    return {
        "root": panorama.url_root,
        "levels": manifest.get("levels", []),
        "base": f"{panorama.url_root}/{manifest.get('base', 'base.webp')}",
        "poster": f"{panorama.url_root}/{manifest.get('poster', 'poster.webp')}",
        "yaw": panorama.initial_yaw,
        "pitch": panorama.initial_pitch,
        "bytes": panorama.download_bytes,
    }


def mall_booths(mall):
    services = Service.objects.published().for_mall(mall).select_related("online_channel__mall")
    return (
        Booth.objects.for_mall(mall)
        .select_related("scene", "mall")
        .prefetch_related("agencies", Prefetch("services", queryset=services, to_attr="published_services"))
        .order_by("scene__order", "order")
    )


def build_tour(mall, lang):
    """{mall, scenes: [...], booths: {slug: panel}}; every booth of the mall appears once in `booths`."""
    booths = list(mall_booths(mall))
    scenes = []
    for scene in mall.scenes.select_related("panorama").prefetch_related("links_to").order_by("order"):
        panorama = getattr(scene, "panorama", None)
        scenes.append(
            {
                "id": scene.slug,
                "name": scene.tr("name", lang),
                "description": scene.tr("description", lang),
                "kind": scene.kind,
                "url": reverse("tour-scene", args=[mall.slug, scene.slug]),
                "map": {"x": scene.map_x, "y": scene.map_y},
                "panorama": panorama_entry(panorama),
                "hotspots": [hotspot_entry(h, lang) for h in scene_hotspots(scene)],
                "booths": [b.slug for b in booths if b.scene_id == scene.id],
                "links": [s.slug for s in scene.links_to.all()],
            }
        )
    return {
        "mall": {"slug": mall.slug, "name": mall.name},
        "scenes": scenes,
        "booths": {b.slug: booth_entry(b, lang) for b in booths},
    }
