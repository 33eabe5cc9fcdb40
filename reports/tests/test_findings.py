"""Each finding rule fires on crafted figures and stays silent otherwise."""

from fractions import Fraction

import pytest

from reports import findings
from reports.findings import Facts, ServiceFacts

GOOD_NRR = {f"u{i}": Fraction("3.4") for i in range(1, 10)}


def facts(**overrides):
    """Figures of a calm month: nothing should fire but the satisfaction level."""
    base = {
        "services": [ServiceFacts("ktp", "KTP-el", views=100, views_previous=95, handoffs=40, has_online_channel=True)],
        "element_nrr": dict(GOOD_NRR),
        "respondents": 400,
        "minimum_sample": 350,
        "ikm": Fraction(85),
        "grade": "B",
    }
    base.update(overrides)
    return Facts(**base)


def rules_fired(f):
    return [x.rule for x in findings.evaluate(f)]


def test_a_calm_month_gives_only_the_satisfaction_level():
    assert rules_fired(facts()) == ["satisfaction_level"]


def test_demand_up_and_satisfaction_down_points_to_counter_capacity():
    service = ServiceFacts("ktp", "KTP-el", views=150, views_previous=100, ikm=Fraction(78), ikm_previous=Fraction(84))
    found = findings.demand_up_satisfaction_down(facts(services=[service]))
    assert found is not None
    assert "KTP-el" in found.text and "50%" in found.text
    assert "kapasitas loket" in found.recommendation


@pytest.mark.parametrize(
    "service",
    [
        ServiceFacts("ktp", "KTP-el", views=139, views_previous=100, ikm=Fraction(78), ikm_previous=Fraction(84)),
        ServiceFacts("ktp", "KTP-el", views=150, views_previous=100, ikm=Fraction(85), ikm_previous=Fraction(84)),
        ServiceFacts("ktp", "KTP-el", views=30, views_previous=10, ikm=Fraction(70), ikm_previous=Fraction(84)),
        ServiceFacts("ktp", "KTP-el", views=150, views_previous=100, ikm=None, ikm_previous=Fraction(84)),
    ],
    ids=["rise-below-40", "ikm-rose", "too-few-views-before", "no-survey"],
)
def test_demand_rule_stays_silent_otherwise(service):
    assert findings.demand_up_satisfaction_down(facts(services=[service])) is None


def test_frequent_searches_without_result_ask_for_a_service_or_keyword():
    found = findings.unmet_searches(facts(zero_result_searches={"paspor": 25, "izin usaha": 12, "x": 2}))
    assert "paspor" in found.text and "izin usaha" in found.text and "“x" not in found.text
    assert "kata kunci" in found.recommendation
    assert findings.unmet_searches(facts(zero_result_searches={"paspor": 9})) is None


def test_a_low_hand_off_for_a_service_with_an_online_channel_asks_to_check_the_channel():
    low = ServiceFacts("skck", "SKCK", views=200, handoffs=10, has_online_channel=True)
    assert "SKCK" in findings.low_handoff(facts(services=[low])).text
    offline = ServiceFacts("skck", "SKCK", views=200, handoffs=0, has_online_channel=False)
    few_views = ServiceFacts("skck", "SKCK", views=40, handoffs=0, has_online_channel=True)
    healthy = ServiceFacts("skck", "SKCK", views=200, handoffs=20, has_online_channel=True)
    for service in (offline, few_views, healthy):
        assert findings.low_handoff(facts(services=[service])) is None


def test_broken_links_ask_the_agency_to_fix_them():
    found = findings.broken_links(facts(broken_channels=["SiPraja", "SKCK online"]))
    assert found.text.startswith("2 tautan") and "SiPraja" in found.text
    assert findings.broken_links(facts()) is None


def test_the_weakest_element_is_named_when_it_lags():
    nrr = {**GOOD_NRR, "u3": Fraction("2.9")}
    found = findings.weakest_element(facts(element_nrr=nrr))
    assert "U3 Waktu penyelesaian" in found.text and "2,90" in found.text


def test_the_weakest_element_stays_silent_when_all_elements_are_close_and_good():
    nrr = {**GOOD_NRR, "u3": Fraction("3.2")}  # above the B floor and only 0.2 below the others
    assert findings.weakest_element(facts(element_nrr=nrr)) is None
    assert findings.weakest_element(facts(element_nrr={})) is None


def test_a_small_sample_asks_for_more_surveys():
    found = findings.small_sample(facts(respondents=120, minimum_sample=350))
    assert "120" in found.text and "350" in found.text
    assert findings.small_sample(facts(respondents=350, minimum_sample=350)) is None
    assert findings.small_sample(facts(respondents=3, minimum_sample=0)) is None


def test_a_low_grade_asks_for_a_follow_up_plan():
    assert "rencana tindak lanjut" in findings.satisfaction_level(facts(ikm=Fraction(70), grade="C")).recommendation
    assert findings.satisfaction_level(facts(ikm=None, grade=None)) is None


def test_at_most_five_findings_most_urgent_first():
    busy = facts(
        services=[
            ServiceFacts("ktp", "KTP-el", views=150, views_previous=100, ikm=Fraction(78), ikm_previous=Fraction(84)),
            ServiceFacts("skck", "SKCK", views=200, handoffs=1, has_online_channel=True),
        ],
        zero_result_searches={"paspor": 30},
        broken_channels=["SiPraja"],
        element_nrr={**GOOD_NRR, "u3": Fraction("2.5")},
        respondents=10,
    )
    assert rules_fired(busy) == [
        "broken_links",
        "demand_up_satisfaction_down",
        "weakest_element",
        "unmet_searches",
        "low_handoff",
    ]


def test_findings_speak_english_on_english_summaries():
    from django.utils import translation

    with translation.override("en"):
        found = findings.broken_links(facts(broken_channels=["SiPraja"]))
    assert "link" in found.text and "tautan" not in found.text
