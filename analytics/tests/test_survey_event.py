"""A sent survey is counted as one event (which service), never with its answers."""

import pytest

from analytics.models import Event, Kind

from .conftest import BROWSER_UA, drain

pytestmark = pytest.mark.django_db

ANSWERS = {f"u{i}": "4" for i in range(1, 10)}


def test_a_sent_survey_counts_once_for_its_service(client, taman):
    service = taman.services.get(slug="ktp-el-baru")

    response = client.post("/taman/survei/", {**ANSWERS, "service": service.slug}, HTTP_USER_AGENT=BROWSER_UA)
    drain()

    assert response.status_code == 302
    event = Event.objects.get(kind=Kind.SURVEY)
    assert event.service_id == service.id
    assert Event.objects.filter(kind=Kind.SURVEY).count() == 1


def test_a_rejected_survey_is_not_counted(client, taman):
    client.post("/taman/survei/", {"u1": "9"}, HTTP_USER_AGENT=BROWSER_UA)
    drain()

    assert not Event.objects.filter(kind=Kind.SURVEY).exists()
