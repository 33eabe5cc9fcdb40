import pytest
from django.core.management import CommandError, call_command

from tour.models import Panorama
from tour.tests.test_pipeline import bad_file

# The demo fixtures ask for the database lazily; the mark makes pytest-django create the test database.
pytestmark = pytest.mark.django_db


@pytest.fixture
def front_office(taman):
    return taman.scenes.get(slug="front-office")


def test_the_command_tiles_a_photo_and_prints_progress(front_office, media_root, small_pano, capsys):
    call_command("import_panorama", "taman", "front-office", str(small_pano))
    out = capsys.readouterr().out
    assert "1024×512" in out and "taman/front-office" in out
    panorama = Panorama.objects.get(scene=front_office)
    assert (media_root / panorama.folder / "1" / "f0_0.webp").exists()
    assert panorama.manifest["levels"][0] == {"faceSize": 512, "nbTiles": 1}


@pytest.mark.parametrize("kind", ["truncated", "wrong-ratio", "bomb", "html", "svg"])
def test_a_bad_file_keeps_the_previous_panorama(kind, front_office, media_root, small_pano, tmp_path):
    call_command("import_panorama", "taman", "front-office", str(small_pano))
    before = Panorama.objects.get(scene=front_office)
    with pytest.raises(CommandError, match="keeps its previous panorama"):
        call_command("import_panorama", "taman", "front-office", str(bad_file(kind, tmp_path)))
    after = Panorama.objects.get(scene=front_office)
    assert (after.folder, after.manifest) == (before.folder, before.manifest)
    assert (media_root / after.folder / "base.webp").exists()
    assert [p.name for p in (media_root / "tours" / str(front_office.pk)).iterdir()] == [before.folder.split("/")[-1]]


def test_a_new_photo_replaces_the_old_tiles(
    front_office, media_root, small_pano, tmp_path, django_capture_on_commit_callbacks
):
    from tour.tests.conftest import make_panorama

    call_command("import_panorama", "taman", "front-office", str(small_pano))
    old = Panorama.objects.get(scene=front_office).folder
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_panorama", "taman", "front-office", str(make_panorama(tmp_path / "b.jpg", seed=9)))
    new = Panorama.objects.get(scene=front_office).folder
    assert new != old and (media_root / new).exists() and not (media_root / old).exists()


def test_it_names_an_unknown_scene(taman, small_pano):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("import_panorama", "taman", "atap", str(small_pano))
