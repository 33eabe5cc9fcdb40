"""The public SKM survey: anonymous, optional, works without JavaScript, sets no cookie."""

from urllib.parse import urlencode, urlsplit

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from catalog.models import Booth, Service
from malls.models import Mall

from . import flood
from .actions import submit_survey_response
from .forms import SurveyForm


def _get_mall(mall_slug):
    mall = Mall.objects.published().filter(slug=mall_slug).first()
    if mall is None:
        raise Http404("mall")
    return mall


def _context_target(mall, params):
    """The service or booth the citizen came from (?layanan= / ?loket=); unknown slugs are ignored."""
    service_slug = params.get("layanan") or params.get("service") or ""
    booth_slug = params.get("loket") or ""
    service = (
        Service.objects.published().for_mall(mall).select_related("booth").filter(slug=service_slug).first()
        if service_slug
        else None
    )
    booth = service.booth if service else None
    if booth is None and booth_slug:
        booth = Booth.objects.for_mall(mall).filter(slug=booth_slug).first()
    return service, booth


def is_same_origin(request):
    """Browsers send Sec-Fetch-Site and Origin on form posts; a cross-site post is refused.

    Requests with neither header (very old browsers, scripts) are let through: the honeypot and the
    rate limit still apply, and the survey changes nothing but adds an anonymous answer.
    """
    site = request.headers.get("Sec-Fetch-Site")
    if site and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return urlsplit(origin).netloc == request.get_host()
    return origin != "null"


# No {% csrf_token %} and csrf_exempt: Django's CSRF protection needs a cookie, and citizens get no
# cookies (UU 27/2022 and our privacy promise). The post is checked for same origin instead (above),
# carries a honeypot and is rate-limited per visitor key; it can only add one anonymous answer.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def survey(request, mall_slug):
    mall = _get_mall(mall_slug)
    params = request.POST if request.method == "POST" else request.GET
    service, booth = _context_target(mall, params)
    status = 200
    if request.method == "POST":
        form = SurveyForm(request.POST, mall=mall, initial={"booth": booth})
        if not is_same_origin(request):
            form.add_error(None, _("Formulir ini hanya bisa dikirim dari halaman survei kami."))
            status = 403
        elif flood.is_limited(request, mall):
            form.add_error(None, _("Terlalu banyak jawaban dari perangkat ini. Coba lagi satu jam lagi."))
            status = 429
        elif form.is_bot:
            return redirect(reverse("feedback-survey-thanks", args=[mall.slug]))
        elif form.is_valid():
            flood.count_submission(request, mall)
            submit_survey_response(
                mall,
                form.scores(),
                booth=service.booth if service else form.cleaned_data["booth"],
                service=service,
                profile={k: form.cleaned_data[k] for k in ("age_band", "sex", "education", "occupation")},
                suggestion=form.cleaned_data["suggestion"],
            )
            return redirect(_thanks_url(mall, service, form.cleaned_data["booth"] or booth))
        else:
            status = 400
    else:
        initial = {"booth": booth.slug if booth else None, "service": service.slug if service else ""}
        form = SurveyForm(mall=mall, initial=initial)
    context = {"mall": mall, "form": form, "service": service, "booth": booth}
    return render(request, "feedback/survey_form.html", context, status=status)


def _thanks_url(mall, service, booth):
    """The thank-you page names what was rated (catalog slugs only), so analytics can count the answer."""
    url = reverse("feedback-survey-thanks", args=[mall.slug])
    query = urlencode(
        {k: v for k, v in {"layanan": getattr(service, "slug", ""), "loket": getattr(booth, "slug", "")}.items() if v}
    )
    return f"{url}?{query}" if query else url


@require_http_methods(["GET"])
def survey_thanks(request, mall_slug):
    mall = _get_mall(mall_slug)
    service, booth = _context_target(mall, request.GET)
    context = {"mall": mall, "service_slug": getattr(service, "slug", ""), "booth_slug": getattr(booth, "slug", "")}
    return render(request, "feedback/survey_thanks.html", context)
