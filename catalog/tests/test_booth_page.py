import pytest

from catalog.models import Service

pytestmark = pytest.mark.django_db


def test_it_shows_its_scene_agencies_and_services(client, taman):
    html = client.get("/taman/loket/polresta-sidoarjo/").content.decode()
    assert "Booth Polresta Sidoarjo" in html
    assert "di Spot 2" in html
    assert 'href="/taman/instansi/polresta-sidoarjo/"' in html
    assert 'href="/taman/layanan/skck/"' in html
    assert "Rp30.000" in html


def test_it_shows_cost_and_duration_of_each_service(client, taman):
    html = client.get("/taman/loket/dispenduk/").content.decode()
    assert html.count("Gratis (Rp0)") >= 5
    assert "Waktu" in html


def test_it_hides_draft_services(client, taman):
    draft = Service.objects.get(mall=taman, slug="keringanan-denda-pajak-daerah")
    html = client.get(f"/taman/loket/{draft.booth.slug}/").content.decode()
    assert draft.name not in html
    assert "/layanan/keringanan-denda-pajak-daerah/" not in html


def test_it_carries_the_booth_hook(client, taman):
    assert 'data-page-kind="booth" data-mall="taman" data-booth="dispenduk"' in (
        client.get("/taman/loket/dispenduk/").content.decode()
    )


def test_the_news_booth_goes_to_the_news(client, taman):
    response = client.get("/taman/loket/tb-news/")
    assert response.status_code == 302 and response["Location"] == "/taman/berita/"


def test_the_english_page_is_english(client, taman):
    html = client.get("/en/taman/loket/dispenduk/").content.decode()
    assert "Dispenduk booth" in html and "Free (Rp0)" in html and "Gratis (Rp0)" not in html


def test_it_keeps_malls_apart(client, sukodono):
    slugs = set(sukodono.booths.values_list("slug", flat=True)) - set(
        sukodono.__class__.objects.get(slug="taman").booths.values_list("slug", flat=True)
    )
    assert slugs
    assert client.get(f"/taman/loket/{slugs.pop()}/").status_code == 404


def test_it_needs_few_queries(client, taman, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get("/taman/loket/dinkes-pa/")


def test_an_unknown_booth_is_a_friendly_404_in_english_too(client, taman):
    response = client.get("/en/taman/loket/tidak-ada/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
