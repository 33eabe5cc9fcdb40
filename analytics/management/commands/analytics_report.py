"""Print every panel of a mall for a period, including events not rolled up yet."""

import json

from django.core.management.base import BaseCommand

from analytics.actions import drain_queue
from analytics.reporting import report
from malls.commands import add_mall_argument, add_period_arguments, get_mall, get_period


class Command(BaseCommand):
    help = "Report visitors, page views and every dashboard panel of one mall for a period."

    def add_arguments(self, parser):
        add_mall_argument(parser)
        add_period_arguments(parser)
        parser.add_argument("--json", action="store_true", help="Print JSON (the default prints a short text).")

    def handle(self, *args, **options):
        mall = get_mall(options["mall"])
        start, end = get_period(options)
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
