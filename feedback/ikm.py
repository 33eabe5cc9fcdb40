"""IKM (Indeks Kepuasan Masyarakat) as PermenPAN-RB 14/2017 defines it, with exact arithmetic.

NRR of an element = sum of its scores / respondents who answered it.
IKM = (NRR U1 + ... + NRR U9) x 1/9 x 25, kept as a Fraction: the regulation prints the weight as 0,11,
and that rounded weight can move a unit into another grade, so we never use it.

Grades compare the *unrounded* IKM with the band floors (88.31, 76.61, 65.00): 88.305 has not reached
88.31 and is a B. Figures are rounded only for display and export (`round2`), and the IKM is rounded
down there so a shown 88.30 is never an A and a shown 88.31 always is.
"""

import math
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.db.models import Count, Sum

from .elements import ELEMENTS, FIELDS

WEIGHT = Fraction(1, 9)
SCALE = 25
# (grade, floor on the 25-100 scale, performance in Indonesian, in English)
GRADES = [
    ("A", Fraction("88.31"), "Sangat baik", "Very good"),
    ("B", Fraction("76.61"), "Baik", "Good"),
    ("C", Fraction("65.00"), "Kurang baik", "Fair"),
    ("D", Fraction(25), "Tidak baik", "Poor"),
]
# Krejcie & Morgan (1970): chi-square for 1 degree of freedom at 95 %, P = 0.5, margin d = 0.05.
KM_CHI2 = Decimal("3.841")
KM_P = Decimal("0.5")
KM_D = Decimal("0.05")


def grade_for(ikm):
    """A, B, C or D for an unrounded IKM; None when there is no IKM."""
    if ikm is None:
        return None
    for grade, floor, _id, _en in GRADES:
        if Fraction(ikm) >= floor:
            return grade
    return "D"


def performance(grade, lang="id"):
    for g, _floor, text_id, text_en in GRADES:
        if g == grade:
            return text_en if lang == "en" else text_id
    return ""


def ikm_from_nrr(nrr):
    """Mean of the nine NRRs x 25; None unless every element has answers."""
    values = [nrr.get(f) for f in FIELDS]
    if any(v is None for v in values):
        return None
    return sum((Fraction(v) * WEIGHT for v in values), Fraction(0)) * SCALE


def minimum_sample(population):
    """Krejcie-Morgan minimum sample s = X²NP(1−P) / (d²(N−1) + X²P(1−P)), rounded up; 0 for no population."""
    if not population or population <= 0:
        return 0
    n = Decimal(population)
    spread = KM_CHI2 * KM_P * (1 - KM_P)
    return math.ceil(spread * n / (KM_D * KM_D * (n - 1) + spread))


def round2(value, down=False):
    """Two decimals for output only (half up; `down` rounds toward the lower band for the IKM)."""
    if value is None:
        return None
    exact = Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else Decimal(value)
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_FLOOR if down else ROUND_HALF_UP))


def format_ikm(ikm):
    """88,30 (Indonesian decimals), rounded down like every shown IKM; "–" when there is none."""
    from mppvirtual.lib.formats import format_number

    return "–" if ikm is None else format_number(round2(ikm, down=True), 2)


def format_nrr(nrr):
    from mppvirtual.lib.formats import format_number

    return "–" if nrr is None else format_number(round2(nrr), 2)


@dataclass
class IkmResult:
    respondents: int = 0
    sums: dict = field(default_factory=dict)
    counts: dict = field(default_factory=dict)
    population: int | None = None  # people served in the period, for the sample-size warning

    @property
    def nrr(self):
        return {f: (Fraction(self.sums[f], self.counts[f]) if self.counts.get(f) else None) for f in FIELDS}

    @property
    def ikm(self):
        return ikm_from_nrr(self.nrr)

    @property
    def grade(self):
        return grade_for(self.ikm)

    @property
    def minimum_sample(self):
        return minimum_sample(self.population)

    @property
    def sample_too_small(self):
        """True when the people served are known and the respondents are fewer than Krejcie-Morgan asks."""
        return bool(self.population) and self.respondents < self.minimum_sample

    def element_rows(self, lang="id"):
        """[(element, nrr, ikm-scale value)] for tables and charts."""
        nrr = self.nrr
        return [(e, nrr[e.field], nrr[e.field] * SCALE if nrr[e.field] is not None else None) for e in ELEMENTS]

    def as_json(self):
        nrr = self.nrr
        return {
            "respondents": self.respondents,
            "nrr": {f: round2(nrr[f]) for f in FIELDS},
            "ikm": round2(self.ikm, down=True),
            "grade": self.grade,
        }

    def __add__(self, other):
        return IkmResult(
            respondents=self.respondents + other.respondents,
            sums={f: self.sums.get(f, 0) + other.sums.get(f, 0) for f in FIELDS},
            counts={f: self.counts.get(f, 0) + other.counts.get(f, 0) for f in FIELDS},
        )


def _aggregates():
    spec = {"respondents": Count("id")}
    for f in FIELDS:
        spec[f"sum_{f}"] = Sum(f)
        spec[f"n_{f}"] = Count(f)
    return spec


def _result(row):
    return IkmResult(
        respondents=row["respondents"],
        sums={f: row[f"sum_{f}"] or 0 for f in FIELDS},
        counts={f: row[f"n_{f}"] for f in FIELDS},
    )


def compute(responses):
    """IKM of a SurveyResponse queryset (already filtered by mall, period, booth, ...)."""
    return _result(responses.order_by().aggregate(**_aggregates()))


def compute_by(responses, key):
    """{key value: IkmResult} grouped in the database, e.g. key="booth__slug" or "service__slug"."""
    rows = responses.order_by().exclude(**{f"{key}__isnull": True}).values(key).annotate(**_aggregates())
    return {row[key]: _result(row) for row in rows}


def compute_scores(rows):
    """IKM of plain score dicts ({"u1": 4, ...}); used by worked examples and imports before saving."""
    result = IkmResult(respondents=0, sums=dict.fromkeys(FIELDS, 0), counts=dict.fromkeys(FIELDS, 0))
    for row in rows:
        result.respondents += 1
        for f in FIELDS:
            if row.get(f) is not None:
                result.sums[f] += row[f]
                result.counts[f] += 1
    return result
