"""Store queued events and fill the daily rollups (what the worker does every minute), on demand."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from analytics.actions import drain_queue, purge_old_data, rollup_days, rollup_pending
from analytics.models import Event
from malls.models import Mall


class Command(BaseCommand):
    help = "Drain the analytics queue, roll up new events by day, and purge raw events past their retention."

    def add_arguments(self, parser):
        parser.add_argument("--mall", help="With --from/--to: recount the rollups of this mall.")
        parser.add_argument("--from", dest="date_from", help="First day to recount (YYYY-MM-DD).")
        parser.add_argument("--to", dest="date_to", help="Last day to recount (YYYY-MM-DD).")
        parser.add_argument("--no-purge", action="store_true", help="Keep old raw events this time.")

    def handle(self, *args, **options):
        drained = drain_queue(everything=True)
        if options["date_from"] or options["date_to"] or options["mall"]:
            self._recount(options)
        days = rollup_pending()
        self.stdout.write(f"stored {drained} queued events; rolled up {days} mall-days")
        if not options["no_purge"]:
            events, salts = purge_old_data()
            self.stdout.write(f"purged {events} old raw events and {salts} old salts")

    def _recount(self, options):
        try:
            start = datetime.date.fromisoformat(options["date_from"] or "")
            end = datetime.date.fromisoformat(options["date_to"] or options["date_from"])
        except (TypeError, ValueError) as exc:
            raise CommandError("--from and --to must be dates like 2026-12-01") from exc
        malls = Mall.objects.all()
        if options["mall"]:
            malls = malls.filter(slug=options["mall"])
            if not malls:
                raise CommandError(f"no mall with slug “{options['mall']}”")
        pairs = set(
            Event.objects.filter(mall__in=malls, day__range=(start, end)).values_list("mall_id", "day").distinct()
        )
        rollup_days(pairs)
        self.stdout.write(f"recounted {len(pairs)} mall-days")
