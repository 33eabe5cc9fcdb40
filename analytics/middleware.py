"""Counts server-rendered page views of public mall pages and sent surveys, so nothing that matters
needs JavaScript."""

import logging

from . import ingest

log = logging.getLogger(__name__)


class PageViewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            if ingest.is_countable_page(request, response):
                ingest.record_page_view(request, response)
            elif ingest.is_survey_submission(request, response):
                ingest.record_survey(request)
        except Exception:  # noqa: BLE001 - counting must never break a citizen's page
            log.exception("page view not counted")
        return response
