"""Demo SKM answers: about a thousand anonymous responses over the last twelve months.

Deterministic (fixed seed) and idempotent: the demo rows of a mall are replaced on every run. Booths
differ on purpose (Dispenduk is busy and slower, Polresta and BPJS are rated well) and completion time
(U3) is the weakest element, so the demo summary has something true-to-life to say.
"""

import datetime
import random

from django.utils import timezone

from catalog.models import Booth, Service
from feedback.elements import FIELDS
from feedback.models import AGE_BANDS, EDUCATION, OCCUPATIONS, SEXES, SurveyResponse

SEED = 14_2017
PER_MALL = {"taman": 1100, "sukodono": 160}
# Mean score per booth on the 1-4 scale (others: 3.35).
BOOTH_MEAN = {
    "dispenduk": 3.05,
    "polresta-sidoarjo": 3.6,
    "bpjs": 3.55,
    "esppt": 3.3,
    "pdam-pertanahan": 3.15,
    "bpr-delta-artha-bpjs": 3.5,
}
ELEMENT_SHIFT = {"u3": -0.45, "u8": -0.15, "u4": 0.25, "u7": 0.1}
# Where a booth departs from the usual pattern (its own weakest element).
BOOTH_ELEMENT_SHIFT = {
    "pdam-pertanahan": {"u3": -0.05, "u8": -0.5},
    "dinkes-pa": {"u3": -0.1, "u2": -0.4},
    "esppt": {"u3": -0.1, "u9": -0.45},
}
# Busier booths get more answers.
BOOTH_WEIGHT = {"dispenduk": 5, "polresta-sidoarjo": 2, "bpjs": 2, "esppt": 2}


def _score(rng, mean):
    return max(1, min(4, round(rng.gauss(mean, 0.55))))


def _when(rng, now, days_back):
    day = now - datetime.timedelta(days=rng.randrange(1, days_back), minutes=rng.randrange(60))
    return day.replace(hour=rng.randrange(1, 8))  # 08.00–15.00 WIB is 01–08 UTC


def demo_responses(mall, count, now, rng):
    booths = list(Booth.objects.for_mall(mall).filter(kind="services"))
    if not booths:
        return []
    services = {}
    for s in Service.objects.published().for_mall(mall).exclude(booth=None):
        services.setdefault(s.booth_id, []).append(s)
    weights = [BOOTH_WEIGHT.get(b.slug, 1) for b in booths]
    rows = []
    for _i in range(count):
        booth = rng.choices(booths, weights)[0]
        service = rng.choice(services[booth.id]) if services.get(booth.id) and rng.random() < 0.8 else None
        mean = BOOTH_MEAN.get(booth.slug, 3.35)
        shift = {**ELEMENT_SHIFT, **BOOTH_ELEMENT_SHIFT.get(booth.slug, {})}
        scores = {f: _score(rng, mean + shift.get(f, 0)) for f in FIELDS}
        if rng.random() < 0.06:  # some people skip the cost question
            scores["u4"] = None
        profile = {
            "age_band": rng.choice(AGE_BANDS)[0] if rng.random() < 0.7 else "",
            "sex": rng.choice(SEXES)[0] if rng.random() < 0.7 else "",
            "education": rng.choice(EDUCATION)[0] if rng.random() < 0.5 else "",
            "occupation": rng.choice(OCCUPATIONS)[0] if rng.random() < 0.5 else "",
        }
        rows.append(
            SurveyResponse(
                mall=mall,
                booth=booth,
                service=service,
                source=SurveyResponse.DEMO,
                submitted_at=_when(rng, now, 365),
                **scores,
                **profile,
            )
        )
    return rows


def create_demo_surveys(command, malls):
    now = timezone.now()
    for mall in malls:
        rng = random.Random(f"{SEED}-{mall.slug}")
        SurveyResponse.objects.filter(mall=mall, source=SurveyResponse.DEMO).delete()
        rows = demo_responses(mall, PER_MALL.get(mall.slug, 200), now, rng)
        SurveyResponse.objects.bulk_create(rows, batch_size=1000)
        if command is not None:
            command.stdout.write(f"{mall.slug}: {len(rows)} demo survey answers")
