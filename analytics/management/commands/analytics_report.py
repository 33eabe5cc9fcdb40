"""Print every panel of a mall for a period, including events not rolled up yet."""

import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from analytics.actions import drain_queue
from analytics.reporting import report
from malls.models import Mall


def _date(value, name):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise CommandError(f"{name} must be a date like 2026-12-01, not “{value}”") from None


class Command(BaseCommand):
    help = "Report visitors, page views and every dashboard panel of one mall for a period."

    def add_arguments(self, parser):
        parser.add_argument("mall", help="The mall's slug, e.g. taman.")
        parser.add_argument("--from", dest="date_from", required=True, help="First day, YYYY-MM-DD.")
        parser.add_argument("--to", dest="date_to", required=True, help="Last day, YYYY-MM-DD.")
        parser.add_argument("--json", action="store_true", help="Print JSON (the default prints a short text).")

    def handle(self, *args, **options):
        mall = Mall.objects.filter(slug=options["mall"]).first()
        if mall is None:
            raise CommandError(f"no mall with slug “{options['mall']}”")
        start = _date(options["date_from"], "--from")
        end = _date(options["date_to"], "--to")
        if start > end:
            raise CommandError("--from must not be after --to")
        drain_queue(everything=True)  # so events still in the queue are counted too
        data = report(mall, start, end)
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{mall.name} {data['from']} – {data['to']}")
        self.stdout.write(f"visitors {data['visitors']}, page views {data['page_views']}")
        for name, counts in data["panels"].items():
            top = ", ".join(f"{k} {v}" for k, v in list(counts.items())[:5])
            self.stdout.write(f"  {name}: {top or '–'}")
