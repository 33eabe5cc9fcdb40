"""The link checker against a real HTTP server on a free local port."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from catalog.linkcheck import check_url
from catalog.models import Channel

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        if self.path == "/no-head":
            self.send_response(405)
        elif self.path == "/gone":
            self.send_response(404)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        else:
            self.send_response(200)
        self.end_headers()

    def do_GET(self):
        self.do_HEAD()

    def log_message(self, *args):
        pass


@pytest.fixture
def server(settings):
    settings.LINKCHECK_ALLOW_PRIVATE = True
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_it_records_working_and_broken_links(server, taman):
    ok, gone = taman.channels.exclude(url="")[:2]
    Channel.objects.filter(mall=taman).exclude(pk__in=[ok.pk, gone.pk]).update(url="")
    Channel.objects.filter(pk=ok.pk).update(url=f"{server}/moved")
    Channel.objects.filter(pk=gone.pk).update(url=f"{server}/gone")
    call_command("check_links", "taman", "--timeout", "5")
    ok.refresh_from_db()
    gone.refresh_from_db()
    assert (ok.last_check_ok, ok.last_check_status) == (True, 200)
    assert (gone.last_check_ok, gone.last_check_status) == (False, 404)
    assert gone.last_checked_at is not None


def test_a_server_that_refuses_head_is_asked_with_get(server):
    assert check_url(f"{server}/no-head").status == 405  # GET answers 405 too
    assert check_url(f"{server}/ok").ok


def test_an_unreachable_host_is_broken_without_a_status(settings):
    settings.LINKCHECK_ALLOW_PRIVATE = True
    result = check_url("http://127.0.0.1:9/", timeout=2)
    assert (result.ok, result.status) == (False, None)


@pytest.mark.parametrize("url", ["ftp://example.org/", "file:///etc/passwd", "http://127.0.0.1/", "not a url"])
def test_it_never_fetches_other_schemes_or_private_hosts(url):
    assert check_url(url).ok is False
