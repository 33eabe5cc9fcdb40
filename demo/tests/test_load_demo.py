import copy
import re

import pytest
from django.core.management import CommandError, call_command

from catalog.models import Agency, Booth, Scene, Service
from demo.catalog_loader import CatalogError, load_catalog, read_catalog
from demo.management.commands.load_demo import DATA_DIR

TAMAN_BOOTHS = [
    "Dispenduk", "Lapor!", "Sikoling DLKH/Dinas Pangan dan Pertanian", "eSPPT", "Dinkes dan PA",
    "BPR Delta Artha dan BPJS", "eSPPT BPPD", "BPJS", "PDAM dan Pertanahan", "Polresta Sidoarjo", "TB News",
]  # fmt: skip


def test_it_loads_the_taman_mall_with_its_exact_scenes_and_booths(taman):
    assert list(Scene.objects.for_mall(taman).values_list("name", flat=True)) == [
        "Sky View", "Front", "Front Office", "Spot 1", "Spot 2",
    ]  # fmt: skip
    assert sorted(Booth.objects.for_mall(taman).values_list("name", flat=True)) == sorted(TAMAN_BOOTHS)


def test_it_loads_every_agency_service_life_event_and_news_item(taman):
    data = read_catalog(DATA_DIR / "taman.yaml")
    assert Agency.objects.for_mall(taman).count() == len(data["agencies"])
    assert Service.objects.for_mall(taman).count() == len(data["services"])
    assert taman.life_events.count() == len(data["life_events"])
    assert taman.news.count() == len(data["news"])


def test_it_is_idempotent(taman):
    before = Service.objects.count(), Agency.objects.count(), Booth.objects.count()
    call_command("load_demo", catalog_only=True, verbosity=0)
    assert (Service.objects.count(), Agency.objects.count(), Booth.objects.count()) == before


def test_it_keeps_expired_programmes_as_drafts(taman):
    service = Service.objects.get(mall=taman, slug="keringanan-denda-pajak-daerah")
    assert service.status == Service.DRAFT


def test_it_keeps_malls_apart(taman, sukodono):
    assert (
        Service.objects.get(mall=taman, slug="ktp-el-baru").name
        != Service.objects.get(mall=sukodono, slug="ktp-el-baru").name
    )
    assert not Booth.objects.for_mall(sukodono).filter(name="Dispenduk").exists()


@pytest.mark.parametrize(
    "breakage, message",
    [
        (lambda d: d["services"][3].update(agency="no-such-agency"), "services[3] (slug 'kk-baru'): unknown agency"),
        (lambda d: d["booths"][0].update(view="roof"), "unknown view 'roof'"),
        (lambda d: d["services"][5]["cost"].update(amount_idr="lots"), "cost.amount_idr"),
        (lambda d: d["services"].append(copy.deepcopy(d["services"][0])), "duplicate slug"),
    ],
)
def test_a_broken_file_changes_nothing_and_names_the_entry(taman, breakage, message):
    data = read_catalog(DATA_DIR / "taman.yaml")
    data["services"][0]["name_id"] = "CHANGED"
    breakage(data)
    with pytest.raises(CatalogError, match=re.escape(message)):
        load_catalog(data)
    assert Service.objects.get(mall=taman, slug=data["services"][0]["slug"]).name != "CHANGED"


def test_the_command_reports_a_broken_yaml_file(taman, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("mall: [unclosed", encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("load_demo", file=[str(bad)], catalog_only=True, verbosity=0)
