"""python manage.py import_skm <mall> <file.csv>: paper questionnaires, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from feedback.actions import import_skm
from malls.commands import get_mall


class Command(BaseCommand):
    help = "Import paper SKM questionnaires from CSV. A file with any bad row imports nothing."

    def add_arguments(self, parser):
        parser.add_argument("mall", help="mall slug, e.g. taman")
        parser.add_argument(
            "file", help="CSV: booth,service,u1,...,u9[,age_band,sex,education,occupation,submitted_at]"
        )

    def handle(self, *args, **options):
        mall = get_mall(options["mall"])
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Berkas {path} tidak ditemukan.")
        result = import_skm(mall, path.read_bytes())
        if not result.ok:
            lines = "\n".join(f"  baris {line}: {reason}" for line, reason in result.errors)
            raise CommandError(f"Tidak ada yang diimpor; {len(result.errors)} baris bermasalah:\n{lines}")
        self.stdout.write(f"{result.created} jawaban diimpor ke {mall.slug}.")
