"""Runs the registered periodic jobs (analytics batches, rollups, panorama imports, ...) in a loop."""

import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from mppvirtual.lib import worker

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run background jobs: every registered job at its interval, until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once, then exit.")
        parser.add_argument("--only", action="append", help="Run only the named job(s).")

    def handle(self, *args, **options):
        jobs = [j for j in worker.JOBS.values() if not options["only"] or j.name in options["only"]]
        self.stdout.write("worker: " + (", ".join(j.name for j in jobs) or "no jobs registered"))
        next_run = {job.name: 0.0 for job in jobs}
        while True:
            for job in jobs:
                if time.monotonic() >= next_run[job.name]:
                    self._run(job)
                    next_run[job.name] = time.monotonic() + job.every_seconds
            if options["once"]:
                return
            time.sleep(0.2)

    def _run(self, job):
        close_old_connections()
        try:
            job.func()
        except Exception:  # a failing job must not stop the others; it is retried at its next interval
            log.exception("job %s failed", job.name)
