"""What the management commands that work on one mall (and a period) share: arguments and their checks."""

import datetime

from django.core.management.base import CommandError

from .models import Mall


def add_mall_argument(parser):
    parser.add_argument("mall", help="The mall's slug, e.g. taman.")


def add_period_arguments(parser):
    parser.add_argument("--from", dest="date_from", required=True, help="First day, YYYY-MM-DD.")
    parser.add_argument("--to", dest="date_to", required=True, help="Last day, YYYY-MM-DD.")


def get_mall(slug):
    mall = Mall.objects.filter(slug=slug).first()
    if mall is None:
        raise CommandError(f"Mal “{slug}” tidak ada (no mall with this slug).")
    return mall


def _date(value, option):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise CommandError(f"{option}: “{value}” bukan tanggal YYYY-MM-DD (not a date).") from None


def get_period(options):
    """(first day, last day) from --from/--to, the last day not before the first."""
    start, end = _date(options["date_from"], "--from"), _date(options["date_to"], "--to")
    if end < start:
        raise CommandError("--to harus sama dengan atau sesudah --from (--to must not be before --from).")
    return start, end
