"""Panorama pipeline: an 8192×4096 photo (jordan-pond upscaled) tiled in a child process.

Prints wall time, peak RSS of the child and the tile bytes. Target: ≤ 15 s and ≤ 1.5 GB on 2 cores.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tour" / "tests" / "data" / "jordan-pond-5000x2500.jpg"

CHILD = """
import os, sys, json, time, resource
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mppvirtual.settings")
import django
django.setup()
from tour import pipeline
started = time.monotonic()
manifest = pipeline.build_tiles(sys.argv[1], sys.argv[2])
print(json.dumps({"seconds": time.monotonic() - started, "manifest": manifest,
                  "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def main():
    import pyvips

    with tempfile.TemporaryDirectory() as tmp:
        photo = Path(tmp) / "pano-8192.jpg"
        image = pyvips.Image.new_from_file(str(SOURCE))
        image.resize(8192 / image.width, vscale=4096 / image.height, kernel="lanczos3").jpegsave(str(photo), Q=90)
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(photo), str(Path(tmp) / "out")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        wall = time.monotonic() - started
        if result.returncode != 0:
            print(result.stderr[-2000:])
            sys.exit(1)
        data = json.loads(result.stdout.strip().splitlines()[-1])
        manifest = data["manifest"]
        files = sum(1 for _ in (Path(tmp) / "out").rglob("*.webp"))
        print(f"source: 8192×4096 JPEG, {photo.stat().st_size / 1e6:.1f} MB; {os.cpu_count()} CPUs")
        print(
            f"pipeline time (in child): {data['seconds']:.1f} s   wall incl. Python start: {wall:.1f} s   target ≤ 15 s"
        )
        print(f"peak RSS of the child: {data['peak_kb'] / 1024:.0f} MB   target ≤ 1536 MB")
        print(f"levels: {[lv['faceSize'] for lv in manifest['levels']]}   files: {files}")
        print(
            f"bytes: base {manifest['bytes']['base'] / 1000:.1f} KB, poster {manifest['bytes']['poster'] / 1000:.1f} KB, "
            f"levels {[round(b / 1000) for b in manifest['bytes']['levels']]} KB"
        )


if __name__ == "__main__":
    main()
