"""bin/serve starts gunicorn with analytics.wsgi; it must load on its own, as gunicorn imports it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wsgi_entry_loads_without_a_settings_variable(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["MPP_VAR_DIR"] = str(tmp_path)
    code = "import analytics.wsgi as w; print(callable(w.application))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
