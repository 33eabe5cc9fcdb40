"""Links from the admin index to the staff pages of each mall (dashboard, summary, tour editor)."""

from django import template
from django.urls import NoReverseMatch, reverse

from malls.access import agency_ids_for_user, is_district_admin, malls_for_user

register = template.Library()


def _url(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # the app providing the page is not installed
        return ""


@register.simple_tag
def staff_links(user):
    """[(mall, [(label, url), ...])] for every mall the user may see; district links first."""
    rows = []
    districts = sorted({m.kabupaten_code: m.kabupaten for m in malls_for_user(user)}.items())
    for code, name in districts:
        if is_district_admin(user, code):
            links = [("Dasbor semua mal", _url("analytics-dashboard-home")),
                     ("Ringkasan kabupaten", _url("reports-district", code))]  # fmt: skip
            rows.append((name, [(label, url) for label, url in links if url]))
    for mall in malls_for_user(user):
        whole_mall = agency_ids_for_user(user, mall) is None
        links = [("Dasbor pengunjung", _url("analytics-dashboard", mall.slug))]
        if whole_mall:
            links.append(("Ringkasan eksekutif", _url("reports-summary", mall.slug)))
            first_scene = mall.scenes.order_by("order").first()
            if first_scene:
                links.append(("Editor tur 360°", _url("tour-editor", mall.slug, first_scene.slug)))
        links.append(("Lihat sebagai warga", mall.get_absolute_url()))
        rows.append((mall.name, [(label, url) for label, url in links if url]))
    return rows
