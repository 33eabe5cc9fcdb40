"""python manage.py import_panorama <mall> <scene> <file>: tiles a 360° photo for a scene, in the foreground."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalog.models import Scene
from tour.actions import import_panorama
from tour.pipeline import PanoramaError


class Command(BaseCommand):
    help = "Import an equirectangular 360° photo (JPEG, PNG or WebP, 2:1) as the panorama of a scene."

    def add_arguments(self, parser):
        parser.add_argument("mall", help="Mall slug, e.g. taman")
        parser.add_argument("scene", help="Scene slug, e.g. front-office")
        parser.add_argument("file", help="Path of the photo")
        parser.add_argument("--yaw", type=float, default=None, help="Initial view direction in degrees")

    def handle(self, *args, **options):
        scene = Scene.objects.filter(mall__slug=options["mall"], slug=options["scene"]).select_related("mall").first()
        if scene is None:
            raise CommandError(f"Scene {options['mall']}/{options['scene']} does not exist.")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: file not found.")
        try:
            panorama = import_panorama(scene, path, progress=self.stdout.write, initial_yaw=options["yaw"])
        except PanoramaError as exc:
            raise CommandError(f"{path.name}: {exc} The scene keeps its previous panorama.") from exc
        self.stdout.write(self.style.SUCCESS(f"{scene.mall.slug}/{scene.slug}: panorama in {panorama.folder}"))
