"""python manage.py summary_pdf <mall> --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf [--lang en]."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from malls.commands import add_mall_argument, add_period_arguments, get_mall
from reports.actions import render_summary_pdf
from reports.periods import PeriodError, parse_range


class Command(BaseCommand):
    help = "Write the executive summary of a mall for a period as a PDF."

    def add_arguments(self, parser):
        add_mall_argument(parser)
        add_period_arguments(parser)
        parser.add_argument("--out", required=True, help="PDF file to write")
        parser.add_argument("--lang", choices=["id", "en"], default="id")
        parser.add_argument("--served", type=int, help="people served in the period, when analytics has no count")

    def handle(self, *args, **options):
        mall = get_mall(options["mall"])
        try:
            period = parse_range(options["date_from"], options["date_to"])
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        started = time.perf_counter()
        pdf = render_summary_pdf(mall, period, options["lang"], served=options["served"])
        elapsed = time.perf_counter() - started
        out = Path(options["out"])
        try:
            out.write_bytes(pdf)
        except OSError as exc:
            raise CommandError(f"Tidak bisa menulis {out}: {exc}") from exc
        self.stdout.write(f"{out}: {len(pdf) / 1024:.0f} KB in {elapsed:.2f} s")
