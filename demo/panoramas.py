"""Demo panoramas drawn by the project: a tiny numpy ray caster renders equirectangular images of the Taman
mall (aerial view, front, lobby, two service halls) and of Sukodono's two rooms, then the tour pipeline tiles
them. No photos are used. Booth signs carry the booth names and stand exactly where their hotspots point.

Each render is cached: a scene whose panorama already comes from this GENERATOR version is skipped.
"""

import html
import math
import tempfile
import textwrap
from pathlib import Path

import numpy as np
import pyvips

from catalog.models import Scene
from tour.actions import import_panorama
from tour.models import Hotspot, Panorama

GENERATOR = "demo-render-6"
WIDTH = 4096
EYE = 1.6  # camera height above the floor, metres

# Scene layouts: booth slug → yaw (degrees), link target → yaw. Booths stand BOOTH_DISTANCE from the camera.
LAYOUTS = {
    "taman": {
        "sky-view": {"kind": "aerial", "links": {"front": 0}},
        "front": {"kind": "exterior", "links": {"front-office": 0, "sky-view": 180}},
        "front-office": {
            "kind": "lobby",
            "booths": {"dispenduk": -62, "lapor": 62},
            "links": {"front": 180, "spot-1": -125, "spot-2": 125},
        },
        "spot-1": {
            "kind": "hall",
            "booths": {
                "sikoling-dlkh-pangan-pertanian": -105,
                "esppt": -38,
                "dinkes-pa": 30,
                "bpr-delta-artha-bpjs": 97,
            },
            "links": {"front-office": 180, "spot-2": 140},
        },
        "spot-2": {
            "kind": "hall",
            "booths": {"esppt-bppd": -120, "bpjs": -62, "pdam-pertanahan": -2, "polresta-sidoarjo": 58, "tb-news": 116},
            "links": {"front-office": 180, "spot-1": -160},
        },
    },
    "sukodono": {
        "front-office": {"kind": "lobby", "booths": {"samsat-keliling": -60}, "links": {"ruang-layanan": 60}},
        "ruang-layanan": {
            "kind": "hall",
            "booths": {"dukcapil-sukodono": -45, "surat-kecamatan": 45},
            "links": {"front-office": 180},
        },
    },
}
BOOTH_DISTANCE = 4.2
SIGN_HEIGHT = 0.75  # centre of a booth sign above eye level
PANEL_MIDDLE = -0.15  # middle of the visible back panel, between counter and sign
BOOTH_COLOURS = [(0.05, 0.33, 0.6), (0.55, 0.15, 0.2), (0.1, 0.45, 0.3), (0.45, 0.3, 0.05), (0.35, 0.2, 0.5)]


def rgb(*values):
    return np.array(values, dtype=np.float32)


def yaw_vector(yaw):
    a = math.radians(yaw)
    return np.array([math.sin(a), 0.0, math.cos(a)], dtype=np.float32)


class Canvas:
    """An equirectangular frame buffer with a depth buffer; the camera is at the origin."""

    def __init__(self, width):
        self.width, self.height = width, width // 2
        lon = ((np.arange(self.width, dtype=np.float32) + 0.5) / self.width - 0.5) * 2 * np.pi
        lat = (0.5 - (np.arange(self.height, dtype=np.float32) + 0.5) / self.height) * np.pi
        lon, lat = np.meshgrid(lon, lat)
        self.d = np.stack([np.cos(lat) * np.sin(lon), np.sin(lat), np.cos(lat) * np.cos(lon)], axis=-1)
        self.depth = np.full((self.height, self.width), np.inf, dtype=np.float32)
        self.colour = np.zeros((self.height, self.width, 3), dtype=np.float32)

    def quad(self, centre, right, up, half_w, half_h, paint, shade=1.0, two_sided=False):
        """A rectangle; paint(s, t, points) gives colours for local coords s, t in [-1, 1]."""
        centre, right, up = (np.asarray(v, dtype=np.float32) for v in (centre, right, up))
        normal = np.cross(up, right)  # `right` is the viewer's right when the quad faces the camera
        if not two_sided and float(np.dot(centre, normal)) > 0:
            return  # seen from behind
        r0, r1, c0, c1 = self.window(centre, right * half_w, up * half_h)
        d = self.d[r0:r1, c0:c1]
        depth = self.depth[r0:r1, c0:c1]
        denom = d @ normal
        with np.errstate(divide="ignore", invalid="ignore"):
            t = float(np.dot(centre, normal)) / denom
        hit = (t > 0.01) & (t < depth)
        if not hit.any():
            return
        points = d[hit] * t[hit][:, None]
        rel = points - centre
        s = rel @ right / half_w
        v = rel @ up / half_h
        inside = (np.abs(s) <= 1) & (np.abs(v) <= 1)
        rows, cols = np.nonzero(hit)
        rows, cols = rows[inside] + r0, cols[inside] + c0
        colours = paint(s[inside], v[inside], points[inside]) * shade
        self.colour[rows, cols] = colours
        self.depth[rows, cols] = t[hit][inside]

    def window(self, centre, half_right, half_up):
        """Pixel rows/columns a quad can cover: its outline's bounding box, or the whole frame near the
        poles and the ±180° seam."""
        k = np.linspace(-1, 1, 17, dtype=np.float32)[:, None]
        edges = np.concatenate(
            [centre + half_right * k + half_up * sign for sign in (-1, 1)]
            + [centre + half_up * k + half_right * sign for sign in (-1, 1)]
        )
        lon = np.arctan2(edges[:, 0], edges[:, 2])
        lat = np.arctan2(edges[:, 1], np.hypot(edges[:, 0], edges[:, 2]))
        full = (0, self.height, 0, self.width)
        if lon.max() - lon.min() > np.pi * 0.9 or np.abs(lat).max() > np.pi * 0.4:
            return full
        to_col = lambda a: (a / (2 * np.pi) + 0.5) * self.width  # noqa: E731
        to_row = lambda a: (0.5 - a / np.pi) * self.height  # noqa: E731
        margin = 3 + self.width // 256
        return (
            max(0, int(to_row(lat.max())) - margin),
            min(self.height, int(to_row(lat.min())) + margin),
            max(0, int(to_col(lon.min())) - margin),
            min(self.width, int(to_col(lon.max())) + margin),
        )

    def box(self, centre, size, paint, faces="fblrtd", shades=None):
        """An axis-aligned box; paint may be one function or a dict per face letter."""
        cx, cy, cz = centre
        sx, sy, sz = (v / 2 for v in size)
        shades = shades or {"f": 0.85, "b": 0.7, "l": 0.75, "r": 0.8, "t": 1.0, "d": 0.5}
        spec = {
            "f": ((cx, cy, cz - sz), (1, 0, 0), (0, 1, 0), sx, sy),
            "b": ((cx, cy, cz + sz), (-1, 0, 0), (0, 1, 0), sx, sy),
            "l": ((cx - sx, cy, cz), (0, 0, -1), (0, 1, 0), sz, sy),
            "r": ((cx + sx, cy, cz), (0, 0, 1), (0, 1, 0), sz, sy),
            "t": ((cx, cy + sy, cz), (1, 0, 0), (0, 0, 1), sx, sz),
            "d": ((cx, cy - sy, cz), (1, 0, 0), (0, 0, -1), sx, sz),
        }
        for face in faces:
            c, r, u, hw, hh = spec[face]
            fn = paint[face] if isinstance(paint, dict) else paint
            self.quad(c, r, u, hw, hh, fn, shade=shades[face])

    def facing_box(self, yaw, distance, width, height, depth, bottom, paint, front_paint=None):
        """A box standing at `distance` along `yaw`, its front turned to the camera."""
        forward = yaw_vector(yaw)
        right = np.array([forward[2], 0, -forward[0]], dtype=np.float32)  # camera's right when facing yaw
        up = np.array([0, 1, 0], dtype=np.float32)
        centre = forward * (distance + depth / 2) + up * (bottom + height / 2)
        hw, hh, hd = width / 2, height / 2, depth / 2
        front = front_paint or paint
        self.quad(centre - forward * hd, right, up, hw, hh, front, shade=0.95)
        self.quad(centre + up * hh, right, forward, hw, hd, paint, shade=1.05)
        self.quad(centre - right * hw, -forward, up, hd, hh, paint, shade=0.75)
        self.quad(centre + right * hw, forward, up, hd, hh, paint, shade=0.75)

    def background(self, paint):
        empty = np.isinf(self.depth)
        self.colour[empty] = paint(self.d[empty])

    def image(self):
        data = np.clip(self.colour * 255, 0, 255).astype(np.uint8)
        return pyvips.Image.new_from_memory(np.ascontiguousarray(data).tobytes(), self.width, self.height, 3, "uchar")


# --- Paints -------------------------------------------------------------------------------------------------


def flat(colour):
    colour = rgb(*colour)
    return lambda s, t, p: np.broadcast_to(colour, (len(s), 3))


def texture(array):
    """Samples an RGB float array over the quad (s right, t up)."""
    h, w = array.shape[:2]

    def paint(s, t, p):
        x = np.clip(((s + 1) / 2 * (w - 1)).round().astype(int), 0, w - 1)
        y = np.clip(((1 - t) / 2 * (h - 1)).round().astype(int), 0, h - 1)
        return array[y, x]

    return paint


def floor_tiles(base=(0.82, 0.8, 0.76), grout=(0.6, 0.58, 0.55), size=0.6):
    base, grout = rgb(*base), rgb(*grout)

    def paint(s, t, p):
        fx = np.mod(p[:, 0] / size, 1.0)
        fz = np.mod(p[:, 2] / size, 1.0)
        line = (fx < 0.03) | (fz < 0.03)
        out = np.where(line[:, None], grout, base)
        dist = np.hypot(p[:, 0], p[:, 2])
        return out * (1.0 - np.clip(dist / 40, 0, 0.25))[:, None]

    return paint


def ceiling_with_lights(base=(0.93, 0.93, 0.92), spacing=2.4):
    base, light, frame = rgb(*base), rgb(1.0, 1.0, 0.97), rgb(0.7, 0.7, 0.7)

    def paint(s, t, p):
        fx = np.mod(p[:, 0] / spacing + 0.5, 1.0)
        fz = np.mod(p[:, 2] / spacing + 0.5, 1.0)
        lamp = (np.abs(fx - 0.5) < 0.22) & (np.abs(fz - 0.5) < 0.12)
        rim = (np.abs(fx - 0.5) < 0.25) & (np.abs(fz - 0.5) < 0.15) & ~lamp
        out = np.broadcast_to(base * 0.9, (len(s), 3)).copy()
        out[rim] = frame
        out[lamp] = light
        return out

    return paint


def wall(base=(0.9, 0.87, 0.8), dado=(0.55, 0.42, 0.3)):
    base, dado = rgb(*base), rgb(*dado)

    def paint(s, t, p):
        low = p[:, 1] < -EYE + 1.0
        skirting = p[:, 1] < -EYE + 0.12
        out = np.where(low[:, None], base * 0.92, base)
        out[skirting] = dado
        stripe = np.abs(p[:, 1] - (-EYE + 1.0)) < 0.04
        out[stripe] = dado
        return out

    return paint


def sky(d):
    y = np.clip(d[:, 1], 0, 1)[:, None]
    horizon, zenith = rgb(0.85, 0.9, 0.95), rgb(0.35, 0.58, 0.85)
    out = horizon + (zenith - horizon) * np.sqrt(y)
    # A few soft clouds from cheap trigonometric noise.
    lon = np.arctan2(d[:, 0], d[:, 2])
    cloud = np.sin(lon * 7 + 1.3) * np.sin(lon * 3 - 0.4) + np.sin(d[:, 1] * 25) * 0.6
    mask = ((cloud > 0.75) & (d[:, 1] > 0.08) & (d[:, 1] < 0.45))[:, None]
    out = np.where(mask, out * 0.3 + 0.7, out)
    below = d[:, 1] < 0
    out[below] = rgb(0.45, 0.55, 0.4)
    return out


def text_block(text, colour, background, width_px=800, height_px=240, font="DejaVu Sans Bold", wrap=18):
    """An RGB texture with centred, wrapped text (pyvips renders it with Pango)."""
    lines = textwrap.wrap(text, wrap) or [""]
    markup = html.escape("\n".join(lines))
    mask = pyvips.Image.text(markup, font=font, dpi=600, align="centre")
    scale = min((width_px * 0.9) / mask.width, (height_px * 0.8) / mask.height)
    mask = mask.resize(scale)
    left, top = (width_px - mask.width) // 2, (height_px - mask.height) // 2
    mask = mask.embed(left, top, width_px, height_px)
    alpha = (mask.numpy().astype(np.float32) / 255.0)[:, :, None]
    return rgb(*background) * (1 - alpha) + rgb(*colour) * alpha


# --- Scene pieces -------------------------------------------------------------------------------------------


def room(canvas, half=7.5, height=3.4):
    top = height - EYE
    canvas.quad((0, -EYE, 0), (1, 0, 0), (0, 0, -1), half, half, floor_tiles(), two_sided=True)
    canvas.quad((0, top, 0), (1, 0, 0), (0, 0, 1), half, half, ceiling_with_lights(), two_sided=True)
    mid = (top - EYE) / 2
    for yaw in (0, 90, 180, 270):
        f = yaw_vector(yaw)
        right = np.array([f[2], 0, -f[0]], dtype=np.float32)
        canvas.quad(f * half + np.array([0, mid, 0]), right, (0, 1, 0), half, height / 2, wall(), two_sided=True)


def booth(canvas, yaw, name, colour):
    """Counter, back panel and a sign with the booth's name; the sign centre is where the hotspot points."""
    d = BOOTH_DISTANCE
    counter_top = (0.93, 0.93, 0.9)
    canvas.facing_box(yaw, d, 2.6, 1.05, 0.6, -EYE, flat(counter_top), front_paint=flat(colour))
    panel = flat(tuple(min(1, c * 0.5 + 0.45) for c in colour))
    canvas.facing_box(yaw, d + 1.4, 3.2, 2.5, 0.15, -EYE, panel)
    sign = texture(text_block(name, (1, 1, 1), colour))
    canvas.facing_box(yaw, d + 1.2, 3.1, 0.95, 0.12, SIGN_HEIGHT - 0.47, flat(colour), front_paint=sign)
    # Two chairs for staff behind the counter and one for the citizen in front of it.
    for offset in (-0.6, 0.6):
        canvas.facing_box(yaw + offset * 8, d + 0.9, 0.45, 0.5, 0.45, -EYE, flat((0.15, 0.15, 0.18)))
    canvas.facing_box(yaw, d - 0.7, 0.5, 0.48, 0.45, -EYE, flat((0.2, 0.25, 0.45)))


def booth_pitch(distance):
    """Hotspots point at the booth's back panel, just under its sign, so the marker never hides the name."""
    return round(math.degrees(math.atan2(PANEL_MIDDLE, distance)), 1)


def doorway(canvas, yaw, label, half=7.5):
    f = yaw_vector(yaw)
    right = np.array([f[2], 0, -f[0]], dtype=np.float32)
    distance = half - 0.05
    canvas.quad(f * distance + np.array([0, -EYE + 1.15, 0]), right, (0, 1, 0), 1.1, 1.15, flat((0.25, 0.32, 0.38)))
    canvas.quad(
        f * (distance - 0.01) + np.array([0, -EYE + 1.15, 0]), right, (0, 1, 0), 0.03, 1.15, flat((0.6, 0.6, 0.6))
    )
    text = texture(text_block(label, (1, 1, 1), (0.1, 0.45, 0.3), 900, 220))
    canvas.quad(f * (distance - 0.02) + np.array([0, -EYE + 2.65, 0]), right, (0, 1, 0), 1.2, 0.3, text)


def waiting_chairs(canvas, yaws, distance=2.6):
    seat, legs = flat((0.12, 0.35, 0.6)), flat((0.3, 0.3, 0.32))
    for yaw in yaws:
        for k in (-1, 0, 1):
            canvas.facing_box(yaw + k * 11, distance, 0.5, 0.06, 0.5, -EYE + 0.42, seat)
            canvas.facing_box(yaw + k * 11, distance + 0.45, 0.5, 0.45, 0.06, -EYE + 0.45, seat)
            canvas.facing_box(yaw + k * 11, distance + 0.1, 0.08, 0.42, 0.08, -EYE, legs)


def render_hall(layout, names, link_names, title):
    canvas = Canvas(WIDTH)
    for index, (slug, yaw) in enumerate(layout.get("booths", {}).items()):
        booth(canvas, yaw, names.get(slug, slug), BOOTH_COLOURS[index % len(BOOTH_COLOURS)])
    for slug, yaw in layout.get("links", {}).items():
        doorway(canvas, yaw, link_names.get(slug, slug))
    used = sorted(list(layout.get("booths", {}).values()) + list(layout.get("links", {}).values()))
    gaps = [(a + b) / 2 for a, b in zip(used, used[1:], strict=False) if b - a > 50]
    if layout["kind"] == "lobby":
        gaps = [g for g in gaps if abs(g) > 25]  # keep the view of the information desk clear
    waiting_chairs(canvas, gaps)
    if layout["kind"] == "lobby":
        desk = texture(text_block("INFORMASI", (1, 1, 1), (0.04, 0.24, 0.42), 900, 200))
        canvas.facing_box(0, 3.4, 3.4, 1.1, 0.8, -EYE, flat((0.93, 0.93, 0.9)), front_paint=desk)
        banner = texture(text_block(title, (0.04, 0.24, 0.42), (0.97, 0.95, 0.88), 1400, 220))
        canvas.quad((0, 0.85, 7.4), (1, 0, 0), (0, 1, 0), 3.6, 0.55, banner)
    room(canvas)
    return canvas.image()


def facade_texture(title):
    h, w = 700, 2400
    tex = np.broadcast_to(rgb(0.88, 0.86, 0.82), (h, w, 3)).copy()
    ys, xs = np.mgrid[0:h, 0:w]
    windows = ((xs % 160) > 30) & ((xs % 160) < 130) & ((ys % 140) > 30) & ((ys % 140) < 110) & (ys < 420)
    tex[windows] = rgb(0.3, 0.45, 0.6)
    tex[(ys > 520) & (np.abs(xs - w / 2) < 200)] = rgb(0.22, 0.3, 0.36)  # glass doors
    tex[(ys > 520) & (np.abs(xs - w / 2) < 6)] = rgb(0.7, 0.7, 0.7)
    sign = text_block(title, (1, 1, 1), (0.04, 0.24, 0.42), 1600, 110, wrap=40)
    tex[430:540, 400:2000] = sign
    return tex


def render_front(title):
    canvas = Canvas(WIDTH)
    canvas.quad((0, 3.4, 12), (1, 0, 0), (0, 1, 0), 15, 5.0, texture(facade_texture(title)))
    canvas.quad((0, 0.9, 10.5), (1, 0, 0), (0, 0, 1), 3.5, 1.5, flat((0.75, 0.75, 0.78)), two_sided=True)
    for x in (-3.2, 3.2):
        canvas.box((x, -0.35, 9.2), (0.3, 2.5, 0.3), flat((0.8, 0.8, 0.8)))
    canvas.box((-20, 3, 25), (10, 12, 26), flat((0.85, 0.83, 0.78)))
    canvas.box((20, 3, 25), (10, 12, 26), flat((0.85, 0.83, 0.78)))
    ground = rgb(0.62, 0.6, 0.58)
    asphalt, marking, grass = rgb(0.3, 0.3, 0.32), rgb(0.95, 0.95, 0.9), rgb(0.35, 0.55, 0.3)

    def ground_paint(s, t, p):
        z = p[:, 2]
        out = np.broadcast_to(ground, (len(s), 3)).copy()
        bricks = (np.mod(p[:, 0] * 2, 1) < 0.05) | (np.mod(z * 4, 1) < 0.05)
        out[bricks] *= 0.85
        road = (z < -5) & (z > -14)
        out[road] = asphalt
        out[road & (np.abs(z + 9.5) < 0.12) & (np.mod(p[:, 0], 4) < 2)] = marking
        out[(z <= -14) | ((np.abs(p[:, 0]) > 9) & (z > -5) & (z < 9))] = grass
        return out

    canvas.quad((0, -EYE, 0), (1, 0, 0), (0, 0, -1), 120, 120, ground_paint, two_sided=True)
    trunk, leaves = flat((0.4, 0.28, 0.16)), rgb(0.18, 0.42, 0.2)

    def crown(s, t, p):
        return np.broadcast_to(leaves, (len(s), 3)) * (0.8 + 0.2 * t[:, None])

    for x, z in ((-8, 6), (8, 6), (-11, -3), (11, -3), (-6, -17), (6, -17), (15, 2)):
        canvas.box((x, -EYE + 1.2, z), (0.35, 2.4, 0.35), trunk)
        canvas.box((x, -EYE + 3.3, z), (2.6, 2.2, 2.6), crown)
    glass = flat((0.2, 0.25, 0.3))
    for x, z, colour in ((5, 3, (0.7, 0.1, 0.1)), (-5, 2, (0.9, 0.9, 0.92))):
        canvas.box((x, -EYE + 0.2, z), (1.7, 0.25, 3.8), flat((0.1, 0.1, 0.1)))  # wheels and shadow
        canvas.box((x, -EYE + 0.6, z), (1.8, 0.6, 4.2), flat(colour))
        canvas.box((x, -EYE + 1.15, z + 0.2), (1.6, 0.5, 2.2), {f: glass for f in "fblrd"} | {"t": flat(colour)})
    canvas.background(sky)
    return canvas.image()


def site_plan(title, size=2048, metres=240.0):
    """A top-down texture of the block around the mall: grass, roads, parking, trees, neighbouring roofs."""
    px = size / metres
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float32)
    x, z = xs / px - metres / 2, metres / 2 - ys / px
    tex = np.broadcast_to(rgb(0.4, 0.58, 0.33), (size, size, 3)).copy()
    road = (np.abs(z - 5) < 6) | (np.abs(x - 45) < 5)
    tex[road] = rgb(0.32, 0.32, 0.34)
    tex[(np.abs(z - 5) < 0.3) & (np.mod(x, 6) < 3)] = rgb(0.95, 0.95, 0.9)
    parking = (x > -40) & (x < 30) & (z > 14) & (z < 44)
    tex[parking] = rgb(0.55, 0.55, 0.56)
    tex[parking & (np.mod(x, 2.6) < 0.15) & (np.abs(z - 29) > 2)] = rgb(0.95, 0.95, 0.95)
    rng = np.random.default_rng(7)
    for _ in range(14):
        cx, cz = rng.uniform(-35, 28), rng.uniform(15, 43)
        lane = abs(cz - 29) > 3
        if lane:
            car = (np.abs(x - cx) < 1) & (np.abs(z - cz) < 2.1)
            tex[car] = rgb(*rng.uniform(0.2, 0.9, 3))
    for _ in range(60):
        cx, cz = rng.uniform(-115, 115), rng.uniform(-115, 115)
        if abs(cz - 5) < 9 or abs(cx - 45) < 8 or (-45 < cx < 35 and 10 < cz < 80):
            continue
        r = rng.uniform(2, 4)
        tex[(x - cx) ** 2 + (z - cz) ** 2 < r * r] = rgb(0.15, 0.35, 0.17)
    for cx, cz, w, d in ((80, 40, 30, 20), (-80, 50, 25, 30), (-80, -70, 35, 22), (85, -75, 26, 26)):
        tex[(np.abs(x - cx) < w / 2) & (np.abs(z - cz) < d / 2)] = rgb(0.65, 0.32, 0.25)
    return tex


def render_aerial(title):
    canvas = Canvas(WIDTH)
    height = 45.0
    plan = site_plan(title)
    canvas.box(
        (0, -height + 7, 60),
        (44, 14, 26),
        {f: flat((0.88, 0.86, 0.82)) for f in "fblrd"}
        | {
            "t": texture(text_block(title, (1, 1, 1), (0.2, 0.42, 0.6), 1400, 800)),
        },
    )
    facade = texture(facade_texture(title)[:, :, :])
    canvas.quad((0, -height + 7, 60 - 13.01), (1, 0, 0), (0, 1, 0), 22, 7, facade)
    canvas.quad((0, -height, 0), (1, 0, 0), (0, 0, 1), 120, 120, texture(plan), two_sided=True)
    canvas.background(sky)
    return canvas.image()


def render_scene(scene, layout):
    mall = scene.mall
    names = {b.slug: b.name for b in mall.booths.all()}
    link_names = {s.slug: f"→ {s.name}" for s in mall.scenes.all()}
    title = "MAL PELAYANAN PUBLIK"
    if layout["kind"] == "aerial":
        return render_aerial(title)
    if layout["kind"] == "exterior":
        return render_front(title)
    return render_hall(layout, names, link_names, title)


def hotspot_specs(scene, layout):
    mall = scene.mall
    booths = {b.slug: b for b in mall.booths.filter(scene=scene)}
    scenes = {s.slug: s for s in mall.scenes.all()}
    specs = []
    for slug, yaw in layout.get("booths", {}).items():
        if slug in booths:
            specs.append(
                {"kind": Hotspot.BOOTH, "booth": booths[slug], "yaw": yaw, "pitch": booth_pitch(BOOTH_DISTANCE + 1.4)}
            )
    for slug, yaw in layout.get("links", {}).items():
        if slug in scenes:
            # Aerial: the entrance at the foot of the facade, 45 m below and 47 m ahead.
            pitch = -43.0 if layout["kind"] == "aerial" else (-8.0 if layout["kind"] == "exterior" else -10.0)
            specs.append({"kind": Hotspot.LINK, "target": scenes[slug], "yaw": yaw, "pitch": pitch})
    return specs


def create_hotspots(scene, layout):
    """Replaces the scene's hotspots with the demo ones (only when they were never edited by staff)."""
    scene.hotspots.all().delete()
    for spec in hotspot_specs(scene, layout):
        Hotspot.objects.create(scene=scene, **spec)


def build_demo_panoramas(command, malls, width=None):
    """load_demo step: renders and tiles the demo scenes, skipping those already built by this generator."""
    global WIDTH
    if width:
        WIDTH = width
    for mall in malls:
        layouts = LAYOUTS.get(mall.slug, {})
        for scene in Scene.objects.for_mall(mall).select_related("mall"):
            layout = layouts.get(scene.slug)
            if layout is None:
                continue
            fresh = Panorama.objects.filter(scene=scene, generator=GENERATOR).exists()
            if not fresh:
                image = render_scene(scene, layout)
                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / f"{scene.slug}.png"
                    image.pngsave(str(path), compression=1)
                    pitch = -28.0 if layout["kind"] == "aerial" else 0.0
                    import_panorama(scene, path, generator=GENERATOR, initial_yaw=0.0, initial_pitch=pitch)
                if command is not None:
                    command.stdout.write(f"  panorama {mall.slug}/{scene.slug} rendered")
            if not fresh or not scene.hotspots.exists():
                create_hotspots(scene, layout)
