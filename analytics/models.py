"""Visitor analytics: append-only raw events, daily salts, and one narrow daily rollup table per panel.

Nothing here identifies a citizen: no IP, no user agent, no free text. `visitor` is a keyed hash that
links events of one local day only, because its salt is deleted after 48 hours.
Catalog rows are referred to by plain ids (no foreign keys), so history survives catalog edits.
"""

from django.db import models

from malls.models import Mall


class Kind(models.IntegerChoices):
    PAGE_VIEW = 1, "page_view"
    SCENE_VIEW = 2, "scene_view"
    BOOTH_VIEW = 3, "booth_view"
    SERVICE_VIEW = 4, "service_view"
    OUTBOUND = 6, "outbound_click"
    SEARCH = 7, "search"
    SURVEY = 9, "survey_submit"


class Device(models.IntegerChoices):
    UNKNOWN = 0, "unknown"
    MOBILE = 1, "mobile"
    TABLET = 2, "tablet"
    DESKTOP = 3, "desktop"


class Event(models.Model):
    event_id = models.UUIDField("id peristiwa", unique=True)
    mall = models.ForeignKey(Mall, on_delete=models.CASCADE, db_index=False, verbose_name="mal")
    ts = models.DateTimeField("waktu")
    day = models.DateField("tanggal (waktu setempat)")
    hour = models.PositiveSmallIntegerField("jam (waktu setempat)")
    kind = models.PositiveSmallIntegerField("jenis", choices=Kind.choices)
    visitor = models.BigIntegerField("kunci pengunjung harian")
    device = models.PositiveSmallIntegerField("perangkat", choices=Device.choices, default=Device.UNKNOWN)
    service_id = models.PositiveIntegerField(null=True, blank=True)
    booth_id = models.PositiveIntegerField(null=True, blank=True)
    agency_id = models.PositiveIntegerField(null=True, blank=True)
    scene_id = models.PositiveIntegerField(null=True, blank=True)
    channel_id = models.PositiveIntegerField(null=True, blank=True)
    term = models.CharField("kata pencarian (dinormalkan)", max_length=60, blank=True)
    result_count = models.PositiveIntegerField("jumlah hasil", null=True, blank=True)
    referrer = models.CharField("perujuk (nama host)", max_length=100, blank=True)

    class Meta:
        indexes = [models.Index(fields=["mall", "day"], name="event_mall_day")]
        verbose_name = "peristiwa"
        verbose_name_plural = "peristiwa"

    def __str__(self):
        return f"{self.get_kind_display()} {self.ts:%Y-%m-%d %H:%M}"


class Salt(models.Model):
    """The random key of the visitor hash for one local day of one time zone; deleted after 48 hours."""

    timezone = models.CharField(max_length=40)
    day = models.DateField()
    key = models.BinaryField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["timezone", "day"], name="salt_unique_day")]

    def __str__(self):
        return f"{self.timezone} {self.day}"


class RollupState(models.Model):
    """The highest event row id already folded into the rollups (a watermark)."""

    name = models.CharField(max_length=40, unique=True)
    last_event_pk = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.name} ≤ {self.last_event_pk}"


class DailyRollup(models.Model):
    mall = models.ForeignKey(Mall, on_delete=models.CASCADE, db_index=False)
    day = models.DateField()

    class Meta:
        abstract = True

    def __str__(self):
        return f"{type(self).__name__} {self.mall_id} {self.day}"


def _day_index(name):
    return [models.Index(fields=["mall", "day"], name=name)]


class DailyTotal(DailyRollup):
    visitors = models.PositiveIntegerField(default=0)
    page_views = models.PositiveIntegerField(default=0)
    events = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["mall", "day"], name="dailytotal_unique")]


class DailyService(DailyRollup):
    service_id = models.PositiveIntegerField()
    agency_id = models.PositiveIntegerField(null=True)
    views = models.PositiveIntegerField(default=0)
    handoffs = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = _day_index("dailyservice_mall_day")


class DailyBooth(DailyRollup):
    booth_id = models.PositiveIntegerField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = _day_index("dailybooth_mall_day")


class DailyAgency(DailyRollup):
    agency_id = models.PositiveIntegerField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = _day_index("dailyagency_mall_day")


class DailyScene(DailyRollup):
    scene_id = models.PositiveIntegerField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = _day_index("dailyscene_mall_day")


class DailyOutbound(DailyRollup):
    channel_id = models.PositiveIntegerField()
    agency_id = models.PositiveIntegerField(null=True)
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = _day_index("dailyoutbound_mall_day")


class DailySearch(DailyRollup):
    term = models.CharField(max_length=60)
    searches = models.PositiveIntegerField(default=0)
    zero_results = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = _day_index("dailysearch_mall_day")


class DailyDevice(DailyRollup):
    device = models.PositiveSmallIntegerField(choices=Device.choices)
    visitors = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = _day_index("dailydevice_mall_day")


class DailyReferrer(DailyRollup):
    host = models.CharField(max_length=100)
    views = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = _day_index("dailyreferrer_mall_day")


class DailyHour(DailyRollup):
    hour = models.PositiveSmallIntegerField()
    weekday = models.PositiveSmallIntegerField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = _day_index("dailyhour_mall_day")
