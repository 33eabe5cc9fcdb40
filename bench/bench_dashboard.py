"""Dashboard panels over a year of data on PostgreSQL: a generator writes 20 M raw events over 12 months
for 3 malls and the daily rollups (generate_series, uniform worst case), then every panel the dashboard
and the report read is timed (p50/p95 over repeated runs, 30-day and 12-month periods, one mall and all
three side by side), plus rolling up one day of 100,000 events with the real rollup code.

Database bench_dashboard on the PostgreSQL at 127.0.0.1:5432, dropped at the end. Nothing is asserted.
Environment: BENCH_EVENTS (20000000), BENCH_REPEAT (20).
"""

import datetime
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB = "bench_dashboard"
EVENTS = int(os.environ.get("BENCH_EVENTS", "20000000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "20"))
DAY_EVENTS = 100_000


def psql(sql, db="postgres"):
    return subprocess.run(["psql", f"{PG}/{db}", "-qtAc", sql], capture_output=True, text=True, check=True).stdout


def timed(label, func):
    started = time.perf_counter()
    result = func()
    print(f"  {label}: {time.perf_counter() - started:.1f} s", flush=True)
    return result


def setup_django():
    os.environ["DATABASE_URL"] = f"{PG}/{DB}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mppvirtual.settings")
    os.environ.setdefault("MPP_VAR_DIR", "/tmp/bench-dashboard-var")
    Path(os.environ["MPP_VAR_DIR"]).mkdir(exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo", catalog_only=True, verbosity=0)
    from malls.models import Mall

    taman = Mall.objects.get(slug="taman")
    third, _ = Mall.objects.get_or_create(
        slug="krian",
        defaults={"name": "MPP Virtual Krian", "region": "Kecamatan Krian", "kabupaten": taman.kabupaten,
                  "kabupaten_code": taman.kabupaten_code},
    )  # fmt: skip
    return list(Mall.objects.filter(slug__in=["taman", "sukodono", "krian"]).order_by("id"))


def generate(malls, today):
    """Raw events with a weekday rhythm and office hours over the last 365 days, two INSERTs in parallel."""
    from django.db import connection

    with connection.cursor() as c:
        c.execute("ALTER TABLE analytics_event SET UNLOGGED")
        c.execute("SELECT conname FROM pg_constraint WHERE conrelid = 'analytics_event'::regclass AND contype = 'u'")
        for (name,) in c.fetchall():
            c.execute(f'ALTER TABLE analytics_event DROP CONSTRAINT "{name}"')
        c.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'analytics_event' AND indexname <> 'analytics_event_pkey'"
        )
        for (name,) in c.fetchall():
            c.execute(f'DROP INDEX "{name}"')
    start = today - datetime.timedelta(days=364)
    ids = ",".join(str(m.id) for m in malls)
    half = EVENTS // 2
    parts = [(1, half), (half + 1, EVENTS)]
    threads = [threading.Thread(target=_insert_events, args=(ids, start, a, b)) for a, b in parts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def _insert_events(ids, start, first, last):
    import psycopg

    sql = f"""
            INSERT INTO analytics_event (event_id, mall_id, ts, day, hour, kind, visitor, device, service_id,
                booth_id, agency_id, scene_id, channel_id, term, result_count, referrer)
            SELECT md5(g::text)::uuid, m, (d + make_interval(hours => h - 7))::timestamptz, d, h, k,
                   (random() * 2000)::bigint + d_off * 100000, (1 + (g %% 3)),
                   CASE WHEN k IN (1, 4, 6) AND g %% 4 <> 0 THEN 1 + (g * 7) %% 400 END,
                   CASE WHEN k IN (1, 3) AND g %% 4 = 0 THEN 1 + (g * 11) %% 40 END,
                   CASE WHEN k IN (1, 4, 6) THEN 1 + (g * 13) %% 60 END,
                   CASE WHEN k = 2 THEN 1 + (g * 17) %% 120 END,
                   CASE WHEN k = 6 THEN 1 + (g * 19) %% 80 END,
                   CASE WHEN k = 7 THEN 'term ' || ((g * 23) %% 500)::text ELSE '' END,
                   CASE WHEN k = 7 THEN (g * 29) %% 6 END,
                   CASE WHEN k = 1 AND g %% 5 = 0 THEN 'host' || (g %% 50)::text || '.example' ELSE '' END
            FROM (
                SELECT g, (ARRAY[{ids}])[1 + (g %% 3)] AS m,
                       (g %% 365) AS d_off, '{start}'::date + (g %% 365) AS d,
                       (ARRAY[8,8,9,9,9,10,10,10,11,11,12,13,13,14,14,15,16,19,20,21])[1 + (g * 31) %% 20] AS h,
                       (ARRAY[1,1,1,1,1,2,2,3,4,6,7])[1 + (g * 37) %% 11] AS k
                FROM generate_series(%s, %s) AS g
            ) s
"""
    with psycopg.connect(f"{PG}/{DB}") as conn:
        conn.execute("SET synchronous_commit = off")
        conn.execute("SET TimeZone = 'UTC'")
        conn.execute(sql, [first, last])


def rebuild_indexes():
    from django.db import connection

    with connection.cursor() as c:
        c.execute("SET maintenance_work_mem = '512MB'")
        c.execute("ALTER TABLE analytics_event ADD CONSTRAINT analytics_event_event_id_key UNIQUE (event_id)")
        c.execute("CREATE INDEX event_mall_day ON analytics_event (mall_id, day)")
        c.execute("ANALYZE analytics_event")


def generate_rollups(malls, today):
    """Rollup rows for every mall-day, generated directly and sized as the uniform worst case: per mall-day
    400 services, 40 booths, 60 agencies, 120 scenes, 80 channels, 500 search terms, 50 referrers, 24 hours."""
    from django.db import connection

    from analytics.models import RollupState
    from analytics.panels import PANELS
    from analytics.reporting import ROLLUP_STATE

    start = today - datetime.timedelta(days=364)
    ids = ",".join(str(m.id) for m in malls)
    days = f"(SELECT m, '{start}'::date + d AS day FROM unnest(ARRAY[{ids}]) m, generate_series(0, 364) d) md"
    statements = [
        f"INSERT INTO analytics_dailytotal (mall_id, day, visitors, page_views, events) SELECT m, day, 1500 + (random() * 900)::int, 9000 + (random() * 4000)::int, 18000 FROM {days}",
        f"INSERT INTO analytics_dailyservice (mall_id, day, service_id, agency_id, views, handoffs) SELECT m, day, s, 1 + s %% 60, (random() * 40)::int, (random() * 10)::int FROM {days}, generate_series(1, 400) s",
        f"INSERT INTO analytics_dailybooth (mall_id, day, booth_id, views) SELECT m, day, b, (random() * 80)::int FROM {days}, generate_series(1, 40) b",
        f"INSERT INTO analytics_dailyagency (mall_id, day, agency_id, views) SELECT m, day, a, (random() * 200)::int FROM {days}, generate_series(1, 60) a",
        f"INSERT INTO analytics_dailyscene (mall_id, day, scene_id, views) SELECT m, day, x, (random() * 30)::int FROM {days}, generate_series(1, 120) x",
        f"INSERT INTO analytics_dailyoutbound (mall_id, day, channel_id, agency_id, clicks) SELECT m, day, c, 1 + c %% 60, (random() * 20)::int FROM {days}, generate_series(1, 80) c",
        f"INSERT INTO analytics_dailysearch (mall_id, day, term, searches, zero_results) SELECT m, day, 'term ' || t, (random() * 10)::int, (random() * 2)::int FROM {days}, generate_series(1, 500) t",
        f"INSERT INTO analytics_dailydevice (mall_id, day, device, visitors) SELECT m, day, d, (random() * 900)::int FROM {days}, generate_series(1, 3) d",
        f"INSERT INTO analytics_dailyreferrer (mall_id, day, host, views) SELECT m, day, 'host' || h || '.example', (random() * 40)::int FROM {days}, generate_series(1, 50) h",
        f"INSERT INTO analytics_dailyhour (mall_id, day, hour, weekday, views) SELECT m, day, h, extract(isodow FROM day)::int - 1, (random() * 900)::int FROM {days}, generate_series(0, 23) h",
    ]
    with connection.cursor() as c:
        for sql in statements:
            c.execute(sql, [])
        c.execute("SELECT max(id) FROM analytics_event")
        top = c.fetchone()[0]
    # Everything generated counts as rolled up ...
    RollupState.objects.update_or_create(name=ROLLUP_STATE, defaults={"last_event_pk": top})
    # ... except the last minute of traffic: 1,000 events per mall today, counted live from raw events.
    with connection.cursor() as c:
        c.execute(
            f"""
            INSERT INTO analytics_event (event_id, mall_id, ts, day, hour, kind, visitor, device, service_id,
                booth_id, agency_id, scene_id, channel_id, term, result_count, referrer)
            SELECT md5('live' || g::text)::uuid, (ARRAY[{ids}])[1 + g %% 3], now(), %s, 10, k,
                   (random() * 2000)::bigint, 1 + g %% 3, CASE WHEN k IN (1, 4, 6) THEN 1 + g %% 400 END,
                   CASE WHEN k = 3 THEN 1 + g %% 40 END, CASE WHEN k IN (1, 4, 6) THEN 1 + g %% 60 END,
                   CASE WHEN k = 2 THEN 1 + g %% 120 END, CASE WHEN k = 6 THEN 1 + g %% 80 END,
                   CASE WHEN k = 7 THEN 'term ' || (g %% 500) ELSE '' END, CASE WHEN k = 7 THEN g %% 5 END, ''
            FROM (SELECT g, (ARRAY[1,1,1,2,3,4,6,7])[1 + g %% 8] AS k FROM generate_series(1, 3000) g) s
            """,
            [today],
        )
    with connection.cursor() as c:
        for table in [p.model._meta.db_table for p in PANELS.values()] + ["analytics_event"]:
            c.execute(f"VACUUM ANALYZE {table}")  # what autovacuum does on a live system


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def time_panels(malls, today):
    from analytics import dashboard
    from analytics.reporting import Figures, report

    periods = {"30 days": dashboard.Period("30d", today - datetime.timedelta(days=29), today),
               "12 months": dashboard.Period("custom", today - datetime.timedelta(days=364), today)}  # fmt: skip
    mall = malls[0]
    panels = {
        "totals": lambda f: f.totals(),
        "trend (days)": lambda f: f.days(),
        "services": lambda f: f.services(),
        "booths": lambda f: f.count_by("booths", "booth_id", "views"),
        "agencies": lambda f: f.count_by("agencies", "agency_id", "views"),
        "scenes": lambda f: f.count_by("scenes", "scene_id", "views"),
        "outbound": lambda f: f.count_by("outbound", "channel_id", "clicks"),
        "searches": lambda f: f.searches(),
        "devices": lambda f: f.devices(),
        "referrers": lambda f: f.count_by("referrers", "host", "views"),
        "hours": lambda f: f.hours(),
    }
    print(f"\npanel timings, p50 / p95 over {REPEAT} runs (ms); rollups + the last minute's 1,000 raw events per mall")
    print(f"  {'panel':<34}{'30 days':>18}{'12 months':>18}")
    worst = 0.0
    rows = list(panels.items()) + [
        ("whole dashboard page (all panels)", None),
        ("analytics_report JSON", None),
        ("district view, 3 malls", None),
    ]
    for name, func in rows:
        cells = []
        for period in periods.values():
            samples = []
            for _ in range(REPEAT):
                started = time.perf_counter()
                if name == "whole dashboard page (all panels)":
                    dashboard.mall_tables(mall, period)
                elif name == "analytics_report JSON":
                    report(mall, period.date_from, period.date_to)
                elif name == "district view, 3 malls":
                    dashboard.district_table(malls, period)
                else:
                    func(Figures([mall], period.date_from, period.date_to))
                samples.append((time.perf_counter() - started) * 1000)
            p95 = percentile(samples, 95)
            if func is not None:
                worst = max(worst, p95)
            cells.append(f"{statistics.median(samples):7.1f} / {p95:7.1f}")
        print(f"  {name:<34}{cells[0]:>18}{cells[1]:>18}", flush=True)
    print(f"  slowest single panel p95: {worst:.1f} ms")


def time_rollup_of_one_day(mall, today):
    """Insert 100,000 events on one day, then fold them with the real rollup code (rollup_days)."""
    from django.db import connection

    from analytics.actions import rollup_days

    day = today - datetime.timedelta(days=400)
    with connection.cursor() as c:
        c.execute(
            """
            INSERT INTO analytics_event (event_id, mall_id, ts, day, hour, kind, visitor, device, service_id,
                booth_id, agency_id, scene_id, channel_id, term, result_count, referrer)
            SELECT md5('day' || g::text)::uuid, %s, %s::date + make_interval(hours => 3), %s, 10, k,
                   (random() * 3000)::bigint, 1 + g %% 3,
                   CASE WHEN k IN (1, 4, 6) THEN 1 + g %% 400 END, CASE WHEN k = 3 THEN 1 + g %% 40 END,
                   CASE WHEN k IN (1, 4, 6) THEN 1 + g %% 60 END, CASE WHEN k = 2 THEN 1 + g %% 120 END,
                   CASE WHEN k = 6 THEN 1 + g %% 80 END, CASE WHEN k = 7 THEN 'term ' || (g %% 300) ELSE '' END,
                   CASE WHEN k = 7 THEN g %% 5 END, ''
            FROM (SELECT g, (ARRAY[1,1,1,2,3,4,6,7])[1 + g %% 8] AS k FROM generate_series(1, %s) g) s
            """,
            [mall.id, day, day, DAY_EVENTS],
        )
    started = time.perf_counter()
    rollup_days({(mall.id, day)})
    print(
        f"\nrolling up one day of {DAY_EVENTS:,} events (rollup_days, 10 panels): {time.perf_counter() - started:.2f} s"
    )


def sizes():
    out = psql(
        "SELECT relname, pg_size_pretty(pg_total_relation_size(oid)), reltuples::bigint FROM pg_class "
        "WHERE relname LIKE 'analytics_%' AND relkind = 'r' ORDER BY pg_total_relation_size(oid) DESC",
        DB,
    )
    print("\ntable sizes:")
    for line in out.strip().splitlines():
        name, size, rows = line.split("|")
        print(f"  {name:<28}{size:>10}  ~{int(rows):,} rows")


def main():
    print(f"load average: {os.getloadavg()[0]:.1f} (other processes share these cores)")
    psql(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
    psql(f"CREATE DATABASE {DB}")
    try:
        malls = setup_django()
        today = malls[0].local_now().date()
        print(f"generating {EVENTS:,} events over 365 days for {len(malls)} malls:")
        timed("raw events (generate_series, indexes dropped)", lambda: generate(malls, today))
        timed("indexes rebuilt", rebuild_indexes)
        timed("rollups generated (uniform worst case)", lambda: generate_rollups(malls, today))
        sizes()
        time_panels(malls, today)
        time_rollup_of_one_day(malls[2], today)
    finally:
        from django.db import connections

        connections.close_all()
        psql(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")


if __name__ == "__main__":
    main()
