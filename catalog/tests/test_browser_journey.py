"""A citizen finds the KTP-el service by search and reaches its official online channel, with and without JS."""

from urllib.parse import urlparse

import pytest

from catalog.models import Service

pytestmark = pytest.mark.browser

STUB = "<!doctype html><html lang='id'><title>Kanal resmi</title><h1>Kanal resmi (tiruan)</h1></html>"


def stub_the_outside_internet(context, own_host):
    """The agency sites are unreachable here: answer every request to another host with a stub page."""
    outside = []

    def handle(route):
        if urlparse(route.request.url).netloc == own_host:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.fulfill(status=200, content_type="text/html", body=STUB)

    context.route("**/*", handle)
    return outside


def find_ktp_and_go_online(browser, base_url, channel_url, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    outside = stub_the_outside_internet(context, urlparse(base_url).netloc)
    page = context.new_page()

    page.goto(base_url + "/taman/")
    page.get_by_label("Cari layanan").fill("bikin ktp")
    page.get_by_role("button", name="Cari").click()
    page.wait_for_url("**/taman/cari/?q=bikin+ktp")
    assert page.locator("body").get_attribute("data-page-kind") == "search"

    page.locator('a[href="/taman/layanan/ktp-el-baru/"]').first.click()
    page.wait_for_url("**/taman/layanan/ktp-el-baru/")
    assert "KTP" in page.locator("h1").inner_text()

    page.locator("a.button").click()  # through the analytics redirect when it is installed
    page.wait_for_url(channel_url.rstrip("/") + "/**")
    assert page.locator("h1").inner_text() == "Kanal resmi (tiruan)"
    assert any(url.startswith(channel_url) for url in outside)
    context.close()


def test_a_citizen_finds_ktp_by_search_and_opens_its_online_channel(live_server, taman, browser):
    channel_url = Service.objects.get(mall=taman, slug="ktp-el-baru").online_channel.url
    # Both runs share one loaded catalog: the live server's database is emptied after each test.
    find_ktp_and_go_online(browser, live_server.url, channel_url, javascript=True)
    find_ktp_and_go_online(browser, live_server.url, channel_url, javascript=False)
