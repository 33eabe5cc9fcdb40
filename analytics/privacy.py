"""Counting visitors without identifying them (UU 27/2022).

visitor = BLAKE2b(key = random salt of the mall's local day, msg = mall ‖ IP ‖ user agent), 63 bits.
The salt lives in memory and in the `Salt` table for at most 48 hours, so after that nobody, including
the operators, can link an event to an IP address or to another day. IP and user agent are never stored.
"""

import hashlib
import re
import secrets
import zoneinfo
from functools import lru_cache
from urllib.parse import urlsplit

from django.db import IntegrityError

from .models import Device, Salt

SEP = b"\x1f"  # a separator byte, so ("a", "bc") and ("ab", "c") never hash alike
MAX_TERM = 60

_salts = {}  # (timezone, local day) -> key bytes; a process remembers at most a few

BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|whatsapp|telegram|preview|monitor|"
    r"curl|wget|python|java/|go-http|okhttp|httpclient|axios|node-fetch|libwww|scrapy|headless|"
    r"phantomjs|lighthouse|pingdom|uptime|feedfetcher",
    re.IGNORECASE,
)
MOBILE_PATTERN = re.compile(r"mobi|iphone|ipod|android.+mobile|windows phone|opera mini", re.IGNORECASE)
TABLET_PATTERN = re.compile(r"ipad|tablet|android(?!.*mobile)|kindle|silk", re.IGNORECASE)


def local_day(timezone_name, when):
    local = when.astimezone(zoneinfo.ZoneInfo(timezone_name))
    return local.date(), local.hour


def salt_for(timezone_name, day):
    """The day's salt for a time zone: from memory, else the shared table (created on first use)."""
    key = (timezone_name, day)
    salt = _salts.get(key)
    if salt is None:
        salt = _load_or_create_salt(timezone_name, day)
        if len(_salts) > 8:
            _salts.clear()
        _salts[key] = salt
    return salt


def _load_or_create_salt(timezone_name, day):
    row = Salt.objects.filter(timezone=timezone_name, day=day).first()
    if row is None:
        try:
            row = Salt.objects.create(timezone=timezone_name, day=day, key=secrets.token_bytes(32))
        except IntegrityError:  # another process created it a moment ago
            row = Salt.objects.get(timezone=timezone_name, day=day)
    return bytes(row.key)


def forget_salts():
    _salts.clear()


def visitor_key(salt, mall_slug, ip, user_agent):
    msg = SEP.join([mall_slug.encode(), ip.encode(), user_agent.encode("utf-8", "replace")])
    digest = hashlib.blake2b(msg, key=salt, digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1  # fits a signed 64-bit column


@lru_cache(maxsize=50_000)
def is_bot(user_agent):
    return not user_agent or bool(BOT_PATTERN.search(user_agent))


@lru_cache(maxsize=50_000)
def device_of(user_agent):
    if MOBILE_PATTERN.search(user_agent):
        return Device.MOBILE
    if TABLET_PATTERN.search(user_agent):
        return Device.TABLET
    if user_agent:
        return Device.DESKTOP
    return Device.UNKNOWN


def normalise_term(text):
    """Lower case, single spaces, at most 60 characters: only what is needed to see unmet demand."""
    return " ".join(str(text).lower().split())[:MAX_TERM].strip()


def referrer_host(referer, own_host):
    """The host of the referring page, or "" for our own pages and for anything unparsable."""
    try:
        host = (urlsplit(referer).hostname or "").lower()
    except ValueError:
        return ""
    if not host or host == own_host.split(":")[0].lower():
        return ""
    return host[:100]
