"""What the staff dashboard shows: every panel as a titled table (the chart is drawn from the same rows),
so the page, the CSV/XLSX exports and the JSON endpoint never disagree."""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from catalog.models import Agency, Booth, Channel, Scene, Service
from mppvirtual.lib.formats import WEEKDAYS_EN, WEEKDAYS_ID, format_date

from . import charts
from .reporting import Figures

TOP = 20
MAX_DAYS = 366
PRESETS = [
    ("7d", gettext_lazy("7 hari")),
    ("30d", gettext_lazy("30 hari")),
    ("month", gettext_lazy("Bulan ini")),
    ("custom", gettext_lazy("Pilih tanggal")),
]
# Panels an agency operator sees: only figures about their own agency's services and channels.
AGENCY_PANELS = {"trend", "services", "agencies", "outbound"}


@dataclass
class Period:
    preset: str
    date_from: datetime.date
    date_to: datetime.date
    error: str = ""

    @property
    def length(self):
        return (self.date_to - self.date_from).days + 1

    def previous(self):
        end = self.date_from - datetime.timedelta(days=1)
        return Period(self.preset, end - datetime.timedelta(days=self.length - 1), end)


def parse_period(params, today):
    """The period asked for in the query string; bad input falls back to 30 days with a message."""
    preset = params.get("period", "30d")
    if preset == "7d":
        return Period(preset, today - datetime.timedelta(days=6), today)
    if preset == "month":
        return Period(preset, today.replace(day=1), today)
    if preset == "custom":
        try:
            start = datetime.date.fromisoformat(params.get("from", ""))
            end = datetime.date.fromisoformat(params.get("to", ""))
        except ValueError:
            return _fallback(today, _("Tanggal tidak sah; gunakan format TTTT-BB-HH. Ditampilkan 30 hari terakhir."))
        if start > end:
            return _fallback(today, _("Tanggal awal harus sebelum tanggal akhir. Ditampilkan 30 hari terakhir."))
        if (end - start).days >= MAX_DAYS:
            return _fallback(today, _("Periode paling panjang 366 hari. Ditampilkan 30 hari terakhir."))
        return Period(preset, start, end)
    return Period("30d", today - datetime.timedelta(days=29), today)


def _fallback(today, message):
    return Period("30d", today - datetime.timedelta(days=29), today, error=message)


@dataclass
class Table:
    name: str
    title: str
    columns: list
    rows: list
    chart: str = ""
    note: str = ""
    numeric: set = field(default_factory=set)  # indexes of numeric columns (right-aligned)
    wide: bool = False  # long tables (a row per day or weekday): full width, table folded under the chart


def _lang_en():
    from django.utils.translation import get_language

    return (get_language() or "id").startswith("en")


def _name_map(model, mall_ids, attr="name"):
    rows = model.objects.filter(mall_id__in=mall_ids)
    return {
        obj.id: (obj.tr(attr) if hasattr(obj, "tr") and attr != "short_name" else getattr(obj, attr)) for obj in rows
    }


def _top(counts, names):
    items = sorted(counts.items(), key=lambda kv: (-kv[1], str(names.get(kv[0], kv[0]))))
    return [(names.get(k, f"#{k}"), v) for k, v in items if v]


def rate(part, whole):
    return round(100 * part / whole, 1) if whole else None


def mall_tables(mall, period, agency_ids=None):
    """Every panel of one mall for the period, limited to the operator's agencies when given."""
    ids = [mall.id]
    fig = Figures([mall], period.date_from, period.date_to, agency_ids)
    prev = Figures([mall], *_bounds(period.previous()), agency_ids)
    tables = {}
    tables["trend"] = _trend(fig, prev, period, agency_ids)
    services = fig.services()
    svc_names = _name_map(Service, ids)
    svc_agency = dict(Service.objects.filter(mall=mall).values_list("id", "agency__short_name"))
    rows = sorted(services.items(), key=lambda kv: (-kv[1]["views"], svc_names.get(kv[0], "")))[:TOP]
    tables["services"] = Table(
        "services",
        _("Layanan yang paling dicari"),
        [pgettext("kolom", "Layanan"), _("Instansi"), _("Dilihat"), _("Ke kanal daring"), _("Rasio alih daring (%)")],
        [
            [
                svc_names.get(k, f"#{k}"),
                svc_agency.get(k, ""),
                v["views"],
                v["handoffs"],
                rate(v["handoffs"], v["views"]),
            ]
            for k, v in rows
        ],
        numeric={2, 3, 4},
    )
    tables["services"].chart = charts.bar_chart(
        [(r[0], r[2]) for r in tables["services"].rows], _("Layanan yang paling dicari")
    )
    agencies = _top(fig.count_by("agencies", "agency_id", "views"), _name_map(Agency, ids, "short_name"))
    tables["agencies"] = _simple("agencies", _("Instansi yang dilihat"), [_("Instansi"), _("Dilihat")], agencies[:TOP])
    channels = {c.id: c for c in Channel.objects.filter(mall=mall).select_related("agency")}
    outbound = fig.count_by("outbound", "channel_id", "clicks")
    out_rows = sorted(outbound.items(), key=lambda kv: -kv[1])
    tables["outbound"] = Table(
        "outbound",
        _("Klik ke kanal daring instansi"),
        [_("Kanal"), _("Instansi"), _("Klik")],
        [[channels[k].tr("label") if k in channels else f"#{k}", _agency_of(channels.get(k)), v] for k, v in out_rows],
        numeric={2},
    )
    tables["outbound"].chart = charts.bar_chart(
        [(r[0], r[2]) for r in tables["outbound"].rows[:TOP]], tables["outbound"].title
    )
    if agency_ids is not None:
        return {k: v for k, v in tables.items() if k in AGENCY_PANELS}

    booths = _top(fig.count_by("booths", "booth_id", "views"), _name_map(Booth, ids))
    tables["booths"] = _simple("booths", _("Booth yang dibuka"), [_("Booth"), _("Dibuka")], booths)
    scenes = _top(fig.count_by("scenes", "scene_id", "views"), _name_map(Scene, ids))
    tables["scenes"] = _simple("scenes", _("Tampilan tur 360°"), [_("Tampilan"), _("Dilihat")], scenes)
    searches = fig.searches()
    top_terms = sorted(searches.items(), key=lambda kv: (-kv[1]["searches"], kv[0]))[:TOP]
    tables["searches"] = Table(
        "searches",
        _("Kata pencarian"),
        [_("Kata"), _("Pencarian"), _("Tanpa hasil")],
        [[t, v["searches"], v["zero_results"]] for t, v in top_terms],
        numeric={1, 2},
    )
    tables["searches"].chart = charts.bar_chart(
        [(r[0], r[1]) for r in tables["searches"].rows], tables["searches"].title
    )
    zero = sorted(
        ((t, v["zero_results"]) for t, v in searches.items() if v["zero_results"]), key=lambda kv: (-kv[1], kv[0])
    )
    tables["zero_results"] = _simple(
        "zero_results",
        _("Pencarian tanpa hasil (kebutuhan yang belum terjawab)"),
        [_("Kata"), _("Pencarian")],
        zero[:TOP],
    )
    device_names = {
        "mobile": _("Ponsel"),
        "tablet": _("Tablet"),
        "desktop": _("Komputer"),
        "unknown": _("Tidak diketahui"),
    }
    devices = sorted(fig.devices().items(), key=lambda kv: -kv[1])
    tables["devices"] = _simple(
        "devices",
        _("Perangkat (pengunjung)"),
        [_("Perangkat"), _("Pengunjung")],
        [(device_names[k], v) for k, v in devices],
    )
    referrers = _top(fig.count_by("referrers", "host", "views"), {})
    tables["referrers"] = _simple(
        "referrers", _("Perujuk (nama situs saja)"), [_("Situs"), _("Tampilan halaman")], referrers[:TOP]
    )
    tables["hours"] = _hours(fig)
    return tables


def _bounds(period):
    return period.date_from, period.date_to


def _agency_of(channel):
    return channel.agency.short_name if channel and channel.agency else ""


def _simple(name, title, columns, items):
    return Table(name, title, columns, [[k, v] for k, v in items], charts.bar_chart(items, title), numeric={1})


def _trend(fig, prev, period, agency_ids):
    """Day by day, this period beside the same number of days just before it."""
    if agency_ids is None:
        current = [v["page_views"] for v in fig.days().values()]
        before = [v["page_views"] for v in prev.days().values()]
        visitors = [v["visitors"] for v in fig.days().values()]
        measure = _("Tampilan halaman")
    else:
        current = _service_views_by_day(fig, period)
        before = _service_views_by_day(prev, period.previous())
        visitors = None
        measure = _("Layanan dilihat")
    days = list(fig.days())
    previous_days = list(prev.days())
    columns = [_("Tanggal"), measure, _("Periode sebelumnya"), measure + " " + _("(sebelumnya)")]
    rows = [
        [
            format_date(d, "en" if _lang_en() else "id"),
            current[i],
            format_date(previous_days[i], "en" if _lang_en() else "id"),
            before[i],
        ]
        for i, d in enumerate(days)
    ]
    if visitors is not None:
        columns.insert(1, _("Pengunjung"))
        for i, row in enumerate(rows):
            row.insert(1, visitors[i])
    table = Table(
        "trend",
        _("Tren harian dibanding periode sebelumnya"),
        columns,
        rows,
        numeric=set(range(1, len(columns))) - {len(columns) - 2},
    )
    legend = (_("Periode ini"), _("Periode sebelumnya"))
    table.chart = charts.line_chart(current, before, table.title, legend, [row[0] for row in rows])
    table.wide = True
    return table


def _service_views_by_day(fig, period):
    by_day = fig.by("services", ["day"], ["views"])
    days = [period.date_from + datetime.timedelta(days=i) for i in range(period.length)]
    return [by_day.get((d,), {"views": 0})["views"] for d in days]


def _hours(fig):
    names = WEEKDAYS_EN if _lang_en() else WEEKDAYS_ID
    counts = fig.hours()
    grid = [[counts.get((wd, h), 0) for h in range(24)] for wd in range(7)]
    title = _("Jam × hari (tampilan halaman, waktu setempat)")
    table = Table(
        "hours", title, [_("Hari")] + [f"{h:02d}" for h in range(24)], [[names[wd], *grid[wd]] for wd in range(7)]
    )
    table.numeric = set(range(1, 25))
    table.chart = charts.heatmap(grid, names, title)
    table.wide = True
    return table


def kpis(mall_or_malls, period, agency_ids=None):
    """The headline figures with the previous period beside them."""
    malls = mall_or_malls if isinstance(mall_or_malls, list) else [mall_or_malls]
    now = Figures(malls, period.date_from, period.date_to, agency_ids)
    before = Figures(malls, *_bounds(period.previous()), agency_ids)
    out = []
    h_now, h_before = now.handoff(), before.handoff()
    if agency_ids is None:
        t_now, t_before = now.totals(), before.totals()
        out += [
            (_("Pengunjung (jumlah harian)"), t_now["visitors"], t_before["visitors"]),
            (_("Tampilan halaman"), t_now["page_views"], t_before["page_views"]),
        ]
    out += [
        (_("Layanan dilihat"), h_now["service_views"], h_before["service_views"]),
        (_("Alih ke kanal daring"), h_now["handoffs"], h_before["handoffs"]),
    ]
    return [{"label": label, "value": v, "previous": p, "change": _change(v, p)} for label, v, p in out] + [
        {
            "label": _("Rasio alih daring"),
            "value": h_now["handoff_rate"],
            "previous": h_before["handoff_rate"],
            "percent": True,
        }
    ]


def _change(value, previous):
    return round(100 * (value - previous) / previous, 1) if previous else None


def district_table(malls, period):
    """All malls side by side."""
    fig = Figures(malls, period.date_from, period.date_to)
    totals = fig.totals(per_mall=True)
    services = fig.by("services", [], ["views", "handoffs"], per_mall=True)
    searches = fig.by("searches", [], ["searches", "zero_results"], per_mall=True)
    rows = []
    for mall in malls:
        t = totals[mall.id]
        s = services.get((mall.id,), {"views": 0, "handoffs": 0})
        q = searches.get((mall.id,), {"searches": 0, "zero_results": 0})
        rows.append(
            [
                mall.name,
                t["visitors"],
                t["page_views"],
                s["views"],
                s["handoffs"],
                rate(s["handoffs"], s["views"]),
                q["searches"],
                q["zero_results"],
            ]
        )
    title = _("Semua mal")
    table = Table(
        "malls",
        title,
        [
            _("Mal"),
            _("Pengunjung"),
            _("Tampilan halaman"),
            _("Layanan dilihat"),
            _("Ke kanal daring"),
            _("Rasio alih daring (%)"),
            _("Pencarian"),
            _("Tanpa hasil"),
        ],
        rows,
        numeric=set(range(1, 8)),
    )
    table.chart = charts.bar_chart([(r[0], r[2]) for r in rows], _("Tampilan halaman per mal"))
    return table
