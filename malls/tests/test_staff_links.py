"""The admin index leads each person to the staff pages they may open."""


def test_a_mall_admin_finds_the_dashboard_summary_and_tour_editor(client, personas):
    client.force_login(personas["budi"])
    html = client.get("/admin/").content.decode()
    assert 'href="/staf/taman/dasbor/"' in html
    assert 'href="/staf/ringkasan/taman/"' in html
    assert 'href="/taman/tur/sky-view/sunting/"' in html
    assert "sukodono" not in html.lower()


def test_an_agency_operator_finds_only_the_dashboard(client, personas):
    client.force_login(personas["citra"])
    html = client.get("/admin/").content.decode()
    assert 'href="/staf/taman/dasbor/"' in html
    assert "/staf/ringkasan/" not in html and "/sunting/" not in html


def test_a_district_admin_finds_every_mall_and_the_district_summary(client, personas, sukodono):
    client.force_login(personas["ani"])
    html = client.get("/admin/").content.decode()
    assert 'href="/staf/kabupaten/35.15/ringkasan/"' in html
    assert 'href="/staf/sukodono/dasbor/"' in html and 'href="/staf/taman/dasbor/"' in html
