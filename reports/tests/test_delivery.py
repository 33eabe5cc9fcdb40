"""Monthly delivery: last month's summary is emailed once to the recipients staff configured."""

import datetime

import pytest
from django.core import mail

from mppvirtual.lib.worker import JOBS
from reports.actions import deliver_monthly_summaries
from reports.models import SummaryDelivery, SummaryRecipient

pytestmark = pytest.mark.django_db

FIRST_OF_DECEMBER = datetime.date(2026, 12, 1)


@pytest.fixture
def recipients(surveyed):
    SummaryRecipient.objects.create(mall=surveyed, name="Camat Taman", email="camat@example.go.id")
    SummaryRecipient.objects.create(mall=surveyed, name="Assessor", email="assessor@example.org", language="en")
    SummaryRecipient.objects.create(mall=surveyed, name="Former", email="old@example.go.id", is_active=False)


def test_on_the_first_it_emails_last_months_pdf_and_a_link(recipients):
    sent = deliver_monthly_summaries(today=FIRST_OF_DECEMBER)
    assert len(sent) == 1
    assert (sent[0].date_from, sent[0].date_to) == (datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))
    by_lang = {m.to[0]: m for m in mail.outbox}
    assert set(by_lang) == {"camat@example.go.id", "assessor@example.org"}
    indonesian = by_lang["camat@example.go.id"]
    assert "November 2026" in indonesian.subject
    assert "/ringkasan/" in indonesian.body
    name, content, mimetype = indonesian.attachments[0]
    assert mimetype == "application/pdf" and content.startswith(b"%PDF") and name.endswith(".pdf")
    assert "Executive summary" in by_lang["assessor@example.org"].subject


def test_it_sends_each_month_only_once(recipients):
    deliver_monthly_summaries(today=FIRST_OF_DECEMBER)
    deliver_monthly_summaries(today=FIRST_OF_DECEMBER)
    deliver_monthly_summaries(today=FIRST_OF_DECEMBER + datetime.timedelta(days=2))
    assert len(mail.outbox) == 2  # one per language, once
    assert SummaryDelivery.objects.count() == 1


def test_it_waits_for_the_start_of_the_month(recipients):
    assert deliver_monthly_summaries(today=datetime.date(2026, 12, 15)) == []
    assert mail.outbox == []


def test_malls_without_recipients_get_nothing(surveyed):
    assert deliver_monthly_summaries(today=FIRST_OF_DECEMBER) == []


def test_the_worker_runs_the_delivery():
    assert JOBS["reports-monthly-summary"].func is deliver_monthly_summaries
