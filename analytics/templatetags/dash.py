"""Number formats of the dashboard (Indonesian separators in both languages, as on official reports)."""

from django import template

from mppvirtual.lib.formats import format_number

register = template.Library()


@register.filter
def num(value):
    """1.234 for whole numbers, 12,5 for decimals, – for nothing."""
    if value is None or value == "":
        return "–"
    if isinstance(value, float):
        return format_number(value, 1)
    if isinstance(value, int):
        return format_number(value)
    return value


@register.filter
def share(value):
    """A 0–1 share as a percentage: 0.125 -> 12,5 %."""
    if value is None:
        return "–"
    return f"{format_number(100 * value, 1)} %"


@register.filter
def signed(value):
    """+12,5 % / −3,0 % for a change in percent; – when there is nothing to compare with."""
    if value is None:
        return "–"
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return f"{sign}{format_number(abs(value), 1)} %"
