"""Private server processes for the reliability tests: PostgreSQL, Redis, the app under gunicorn (and
the beacon server), the worker, each on a free port in a temporary folder, so the shared servers are never touched."""

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")
VENV_BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, timeout, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except Exception:  # noqa: BLE001 - not up yet
            pass
        time.sleep(interval)
    return False


def as_postgres(*args):
    prefix = [] if os.geteuid() != 0 else ["runuser", "-u", "postgres", "--"]
    return subprocess.run([*prefix, *map(str, args)], check=True, capture_output=True, text=True)


class Postgres:
    """A throwaway PostgreSQL 15 cluster (initdb + pg_ctl), trust authentication, fsync on."""

    def __init__(self):
        # Its own folder outside pytest's (root-only) tmp tree: the server runs as the postgres user.
        self.folder = Path(tempfile.mkdtemp(prefix="mpp-pg-"))
        os.chmod(self.folder, 0o755)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self.port = free_port()
        as_postgres(PG_BIN / "initdb", "-D", self.folder / "data", "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()
        as_postgres(PG_BIN / "createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", "app")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/app"

    def start(self):
        as_postgres(
            PG_BIN / "pg_ctl", "-D", self.folder / "data", "-l", self.folder / "log", "-w", "-t", "30",
            "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1", "start",
        )  # fmt: skip

    def stop(self, mode="immediate"):
        as_postgres(PG_BIN / "pg_ctl", "-D", self.folder / "data", "-m", mode, "-w", "stop")

    def remove(self):
        self.stop("fast")
        shutil.rmtree(self.folder, ignore_errors=True)

    def count_events(self):
        import psycopg

        with psycopg.connect(self.url, connect_timeout=3) as conn:
            return {r[0].hex for r in conn.execute("SELECT event_id FROM analytics_event")}


class Redis:
    """redis-server with an fsync'ed append-only file, so what it acknowledged survives a restart."""

    def __init__(self, folder):
        self.folder = Path(folder) / "redis"
        self.folder.mkdir(parents=True)
        self.port = free_port()
        self.process = None
        self.start()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes",
             "--appendfsync", "always", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        assert wait_until(lambda: socket.create_connection(("127.0.0.1", self.port), 0.2).close() or True, 10)

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


class App:
    """gunicorn serving the project plus `manage.py run_worker`, both with their own environment."""

    def __init__(self, folder, **env):
        self.folder = Path(folder)
        self.env = {
            **os.environ,
            "MPP_VAR_DIR": str(self.folder / "var"),
            "CACHE_IN_REDIS": "false",
            "DJANGO_SETTINGS_MODULE": "mppvirtual.settings",
            "PYTHONDONTWRITEBYTECODE": "1",
            **env,
        }
        if "DATABASE_URL" not in env:
            self.env.pop("DATABASE_URL", None)  # SQLite in the app's own folder
        (self.folder / "var").mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.processes = []

    def setup(self, template=None):
        """Migrate and load the demo catalog (one Python start-up), or copy a SQLite file made so before."""
        db_file = self.folder / "var" / "mppvirtual.sqlite3"
        if template is not None:
            shutil.copy(template, db_file)
            return
        script = (
            "import django; django.setup(); from django.core.management import call_command; "
            "call_command('migrate', interactive=False, verbosity=0); "
            "call_command('load_demo', catalog_only=True, verbosity=0)"
        )
        done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=self.env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-3000:]
        return db_file

    def start(self, workers=2, ingest_server=False):
        """gunicorn + the batch writer; with `ingest_server`, also bin/serve-ingest on `self.ingest_port`."""
        log = open(self.folder / "app.log", "ab")
        gunicorn = [
            VENV_BIN / "gunicorn", "mppvirtual.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(workers), "--threads", "4", "--worker-class", "gthread",
        ]  # fmt: skip
        writer = [sys.executable, "manage.py", "run_worker", "--only", "analytics-batch-writer"]
        for command in (gunicorn, writer):
            self.processes.append(subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=log))
        ports = [self.port]
        if ingest_server:
            self.ingest_port = free_port()
            env = {**self.env, "INGEST_PORT": str(self.ingest_port), "INGEST_WORKERS": "1"}
            self.processes.append(
                subprocess.Popen([ROOT / "bin" / "serve-ingest"], cwd=ROOT, env=env, stdout=log, stderr=log)
            )
            ports.append(self.ingest_port)
        for port in ports:
            up = wait_until(lambda p=port: urllib.request.urlopen(f"http://127.0.0.1:{p}/healthz/live", timeout=1), 30)
            assert up, (self.folder / "app.log").read_text()[-3000:]

    def log(self):
        return (self.folder / "app.log").read_text(errors="replace")

    def stop(self):
        for p in self.processes:
            p.terminate()
        for p in self.processes:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()

    def sqlite_events(self):
        with sqlite3.connect(self.folder / "var" / "mppvirtual.sqlite3") as conn:
            return {uuid.UUID(r[0]).hex for r in conn.execute("SELECT event_id FROM analytics_event")}


class Load:
    """Posts scene views at a steady rate from a thread; remembers the ids it sent and those acknowledged (202)."""

    def __init__(self, port, rate):
        self.port, self.rate = port, rate
        self.sent, self.acked, self.statuses = [], [], []
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self.thread.join(30)

    def post(self, conn):
        event_id = str(uuid.uuid4())
        self.sent.append(event_id)
        body = json.dumps({"id": event_id, "mall": "taman", "event": "scene_view", "scene": "front-office"})
        headers = {
            "Origin": f"http://127.0.0.1:{self.port}",
            "User-Agent": "Mozilla/5.0 (Linux; Android 13) Chrome/120.0 Mobile Safari/537.36",
            "Content-Type": "text/plain",
        }
        conn.request("POST", "/e", body, headers)
        response = conn.getresponse()
        response.read()
        self.statuses.append(response.status)
        if response.status == 202:
            self.acked.append(event_id)
        return response

    def _run(self):
        conn = HTTPConnection("127.0.0.1", self.port, timeout=5)
        started = time.monotonic()
        sent = 0
        while not self._stop.is_set():
            try:
                self.post(conn)
            except OSError:
                conn.close()
                conn = HTTPConnection("127.0.0.1", self.port, timeout=5)
                self.statuses.append(0)
            sent += 1
            delay = started + sent / self.rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
