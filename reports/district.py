"""The district view: the summary of every mall of a kabupaten side by side."""

from feedback import ikm as ikm_lib
from feedback.ikm import IkmResult
from feedback.models import SurveyResponse

from .summary import build_summary


def build_district(malls, period, lang="id"):
    rows = []
    combined = IkmResult()
    visitors = 0
    for mall in malls:
        summary = build_summary(mall, period, lang)
        combined = combined + ikm_lib.compute(SurveyResponse.objects.between(mall, period.date_from, period.date_to))
        visitors += summary["visitors"] or 0
        rows.append(
            {
                "mall": mall,
                "visitors": summary["visitors"],
                "visitor_change": summary["visitor_change"],
                "handoff_rate": summary["handoff_rate"],
                "respondents": summary["respondents"],
                "ikm": summary["ikm_text"],
                "grade": summary["ikm_grade"] or "–",
                "sample_too_small": summary["sample_too_small"],
                "top_service": summary["top_services"][0]["name"] if summary["top_services"] else "–",
                "broken": len(summary["broken_channels"]),
                "findings": summary["findings"][:2],
            }
        )
    return {
        "lang": lang,
        "period": period,
        "period_label": period.label(lang),
        "kabupaten": malls[0].kabupaten if malls else "",
        "rows": rows,
        "visitors": visitors,
        "ikm_text": ikm_lib.format_ikm(combined.ikm),
        "ikm_grade": combined.grade,
        "respondents": combined.respondents,
    }
