"""analytics.wsgi: the beacon answered before Django's middleware, with the same decisions as the view."""

import io
import json
import uuid

import pytest

from analytics.models import Event
from analytics.wsgi import application

from .conftest import BROWSER_UA, drain

pytestmark = pytest.mark.django_db


def call(body, method="POST", path="/e", **headers):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "10.0.0.5",
        "HTTP_ORIGIN": "http://testserver",
        "HTTP_USER_AGENT": BROWSER_UA,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
        **headers,
    }
    answer = {}

    def start_response(status, response_headers):
        answer["status"] = int(status.split()[0])
        answer["headers"] = dict(response_headers)

    answer["body"] = b"".join(application(environ, start_response))
    return answer


def test_it_accepts_a_valid_event(taman):
    body = json.dumps({"id": str(uuid.uuid4()), "mall": "taman", "event": "booth_view", "booth": "dispenduk"})

    answer = call(body.encode())
    drain()

    assert answer["status"] == 202
    assert Event.objects.get().booth_id == taman.booths.get(slug="dispenduk").id


def test_it_rejects_bad_input_in_the_browsers_language(taman):
    answer = call(b"{", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert answer["status"] == 400
    assert json.loads(answer["body"]) == {"error": "The data is not valid JSON."}


def test_it_refuses_bodies_over_4_kb_before_reading_them(taman):
    answer = call(b"x" * 5000)

    assert answer["status"] == 413


def test_it_answers_503_when_the_queue_cannot_store(taman, settings, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    settings.ANALYTICS_SPOOL_DIR = blocker / "spool"
    body = json.dumps({"id": str(uuid.uuid4()), "mall": "taman", "event": "scene_view", "scene": "front"})

    answer = call(body.encode())

    assert answer["status"] == 503
    assert answer["headers"]["Retry-After"] == "5"


def test_other_requests_go_to_django(taman):
    assert call(b"", method="GET", path="/healthz/live")["status"] == 200
