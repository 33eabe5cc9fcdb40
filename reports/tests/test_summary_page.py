"""The summary web page for staff: scoped by mall, any period, both languages, clear errors."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

NOVEMBER = "dari=2026-11-01&sampai=2026-11-30"


def summary_url(mall="taman"):
    return reverse("reports-summary", args=[mall])


def test_anonymous_visitors_are_sent_to_the_login(client, surveyed):
    response = client.get(summary_url())
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_mall_admin_reads_the_summary(client, personas, surveyed):
    client.force_login(personas["budi"])
    response = client.get(f"{summary_url()}?{NOVEMBER}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "November 2026" in html and "40 responden" in html
    assert "<svg" in html and "2,50" in html
    assert 'href="/staf/ringkasan/taman/pdf/?' in html


def test_it_shows_the_summary_in_english(client, personas, surveyed):
    client.force_login(personas["budi"])
    html = client.get(f"{summary_url()}?{NOVEMBER}&lang=en").content.decode()
    assert 'lang="en"' in html and "Findings and recommendations" in html and "Temuan dan" not in html


def test_staff_of_another_mall_do_not_see_it(client, personas, surveyed, sukodono):
    client.force_login(personas["budi"])
    assert client.get(summary_url("sukodono")).status_code == 404


def test_a_bad_period_is_explained_not_crashed(client, personas, surveyed):
    client.force_login(personas["budi"])
    response = client.get(f"{summary_url()}?periode=2026-13")
    assert response.status_code == 400
    assert "Periode tidak dikenal" in response.content.decode()
    assert client.get(f"{reverse('reports-summary-pdf', args=['taman'])}?dari=x").status_code == 400


def test_staff_download_the_pdf(client, personas, surveyed):
    client.force_login(personas["budi"])
    response = client.get(f"{reverse('reports-summary-pdf', args=['taman'])}?{NOVEMBER}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_staff_enter_the_people_served_when_there_are_no_visitor_figures(client, personas, surveyed):
    client.force_login(personas["budi"])
    html = client.get(f"{summary_url()}?{NOVEMBER}&dilayani=1000").content.decode()
    assert "perlu paling sedikit 278" in html  # Krejcie-Morgan for N = 1000; 40 answered
    assert "dilayani=1000" in html  # kept for the PDF link


def test_the_district_admin_reads_each_mall_summary(client, personas, surveyed):
    client.force_login(personas["ani"])
    assert client.get(f"{summary_url()}?{NOVEMBER}").status_code == 200


def test_agency_operators_do_not_read_the_whole_mall_summary(client, personas, surveyed):
    client.force_login(personas["citra"])
    assert client.get(summary_url()).status_code == 403
    assert client.get(reverse("reports-summary-pdf", args=["taman"])).status_code == 403


def test_a_year_view_shows_the_ikm_month_by_month(client, personas, surveyed):
    import datetime

    from .conftest import add_answers

    add_answers(surveyed, "dispenduk", [2] * 9, 5, day=datetime.date(2026, 3, 2))
    client.force_login(personas["budi"])
    html = client.get(f"{summary_url()}?periode=2026").content.decode()
    assert "Tahun 2026" in html and "IKM per bulan" in html
    assert "50,00" in html  # March: five answers of 2 -> 2 x 25
