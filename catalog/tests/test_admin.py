"""The staff side: every model in the admin, scoped to the malls and agencies a person runs."""

import pytest
from django.contrib.auth.models import User

from catalog.models import Agency, Service
from malls.models import Membership


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("root", "root@example.org", "a-long-enough-password")


def service_changelist(client, user, **params):
    client.force_login(user)
    response = client.get("/admin/catalog/service/", params)
    assert response.status_code == 200
    return {s.slug for s in response.context["cl"].queryset}, response


def test_every_model_has_an_admin_page(client, superuser, taman):
    client.force_login(superuser)
    for path in ["malls/mall", "malls/membership", "catalog/scene", "catalog/agency", "catalog/booth",
                 "catalog/channel", "catalog/service", "catalog/lifeevent", "catalog/newsitem"]:  # fmt: skip
        assert client.get(f"/admin/{path}/").status_code == 200, path
        assert client.get(f"/admin/{path}/add/").status_code == 200, path


def test_the_admin_speaks_indonesian(client, superuser, taman):
    client.force_login(superuser)
    service = Service.objects.get(mall=taman, slug="skck")
    html = client.get(f"/admin/catalog/service/{service.id}/change/").content.decode()
    assert "Persyaratan" in html and "Waktu penyelesaian" in html and "Standar pelayanan" in html
    assert "0 berarti gratis" in html


def test_a_mall_admin_sees_only_their_mall(client, personas, sukodono):
    slugs, _ = service_changelist(client, personas["budi"])
    assert "skck" in slugs and "bayar-pajak-kendaraan" not in slugs
    assert Service.objects.filter(mall=sukodono, slug="ktp-el-baru").exists()
    assert all(s.mall.slug == "taman" for s in _.context["cl"].queryset)


def test_a_district_admin_sees_every_mall_of_the_district(client, personas, sukodono):
    slugs, _ = service_changelist(client, personas["ani"])
    assert {"skck", "bayar-pajak-kendaraan"} <= slugs


def test_an_agency_operator_sees_only_their_agency(client, personas):
    slugs, _ = service_changelist(client, personas["citra"])
    assert "ktp-el-baru" in slugs and "skck" not in slugs
    assert {s.agency.slug for s in _.context["cl"].queryset} == {"dispendukcapil"}


def test_an_operator_cannot_open_another_agencys_service(client, personas, taman):
    client.force_login(personas["citra"])
    skck = Service.objects.get(mall=taman, slug="skck")
    response = client.get(f"/admin/catalog/service/{skck.id}/change/")
    assert response.status_code == 302  # the admin redirects a missing object to the index
    assert client.post(f"/admin/catalog/service/{skck.id}/change/", {"name": "X"}).status_code == 302
    skck.refresh_from_db()
    assert skck.name != "X"


def test_dropdowns_and_filters_show_no_foreign_names(client, personas, sukodono):
    client.force_login(personas["budi"])
    html = client.get("/admin/catalog/service/").content.decode()
    assert "Sukodono" not in html and "Samsat" not in html
    service = Service.objects.get(mall__slug="taman", slug="skck")
    form = client.get(f"/admin/catalog/service/{service.id}/change/").context["adminform"].form
    assert set(form.fields["agency"].queryset.values_list("mall__slug", flat=True)) == {"taman"}
    assert set(form.fields["mall"].queryset.values_list("slug", flat=True)) == {"taman"}


def test_an_operators_agency_dropdown_lists_only_their_agency(client, personas, taman):
    client.force_login(personas["citra"])
    service = Service.objects.get(mall=taman, slug="ktp-el-baru")
    form = client.get(f"/admin/catalog/service/{service.id}/change/").context["adminform"].form
    assert list(form.fields["agency"].queryset) == [Agency.objects.get(mall=taman, slug="dispendukcapil")]


def test_operators_do_not_see_mall_wide_rows(client, personas):
    client.force_login(personas["citra"])
    response = client.get("/admin/catalog/booth/")
    assert response.status_code == 200
    assert response.context["cl"].result_count == 0


def test_unpublishing_a_service_from_the_admin_hides_it(client, personas, taman):
    client.force_login(personas["budi"])
    service = Service.objects.get(mall=taman, slug="skck")
    client.post("/admin/catalog/service/", {"action": "unpublish", "_selected_action": [service.id]})
    service.refresh_from_db()
    assert service.status == Service.DRAFT
    assert client.get("/taman/layanan/skck/").status_code == 404


def test_memberships_are_for_superusers_only(client, personas):
    client.force_login(personas["ani"])
    assert client.get("/admin/malls/membership/").status_code == 403
    assert Membership.objects.filter(user=personas["ani"], role=Membership.DISTRICT_ADMIN).exists()


def test_an_operator_sees_only_their_own_agency_in_the_agency_list(client, personas):
    client.force_login(personas["citra"])
    response = client.get("/admin/catalog/agency/")
    assert response.status_code == 200
    assert [a.slug for a in response.context["cl"].queryset] == ["dispendukcapil"]
