"""An optional WSGI wrapper that answers the beacon (POST /e) before Django's middleware stack.

The ingest decision is the same function the Django view calls (`ingest.accept_beacon`); skipping URL
resolution and ten middlewares roughly doubles the events one app process takes. Serve
`analytics.wsgi:application` instead of `mppvirtual.wsgi:application` to use it. In production the
beacon goes to its own server instead (`analytics.asgi`), which writes events in groups.
"""

from django.db import DatabaseError
from django.utils import translation

from mppvirtual.wsgi import application as django_application  # sets Django up before the app's modules

from . import ingest
from .queue import QueueUnavailable


def _respond(start_response, status, message=None, extra=()):
    headers = [("Cache-Control", "no-store"), *extra]
    body = b""
    if message is not None:
        body = ingest.error_body(message)
        headers.append(("Content-Type", "application/json"))
    headers.append(("Content-Length", str(len(body))))
    start_response(f"{status} {ingest.REASONS.get(status, '')}", headers)
    return [body]


def ingest_app(environ, start_response):
    with translation.override(ingest.answer_language(environ.get("HTTP_ACCEPT_LANGUAGE", ""))):
        if not ingest.declared_length_ok(environ):
            return _respond(start_response, 413, ingest.TOO_BIG)
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        try:
            status, message = ingest.accept_beacon(environ, body)
        except (QueueUnavailable, DatabaseError):
            return _respond(start_response, 503, ingest.UNAVAILABLE, [("Retry-After", ingest.RETRY_AFTER)])
        return _respond(start_response, status, message)


def with_fast_ingest(django_app):
    def application(environ, start_response):
        if environ.get("PATH_INFO") == "/e" and environ.get("REQUEST_METHOD") == "POST":
            return ingest_app(environ, start_response)
        return django_app(environ, start_response)

    return application


application = with_fast_ingest(django_application)
