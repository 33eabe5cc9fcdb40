"""Fixtures of the tour tests: a private media folder, small test panoramas and the small demo tour."""

import shutil
from pathlib import Path

import numpy as np
import pytest
import pyvips

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def fast_password_hashing():
    """The personas get passwords in every test; a fast hasher keeps the suite quick (never used outside tests)."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def media_root(tmp_path):
    from django.test import override_settings

    root = tmp_path / "media"
    root.mkdir()
    with override_settings(MEDIA_ROOT=root):
        yield root


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


_TILES = {}  # (mall, scene) → (folder with the tiles, folder name, manifest), filled by the first demo_tour


@pytest.fixture
def demo_tour(taman, sukodono, media_root, monkeypatch, tmp_path_factory):
    """The demo panoramas (rendered small, 1024 px) and hotspots. Rendered and tiled once per session; later
    tests copy the tiles and recreate the rows, since every test starts from the bare catalog."""
    from catalog.models import Scene
    from demo import panoramas
    from tour.models import Panorama

    malls = [taman, sukodono]
    if not _TILES:
        monkeypatch.setattr(panoramas, "WIDTH", 1024)
        panoramas.build_demo_panoramas(None, malls)
        store = tmp_path_factory.mktemp("demo-tiles")
        for pano in Panorama.objects.filter(scene__mall__in=malls).select_related("scene__mall"):
            key = (pano.scene.mall.slug, pano.scene.slug)
            shutil.copytree(media_root / pano.folder, store / "-".join(key))
            _TILES[key] = (store / "-".join(key), pano.folder.rsplit("/", 1)[-1], pano.manifest)
        return taman
    for scene in Scene.objects.filter(mall__in=malls).select_related("mall"):
        source, name, manifest = _TILES[(scene.mall.slug, scene.slug)]
        folder = f"tours/{scene.pk}/{name}"
        shutil.copytree(source, media_root / folder)
        Panorama.objects.create(scene=scene, folder=folder, manifest=manifest, generator=panoramas.GENERATOR)
        panoramas.create_hotspots(scene, panoramas.LAYOUTS[scene.mall.slug][scene.slug])
    return taman
