import datetime

import pytest

from catalog.models import Service
from catalog.templatetags.mpp import channel_href
from malls.models import OpeningHours

pytestmark = pytest.mark.django_db


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_six_parts_of_the_service_standard(client, taman):
    html = page(client, "/taman/layanan/skck/")
    for heading in ["Persyaratan", "Prosedur", "Waktu", "Biaya", "Hasil", "Pengaduan"]:
        assert f">{heading}</h2>" in html
    assert '<ol class="steps">' in html
    assert "Pas foto berwarna 4x6 cm" in html


def test_it_states_the_skck_fee_in_rupiah(client, taman):
    assert "Rp30.000" in page(client, "/taman/layanan/skck/")


def test_it_says_plainly_that_a_free_service_is_free(client, taman):
    assert "Gratis (Rp0)" in page(client, "/taman/layanan/ktp-el-baru/")


def test_it_shows_the_cost_text_when_the_amount_varies(client, taman):
    service = Service.objects.get(mall=taman, slug="cek-bayar-pbb")
    assert service.cost_amount is None
    assert service.cost_text in page(client, "/taman/layanan/cek-bayar-pbb/")


def test_its_one_online_button_points_to_the_official_channel(client, taman):
    html = page(client, "/taman/layanan/skck/")
    assert html.count('class="button"') == 1
    channel = Service.objects.get(mall=taman, slug="skck").online_channel
    assert channel.url == "https://skck.polri.go.id"
    assert f'class="button" href="{channel_href(channel)}"' in html
    assert "Buka <span>SKCK online Polri</span>" in html


def test_without_a_channel_it_says_so_and_points_to_the_booth(client, taman):
    html = page(client, "/taman/layanan/aktivasi-ikd/")
    assert 'class="button"' not in html
    assert "belum punya kanal daring" in html
    assert 'href="/taman/loket/dispenduk/"' in html


def test_it_says_where_to_go_in_the_physical_mall(client, taman):
    html = page(client, "/taman/layanan/skck/")
    assert "Booth Polresta Sidoarjo" in html
    assert "di Spot 2" in html


def test_it_gives_the_opening_hours_of_the_physical_mall(client, taman):
    assert taman.hours_note in page(client, "/taman/layanan/skck/")
    OpeningHours.objects.create(mall=taman, weekday=5, opens=datetime.time(8), closes=datetime.time(12))
    assert "Sabtu 08.00–12.00 WIB" in page(client, "/taman/layanan/skck/")


def test_it_folds_the_legal_basis_away_and_dates_the_review(client, taman):
    html = page(client, "/taman/layanan/skck/")
    assert "<summary>Dasar hukum</summary>" in html
    assert "Diperbarui 1 Desember 2026" in html


def test_it_warns_when_the_facts_are_not_confirmed(client, taman):
    assert "Data ini perlu dicek ke instansi" in page(client, "/taman/layanan/skck/")
    assert "Data ini perlu dicek ke instansi" not in page(client, "/taman/layanan/pengaduan-lapor/")


def test_it_offers_a_whatsapp_share_link_with_the_page_address(client, taman):
    html = page(client, "/taman/layanan/skck/")
    assert "https://wa.me/?text=SKCK" in html
    assert "http%3A%2F%2Ftestserver%2Ftaman%2Flayanan%2Fskck%2F" in html


def test_it_links_the_life_events_it_belongs_to(client, taman):
    assert 'href="/taman/peristiwa/melamar-kerja/"' in page(client, "/taman/layanan/skck/")


def test_it_describes_itself_as_a_government_service_for_search_engines(client, taman):
    html = page(client, "/taman/layanan/skck/")
    assert '<script type="application/ld+json">' in html
    assert '"@type":"GovernmentService"' in html


def test_it_stays_small(client, taman):
    assert len(page(client, "/taman/layanan/skck/").encode()) < 30_000


def test_the_english_page_is_english(client, taman):
    html = page(client, "/en/taman/layanan/skck/")
    assert '<html lang="en">' in html
    for heading in ["What you need", "Steps", "Cost", "What you get", "Complaints"]:
        assert f">{heading}</h2>" in html
    assert "Updated 1 December 2026" in html
    assert "Persyaratan" not in html
    assert 'href="/taman/layanan/skck/" hreflang="id"' in html


def test_the_english_page_says_free_in_english(client, taman):
    assert "Free (Rp0)" in page(client, "/en/taman/layanan/ktp-el-baru/")


def test_it_hides_draft_services(client, taman):
    assert Service.objects.get(mall=taman, slug="keringanan-denda-pajak-daerah").status == Service.DRAFT
    assert client.get("/taman/layanan/keringanan-denda-pajak-daerah/").status_code == 404


def test_it_keeps_malls_apart(client, sukodono):
    assert client.get("/sukodono/layanan/surat-pengantar-kecamatan/").status_code == 200
    assert client.get("/taman/layanan/surat-pengantar-kecamatan/").status_code == 404


def test_an_unknown_service_is_a_friendly_404(client, taman):
    response = client.get("/taman/layanan/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_its_structured_data_stays_small_and_cannot_break_out_of_its_script(client, taman):
    Service.objects.filter(mall=taman, slug="skck").update(name="SKCK </script><b>x</b>")
    html = page(client, "/taman/layanan/skck/")
    start = html.index('<script type="application/ld+json">')
    block = html[start : html.index("</script>", start)]
    assert len(block.encode()) < 1500
    assert "\\u003c/script\\u003e" in block
