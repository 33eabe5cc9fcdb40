import pytest

from malls.models import Mall

pytestmark = pytest.mark.django_db


def test_it_lists_the_published_malls(client, sukodono):
    html = client.get("/").content.decode()
    assert 'href="/taman/"' in html and 'href="/sukodono/"' in html
    assert 'data-page-kind="root"' in html


def test_it_goes_straight_to_the_only_mall(client, sukodono):
    Mall.objects.filter(slug="sukodono").update(is_published=False)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/taman/"


def test_the_english_list_is_english(client, sukodono):
    html = client.get("/en/").content.decode()
    assert "Virtual Public Service Mall" in html
    assert 'href="/en/taman/"' in html
