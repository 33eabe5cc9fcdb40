import datetime
import zoneinfo

from mppvirtual.lib import formats


def test_it_writes_dates_the_indonesian_way():
    assert formats.format_date(datetime.date(2026, 8, 17)) == "17 Agustus 2026"
    assert formats.format_date(datetime.date(2026, 8, 17), weekday=True) == "Senin, 17 Agustus 2026"
    assert formats.format_date(datetime.date(2026, 8, 17), lang="en") == "17 August 2026"


def test_it_writes_rupiah_without_space_or_decimals():
    assert formats.format_rupiah(30000) == "Rp30.000"
    assert formats.format_rupiah(1500000) == "Rp1.500.000"
    assert formats.format_rupiah(0) == "Rp0"
    assert formats.format_rupiah(None) is None


def test_it_writes_numbers_with_dot_thousands_and_comma_decimals():
    assert formats.format_number(1234567.891, 2) == "1.234.567,89"
    assert formats.format_percent(42.5, 1) == "42,5%"


def test_it_writes_times_with_a_full_stop_and_the_zone():
    assert formats.format_time(datetime.time(8, 0)) == "08.00"
    assert formats.format_time(datetime.time(8, 0), "Asia/Jakarta") == "08.00 WIB"
    assert formats.format_time(datetime.time(8, 30), "Asia/Makassar") == "08.30 WITA"
    assert formats.format_time(datetime.time(15, 0), "Asia/Jayapura") == "15.00 WIT"


def test_it_converts_an_aware_datetime_to_the_malls_zone():
    utc_noon = datetime.datetime(2026, 8, 17, 1, 0, tzinfo=zoneinfo.ZoneInfo("UTC"))
    assert formats.format_time(utc_noon, "Asia/Jakarta") == "08.00 WIB"
    assert formats.format_time(utc_noon, "Asia/Makassar") == "09.00 WITA"
    assert formats.format_time(utc_noon, "Asia/Jayapura") == "10.00 WIT"


def test_it_writes_a_time_range():
    assert formats.format_time_range(datetime.time(8), datetime.time(15), "Asia/Makassar") == "08.00–15.00 WITA"
