"""Property test: whatever bytes arrive, the parser either returns a valid event or a 4xx PayloadError."""

import json
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.ingest import BEACON_EVENTS, MAX_BODY, PayloadError, parse_beacon
from analytics.snapshot import MallSnapshot

MALL = MallSnapshot(
    1,
    "taman",
    "Asia/Jakarta",
    scenes={"front": 11},
    booths={"dispenduk": 21},
    agencies={"dispendukcapil": 31},
    services={"ktp-el-baru": (41, 31)},
)


def find_mall(slug):
    return MALL if slug == "taman" else None


def check(body):
    try:
        mall, kind, event_id, ids = parse_beacon(body, find_mall, recheck=find_mall)
    except PayloadError as exc:
        assert 400 <= exc.status < 500
        assert str(exc.message)
        return None
    assert mall is MALL
    assert kind in {k for k, _ in BEACON_EVENTS.values()}
    assert isinstance(event_id, uuid.UUID)
    assert set(ids) <= {"scene_id", "booth_id", "agency_id", "service_id"}
    return ids


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=10,
)
field_values = st.one_of(
    st.sampled_from(["taman", "other", "front", "dispenduk", "ktp-el-baru", "", "x" * 200, *BEACON_EVENTS]),
    st.uuids().map(str),
    json_values,
)
payloads = st.dictionaries(
    st.sampled_from(["id", "mall", "event", "scene", "booth", "service", "agency", "extra"]), field_values, max_size=6
)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=MAX_BODY + 100))
def test_any_bytes_give_an_event_or_a_client_error(body):
    check(body)


@settings(max_examples=200, deadline=None)
@given(payloads)
def test_any_json_object_gives_an_event_or_a_client_error(payload):
    check(json.dumps(payload).encode())


@settings(max_examples=60, deadline=None)
@given(json_values)
def test_any_json_value_gives_an_event_or_a_client_error(value):
    check(json.dumps(value).encode())


def test_a_valid_booth_view_resolves_its_booth():
    body = json.dumps({"id": str(uuid.uuid4()), "mall": "taman", "event": "booth_view", "booth": "dispenduk"})

    assert check(body.encode()) == {"booth_id": 21}
