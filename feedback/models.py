"""SKM (Survei Kepuasan Masyarakat) answers: one row per respondent, anonymous by construction.

No name, NIK, phone, IP or user agent is stored; the optional profile uses coarse bands only.
"""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.models import Booth, Service
from malls.models import Mall

from .elements import ELEMENTS

AGE_BANDS = [
    ("<25", _("di bawah 25 tahun")),
    ("25-34", _("25–34 tahun")),
    ("35-44", _("35–44 tahun")),
    ("45-54", _("45–54 tahun")),
    ("55+", _("55 tahun ke atas")),
]
SEXES = [("L", _("Laki-laki")), ("P", _("Perempuan"))]
EDUCATION = [
    ("sd", _("SD atau sederajat")),
    ("smp", _("SMP atau sederajat")),
    ("sma", _("SMA/SMK atau sederajat")),
    ("diploma", _("Diploma (D1–D3)")),
    ("s1", _("S1 atau D4")),
    ("s2", _("S2 atau S3")),
]
OCCUPATIONS = [
    ("pns", _("PNS/ASN")),
    ("tni-polri", _("TNI/Polri")),
    ("swasta", _("Pegawai swasta")),
    ("wirausaha", _("Wirausaha")),
    ("pelajar", _("Pelajar/mahasiswa")),
    ("lainnya", _("Lainnya")),
]
SUGGESTION_MAX = 500


def score_field(element):
    return models.PositiveSmallIntegerField(
        element.code,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=element.name_id,
    )


class SurveyResponseQuerySet(models.QuerySet):
    def for_mall(self, mall):
        return self.filter(mall=mall)

    def between(self, mall, date_from, date_to):
        """Answers submitted on the mall's local days date_from..date_to (both included)."""
        start = datetime.datetime.combine(date_from, datetime.time.min, tzinfo=mall.zone)
        end = datetime.datetime.combine(date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=mall.zone)
        return self.filter(mall=mall, submitted_at__gte=start, submitted_at__lt=end)

    def for_agency(self, agency):
        """Answers about the agency's services, or about one of its booths when no service was named."""
        return self.filter(Q(service__agency=agency) | Q(service__isnull=True, booth__agencies=agency)).distinct()


class SurveyResponse(models.Model):
    WEB = "web"
    PAPER = "paper"
    DEMO = "demo"
    SOURCES = [(WEB, "Formulir web"), (PAPER, "Kuesioner kertas (impor)"), (DEMO, "Data demo")]

    mall = models.ForeignKey(Mall, on_delete=models.CASCADE, related_name="survey_responses", verbose_name="mal")
    booth = models.ForeignKey(
        Booth, on_delete=models.SET_NULL, null=True, blank=True, related_name="survey_responses", verbose_name="booth"
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_responses",
        verbose_name="layanan",
    )
    u1 = score_field(ELEMENTS[0])
    u2 = score_field(ELEMENTS[1])
    u3 = score_field(ELEMENTS[2])
    u4 = score_field(ELEMENTS[3])
    u5 = score_field(ELEMENTS[4])
    u6 = score_field(ELEMENTS[5])
    u7 = score_field(ELEMENTS[6])
    u8 = score_field(ELEMENTS[7])
    u9 = score_field(ELEMENTS[8])
    age_band = models.CharField("kelompok usia", max_length=10, choices=AGE_BANDS, blank=True)
    sex = models.CharField("jenis kelamin", max_length=1, choices=SEXES, blank=True)
    education = models.CharField("pendidikan", max_length=10, choices=EDUCATION, blank=True)
    occupation = models.CharField("pekerjaan", max_length=10, choices=OCCUPATIONS, blank=True)
    suggestion = models.TextField("saran", max_length=SUGGESTION_MAX, blank=True)
    source = models.CharField("sumber", max_length=10, choices=SOURCES, default=WEB)
    submitted_at = models.DateTimeField("diisi pada", default=timezone.now, db_index=True)

    objects = SurveyResponseQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["mall", "submitted_at"], name="survey_mall_time")]
        verbose_name = "jawaban survei"
        verbose_name_plural = "jawaban survei"

    def __str__(self):
        return f"{self.mall} {self.submitted_at:%Y-%m-%d %H:%M}"

    def scores(self):
        return {e.field: getattr(self, e.field) for e in ELEMENTS}
