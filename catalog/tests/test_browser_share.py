"""The service page offers the phone's own share sheet where the browser has one, and only there."""

import pytest

pytestmark = pytest.mark.browser

# Desktop Chromium has no share sheet; this stands in for the phone's, recording what it was given.
SHARE_SHEET = "navigator.share = (data) => { window.shared = data; return Promise.resolve(); };"


def test_it_offers_the_share_sheet_with_the_page_address(live_server, taman, browser):
    context = browser.new_context()
    context.add_init_script(SHARE_SHEET)
    page = context.new_page()
    page.goto(live_server.url + "/taman/layanan/skck/")
    page.get_by_role("button", name="Bagikan lewat aplikasi lain").click()
    assert page.evaluate("window.shared.url") == live_server.url + "/taman/layanan/skck/"
    context.close()


def test_without_a_share_sheet_only_the_whatsapp_link_shows(live_server, taman, page):
    page.goto(live_server.url + "/taman/layanan/skck/")
    assert page.get_by_role("link", name="Bagikan lewat WhatsApp").is_visible()
    assert page.get_by_role("button", name="Bagikan lewat aplikasi lain").count() == 0
