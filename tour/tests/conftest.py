"""Fixtures of the tour tests: a private media folder, small test panoramas and the small demo tour."""

import functools
from pathlib import Path

import numpy as np
import pytest
import pyvips

DATA = Path(__file__).parent / "data"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def make_panorama(path, width=1024, height=512, seed=1):
    """A small synthetic equirectangular JPEG with smooth colour bands (quick to tile)."""
    rng = np.random.default_rng(seed)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    base = rng.uniform(40, 200, 3)
    data = np.stack([base[i] + 50 * np.sin(xs / (40 + 10 * i) + ys / 70) for i in range(3)], axis=-1)
    image = pyvips.Image.new_from_array(np.clip(data, 0, 255).astype(np.uint8))
    image.jpegsave(str(path), Q=85)
    return Path(path)


@pytest.fixture
def small_pano(tmp_path):
    return make_panorama(tmp_path / "small.jpg")


@functools.cache
def _rendered(mall_slug, scene_slug, width):
    from catalog.models import Scene
    from demo import panoramas

    scene = Scene.objects.select_related("mall").get(mall__slug=mall_slug, slug=scene_slug)
    previous, panoramas.WIDTH = panoramas.WIDTH, width
    try:
        return panoramas.render_scene(scene, panoramas.LAYOUTS[mall_slug][scene_slug]).write_to_memory()
    finally:
        panoramas.WIDTH = previous


@pytest.fixture
def demo_tour(taman, sukodono, media_root, monkeypatch):
    """The demo panoramas and hotspots, rendered small (1024 px) once per session and tiled per test."""
    from demo import panoramas

    width = 1024

    def cached_render(scene, layout):
        data = _rendered(scene.mall.slug, scene.slug, width)
        return pyvips.Image.new_from_memory(data, width, width // 2, 3, "uchar")

    monkeypatch.setattr(panoramas, "render_scene", cached_render)
    panoramas.build_demo_panoramas(None, [taman, sukodono])
    return taman
