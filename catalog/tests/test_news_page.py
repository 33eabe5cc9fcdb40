import pytest

from catalog.models import NewsItem, Service

pytestmark = pytest.mark.django_db


def test_it_lists_the_news_with_date_and_demo_marker(client, taman):
    item = NewsItem.objects.published().for_mall(taman).first()
    html = client.get("/taman/berita/").content.decode()
    assert item.title in html
    assert "[Demo]" in html
    assert "[Demo] [Demo]" not in html and "</span> [Demo]" not in html
    assert f'<time datetime="{item.published_on:%Y-%m-%d}">' in html


def test_it_links_related_services(client, taman):
    item = NewsItem.objects.published().for_mall(taman).filter(related_services__isnull=False).first()
    service = item.related_services.first()
    assert f'href="/taman/layanan/{service.slug}/"' in client.get("/taman/berita/").content.decode()


def test_it_hides_drafts_and_draft_related_services(client, taman):
    item = NewsItem.objects.published().for_mall(taman).first()
    item.related_services.add(Service.objects.get(mall=taman, slug="keringanan-denda-pajak-daerah"))
    hidden = NewsItem.objects.create(mall=taman, slug="rahasia", title="Berita draf rahasia", body="x")
    html = client.get("/taman/berita/").content.decode()
    assert hidden.title not in html
    assert "keringanan-denda-pajak-daerah" not in html


def test_the_english_page_is_english(client, taman):
    html = client.get("/en/taman/berita/").content.decode()
    assert "News" in html and "Berita:" not in html


def test_it_needs_few_queries(client, taman, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get("/taman/berita/")
