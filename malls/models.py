"""Tenants (malls) and the roles of the staff who run them."""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from mppvirtual.lib.translated import TranslatedMixin

# First path segments that belong to the platform, never to a mall.
RESERVED_SLUGS = {"admin", "api", "static", "media", "en", "id", "staf", "healthz", "e", "ke", "ringkasan"}

TIMEZONES = [
    ("Asia/Jakarta", "WIB (Asia/Jakarta)"),
    ("Asia/Pontianak", "WIB (Asia/Pontianak)"),
    ("Asia/Makassar", "WITA (Asia/Makassar)"),
    ("Asia/Jayapura", "WIT (Asia/Jayapura)"),
]


def validate_mall_slug(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(f"“{value}” dipakai oleh sistem; pilih nama lain.")


class MallQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def in_district(self, kabupaten_code):
        return self.filter(kabupaten_code=kabupaten_code)


class Mall(TranslatedMixin, models.Model):
    slug = models.SlugField(
        "slug",
        unique=True,
        validators=[validate_mall_slug],
        help_text="Awal alamat web mal, misalnya “taman” untuk /taman/.",
    )
    name = models.CharField("nama", max_length=200)
    name_en = models.CharField("nama (Inggris)", max_length=200, blank=True)
    region = models.CharField("wilayah", max_length=200, help_text="Misalnya “Kecamatan Taman”.")
    region_code = models.CharField(
        "kode wilayah", max_length=20, blank=True, help_text="Kode Kemendagri, misalnya 35.15.13."
    )
    kabupaten = models.CharField("kabupaten/kota", max_length=200)
    kabupaten_code = models.CharField("kode kabupaten/kota", max_length=10, help_text="Misalnya 35.15.")
    province = models.CharField("provinsi", max_length=100, blank=True)
    timezone = models.CharField("zona waktu", max_length=40, choices=TIMEZONES, default="Asia/Jakarta")
    description = models.TextField("deskripsi", blank=True)
    description_en = models.TextField("deskripsi (Inggris)", blank=True)
    about = models.TextField("tentang mal ini", blank=True, help_text="Asal-usul dan penghargaan.")
    about_en = models.TextField("tentang mal ini (Inggris)", blank=True)
    physical_name = models.CharField("nama MPP fisik", max_length=200, blank=True)
    physical_address = models.CharField("alamat MPP fisik", max_length=300, blank=True)
    hours_note = models.CharField("catatan jam buka", max_length=300, blank=True)
    hours_note_en = models.CharField("catatan jam buka (Inggris)", max_length=300, blank=True)
    is_published = models.BooleanField("tayang", default=True)
    is_demo = models.BooleanField(
        "mal demo", default=False, help_text="Halaman warga menandai isinya sebagai contoh, bukan data resmi."
    )
    order = models.PositiveSmallIntegerField("urutan", default=0)

    objects = MallQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "mal"
        verbose_name_plural = "mal"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog-mall", args=[self.slug])

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.timezone)

    def local_now(self):
        return datetime.datetime.now(self.zone)

    def hours_for(self, weekday):
        return [h for h in self.opening_hours.all() if h.weekday == weekday]

    def is_open_at(self, when):
        """True when `when` (aware) falls inside the opening hours of that local weekday."""
        local = when.astimezone(self.zone)
        return any(h.opens <= local.time() < h.closes for h in self.hours_for(local.weekday()))


class OpeningHours(models.Model):
    WEEKDAYS = [(0, "Senin"), (1, "Selasa"), (2, "Rabu"), (3, "Kamis"), (4, "Jumat"), (5, "Sabtu"), (6, "Minggu")]
    mall = models.ForeignKey(Mall, on_delete=models.CASCADE, related_name="opening_hours", verbose_name="mal")
    weekday = models.PositiveSmallIntegerField("hari", choices=WEEKDAYS)
    opens = models.TimeField("buka")
    closes = models.TimeField("tutup")

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = "jam buka"
        verbose_name_plural = "jam buka"

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H.%M}–{self.closes:%H.%M}"

    def clean(self):
        if self.opens and self.closes and self.opens >= self.closes:
            raise ValidationError("Jam tutup harus sesudah jam buka.")


class Membership(models.Model):
    """What a staff account may see and change. District admins see every mall of their kabupaten."""

    DISTRICT_ADMIN = "district_admin"
    MALL_ADMIN = "mall_admin"
    AGENCY_OPERATOR = "agency_operator"
    ROLES = [
        (DISTRICT_ADMIN, "Admin kabupaten/kota"),
        (MALL_ADMIN, "Admin mal (kecamatan)"),
        (AGENCY_OPERATOR, "Operator instansi"),
    ]
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name="pengguna"
    )
    role = models.CharField("peran", max_length=20, choices=ROLES)
    kabupaten_code = models.CharField(
        "kode kabupaten/kota", max_length=10, blank=True, help_text="Untuk admin kabupaten: semua mal dengan kode ini."
    )
    mall = models.ForeignKey(
        Mall,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name="mal",
        help_text="Untuk admin mal dan operator instansi.",
    )
    agency = models.ForeignKey(
        "catalog.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name="instansi",
        help_text="Untuk operator instansi.",
    )

    class Meta:
        verbose_name = "peran staf"
        verbose_name_plural = "peran staf"

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}"

    def clean(self):
        if self.role == self.DISTRICT_ADMIN and not self.kabupaten_code:
            raise ValidationError("Admin kabupaten perlu kode kabupaten/kota.")
        if self.role in (self.MALL_ADMIN, self.AGENCY_OPERATOR) and not self.mall_id:
            raise ValidationError("Peran ini perlu mal.")
        if self.role == self.AGENCY_OPERATOR and not self.agency_id:
            raise ValidationError("Operator instansi perlu instansi.")
