"""Writes that touch several rows or files: importing a panorama, running queued imports, saving hotspots."""

import shutil
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import pipeline
from .models import Panorama, PanoramaJob

TOURS_DIR = "tours"


def scene_media_dir(scene):
    return Path(settings.MEDIA_ROOT) / TOURS_DIR / str(scene.pk)


def import_panorama(scene, path, progress=None, generator="", initial_yaw=None, initial_pitch=None):
    """Tiles `path` and switches the scene to it; on PanoramaError the scene keeps its previous panorama."""
    current = Panorama.objects.filter(scene=scene).first()
    yaw = initial_yaw if initial_yaw is not None else (current.initial_yaw if current else 0.0)
    pitch = initial_pitch if initial_pitch is not None else (current.initial_pitch if current else 0.0)
    name, manifest = pipeline.build_into(path, scene_media_dir(scene), yaw, pitch, progress)
    folder = f"{TOURS_DIR}/{scene.pk}/{name}"
    with transaction.atomic():
        panorama, _ = Panorama.objects.select_for_update().get_or_create(
            scene=scene, defaults={"folder": folder, "initial_yaw": yaw, "initial_pitch": pitch}
        )
        old_folder = panorama.folder
        panorama.folder = folder
        panorama.manifest = manifest
        panorama.source_name = Path(path).name[:200]
        panorama.generator = generator
        panorama.initial_yaw = yaw
        panorama.initial_pitch = pitch
        panorama.save()
    if old_folder and old_folder != folder:
        transaction.on_commit(lambda: shutil.rmtree(Path(settings.MEDIA_ROOT) / old_folder, ignore_errors=True))
    return panorama


def run_panorama_job(job):
    job.status = PanoramaJob.RUNNING
    job.save(update_fields=["status"])
    try:
        import_panorama(job.scene, job.upload.path)
    except pipeline.PanoramaError as exc:
        job.status, job.message = PanoramaJob.FAILED, str(exc)
    except Exception as exc:  # the worker must go on with the next job; staff see the reason
        job.status, job.message = PanoramaJob.FAILED, f"Kesalahan tak terduga: {exc.__class__.__name__}"
    else:
        job.status, job.message = PanoramaJob.DONE, "Panorama baru sudah tayang."
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "message", "finished_at"])
    # The original may carry GPS tags: it leaves quarantine as soon as it has been processed.
    job.upload.delete(save=False)
    return job


def process_pending_panorama_jobs():
    """Worker job: processes queued imports, oldest first."""
    done = 0
    for job in PanoramaJob.objects.pending().select_related("scene"):
        claimed = PanoramaJob.objects.filter(pk=job.pk, status=PanoramaJob.PENDING).update(status=PanoramaJob.RUNNING)
        if claimed:
            run_panorama_job(job)
            done += 1
    return done
