"""Loads the demo malls: the Taman catalog, the small Sukodono mall, and the demo extras of each app."""

import datetime
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from demo.catalog_loader import CatalogError, load_catalog, read_catalog

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DEMO_FILES = ["taman.yaml", "sukodono.yaml"]
# The demo catalog was compiled in December 2026: its pages say "Diperbarui 1 Desember 2026".
CATALOG_REVIEWED = datetime.date(2026, 12, 1)

# Extra demo steps, run after the catalogs in this order: (label, "module:function").
# Each function takes (command, malls) and must be idempotent.
EXTRA_STEPS = [
    ("staff accounts", "demo.staff:create_demo_staff"),
    ("tour panoramas", "demo.panoramas:build_demo_panoramas"),
    ("survey answers", "demo.surveys:create_demo_surveys"),
    ("visitor events", "demo.events:add_demo_events"),
]


def _import(dotted):
    module_name, func_name = dotted.split(":")
    module = __import__(module_name, fromlist=[func_name])
    return getattr(module, func_name)


class Command(BaseCommand):
    help = "Load (or refresh) the demo malls. Safe to run again: it updates rows in place."

    def add_arguments(self, parser):
        parser.add_argument("--file", action="append", help="Load only this catalog file (YAML).")
        parser.add_argument("--catalog-only", action="store_true", help="Skip panoramas, events and surveys.")

    def handle(self, *args, **options):
        paths = [Path(p) for p in options["file"] or []] or [DATA_DIR / name for name in DEMO_FILES]
        malls = []
        for path in paths:
            try:
                mall = load_catalog(read_catalog(path), reviewed=CATALOG_REVIEWED)
            except CatalogError as exc:
                raise CommandError(f"{path.name}: nothing was changed. {exc}") from exc
            malls.append(mall)
            self.stdout.write(
                f"{mall.slug}: {mall.scenes.count()} scenes, {mall.booths.count()} booths, "
                f"{mall.agencies.count()} agencies, {mall.services.count()} services"
            )
        if options["catalog_only"]:
            return
        for label, dotted in EXTRA_STEPS:
            started = time.monotonic()
            _import(dotted)(self, malls)
            self.stdout.write(f"{label}: done in {time.monotonic() - started:.1f} s")
