"""`manage.py analytics_report <mall> --from --to --json`."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from analytics.models import Kind

from .conftest import make_event

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("analytics_report", *args, stdout=out)
    return out.getvalue()


def test_it_prints_the_documented_json_including_events_not_rolled_up(taman):
    day = taman.local_now().date()
    make_event(taman, day=day, visitor=1)
    make_event(taman, Kind.SEARCH, day=day, visitor=1, term="paspor", result_count=0)

    data = json.loads(run("taman", "--from", day.isoformat(), "--to", day.isoformat(), "--json"))

    assert list(data)[:6] == ["mall", "from", "to", "visitors", "page_views", "panels"]
    assert data["visitors"] == 1 and data["page_views"] == 1
    assert set(data["panels"]) == {
        "services", "booths", "agencies", "scenes", "outbound", "searches", "zero_result_searches", "devices", "days"
    }  # fmt: skip
    assert data["panels"]["zero_result_searches"] == {"paspor": 1}


def test_it_prints_a_short_text_without_json(taman):
    day = datetime.date(2026, 11, 1)

    assert "visitors 0, page views 0" in run("taman", "--from", day.isoformat(), "--to", day.isoformat())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere", "--from", "2026-11-01", "--to", "2026-11-02"], "no mall"),
        (["taman", "--from", "1 Nov", "--to", "2026-11-02"], "--from: “1 Nov” bukan tanggal"),
        (["taman", "--from", "2026-11-03", "--to", "2026-11-02"], "must not be before"),
    ],
)
def test_it_rejects_bad_arguments_with_a_clear_message(taman, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
