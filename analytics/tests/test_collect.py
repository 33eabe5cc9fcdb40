"""The beacon endpoint /e: 202 only after a durable write; 4xx for bad input with nothing stored."""

import json
import uuid

import pytest

from analytics import snapshot
from analytics.models import Event, Kind

from .conftest import BROWSER_UA, drain

pytestmark = pytest.mark.django_db

HEADERS = {"HTTP_ORIGIN": "http://testserver", "HTTP_USER_AGENT": BROWSER_UA, "content_type": "text/plain"}


def post(client, payload, **extra):
    body = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
    return client.post("/e", body, **{**HEADERS, **extra})


def scene_event(taman, **overrides):
    return {"id": str(uuid.uuid4()), "mall": "taman", "event": "scene_view", "scene": "front-office", **overrides}


def test_it_accepts_a_scene_view_and_stores_it_once(client, taman):
    payload = scene_event(taman)
    response = post(client, payload)
    post(client, payload)  # a retry of the same event
    drain()

    assert response.status_code == 202
    assert response.content == b""
    event = Event.objects.get()
    assert str(event.event_id) == payload["id"]
    assert event.kind == Kind.SCENE_VIEW
    assert event.scene_id == taman.scenes.get(slug="front-office").id


def test_it_resolves_a_service_to_its_agency(client, taman):
    service = taman.services.filter(status="published").select_related("agency").first()
    post(client, {"id": str(uuid.uuid4()), "mall": "taman", "event": "service_view", "service": service.slug})
    drain()

    event = Event.objects.get()
    assert (event.service_id, event.agency_id) == (service.id, service.agency_id)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"{not json", 400),
        (b"\xff\xfe", 400),
        (b"[]", 400),
        (json.dumps({"id": "x", "mall": "taman", "event": "scene_view", "scene": "front-office"}), 400),
        (json.dumps({"id": str(uuid.uuid4()), "mall": "taman", "event": "page_view"}), 400),
        (json.dumps({"id": str(uuid.uuid4()), "mall": "nowhere", "event": "scene_view", "scene": "x"}), 404),
        (json.dumps({"id": str(uuid.uuid4()), "mall": "taman", "event": "scene_view", "scene": 5}), 400),
        (json.dumps({"id": str(uuid.uuid4()), "mall": "taman", "event": "scene_view"}), 400),
        (json.dumps({"id": str(uuid.uuid4()), "mall": "taman", "event": "scene_view", "scene": "nope"}), 400),
        (json.dumps({"id": str(uuid.uuid4()), "mall": "taman", "event": "scene_view", "ip": "1.2.3.4"}), 400),
        (b'{"x": "' + b"a" * 5000 + b'"}', 413),
    ],
)
def test_it_rejects_bad_payloads_and_stores_nothing(client, taman, body, status):
    response = post(client, body)
    drain()

    assert response.status_code == status
    assert response.json()["error"]
    assert Event.objects.count() == 0


def test_it_rejects_a_slug_of_another_mall(client, taman, sukodono):
    other_scene = sukodono.scenes.exclude(slug__in=taman.scenes.values("slug")).first()
    response = post(client, scene_event(taman, scene=other_scene.slug))

    assert response.status_code == 400


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": ""},
    ],
)
def test_it_refuses_events_from_other_origins(client, taman, headers):
    response = post(client, scene_event(taman), **headers)
    drain()

    assert response.status_code == 403
    assert Event.objects.count() == 0


def test_it_does_not_count_bots(client, taman):
    response = post(client, scene_event(taman), HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    drain()

    assert response.status_code == 403
    assert Event.objects.count() == 0


def test_it_answers_in_english_when_asked(client, taman):
    response = post(client, b"{", HTTP_ACCEPT_LANGUAGE="en")

    assert response.json()["error"] == "The data is not valid JSON."


def test_it_only_takes_post(client, taman):
    response = client.get("/e")

    assert response.status_code == 405


def test_it_answers_503_with_retry_after_when_nothing_can_be_stored(client, taman, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.ANALYTICS_SPOOL_DIR = blocker / "spool"

    response = post(client, scene_event(taman))

    assert response.status_code == 503
    assert response["Retry-After"] == "5"


def test_it_needs_no_database_query_once_warm(client, taman, django_assert_num_queries):
    post(client, scene_event(taman))  # loads the catalog snapshot and the day's salt
    with django_assert_num_queries(0):
        response = post(client, scene_event(taman))

    assert response.status_code == 202


def test_it_sees_catalog_changes_after_the_snapshot_reloads(client, taman):
    post(client, scene_event(taman))
    scene = taman.scenes.first()
    scene.slug = "renamed-scene"
    scene.save()
    snapshot.reset()

    response = post(client, scene_event(taman, scene="renamed-scene"))

    assert response.status_code == 202
