"""IKM arithmetic on worked examples (PermenPAN-RB 14/2017)."""

from fractions import Fraction

import pytest

from feedback import ikm
from feedback.elements import FIELDS


def answers(*rows):
    return [dict(zip(FIELDS, row, strict=True)) for row in rows]


def rounded_weight_ikm(result):
    """What a spreadsheet using the printed 0,111 weight would report."""
    return sum(float(v) * 0.111 for v in result.nrr.values()) * 25


def test_it_averages_each_element_over_the_respondents_who_answered_it():
    result = ikm.compute_scores(answers([4, 4, 4, 4, 4, 4, 4, 4, 4], [2, 2, None, 2, 2, 2, 2, 2, 2]))
    assert result.respondents == 2
    assert result.nrr["u1"] == 3
    assert result.nrr["u3"] == 4  # one answer, not divided by two respondents


def test_it_computes_the_index_as_the_mean_of_nine_nrrs_times_25():
    result = ikm.compute_scores(answers([4, 3, 3, 4, 3, 3, 4, 3, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3]))
    # NRRs: 3.5, 3, 3, 3.5, 3, 3, 3.5, 3, 3 -> sum 28.5 -> 28.5 / 9 * 25
    assert result.ikm == Fraction(285, 10) / 9 * 25
    assert result.as_json()["ikm"] == 79.16  # 79.1666... shown rounded down
    assert result.grade == "B"


def test_exact_weights_give_an_a_where_the_printed_0_111_weight_gives_a_b():
    # Ten respondents, 318 points out of 360: 48 answers of 4 and 42 answers of 3.
    flat = [4] * 48 + [3] * 42
    rows = [flat[i * 9 : (i + 1) * 9] for i in range(10)]
    result = ikm.compute_scores(answers(*rows))
    assert result.ikm == Fraction(318 * 25, 90)  # 88.333...
    assert result.grade == "A"
    assert ikm.grade_for(rounded_weight_ikm(result)) == "B"  # 88.245 with 0.111


@pytest.mark.parametrize(
    "value, grade",
    [
        ("88.31", "A"),
        ("88.30", "B"),
        ("88.305", "B"),  # not yet 88.31: the unrounded value is compared
        ("88.30999", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("100", "A"),
        ("25", "D"),
    ],
)
def test_grade_bands_follow_the_regulation_floors(value, grade):
    assert ikm.grade_for(Fraction(value)) == grade


def test_a_shown_ikm_never_claims_a_band_it_did_not_reach():
    assert ikm.round2(Fraction("88.305"), down=True) == 88.30
    assert ikm.format_ikm(Fraction("88.305")) == "88,30"
    assert ikm.round2(Fraction("3.455")) == 3.46  # NRRs round half up


def test_there_is_no_index_until_every_element_has_answers():
    result = ikm.compute_scores(answers([4, 4, 4, None, 4, 4, 4, 4, 4]))
    assert result.ikm is None
    assert result.grade is None
    assert result.as_json()["nrr"]["u4"] is None


@pytest.mark.parametrize("population, sample", [(10, 10), (100, 80), (1000, 278), (10000, 370), (1000000, 384)])
def test_minimum_sample_follows_krejcie_and_morgan(population, sample):
    assert ikm.minimum_sample(population) == sample


def test_it_warns_only_when_respondents_are_fewer_than_the_minimum_sample():
    result = ikm.compute_scores(answers(*[[4] * 9] * 79))
    result.population = 100
    assert result.sample_too_small
    result.population = 50  # needs 45
    assert not result.sample_too_small
    result.population = None  # unknown: no warning
    assert not result.sample_too_small
