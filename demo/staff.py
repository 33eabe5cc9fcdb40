"""Demo staff accounts, one per role, so every staff page can be tried on the first `make run`.

Passwords come from DEMO_PASSWORD (default "demo-mpp-virtual"); the accounts exist only in the demo.
"""

import os

from django.contrib.auth.models import Permission, User

from catalog.models import Agency
from malls.models import Membership

DEMO_STAFF = [
    # username, full name, role, mall slug, agency slug
    ("ani", "Ani (admin Kabupaten Sidoarjo)", Membership.DISTRICT_ADMIN, None, None),
    ("budi", "Budi (admin MPP Virtual Taman)", Membership.MALL_ADMIN, "taman", None),
    ("citra", "Citra (operator Dispendukcapil)", Membership.AGENCY_OPERATOR, "taman", "dispendukcapil"),
    ("dewi", "Dewi (operator Polresta Sidoarjo)", Membership.AGENCY_OPERATOR, "taman", "polresta-sidoarjo"),
]


def create_demo_staff(command, malls):
    password = os.environ.get("DEMO_PASSWORD", "demo-mpp-virtual")
    by_slug = {m.slug: m for m in malls}
    if "taman" not in by_slug:
        return
    perms = Permission.objects.filter(
        content_type__app_label__in=["malls", "catalog", "tour", "feedback", "analytics", "reports"]
    )
    for username, full_name, role, mall_slug, agency_slug in DEMO_STAFF:
        user, created = User.objects.get_or_create(username=username, defaults={"first_name": full_name})
        user.is_staff = True
        if created:
            user.set_password(password)
        user.save()
        user.user_permissions.set(perms)
        mall = by_slug.get(mall_slug)
        agency = Agency.objects.filter(mall=mall, slug=agency_slug).first() if agency_slug else None
        Membership.objects.update_or_create(
            user=user,
            defaults={
                "role": role,
                "mall": mall,
                "agency": agency,
                "kabupaten_code": by_slug["taman"].kabupaten_code if role == Membership.DISTRICT_ADMIN else "",
            },
        )
