import pytest

from catalog.models import Service

pytestmark = pytest.mark.django_db


def test_it_prefills_the_form_and_counts_the_results(client, taman):
    response = client.get("/taman/cari/", {"q": "skck"})
    html = response.content.decode()
    assert 'value="skck"' in html
    assert 'href="/taman/layanan/skck/"' in html
    assert "Rp30.000" in html and "Polresta Sidoarjo" in html
    count = int(response["X-Result-Count"])
    assert count >= 1 and f'data-result-count="{count}"' in html
    assert "layanan ditemukan" in html


def test_an_empty_result_offers_life_events_and_booths(client, taman):
    html = client.get("/taman/cari/", {"q": "qwxzzyv"}).content.decode()
    assert "0 layanan ditemukan" in html
    assert 'href="/taman/peristiwa/kelahiran/"' in html
    assert 'href="/taman/loket/dispenduk/"' in html


def test_an_empty_query_shows_the_form_and_entry_points(client, taman):
    html = client.get("/taman/cari/").content.decode()
    assert 'name="q"' in html and "ditemukan" not in html
    assert 'href="/taman/peristiwa/kelahiran/"' in html


def test_it_carries_the_search_hooks(client, taman):
    html = client.get("/taman/cari/", {"q": "  skck  "}).content.decode()
    assert 'data-page-kind="search"' in html and 'data-query="skck"' in html


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "a" * 10_000,
        "<script>alert(1)</script>",
        "'; DROP TABLE catalog_service; --",
        "%_\\*?[]{}()|^$",
        "ktp\x00el",
        "\x00",
        "😀 ktp",
    ],
)
def test_any_input_gives_a_normal_page(client, taman, raw):
    response = client.get("/taman/cari/", {"q": raw})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()
    assert Service.objects.filter(mall=taman).count() == 70


def test_invalid_utf8_escapes_give_a_normal_page(client, taman):
    assert client.get("/taman/cari/?q=%ff%fe%C0%AF").status_code == 200
    assert client.get("/taman/cari.json?q=%ff%00").status_code == 200


def test_it_never_shows_draft_services(client, taman):
    draft = Service.objects.get(mall=taman, slug="keringanan-denda-pajak-daerah")
    for path in ("/taman/cari/", "/taman/cari.json"):
        html = client.get(path, {"q": draft.name}).content.decode()
        assert "keringanan-denda-pajak-daerah" not in html


def test_it_keeps_malls_apart(client, sukodono):
    html = client.get("/taman/cari/", {"q": "pajak kendaraan"}).content.decode()
    assert "bayar-pajak-kendaraan" not in html


def test_the_english_page_is_english(client, taman):
    html = client.get("/en/taman/cari/", {"q": "skck"}).content.decode()
    assert "Search for a service" in html and "found for" in html
    assert 'href="/en/taman/layanan/skck/"' in html


def test_it_needs_few_queries(client, taman, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get("/taman/cari/", {"q": "ktp"})
    with django_assert_max_num_queries(8):
        client.get("/taman/cari/", {"q": "qwxzzyv"})
