"""The one wrapper around WeasyPrint: HTML in, PDF bytes out, fetching nothing but our own static files.

WeasyPrint would otherwise follow <img>, <link> and @import to any URL or local path (SSRF and file
disclosure if a catalog text ever slipped markup through); our fetcher serves /static/ files found by
Django's static finders and refuses everything else.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://report.invalid/"


class StaticOnlyFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or not parts.path.startswith(settings.STATIC_URL):
            raise ValueError(f"refused to fetch {url}")
        relative = unquote(parts.path[len(settings.STATIC_URL) :])
        if ".." in Path(relative).parts:
            raise ValueError(f"refused to fetch {url}")
        path = _static_path(relative)
        if not path:
            raise ValueError(f"no static file {relative}")
        mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=Path(path).read_bytes(), headers={"Content-Type": mime})


def _static_path(relative):
    """A collected file (hashed names in production) or, before collectstatic, the source file."""
    if settings.STATIC_ROOT:
        collected = Path(settings.STATIC_ROOT) / relative
        if collected.is_file() and Path(settings.STATIC_ROOT).resolve() in collected.resolve().parents:
            return str(collected)
    return finders.find(relative)


def html_to_pdf(html):
    return weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()).write_pdf()
