import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/tidak-ada/",
        "/taman/loket/x/",
        "/taman/instansi/x/",
        "/taman/layanan/x/",
        "/taman/peristiwa/x/",
        "/taman/a/b/c/",
    ],
)
def test_it_answers_unknown_pages_with_a_friendly_page(client, taman, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Halaman tidak ditemukan" in html and '<html lang="id">' in html
    assert 'data-page-kind="not_found"' in html


@pytest.mark.parametrize("path", ["/en/tidak-ada/", "/en/taman/layanan/x/", "/en/taman/a/b/c/"])
def test_it_speaks_english_under_en(client, taman, path):
    html = client.get(path).content.decode()
    assert "Page not found" in html and '<html lang="en">' in html
    assert "Halaman tidak ditemukan" not in html


def test_it_keeps_the_mall_header_under_a_known_mall(client, taman):
    html = client.get("/taman/layanan/x/").content.decode()
    assert 'class="brand" href="/taman/"' in html


def test_it_offers_the_mall_home_and_search_under_a_known_mall(client, taman):
    html = client.get("/taman/peristiwa/x/").content.decode()
    assert 'action="/taman/cari/"' in html and 'href="/taman/">Beranda MPP Virtual Kecamatan Taman</a>' in html


@pytest.mark.parametrize("path", ["/taman%00/layanan/x/", "/%ff%fe/", "/en/taman/layanan/%00/", "/" + "x" * 300 + "/"])
def test_odd_addresses_give_the_friendly_page_not_an_error(client, taman, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode() or "Page not found" in response.content.decode()


def test_pages_answer_head_requests_from_link_checkers(client, taman):
    assert client.head("/taman/layanan/skck/").status_code == 200
