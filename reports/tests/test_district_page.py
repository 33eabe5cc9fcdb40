"""The district view compares every mall of a kabupaten."""

import pytest
from django.urls import reverse

from .conftest import add_answers

pytestmark = pytest.mark.django_db


def district_url(mall):
    return reverse("reports-district", args=[mall.kabupaten_code]) + "?periode=2026-11"


def test_the_district_admin_compares_the_malls(client, personas, surveyed, sukodono):
    add_answers(sukodono, sukodono.booths.filter(kind="services").first().slug, [2] * 9, 5)
    client.force_login(personas["ani"])
    response = client.get(district_url(surveyed))
    html = response.content.decode()
    assert response.status_code == 200
    assert surveyed.name in html and sukodono.name in html
    assert "Perbandingan mal" in html
    assert "45" in html  # 40 + 5 respondents across the district


def test_a_mall_admin_may_not_open_the_district_view(client, personas, surveyed):
    client.force_login(personas["budi"])
    assert client.get(district_url(surveyed)).status_code == 403
