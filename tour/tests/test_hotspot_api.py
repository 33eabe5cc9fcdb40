import json

import pytest

from tour.models import Hotspot

# The demo fixtures ask for the database lazily; the mark makes pytest-django create the test database.
pytestmark = pytest.mark.django_db


@pytest.fixture
def spot1(demo_tour):
    return demo_tour.scenes.get(slug="spot-1")


def api(client, method, url, body=None):
    return getattr(client, method)(
        url, data=json.dumps(body) if body is not None else None, content_type="application/json"
    )


URL = "/taman/tur/spot-1/titik/"


def test_a_mall_admin_places_moves_and_deletes_a_hotspot(client, personas, spot1):
    client.force_login(personas["budi"])
    booth = spot1.mall.booths.get(slug="esppt")
    created = api(client, "post", URL, {"kind": "booth", "booth": booth.id, "yaw": 12.5, "pitch": -3})
    assert created.status_code == 201
    spot = Hotspot.objects.get(pk=created.json()["id"])
    assert (spot.scene, spot.booth, spot.yaw, spot.pitch) == (spot1, booth, 12.5, -3)
    moved = api(client, "patch", f"{URL}{spot.id}/", {"yaw": -170, "pitch": 10})
    assert moved.status_code == 200
    spot.refresh_from_db()
    assert (spot.yaw, spot.pitch) == (-170, 10)
    assert api(client, "delete", f"{URL}{spot.id}/").status_code == 200
    assert not Hotspot.objects.filter(pk=spot.id).exists()


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "booth", "booth": 1, "yaw": 200, "pitch": 0},
        {"kind": "booth", "booth": 1, "yaw": "10", "pitch": 0},
        {"kind": "booth", "booth": 1, "yaw": 10, "pitch": -91},
        {"kind": "link", "target": 999999, "yaw": 10, "pitch": 0},
        {"kind": "door", "yaw": 10, "pitch": 0},
        ["not", "an", "object"],
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(client, personas, spot1, body):
    client.force_login(personas["budi"])
    before = list(Hotspot.objects.values_list("id", "yaw", "pitch"))
    response = api(client, "post", URL, body)
    assert response.status_code == 400 and response.json()["error"]
    assert list(Hotspot.objects.values_list("id", "yaw", "pitch")) == before


def test_targets_of_another_mall_are_refused(client, personas, spot1, sukodono):
    client.force_login(personas["budi"])
    other_booth = sukodono.booths.first()
    other_scene = sukodono.scenes.first()
    assert api(client, "post", URL, {"kind": "booth", "booth": other_booth.id, "yaw": 0, "pitch": 0}).status_code == 400
    assert api(client, "post", URL, {"kind": "link", "target": other_scene.id, "yaw": 0, "pitch": 0}).status_code == 400


def test_a_malformed_body_is_a_bad_request(client, personas, spot1):
    client.force_login(personas["budi"])
    spot = spot1.hotspots.first()
    response = client.patch(f"{URL}{spot.id}/", data=b"{yaw:", content_type="application/json")
    assert response.status_code == 400


def test_operators_and_other_malls_get_not_found(client, personas, spot1):
    client.force_login(personas["citra"])
    assert client.get("/taman/tur/spot-1/sunting/").status_code == 404
    assert api(client, "post", URL, {"kind": "link", "target": 1, "yaw": 0, "pitch": 0}).status_code == 404
    client.force_login(personas["budi"])
    assert client.get("/sukodono/tur/ruang-layanan/sunting/").status_code == 404


def test_citizens_are_sent_to_the_login(client, spot1):
    response = client.get("/taman/tur/spot-1/sunting/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
