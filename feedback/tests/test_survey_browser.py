"""The survey in a real browser: no accessibility violations, and it works without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from feedback.models import SurveyResponse

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def violations(page, url):
    page.goto(url)
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [f"{v['id']}: {v['help']}" for v in result.response["violations"]]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_survey_pages_pass_axe(live_server, taman, page, prefix):
    pages = ["/taman/survei/?layanan=skck", "/taman/survei/", "/taman/survei/terima-kasih/"]
    found = {path: violations(page, live_server.url + prefix + path) for path in pages}
    assert {path: v for path, v in found.items() if v} == {}


def test_the_error_state_passes_axe(live_server, taman, page):
    page.goto(live_server.url + "/taman/survei/")
    page.get_by_role("button", name="Kirim jawaban").click()
    assert page.get_by_role("alert").is_visible()
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert result.response["violations"] == []


def test_a_citizen_answers_without_javascript_and_gets_no_cookie(live_server, taman, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/taman/survei/?layanan=skck")
    for label in ["Sesuai", "Mudah", "Cepat"]:
        page.get_by_label(label, exact=True).first.check()
    page.get_by_label("Usia").select_option("25-34")
    page.get_by_role("button", name="Kirim jawaban").click()
    assert page.get_by_role("heading", name="Terima kasih atas jawaban Anda").is_visible()
    assert context.cookies() == []
    answer = SurveyResponse.objects.get()
    assert (answer.service.slug, answer.u1, answer.u2, answer.u3, answer.u4) == ("skck", 3, 3, 3, None)
    context.close()


def test_the_thank_you_page_reports_one_answer_to_the_visitor_counter(live_server, taman, page):
    page.goto(live_server.url + "/taman/survei/?layanan=skck")
    page.get_by_label("Sesuai", exact=True).first.check()
    with page.expect_request(
        lambda r: r.url.endswith("/e") and "survey_submit" in (r.post_data or ""), timeout=15000
    ) as beacon:
        page.get_by_role("button", name="Kirim jawaban").click()
    assert '"service":"skck"' in beacon.value.post_data.replace(" ", "")
