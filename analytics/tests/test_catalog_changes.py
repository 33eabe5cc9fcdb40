"""Ingest and the outbound redirect keep an in-memory copy of the catalog; a change must not make them
refuse what a citizen can already see."""

import uuid

from analytics import snapshot
from catalog.models import Channel, Service

from .test_collect import post


def test_a_channel_added_after_the_copy_was_taken_still_redirects(client, taman, monkeypatch):
    monkeypatch.setattr(snapshot, "MISS_RELOAD_SECONDS", 0)
    snapshot.reset()
    assert snapshot.mall("taman") is not None  # the copy is taken now
    channel = Channel.objects.create(mall=taman, label="Kanal baru", url="https://contoh.example/baru")
    response = client.get(f"/taman/ke/{channel.id}/")
    assert response.status_code == 302
    assert response["Location"] == "https://contoh.example/baru"


def test_a_service_published_after_the_copy_was_taken_is_accepted(client, taman, monkeypatch):
    monkeypatch.setattr(snapshot, "MISS_RELOAD_SECONDS", 0)
    service = Service.objects.get(mall=taman, slug="skck")
    service.status = Service.DRAFT
    service.save()
    snapshot.reset()
    assert "skck" not in snapshot.mall("taman").services
    service.status = Service.PUBLISHED
    service.save()
    body = {"id": str(uuid.uuid4()), "mall": "taman", "event": "service_view", "service": "skck"}
    assert post(client, body).status_code == 202
