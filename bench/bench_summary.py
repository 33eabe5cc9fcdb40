"""Executive summary PDF for a year of the demo Taman mall: size and render time (printed, not asserted).

Reads the demo database in var/ (run `make setup` first) or MPP_VAR_DIR.
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mppvirtual.settings")

import django  # noqa: E402

django.setup()

from feedback.models import SurveyResponse  # noqa: E402
from malls.models import Mall  # noqa: E402
from reports.actions import render_summary_pdf  # noqa: E402
from reports.periods import Period  # noqa: E402

RUNS = 3


def main():
    mall = Mall.objects.filter(slug="taman").first()
    if mall is None:
        print("no demo mall 'taman': run `make setup` (or manage.py load_demo) first")
        sys.exit(1)
    today = mall.local_now().date()
    period = Period(today - datetime.timedelta(days=364), today)
    answers = SurveyResponse.objects.between(mall, period.date_from, period.date_to).count()
    print(f"period {period.date_from} – {period.date_to}, {answers} survey answers")
    for lang in ("id", "en"):
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            pdf = render_summary_pdf(mall, period, lang)
            timings.append(time.perf_counter() - started)
        print(
            f"summary PDF ({lang}): {len(pdf) / 1024:.0f} KB, render {min(timings):.2f} s best / "
            f"{statistics.median(timings):.2f} s median of {RUNS} (first {timings[0]:.2f} s); targets ≤ 1024 KB, ≤ 5 s"
        )


if __name__ == "__main__":
    main()
