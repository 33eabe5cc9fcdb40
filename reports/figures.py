"""Visitor figures for the summary, read from analytics when it is installed.

Only this module imports analytics; without it the summary still shows the survey, links and findings.
"""

import datetime

EMPTY_PANELS = ["services", "booths", "agencies", "scenes", "outbound", "searches", "zero_result_searches", "days"]


def empty_report(mall, date_from, date_to):
    return {
        "mall": mall.slug,
        "from": date_from.isoformat(),
        "to": date_to.isoformat(),
        "visitors": None,
        "page_views": None,
        "panels": {name: {} for name in EMPTY_PANELS},
        "handoff_rate": None,
        "service_handoffs": {},
        "available": False,
    }


def visitor_report(mall, date_from, date_to):
    """analytics.reporting.report() plus per-service hand-offs {service slug: n}; empty without analytics."""
    try:
        from analytics import reporting
    except ImportError:
        return empty_report(mall, date_from, date_to)
    data = dict(reporting.report(mall, date_from, date_to))
    data["available"] = True
    data["service_handoffs"] = {}
    figures_class = getattr(reporting, "Figures", None)
    if figures_class is not None:
        from catalog.models import Service

        slugs = dict(Service.objects.for_mall(mall).values_list("id", "slug"))
        per_service = figures_class([mall], date_from, date_to).services()
        data["service_handoffs"] = {slugs[i]: v.get("handoffs", 0) for i, v in per_service.items() if i in slugs}
    return data


def monthly_page_views(days):
    """{"2026-01": n, ...} from the report's per-day page views."""
    months = {}
    for day_text, n in days.items():
        key = datetime.date.fromisoformat(day_text).strftime("%Y-%m")
        months[key] = months.get(key, 0) + (n or 0)
    return months
