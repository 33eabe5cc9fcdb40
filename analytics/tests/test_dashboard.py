"""The staff dashboard: scoped by role, every panel as chart and table, exports of every panel."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from analytics.models import Kind

from .conftest import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def traffic(taman):
    """A Dispendukcapil service and a Polresta service, viewed yesterday, plus a search with no result."""
    day = taman.local_now().date() - datetime.timedelta(days=1)
    dukcapil = taman.services.filter(agency__slug="dispendukcapil", status="published").first()
    polresta = taman.services.filter(agency__slug="polresta-sidoarjo", status="published").first()
    for service, n in ((dukcapil, 3), (polresta, 2)):
        for v in range(n):
            make_event(taman, day=day, visitor=v, service_id=service.id, agency_id=service.agency_id)
    make_event(taman, Kind.SEARCH, day=day, term="bansos", result_count=0)
    return {"dukcapil": dukcapil, "polresta": polresta}


def test_anonymous_visitors_are_sent_to_the_staff_login(client, taman):
    response = client.get("/staf/taman/dasbor/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_mall_admin_sees_every_panel(client, personas, traffic):
    client.force_login(personas["budi"])

    page = client.get("/staf/taman/dasbor/").content.decode()

    for heading in [
        "Layanan yang paling dicari",
        "Booth yang dibuka",
        "Kata pencarian",
        "Pencarian tanpa hasil",
        "Perangkat",
    ]:
        assert heading in page
    assert traffic["dukcapil"].name in page and traffic["polresta"].name in page
    assert "bansos" in page
    assert "<svg" in page and "<table" in page


def test_an_agency_operator_sees_only_their_own_agency(client, personas, traffic):
    client.force_login(personas["citra"])

    page = client.get("/staf/taman/dasbor/").content.decode()

    assert traffic["dukcapil"].name in page
    assert traffic["polresta"].name not in page
    assert "bansos" not in page
    assert "Anda melihat angka instansi Anda saja" in page


def test_staff_get_404_for_a_mall_they_may_not_see(client, personas, sukodono):
    client.force_login(personas["budi"])

    assert client.get("/staf/sukodono/dasbor/").status_code == 404
    assert client.get("/staf/sukodono/dasbor/services.csv").status_code == 404


def test_the_district_admin_sees_all_malls_side_by_side(client, personas, traffic, sukodono):
    client.force_login(personas["ani"])

    page = client.get("/staf/dasbor/").content.decode()

    assert "Semua mal" in page
    assert "MPP Virtual Taman" in page or "Taman" in page
    assert sukodono.name in page


def test_a_bad_custom_period_shows_a_message_instead_of_failing(client, personas, taman):
    client.force_login(personas["budi"])

    response = client.get("/staf/taman/dasbor/?period=custom&from=2026-13-01&to=x")

    assert response.status_code == 200
    assert "Tanggal tidak sah" in response.content.decode()


def test_the_english_dashboard_is_in_english(client, personas, traffic):
    client.force_login(personas["budi"])

    page = client.get("/en/staf/taman/dasbor/").content.decode()

    assert "Most searched services" in page
    assert "Layanan yang paling dicari" not in page


def test_each_panel_exports_as_csv(client, personas, traffic):
    client.force_login(personas["budi"])

    response = client.get("/staf/taman/dasbor/services.csv?period=7d")

    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Layanan,Instansi,Dilihat")
    assert lines[1].startswith(traffic["dukcapil"].name)
    assert lines[1].split(",")[2] == "3"


def test_all_panels_export_as_one_workbook(client, personas, traffic):
    client.force_login(personas["budi"])

    response = client.get("/staf/taman/dasbor/all.xlsx")

    book = load_workbook(io.BytesIO(response.content))
    assert {"trend", "services", "searches", "zero_results", "hours"} <= set(book.sheetnames)
    assert book["zero_results"]["A2"].value == "bansos"


def test_an_operator_cannot_export_panels_outside_their_agency(client, personas, traffic):
    client.force_login(personas["citra"])

    assert client.get("/staf/taman/dasbor/searches.csv").status_code == 404
    rows = client.get("/staf/taman/dasbor/services.json").json()["panels"]["services"]["rows"]
    assert [r[0] for r in rows] == [traffic["dukcapil"].name]


def test_the_all_malls_view_sends_an_agency_operator_to_their_own_mall(client, personas):
    client.force_login(personas["citra"])

    response = client.get("/staf/dasbor/")

    assert response.status_code == 302
    assert response["Location"] == "/staf/taman/dasbor/"
