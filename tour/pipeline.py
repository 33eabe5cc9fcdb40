"""Equirectangular photo → cube-map tiles for the viewer, with pyvips and numpy.

Checks come first and read only the header: magic bytes (JPEG, PNG, WebP), 2:1 ratio, pixel cap. Only then
is the image decoded. Output (no EXIF/GPS/XMP: every file is re-encoded with `keep=none`):

    manifest.json, base.webp (six 128 px faces l,f,r,b,u,d), poster.webp (640×360 view),
    1/{f,b,u,d,l,r}0_0.webp, 2/{face}{row}_{col}.webp (2×2), 3/… (4×4), 4/… (8×8)

Faces use the "standard cross" orientation (as Hugin's nona); the viewer reads them with flipTopBottom.
"""

import hashlib
import json
import math
import os
import shutil
import uuid
from pathlib import Path

import numpy as np
import pyvips
from django.utils.translation import gettext as _

VERSION = 1
TILE = 512
MAX_WIDTH, MAX_HEIGHT = 16384, 8192
MIN_WIDTH = 1024
FACES = "lfrbud"  # order of the base stripe
POSTER_SIZE = (640, 360)
POSTER_MAX_BYTES = 60_000
BASE_MAX_BYTES = 20_000
BASE_FACE = 128

MAGIC = {
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}

# Only the three loaders we accept may run, whatever the bytes claim to be (no SVG, PDF, ImageMagick, ...).
pyvips.operation_block_set("VipsForeignLoad", True)
for _loader in ("VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp"):
    pyvips.operation_block_set(_loader, False)


class PanoramaError(ValueError):
    """The file cannot become a panorama; the message is shown to staff as is."""


def sniff_format(path):
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head.startswith(MAGIC["jpeg"][0]):
        return "jpeg"
    if head.startswith(MAGIC["png"][0]):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    raise PanoramaError(_("Berkas ini bukan foto JPEG, PNG, atau WebP."))


def check_header(path):
    """(width, height) from the header, or PanoramaError. Nothing is decoded yet."""
    sniff_format(path)
    try:
        image = pyvips.Image.new_from_file(str(path), access="sequential")
    except pyvips.Error as exc:
        raise PanoramaError(_("Foto tidak dapat dibaca: berkas rusak atau tidak lengkap.")) from exc
    width, height = image.width, image.height
    if width > MAX_WIDTH or height > MAX_HEIGHT:
        raise PanoramaError(
            _("Foto terlalu besar: %(w)d×%(h)d piksel. Batasnya %(mw)d×%(mh)d.")
            % {"w": width, "h": height, "mw": MAX_WIDTH, "mh": MAX_HEIGHT}
        )
    if abs(width - 2 * height) > 2:
        raise PanoramaError(
            _("Foto 360° harus berbanding 2:1 (equirectangular); foto ini %(w)d×%(h)d piksel.")
            % {"w": width, "h": height}
        )
    if width < MIN_WIDTH:
        raise PanoramaError(_("Foto terlalu kecil: lebarnya minimal %(mw)d piksel.") % {"mw": MIN_WIDTH})
    return width, height


def decode(path):
    """The whole image in memory as 8-bit sRGB, 3 bands; truncated files fail here."""
    try:
        image = pyvips.Image.new_from_file(str(path), fail_on="truncated")
        if image.hasalpha():
            image = image.flatten(background=[0, 0, 0])
        if image.interpretation != "srgb" or image.format != "uchar":
            image = image.colourspace("srgb")
        if image.bands > 3:
            image = image.extract_band(0, n=3)
        return image.cast("uchar").copy_memory()
    except pyvips.Error as exc:
        raise PanoramaError(_("Foto tidak dapat dibaca: berkas rusak atau tidak lengkap.")) from exc


def face_directions(face, size):
    """Unit-less (x, y, z) directions of every pixel of a cube face; +z forward, +x right, +y up."""
    axis = (np.arange(size, dtype=np.float32) + 0.5) * (2.0 / size) - 1.0
    u, v = np.meshgrid(axis, axis)
    one = np.ones_like(u)
    return {
        "f": (u, -v, one),
        "r": (one, -v, -u),
        "b": (-u, -v, -one),
        "l": (-one, -v, u),
        "u": (u, one, v),
        "d": (u, -one, -v),
    }[face]


def view_directions(width, height, yaw, pitch, hfov):
    """Directions of a rectilinear view looking at (yaw, pitch) in degrees."""
    half = math.tan(math.radians(hfov) / 2)
    xs = ((np.arange(width, dtype=np.float32) + 0.5) / width * 2 - 1) * half
    ys = -((np.arange(height, dtype=np.float32) + 0.5) / height * 2 - 1) * half * height / width
    x, y = np.meshgrid(xs, ys)
    z = np.ones_like(x)
    p, w = math.radians(pitch), math.radians(yaw)
    y, z = y * math.cos(p) + z * math.sin(p), -y * math.sin(p) + z * math.cos(p)
    x, z = x * math.cos(w) + z * math.sin(w), -x * math.sin(w) + z * math.cos(w)
    return x, y, z


def sample(padded, width, height, directions):
    """Resample the (2-column padded) equirectangular image along the given directions."""
    x, y, z = directions
    lon = np.arctan2(x, z)
    lat = np.arctan2(y, np.hypot(x, z))
    px = np.mod((lon / (2 * np.pi) + 0.5) * width - 0.5, width) + 2
    py = np.clip((0.5 - lat / np.pi) * height - 0.5, 0, height - 1)
    index = np.ascontiguousarray(np.stack([px, py], axis=-1), dtype=np.float32)
    rows, cols = index.shape[:2]
    index_image = pyvips.Image.new_from_memory(index.tobytes(), cols, rows, 2, "float")
    return padded.mapim(index_image, interpolate=pyvips.Interpolate.new("bicubic")).cast("uchar").copy_memory()


def top_face_size(width):
    """Largest 512·2^k not above ~1.1·W/π (no upscaling beyond the source's detail), 512–4096."""
    size = TILE
    while size * 2 <= 1.1 * width / math.pi and size < 4096:
        size *= 2
    return size


def webp_bytes(image, quality=75):
    return image.webpsave_buffer(Q=quality, effort=4, keep="none")


def fit_webp(image, max_bytes, quality=75):
    while True:
        data = webp_bytes(image, quality)
        if len(data) <= max_bytes or quality <= 20:
            return data
        quality -= 10


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return len(data)


def file_digest(path, extra=""):
    digest = hashlib.sha256(f"pipeline-{VERSION}-{extra}".encode())
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:16]


def build_tiles(path, out_dir, initial_yaw=0.0, initial_pitch=0.0, progress=None):
    """Checks, decodes and tiles `path` into `out_dir` (created); returns the manifest dict."""
    say = progress or (lambda message: None)
    width, height = check_header(path)
    say(_("Foto %(w)d×%(h)d piksel diterima.") % {"w": width, "h": height})
    source = decode(path)
    top = top_face_size(width)
    if width > 4 * top:
        # Shrink first to about one source pixel per face pixel: remapping a larger source would alias.
        source = source.resize(4 * top / width, vscale=2 * top / height)
        width, height = source.width, source.height
    padded = source.embed(2, 0, width + 4, height, extend="repeat")
    levels = []
    size = TILE
    while size <= top:
        levels.append({"faceSize": size, "nbTiles": size // TILE})
        size *= 2
    out_dir = Path(out_dir)
    level_bytes = [0] * len(levels)
    stripe = []
    for face in "fbudlr":
        face_image = sample(padded, width, height, face_directions(face, top))
        for number, level in enumerate(levels, start=1):
            scaled = face_image if level["faceSize"] == top else face_image.resize(level["faceSize"] / top)
            for row in range(level["nbTiles"]):
                for col in range(level["nbTiles"]):
                    tile = scaled.crop(col * TILE, row * TILE, TILE, TILE)
                    level_bytes[number - 1] += write(
                        out_dir / str(number) / f"{face}{row}_{col}.webp", webp_bytes(tile)
                    )
        stripe.append((face, face_image.resize(BASE_FACE / top)))
        say(_("Sisi %(face)s selesai.") % {"face": face})
    faces = dict(stripe)
    base = pyvips.Image.arrayjoin([faces[f] for f in FACES], across=len(FACES))
    base_bytes = write(out_dir / "base.webp", fit_webp(base, BASE_MAX_BYTES))
    poster = sample(padded, width, height, view_directions(*POSTER_SIZE, initial_yaw, initial_pitch, 100))
    poster_bytes = write(out_dir / "poster.webp", fit_webp(poster, POSTER_MAX_BYTES))
    manifest = {
        "version": VERSION,
        "source": {"width": width, "height": height},
        "tile": TILE,
        "levels": levels,
        "ext": "webp",
        "base": "base.webp",
        "poster": "poster.webp",
        "bytes": {"base": base_bytes, "poster": poster_bytes, "levels": level_bytes},
        # A phone's first view shows about six tiles of the second level (or half the cube at level 1).
        "first_view_bytes": base_bytes + (level_bytes[1] // 4 if len(levels) > 1 else level_bytes[0] // 2),
    }
    write(out_dir / "manifest.json", json.dumps(manifest).encode())
    say(_("Ubin selesai: %(n)d tingkat, sisi kubus %(size)d piksel.") % {"n": len(levels), "size": top})
    return manifest


def build_into(path, scene_dir, initial_yaw=0.0, initial_pitch=0.0, progress=None):
    """Tiles `path` into a fresh hashed folder under `scene_dir`; (folder name, manifest).

    Tiles are written to a temporary folder that is renamed only when complete, so a failed import leaves
    nothing half-written behind.
    """
    scene_dir = Path(scene_dir)
    scene_dir.mkdir(parents=True, exist_ok=True)
    name = file_digest(path, f"{initial_yaw:.2f},{initial_pitch:.2f}")
    final = scene_dir / name
    temp = scene_dir / f".tmp-{uuid.uuid4().hex}"
    try:
        manifest = build_tiles(path, temp, initial_yaw, initial_pitch, progress)
        if final.exists():
            shutil.rmtree(final)
        os.rename(temp, final)
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)
    return name, manifest
