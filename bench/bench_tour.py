"""First view of the 360° tour on a throttled phone, against gunicorn over the demo database.

Headless chromium at 412×823 (DPR 1.75), throttled like Lighthouse's mobile preset through CDP: 1.6 Mbps down,
750 kbps up, 150 ms RTT, 4× CPU. The tour page loads first (not counted); the clock starts when the citizen
presses "Muat tur 360°". Prints: time to panorama visible (viewer ready) and sharp (last tile of the first
view received and drawn), bytes and requests for the first scene, bytes and requests to move to the next scene.
Targets: visible ≤ 3.5 s, sharp ≤ 5 s, ≤ 400 KB and ≤ 12 requests; next scene ≤ 200 KB.
"""

import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
QUIET_MS = 1500  # no new request for this long = the view is complete


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port):
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "mppvirtual.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--worker-class",
            "gthread",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("gunicorn did not start")


class Traffic:
    """Requests and encoded bytes seen through CDP, with the time each finished."""

    def __init__(self, cdp):
        self.urls, self.done = {}, []
        cdp.on(
            "Network.requestWillBeSent",
            lambda e: self.urls.setdefault(e["requestId"], (time.monotonic(), e["request"]["url"])),
        )
        cdp.on(
            "Network.loadingFinished",
            lambda e: self.done.append((time.monotonic(), e["requestId"], e["encodedDataLength"])),
        )

    def since(self, t0, until=None):
        rows = [
            (t, self.urls.get(rid, (0, "?"))[1], size)
            for t, rid, size in self.done
            if t >= t0 and (until is None or t <= until)
        ]
        return rows

    def wait_quiet(self, page, t0):
        while True:
            page.wait_for_timeout(250)
            started = [t for t, _ in self.urls.values() if t >= t0]
            last = max([t for t, _, _ in self.since(t0)] + started + [t0])
            if time.monotonic() - last > QUIET_MS / 1000:
                return last


def report(label, rows, t0):
    total = sum(size for _, _, size in rows)
    tiles = [r for r in rows if "/media/tours/" in r[1]]
    print(
        f"{label}: {len(rows)} requests, {total / 1024:.0f} KiB ({total / 1000:.0f} KB); "
        f"{len(tiles)} panorama files {sum(s for *_, s in tiles) / 1024:.0f} KiB"
    )
    for t, url, size in sorted(rows):
        print(f"    +{t - t0:5.2f} s {size / 1024:7.1f} KiB  {url.split('127.0.0.1')[-1].split(':', 1)[-1][:90]}")


RUNS = 3  # cold runs, each in a fresh browser profile; the median is the figure to quote


def measure(browser, port, verbose):
    context = browser.new_context(
        viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8},
    )
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    traffic = Traffic(cdp)
    # The bench measures the path where the citizen asks for the viewer (no auto-load).
    page.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}});")
    page.goto(f"http://127.0.0.1:{port}/taman/tur/", timeout=120_000)
    page.wait_for_load_state("load")
    traffic.wait_quiet(page, 0)
    t0 = time.monotonic()
    page.click("[data-load-tour]")
    page.wait_for_selector("[data-tour][data-state=ready]", timeout=60_000)
    visible = time.monotonic() - t0
    sharp_at = traffic.wait_quiet(page, t0)
    first = traffic.since(t0, sharp_at + 0.01)
    t1 = time.monotonic()
    page.click("#tour-spots button.tour-spot--link >> nth=0")
    done_at = traffic.wait_quiet(page, t1)
    second = traffic.since(t1, done_at + 0.01)
    if verbose:
        report("first scene (target ≤ 400 KB, ≤ 12 requests)", first, t0)
        report("next scene (target ≤ 200 KB)", second, t1)
    context.close()
    return {
        "visible": visible,
        "sharp": sharp_at - t0,
        "bytes": sum(r[2] for r in first),
        "requests": len(first),
        "next_bytes": sum(r[2] for r in second),
        "next_time": done_at - t1,
    }


def main():
    port = free_port()
    server = start_server(port)
    for _ in range(2):  # warm both workers: the first request of a process pays for imports, not the tour
        urllib.request.urlopen(f"http://127.0.0.1:{port}/taman/tur/", timeout=60).read()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=[
                    "--no-sandbox",
                    "--headless",
                    "--enable-unsafe-swiftshader",
                    "--use-angle=swiftshader",
                    "--disable-quic",
                ],
            )
            runs = [measure(browser, port, verbose=(i == 0)) for i in range(RUNS)]
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    for i, r in enumerate(runs, 1):
        print(
            f"run {i}: visible {r['visible']:.2f} s, sharp {r['sharp']:.2f} s, {r['bytes'] / 1000:.0f} KB in "
            f"{r['requests']} requests; next scene {r['next_bytes'] / 1000:.0f} KB in {r['next_time']:.2f} s"
        )
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"median panorama visible: {med['visible']:.2f} s (target ≤ 3.5 s)")
    print(f"median panorama sharp:   {med['sharp']:.2f} s (target ≤ 5 s)")
    print(f"first scene: {med['bytes'] / 1000:.0f} KB, {med['requests']:.0f} requests (targets ≤ 400 KB, ≤ 12)")
    print(f"next scene:  {med['next_bytes'] / 1000:.0f} KB (target ≤ 200 KB), complete in {med['next_time']:.2f} s")


if __name__ == "__main__":
    main()
