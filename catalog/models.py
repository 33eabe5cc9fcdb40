"""The directory of the mall: scenes, booths, agencies, channels, services, life events and news.

Every row carries its mall; citizen queries go through `.published().for_mall(mall)`.
Text fields come in pairs: `name` (Indonesian, required) and `name_en` (English, may be empty,
then the Indonesian text is shown).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from malls.models import Mall
from mppvirtual.lib.formats import format_rupiah
from mppvirtual.lib.translated import TranslatedMixin


class MallOwnedQuerySet(models.QuerySet):
    def for_mall(self, mall):
        return self.filter(mall=mall)


class PublishedQuerySet(MallOwnedQuerySet):
    def published(self):
        return self.filter(status=Service.PUBLISHED)


class Scene(TranslatedMixin, models.Model):
    """One view of the tour (Sky View, Front, Front Office, ...). Panorama files belong to the tour app."""

    KINDS = [("aerial", "Udara"), ("exterior", "Luar gedung"), ("lobby", "Lobi"), ("hall", "Ruang layanan")]
    mall = models.ForeignKey(Mall, on_delete=models.CASCADE, related_name="scenes", verbose_name="mal")
    slug = models.SlugField("slug")
    name = models.CharField("nama", max_length=100)
    name_en = models.CharField("nama (Inggris)", max_length=100, blank=True)
    kind = models.CharField("jenis", max_length=20, choices=KINDS, default="hall")
    description = models.TextField("deskripsi", blank=True)
    description_en = models.TextField("deskripsi (Inggris)", blank=True)
    order = models.PositiveSmallIntegerField("urutan", default=0)
    links_to = models.ManyToManyField("self", symmetrical=False, blank=True, verbose_name="tersambung ke")
    map_x = models.FloatField("posisi di denah (x, 0–1)", default=0.5)
    map_y = models.FloatField("posisi di denah (y, 0–1)", default=0.5)

    objects = MallOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["mall", "order"]
        constraints = [models.UniqueConstraint(fields=["mall", "slug"], name="scene_unique_slug")]
        verbose_name = "tampilan"
        verbose_name_plural = "tampilan"

    def __str__(self):
        return self.name


class Agency(TranslatedMixin, models.Model):
    KINDS = [
        ("opd", "Perangkat daerah (OPD)"),
        ("vertical", "Instansi vertikal"),
        ("bumd", "BUMD"),
        ("bumn", "BUMN"),
        ("national", "Lembaga/sistem nasional"),
    ]
    mall = models.ForeignKey(Mall, on_delete=models.CASCADE, related_name="agencies", verbose_name="mal")
    slug = models.SlugField("slug")
    name = models.CharField("nama resmi", max_length=300)
    short_name = models.CharField("nama singkat", max_length=120)
    name_en = models.CharField("nama (Inggris)", max_length=300, blank=True)
    kind = models.CharField("jenis", max_length=20, choices=KINDS, default="opd")
    address = models.CharField("alamat", max_length=300, blank=True)
    phone = models.CharField("telepon", max_length=60, blank=True)
    website = models.URLField("situs web", blank=True)
    home_scene = models.ForeignKey(
        Scene,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name="tampilan (jika tanpa booth)",
        help_text="Tempat layanannya dimulai bila instansi tidak punya booth.",
    )

    objects = MallOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["short_name"]
        constraints = [models.UniqueConstraint(fields=["mall", "slug"], name="agency_unique_slug")]
        verbose_name = "instansi"
        verbose_name_plural = "instansi"

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("catalog-agency", args=[self.mall.slug, self.slug])


class Booth(TranslatedMixin, models.Model):
    KINDS = [("services", "Layanan"), ("complaints", "Pengaduan"), ("news", "Berita")]
    mall = models.ForeignKey(Mall, on_delete=models.CASCADE, related_name="booths", verbose_name="mal")
    slug = models.SlugField("slug")
    name = models.CharField("nama", max_length=120, help_text="Nama seperti yang dipakai mal, misalnya “Dispenduk”.")
    name_en = models.CharField("nama (Inggris)", max_length=120, blank=True)
    scene = models.ForeignKey(Scene, on_delete=models.PROTECT, related_name="booths", verbose_name="tampilan")
    agencies = models.ManyToManyField(Agency, related_name="booths", blank=True, verbose_name="instansi")
    kind = models.CharField("jenis", max_length=20, choices=KINDS, default="services")
    description = models.TextField("deskripsi", blank=True)
    description_en = models.TextField("deskripsi (Inggris)", blank=True)
    order = models.PositiveSmallIntegerField("urutan dalam tampilan", default=0)

    objects = MallOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["scene__order", "order"]
        constraints = [models.UniqueConstraint(fields=["mall", "slug"], name="booth_unique_slug")]
        verbose_name = "booth"
        verbose_name_plural = "booth"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        if self.kind == "news":
            return reverse("catalog-news", args=[self.mall.slug])
        return reverse("catalog-booth", args=[self.mall.slug, self.slug])


class Channel(TranslatedMixin, models.Model):
    """An official channel of an agency or a service: the platform links to it, never re-implements it."""

    KINDS = [("web", "Situs web"), ("app", "Aplikasi"), ("whatsapp", "WhatsApp"), ("queue", "Antrean")]
    mall = models.ForeignKey(Mall, on_delete=models.CASCADE, related_name="channels", verbose_name="mal")
    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, null=True, blank=True, related_name="channels", verbose_name="instansi"
    )
    label = models.CharField("label", max_length=200)
    label_en = models.CharField("label (Inggris)", max_length=200, blank=True)
    url = models.URLField("alamat", blank=True, help_text="Kosongkan bila alamat resmi belum terverifikasi.")
    kind = models.CharField("jenis", max_length=20, choices=KINDS, default="web")
    last_checked_at = models.DateTimeField("terakhir diperiksa", null=True, blank=True)
    last_check_ok = models.BooleanField("tautan berfungsi", null=True, blank=True)
    last_check_status = models.PositiveSmallIntegerField("kode HTTP terakhir", null=True, blank=True)

    objects = MallOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = "kanal resmi"
        verbose_name_plural = "kanal resmi"

    def __str__(self):
        return self.label

    @property
    def is_linkable(self):
        return bool(self.url)


class Service(TranslatedMixin, models.Model):
    DRAFT = "draft"
    PUBLISHED = "published"
    STATUSES = [(DRAFT, "Draf"), (PUBLISHED, "Tayang")]
    FACT_STATUSES = [("confirmed", "Terkonfirmasi"), ("partly", "Sebagian"), ("guessed", "Perlu dicek")]

    mall = models.ForeignKey(Mall, on_delete=models.CASCADE, related_name="services", verbose_name="mal")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="services", verbose_name="instansi")
    booth = models.ForeignKey(
        Booth,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="services",
        verbose_name="booth",
        help_text="Kosongkan bila instansi tidak punya booth.",
    )
    slug = models.SlugField("slug")
    name = models.CharField("nama layanan", max_length=200)
    name_en = models.CharField("nama (Inggris)", max_length=200, blank=True)
    summary = models.TextField("ringkasan", help_text="Satu kalimat: apa yang warga dapat dari layanan ini.")
    summary_en = models.TextField("ringkasan (Inggris)", blank=True)
    # The six public parts of a Standar Pelayanan (PermenPAN-RB 15/2014).
    requirements = models.JSONField(
        "persyaratan", default=list, blank=True, help_text="Daftar dokumen, satu per baris."
    )
    requirements_en = models.JSONField("persyaratan (Inggris)", default=list, blank=True)
    procedure = models.JSONField("prosedur", default=list, blank=True, help_text="Langkah berurutan.")
    procedure_en = models.JSONField("prosedur (Inggris)", default=list, blank=True)
    duration = models.CharField("waktu penyelesaian", max_length=300)
    duration_en = models.CharField("waktu penyelesaian (Inggris)", max_length=300, blank=True)
    cost_amount = models.PositiveBigIntegerField(
        "biaya (rupiah)", null=True, blank=True, help_text="0 berarti gratis; kosongkan bila biaya bervariasi."
    )
    cost_text = models.CharField("keterangan biaya", max_length=500, blank=True)
    cost_text_en = models.CharField("keterangan biaya (Inggris)", max_length=500, blank=True)
    product = models.CharField("produk layanan", max_length=300)
    product_en = models.CharField("produk layanan (Inggris)", max_length=300, blank=True)
    complaints = models.TextField("penanganan pengaduan")
    complaints_en = models.TextField("penanganan pengaduan (Inggris)", blank=True)
    legal_basis = models.JSONField("dasar hukum", default=list, blank=True)
    online_channel = models.ForeignKey(
        Channel, on_delete=models.SET_NULL, null=True, blank=True, related_name="services", verbose_name="kanal daring"
    )
    online_note = models.CharField("catatan kanal daring", max_length=500, blank=True)
    deadline = models.CharField("batas waktu melapor", max_length=300, blank=True)
    deadline_en = models.CharField("batas waktu melapor (Inggris)", max_length=300, blank=True)
    validity = models.CharField("masa berlaku", max_length=300, blank=True)
    keywords = models.TextField(
        "kata kunci", blank=True, help_text="Kata yang dipakai warga, dipisah koma: “bikin ktp, ektp, ktp hilang”."
    )
    status = models.CharField("status", max_length=20, choices=STATUSES, default=DRAFT)
    fact_status = models.CharField("kepastian data", max_length=20, choices=FACT_STATUSES, default="confirmed")
    last_reviewed = models.DateField("terakhir ditinjau", default=timezone.localdate)
    order = models.PositiveIntegerField("urutan", default=0)
    updated_at = models.DateTimeField("diubah", auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        constraints = [models.UniqueConstraint(fields=["mall", "slug"], name="service_unique_slug")]
        # The search index checks its freshness with one (mall, status, max updated_at) query per search.
        indexes = [models.Index(fields=["mall", "status", "updated_at"], name="service_freshness")]
        verbose_name = "layanan"
        verbose_name_plural = "layanan"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog-service", args=[self.mall.slug, self.slug])

    def clean(self):
        if self.agency_id and self.mall_id and self.agency.mall_id != self.mall_id:
            raise ValidationError({"agency": "Instansi harus dari mal yang sama."})
        if self.booth_id and self.mall_id and self.booth.mall_id != self.mall_id:
            raise ValidationError({"booth": "Booth harus dari mal yang sama."})

    @property
    def is_published(self):
        return self.status == self.PUBLISHED

    @property
    def is_free(self):
        return self.cost_amount == 0

    @property
    def cost_display(self):
        """“Rp30.000”, or None when the amount varies (then show the text)."""
        return format_rupiah(self.cost_amount)

    @property
    def location_scene(self):
        if self.booth_id:
            return self.booth.scene
        return self.agency.home_scene


class LifeEvent(TranslatedMixin, models.Model):
    mall = models.ForeignKey(Mall, on_delete=models.CASCADE, related_name="life_events", verbose_name="mal")
    slug = models.SlugField("slug")
    name = models.CharField("nama", max_length=200)
    name_en = models.CharField("nama (Inggris)", max_length=200, blank=True)
    description = models.TextField("deskripsi", blank=True)
    description_en = models.TextField("deskripsi (Inggris)", blank=True)
    note = models.TextField("catatan", blank=True)
    note_en = models.TextField("catatan (Inggris)", blank=True)
    order = models.PositiveSmallIntegerField("urutan", default=0)
    services = models.ManyToManyField(
        Service, through="LifeEventStep", related_name="life_events", verbose_name="layanan"
    )

    objects = MallOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        constraints = [models.UniqueConstraint(fields=["mall", "slug"], name="lifeevent_unique_slug")]
        verbose_name = "peristiwa hidup"
        verbose_name_plural = "peristiwa hidup"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog-life-event", args=[self.mall.slug, self.slug])


class LifeEventStep(models.Model):
    life_event = models.ForeignKey(LifeEvent, on_delete=models.CASCADE, related_name="steps")
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="steps", verbose_name="layanan")
    order = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = "langkah"
        verbose_name_plural = "langkah"

    def __str__(self):
        return f"{self.order}. {self.service}"


class NewsItem(TranslatedMixin, models.Model):
    mall = models.ForeignKey(Mall, on_delete=models.CASCADE, related_name="news", verbose_name="mal")
    booth = models.ForeignKey(
        Booth, on_delete=models.SET_NULL, null=True, blank=True, related_name="news", verbose_name="booth"
    )
    slug = models.SlugField("slug")
    title = models.CharField("judul", max_length=200)
    title_en = models.CharField("judul (Inggris)", max_length=200, blank=True)
    body = models.TextField("isi")
    body_en = models.TextField("isi (Inggris)", blank=True)
    published_on = models.DateField("tanggal terbit", default=timezone.localdate)
    is_demo = models.BooleanField("konten demo", default=False)
    status = models.CharField("status", max_length=20, choices=Service.STATUSES, default=Service.DRAFT)
    related_services = models.ManyToManyField(Service, blank=True, related_name="news", verbose_name="layanan terkait")

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [models.UniqueConstraint(fields=["mall", "slug"], name="news_unique_slug")]
        verbose_name = "berita"
        verbose_name_plural = "berita"

    def __str__(self):
        return self.title
