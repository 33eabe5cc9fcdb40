"""Indonesian formats for dates, money, times and numbers, rendered on the server.

Old Android WebViews ship small ICU data, so nothing here relies on the browser's Intl.
"""

import datetime
import zoneinfo

MONTHS_ID = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip
MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
WEEKDAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Indonesia's three time zones; the IANA names map onto the label citizens know.
ZONE_LABELS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def zone_label(tz_name):
    """WIB, WITA or WIT for an Indonesian IANA zone; the zone name itself otherwise."""
    return ZONE_LABELS.get(tz_name, tz_name)


def format_number(value, decimals=0):
    """1.234.567,89: dot for thousands, comma for decimals."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def format_rupiah(amount):
    """Rp30.000 (no space); None stays None so callers can fall back to text."""
    if amount is None:
        return None
    return "Rp" + format_number(int(amount))


def format_date(value, lang="id", weekday=False):
    """17 Agustus 2026, or Senin, 17 Agustus 2026; English: 17 August 2026."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    months, days = (MONTHS_EN, WEEKDAYS_EN) if lang == "en" else (MONTHS_ID, WEEKDAYS_ID)
    text = f"{value.day} {months[value.month - 1]} {value.year}"
    if weekday:
        text = f"{days[value.weekday()]}, {text}"
    return text


def format_month(value, lang="id"):
    """Agustus 2026."""
    months = MONTHS_EN if lang == "en" else MONTHS_ID
    return f"{months[value.month - 1]} {value.year}"


def format_time(value, tz_name=None):
    """08.00, or 08.00 WIB with a zone; an aware datetime is first converted to that zone."""
    if isinstance(value, datetime.datetime) and tz_name and value.tzinfo is not None:
        value = value.astimezone(zoneinfo.ZoneInfo(tz_name))
    text = f"{value.hour:02d}.{value.minute:02d}"
    if tz_name:
        text = f"{text} {zone_label(tz_name)}"
    return text


def format_time_range(start, end, tz_name=None):
    """08.00–15.00 WITA."""
    text = f"{format_time(start)}–{format_time(end)}"
    if tz_name:
        text = f"{text} {zone_label(tz_name)}"
    return text


def format_percent(value, decimals=0):
    """42 % written the Indonesian way: 42,5%."""
    return format_number(value, decimals) + "%"
