"""Signed links that let a leader open one summary without an account, for a limited time."""

import datetime

from django.conf import settings
from django.core import signing

from malls.models import Mall

from .periods import Period, kind_of

SALT = "reports.summary-link"


def make_token(mall, period, lang="id"):
    payload = {"m": mall.slug, "f": period.date_from.isoformat(), "t": period.date_to.isoformat(), "l": lang}
    return signing.TimestampSigner(salt=SALT).sign_object(payload, compress=True)


class LinkError(Exception):
    pass


def read_token(token, max_age=None):
    """(mall, period, lang) from a token; LinkError when it is forged, expired or its mall is gone."""
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=max_age or settings.SUMMARY_LINK_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise LinkError("expired") from exc
    except signing.BadSignature as exc:
        raise LinkError("invalid") from exc
    mall = Mall.objects.filter(slug=data.get("m")).first()
    if mall is None:
        raise LinkError("invalid")
    date_from = datetime.date.fromisoformat(data["f"])
    date_to = datetime.date.fromisoformat(data["t"])
    return mall, Period(date_from, date_to, kind_of(date_from, date_to)), data.get("l", "id")
