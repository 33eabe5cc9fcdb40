"""A leader opens a summary through a signed link, without an account, until it expires."""

import time

import pytest
from django.core import signing
from django.urls import reverse

from reports import sharing

pytestmark = pytest.mark.django_db


def make_link(client, personas):
    client.force_login(personas["budi"])
    response = client.post(
        reverse("reports-summary-share", args=["taman"]), {"dari": "2026-11-01", "sampai": "2026-11-30"}
    )
    assert response.status_code == 200
    client.logout()
    link = response.context["share_url"]
    return link.split("testserver", 1)[1]


def test_a_leader_opens_the_summary_and_its_pdf_without_an_account(client, personas, surveyed):
    path = make_link(client, personas)
    response = client.get(path)
    assert response.status_code == 200
    assert "November 2026" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"
    pdf = client.get(path + "pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_link_expires(client, personas, surveyed, settings, monkeypatch):
    path = make_link(client, personas)
    assert client.get(path).status_code == 200
    real_time = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + settings.SUMMARY_LINK_MAX_AGE - 60)
    assert client.get(path).status_code == 200  # still valid on day 29
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + settings.SUMMARY_LINK_MAX_AGE + 60)
    response = client.get(path)
    assert response.status_code == 410
    assert "tidak berlaku" in response.content.decode()
    assert client.get(path + "pdf/").status_code == 410
    with pytest.raises(sharing.LinkError):
        sharing.read_token(path.strip("/").split("/")[1])


def test_a_tampered_link_is_refused(client, personas, surveyed):
    path = make_link(client, personas)
    assert client.get(path.replace("/ringkasan/", "/ringkasan/x")).status_code == 410
    assert client.get("/ringkasan/not-a-token/").status_code == 410


def test_only_staff_of_the_mall_can_make_a_link(client, personas, surveyed, sukodono):
    response = client.post(reverse("reports-summary-share", args=["taman"]), {"dari": "2026-11-01", "sampai": "x"})
    assert response.status_code == 302  # to the login
    client.force_login(personas["budi"])
    assert client.post(reverse("reports-summary-share", args=["sukodono"]), {}).status_code == 404
    assert client.post(reverse("reports-summary-share", args=["taman"]), {"dari": "x"}).status_code == 400
