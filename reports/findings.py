"""Findings for leaders: explicit rules over the period's figures, each with a recommendation.

Every rule reads plain numbers (a `Facts`), so each one is tested on crafted data. A rule returns a
Finding or None; the summary shows the first five that fire, in the order of RULES (most urgent first).
"""

from dataclasses import dataclass, field
from fractions import Fraction

from django.utils.translation import gettext as _

from feedback.elements import BY_FIELD
from feedback.ikm import GRADES, format_ikm
from mppvirtual.lib.formats import format_number, format_percent

DEMAND_RISE = Fraction(40, 100)  # +40 % service views against the previous period
DEMAND_MIN_PREVIOUS = 20  # ...from at least this many views, so 2 → 3 is no "rise"
UNMET_MIN_SEARCHES = 10  # a term searched this often without result
LOW_HANDOFF = Fraction(10, 100)  # under 10 % of views go on to the online channel
HANDOFF_MIN_VIEWS = 50
WEAK_GAP = Fraction(1, 4)  # an element 0.25 below the mean of the others
B_FLOOR_NRR = GRADES[1][1] / 25  # NRR at the B floor (76.61 / 25)
MAX_FINDINGS = 5


@dataclass
class ServiceFacts:
    slug: str
    name: str
    views: int = 0
    views_previous: int = 0
    handoffs: int = 0
    has_online_channel: bool = False
    ikm: Fraction | None = None
    ikm_previous: Fraction | None = None


@dataclass
class Facts:
    services: list = field(default_factory=list)  # [ServiceFacts]
    zero_result_searches: dict = field(default_factory=dict)  # {term: n}
    broken_channels: list = field(default_factory=list)  # [label]
    element_nrr: dict = field(default_factory=dict)  # {"u1": Fraction, ...}
    respondents: int = 0
    minimum_sample: int = 0
    ikm: Fraction | None = None
    grade: str | None = None


@dataclass
class Finding:
    rule: str
    text: str
    recommendation: str


def _names(items, limit=3):
    return ", ".join(items[:limit])


def demand_up_satisfaction_down(facts):
    hits = [
        s
        for s in facts.services
        if s.views_previous >= DEMAND_MIN_PREVIOUS
        and Fraction(s.views - s.views_previous, s.views_previous) >= DEMAND_RISE
        and s.ikm is not None
        and s.ikm_previous is not None
        and s.ikm < s.ikm_previous
    ]
    if not hits:
        return None
    top = max(hits, key=lambda s: Fraction(s.views, s.views_previous))
    rise = float(Fraction(top.views - top.views_previous, top.views_previous) * 100)
    return Finding(
        "demand_up_satisfaction_down",
        _("Permintaan layanan %(name)s naik %(rise)s, tetapi IKM-nya turun dari %(before)s ke %(after)s.")
        % {
            "name": top.name,
            "rise": format_percent(rise),
            "before": format_ikm(top.ikm_previous),
            "after": format_ikm(top.ikm),
        },
        _("Periksa kapasitas loketnya: jumlah petugas, jam layanan dan antrean."),
    )


def unmet_searches(facts):
    terms = [t for t, n in sorted(facts.zero_result_searches.items(), key=lambda kv: -kv[1]) if n >= UNMET_MIN_SEARCHES]
    if not terms:
        return None
    return Finding(
        "unmet_searches",
        _("Warga sering mencari “%(terms)s” tanpa menemukan hasil (%(count)s kali).")
        % {"terms": _names(terms), "count": format_number(sum(facts.zero_result_searches[t] for t in terms[:3]))},
        _("Tambahkan layanan itu ke katalog, atau tambahkan kata tersebut sebagai kata kunci layanan yang ada."),
    )


def low_handoff(facts):
    hits = [
        s
        for s in facts.services
        if s.has_online_channel and s.views >= HANDOFF_MIN_VIEWS and Fraction(s.handoffs, s.views) < LOW_HANDOFF
    ]
    if not hits:
        return None
    hits.sort(key=lambda s: -s.views)
    return Finding(
        "low_handoff",
        _("Layanan %(names)s banyak dilihat, tetapi kurang dari 10%% pengunjung lanjut ke kanal daringnya.")
        % {"names": _names([s.name for s in hits])},
        _("Periksa tautan dan kemudahan kanal daring itu; jelaskan langkah pertamanya di halaman layanan."),
    )


def broken_links(facts):
    if not facts.broken_channels:
        return None
    return Finding(
        "broken_links",
        _("%(count)s tautan kanal resmi tidak berfungsi saat diperiksa: %(names)s.")
        % {"count": len(facts.broken_channels), "names": _names(facts.broken_channels)},
        _("Minta instansi pemilik memperbaiki tautan itu, atau perbarui alamatnya di katalog."),
    )


def weakest_element(facts):
    known = {f: v for f, v in facts.element_nrr.items() if v is not None}
    if len(known) < 2:
        return None
    field_name, lowest = min(known.items(), key=lambda kv: kv[1])
    others = [v for f, v in known.items() if f != field_name]
    mean_others = sum(others, Fraction(0)) / len(others)
    if lowest >= B_FLOOR_NRR and mean_others - lowest < WEAK_GAP:
        return None
    element = BY_FIELD[field_name]
    return Finding(
        "weakest_element",
        _("Unsur terlemah menurut warga adalah %(code)s %(name)s (nilai %(nrr)s dari 4).")
        % {"code": element.code, "name": element.name(), "nrr": format_number(float(lowest), 2)},
        _("Buat rencana perbaikan untuk unsur ini lebih dulu dan ukur lagi bulan depan."),
    )


def small_sample(facts):
    if not facts.minimum_sample or facts.respondents >= facts.minimum_sample:
        return None
    return Finding(
        "small_sample",
        _("Baru %(n)s warga mengisi survei; untuk hasil yang dapat diandalkan perlu paling sedikit %(min)s.")
        % {"n": format_number(facts.respondents), "min": format_number(facts.minimum_sample)},
        _("Ajak lebih banyak warga mengisi survei: tautan di setiap halaman layanan, kode QR di loket."),
    )


def satisfaction_level(facts):
    if facts.ikm is None:
        return None
    if facts.grade in ("A", "B"):
        recommendation = _("Pertahankan mutu layanan dan umumkan hasil survei kepada warga.")
    else:
        recommendation = _("Susun rencana tindak lanjut SKM bersama instansi di setiap loket.")
    return Finding(
        "satisfaction_level",
        _("IKM periode ini %(ikm)s, mutu %(grade)s.") % {"ikm": format_ikm(facts.ikm), "grade": facts.grade},
        recommendation,
    )


RULES = [
    broken_links,
    demand_up_satisfaction_down,
    weakest_element,
    unmet_searches,
    low_handoff,
    small_sample,
    satisfaction_level,
]


def evaluate(facts):
    found = [f for rule in RULES if (f := rule(facts)) is not None]
    return found[:MAX_FINDINGS]
