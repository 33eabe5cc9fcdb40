"""Staff pages of the executive summary (admin login, scoped by mall) and the leaders' signed links."""

import datetime

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from malls.access import agency_ids_for_user, get_mall_for_staff, is_district_admin, malls_for_user

from . import periods, sharing
from .actions import pdf_filename, render_summary_pdf
from .district import build_district
from .summary import TEMPLATE, build_summary


def _mall_for_summary(request, mall_slug):
    """Mall and district admins read a mall's summary; an agency operator sees only their own services."""
    mall = get_mall_for_staff(request.user, mall_slug)
    if agency_ids_for_user(request.user, mall) is not None:
        raise PermissionDenied
    return mall


def _lang(request):
    return "en" if request.GET.get("lang", request.POST.get("lang")) == "en" else "id"


def _period(request, mall):
    return periods.from_params(request.GET, mall.local_now().date())


def _served(request):
    value = request.GET.get("dilayani", "")
    return int(value) if value.isdigit() else None


def _render_summary(request, mall, period, lang, extra, status=200):
    context = {**build_summary(mall, period, lang, served=_served(request)), **extra}
    with translation.override(lang):
        response = render(request, TEMPLATE, context, status=status)
    response["Content-Language"] = lang
    return response


def _pdf_response(mall, period, lang, served=None):
    pdf = render_summary_pdf(mall, period, lang, served=served)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf_filename(mall, period)}"'
    return response


def _staff_links(request, mall, period, lang):
    base = reverse("reports-summary", args=[mall.slug])
    other = "id" if lang == "en" else "en"
    served = _served(request)
    query = period.query() + (f"&dilayani={served}" if served is not None else "")
    return {
        "toolbar_form": True,
        "toolbar_period_value": request.GET.get("periode", ""),
        "toolbar_served": served if served is not None else "",
        "pdf_url": f"{reverse('reports-summary-pdf', args=[mall.slug])}?{query}&lang={lang}",
        "other_lang_url": f"{base}?{query}&lang={other}",
        "share_form_url": reverse("reports-summary-share", args=[mall.slug]),
    }


@staff_member_required
@require_GET
def summary(request, mall_slug):
    mall = _mall_for_summary(request, mall_slug)
    lang = _lang(request)
    try:
        period = _period(request, mall)
    except periods.PeriodError as exc:
        period = periods.last_month(mall.local_now().date())
        with translation.override(lang):
            extra = {**_staff_links(request, mall, period, lang), "error": str(exc)}
        return _render_summary(request, mall, period, lang, extra, status=400)
    return _render_summary(request, mall, period, lang, _staff_links(request, mall, period, lang))


@staff_member_required
@require_GET
def summary_pdf(request, mall_slug):
    mall = _mall_for_summary(request, mall_slug)
    lang = _lang(request)
    try:
        period = _period(request, mall)
    except periods.PeriodError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    return _pdf_response(mall, period, lang, served=_served(request))


@staff_member_required
@require_POST
def share_link(request, mall_slug):
    mall = _mall_for_summary(request, mall_slug)
    lang = _lang(request)
    try:
        period = periods.parse_range(request.POST.get("dari", ""), request.POST.get("sampai", ""))
    except periods.PeriodError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    token = sharing.make_token(mall, period, lang)
    extra = _staff_links(request, mall, period, lang)
    extra["share_url"] = request.build_absolute_uri(reverse("reports-shared", args=[token]))
    return _render_summary(request, mall, period, lang, extra)


def _shared(token):
    try:
        return sharing.read_token(token)
    except sharing.LinkError:
        return None


def _link_gone(request):
    with translation.override("id"):
        return render(request, "reports/link_expired.html", status=410)


@require_GET
def shared_summary(request, token):
    found = _shared(token)
    if found is None:
        return _link_gone(request)
    mall, period, lang = found
    extra = {"pdf_url": reverse("reports-shared-pdf", args=[token])}
    response = _render_summary(request, mall, period, lang, extra)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_GET
def shared_summary_pdf(request, token):
    found = _shared(token)
    if found is None:
        return _link_gone(request)
    return _pdf_response(*found)


@staff_member_required
@require_GET
def district(request, kabupaten_code):
    if not is_district_admin(request.user, kabupaten_code):
        raise PermissionDenied
    malls = list(malls_for_user(request.user).filter(kabupaten_code=kabupaten_code))
    lang = _lang(request)
    try:
        period = periods.from_params(request.GET, datetime.date.today())
    except periods.PeriodError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    with translation.override(lang):
        context = build_district(malls, period, lang)
        context["error"] = "" if malls else _("Tidak ada mal di kabupaten/kota ini.")
        return render(request, "reports/district_detail.html", context)
