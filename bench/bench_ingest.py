"""Ingest throughput in the production setup on this machine: the beacon server (bin/serve-ingest) +
Redis stream + PostgreSQL, the batch writer draining beside it, load from wrk on loopback (60 s); then,
for comparison, the single-server shapes (gunicorn serving the whole site). Prints events/s, latency
percentiles, acknowledged vs stored (lost = acknowledged but not stored), and the ratio to an almost
empty endpoint of the same server. Nothing is asserted.

Starts its own redis-server (appendonly yes, appendfsync always: an acknowledged event is on disk) on a
free port and uses the PostgreSQL at 127.0.0.1:5432 (database bench_ingest, dropped afterwards).
Environment: BENCH_SECONDS (60; the two single-server shapes run a quarter of it), BENCH_CONNECTIONS (32),
BENCH_WORKERS (2).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.tests.servers import Redis, free_port, wait_until  # noqa: E402

SECONDS = int(os.environ.get("BENCH_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB = "bench_ingest"
STREAM = "mpp:analytics"

LUA = r"""
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end
function init(args)
  math.randomseed(os.time() * 1000 + tid * 7919 + math.floor(os.clock() * 1e6))
end
local function hex(n)
  local s = ""
  for i = 1, n do s = s .. string.format("%x", math.random(0, 15)) end
  return s
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain"
wrk.headers["User-Agent"] = "Mozilla/5.0 (Linux; Android 13; SM-A145F) Chrome/120.0 Mobile Safari/537.36"
request = function()
  local id = hex(8) .. "-" .. hex(4) .. "-4" .. hex(3) .. "-a" .. hex(3) .. "-" .. hex(12)
  local body = '{"id":"' .. id .. '","mall":"taman","event":"scene_view","scene":"front-office"}'
  return wrk.format(nil, "/e", nil, body)
end
"""


def psql(sql, db="postgres"):
    return subprocess.run(
        ["psql", f"{PG}/{db}", "-qtAc", sql], capture_output=True, text=True, check=True
    ).stdout.strip()


def wrk(url, seconds, script=None, connections=CONNECTIONS, headers=()):
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    for h in headers:
        args += ["-H", h]
    if script:
        args += ["-s", script]
    out = subprocess.run([*args, url], capture_output=True, text=True).stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    lat = dict(re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+\w+)", out, re.M))
    return {
        "requests": requests,
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "errors": sum(map(int, errors.groups())) if errors else 0,
        "latency": lat,
    }


def start_app(env, shape, port, log):
    """The production ingest server (bin/serve-ingest) or a gunicorn shape serving the whole site."""
    if shape == "ingest-server":
        env = {**env, "INGEST_PORT": str(port), "INGEST_WORKERS": str(WORKERS)}
        return subprocess.Popen([str(ROOT / "bin/serve-ingest")], cwd=ROOT, env=env, stdout=log, stderr=log)
    return subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), shape, "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS),
         "--threads", "8", "--worker-class", "gthread", "--backlog", "2048"],
        cwd=ROOT, env=env, stdout=log, stderr=log,
    )  # fmt: skip


SHAPES = [
    ("production: bin/serve-ingest (analytics.asgi on granian, group commit)", "ingest-server", 1),
    ("one server, as make run: analytics.wsgi on gunicorn, before the middleware", "analytics.wsgi:application", 4),
    ("through the full Django view: mppvirtual.wsgi on gunicorn", "mppvirtual.wsgi:application", 4),
]  # (label, shape, fraction of BENCH_SECONDS)


def main():
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "wrk"], capture_output=True)
    folder = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    (folder / "var").mkdir()
    redis = Redis(folder)  # private, appendonly + appendfsync always, as in production
    env = {
        **os.environ,
        "DATABASE_URL": f"{PG}/{DB}",
        "REDIS_URL": redis.url,
        "ANALYTICS_STREAM": STREAM,
        "CACHE_IN_REDIS": "false",
        "MPP_VAR_DIR": str(folder / "var"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "mppvirtual.settings",
    }
    psql(f"DROP DATABASE IF EXISTS {DB}")
    psql(f"CREATE DATABASE {DB}")
    log = open(folder / "server.log", "ab")
    procs = []
    try:
        setup = (
            "import django; django.setup(); from django.core.management import call_command; "
            "call_command('migrate', interactive=False, verbosity=0); "
            "call_command('load_demo', catalog_only=True, verbosity=0)"
        )
        done = subprocess.run([sys.executable, "-c", setup], cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"setup failed: {done.stderr[-2000:]}")
        script = folder / "post.lua"
        script.write_text(LUA)
        print(f"load average before the run: {os.getloadavg()[0]:.1f} (other processes share these cores)")
        print(f"setup: {WORKERS} server workers, Redis stream (appendonly, appendfsync always), batch writer, "
              f"PostgreSQL {DB}; wrk -t2 -c{CONNECTIONS}; {os.cpu_count()} CPUs")  # fmt: skip

        results = {}
        for label, shape, fraction in SHAPES:
            seconds = max(10, SECONDS // fraction)
            port = free_port()
            app = start_app(env, shape, port, log)
            writer = subprocess.Popen(
                [sys.executable, "manage.py", "run_worker", "--only", "analytics-batch-writer"],
                cwd=ROOT, env=env, stdout=log, stderr=log,
            )  # fmt: skip
            procs += [app, writer]
            base = f"http://127.0.0.1:{port}"
            health = f"{base}/healthz/live"
            if not wait_until(
                lambda url=health: subprocess.run(["curl", "-sfo", "/dev/null", url]).returncode == 0, 60
            ):
                raise SystemExit("server did not start: " + (folder / "server.log").read_text()[-2000:])
            origin = [f"Origin: {base}"]
            wrk(base + "/e", 3, str(script), headers=origin)  # warm-up (not counted below)
            wait_until(lambda: _stream_len(redis) == 0, 60)
            time.sleep(2)  # the writer's last batch commits
            before = int(psql("SELECT count(*) FROM analytics_event", DB) or 0)
            stream_before = _stream_len(redis)
            run = wrk(base + "/e", seconds, str(script), headers=origin)
            acked = run["requests"] - run["non2xx"]
            stored = _wait_stored(redis, before, acked)
            empty = wrk(base + "/healthz/live", 10)
            results[label] = (run, acked, stored, empty)
            print(f"\n{label}, {seconds} s:")
            print(f"  events acknowledged (202): {acked}  ({run['rate']:.0f} events/s)")
            print(f"  non-202 answers: {run['non2xx']}, socket errors/timeouts: {run['errors']}")
            print(f"  latency p50 {run['latency'].get('50')}  p90 {run['latency'].get('90')}  "
                  f"p99 {run['latency'].get('99')}")  # fmt: skip
            print(f"  stored in PostgreSQL: {stored}; lost (acknowledged, not stored): {max(0, acked - stored)}")
            print(f"  stream entries before/after the run: {stream_before} -> {_stream_len(redis)} (drained)")
            print(f"  empty endpoint (/healthz/live, GET) on the same server: {empty['rate']:.0f} req/s, "
                  f"p99 {empty['latency'].get('99')}; ingest / empty = {run['rate'] / empty['rate']:.2f}")  # fmt: skip
            for p in (app, writer):
                p.terminate()
                p.wait(15)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
        redis.stop()
        time.sleep(1)
        psql(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        shutil.rmtree(folder, ignore_errors=True)


def _stream_len(redis):
    out = subprocess.run(["redis-cli", "-p", str(redis.port), "XLEN", STREAM], capture_output=True, text=True).stdout
    return int(out.strip() or 0)


def _wait_stored(redis, before, acked, timeout=180):
    """Wait for the batch writer to drain the stream; returns events stored by the measured run."""
    deadline = time.monotonic() + timeout
    stored = 0
    while time.monotonic() < deadline:
        stored = int(psql("SELECT count(*) FROM analytics_event", DB)) - before
        if stored >= acked and _stream_len(redis) == 0:
            break
        time.sleep(1)
    return stored


if __name__ == "__main__":
    main()
