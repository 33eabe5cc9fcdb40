"""bin/serve imports analytics.wsgi (gunicorn), bin/serve-ingest analytics.asgi (granian): each must load
on its own, with no settings variable in the environment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("module", ["analytics.wsgi", "analytics.asgi"])
def test_the_server_entry_loads_without_a_settings_variable(tmp_path, module):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["MPP_VAR_DIR"] = str(tmp_path)
    code = f"import {module} as m; print(callable(m.application))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
