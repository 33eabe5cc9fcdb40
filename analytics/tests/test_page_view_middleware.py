"""Server-side page views: every successful public mall page is counted once, without cookies."""

import pytest

from analytics.models import Event, Kind

from .conftest import BROWSER_UA, drain

pytestmark = pytest.mark.django_db


def get(client, url, **extra):
    return client.get(url, HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR="10.1.2.3", **extra)


def test_it_counts_a_service_page_with_its_service_and_agency(client, taman):
    service = taman.services.filter(status="published").first()
    response = get(client, service.get_absolute_url(), HTTP_REFERER="https://www.google.com/search?q=ktp+el")
    drain()

    assert response.status_code == 200
    event = Event.objects.get()
    assert event.kind == Kind.PAGE_VIEW
    assert (event.service_id, event.agency_id) == (service.id, service.agency_id)
    assert event.referrer == "www.google.com"


def test_it_counts_english_pages_too(client, taman):
    get(client, "/en/taman/")
    drain()

    assert Event.objects.filter(kind=Kind.PAGE_VIEW).count() == 1


def test_it_records_the_normalised_search_term_and_result_count(client, taman):
    response = get(client, "/taman/cari/?q=  KTP   Hilang  ")
    drain()

    search = Event.objects.get(kind=Kind.SEARCH)
    assert search.term == "ktp hilang"
    assert search.result_count == int(response["X-Result-Count"])


def test_it_cuts_long_search_terms(client, taman):
    get(client, "/taman/cari/?q=" + "a" * 150)
    drain()

    assert len(Event.objects.get(kind=Kind.SEARCH).term) == 60


@pytest.mark.parametrize("url", ["/taman/layanan/no-such-service/", "/nowhere/", "/admin/login/"])
def test_it_does_not_count_errors_or_staff_pages(client, taman, url):
    get(client, url)
    drain()

    assert Event.objects.count() == 0


def test_it_does_not_count_bots(client, taman):
    client.get("/taman/", HTTP_USER_AGENT="Mozilla/5.0 (compatible; bingbot/2.0)")
    client.get("/taman/")  # no user agent at all
    drain()

    assert Event.objects.count() == 0


def test_it_sets_no_cookie_for_citizens(client, taman):
    response = get(client, "/taman/")

    assert response.cookies == {}


def test_the_same_visitor_gets_the_same_key_and_others_a_different_one(client, taman):
    get(client, "/taman/")
    get(client, "/taman/berita/")
    client.get("/taman/", HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR="10.9.9.9")
    drain()

    keys = list(Event.objects.order_by("id").values_list("visitor", flat=True))
    assert keys[0] == keys[1] != keys[2]


def test_no_stored_column_can_hold_an_ip_or_user_agent(client, taman):
    get(client, "/taman/")
    drain()

    stored = Event.objects.values().get()
    text = " ".join(str(v) for v in stored.values())
    assert "10.1.2.3" not in text
    assert "Android" not in text
    assert not {"ip", "user_agent", "ua", "url", "query"} & set(stored)
