"""Ingest endpoint, outbound redirect, privacy notice (public) and the staff dashboard with its exports."""

import csv
import io
import logging

from django.contrib.admin.views.decorators import staff_member_required
from django.db import DatabaseError
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from malls.access import agency_ids_for_user, get_mall_for_staff, malls_for_user

from . import dashboard, ingest, snapshot
from .queue import QueueUnavailable

log = logging.getLogger(__name__)


# Public ----------------------------------------------------------------------------------------------


@csrf_exempt
def collect(request):
    """POST one beacon event. 202 only once it is durably queued; 503 + Retry-After when it cannot be."""
    if request.method != "POST":
        response = _error(405, ingest.USE_POST)
        response["Allow"] = "POST"
        return response
    try:
        status, message = ingest.accept_beacon(request.META, request.body)
    except (QueueUnavailable, DatabaseError):
        log.warning("analytics queue unavailable")
        response = _error(503, ingest.UNAVAILABLE)
        response["Retry-After"] = ingest.RETRY_AFTER
        return response
    if status == 202:
        response = HttpResponse(status=202)
        response["Cache-Control"] = "no-store"
        return response
    # /e has no language prefix: answer in the language the browser asks for.
    with translation.override(translation.get_language_from_request(request)):
        return _error(status, message)


def _error(status, message):
    response = JsonResponse({"error": str(message)}, status=status, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@never_cache
def outbound(request, mall_slug, channel_id):
    """Count a click to an agency's official channel, then send the citizen there."""
    mall = snapshot.mall(mall_slug)
    if mall is None or channel_id not in mall.channels:
        mall = snapshot.recheck(mall_slug)  # a channel added or a catalog reloaded a moment ago
    if mall is None or channel_id not in mall.channels:
        raise Http404("channel")
    if not ingest.is_bot(request.META):
        try:
            ingest.record_outbound(request, mall, channel_id)
        except Exception:  # noqa: BLE001 - the citizen must reach the channel even when counting fails
            log.warning("outbound click not counted", exc_info=True)
    response = HttpResponseRedirect(mall.channels[channel_id][0])
    response["Referrer-Policy"] = "no-referrer"  # the agency learns nothing about where the citizen was
    return response


@require_GET
@cache_control(public=True, max_age=300)
def privacy(request, mall_slug):
    from django.conf import settings

    from catalog.views import get_mall

    mall = get_mall(mall_slug)
    return render(
        request,
        "analytics/privacy_notice.html",
        {"mall": mall, "retention_days": settings.ANALYTICS_RAW_RETENTION_DAYS},
    )


# Staff -----------------------------------------------------------------------------------------------


@staff_member_required
def dashboard_home(request):
    """The district view when the user sees several malls, else straight to their mall."""
    visible = list(malls_for_user(request.user))
    if not visible:
        raise Http404("mall")
    # Side by side only for malls whose every agency the user may see (not for agency operators).
    malls = [m for m in visible if agency_ids_for_user(request.user, m) is None]
    if len(malls) <= 1:
        return redirect("analytics-dashboard", mall_slug=(malls or visible)[0].slug)
    period = dashboard.parse_period(request.GET, malls[0].local_now().date())
    return render(
        request,
        "analytics/dashboard_district.html",
        {
            "malls": malls,
            "period": period,
            "presets": dashboard.PRESETS,
            "table": dashboard.district_table(malls, period),
            "kpis": dashboard.kpis(malls, period),
        },
    )


def _mall_context(request, mall_slug):
    mall = get_mall_for_staff(request.user, mall_slug)
    agency_ids = agency_ids_for_user(request.user, mall)
    period = dashboard.parse_period(request.GET, mall.local_now().date())
    return mall, agency_ids, period


@staff_member_required
def dashboard_mall(request, mall_slug):
    mall, agency_ids, period = _mall_context(request, mall_slug)
    tables = dashboard.mall_tables(mall, period, agency_ids)
    return render(
        request,
        "analytics/dashboard_mall.html",
        {
            "mall": mall,
            "period": period,
            "presets": dashboard.PRESETS,
            "kpis": dashboard.kpis(mall, period, agency_ids),
            "tables": list(tables.values()),
            "agency_only": agency_ids is not None,
            "several_malls": malls_for_user(request.user).count() > 1,
            "query": request.GET.urlencode(),
        },
    )


@staff_member_required
def dashboard_export(request, mall_slug, panel, fmt):
    mall, agency_ids, period = _mall_context(request, mall_slug)
    tables = dashboard.mall_tables(mall, period, agency_ids)
    if panel != "all" and panel not in tables:
        raise Http404("panel")
    chosen = list(tables.values()) if panel == "all" else [tables[panel]]
    stem = f"mpp-{mall.slug}-{panel}-{period.date_from:%Y%m%d}-{period.date_to:%Y%m%d}"
    if fmt == "csv":
        if panel == "all":
            raise Http404("csv of all panels")
        return _csv(chosen[0], stem)
    if fmt == "xlsx":
        return _xlsx(chosen, stem)
    return JsonResponse(
        {
            "mall": mall.slug,
            "from": period.date_from.isoformat(),
            "to": period.date_to.isoformat(),
            "panels": {t.name: {"columns": [str(c) for c in t.columns], "rows": t.rows} for t in chosen},
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _csv(table, stem):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(c) for c in table.columns])
    writer.writerows(table.rows)
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
    return response


def _xlsx(tables, stem):
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(table.name[:31])
        sheet.append([str(c) for c in table.columns])
        for row in table.rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{stem}.xlsx"'
    return response
