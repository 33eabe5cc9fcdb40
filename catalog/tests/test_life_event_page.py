import pytest

from catalog.models import LifeEvent, LifeEventStep, Service

pytestmark = pytest.mark.django_db


def test_it_numbers_the_steps_across_agencies(client, taman):
    html = client.get("/taman/peristiwa/kelahiran/").content.decode()
    assert '<ol class="journey">' in html
    assert 'href="/taman/layanan/akta-kelahiran/"' in html
    assert "Gratis (Rp0)" in html
    assert "Booth Dispenduk, di Front Office" in html


def test_it_shows_the_event_note(client, taman):
    event = taman.life_events.exclude(note="").first()
    assert event.note in client.get(f"/taman/peristiwa/{event.slug}/").content.decode()


def test_it_hides_draft_services(client, taman):
    event = taman.life_events.get(slug="kelahiran")
    step = LifeEventStep.objects.filter(life_event=event).select_related("service").first()
    Service.objects.filter(pk=step.service.pk).update(status=Service.DRAFT)
    html = client.get("/taman/peristiwa/kelahiran/").content.decode()
    assert f'/layanan/{step.service.slug}/"' not in html


def test_the_english_page_is_english(client, taman):
    html = client.get("/en/taman/peristiwa/kelahiran/").content.decode()
    assert "Having a baby" in html or taman.life_events.get(slug="kelahiran").name_en in html
    assert "Free (Rp0)" in html and "Gratis" not in html


def test_it_needs_few_queries(client, taman, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get("/taman/peristiwa/kelahiran/")


def test_an_unknown_life_event_is_a_friendly_404(client, taman):
    response = client.get("/en/taman/peristiwa/tidak-ada/")
    assert response.status_code == 404 and "Page not found" in response.content.decode()


def test_it_keeps_malls_apart(client, sukodono):
    taman_events = set(LifeEvent.objects.filter(mall__slug="taman").values_list("slug", flat=True))
    only_taman = taman_events - set(sukodono.life_events.values_list("slug", flat=True))
    assert client.get(f"/sukodono/peristiwa/{sorted(only_taman)[0]}/").status_code == 404
