"""The public survey page: anonymous answers, no cookies, same-origin posts, honeypot and rate limit."""

import pytest
from django.urls import reverse
from django.utils import translation

from feedback import flood
from feedback.models import SurveyResponse

pytestmark = pytest.mark.django_db


def url(mall="taman", lang=None):
    with translation.override("id"):
        path = reverse("feedback-survey", args=[mall])
    return f"/en{path}" if lang == "en" else path


def test_it_shows_nine_questions_about_the_service_the_citizen_came_from(client, taman):
    response = client.get(url() + "?layanan=ktp-el-baru")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('type="radio"') == 36
    assert "Tentang layanan" in html and "KTP" in html
    assert 'data-page-kind="survey"' in html
    assert not response.cookies


def test_it_is_complete_in_english(client, taman):
    html = client.get(url(lang="en")).content.decode()
    assert "Do the requirements fit the kind of service?" in html
    assert "Very suitable" in html
    assert "Send answers" in html
    assert "Kirim jawaban" not in html


def test_it_stores_an_anonymous_answer_and_thanks_the_citizen(client, taman, all_answers):
    response = client.post(url(), {**all_answers, "service": "ktp-el-baru", "age_band": "25-34", "sex": "P"})
    assert response.status_code == 302
    assert response["Location"] == "/taman/survei/terima-kasih/?layanan=ktp-el-baru&loket=dispenduk"
    assert not response.cookies
    answer = SurveyResponse.objects.get()
    assert answer.service.slug == "ktp-el-baru"
    assert answer.booth == answer.service.booth
    assert (answer.u1, answer.u9, answer.age_band, answer.sex) == (4, 4, "25-34", "P")
    assert client.get(response["Location"]).status_code == 200


def test_it_lets_the_citizen_name_the_booth(client, taman, all_answers):
    client.post(url(), {**all_answers, "booth": "polresta-sidoarjo"})
    assert SurveyResponse.objects.get().booth.slug == "polresta-sidoarjo"


def test_it_asks_for_at_least_one_answer(client, taman):
    response = client.post(url(), {"suggestion": "ok"})
    assert response.status_code == 400
    assert "Jawab paling sedikit satu pertanyaan" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_it_rejects_scores_outside_one_to_four_in_the_page_language(client, taman, all_answers):
    response = client.post(url(lang="en"), {**all_answers, "u3": "5"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_it_limits_the_length_of_the_suggestion(client, taman, all_answers):
    response = client.post(url(), {**all_answers, "suggestion": "x" * 501})
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_a_filled_honeypot_looks_accepted_but_stores_nothing(client, taman, all_answers):
    response = client.post(url(), {**all_answers, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not SurveyResponse.objects.exists()


def test_it_refuses_posts_from_other_sites(client, taman, all_answers):
    response = client.post(url(), all_answers, HTTP_ORIGIN="https://evil.example", HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    assert not SurveyResponse.objects.exists()


def test_it_accepts_posts_from_its_own_page(client, taman, all_answers):
    response = client.post(url(), all_answers, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 302


def test_it_rate_limits_one_visitor_but_not_another(client, taman, all_answers):
    for _ in range(flood.LIMIT):
        assert client.post(url(), all_answers, REMOTE_ADDR="10.0.0.1").status_code == 302
    blocked = client.post(url(), all_answers, REMOTE_ADDR="10.0.0.1")
    assert blocked.status_code == 429
    assert "Terlalu banyak jawaban" in blocked.content.decode()
    assert client.post(url(), all_answers, REMOTE_ADDR="10.0.0.2").status_code == 302
    assert SurveyResponse.objects.count() == flood.LIMIT + 1


def test_the_visitor_key_stores_no_address(rf, taman):
    request = rf.post("/", REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="Android")
    key = flood.visitor_key(request, taman)
    assert "10.1.2.3" not in key and "Android" not in key
    assert key != flood.visitor_key(rf.post("/", REMOTE_ADDR="10.1.2.4", HTTP_USER_AGENT="Android"), taman)


def test_an_unknown_mall_is_not_found(client, taman):
    assert client.get(url("nowhere")).status_code == 404


def test_an_unknown_service_slug_falls_back_to_the_mall_survey(client, taman):
    response = client.get(url() + "?layanan=does-not-exist")
    assert response.status_code == 200
    assert "Tentang layanan" not in response.content.decode()


def test_a_booth_link_preselects_that_booth(client, taman):
    html = client.get(url() + "?loket=polresta-sidoarjo").content.decode()
    assert "Tentang loket" in html
    assert '<option value="polresta-sidoarjo" selected>' in html


def test_the_thank_you_page_is_english_on_english_pages(client, taman):
    html = client.get("/en/taman/survei/terima-kasih/?layanan=skck").content.decode()
    assert "Thank you for your answers" in html
    assert 'data-survey-service="skck"' in html
