"""Checks that the official channels the directory links to still answer.

Fills Channel.last_checked_at / last_check_ok / last_check_status; the executive summary lists the broken
ones. Only http(s) URLs are fetched, and by default never private or loopback addresses, so a mistyped
channel cannot make the server probe its own network.
"""

import ipaddress
import socket
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from .models import Channel

USER_AGENT = "MPP-Virtual-linkcheck/1.0 (+https://github.com/; checks official channel links)"
TIMEOUT = 10


@dataclass
class CheckResult:
    ok: bool
    status: int | None
    reason: str = ""


def _is_public_host(host):
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        return False
    return all(ipaddress.ip_address(info[4][0]).is_global for info in infos)


def _request(url, method, timeout):
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked)
        return response.status


def check_url(url, timeout=TIMEOUT):
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return CheckResult(False, None, "not an http(s) URL")
    if not getattr(settings, "LINKCHECK_ALLOW_PRIVATE", False) and not _is_public_host(parts.hostname):
        return CheckResult(False, None, "host does not resolve to a public address")
    for method in ("HEAD", "GET"):
        try:
            status = _request(url, method, timeout)
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue  # some servers refuse HEAD: ask again with GET
            return CheckResult(False, exc.code, str(exc.reason))
        except (urllib.error.URLError, OSError, ValueError) as exc:
            return CheckResult(False, None, str(getattr(exc, "reason", exc)))
        return CheckResult(200 <= status < 400, status)
    return CheckResult(False, None, "no answer")


def check_channels(channels, timeout=TIMEOUT, workers=8):
    """Check every channel with a URL and store the result; returns {channel: CheckResult}."""
    channels = [c for c in channels if c.url]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = dict(zip(channels, pool.map(lambda c: check_url(c.url, timeout), channels), strict=True))
    now = timezone.now()
    for channel, result in results.items():
        channel.last_checked_at = now
        channel.last_check_ok = result.ok
        channel.last_check_status = result.status
    Channel.objects.bulk_update(results, ["last_checked_at", "last_check_ok", "last_check_status"])
    return results
