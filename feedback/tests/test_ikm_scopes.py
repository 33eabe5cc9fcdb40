"""IKM per service, booth, agency and mall from stored answers."""

import datetime

import pytest

from feedback import ikm
from feedback.models import SurveyResponse

pytestmark = pytest.mark.django_db


def store(mall, booth=None, service=None, score=4):
    when = datetime.datetime(2026, 11, 10, 10, tzinfo=mall.zone)
    return SurveyResponse.objects.create(
        mall=mall, booth=booth, service=service, submitted_at=when, **{f"u{i}": score for i in range(1, 10)}
    )


def test_it_groups_answers_by_booth_service_agency_and_mall(taman, sukodono):
    ktp = taman.services.select_related("booth", "agency").get(slug="ktp-el-baru")
    polresta = taman.booths.get(slug="polresta-sidoarjo")
    store(taman, ktp.booth, ktp, score=4)
    store(taman, ktp.booth, None, score=2)  # about the Dispenduk booth, no service named
    store(taman, polresta, None, score=3)
    store(sukodono, score=1)  # another mall never leaks in
    answers = SurveyResponse.objects.between(taman, datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))

    assert ikm.compute(answers).respondents == 3
    assert ikm.compute(answers).nrr["u1"] == 3
    by_booth = ikm.compute_by(answers, "booth__slug")
    assert by_booth[ktp.booth.slug].nrr["u1"] == 3 and by_booth["polresta-sidoarjo"].grade == "C"  # 3 x 25 = 75
    assert list(ikm.compute_by(answers, "service__slug")) == ["ktp-el-baru"]
    agency = ikm.compute(answers.for_agency(ktp.agency))
    assert agency.respondents == 2  # its service, and its booth when no service was named
    assert ikm.compute(answers.for_agency(polresta.agencies.first())).respondents == 1
