"""The cookieless visitor key: keyed by a daily salt that rotates and is deleted after 48 hours."""

import datetime

import pytest
from django.utils import timezone

from analytics import privacy
from analytics.actions import purge_old_data
from analytics.models import Device, Salt

pytestmark = pytest.mark.django_db


def test_the_key_is_stable_within_a_day_and_differs_by_mall_ip_and_browser():
    salt = b"s" * 32
    key = privacy.visitor_key(salt, "taman", "10.0.0.1", "UA")

    assert key == privacy.visitor_key(salt, "taman", "10.0.0.1", "UA")
    assert key != privacy.visitor_key(salt, "sukodono", "10.0.0.1", "UA")
    assert key != privacy.visitor_key(salt, "taman", "10.0.0.2", "UA")
    assert key != privacy.visitor_key(salt, "taman", "10.0.0.1", "UA2")
    assert key != privacy.visitor_key(b"t" * 32, "taman", "10.0.0.1", "UA")
    assert 0 <= key < 2**63


def test_separators_keep_field_boundaries_apart():
    salt = b"s" * 32

    assert privacy.visitor_key(salt, "taman", "10.0.0.1", "2UA") != privacy.visitor_key(
        salt, "taman", "10.0.0.12", "UA"
    )


def test_each_local_day_gets_its_own_random_salt():
    today = datetime.date(2026, 12, 4)
    first = privacy.salt_for("Asia/Jakarta", today)
    privacy.forget_salts()

    assert privacy.salt_for("Asia/Jakarta", today) == first  # shared by every process through the table
    assert privacy.salt_for("Asia/Jakarta", today + datetime.timedelta(days=1)) != first
    assert privacy.salt_for("Asia/Makassar", today) != first
    assert len(first) == 32


def test_the_local_day_follows_the_malls_time_zone():
    just_after_midnight_wib = datetime.datetime(2026, 12, 3, 17, 30, tzinfo=datetime.UTC)

    assert privacy.local_day("Asia/Jakarta", just_after_midnight_wib) == (datetime.date(2026, 12, 4), 0)
    assert privacy.local_day("Asia/Jayapura", just_after_midnight_wib) == (datetime.date(2026, 12, 4), 2)


def test_salts_older_than_48_hours_are_deleted():
    now = timezone.now()
    old = Salt.objects.create(timezone="Asia/Jakarta", day=datetime.date(2026, 1, 1), key=b"x" * 32)
    Salt.objects.filter(pk=old.pk).update(created_at=now - datetime.timedelta(hours=49))
    fresh = Salt.objects.create(timezone="Asia/Jakarta", day=datetime.date(2026, 1, 2), key=b"y" * 32)

    purge_old_data(now)

    assert list(Salt.objects.all()) == [fresh]


@pytest.mark.parametrize(
    ("user_agent", "bot", "device"),
    [
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148", False, Device.MOBILE),
        ("Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X)", False, Device.TABLET),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0", False, Device.DESKTOP),
        ("Mozilla/5.0 (compatible; Googlebot/2.1)", True, Device.DESKTOP),
        ("Mozilla/5.0 HeadlessChrome/120.0", True, Device.DESKTOP),
        ("curl/8.0", True, Device.DESKTOP),
        ("", True, Device.UNKNOWN),
    ],
)
def test_it_tells_bots_and_devices_apart(user_agent, bot, device):
    assert privacy.is_bot(user_agent) is bot
    assert privacy.device_of(user_agent) == device


def test_search_terms_are_normalised():
    assert privacy.normalise_term("  KTP   El\tHilang ") == "ktp el hilang"
    assert len(privacy.normalise_term("x" * 500)) == 60
