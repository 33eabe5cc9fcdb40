"""Template helpers: translated model fields, Indonesian formats, language links and share links."""

import json
from urllib.parse import quote

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mppvirtual.lib import formats

register = template.Library()


def _lang():
    return "en" if (get_language() or "id").startswith("en") else "id"


@register.filter
def tr(obj, field):
    """{{ service|tr:"name" }}: English text on English pages when present, Indonesian otherwise.

    Works on any object with `<field>`/`<field>_en` pairs (the mall too, which has no `tr()` method).
    """
    if _lang() == "en":
        value = getattr(obj, f"{field}_en", None)
        if value:
            return value
    return getattr(obj, field)


@register.filter
def lang_attr(obj, field):
    """` lang="id"` when an English page shows Indonesian text for lack of a translation (WCAG 3.1.2)."""
    if _lang() == "en" and not getattr(obj, f"{field}_en", None):
        return mark_safe(' lang="id"')
    return ""


@register.filter
def tanggal(value):
    return formats.format_date(value, _lang())


@register.filter
def rupiah(value):
    return formats.format_rupiah(value) or ""


@register.filter
def angka(value, decimals=0):
    return formats.format_number(value or 0, int(decimals))


@register.filter
def jam(value, tz_name=None):
    return formats.format_time(value, tz_name)


@register.filter
def biaya(service):
    """What a service costs, said plainly: “Gratis (Rp0)”, “Rp30.000”, or the agency's own words."""
    if service.cost_amount == 0:
        return _("Gratis (Rp0)")
    if service.cost_amount is not None:
        return formats.format_rupiah(service.cost_amount)
    return tr(service, "cost_text") or _("Tanyakan ke instansi")


@register.filter
def is_demo_mall(mall):
    return mall is not None and mall.is_demo


@register.simple_tag
def soft_url(name, *args):
    """The URL of a route another app may provide (survey, tour, analytics), or "" when it is not installed.

    The directory links to those pages without importing their apps.
    """
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@register.simple_tag
def privacy_url(mall=None):
    """The privacy page, per mall when the analytics app scopes it so, else the platform-wide one."""
    return (mall and soft_url("analytics-privacy", mall.slug)) or soft_url("analytics-privacy")


@register.simple_tag
def channel_href(channel):
    """Where a "do it online" link points: the analytics redirect when installed, else the channel itself."""
    return soft_url("analytics-outbound", channel.mall.slug, channel.id) or channel.url


def _strip_language_prefix(path):
    prefix = "/en/"
    return "/" + path[len(prefix) :] if path.startswith(prefix) else path


@register.simple_tag(takes_context=True)
def language_urls(context):
    """The same page in both languages, for the language switch: {"id": "/taman/cari/?q=ktp", "en": ...}.

    `id_path`/`en_path` leave the query out (canonical and hreflang links); an absurdly long query is
    dropped from the switch rather than repeated into the page.
    """
    request = context["request"]
    base = _strip_language_prefix(request.path)
    query = request.GET.urlencode()
    suffix = f"?{query}" if query and len(query) <= 500 else ""
    return {"id": base + suffix, "en": "/en" + base + suffix, "id_path": base, "en_path": "/en" + base}


@register.simple_tag
def opening_hours(mall):
    """Rows like “Senin–Jumat 08.00–15.00 WIB”: consecutive days with the same hours share a row."""
    names = formats.WEEKDAYS_EN if _lang() == "en" else formats.WEEKDAYS_ID
    by_day = {}
    for row in mall.opening_hours.all():
        by_day.setdefault(row.weekday, []).append((row.opens, row.closes))
    groups = []  # [first_day, last_day, ranges]
    for day in sorted(by_day):
        ranges = sorted(by_day[day])
        if groups and groups[-1][2] == ranges and groups[-1][1] == day - 1:
            groups[-1][1] = day
        else:
            groups.append([day, day, ranges])
    rows = []
    for first, last, ranges in groups:
        days = names[first] if first == last else f"{names[first]}–{names[last]}"
        times = ", ".join(formats.format_time_range(start, end) for start, end in ranges)
        rows.append(f"{days} {times} {formats.zone_label(mall.timezone)}")
    return rows


@register.simple_tag
def open_status(mall):
    """{"open": True, "closes": "15.00 WIB"} while the mall is open now, else {"open": False}."""
    now = mall.local_now()
    for row in mall.hours_for(now.weekday()):
        if row.opens <= now.time() < row.closes:
            return {"open": True, "closes": formats.format_time(row.closes, mall.timezone)}
    return {"open": False}


@register.simple_tag(takes_context=True)
def whatsapp_share(context, title):
    """https://wa.me/?text=… with the title and the absolute address of this page."""
    url = context["request"].build_absolute_uri(context["request"].path)
    return "https://wa.me/?text=" + quote(f"{title} {url}", safe="")


@register.simple_tag(takes_context=True)
def service_json_ld(context, service):
    """schema.org GovernmentService for search engines; a data block, never executed, so the CSP allows it."""
    request = context["request"]
    lang = _lang()
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": service.tr("name", lang),
        "description": service.tr("summary", lang),
        "url": request.build_absolute_uri(request.path),
        "provider": {"@type": "GovernmentOrganization", "name": service.agency.tr("name", lang)},
        "areaServed": context["mall"].kabupaten,
    }
    if service.online_channel and service.online_channel.url:
        data["availableChannel"] = {"@type": "ServiceChannel", "serviceUrl": service.online_channel.url}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # "</script>" inside a string would end the element early.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
