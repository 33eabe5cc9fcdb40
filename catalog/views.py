"""Citizen pages of the directory: server-rendered, complete without JavaScript."""

import re

from django.db.models import Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from malls.models import Mall

from . import search as search_engine
from .models import Booth, LifeEvent, LifeEventStep, NewsItem, Service

PUBLIC_CACHE = cache_control(public=True, max_age=300)
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,50}")


def get_mall(mall_slug):
    mall = Mall.objects.published().prefetch_related("opening_hours").filter(slug=mall_slug).first()
    if mall is None:
        raise Http404("mall")
    return mall


def published_services(mall):
    return Service.objects.published().for_mall(mall).select_related("agency", "booth", "online_channel")


def booths_of(mall):
    return Booth.objects.for_mall(mall).select_related("scene").order_by("scene__order", "order")


ROBOTS_TXT = "User-agent: *\nDisallow: /admin/\nDisallow: /staf/\nDisallow: /ringkasan/\nDisallow: /e\n"


@require_safe
def robots_txt(request):
    return HttpResponse(ROBOTS_TXT, content_type="text/plain; charset=utf-8")


def healthz_live(request):
    return HttpResponse("ok", content_type="text/plain")


@require_safe
def root(request):
    malls = list(Mall.objects.published())
    if len(malls) == 1:
        return redirect(malls[0].get_absolute_url())
    return render(request, "catalog/root.html", {"malls": malls})


@require_safe
@PUBLIC_CACHE
def mall_home(request, mall_slug):
    mall = get_mall(mall_slug)
    return render(
        request,
        "catalog/mall_home.html",
        {
            "mall": mall,
            "booths": booths_of(mall),
            "life_events": LifeEvent.objects.for_mall(mall),
        },
    )


@require_safe
@PUBLIC_CACHE
def booth_detail(request, mall_slug, booth_slug):
    mall = get_mall(mall_slug)
    booth = get_object_or_404(Booth.objects.for_mall(mall).select_related("scene"), slug=booth_slug)
    if booth.kind == "news":
        return redirect("catalog-news", mall.slug)
    services = published_services(mall).filter(booth=booth)
    agencies = booth.agencies.prefetch_related(Prefetch("services", queryset=services, to_attr="booth_services"))
    return render(request, "catalog/booth_detail.html", {"mall": mall, "booth": booth, "agencies": agencies})


@require_safe
@PUBLIC_CACHE
def agency_detail(request, mall_slug, agency_slug):
    mall = get_mall(mall_slug)
    agency = get_object_or_404(mall.agencies.select_related("home_scene"), slug=agency_slug)
    return render(
        request,
        "catalog/agency_detail.html",
        {
            "mall": mall,
            "agency": agency,
            "services": published_services(mall).filter(agency=agency),
            "channels": agency.channels.select_related("mall"),
            "booths": agency.booths.select_related("scene"),
        },
    )


@require_safe
@PUBLIC_CACHE
def service_detail(request, mall_slug, service_slug):
    mall = get_mall(mall_slug)
    service = get_object_or_404(
        published_services(mall).select_related("booth__scene", "agency__home_scene", "online_channel__mall"),
        slug=service_slug,
    )
    return render(
        request,
        "catalog/service_detail.html",
        {
            "mall": mall,
            "service": service,
            "life_events": service.life_events.all(),
        },
    )


@require_safe
@PUBLIC_CACHE
def life_event_detail(request, mall_slug, event_slug):
    mall = get_mall(mall_slug)
    event = get_object_or_404(LifeEvent.objects.for_mall(mall), slug=event_slug)
    steps = (
        LifeEventStep.objects.filter(life_event=event, service__status=Service.PUBLISHED)
        .select_related("service__agency", "service__booth__scene")
        .order_by("order")
    )
    return render(request, "catalog/life_event_detail.html", {"mall": mall, "event": event, "steps": steps})


@require_safe
@PUBLIC_CACHE
def news_list(request, mall_slug):
    mall = get_mall(mall_slug)
    related = Prefetch("related_services", queryset=Service.objects.published().for_mall(mall))
    news = NewsItem.objects.published().for_mall(mall).prefetch_related(related)
    booth = Booth.objects.for_mall(mall).filter(kind="news").select_related("scene").first()
    return render(request, "catalog/news_list.html", {"mall": mall, "news": news, "booth": booth})


def _search(mall, request):
    query = _query(request)
    results = search_engine.search(mall, query) if query else []
    for service in results:
        service.mall = mall  # already known: saves a query per result when building its URL
    return query, results


def _query(request):
    # NUL bytes cannot be stored or compared in PostgreSQL text; nobody types them.
    return search_engine.clean_query(request.GET.get("q", "").replace("\x00", ""))


@require_safe
def search(request, mall_slug):
    mall = get_mall(mall_slug)
    query, results = _search(mall, request)
    context = {"mall": mall, "query": query, "results": results}
    if not results:
        context["life_events"] = LifeEvent.objects.for_mall(mall)
        context["booths"] = booths_of(mall)
    response = render(request, "catalog/search.html", context)
    response["X-Result-Count"] = str(len(results))
    return response


@require_safe
def search_json(request, mall_slug):
    mall = get_mall(mall_slug)
    query, results = _search(mall, request)
    return JsonResponse(
        {
            "query": query,
            "results": [
                {"slug": s.slug, "name": s.tr("name"), "agency": s.agency.short_name, "url": s.get_absolute_url()}
                for s in results
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _mall_in_path(request):
    """The published mall named by the first path segment of a missing page, so the 404 keeps its header."""
    parts = [p for p in request.path.split("/") if p]
    if parts and parts[0] == "en":
        parts = parts[1:]
    if not parts or not SLUG.fullmatch(parts[0]):
        return None
    return Mall.objects.published().filter(slug=parts[0]).first()


def page_not_found(request, exception=None):
    return render(request, "404.html", {"mall": _mall_in_path(request)}, status=404)


def server_error(request):
    return render(request, "500.html", status=500)
