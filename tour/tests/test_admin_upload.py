import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tour.actions import process_pending_panorama_jobs
from tour.models import Panorama, PanoramaJob
from tour.tests.test_pipeline import bad_file

# The demo fixtures ask for the database lazily; the mark makes pytest-django create the test database.
pytestmark = pytest.mark.django_db

ADD_URL = "/admin/tour/panoramajob/add/"


@pytest.fixture
def budi(client, personas):
    client.force_login(personas["budi"])
    return client


def upload(client, scene, path):
    with open(path, "rb") as fh:
        data = SimpleUploadedFile(path.name, fh.read(), content_type="image/jpeg")
    return client.post(ADD_URL, {"scene": scene.pk, "upload": data})


def test_an_upload_is_queued_then_processed_by_the_worker(budi, taman, media_root, small_pano):
    scene = taman.scenes.get(slug="spot-1")
    response = upload(budi, scene, small_pano)
    assert response.status_code == 302
    job = PanoramaJob.objects.get()
    assert job.status == PanoramaJob.PENDING and not Panorama.objects.filter(scene=scene).exists()
    assert process_pending_panorama_jobs() == 1
    job.refresh_from_db()
    assert job.status == PanoramaJob.DONE
    assert Panorama.objects.filter(scene=scene).exists()
    assert not list((media_root / "quarantine").iterdir())
    listing = budi.get("/admin/tour/panoramajob/")
    assert "Selesai" in listing.content.decode()


@pytest.mark.parametrize("kind", ["wrong-ratio", "bomb", "html", "svg"])
def test_the_form_rejects_what_the_header_shows_is_wrong(kind, budi, taman, media_root, tmp_path):
    response = upload(budi, taman.scenes.get(slug="spot-1"), bad_file(kind, tmp_path))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not PanoramaJob.objects.exists()


def test_a_truncated_upload_fails_with_a_message_and_keeps_the_old_panorama(
    budi, taman, media_root, small_pano, tmp_path
):
    scene = taman.scenes.get(slug="spot-1")
    upload(budi, scene, small_pano)
    process_pending_panorama_jobs()
    before = Panorama.objects.get(scene=scene).folder
    upload(budi, scene, bad_file("truncated", tmp_path))
    process_pending_panorama_jobs()
    job = PanoramaJob.objects.order_by("-id").first()
    assert job.status == PanoramaJob.FAILED and "rusak" in job.message
    assert Panorama.objects.get(scene=scene).folder == before


def test_an_operator_cannot_queue_panoramas(client, personas, taman):
    client.force_login(personas["citra"])
    assert client.get(ADD_URL).status_code == 403
