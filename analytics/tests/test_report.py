import datetime

import pytest

from analytics.actions import rollup_pending
from analytics.models import DailyService, Kind
from analytics.reporting import report

from .conftest import make_event

pytestmark = pytest.mark.django_db


def _catalog(taman):
    service = taman.services.select_related("agency").filter(status="published", online_channel__isnull=False).first()
    booth = taman.booths.first()
    scene = taman.scenes.first()
    return service, booth, scene


def test_it_reports_every_panel_in_the_documented_shape(taman):
    service, booth, scene = _catalog(taman)
    day = taman.local_now().date() - datetime.timedelta(days=3)
    make_event(taman, day=day, visitor=1, service_id=service.id, agency_id=service.agency_id)
    make_event(taman, day=day, visitor=2, booth_id=booth.id)
    make_event(taman, Kind.SCENE_VIEW, day=day, visitor=2, scene_id=scene.id)
    make_event(
        taman,
        Kind.OUTBOUND,
        day=day,
        visitor=1,
        channel_id=service.online_channel_id,
        agency_id=service.agency_id,
        service_id=service.id,
    )
    make_event(taman, Kind.SEARCH, day=day, visitor=2, term="ktp hilang", result_count=3)
    make_event(taman, Kind.SEARCH, day=day, visitor=2, term="paspor", result_count=0)

    got = report(taman, day, day)

    assert set(got) >= {"mall", "from", "to", "visitors", "page_views", "panels", "handoff_rate"}
    assert (got["mall"], got["from"], got["to"]) == ("taman", day.isoformat(), day.isoformat())
    assert got["visitors"] == 2
    assert got["page_views"] == 2
    panels = got["panels"]
    assert panels["services"] == {service.slug: 1}
    assert panels["booths"] == {booth.slug: 1}
    assert panels["agencies"] == {service.agency.slug: 1}
    assert panels["scenes"] == {scene.slug: 1}
    assert panels["outbound"] == {service.online_channel.label: 1}
    assert panels["searches"] == {"ktp hilang": 1, "paspor": 1}
    assert panels["zero_result_searches"] == {"paspor": 1}
    assert panels["devices"] == {"mobile": 2}
    assert panels["days"] == {day.isoformat(): 2}
    assert got["handoff_rate"] == 1.0


def test_rolled_up_and_not_yet_rolled_up_days_give_the_same_figures(taman):
    service, booth, _ = _catalog(taman)
    day = taman.local_now().date() - datetime.timedelta(days=2)
    for visitor in range(5):
        make_event(taman, day=day, visitor=visitor, service_id=service.id, agency_id=service.agency_id)
    live = report(taman, day, day)
    rollup_pending()
    assert DailyService.objects.filter(mall=taman, day=day).exists()
    settled = report(taman, day, day)
    make_event(taman, day=day, visitor=99, booth_id=booth.id)  # arrives after the rollup
    later = report(taman, day, day)

    assert settled == live
    assert settled["panels"]["services"] == {service.slug: 5}
    assert later["page_views"] == 6
    assert later["panels"]["booths"] == {booth.slug: 1}


def test_it_leaves_out_other_malls_and_days_outside_the_period(taman, sukodono):
    day = taman.local_now().date() - datetime.timedelta(days=5)
    make_event(taman, day=day)
    make_event(taman, day=day - datetime.timedelta(days=1))
    make_event(sukodono, day=day)
    rollup_pending()

    got = report(taman, day, day)

    assert got["page_views"] == 1
    assert got["handoff_rate"] is None
