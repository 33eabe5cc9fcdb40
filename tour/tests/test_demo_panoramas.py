import numpy as np
import pytest

from demo import panoramas
from tour.models import Hotspot, Panorama

pytestmark = pytest.mark.django_db


def test_a_second_run_keeps_the_rendered_panoramas(demo_tour, sukodono):
    before = {p.scene_id: (p.folder, p.updated_at) for p in Panorama.objects.all()}
    panoramas.build_demo_panoramas(None, [demo_tour, sukodono])
    assert {p.scene_id: (p.folder, p.updated_at) for p in Panorama.objects.all()} == before
    assert len(before) == 7


def test_every_booth_has_one_hotspot_in_its_own_scene(demo_tour, sukodono):
    for mall in (demo_tour, sukodono):
        for booth in mall.booths.all():
            spots = Hotspot.objects.filter(booth=booth)
            assert [s.scene_id for s in spots] == [booth.scene_id], booth.slug


def test_booth_hotspots_point_at_the_booth(demo_tour, monkeypatch):
    monkeypatch.setattr(panoramas, "WIDTH", 1024)
    scene = demo_tour.scenes.get(slug="spot-2")
    image = panoramas.render_scene(scene, panoramas.LAYOUTS["taman"]["spot-2"]).numpy().astype(float) / 255
    height, width = image.shape[:2]
    colours = panoramas.BOOTH_COLOURS
    for index, spot in enumerate(scene.hotspots.filter(kind=Hotspot.BOOTH).order_by("booth__order")):
        col = int((spot.yaw / 360 + 0.5) * width)
        row = int((0.5 - spot.pitch / 180) * height)
        panel = np.array([min(1, c * 0.5 + 0.45) for c in colours[index % len(colours)]]) * 0.95
        assert np.abs(image[row, col] - panel).max() < 0.03, spot.booth.slug
