import re

import pytest

from catalog.models import Booth
from tour.models import Hotspot

# The demo fixtures ask for the database lazily; the mark makes pytest-django create the test database.
pytestmark = pytest.mark.django_db


def booth_slugs_in_list(html):
    return set(re.findall(r'data-booth="([^"]+)"', html))


def test_the_page_works_without_javascript(client, demo_tour):
    html = client.get("/taman/tur/").content.decode()
    assert "Tur 360°: Sky View" in html
    assert "poster.webp" in html and 'alt="Pemandangan 360° Sky View' in html
    assert re.search(r"Muat tur 360° \(±\d+,\d MB\)", html)
    for scene in demo_tour.scenes.all():
        assert f'href="/taman/tur/{scene.slug}/"' in html


def test_booths_in_the_tour_data_the_text_list_and_the_directory_are_the_same(client, demo_tour):
    directory = set(Booth.objects.for_mall(demo_tour).values_list("slug", flat=True))
    text_list = booth_slugs_in_list(client.get("/taman/tur/").content.decode())
    data = client.get("/taman/tur/data.json").json()
    in_data = set(data["booths"])
    in_scenes = {slug for scene in data["scenes"] for slug in scene["booths"]}
    with_hotspot = {h["booth"] for scene in data["scenes"] for h in scene["hotspots"] if h["type"] == "booth"}
    assert directory == text_list == in_data == in_scenes == with_hotspot
    assert len(directory) == 11


def test_a_booth_panel_lists_services_with_cost_duration_and_links(client, demo_tour):
    booth = client.get("/taman/tur/data.json").json()["booths"]["dispenduk"]
    services = [s for agency in booth["agencies"] for s in agency["services"]]
    ktp = next(s for s in services if s["url"].endswith("/layanan/ktp-el-baru/"))
    assert ktp["cost"] == "Gratis" and ktp["duration"]
    assert any("online" in s for s in services)


def test_the_english_tour_is_english(client, demo_tour):
    html = client.get("/en/taman/tur/spot-1/").content.decode()
    assert "360° tour: Spot 1" in html and "Load the 360° tour" in html
    assert "Muat tur" not in html and "Lewati" not in html
    booth = client.get("/en/taman/tur/data.json").json()["booths"]["dispenduk"]
    assert booth["description"].startswith("Population records")


def test_a_booth_deep_link_opens_the_scene_of_that_booth(client, demo_tour):
    html = client.get("/taman/tur/?booth=polresta-sidoarjo").content.decode()
    assert "Tur 360°: Spot 2" in html
    assert '"booth": "polresta-sidoarjo"' in html


def test_unknown_scenes_and_malls_are_not_found(client, demo_tour):
    assert client.get("/taman/tur/atap/").status_code == 404
    assert client.get("/tidak-ada/tur/").status_code == 404


def test_hotspots_come_in_walking_order(client, demo_tour):
    scene = next(s for s in client.get("/taman/tur/data.json").json()["scenes"] if s["id"] == "spot-1")
    kinds = [h["type"] for h in scene["hotspots"]]
    assert kinds == sorted(kinds, key=lambda k: {"booth": 0, "link": 1}[k])
    assert [h["booth"] for h in scene["hotspots"] if h["type"] == "booth"] == scene["booths"]


def test_a_scene_without_a_panorama_offers_only_the_list(client, taman):
    html = client.get("/taman/tur/front/").content.decode()
    assert "tour-poster" not in html
    assert 'data-booth="dispenduk"' in html
    assert not Hotspot.objects.exists()
