"""First view of the 360° tour on a throttled phone, against gunicorn over the demo database.

Headless chromium at 412×823 (DPR 1.75), throttled like Lighthouse's mobile preset through CDP: 1.6 Mbps down,
750 kbps up, 150 ms RTT, 4× CPU. The tour page loads first (not counted); the clock starts when the citizen
presses "Muat tur 360°". Prints: time to panorama visible (viewer ready) and sharp (last tile of the first
view received and drawn), bytes and requests for the first scene, bytes and requests to move to the next scene.
Targets: visible ≤ 3.5 s, sharp ≤ 5 s, ≤ 400 KB and ≤ 12 requests; next scene ≤ 200 KB.
"""

import socket
import subprocess
import sys
import time
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


def main():
    port = free_port()
    server = start_server(port)
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
            context = browser.new_context(
                viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True, has_touch=True
            )
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
            cdp.send(
                "Network.emulateNetworkConditions",
                {
                    "offline": False,
                    "latency": 150,
                    "downloadThroughput": 1_600_000 / 8,
                    "uploadThroughput": 750_000 / 8,
                },
            )
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            traffic = Traffic(cdp)
            # The bench measures the path where the citizen asks for the viewer (no auto-load).
            page.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}});")
            page.goto(f"http://127.0.0.1:{port}/taman/tur/")
            page.wait_for_load_state("load")
            traffic.wait_quiet(page, 0)
            t0 = time.monotonic()
            page.click("[data-load-tour]")
            page.wait_for_selector("[data-tour][data-state=ready]", timeout=60_000)
            visible = time.monotonic() - t0
            sharp_at = traffic.wait_quiet(page, t0)
            rows = traffic.since(t0, sharp_at + 0.01)
            print(f"panorama visible: {visible:.2f} s (target ≤ 3.5 s)")
            print(f"panorama sharp:   {sharp_at - t0:.2f} s (target ≤ 5 s)")
            report("first scene (target ≤ 400 KB, ≤ 12 requests)", rows, t0)

            t1 = time.monotonic()
            page.click("#tour-spots button.tour-spot--link >> nth=0")
            done_at = traffic.wait_quiet(page, t1)
            print(f"next scene complete: {done_at - t1:.2f} s")
            report("next scene (target ≤ 200 KB)", traffic.since(t1, done_at + 0.01), t1)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
