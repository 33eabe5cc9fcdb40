"""Who may see which mall: one place for the tenancy rules of staff pages and the admin."""

from django.db.models import Q
from django.http import Http404

from .models import Mall, Membership


def malls_for_user(user):
    """Malls a staff user may manage or read (superusers: all)."""
    if not user.is_authenticated or not user.is_active:
        return Mall.objects.none()
    if user.is_superuser:
        return Mall.objects.all()
    roles = list(user.memberships.all())
    districts = [m.kabupaten_code for m in roles if m.role == Membership.DISTRICT_ADMIN]
    mall_ids = [m.mall_id for m in roles if m.mall_id]
    return Mall.objects.filter(Q(kabupaten_code__in=districts) | Q(id__in=mall_ids)).distinct()


def agency_ids_for_user(user, mall):
    """None when the user sees every agency of the mall; else the ids of the agencies they operate."""
    if user.is_superuser:
        return None
    roles = [m for m in user.memberships.all() if m.role != Membership.AGENCY_OPERATOR or m.mall_id == mall.id]
    if any(m.role == Membership.DISTRICT_ADMIN and m.kabupaten_code == mall.kabupaten_code for m in roles):
        return None
    if any(m.role == Membership.MALL_ADMIN and m.mall_id == mall.id for m in roles):
        return None
    return {m.agency_id for m in roles if m.role == Membership.AGENCY_OPERATOR and m.mall_id == mall.id}


def is_district_admin(user, kabupaten_code=None):
    if user.is_superuser:
        return True
    return any(
        m.role == Membership.DISTRICT_ADMIN and (kabupaten_code is None or m.kabupaten_code == kabupaten_code)
        for m in user.memberships.all()
    )


def get_mall_for_staff(user, mall_slug):
    """The mall, or 404 when it does not exist or the user may not see it."""
    mall = malls_for_user(user).filter(slug=mall_slug).first()
    if mall is None:
        raise Http404("Mal tidak ditemukan")
    return mall


def agency_scope(user, mall_field="mall", agency_field="agency"):
    """A filter for rows of the malls the user sees, narrowed to their own agencies for an operator."""
    condition = Q(pk__in=[])
    for mall in malls_for_user(user):
        agency_ids = agency_ids_for_user(user, mall)
        mall_q = Q(**{mall_field: mall.id})
        if agency_ids is not None:
            mall_q &= Q(**{f"{agency_field}__in": agency_ids})
        condition |= mall_q
    return condition


def agencies_for_user(user):
    """Agencies a staff user may edit: all of their malls' agencies, or only their own as an operator."""
    from catalog.models import Agency  # catalog builds on malls; imported here to keep that direction

    return Agency.objects.filter(agency_scope(user, "mall", "id"))
