"""Citizen pages as a phone sees them: page weight per page (first visit) and Lighthouse scores.

Serves the demo in var/ (`make setup` fills it) with gunicorn and the real settings, like production.
Prints figures and flags pages over budget; asserts nothing.

    .venv/bin/python bench/bench_pages.py            # or: make bench
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"

PAGES = {
    "home": "/taman/",
    "booth": "/taman/loket/dispenduk/",
    "agency": "/taman/instansi/dispendukcapil/",
    "service": "/taman/layanan/ktp-el-baru/",
    "life event": "/taman/peristiwa/kelahiran/",
    "news": "/taman/berita/",
    "search": "/taman/cari/?q=bikin+ktp",
    "404": "/taman/layanan/tidak-ada/",
}
BUDGET_KB = {"service": 50}
DEFAULT_BUDGET_KB = 100
LIGHTHOUSE_PAGES = ["home", "booth", "service", "life event", "search"]
FONT_EXTENSIONS = (".woff2", ".woff", ".ttf", ".otf", ".eot")
ENTRIES = """() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                   .map(e => ({name: e.name, size: e.transferSize}))"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server():
    port = free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "mppvirtual.wsgi:application", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "2", "--threads", "4", "--worker-class", "gthread", "--log-level", "warning"],
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz/live", timeout=1)
            return server, base
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def page_weight(browser, url, own_host):
    """Bytes over the wire for a first visit: the document plus every resource, as the browser reports them."""
    context = browser.new_context(viewport={"width": 412, "height": 915})
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if urlparse(r.url).netloc not in (own_host, "") else None)
    page.goto(url, wait_until="load")
    entries = page.evaluate(ENTRIES)
    page.goto("about:blank")
    page.goto(url, wait_until="load")  # repeat visit: the hashed stylesheet should come from the cache
    repeat = sum(e["size"] for e in page.evaluate(ENTRIES))
    context.close()
    fonts = sum(e["size"] for e in entries if urlparse(e["name"]).path.endswith(FONT_EXTENSIONS))
    return {
        "bytes": sum(e["size"] for e in entries),
        "document": entries[0]["size"] if entries else 0,
        "requests": len(entries),
        "font_bytes": fonts,
        "outside": len(outside),
        "repeat": repeat,
    }


def print_weights(base):
    from playwright.sync_api import sync_playwright

    own_host = urlparse(base).netloc
    print("\nPage weight, first visit (transferSize: compressed where the server compresses)")
    print(
        f"{'page':<11} {'total KB':>9} {'HTML KB':>8} {'requests':>9} {'font B':>7} {'3rd-party':>10} "
        f"{'repeat KB':>10}  budget"
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--headless"])
        for name, path in PAGES.items():
            w = page_weight(browser, base + path, own_host)
            budget = BUDGET_KB.get(name, DEFAULT_BUDGET_KB)
            flag = "OVER" if w["bytes"] > budget * 1024 else "ok"
            print(
                f"{name:<11} {w['bytes'] / 1024:>9.1f} {w['document'] / 1024:>8.1f} {w['requests']:>9} "
                f"{w['font_bytes']:>7} {w['outside']:>10} {w['repeat'] / 1024:>10.1f}  {flag} (≤ {budget} KB)"
            )
        browser.close()


def lighthouse(url):
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    command = [str(LIGHTHOUSE), url, "--output=json", "--quiet", f"--chrome-flags={CHROME_FLAGS}"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=240)
    if result.returncode != 0:
        return None, result.stderr.strip().splitlines()[-1:] or ["lighthouse failed"]
    report = json.loads(result.stdout)
    scores = {key: round((cat["score"] or 0) * 100) for key, cat in report["categories"].items()}
    audits = report["audits"]
    metrics = {
        "LCP": audits["largest-contentful-paint"]["numericValue"],
        "TBT": audits["total-blocking-time"]["numericValue"],
        "CLS": audits["cumulative-layout-shift"]["numericValue"],
    }
    failing = [
        f"{cat}: {ref['id']}"
        for cat, data in report["categories"].items()
        for ref in data["auditRefs"]
        if ref.get("weight") and audits[ref["id"]].get("score") not in (None, 1)
    ]
    return {**scores, **metrics}, failing


def print_lighthouse(base):
    if not LIGHTHOUSE.exists():
        print("\nLighthouse: node_modules/.bin/lighthouse missing (run `make deps`); skipped")
        return
    print("\nLighthouse 12 (mobile preset, simulated slow 4G). Targets: Perf ≥ 95, A11y 100, BP 100, SEO ≥ 95")
    print(f"{'page':<11} {'Perf':>5} {'A11y':>5} {'BP':>5} {'SEO':>5} {'LCP ms':>7} {'TBT ms':>7} {'CLS':>6}  misses")
    for name in LIGHTHOUSE_PAGES:
        for _attempt in range(3):  # headless Chromium now and then loses the trace (NO_NAVSTART); run again
            scores, failing = lighthouse(base + PAGES[name])
            if scores is not None:
                break
        if scores is None:
            print(f"{name:<11} failed: {failing}")
            continue
        print(
            f"{name:<11} {scores['performance']:>5} {scores['accessibility']:>5} {scores['best-practices']:>5} "
            f"{scores['seo']:>5} {scores['LCP']:>7.0f} {scores['TBT']:>7.0f} {scores['CLS']:>6.3f}  "
            + (", ".join(failing) or "-")
        )


def main():
    server, base = start_server()
    try:
        print(f"server: gunicorn at {base}, data in {os.environ.get('MPP_VAR_DIR', 'var/')}")
        print_weights(base)
        if "--no-lighthouse" not in sys.argv:
            print_lighthouse(base)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
