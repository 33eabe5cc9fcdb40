"""axe-core finds no WCAG 2.2 AA violation on any public page of the directory, in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from catalog.models import Service

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = [
    "/",
    "/taman/",
    "/taman/loket/dispenduk/",
    "/taman/instansi/polresta-sidoarjo/",
    "/taman/layanan/skck/",
    "/taman/peristiwa/kelahiran/",
    "/taman/berita/",
    "/taman/cari/?q=ktp",
    "/taman/cari/?q=qwxzzyv",
    "/taman/layanan/tidak-ada/",
]


def violations(page, url):
    page.goto(url)
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in result.response["violations"]
    ]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_directory_page_passes_axe(live_server, sukodono, page, prefix):
    assert Service.objects.filter(mall__slug="taman").exists()
    found = {path: violations(page, live_server.url + prefix + path) for path in PAGES}
    assert {path: v for path, v in found.items() if v} == {}
