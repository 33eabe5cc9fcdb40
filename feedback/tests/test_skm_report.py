"""skm_report prints the IKM figures as JSON for other systems."""

import datetime
import json

import pytest
from django.core.management import CommandError, call_command

from feedback.models import SurveyResponse

pytestmark = pytest.mark.django_db


def answer(mall, booth_slug, service_slug, scores, day):
    booth = mall.booths.get(slug=booth_slug)
    service = mall.services.get(slug=service_slug) if service_slug else None
    when = datetime.datetime.combine(day, datetime.time(10), tzinfo=mall.zone)
    return SurveyResponse.objects.create(
        mall=mall, booth=booth, service=service, submitted_at=when, **{f"u{i + 1}": s for i, s in enumerate(scores)}
    )


def test_it_prints_overall_booth_and_service_figures(taman, capsys):
    day = datetime.date(2026, 11, 10)
    answer(taman, "dispenduk", "ktp-el-baru", [4, 3, 3, 4, 3, 3, 4, 3, 3], day)
    answer(taman, "dispenduk", "ktp-el-baru", [3, 3, 3, 3, 3, 3, 3, 3, 3], day)
    answer(taman, "polresta-sidoarjo", None, [4] * 9, day)
    answer(taman, "polresta-sidoarjo", None, [1] * 9, datetime.date(2026, 10, 31))  # outside the period
    call_command("skm_report", "taman", "--from", "2026-11-01", "--to", "2026-11-30", "--json")
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"overall", "booths", "services"}
    assert data["overall"]["respondents"] == 3
    assert data["overall"]["nrr"]["u1"] == 3.67
    assert data["booths"]["dispenduk"] == {
        "respondents": 2,
        "nrr": {"u1": 3.5, "u2": 3.0, "u3": 3.0, "u4": 3.5, "u5": 3.0, "u6": 3.0, "u7": 3.5, "u8": 3.0, "u9": 3.0},
        "ikm": 79.16,
        "grade": "B",
    }
    assert data["booths"]["polresta-sidoarjo"]["grade"] == "A"
    assert list(data["services"]) == ["ktp-el-baru"]


def test_it_counts_local_days_of_the_mall(taman, capsys):
    # 23.30 WIB on 30 November is still November in Taman although it is 16.30 UTC.
    when = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=taman.zone)
    SurveyResponse.objects.create(mall=taman, submitted_at=when, **{f"u{i}": 4 for i in range(1, 10)})
    call_command("skm_report", "taman", "--from", "2026-11-01", "--to", "2026-11-30", "--json")
    assert json.loads(capsys.readouterr().out)["overall"]["respondents"] == 1


@pytest.mark.parametrize(
    "args", [["--from", "2026-13-01", "--to", "2026-12-01"], ["--from", "2026-12-01", "--to", "2026-11-01"]]
)
def test_it_refuses_bad_dates(taman, args):
    with pytest.raises(CommandError):
        call_command("skm_report", "taman", *args)
