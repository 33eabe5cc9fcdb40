"""In a real browser: the beacon reports tour events, and the privacy notice and dashboard pass axe."""

import datetime
import time

import pytest
from axe_playwright_python.sync_playwright import Axe

from analytics.models import Event, Kind

from .conftest import BROWSER_UA, drain, make_event

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def browser_context_args(browser_context_args):
    # Headless Chromium names itself "HeadlessChrome", which the bot filter drops on purpose.
    return {**browser_context_args, "user_agent": BROWSER_UA}


def violations(page, url):
    page.goto(url)
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [f"{v['id']}: {v['help']}" for v in result.response["violations"]]


def wait_for_events(kind, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        drain()
        events = list(Event.objects.filter(kind=kind))
        if events:
            return events
        time.sleep(0.2)
    return []


def test_the_beacon_reports_a_tour_scene_and_booth_once(live_server, taman, page):
    page.goto(live_server.url + "/taman/")
    page.evaluate(
        """() => {
          document.dispatchEvent(new CustomEvent("mpp:scene", {detail: {scene: "front-office"}}));
          document.dispatchEvent(new CustomEvent("mpp:scene", {detail: {scene: "front-office"}}));
          document.dispatchEvent(new CustomEvent("mpp:booth", {detail: {booth: "dispenduk"}}));
        }"""
    )

    scenes = wait_for_events(Kind.SCENE_VIEW)
    booths = wait_for_events(Kind.BOOTH_VIEW)
    assert [e.scene_id for e in scenes] == [taman.scenes.get(slug="front-office").id]
    assert [e.booth_id for e in booths] == [taman.booths.get(slug="dispenduk").id]
    assert Event.objects.filter(kind=Kind.PAGE_VIEW).count() == 1  # the server's, not the beacon's
    assert page.context.cookies() == []


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_privacy_notice_and_dashboard_pass_axe(live_server, personas, page, prefix):
    taman = personas["budi"].memberships.get().mall
    service = taman.services.filter(status="published").first()
    for visitor in range(3):
        make_event(taman, day=taman.local_now().date() - datetime.timedelta(days=1), visitor=visitor,
                   service_id=service.id, agency_id=service.agency_id)  # fmt: skip
    make_event(taman, Kind.SEARCH, term="bansos", result_count=0)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "budi")
    page.fill("#id_password", "demo-mpp-virtual")
    page.click("input[type=submit]")

    found = {
        url: violations(page, live_server.url + prefix + url)
        for url in ["/taman/privasi/", "/staf/taman/dasbor/", "/staf/taman/dasbor/?period=custom&from=x"]
    }
    page.goto(live_server.url + prefix + "/staf/taman/dasbor/")
    page.screenshot(path=f"/tmp/analytics-dashboard{prefix.replace('/', '-')}.png", full_page=True)

    assert {url: v for url, v in found.items() if v} == {}
