"""Flood protection for the public survey without cookies or stored identifiers.

A visitor key is a keyed hash of (daily random salt, IP, user agent, mall). Only a counter under that key
lives in the cache, with a TTL; the salt itself expires after two days, so yesterday's keys cannot be
recomputed.
"""

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.cache import cache

from mppvirtual.lib.http import client_ip

LIMIT = getattr(settings, "SKM_RATE_LIMIT", 5)  # submissions per visitor key per window
WINDOW_SECONDS = getattr(settings, "SKM_RATE_WINDOW", 3600)


def _daily_salt(today):
    key = f"skm:salt:{today.isoformat()}"
    salt = cache.get(key)
    if salt is None:
        cache.add(key, secrets.token_hex(16), timeout=2 * 86400)
        salt = cache.get(key)
    return salt


def visitor_key(request, mall):
    today = datetime.date.today()
    message = "|".join([client_ip(request), request.META.get("HTTP_USER_AGENT", ""), mall.slug])
    digest = hmac.new((settings.SECRET_KEY + _daily_salt(today)).encode(), message.encode(), hashlib.sha256).hexdigest()
    return f"skm:rate:{digest[:32]}"


def is_limited(request, mall):
    count = cache.get(visitor_key(request, mall), 0)
    return count >= LIMIT


def count_submission(request, mall):
    key = visitor_key(request, mall)
    if not cache.add(key, 1, timeout=WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=WINDOW_SECONDS)
