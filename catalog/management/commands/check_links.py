"""python manage.py check_links [mall ...]: check the official channel links and record the result."""

from django.core.management.base import BaseCommand, CommandError

from catalog.linkcheck import check_channels
from catalog.models import Channel


class Command(BaseCommand):
    help = "Check that every official channel URL answers, and store the result on the channel."

    def add_arguments(self, parser):
        parser.add_argument("malls", nargs="*", help="mall slugs (default: all)")
        parser.add_argument("--timeout", type=float, default=10)

    def handle(self, *args, **options):
        channels = Channel.objects.exclude(url="").select_related("mall")
        if options["malls"]:
            channels = channels.filter(mall__slug__in=options["malls"])
            if not channels.exists():
                raise CommandError("Tidak ada kanal untuk mal itu.")
        results = check_channels(list(channels), timeout=options["timeout"])
        broken = [(c, r) for c, r in results.items() if not r.ok]
        for channel, result in broken:
            self.stdout.write(
                f"RUSAK {channel.mall.slug} {channel.label}: {result.status or result.reason} ({channel.url})"
            )
        self.stdout.write(f"{len(results)} tautan diperiksa, {len(broken)} rusak.")
