import pytest

# The demo fixtures ask for the database lazily; the mark makes pytest-django create the test database.
pytestmark = pytest.mark.django_db


def test_tiles_are_served_as_immutable_with_nosniff(client, demo_tour):
    panorama = demo_tour.scenes.get(slug="spot-1").panorama
    response = client.get(f"/media/{panorama.folder}/1/f0_0.webp")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "image/webp"


def test_quarantined_uploads_are_never_served(client, media_root):
    (media_root / "quarantine").mkdir()
    (media_root / "quarantine" / "abc").write_bytes(b"\xff\xd8\xff secret gps")
    assert client.get("/media/quarantine/abc").status_code == 404
    assert client.get("/media/tours/../quarantine/abc").status_code == 404
