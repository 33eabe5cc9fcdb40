import datetime

import pytest

from catalog.models import Booth, LifeEvent
from malls.models import OpeningHours

pytestmark = pytest.mark.django_db


def test_it_describes_the_mall_and_offers_a_search_box(client, taman):
    html = client.get("/taman/").content.decode()
    assert "Mal pelayanan publik versi virtual" in html
    assert 'action="/taman/cari/"' in html and 'name="q"' in html


def test_it_lists_the_eleven_booths_grouped_by_scene(client, taman):
    html = client.get("/taman/").content.decode()
    for booth in Booth.objects.for_mall(taman).exclude(kind="news"):
        assert f'href="/taman/loket/{booth.slug}/"' in html
    assert Booth.objects.for_mall(taman).count() == 11
    assert "Di Front Office" in html and "Di Spot 2" in html


def test_the_news_booth_links_to_the_news(client, taman):
    html = client.get("/taman/").content.decode()
    assert 'href="/taman/berita/">TB News</a>' in html


def test_it_lists_the_life_events(client, taman):
    html = client.get("/taman/").content.decode()
    for event in LifeEvent.objects.for_mall(taman):
        assert f'href="/taman/peristiwa/{event.slug}/"' in html


def test_it_tells_honestly_when_opening_hours_are_unknown(client, taman):
    html = client.get("/taman/").content.decode()
    assert "Mal Pelayanan Publik Kabupaten Sidoarjo" in html
    assert taman.hours_note in html
    assert "Buka sekarang" not in html


def test_it_writes_opening_hours_the_indonesian_way(client, taman):
    for day in range(5):
        OpeningHours.objects.create(mall=taman, weekday=day, opens=datetime.time(8), closes=datetime.time(15))
    assert "Senin–Jumat 08.00–15.00 WIB" in client.get("/taman/").content.decode()
    assert "Monday–Friday 08.00–15.00 WIB" in client.get("/en/taman/").content.decode()


def test_it_says_whether_the_mall_is_open_now(client, taman):
    today = taman.local_now().weekday()
    OpeningHours.objects.create(mall=taman, weekday=today, opens=datetime.time(0), closes=datetime.time(23, 59, 59))
    assert "Buka sekarang · tutup pukul 23.59 WIB" in client.get("/taman/").content.decode()
    assert "Open now · closes at 23.59 WIB" in client.get("/en/taman/").content.decode()
    OpeningHours.objects.filter(mall=taman).update(weekday=(today + 1) % 7)
    html = client.get("/taman/").content.decode()
    assert "Buka sekarang" not in html and ">Tutup<" in html


def test_it_marks_demo_content(client, taman):
    assert "Konten demo" in client.get("/taman/").content.decode()


def test_a_real_mall_carries_no_demo_notice(client, taman):
    taman.is_demo = False
    taman.save()
    assert "Konten demo" not in client.get("/taman/").content.decode()


def test_it_carries_the_hooks_for_page_analytics(client, taman):
    assert 'data-page-kind="home" data-mall="taman"' in client.get("/taman/").content.decode()


def test_the_english_page_is_english_and_links_back(client, taman):
    html = client.get("/en/taman/").content.decode()
    assert '<html lang="en">' in html
    assert "Service booths" in html and "Booth layanan" not in html
    assert 'href="/taman/" hreflang="id" lang="id">Bahasa Indonesia</a>' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/taman/">' in html


def test_it_needs_few_queries(client, taman, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get("/taman/")


def test_an_unknown_mall_is_a_friendly_404(client, taman):
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()
