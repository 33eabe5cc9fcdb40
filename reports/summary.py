"""The executive summary of one mall for one period: one function builds the whole context.

Page 1 is for the leader (visitors, top services and booths, hand-off share, IKM, unmet demand, broken
links, findings); the annex holds the per-booth table, IKM per element and the method.
"""

import datetime
from fractions import Fraction

from django.utils import translation
from django.utils.translation import gettext as _

from catalog.models import Agency, Booth, Channel, Service
from feedback import ikm as ikm_lib
from feedback.elements import ELEMENTS
from feedback.models import SurveyResponse
from mppvirtual.lib.formats import MONTHS_EN, MONTHS_ID, format_number, format_percent

from . import charts, findings, periods
from .figures import monthly_page_views, visitor_report

TEMPLATE = "reports/summary_detail.html"
TOP = 5


def change(current, previous):
    """Relative change as a Fraction, None when there is nothing to compare with."""
    if current is None or not previous:
        return None
    return Fraction(current - previous, previous)


def change_text(value):
    if value is None:
        return ""
    sign = "+" if value >= 0 else "−"
    return sign + format_percent(abs(float(value)) * 100)


def _top(counts, names, limit=TOP):
    rows = []
    for slug, n in list(counts.items())[:limit]:
        rows.append({"slug": slug, "name": names.get(slug, slug), "views": n})
    return rows


def _survey_facts(mall, period):
    responses = SurveyResponse.objects.between(mall, period.date_from, period.date_to)
    return {
        "overall": ikm_lib.compute(responses),
        "booths": ikm_lib.compute_by(responses, "booth__slug"),
        "services": ikm_lib.compute_by(responses, "service__slug"),
    }


def _service_facts(services, visits, visits_before, survey, survey_before, lang):
    handoffs = visits["service_handoffs"]
    views = visits["panels"]["services"]
    views_before = visits_before["panels"]["services"]
    rows = []
    for s in services:
        now, before = survey["services"].get(s.slug), survey_before["services"].get(s.slug)
        rows.append(
            findings.ServiceFacts(
                slug=s.slug,
                name=s.tr("name", lang),
                views=views.get(s.slug, 0),
                views_previous=views_before.get(s.slug, 0),
                handoffs=handoffs.get(s.slug, 0),
                has_online_channel=bool(s.online_channel_id and s.online_channel.url),
                ikm=now.ikm if now else None,
                ikm_previous=before.ikm if before else None,
            )
        )
    return rows


def _booth_rows(booths, visits, survey, lang):
    rows = []
    for b in booths:
        result = survey["booths"].get(b.slug) or ikm_lib.IkmResult()
        result.population = visits["panels"]["booths"].get(b.slug)
        nrr = result.nrr
        known = {f: v for f, v in nrr.items() if v is not None}
        weakest = min(known, key=known.get) if known else None
        rows.append(
            {
                "name": b.tr("name", lang),
                "views": visits["panels"]["booths"].get(b.slug),
                "respondents": result.respondents,
                "ikm": ikm_lib.format_ikm(result.ikm),
                "grade": result.grade or "–",
                "weakest": next((e.code for e in ELEMENTS if e.field == weakest), "–"),
                "sample_too_small": result.sample_too_small,
            }
        )
    return rows


def _agency_rows(mall, period, lang):
    """IKM per agency: answers about its services, or about its booth when no service was named."""
    responses = SurveyResponse.objects.between(mall, period.date_from, period.date_to)
    rows = []
    for agency in Agency.objects.for_mall(mall).order_by("short_name"):
        result = ikm_lib.compute(responses.for_agency(agency))
        if result.respondents:
            rows.append(
                {
                    "name": agency.short_name,
                    "respondents": result.respondents,
                    "ikm": ikm_lib.format_ikm(result.ikm),
                    "grade": result.grade or "–",
                }
            )
    return rows


def _ikm_by_month(mall, period):
    """[(first day of month, IkmResult)] for each month the period touches (for year and quarter views)."""
    rows = []
    month_start = period.date_from.replace(day=1)
    while month_start <= period.date_to:
        month = periods.month(month_start)
        start, end = max(month.date_from, period.date_from), min(month.date_to, period.date_to)
        rows.append((month_start, ikm_lib.compute(SurveyResponse.objects.between(mall, start, end))))
        month_start = month.date_to + datetime.timedelta(days=1)
    return rows


def _ikm_trend_chart(mall, period, lang):
    rows = [(d, r) for d, r in _ikm_by_month(mall, period) if r.ikm is not None]
    if len(rows) < 2:
        return ""
    return charts.column_chart(
        [(_month_label(d.strftime("%Y-%m"), lang), float(r.ikm), ikm_lib.format_ikm(r.ikm)) for d, r in rows],
        title=_("IKM per bulan"),
        baseline=25,
    )


def _month_label(key, lang):
    year, month = key.split("-")
    names = MONTHS_EN if lang == "en" else MONTHS_ID
    return f"{names[int(month) - 1][:3]} {year[2:]}"


def build_summary(mall, period, lang="id", served=None):
    """Context for the summary template (web page and PDF). `served` overrides the people-served count."""
    with translation.override(lang):
        return _build(mall, period, lang, served)


def _build(mall, period, lang, served):
    before = period.previous()
    visits = visitor_report(mall, period.date_from, period.date_to)
    visits_before = visitor_report(mall, before.date_from, before.date_to)
    survey = _survey_facts(mall, period)
    survey_before = _survey_facts(mall, before)
    overall = survey["overall"]
    overall.population = served if served is not None else visits["visitors"]

    services = list(Service.objects.for_mall(mall).select_related("online_channel"))
    service_names = {s.slug: s.tr("name", lang) for s in services}
    booths = list(Booth.objects.for_mall(mall).filter(kind="services").select_related("scene"))
    booth_names = {b.slug: b.tr("name", lang) for b in booths}
    broken = list(Channel.objects.for_mall(mall).filter(last_check_ok=False).select_related("agency"))

    facts = findings.Facts(
        services=_service_facts(services, visits, visits_before, survey, survey_before, lang),
        zero_result_searches=visits["panels"]["zero_result_searches"],
        broken_channels=[c.tr("label", lang) for c in broken],
        element_nrr=overall.nrr,
        respondents=overall.respondents,
        minimum_sample=overall.minimum_sample,
        ikm=overall.ikm,
        grade=overall.grade,
    )
    top_services = _top(visits["panels"]["services"], service_names)
    top_booths = _top(visits["panels"]["booths"], booth_names)
    elements = [
        {"code": e.code, "name": e.name(lang), "nrr": ikm_lib.format_nrr(nrr), "value": nrr or 0}
        for e, nrr, _scaled in overall.element_rows(lang)
    ]
    months = monthly_page_views(visits["panels"]["days"])
    visitor_change = change(visits["visitors"], visits_before["visitors"])
    ikm_before = survey_before["overall"].ikm
    return {
        "mall": mall,
        "lang": lang,
        "period": period,
        "period_label": period.label(lang),
        "previous_label": before.label(lang),
        "generated_on": datetime.date.today(),
        "analytics_available": visits["available"],
        "visitors": visits["visitors"],
        "visitors_before": visits_before["visitors"],
        "visitor_change": change_text(visitor_change),
        "visitor_change_up": visitor_change is not None and visitor_change >= 0,
        "page_views": visits["page_views"],
        "handoff_rate": None if visits["handoff_rate"] is None else format_percent(visits["handoff_rate"] * 100),
        "top_services": top_services,
        "top_booths": top_booths,
        "top_services_chart": charts.bar_chart(
            [(r["name"], r["views"], format_number(r["views"])) for r in top_services],
            title=_("Lima layanan paling banyak dilihat"),
            width=340,
            label_width=150,
        ),
        "ikm": overall,
        "ikm_text": ikm_lib.format_ikm(overall.ikm),
        "ikm_grade": overall.grade,
        "ikm_performance": ikm_lib.performance(overall.grade, lang),
        "ikm_before_text": ikm_lib.format_ikm(ikm_before),
        "ikm_change": None
        if overall.ikm is None or ikm_before is None
        else format_number(float(overall.ikm - ikm_before), 2),
        "respondents": overall.respondents,
        "minimum_sample": overall.minimum_sample,
        "sample_too_small": overall.sample_too_small,
        "unmet": list(visits["panels"]["zero_result_searches"].items())[:TOP],
        "broken_channels": broken,
        "findings": findings.evaluate(facts),
        "booth_rows": _booth_rows(booths, visits, survey, lang),
        "agency_rows": _agency_rows(mall, period, lang),
        "elements": elements,
        "elements_chart": charts.bar_chart(
            [(f"{e['code']} {e['name']}", e["value"], e["nrr"]) for e in elements],
            title=_("Nilai rata-rata (NRR) per unsur, skala 1–4"),
            maximum=4,
        ),
        "ikm_trend_chart": _ikm_trend_chart(mall, period, lang),
        "months_chart": charts.column_chart(
            [(_month_label(k, lang), v, format_number(v)) for k, v in sorted(months.items())],
            title=_("Jumlah halaman dilihat per bulan"),
        )
        if len(months) > 1 and any(months.values())
        else "",
    }
