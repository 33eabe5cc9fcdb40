import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from malls.models import Mall, OpeningHours


@pytest.fixture
def mall(db):
    mall = Mall.objects.create(slug="contoh", name="Contoh", region="Kec. Contoh", kabupaten="Kab. Contoh",
                               kabupaten_code="99.99", timezone="Asia/Makassar")  # fmt: skip
    for day in range(5):
        OpeningHours.objects.create(mall=mall, weekday=day, opens=datetime.time(8), closes=datetime.time(15))
    return mall


def test_it_is_open_inside_its_local_hours(mall):
    monday_9_wita = datetime.datetime(2026, 8, 17, 9, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Makassar"))
    assert mall.is_open_at(monday_9_wita)


def test_it_uses_its_own_time_zone(mall):
    # 07.30 WIB is 08.30 WITA: open in Makassar time.
    monday_0730_wib = datetime.datetime(2026, 8, 17, 7, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Jakarta"))
    assert mall.is_open_at(monday_0730_wib)


def test_it_is_closed_at_closing_time_and_on_sunday(mall):
    zone = zoneinfo.ZoneInfo("Asia/Makassar")
    assert not mall.is_open_at(datetime.datetime(2026, 8, 17, 15, 0, tzinfo=zone))
    assert not mall.is_open_at(datetime.datetime(2026, 8, 16, 10, 0, tzinfo=zone))


def test_reserved_slugs_are_refused(db):
    mall = Mall(slug="admin", name="X", region="X", kabupaten="X", kabupaten_code="1")
    with pytest.raises(ValidationError, match="dipakai oleh sistem"):
        mall.full_clean()


def test_closing_must_follow_opening(mall):
    hours = OpeningHours(mall=mall, weekday=5, opens=datetime.time(12), closes=datetime.time(8))
    with pytest.raises(ValidationError, match="Jam tutup"):
        hours.full_clean()
