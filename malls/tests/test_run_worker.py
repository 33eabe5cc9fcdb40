from io import StringIO

import pytest
from django.core.management import call_command

from mppvirtual.lib import worker

# The worker closes stale database connections between jobs.
pytestmark = pytest.mark.django_db


def test_it_runs_every_registered_job_once(monkeypatch):
    calls = []
    monkeypatch.setattr(worker, "JOBS", {})
    worker.register("first", 60, lambda: calls.append("first"))
    worker.register("second", 60, lambda: calls.append("second"))
    out = StringIO()
    call_command("run_worker", once=True, stdout=out)
    assert calls == ["first", "second"]
    assert "first, second" in out.getvalue()


def test_a_failing_job_does_not_stop_the_others(monkeypatch):
    calls = []
    monkeypatch.setattr(worker, "JOBS", {})
    worker.register("broken", 60, lambda: 1 / 0)
    worker.register("healthy", 60, lambda: calls.append("healthy"))
    call_command("run_worker", once=True, stdout=StringIO())
    assert calls == ["healthy"]


def test_only_runs_the_named_jobs(monkeypatch):
    calls = []
    monkeypatch.setattr(worker, "JOBS", {})
    worker.register("a", 60, lambda: calls.append("a"))
    worker.register("b", 60, lambda: calls.append("b"))
    call_command("run_worker", once=True, only=["b"], stdout=StringIO())
    assert calls == ["b"]
