"""python manage.py skm_report <mall> --from YYYY-MM-DD --to YYYY-MM-DD [--json]: IKM figures."""

import json

from django.core.management.base import BaseCommand

from feedback import ikm
from feedback.models import SurveyResponse
from malls.commands import add_mall_argument, add_period_arguments, get_mall, get_period


def skm_figures(mall, date_from, date_to):
    """The JSON shape other systems read: overall, per booth and per service."""
    responses = SurveyResponse.objects.between(mall, date_from, date_to)
    return {
        "overall": ikm.compute(responses).as_json(),
        "booths": {slug: r.as_json() for slug, r in sorted(ikm.compute_by(responses, "booth__slug").items())},
        "services": {slug: r.as_json() for slug, r in sorted(ikm.compute_by(responses, "service__slug").items())},
    }


class Command(BaseCommand):
    help = "Print the IKM (SKM) of a mall for a period, overall and per booth and service."

    def add_arguments(self, parser):
        add_mall_argument(parser)
        add_period_arguments(parser)
        parser.add_argument("--json", action="store_true", help="machine-readable output")

    def handle(self, *args, **options):
        mall = get_mall(options["mall"])
        date_from, date_to = get_period(options)
        figures = skm_figures(mall, date_from, date_to)
        if options["json"]:
            self.stdout.write(json.dumps(figures, ensure_ascii=False))
            return
        o = figures["overall"]
        self.stdout.write(
            f"{mall.name} {date_from}–{date_to}: {o['respondents']} responden, IKM {o['ikm']} ({o['grade']})"
        )
        for slug, row in figures["booths"].items():
            self.stdout.write(f"  {slug}: {row['respondents']} responden, IKM {row['ikm']} ({row['grade']})")
