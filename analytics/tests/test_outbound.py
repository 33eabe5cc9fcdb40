"""The "do it online" redirect: counts the click, then sends the citizen to the agency's channel."""

import pytest
from django.urls import reverse

from analytics.models import Event, Kind

from .conftest import BROWSER_UA, drain

pytestmark = pytest.mark.django_db


def online_service(taman):
    return taman.services.filter(status="published", online_channel__isnull=False).exclude(online_channel__url="")[0]


def test_it_redirects_to_the_channel_and_counts_the_service_it_came_from(client, taman):
    service = online_service(taman)
    channel = service.online_channel
    url = reverse("analytics-outbound", args=["taman", channel.id])
    referer = "http://testserver" + service.get_absolute_url()

    response = client.get(url, HTTP_USER_AGENT=BROWSER_UA, HTTP_REFERER=referer)
    drain()

    assert response.status_code == 302
    assert response["Location"] == channel.url
    event = Event.objects.get()
    assert event.kind == Kind.OUTBOUND
    assert (event.channel_id, event.service_id) == (channel.id, service.id)


def test_the_directory_links_go_through_the_redirect(client, taman):
    service = online_service(taman)

    page = client.get(service.get_absolute_url()).content.decode()

    assert reverse("analytics-outbound", args=["taman", service.online_channel_id]) in page


def test_it_answers_404_for_a_channel_of_another_mall_or_none(client, taman, sukodono):
    other = sukodono.channels.exclude(url="").first()

    assert client.get(f"/taman/ke/{other.id}/").status_code == 404
    assert client.get("/taman/ke/999999/").status_code == 404
    assert client.get("/nowhere/ke/1/").status_code == 404


def test_it_still_redirects_when_counting_fails(client, taman, settings, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    settings.ANALYTICS_SPOOL_DIR = blocker / "spool"
    channel = online_service(taman).online_channel

    response = client.get(f"/taman/ke/{channel.id}/", HTTP_USER_AGENT=BROWSER_UA)

    assert response.status_code == 302
