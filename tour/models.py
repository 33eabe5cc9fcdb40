"""The 360° tour: one tiled panorama per scene, its hotspots, and the queue of panorama imports.

Scenes and booths belong to the directory (`catalog`); this app adds what the viewer needs on top.
"""

import uuid

from django.conf import settings
from django.db import models

from catalog.models import Booth, Scene, TranslatedMixin


class PanoramaQuerySet(models.QuerySet):
    def for_mall(self, mall):
        return self.filter(scene__mall=mall)


class Panorama(models.Model):
    """The tiles currently shown for a scene. A new import writes a new folder, then this row switches to it."""

    scene = models.OneToOneField(Scene, on_delete=models.CASCADE, related_name="panorama", verbose_name="tampilan")
    folder = models.CharField("folder", max_length=200, help_text="Relatif terhadap MEDIA_ROOT.")
    manifest = models.JSONField("manifes", default=dict)
    source_name = models.CharField("berkas asal", max_length=200, blank=True)
    generator = models.CharField(
        "pembuat", max_length=60, blank=True, help_text="Versi gambar demo; kosong untuk foto unggahan."
    )
    initial_yaw = models.FloatField("arah awal (yaw, derajat)", default=0)
    initial_pitch = models.FloatField("arah awal (pitch, derajat)", default=0)
    updated_at = models.DateTimeField("diperbarui", auto_now=True)

    objects = PanoramaQuerySet.as_manager()

    class Meta:
        verbose_name = "panorama"
        verbose_name_plural = "panorama"

    def __str__(self):
        return f"{self.scene.mall.slug}/{self.scene.slug}"

    @property
    def url_root(self):
        return f"{settings.MEDIA_URL}{self.folder}"

    @property
    def download_bytes(self):
        """Bytes a citizen downloads for this scene at the first view: stripe plus the smallest tile level."""
        return self.manifest.get("first_view_bytes", 0)


class Hotspot(TranslatedMixin, models.Model):
    """A point on a panorama: a booth, a link to another scene, or a short piece of information."""

    BOOTH = "booth"
    LINK = "link"
    INFO = "info"
    KINDS = [(BOOTH, "Booth"), (LINK, "Tautan ke tampilan lain"), (INFO, "Informasi")]

    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="hotspots", verbose_name="tampilan")
    kind = models.CharField("jenis", max_length=10, choices=KINDS)
    yaw = models.FloatField("yaw (derajat, -180–180)")
    pitch = models.FloatField("pitch (derajat, -90–90)", default=0)
    booth = models.ForeignKey(
        Booth, on_delete=models.CASCADE, null=True, blank=True, related_name="hotspots", verbose_name="booth"
    )
    target = models.ForeignKey(
        Scene, on_delete=models.CASCADE, null=True, blank=True, related_name="incoming", verbose_name="menuju"
    )
    label = models.CharField("label", max_length=120, blank=True)
    label_en = models.CharField("label (Inggris)", max_length=120, blank=True)

    class Meta:
        ordering = ["scene", "yaw"]
        verbose_name = "titik tur"
        verbose_name_plural = "titik tur"

    def __str__(self):
        return self.display_label()

    def display_label(self, lang=None):
        if self.label:
            return self.tr("label", lang)
        if self.kind == self.BOOTH and self.booth_id:
            return self.booth.tr("name", lang)
        if self.kind == self.LINK and self.target_id:
            return self.target.tr("name", lang)
        return ""


def quarantine_path(job, filename):
    # The original keeps its GPS and camera tags; it stays outside MEDIA_ROOT's public folders until processed.
    return f"quarantine/{uuid.uuid4().hex}"


class PanoramaJobQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=PanoramaJob.PENDING).order_by("created_at")


class PanoramaJob(models.Model):
    """A panorama import waiting for, or done by, the background worker."""

    PENDING, RUNNING, DONE, FAILED = "pending", "running", "done", "failed"
    STATUSES = [(PENDING, "Menunggu"), (RUNNING, "Diproses"), (DONE, "Selesai"), (FAILED, "Gagal")]

    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="panorama_jobs", verbose_name="tampilan")
    upload = models.FileField("foto 360° (equirectangular)", upload_to=quarantine_path, max_length=200)
    original_name = models.CharField("nama berkas", max_length=200, blank=True)
    status = models.CharField("status", max_length=10, choices=STATUSES, default=PENDING)
    message = models.TextField("pesan", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="diunggah oleh"
    )
    created_at = models.DateTimeField("diunggah", auto_now_add=True)
    finished_at = models.DateTimeField("selesai", null=True, blank=True)

    objects = PanoramaJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "impor panorama"
        verbose_name_plural = "impor panorama"

    def __str__(self):
        return f"{self.scene} – {self.get_status_display()}"
