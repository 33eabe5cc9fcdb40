"""Making and sending executive summaries: the web page, the PDF and the monthly email."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from malls.models import Mall

from . import periods, sharing
from .models import SummaryDelivery
from .pdf import html_to_pdf
from .summary import TEMPLATE, build_summary

log = logging.getLogger(__name__)
CATCH_UP_DAYS = 7


def render_summary_pdf(mall, period, lang="id", served=None):
    context = build_summary(mall, period, lang, served=served)
    with translation.override(lang):
        html = render_to_string(TEMPLATE, {**context, "pdf": True})
    return html_to_pdf(html)


def pdf_filename(mall, period):
    return f"ringkasan-{mall.slug}-{period.date_from.isoformat()}-{period.date_to.isoformat()}.pdf"


def site_url():
    return settings.SITE_URL.rstrip("/")


def send_summary(mall, period, recipients):
    """Email the PDF and a signed link to each recipient, in the recipient's language."""
    sizes = []
    for lang in sorted({r.language for r in recipients}):
        pdf = render_summary_pdf(mall, period, lang)
        sizes.append(len(pdf))
        link = site_url() + reverse("reports-shared", args=[sharing.make_token(mall, period, lang)])
        with translation.override(lang):
            subject = _("Ringkasan eksekutif %(mall)s – %(period)s") % {
                "mall": mall.name_en if lang == "en" and mall.name_en else mall.name,
                "period": period.label(lang),
            }
            context = {"mall": mall, "period_label": period.label(lang), "link": link}
            body = render_to_string("reports/summary_email.txt", context)
        message = EmailMessage(subject, body, to=[r.email for r in recipients if r.language == lang])
        message.attach(pdf_filename(mall, period), pdf, "application/pdf")
        message.send()
    return max(sizes, default=0)


def deliver_monthly_summaries(today=None):
    """Send last month's summary of every mall with recipients, once per mall and month.

    Runs often (the worker calls it hourly): the first run on the 1st sends; a worker that was down
    catches up during the first week. The SummaryDelivery row, claimed before sending, makes every
    later run skip that month, so a restart or two workers never send it twice.
    """
    sent = []
    for mall in Mall.objects.filter(summary_recipients__is_active=True).distinct():
        local_today = today or mall.local_now().date()
        if local_today.day > CATCH_UP_DAYS:
            continue
        period = periods.last_month(local_today)
        recipients = list(mall.summary_recipients.filter(is_active=True))
        try:
            with transaction.atomic():
                delivery = SummaryDelivery.objects.create(
                    mall=mall,
                    date_from=period.date_from,
                    date_to=period.date_to,
                    recipients=", ".join(r.email for r in recipients),
                )
        except IntegrityError:
            continue  # already sent
        try:
            delivery.pdf_bytes = send_summary(mall, period, recipients)
        except Exception:
            delivery.delete()  # let the next run try again
            log.exception("summary for %s %s could not be sent", mall.slug, period.date_from)
            continue
        delivery.sent_at = timezone.now()
        delivery.save(update_fields=["pdf_bytes", "sent_at"])
        sent.append(delivery)
    return sent
