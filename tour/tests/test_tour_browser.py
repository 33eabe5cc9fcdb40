"""The tour in a real browser (Debian chromium): viewer, hotspots, panel, keyboard, axe, editor."""

import numpy as np
import pytest
import pyvips
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

EVENTS = "window.mppEvents = []; ['mpp:scene', 'mpp:booth'].forEach(n => document.addEventListener(n, e => window.mppEvents.push([n, e.detail])));"


def open_viewer(page, url):
    page.goto(url)
    try:
        page.click("[data-load-tour]", timeout=3_000)
    except PlaywrightTimeoutError:
        pass  # on a fast connection the viewer may have started by itself
    page.wait_for_selector("[data-tour][data-state=ready]", timeout=20_000)


def fake_connection(save_data):
    return (
        "Object.defineProperty(navigator, 'connection', "
        f"{{value: {{saveData: {'true' if save_data else 'false'}, effectiveType: '4g', downlink: 20}}}});"
    )


def test_a_fast_connection_loads_the_viewer_by_itself(page, live_server, demo_tour):
    page.add_init_script(fake_connection(save_data=False))
    page.goto(f"{live_server.url}/taman/tur/front/")
    page.wait_for_selector("[data-tour][data-state=ready]", timeout=20_000)


def test_save_data_waits_for_the_citizen(page, live_server, demo_tour):
    page.add_init_script(fake_connection(save_data=True))
    page.goto(f"{live_server.url}/taman/tur/front/")
    page.wait_for_timeout(1_500)
    assert page.locator("[data-load-tour]").is_visible()
    assert page.locator("#tour-viewer").is_hidden() and page.locator("#tour-poster").is_visible()


def distinct_colours(png):
    pixels = pyvips.Image.new_from_buffer(png, "").numpy()[:, :, :3] // 16
    return len(np.unique(pixels.reshape(-1, 3), axis=0))


def test_each_demo_scene_shows_its_panorama(page, live_server, demo_tour):
    scenes = [("taman", s.slug) for s in demo_tour.scenes.all()] + [
        ("sukodono", "front-office"),
        ("sukodono", "ruang-layanan"),
    ]
    for mall, scene in scenes:
        open_viewer(page, f"{live_server.url}/{mall}/tur/{scene}/")
        page.wait_for_timeout(600)  # tiles fade in after the stripe
        assert distinct_colours(page.locator("#tour-viewer canvas.psv-canvas").screenshot()) > 12, scene


def test_clicking_a_booth_opens_its_panel(page, live_server, demo_tour):
    page.add_init_script(EVENTS)
    open_viewer(page, f"{live_server.url}/taman/tur/spot-1/")
    page.click("#tour-spots button:has-text('eSPPT')")
    page.wait_for_timeout(300)
    page.locator(".psv-marker--visible.tour-marker--booth").first.click()
    panel = page.locator("#tour-panel")
    assert panel.is_visible()
    assert "eSPPT" in panel.locator("h2").inner_text()
    assert panel.locator(".tour-services a").count() >= 1
    assert ["mpp:booth", {"booth": "esppt"}] in page.evaluate("window.mppEvents")
    page.keyboard.press("Escape")
    assert not panel.is_visible()


def test_an_arrow_changes_the_scene(page, live_server, demo_tour):
    page.add_init_script(EVENTS)
    open_viewer(page, f"{live_server.url}/taman/tur/front-office/")
    page.click("#tour-spots button:has-text('Spot 2')")
    page.wait_for_url("**/taman/tur/spot-2/")
    expect(page.locator("#tour-status")).to_contain_text("Spot 2")
    assert page.locator("#tour-spots button:has-text('Polresta Sidoarjo')").count() == 1
    assert ["mpp:scene", {"scene": "spot-2"}] in page.evaluate("window.mppEvents")


def test_a_deep_link_opens_the_right_booth(page, live_server, demo_tour):
    page.goto(f"{live_server.url}/taman/tur/?booth=polresta-sidoarjo")
    panel = page.locator("#tour-panel")
    assert panel.is_visible() and "Polresta Sidoarjo" in panel.locator("h2").inner_text()
    assert panel.locator("a:has-text('SKCK')").count() >= 1
    page.click("[data-load-tour]")
    page.wait_for_selector("[data-tour][data-state=ready]")
    assert panel.is_visible(), "the panel stays open while the viewer turns to the booth"
    expect(page.locator("#tour-viewer")).to_have_attribute("data-yaw", "58")  # Polresta's booth in Spot 2


def test_arrow_keys_and_on_screen_buttons_turn_the_view(page, live_server, demo_tour):
    page.emulate_media(reduced_motion="reduce")
    open_viewer(page, f"{live_server.url}/taman/tur/spot-1/")
    viewer = page.locator("#tour-viewer")
    viewer.focus()
    page.keyboard.press("ArrowRight")
    expect(viewer).to_have_attribute("data-yaw", "23")
    page.click("[data-pan=left]")
    page.click("[data-pan=left]")
    expect(viewer).to_have_attribute("data-yaw", "-22")


def test_tab_reaches_every_hotspot_and_leaves_the_tour(page, live_server, demo_tour):
    open_viewer(page, f"{live_server.url}/taman/tur/spot-2/")
    expected = set(page.eval_on_selector_all("#tour-spots button", "els => els.map(e => e.dataset.spot)"))
    assert len(expected) == 7
    reached, left_tour = set(), False
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "document.activeElement.dataset.spot || document.activeElement.closest('#tour-list') && 'list'"
        )
        if focused == "list":
            left_tour = True
            break
        if focused:
            reached.add(focused)
    assert reached == expected and left_tour


def test_without_webgl2_the_page_keeps_the_poster_and_says_why(page, live_server, demo_tour):
    page.add_init_script(
        "const g = HTMLCanvasElement.prototype.getContext;"
        "HTMLCanvasElement.prototype.getContext = function (t, o) { return t === 'webgl2' ? null : g.call(this, t, o); };"
    )
    page.goto(f"{live_server.url}/taman/tur/spot-1/")
    assert "WebGL 2" in page.locator("#tour-status").inner_text()
    assert page.locator("#tour-poster").is_visible() and not page.locator("[data-load-tour]").is_visible()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_axe_finds_no_violations_before_and_after_loading_and_with_a_panel(page, live_server, demo_tour, prefix):
    axe = Axe()
    page.emulate_media(reduced_motion="reduce")
    page.goto(f"{live_server.url}{prefix}/taman/tur/spot-1/")
    assert axe.run(page).violations_count == 0, axe.run(page).generate_report()
    page.click("[data-load-tour]")
    page.wait_for_selector("[data-tour][data-state=ready]")
    assert axe.run(page).violations_count == 0, axe.run(page).generate_report()
    page.click("#tour-spots button >> nth=0")
    assert page.locator("#tour-panel").is_visible()
    result = axe.run(page)
    assert result.violations_count == 0, result.generate_report()


def test_the_editor_places_a_hotspot_that_citizens_then_see(page, live_server, demo_tour, personas):
    page.goto(f"{live_server.url}/admin/login/?next=/taman/tur/spot-2/sunting/")
    page.fill("#id_username", "budi")
    page.fill("#id_password", "demo-mpp-virtual")
    page.click("input[type=submit]")
    page.wait_for_selector("#editor-viewer[data-state=ready]", timeout=20_000)
    rows = page.locator("#editor-rows tr").count()
    page.select_option("#editor-kind", "link")
    page.select_option("#editor-target", label="Sky View")
    box = page.locator("#editor-viewer").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.75)
    expect(page.locator("#editor-rows tr")).to_have_count(rows + 1)
    new_row = page.locator("#editor-rows tr").last
    yaw_before = new_row.locator("[name=yaw]").input_value()
    x, y = box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.75
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 90, y - 10, steps=6)
    page.mouse.up()
    expect(new_row.locator("[name=yaw]")).not_to_have_value(yaw_before)  # dragged, saved, re-rendered
    open_viewer(page, f"{live_server.url}/taman/tur/spot-2/")
    assert page.locator("#tour-spots button:has-text('Sky View')").count() == 1
