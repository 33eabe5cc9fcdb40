import datetime

import pytest

from feedback.models import SurveyResponse

NOVEMBER = (datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))


def add_answers(mall, booth_slug, scores, count, day=datetime.date(2026, 11, 10), service_slug=None):
    booth = mall.booths.get(slug=booth_slug)
    service = mall.services.get(slug=service_slug) if service_slug else None
    when = datetime.datetime.combine(day, datetime.time(10), tzinfo=mall.zone)
    SurveyResponse.objects.bulk_create(
        SurveyResponse(
            mall=mall,
            booth=booth,
            service=service,
            submitted_at=when,
            **{f"u{i + 1}": s for i, s in enumerate(scores)},
        )
        for _ in range(count)
    )


@pytest.fixture
def surveyed(taman):
    """Taman in November 2026: 30 answers at Dispenduk (weak U3), 10 at Polresta; one broken channel."""
    add_answers(taman, "dispenduk", [3, 3, 2, 4, 3, 3, 4, 3, 3], 30, service_slug="ktp-el-baru")
    add_answers(taman, "polresta-sidoarjo", [4] * 9, 10)
    channel = taman.channels.exclude(url="").first()
    channel.last_check_ok = False
    channel.last_check_status = 404
    channel.save()
    return taman


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The personas get passwords; a fast hasher keeps these tests quick (security is not under test here)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
