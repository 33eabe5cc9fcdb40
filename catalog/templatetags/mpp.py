"""Template helpers: translated model fields and Indonesian formats."""

from django import template
from django.utils.translation import get_language

from mppvirtual.lib import formats

register = template.Library()


def _lang():
    return "en" if (get_language() or "id").startswith("en") else "id"


@register.filter
def tr(obj, field):
    """{{ service|tr:"name" }}: English text on English pages when present, Indonesian otherwise."""
    return obj.tr(field, _lang())


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


@register.simple_tag
def soft_url(name, *args):
    """The URL of a route another app may provide (survey, tour, analytics), or "" when it is not installed.

    The directory links to those pages without importing their apps.
    """
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@register.simple_tag
def channel_href(channel):
    """Where a "do it online" link points: the analytics redirect when installed, else the channel itself."""
    return soft_url("analytics-outbound", channel.mall.slug, channel.id) or channel.url
