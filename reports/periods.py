"""Report periods: a month, a quarter, a year or any custom range, and the period just before it."""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from mppvirtual.lib.formats import format_date, format_month


class PeriodError(ValueError):
    pass


@dataclass(frozen=True)
class Period:
    date_from: datetime.date
    date_to: datetime.date
    kind: str = "custom"  # month | quarter | year | custom

    @property
    def days(self):
        return (self.date_to - self.date_from).days + 1

    def previous(self):
        """The period of the same kind just before (same length for custom ranges)."""
        if self.kind == "month":
            return month(_shift_months(self.date_from, -1))
        if self.kind == "quarter":
            return quarter(_shift_months(self.date_from, -3))
        if self.kind == "year":
            return year(self.date_from.year - 1)
        end = self.date_from - datetime.timedelta(days=1)
        return Period(end - datetime.timedelta(days=self.days - 1), end)

    def label(self, lang="id"):
        if self.kind == "month":
            return format_month(self.date_from, lang)
        if self.kind == "quarter":
            return _("Triwulan %(q)s %(year)s") % {
                "q": (self.date_from.month - 1) // 3 + 1,
                "year": self.date_from.year,
            }
        if self.kind == "year":
            return _("Tahun %(year)s") % {"year": self.date_from.year}
        return f"{format_date(self.date_from, lang)} – {format_date(self.date_to, lang)}"

    def query(self):
        return f"dari={self.date_from.isoformat()}&sampai={self.date_to.isoformat()}&jenis={self.kind}"


def _shift_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month(day):
    last = calendar.monthrange(day.year, day.month)[1]
    return Period(day.replace(day=1), day.replace(day=last), "month")


def quarter(day):
    first = datetime.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return Period(first, month(_shift_months(first, 2)).date_to, "quarter")


def year(number):
    return Period(datetime.date(number, 1, 1), datetime.date(number, 12, 31), "year")


def last_month(today):
    return month(_shift_months(today, -1))


def kind_of(date_from, date_to):
    """Recognise whole months, quarters and years so the previous period lines up with them."""
    for maker in (month, quarter):
        p = maker(date_from)
        if (p.date_from, p.date_to) == (date_from, date_to):
            return p.kind
    if (date_from, date_to) == (datetime.date(date_from.year, 1, 1), datetime.date(date_from.year, 12, 31)):
        return "year"
    return "custom"


MAX_DAYS = 3 * 366


def parse_range(text_from, text_to):
    """A Period from two YYYY-MM-DD strings, with a clear message for bad input."""
    try:
        date_from = datetime.date.fromisoformat(str(text_from))
        date_to = datetime.date.fromisoformat(str(text_to))
    except ValueError as exc:
        raise PeriodError(_("Tanggal harus berformat YYYY-MM-DD.")) from exc
    if date_to < date_from:
        raise PeriodError(_("Tanggal akhir harus sama atau sesudah tanggal awal."))
    if (date_to - date_from).days >= MAX_DAYS:
        raise PeriodError(_("Periode paling panjang tiga tahun."))
    return Period(date_from, date_to, kind_of(date_from, date_to))


def from_params(params, today):
    """?periode=2026-11 | 2026-Q3 | 2026, or ?dari=...&sampai=...; last month by default."""
    if params.get("dari") or params.get("sampai"):
        return parse_range(params.get("dari", ""), params.get("sampai", ""))
    value = (params.get("periode") or "").strip()
    if not value:
        return last_month(today)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        if 1 <= int(m[2]) <= 12:
            return month(datetime.date(int(m[1]), int(m[2]), 1))
    if m := re.fullmatch(r"(\d{4})-[Qq]([1-4])", value):
        return quarter(datetime.date(int(m[1]), (int(m[2]) - 1) * 3 + 1, 1))
    if re.fullmatch(r"\d{4}", value) and 2000 <= int(value) <= 2100:
        return year(int(value))
    raise PeriodError(_("Periode tidak dikenal. Contoh: 2026-11, 2026-Q3 atau 2026."))
