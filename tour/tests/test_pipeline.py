import struct
import zlib

import numpy as np
import pytest
import pyvips

from tour import pipeline
from tour.tests.conftest import DATA, make_panorama

FACE_FILES = {"f": "front", "r": "right", "b": "back", "l": "left", "u": "up", "d": "down"}


def psnr(a, b):
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return 10 * np.log10(255.0**2 / mse)


@pytest.fixture(scope="module")
def jordan_pond(tmp_path_factory):
    out = tmp_path_factory.mktemp("jordan")
    manifest = pipeline.build_tiles(DATA / "jordan-pond-5000x2500.jpg", out)
    return out, manifest


def test_each_face_matches_the_independent_cube_faces(jordan_pond):
    out, _ = jordan_pond
    for letter, name in FACE_FILES.items():
        ours = pyvips.Image.new_from_file(str(out / "1" / f"{letter}0_0.webp")).numpy()
        reference = pyvips.Image.thumbnail(str(DATA / f"cube-{name}.jpg"), 512).numpy()
        assert psnr(ours, reference) >= 28, name


def test_it_writes_the_levels_the_viewer_expects(jordan_pond):
    out, manifest = jordan_pond
    assert manifest["levels"] == [{"faceSize": 512, "nbTiles": 1}, {"faceSize": 1024, "nbTiles": 2}]
    assert len(list((out / "2").glob("*.webp"))) == 6 * 4
    assert pyvips.Image.new_from_file(str(out / "2" / "f1_1.webp")).width == 512


def test_the_preview_stripe_and_poster_stay_small(jordan_pond):
    out, _ = jordan_pond
    base = pyvips.Image.new_from_file(str(out / "base.webp"))
    assert (base.width, base.height) == (6 * 128, 128)
    assert (out / "base.webp").stat().st_size <= 20_000
    assert (out / "poster.webp").stat().st_size <= 60_000


def test_sources_wider_than_11000_px_get_a_4096_level():
    assert pipeline.top_face_size(12000) == 4096
    assert pipeline.top_face_size(8192) == 2048
    assert pipeline.top_face_size(4096) == 1024


def test_tiles_carry_no_camera_or_location_tags(tmp_path):
    source = make_panorama(tmp_path / "gps.jpg")
    tagged = pyvips.Image.new_from_file(str(source)).copy()
    tagged.set_type(pyvips.GValue.gstr_type, "exif-ifd2-GPSLatitude", "7 / 1 26 / 1 0 / 1")
    tagged.set_type(pyvips.GValue.gstr_type, "exif-ifd0-Make", "SecretCam")
    tagged.jpegsave(str(source))
    assert b"SecretCam" in source.read_bytes()
    pipeline.build_tiles(source, tmp_path / "out")
    for path in (tmp_path / "out").rglob("*.webp"):
        data = path.read_bytes()
        assert b"EXIF" not in data and b"XMP " not in data and b"SecretCam" not in data, path.name


def png_header_only(width, height):
    """A PNG whose header claims width×height, with almost no pixel data (an image bomb's shape)."""

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def bad_file(kind, tmp_path):
    path = tmp_path / f"{kind}.jpg"
    if kind == "truncated":
        good = make_panorama(tmp_path / "good.jpg").read_bytes()
        path.write_bytes(good[: len(good) // 2])
    elif kind == "wrong-ratio":
        make_panorama(path, width=1200, height=800)
    elif kind == "bomb":
        path.write_bytes(png_header_only(20000, 10000))
    elif kind == "html":
        path.write_bytes(b"<!doctype html><script>alert(1)</script>")
    elif kind == "svg":
        path = tmp_path / "pano.svg"
        path.write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg" width="2048" height="1024"></svg>')
    return path


BAD_KINDS = ["truncated", "wrong-ratio", "bomb", "html", "svg"]


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_it_rejects_bad_files_with_a_message(kind, tmp_path):
    with pytest.raises(pipeline.PanoramaError) as error:
        pipeline.build_tiles(bad_file(kind, tmp_path), tmp_path / "out")
    assert str(error.value)


def test_it_refuses_an_image_bomb_from_the_header_alone(tmp_path):
    with pytest.raises(pipeline.PanoramaError, match="terlalu besar"):
        pipeline.check_header(bad_file("bomb", tmp_path))


def test_a_failed_build_leaves_no_folder_behind(tmp_path):
    with pytest.raises(pipeline.PanoramaError):
        pipeline.build_into(bad_file("truncated", tmp_path), tmp_path / "scene")
    assert list((tmp_path / "scene").iterdir()) == []
