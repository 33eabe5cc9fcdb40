import pytest

from catalog.models import Agency, Channel
from catalog.templatetags.mpp import channel_href

pytestmark = pytest.mark.django_db


def test_it_lists_services_channels_and_booths(client, taman):
    html = client.get("/taman/instansi/polresta-sidoarjo/").content.decode()
    assert 'href="/taman/layanan/skck/"' in html
    skck_online = Channel.objects.get(mall=taman, url="https://skck.polri.go.id")
    assert f'href="{channel_href(skck_online)}"' in html
    assert 'href="/taman/loket/polresta-sidoarjo/"' in html


def test_it_shows_unverified_channels_as_text(client, taman):
    channel = Channel.objects.filter(mall=taman, url="").select_related("agency").first()
    html = client.get(f"/taman/instansi/{channel.agency.slug}/").content.decode()
    assert channel.label in html
    assert "alamat belum terverifikasi" in html


def test_it_shows_contact_details(client, taman):
    agency = Agency.objects.filter(mall=taman).exclude(address="").first()
    html = client.get(f"/taman/instansi/{agency.slug}/").content.decode()
    assert agency.address in html


def test_it_hides_draft_services(client, taman):
    draft_agency = taman.services.get(slug="keringanan-denda-pajak-daerah").agency
    html = client.get(f"/taman/instansi/{draft_agency.slug}/").content.decode()
    assert "/layanan/keringanan-denda-pajak-daerah/" not in html


def test_the_english_page_is_english(client, taman):
    html = client.get("/en/taman/instansi/polresta-sidoarjo/").content.decode()
    assert "Official channels" in html and "Kanal resmi" not in html


def test_it_keeps_malls_apart(client, sukodono):
    only_sukodono = set(sukodono.agencies.values_list("slug", flat=True)) - set(
        Agency.objects.filter(mall__slug="taman").values_list("slug", flat=True)
    )
    assert client.get(f"/taman/instansi/{only_sukodono.pop()}/").status_code == 404


def test_it_needs_few_queries(client, taman, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get("/taman/instansi/dispendukcapil/")


def test_an_unknown_agency_is_a_friendly_404(client, taman):
    response = client.get("/en/taman/instansi/tidak-ada/")
    assert response.status_code == 404 and "Page not found" in response.content.decode()
