"""The summary reads visitor figures from analytics: visitors and change, top services, unmet searches."""

import datetime
import subprocess

import pytest

from reports.actions import render_summary_pdf
from reports.periods import parse_range
from reports.summary import build_summary

from .conftest import NOVEMBER

analytics_models = pytest.importorskip("analytics.models")
make_event = pytest.importorskip("analytics.tests.conftest").make_event

pytestmark = pytest.mark.django_db
Kind = analytics_models.Kind


def visits(mall, day, visitors, **fields):
    for visitor in range(1, visitors + 1):
        make_event(mall, day=day, visitor=visitor, **fields)


@pytest.fixture
def visited(surveyed):
    ktp = surveyed.services.get(slug="ktp-el-baru")
    visits(surveyed, datetime.date(2026, 10, 15), 20, service_id=ktp.id, agency_id=ktp.agency_id)
    visits(surveyed, datetime.date(2026, 11, 15), 30, service_id=ktp.id, agency_id=ktp.agency_id)
    for visitor in range(1, 13):  # the same people, the same day: no extra visitors
        make_event(
            surveyed, Kind.SEARCH, day=datetime.date(2026, 11, 15), visitor=visitor, term="paspor", result_count=0
        )
    return surveyed


def test_the_summary_compares_visitors_with_the_month_before(visited):
    summary = build_summary(visited, parse_range(*NOVEMBER))
    assert summary["visitors"] == 30 and summary["visitors_before"] == 20
    assert summary["visitor_change"] == "+50%"
    assert summary["top_services"][0]["slug"] == "ktp-el-baru"
    assert summary["unmet"] == [("paspor", 12)]
    assert "unmet_searches" in [f.rule for f in summary["findings"]]


def test_the_pdf_holds_the_visitor_figures(visited, tmp_path):
    path = tmp_path / "summary.pdf"
    path.write_bytes(render_summary_pdf(visited, parse_range(*NOVEMBER)))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "+50% dari 20" in text
    assert "KTP-el baru" in text
    assert "“paspor”" in text
